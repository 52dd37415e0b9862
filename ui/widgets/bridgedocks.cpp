#include "bridgedocks.h"

#include "codepanel.h"
#include "frameworkspanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTableWidget>

#include <algorithm>

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
    // Shown, the docks take the height the Frameworks table needs, at most 40% of the window:
    // the stage keeps the rest, and its numbers stay large (a fixed 300 px left cells of 20 px
    // at 1280×720, a blank band under the table).
    QObject::connect(frameworks, &QDockWidget::visibilityChanged, panels.frameworks,
                     [window, frameworks, panel = panels.frameworks](bool visible) {
                         if (!visible)
                             return;
                         panel->table()->resizeRowsToContents(); // at the width it now has
                         const int title = frameworks->height() - frameworks->widget()->height();
                         const int height = std::min(panel->contentHeight() + std::max(0, title),
                                                     window->height() * 2 / 5);
                         window->resizeDocks({frameworks}, {height}, Qt::Vertical);
                     });
    frameworks->toggleViewAction()->setToolTip(
        QObject::tr("What PyTorch, TensorFlow, ONNX and NumPy make of these parameters"));
    code->toggleViewAction()->setToolTip(
        QObject::tr("A script that reproduces this pooling in a framework"));
    return panels;
}

} // namespace poolviz
