#include "teachingdocks.h"

#include "photodocument.h"
#include "photoworkspace.h"
#include "predict.h"
#include "predictpanel.h"
#include "settings.h"
#include "stagewidget.h"
#include "strideexplorer.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTabWidget>

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
    QObject::connect(predict, &QDockWidget::visibilityChanged, session, [session, predict] {
        if (predict->isHidden())
            session->stop(); // closed: nothing stays hidden on the stage
    });

    auto *explorer = new StrideExplorer(document);
    QDockWidget *stride = dock(explorer, QObject::tr("Stride Explorer"),
                               QStringLiteral("strideDock"), Qt::BottomDockWidgetArea);
    stride->toggleViewAction()->setToolTip(
        QObject::tr("The input pooled at every stride (or kernel size) side by side, with the "
                    "cells each setting reads"));
    if (auto *ws = qobject_cast<PhotoWorkspace *>(photo)) {
        PhotoDocument *doc = ws->document();
        const auto sendPhoto = [doc, explorer] {
            explorer->setPhoto(doc->hasInput() ? doc->input() : Tensor(), doc->inputName(),
                               doc->parametersDocument());
        };
        QObject::connect(doc, &PhotoDocument::inputChanged, explorer, sendPhoto);
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
