// The main window's actions (createActions), menus, their enabled state (updateActions), the
// shortcut list and the About box.

#include "mainwindow.h"

#include "animationexportdialog.h"

#include <functional>

#include "bridgedocks.h"
#include "examples.h"
#include "imageio.h"
#include "language.h"
#include "languagemenu.h"
#include "lessoncontroller.h"
#include "limitsdialog.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "parameterpanel.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "settings.h"
#include "stagerenderer.h"
#include "stagewidget.h"
#include "traceplayer.h"

#include "animationexport.h"

#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photodocument.h"
#include "photoworkspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHash>
#include <QImageReader>
#include <QKeyEvent>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>

namespace poolviz {

namespace {

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    return QIcon::fromTheme(QString::fromLatin1(name), widget->style()->standardIcon(fallback));
}

/// "Play (Space)": a tooltip that names the shortcut.
void setShortcutTip(QAction *action, const QString &tip)
{
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys));
}

/// Space presses a button reached with Tab, as everywhere on the desktop, instead of playing:
/// a keyboard user could not press "+ Channel" or "Remove" otherwise. A button focused by a
/// click leaves Space to Play, so a teacher who clicked New Random can still press Space.
class TabbedButtonSpace : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusIn && qobject_cast<QAbstractButton *>(watched)) {
            const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
            const bool tabbed = reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason;
            m_tabbed = tabbed ? watched : nullptr;
        } else if (event->type() == QEvent::ShortcutOverride && watched == m_tabbed) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
                event->accept();
                return true;
            }
        }
        return false;
    }

private:
    QPointer<QObject> m_tabbed;
};

} // namespace

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text,
                             const QKeySequence &keys = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!keys.isEmpty())
            a->setShortcut(keys);
        addAction(a); // shortcuts work even when the menu bar is hidden (full screen)
        return a;
    };

    m_openAct = make(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open);
    m_openAct->setIcon(themeIcon("document-open", QStyle::SP_DialogOpenButton, this));
    setShortcutTip(m_openAct, tr("Open a matrix (.csv, .txt, .npy) or an image"));
    connect(m_openAct, &QAction::triggered, this, [this] {
        QStringList patterns{QStringLiteral("*.csv"), QStringLiteral("*.txt"),
                             QStringLiteral("*.npy")};
        QStringList images;
        for (const QByteArray &f : QImageReader::supportedImageFormats())
            images << QStringLiteral("*.%1").arg(QString::fromLatin1(f));
        const QString filters =
            tr("Matrices and images (%1 %2);;")
                .arg(patterns.join(QLatin1Char(' ')), images.join(QLatin1Char(' '))) +
            tr("Matrices (%1)").arg(patterns.join(QLatin1Char(' '))) +
            tr(";;Images (%1)").arg(images.join(QLatin1Char(' ')));
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open"), m_settings ? m_settings->lastDirectory() : QString(), filters);
        if (!path.isEmpty())
            openFile(path);
        focusStage();
    });

    m_saveAct = make(QStringLiteral("saveMatrix"), tr("&Save Matrix"), QKeySequence::Save);
    m_saveAct->setIcon(themeIcon("document-save", QStyle::SP_DialogSaveButton, this));
    setShortcutTip(m_saveAct, tr("Save the input matrix"));
    connect(m_saveAct, &QAction::triggered, this, [this] {
        if (m_savePath.isEmpty())
            saveMatrixAs();
        else
            saveMatrix(m_savePath);
    });
    m_saveAsAct =
        make(QStringLiteral("saveMatrixAs"), tr("Save Matrix &As…"), QKeySequence::SaveAs);
    connect(m_saveAsAct, &QAction::triggered, this, &MainWindow::saveMatrixAs);

    m_quitAct = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit);
    m_quitAct->setMenuRole(QAction::QuitRole);
    connect(m_quitAct, &QAction::triggered, this, &QWidget::close);

    // One Undo for the window: the stack of the parameters on screen (QUndoGroup's active one).
    m_undoGroup = new QUndoGroup(this);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->addStack(m_photoDocument->windowDocument()->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    QUndoGroup *stack = m_undoGroup;
    m_undoAct = stack->createUndoAction(this, tr("&Undo"));
    m_undoAct->setObjectName(QStringLiteral("undo"));
    m_undoAct->setShortcuts(QKeySequence::Undo);
    m_undoAct->setIcon(themeIcon("edit-undo", QStyle::SP_ArrowBack, this));
    m_redoAct = stack->createRedoAction(this, tr("&Redo"));
    m_redoAct->setObjectName(QStringLiteral("redo"));
    m_redoAct->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAct->setIcon(themeIcon("edit-redo", QStyle::SP_ArrowForward, this));
    addAction(m_undoAct);
    addAction(m_redoAct);

    m_pasteAct = make(QStringLiteral("paste"), tr("&Paste Matrix or Image"), QKeySequence::Paste);
    setShortcutTip(m_pasteAct, tr("Use the clipboard's matrix text or image"));
    connect(m_pasteAct, &QAction::triggered, this, &MainWindow::pasteFromClipboard);
    m_copyStageAct = make(QStringLiteral("copyStage"), tr("&Copy Stage Image"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyStageAct, &QAction::triggered, this, [this] {
        const auto trace = m_document->trace();
        if (!trace)
            return;
        StageView view = m_stage->view();
        view.motion = 1.0;
        view.hover.reset();
        const StageRenderer renderer(*trace);
        QApplication::clipboard()->setImage(renderer.render(renderer.preferredSize(), view));
        showMessage(tr("Copied the stage to the clipboard."));
    });

    m_phaseGroup = new QActionGroup(this);
    m_forwardPhaseAct =
        make(QStringLiteral("forwardPhase"), tr("&Forward Pass"), QKeySequence(Qt::Key_F));
    m_backwardPhaseAct =
        make(QStringLiteral("backwardPhase"), tr("&Backward Pass"), QKeySequence(Qt::Key_B));
    m_unpoolPhaseAct = make(QStringLiteral("unpoolPhase"), tr("&Unpool"), QKeySequence(Qt::Key_U));
    for (QAction *a : {m_forwardPhaseAct, m_backwardPhaseAct, m_unpoolPhaseAct}) {
        a->setCheckable(true);
        m_phaseGroup->addAction(a);
    }
    m_forwardPhaseAct->setChecked(true);
    m_forwardPhaseAct->setIconText(tr("Forward"));
    m_backwardPhaseAct->setIconText(tr("Backward"));
    m_unpoolPhaseAct->setIconText(tr("Unpool"));
    setShortcutTip(m_unpoolPhaseAct, tr("Show unpooling: the pooled values go back to their "
                                        "argmax (max) or spread over their windows (average)"));
    connect(m_unpoolPhaseAct, &QAction::triggered, this, [this] { setPhase(Phase::Unpool); });
    setShortcutTip(m_forwardPhaseAct, tr("Show the forward pass: windows pool the input"));
    setShortcutTip(m_backwardPhaseAct,
                   tr("Show the backward pass: the gradient flows back to the input"));
    connect(m_forwardPhaseAct, &QAction::triggered, this, [this] { setPhase(Phase::Forward); });
    connect(m_backwardPhaseAct, &QAction::triggered, this, [this] { setPhase(Phase::Backward); });

    // Checked means reduced motion: the window jumps from step to step instead of sliding.
    m_smoothAct = make(QStringLiteral("reducedMotion"), tr("&Reduced Motion"),
                       QKeySequence(Qt::CTRL | Qt::Key_M));
    m_smoothAct->setCheckable(true);
    m_smoothAct->setChecked(false);
    m_smoothAct->setIconText(tr("Reduced motion"));
    setShortcutTip(m_smoothAct, tr("Reduced motion: the window jumps from step to step instead "
                                   "of sliding (follows the desktop's setting until chosen)"));
    connect(m_smoothAct, &QAction::toggled, this,
            [this](bool reduced) { m_stage->setSmoothMotion(!reduced); });

    m_fullScreenAct = make(QStringLiteral("fullScreen"), tr("F&ull Screen"));
    // The platform's key where it has one (Ctrl+Meta+F on macOS), else F11: never none.
    QList<QKeySequence> fullKeys = QKeySequence::keyBindings(QKeySequence::FullScreen);
    if (fullKeys.isEmpty())
        fullKeys << QKeySequence(Qt::Key_F11);
    m_fullScreenAct->setShortcuts(fullKeys);
    m_fullScreenAct->setCheckable(true);
    setShortcutTip(m_fullScreenAct, tr("Fill the screen (for projecting)"));
    connect(m_fullScreenAct, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else if (m_presenting)
            setPresenting(false);
        else
            showNormal();
        updateActions();
    });

    m_presentAct =
        make(QStringLiteral("presenter"), tr("&Presenter Mode"), QKeySequence(Qt::Key_F5));
    m_presentAct->setCheckable(true);
    m_presentAct->setIconText(tr("Present"));
    setShortcutTip(m_presentAct, tr("Full screen with only the stage, its legend and notes; "
                                    "Page Up/Down step, Esc leaves"));
    connect(m_presentAct, &QAction::toggled, this, [this](bool on) { setPresenting(on); });
    m_leaveAct = make(QStringLiteral("leaveFullScreen"), tr("Leave Presenter Mode"),
                      QKeySequence(Qt::Key_Escape));
    m_leaveAct->setEnabled(false);
    connect(m_leaveAct, &QAction::triggered, this, [this] {
        if (m_presenting)
            setPresenting(false);
        else if (isFullScreen())
            m_fullScreenAct->setChecked(false);
    });

    m_fractionsAct = make(QStringLiteral("fractions"), tr("Show &Fractions"),
                          QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_fractionsAct->setCheckable(true);
    setShortcutTip(m_fractionsAct,
                   tr("Write values such as 0.25 and 0.444… as the fractions ¼ and 4/9"));
    connect(m_fractionsAct, &QAction::toggled, this,
            [this](bool on) { m_stage->setFractions(on); });

    m_panelsAct = make(QStringLiteral("showPanels"), tr("Show &Editing Panels"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_panelsAct->setCheckable(true);
    m_panelsAct->setChecked(true);
    setShortcutTip(m_panelsAct, tr("Hide the parameters and the matrix editor to give the stage "
                                   "the whole window (for projecting)"));
    connect(m_panelsAct, &QAction::triggered, this, [this] { m_foldedAtWidth = 0; });
    connect(m_panelsAct, &QAction::toggled, this, [this](bool on) {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("parametersDock")))
            dock->setVisible(on);
        m_editorPane->setVisible(on);
    });

    m_playAct = make(QStringLiteral("playPause"), tr("&Play"), QKeySequence(Qt::Key_Space));
    qApp->installEventFilter(new TabbedButtonSpace(this));
    connect(m_playAct, &QAction::triggered, m_player, &TracePlayer::togglePlay);
    m_backAct = make(QStringLiteral("stepBack"), tr("Step &Back"), QKeySequence(Qt::Key_Left));
    // A presentation clicker's Page Up / Page Down step too (LessonController: or change scene).
    m_backAct->setIcon(themeIcon("media-seek-backward", QStyle::SP_MediaSeekBackward, this));
    setShortcutTip(m_backAct, tr("Previous step"));
    connect(m_backAct, &QAction::triggered, m_player, &TracePlayer::back);
    m_forwardAct =
        make(QStringLiteral("stepForward"), tr("Step &Forward"), QKeySequence(Qt::Key_Right));
    m_forwardAct->setIcon(themeIcon("media-seek-forward", QStyle::SP_MediaSeekForward, this));
    setShortcutTip(m_forwardAct, tr("Next step"));
    connect(m_forwardAct, &QAction::triggered, m_player, &TracePlayer::forward);
    m_firstAct = make(QStringLiteral("firstStep"), tr("F&irst Step"), QKeySequence(Qt::Key_Home));
    m_firstAct->setIcon(themeIcon("media-skip-backward", QStyle::SP_MediaSkipBackward, this));
    setShortcutTip(m_firstAct, tr("Back to the start, before the first window"));
    connect(m_firstAct, &QAction::triggered, m_player, &TracePlayer::first);
    m_lastAct = make(QStringLiteral("lastStep"), tr("&Last Step"), QKeySequence(Qt::Key_End));
    m_lastAct->setIcon(themeIcon("media-skip-forward", QStyle::SP_MediaSkipForward, this));
    setShortcutTip(m_lastAct, tr("Jump to the last step: the whole output"));
    connect(m_lastAct, &QAction::triggered, m_player, &TracePlayer::last);
    m_fasterAct = make(QStringLiteral("faster"), tr("Fas&ter"), QKeySequence(Qt::Key_BracketRight));
    connect(m_fasterAct, &QAction::triggered, this,
            [this] { m_player->setSpeed(m_player->fasterSpeed()); });
    m_slowerAct = make(QStringLiteral("slower"), tr("Slo&wer"), QKeySequence(Qt::Key_BracketLeft));
    connect(m_slowerAct, &QAction::triggered, this,
            [this] { m_player->setSpeed(m_player->slowerSpeed()); });
    setShortcutTip(m_fasterAct, tr("Play faster"));
    setShortcutTip(m_slowerAct, tr("Play slower"));

    const auto exportAct = [&](const QString &name, const QString &text, const QString &tip) {
        QAction *a = make(name, text);
        a->setToolTip(tip);
        return a;
    };
    m_exportPngAct = exportAct(QStringLiteral("exportStagePng"), tr("Stage as &PNG…"),
                               tr("The stage at this step as a PNG picture"));
    m_exportPngAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportSvgAct = exportAct(QStringLiteral("exportStageSvg"), tr("Stage as &SVG…"),
                               tr("The stage at this step as scalable vector graphics for slides"));
    m_exportPdfAct = exportAct(QStringLiteral("exportStagePdf"), tr("Stage as P&DF…"),
                               tr("The stage at this step as a one-page PDF"));
    m_exportGifAct = exportAct(QStringLiteral("exportGif"), tr("Animation as &GIF…"),
                               tr("Every step as an animated GIF"));
    m_exportFramesAct = exportAct(QStringLiteral("exportFrames"), tr("Animation as PNG &Frames…"),
                                  tr("Every step as numbered PNG pictures in a folder"));
    m_exportOutputAct = exportAct(QStringLiteral("exportOutput"), tr("&Output Matrix…"),
                                  tr("The pooled output as CSV or .npy"));
    m_exportGradientAct = exportAct(QStringLiteral("exportGradient"), tr("&Input Gradient…"),
                                    tr("The backward pass's input gradient as CSV or .npy"));
    connect(m_exportPngAct, &QAction::triggered, this, [this] {
        const QString p =
            askSavePath(tr("Export Stage as PNG"), tr("PNG images (*.png)"), QStringLiteral("png"));
        if (!p.isEmpty())
            exportStage(p);
    });
    connect(m_exportSvgAct, &QAction::triggered, this, [this] {
        const QString p = askSavePath(tr("Export Stage as SVG"), tr("SVG drawings (*.svg)"),
                                      QStringLiteral("svg"));
        if (!p.isEmpty())
            exportStage(p);
    });
    connect(m_exportPdfAct, &QAction::triggered, this, [this] {
        const QString p = askSavePath(tr("Export Stage as PDF"), tr("PDF documents (*.pdf)"),
                                      QStringLiteral("pdf"));
        if (!p.isEmpty())
            exportStage(p);
    });
    connect(m_exportGifAct, &QAction::triggered, this, [this] {
        const QString p = askSavePath(tr("Export Animation as GIF"), tr("GIF animations (*.gif)"),
                                      QStringLiteral("gif"));
        if (!p.isEmpty())
            openAnimationExport(p);
    });
    connect(m_exportFramesAct, &QAction::triggered, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export Animation Frames into Folder"),
                                              m_settings ? m_settings->lastDirectory() : QString());
        if (!dir.isEmpty())
            openAnimationExport(dir);
    });
    connect(m_exportOutputAct, &QAction::triggered, this, [this] {
        const QString p =
            askSavePath(tr("Export Output Matrix"), tr("NumPy arrays (*.npy);;CSV files (*.csv)"),
                        QStringLiteral("npy"));
        if (!p.isEmpty())
            exportOutput(p);
    });
    connect(m_exportGradientAct, &QAction::triggered, this, [this] {
        const QString p =
            askSavePath(tr("Export Input Gradient"), tr("NumPy arrays (*.npy);;CSV files (*.csv)"),
                        QStringLiteral("npy"));
        if (!p.isEmpty())
            exportInputGradient(p);
    });

    m_shortcutsAct =
        make(QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents);
    connect(m_shortcutsAct, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAct = make(QStringLiteral("about"), tr("&About PoolViz"));
    m_aboutAct->setMenuRole(QAction::AboutRole);
    connect(m_aboutAct, &QAction::triggered, this, &MainWindow::about);

    m_playback->setActions({m_firstAct, m_backAct, m_playAct, m_forwardAct, m_lastAct, m_smoothAct,
                            m_forwardPhaseAct, m_backwardPhaseAct});
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(m_openAct);
    m_fileMenu->addAction(m_saveAct);
    m_fileMenu->addAction(m_saveAsAct);
    m_fileMenu->addSeparator();
    QMenu *photoMenu = m_fileMenu->addMenu(tr("P&hoto"));
    photoMenu->setObjectName(QStringLiteral("photoMenu"));
    for (QAction *a : m_photo->fileActions())
        photoMenu->addAction(a);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAct);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAct);
    edit->addAction(m_redoAct);
    edit->addSeparator();
    edit->addAction(m_pasteAct);
    edit->addAction(m_copyStageAct);
    edit->addSeparator();
    edit->addAction(tr("&Limits…"), this, [this] {
        LimitsDialog dialog(currentLimits(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        setCurrentLimits(dialog.limits());
        if (m_settings)
            m_settings->setLimits(dialog.limits());
        m_document->refresh();
    });

    m_examplesMenu = menuBar()->addMenu(tr("E&xamples"));
    m_examplesMenu->setObjectName(QStringLiteral("examplesMenu"));
    m_examplesMenu->setToolTipsVisible(true);
    // One submenu per idea taught, in teaching order.
    QHash<QString, QMenu *> groups;
    for (const std::string &group : exampleGroups()) {
        QMenu *sub = m_examplesMenu->addMenu(exampleText(group));
        sub->setToolTipsVisible(true);
        groups.insert(QString::fromStdString(group), sub);
    }
    for (const Example &ex : examples()) {
        QAction *a =
            groups.value(QString::fromStdString(ex.group))->addAction(exampleText(ex.title));
        const QString id = QString::fromStdString(ex.id);
        a->setObjectName(QStringLiteral("example:%1").arg(id));
        a->setData(id);
        a->setToolTip(exampleText(ex.source));
        a->setStatusTip(exampleText(ex.source));
        connect(a, &QAction::triggered, this, [this, id] { loadExample(id); });
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu")); // LessonController adds to it
    view->addAction(m_forwardPhaseAct);
    view->addAction(m_backwardPhaseAct);
    view->addAction(m_unpoolPhaseAct);
    view->addSeparator();
    view->addAction(m_fractionsAct);
    view->addAction(m_smoothAct);
    view->addSeparator();
    view->addAction(m_presentAct);
    view->addAction(m_fullScreenAct);
    view->addAction(m_panelsAct);
    view->addSeparator();
    for (const char *name :
         {"parametersDock", "frameworksDock", "codeDock", "predictDock", "strideDock"})
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            view->addAction(dock->toggleViewAction());
    if (auto *predict = findChild<QAction *>(QStringLiteral("predictMode")))
        view->addAction(predict);
    view->addSeparator();
    auto *language = new LanguageMenu(m_settings, view);
    view->addMenu(language);
    connect(language, &LanguageMenu::languageChosen, this,
            [this](const QString &, const QString &note) { showMessage(note); });

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    playback->addAction(m_playAct);
    playback->addSeparator();
    playback->addAction(m_firstAct);
    playback->addAction(m_backAct);
    playback->addAction(m_forwardAct);
    playback->addAction(m_lastAct);
    playback->addSeparator();
    playback->addAction(m_slowerAct);
    playback->addAction(m_fasterAct);

    QMenu *exportMenu = menuBar()->addMenu(tr("E&xport"));
    exportMenu->setToolTipsVisible(true);
    exportMenu->addAction(m_exportPngAct);
    exportMenu->addAction(m_exportSvgAct);
    exportMenu->addAction(m_exportPdfAct);
    exportMenu->addSeparator();
    exportMenu->addAction(m_exportGifAct);
    exportMenu->addAction(m_exportFramesAct);
    exportMenu->addSeparator();
    exportMenu->addAction(m_exportOutputAct);
    exportMenu->addAction(m_exportGradientAct);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAct);
    help->addAction(m_aboutAct);
}

void MainWindow::updateActions()
{
    const bool hasTrace = m_document->trace() != nullptr;
    const int step = m_document->step();
    const int count = m_document->stepCount();
    const bool playing = m_player->isPlaying();
    // The photo tab has its own paste and sliding window: the matrix stage's keys rest meanwhile.
    const bool matrixTab = m_workspaceTabs->currentWidget() == m_matrixSplitter;
    m_pasteAct->setEnabled(matrixTab);
    m_forwardPhaseAct->setEnabled(matrixTab);
    m_backwardPhaseAct->setEnabled(matrixTab);
    m_unpoolPhaseAct->setEnabled(matrixTab);
    m_playAct->setEnabled(matrixTab && count > 0);
    m_playAct->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAct->setIcon(playing ? themeIcon("media-playback-pause", QStyle::SP_MediaPause, this)
                               : themeIcon("media-playback-start", QStyle::SP_MediaPlay, this));
    setShortcutTip(m_playAct, playing ? tr("Pause") : tr("Play the steps one by one"));
    m_firstAct->setEnabled(matrixTab && count > 0 && step > -1);
    m_backAct->setEnabled(matrixTab && count > 0 && step > -1);
    m_forwardAct->setEnabled(matrixTab && count > 0 && step < count - 1);
    m_lastAct->setEnabled(matrixTab && count > 0 && step < count - 1);
    for (QAction *a : {m_exportPngAct, m_exportSvgAct, m_exportPdfAct, m_exportGifAct,
                       m_exportFramesAct, m_exportOutputAct, m_copyStageAct})
        a->setEnabled(hasTrace);
    m_exportGradientAct->setEnabled(hasTrace && m_document->phase() == Phase::Backward);
    m_leaveAct->setEnabled(m_presenting || isFullScreen());
    m_forwardPhaseAct->setChecked(m_document->phase() == Phase::Forward);
    m_backwardPhaseAct->setChecked(m_document->phase() == Phase::Backward);
    m_unpoolPhaseAct->setChecked(m_document->phase() == Phase::Unpool);
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (QAction *a :
         {m_playAct,   m_backAct,      m_forwardAct,      m_firstAct,         m_lastAct,
          m_slowerAct, m_fasterAct,    m_forwardPhaseAct, m_backwardPhaseAct, m_unpoolPhaseAct,
          m_smoothAct, m_fractionsAct, m_presentAct,      m_leaveAct,         m_fullScreenAct,
          m_panelsAct, m_undoAct,      m_redoAct,         m_pasteAct,         m_copyStageAct,
          m_openAct,   m_saveAct,      m_exportPngAct}) {
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        QString text = a->text();
        text.remove(QLatin1Char('&'));
        if (a == m_playAct)
            text = tr("Play / Pause");
        else if (a == m_undoAct)
            text = tr("Undo");
        else if (a == m_redoAct)
            text = tr("Redo");
        rows += QStringLiteral("<tr><td style='padding-right:24px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.join(QStringLiteral(", ")), text.toHtmlEscaped());
    }
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"),
                    QStringLiteral("<table>%1</table><p>%2</p>")
                        .arg(rows, tr("In the matrix table the arrow keys move between cells; "
                                      "typing replaces a value; Delete sets it to 0.")),
                    QMessageBox::Close, this);
    box.exec();
    focusStage();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About PoolViz"),
                       tr("<h3>PoolViz %1</h3><p>Step through 2-D pooling as a CNN does it: every "
                          "window, its winner, the output it fills and, backward, where the "
                          "gradient goes.</p><p>Every number comes from PoolViz's core, which "
                          "matches PyTorch (and TensorFlow for SAME/VALID padding).</p>")
                           .arg(QCoreApplication::applicationVersion()));
    focusStage();
}

} // namespace poolviz
