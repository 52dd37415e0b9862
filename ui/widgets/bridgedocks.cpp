#include "bridgedocks.h"

#include "codepanel.h"
#include "frameworkspanel.h"

#include <QDockWidget>
#include <QMainWindow>

namespace poolviz {

BridgePanels addBridgeDocks(QMainWindow *window, PoolDocument *document)
{
    auto dock = [&](QWidget *panel, const QString &title, const QString &name) {
        auto *d = new QDockWidget(title, window);
        d->setObjectName(name);
        d->setWidget(panel);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        window->addDockWidget(Qt::BottomDockWidgetArea, d);
        d->hide();
        return d;
    };
    const BridgePanels panels{new FrameworksPanel(document), new CodePanel(document)};
    QDockWidget *frameworks =
        dock(panels.frameworks, QObject::tr("Frameworks"), QStringLiteral("frameworksDock"));
    QDockWidget *code = dock(panels.code, QObject::tr("Code"), QStringLiteral("codeDock"));
    window->tabifyDockWidget(frameworks, code);
    window->resizeDocks({frameworks}, {300}, Qt::Vertical); // the stage keeps most of the height
    frameworks->toggleViewAction()->setToolTip(
        QObject::tr("What PyTorch, TensorFlow, ONNX and NumPy make of these parameters"));
    code->toggleViewAction()->setToolTip(
        QObject::tr("A script that reproduces this pooling in a framework"));
    return panels;
}

} // namespace poolviz
