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
    // Shown, a dock takes the height its panel asks for, capped so the stage keeps the rest and
    // its numbers stay large: the Frameworks table whole up to 40% of the window (a fixed 300 px
    // left cells of 20 px at 1280×720, a blank band under the table), the script a quarter (it
    // scrolls; its text edit's default height took 37% at 1280×720).
    const auto fitHeight = [window](QDockWidget *dock, int panelHeight, int percent) {
        const int title = std::max(0, dock->height() - dock->widget()->height());
        window->resizeDocks({dock},
                            {std::min(panelHeight + title, window->height() * percent / 100)},
                            Qt::Vertical);
    };
    QObject::connect(frameworks, &QDockWidget::visibilityChanged, panels.frameworks,
                     [fitHeight, frameworks, panel = panels.frameworks](bool visible) {
                         if (!visible)
                             return;
                         panel->table()->resizeRowsToContents(); // at the width it now has
                         fitHeight(frameworks, panel->contentHeight(), 40);
                     });
    QObject::connect(code, &QDockWidget::visibilityChanged, panels.code,
                     [fitHeight, code, panel = panels.code](bool visible) {
                         if (visible)
                             fitHeight(code, panel->sizeHint().height(), 25);
                     });
    frameworks->toggleViewAction()->setToolTip(
        QObject::tr("What PyTorch, TensorFlow, ONNX and NumPy make of these parameters"));
    code->toggleViewAction()->setToolTip(
        QObject::tr("A script that reproduces this pooling in a framework"));
    return panels;
}

} // namespace poolviz
