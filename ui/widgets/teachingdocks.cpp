#include "teachingdocks.h"

#include "mainwindow.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "predict.h"
#include "predictpanel.h"
#include "predictstrip.h"
#include "settings.h"
#include "stagewidget.h"
#include "strideexplorer.h"

#include <QAction>
#include <QBoxLayout>
#include <QDockWidget>
#include <QMainWindow>
#include <QTabWidget>

#include <algorithm>

namespace poolviz {

void addTeachingDocks(QMainWindow *window, PoolDocument *document, StageWidget *stage,
                      QTabWidget *workspaces, QWidget *photo, Settings *settings)
{
    auto dock = [&](QWidget *panel, const QString &title, const QString &name,
                    Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, window);
        d->setObjectName(name);
        d->setWidget(panel);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        window->addDockWidget(area, d);
        d->hide();
        return d;
    };

    auto *session = new PredictSession(document, window);
    if (settings) {
        session->setHideAnswers(settings->predictHidesAnswers());
        QObject::connect(session, &PredictSession::changed, window, [session, settings] {
            if (settings->predictHidesAnswers() != session->hideAnswers())
                settings->setPredictHidesAnswers(session->hideAnswers());
        });
    }
    QDockWidget *predict = dock(new PredictPanel(session), QObject::tr("Predict"),
                                QStringLiteral("predictDock"), Qt::RightDockWidgetArea);
    predict->toggleViewAction()->setToolTip(
        QObject::tr("Predict mode: guess each result before the stage shows it"));
    QObject::connect(session, &PredictSession::changed, stage, [session, stage] {
        stage->setConcealed(session->concealed(), session->prompt());
    });
    QObject::connect(stage, &StageWidget::cellClicked, session, [session](const StageCell &c) {
        if (c.grid == StageGrid::Input || c.grid == StageGrid::InputGradient)
            session->answerCell(c.row, c.col);
    });
    auto *main = qobject_cast<MainWindow *>(window);
    const auto presenting = [main] { return main && main->isPresenting(); };
    // Shown, the dock takes only the width its panel needs (prompt and verdict wrap): at
    // 1280×720 the parameter panel keeps its full width beside it.
    QObject::connect(predict, &QDockWidget::visibilityChanged, predict, [window, predict](bool on) {
        if (on)
            window->resizeDocks({predict}, {predict->minimumSizeHint().width()}, Qt::Horizontal);
    });
    QObject::connect(predict, &QDockWidget::visibilityChanged, session,
                     [session, predict, presenting] {
                         // Closed: nothing stays hidden on the stage. Presenter mode hides the
                         // dock but keeps the quiz: the strip under the stage takes over.
                         if (predict->isHidden() && !presenting())
                             session->stop();
                     });

    // Predict mode in presenter mode: the answer field, verdict and score under the stage.
    auto *strip = new PredictStrip(session);
    strip->hide();
    if (auto *column = qobject_cast<QBoxLayout *>(stage->parentWidget()->layout()))
        column->insertWidget(column->indexOf(stage) + 1, strip);
    else
        strip->setParent(window); // a stage without a column (tests): the strip stays hidden
    auto *predictAct = new QAction(QObject::tr("Pre&dict Mode"), window);
    predictAct->setObjectName(QStringLiteral("predictMode"));
    predictAct->setCheckable(true);
    predictAct->setShortcut(QKeySequence(Qt::Key_F6));
    predictAct->setToolTip(QObject::tr("Hide each result until the class has guessed it (F6); "
                                       "in presenter mode the answers go under the stage"));
    window->addAction(predictAct); // works while the menu bar is hidden (presenter mode)
    QObject::connect(predictAct, &QAction::toggled, session,
                     [session, predict, presenting](bool on) {
                         if (on && !session->isActive()) {
                             session->start();
                             if (!presenting())
                                 predict->show();
                         } else if (!on) {
                             session->stop();
                         }
                     });
    const auto follow = [session, predict, strip, predictAct, presenting] {
        const QSignalBlocker block(predictAct);
        predictAct->setChecked(session->isActive());
        strip->setVisible(presenting() && session->isActive());
        // Leaving presenter mode while predicting: the quiz goes on in its dock.
        if (!presenting() && session->isActive() && predict->isHidden())
            predict->show();
    };
    QObject::connect(session, &PredictSession::changed, strip, follow);
    if (main)
        QObject::connect(main, &MainWindow::presentingChanged, strip, follow);

    auto *explorer = new StrideExplorer(document);
    QDockWidget *stride = dock(explorer, QObject::tr("Stride Explorer"),
                               QStringLiteral("strideDock"), Qt::BottomDockWidgetArea);
    stride->toggleViewAction()->setToolTip(
        QObject::tr("The input pooled at every stride (or kernel size) side by side, with the "
                    "cells each setting reads"));
    // Shown, the dock takes the height its tiles want, at most 40 % of the window so the stage
    // keeps its numbers (the tiles' own minimum, cells of 18 px, wins over that cap).
    QObject::connect(
        stride, &QDockWidget::visibilityChanged, stride, [window, stride, explorer](bool on) {
            if (on && !stride->isFloating() &&
                window->dockWidgetArea(stride) != Qt::LeftDockWidgetArea &&
                window->dockWidgetArea(stride) != Qt::RightDockWidgetArea)
                window->resizeDocks(
                    {stride}, {std::min(explorer->preferredHeight(), window->height() * 2 / 5)},
                    Qt::Vertical);
        });
    if (auto *ws = qobject_cast<PhotoWorkspace *>(photo)) {
        PhotoDocument *doc = ws->document();
        const auto sendPhoto = [doc, explorer] {
            explorer->setPhoto(doc->sharedInput(), doc->inputName(), doc->parametersDocument());
        };
        QObject::connect(doc, &PhotoDocument::inputChanged, explorer, sendPhoto);
        QObject::connect(doc, &PhotoDocument::linkedChanged, explorer, sendPhoto);
        sendPhoto();
    }
    if (workspaces && photo) {
        QObject::connect(workspaces, &QTabWidget::currentChanged, explorer,
                         [workspaces, photo, explorer] {
                             explorer->setSource(workspaces->currentWidget() == photo
                                                     ? StrideExplorer::Source::Photo
                                                     : StrideExplorer::Source::Matrix);
                         });
    }
}

} // namespace poolviz
