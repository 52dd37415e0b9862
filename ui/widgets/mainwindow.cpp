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
#include "undocommands.h"

#include "animationexport.h"

#if __has_include("photoworkspace.h")
#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photoworkspace.h"
#define POOLVIZ_HAVE_PHOTO 1
#endif

#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QResizeEvent>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSvgGenerator>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

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

/// Whether the desktop asks for reduced motion, where it says so: GNOME's "enable-animations"
/// off, or a platform theme (KDE's "GraphicEffectsLevel") that turns Qt's UI effects off.
bool desktopPrefersReducedMotion()
{
    const QString desktop = qEnvironmentVariable("XDG_CURRENT_DESKTOP").toUpper();
    if (desktop.contains(QLatin1String("GNOME"))) {
        QProcess gsettings;
        gsettings.start(QStringLiteral("gsettings"),
                        {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                         QStringLiteral("enable-animations")});
        if (gsettings.waitForFinished(500) && gsettings.exitCode() == 0)
            return gsettings.readAllStandardOutput().trimmed() == "false";
        return false;
    }
    if (desktop.contains(QLatin1String("KDE")))
        return !QApplication::isEffectEnabled(Qt::UI_General);
    return false;
}

QString suffixOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

} // namespace

MainWindow::MainWindow(Settings *settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_document(new PoolDocument(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/poolviz.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createWidgets();
    createActions();
    createMenus();
    m_lessons = new LessonController(this, m_fileMenu);
    const QScreen *screen = QGuiApplication::primaryScreen();
    resize(screen ? fittingSize(screen->availableGeometry().size()) : defaultSize());

    connect(m_document, &PoolDocument::traceChanged, this, &MainWindow::updateActions);
    connect(m_document, &PoolDocument::stepChanged, this, &MainWindow::updateActions);
    connect(m_document, &PoolDocument::phaseChanged, this, [this] {
        // Backward, the upstream gradient is what one edits; forward, the input.
        m_editorTabs->setCurrentWidget(m_document->phase() == Phase::Backward
                                           ? static_cast<QWidget *>(m_upstreamEditor)
                                           : m_inputEditor);
        updateActions();
    });
    connect(m_document, &PoolDocument::inputChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PoolDocument::inputModifiedChanged, this, &MainWindow::updateTitle);
    connect(m_playback, &PlaybackBar::playingChanged, this, &MainWindow::updateActions);
    connect(m_workspaceTabs, &QTabWidget::currentChanged, this, [this] {
        const bool matrixTab = m_workspaceTabs->currentWidget() == m_matrixSplitter;
        if (!matrixTab)
            m_playback->pause();
        m_parameters->setMatrixGeometryVisible(matrixTab);
        m_inputStatus->setVisible(matrixTab);
        updateActions();
    });
    // A crop the photo tab sends becomes the matrix: show it there.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        QUndoStack *stack = m_document->undoStack();
        if (m_workspaceTabs->currentWidget() == m_matrixSplitter || index != stack->count() ||
            index == 0 || !dynamic_cast<const InputCommand *>(stack->command(index - 1)))
            return;
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        showMessage(
            tr("%1 is now the matrix (Undo goes back).").arg(m_document->inputDescription()));
    });
    const auto syncMotion = [this] {
        m_stage->setMotionDuration(std::min(450, m_playback->stepInterval() * 45 / 100));
    };
    connect(m_playback, &PlaybackBar::speedChanged, this, syncMotion);
    syncMotion();
    connect(m_stage, &StageWidget::hoverTextChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text);
    });
    connect(m_inputEditor, &MatrixEditor::message, this,
            [this](const QString &t) { showMessage(t); });
    // After "Use Matrix" (or Enter in a parameter's spin box) Space and the arrows play again.
    connect(m_inputEditor, &MatrixEditor::applied, this, &MainWindow::focusStage);
    connect(m_upstreamEditor, &MatrixEditor::applied, this, &MainWindow::focusStage);
    for (QAbstractSpinBox *spin : m_parameters->findChildren<QAbstractSpinBox *>())
        spin->installEventFilter(this);
    connect(m_upstreamEditor, &MatrixEditor::message, this,
            [this](const QString &t) { showMessage(t); });
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The widgets below die after this body, in ~QWidget: a tab widget dropping its pages then
    // emits currentChanged into lambdas of a window that is no longer a MainWindow (UBSan:
    // "member access within … which does not point to an object of type 'MainWindow'").
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

QSize MainWindow::fittingSize(const QSize &available)
{
    // Leave room for the title bar and frame the window manager adds.
    const QSize room(std::max(kMinimumWidth, available.width() - 24),
                     std::max(400, available.height() - 56));
    return defaultSize().boundedTo(room);
}

void MainWindow::focusStage()
{
    if (m_workspaceTabs->currentWidget() == m_matrixSplitter)
        m_stage->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
            qobject_cast<QAbstractSpinBox *>(watched)) {
            // The spin box takes its value first; then the stage has the keys again.
            QTimer::singleShot(0, this, &MainWindow::focusStage);
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // Only the user's resizing (and the window system's) folds panels, never a program's.
    if (event->spontaneous())
        QTimer::singleShot(0, this, &MainWindow::fitPanelsToNumbers);
}

void MainWindow::fitPanelsToNumbers()
{
    if (m_presenting || m_workspaceTabs->currentWidget() != m_matrixSplitter)
        return;
    if (m_panelsAct->isChecked() && m_stage->numbersCramped()) {
        // The panels give way before the numbers shrink or lose digits.
        m_panelsAct->setChecked(false);
        m_foldedAtWidth = width();
        showMessage(tr("Panels folded to keep the numbers readable (Ctrl+Shift+P shows them)."));
    } else if (m_foldedAtWidth > 0 && !m_panelsAct->isChecked() &&
               width() > m_foldedAtWidth + 240) {
        m_panelsAct->setChecked(true);
        m_foldedAtWidth = 0;
    }
}

void MainWindow::setPresenting(bool on, bool fullScreen)
{
    if (on == m_presenting)
        return;
    if (on) {
        // Every dock (parameters, frameworks, code) goes; each comes back as it was.
        QList<QDockWidget *> docks;
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            if (!dock->isHidden())
                docks << dock;
        m_beforePresenting = {docks,
                              !m_editorPane->isHidden(),
                              !menuBar()->isHidden(),
                              !statusBar()->isHidden(),
                              !m_workspaceTabs->tabBar()->isHidden(),
                              !m_playback->isHidden(),
                              isFullScreen()};
        m_presenting = true;
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        for (QDockWidget *dock : docks)
            dock->hide();
        m_editorPane->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_workspaceTabs->tabBar()->hide();
        m_playback->hide(); // the caption says which step; keys and a clicker drive it
        m_stage->setLegendShown(true);
        if (fullScreen && !isFullScreen())
            showFullScreen();
    } else {
        m_presenting = false;
        for (QDockWidget *dock : std::as_const(m_beforePresenting.docks))
            dock->show();
        m_editorPane->setVisible(m_beforePresenting.editor);
        menuBar()->setVisible(m_beforePresenting.menu);
        statusBar()->setVisible(m_beforePresenting.status);
        m_workspaceTabs->tabBar()->setVisible(m_beforePresenting.tabs);
        m_playback->setVisible(m_beforePresenting.playback);
        m_stage->setLegendShown(false);
        if (!m_beforePresenting.fullScreen && isFullScreen())
            showNormal();
    }
    const QSignalBlocker block(m_presentAct);
    m_presentAct->setChecked(on);
    {
        const QSignalBlocker blockFull(m_fullScreenAct);
        m_fullScreenAct->setChecked(isFullScreen() || (on && fullScreen));
    }
    updateActions();
    focusStage();
}

// --- construction -------------------------------------------------------------------------------

void MainWindow::createWidgets()
{
    m_parameters = new ParameterPanel(m_document);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_parameters);
    scroll->setWidgetResizable(true);
    // A narrow window (960 px) scrolls the panel rather than cutting its labels off.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(260);
    auto *dock = new QDockWidget(tr("Parameters"), this);
    dock->setObjectName(QStringLiteral("parametersDock"));
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {m_parameters->sizeHint().width() + 12}, Qt::Horizontal);
    addBridgeDocks(this, m_document);

    m_inputEditor = new MatrixEditor(m_document, MatrixModel::Source::Input);
    m_upstreamEditor = new MatrixEditor(m_document, MatrixModel::Source::Upstream);
    m_editorTabs = new QTabWidget;
    m_editorTabs->setObjectName(QStringLiteral("editorTabs"));
    m_editorTabs->addTab(m_inputEditor, tr("Input"));
    m_editorTabs->addTab(m_upstreamEditor, tr("Gradient ∂L/∂y"));
    m_editorTabs->setTabToolTip(0, tr("The matrix that is pooled"));
    m_editorTabs->setTabToolTip(
        1, tr("The upstream gradient of the backward pass: one value per output cell"));

    m_stage = new StageWidget(m_document);
    m_playback = new PlaybackBar(m_document);
    auto *stageColumn = new QWidget;
    auto *stageLayout = new QVBoxLayout(stageColumn);
    stageLayout->setContentsMargins(0, 0, 0, 0);
    stageLayout->setSpacing(0);
    // Errors (a file that does not open) show here, above the stage, without a dialog.
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setStyleSheet(QStringLiteral(
        "#errorBanner { background: #fff1f3; border: 1px solid #b00020; border-radius: 4px; }"
        "#errorBanner QLabel { color: #5c0011; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 6, 6);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("errorBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *closeBanner = new QToolButton;
    closeBanner->setAutoRaise(true);
    closeBanner->setText(QStringLiteral("✕"));
    closeBanner->setToolTip(tr("Close this message"));
    connect(closeBanner, &QToolButton::clicked, this, [this] { showError({}); });
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(closeBanner, 0, Qt::AlignTop);
    m_banner->hide();
    stageLayout->addWidget(m_banner);
    stageLayout->addWidget(m_stage, 1);
    stageLayout->addWidget(m_playback);

    m_matrixSplitter = new QSplitter(Qt::Horizontal);
    m_matrixSplitter->setObjectName(QStringLiteral("matrixSplitter"));
    // The editor may get narrower than its controls (a 960-pixel window): it scrolls then.
    auto *editorScroll = new QScrollArea;
    editorScroll->setObjectName(QStringLiteral("editorPane"));
    editorScroll->setWidget(m_editorTabs);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setMinimumWidth(200);
    m_editorPane = editorScroll;
    m_matrixSplitter->addWidget(m_editorPane);
    m_matrixSplitter->addWidget(stageColumn);
    m_matrixSplitter->setStretchFactor(0, 0);
    m_matrixSplitter->setStretchFactor(1, 1);
    m_matrixSplitter->setCollapsible(0, true);
    m_matrixSplitter->setCollapsible(1, false);
    m_matrixSplitter->setSizes({360, 940});

    m_workspaceTabs = new QTabWidget;
    m_workspaceTabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_workspaceTabs->setDocumentMode(true);
    m_workspaceTabs->addTab(m_matrixSplitter, tr("Matrix"));
#ifdef POOLVIZ_HAVE_PHOTO
    auto *photo = new PhotoWorkspace(m_document);
    m_photo = photo;
    m_workspaceTabs->addTab(photo, tr("Photo"));
#endif
    setCentralWidget(m_workspaceTabs);

    m_inputStatus = new QLabel;
    statusBar()->addPermanentWidget(m_inputStatus);
}

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
        QString filters = tr("Matrices (%1)").arg(patterns.join(QLatin1Char(' ')));
        if (m_photo)
            filters = tr("Matrices and images (%1 %2);;")
                          .arg(patterns.join(QLatin1Char(' ')), images.join(QLatin1Char(' '))) +
                      filters + tr(";;Images (%1)").arg(images.join(QLatin1Char(' ')));
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

    QUndoStack *stack = m_document->undoStack();
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
    for (QAction *a : {m_forwardPhaseAct, m_backwardPhaseAct}) {
        a->setCheckable(true);
        m_phaseGroup->addAction(a);
    }
    m_forwardPhaseAct->setChecked(true);
    m_forwardPhaseAct->setIconText(tr("Forward"));
    m_backwardPhaseAct->setIconText(tr("Backward"));
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
    connect(m_playAct, &QAction::triggered, m_playback, &PlaybackBar::togglePlay);
    m_backAct = make(QStringLiteral("stepBack"), tr("Step &Back"), QKeySequence(Qt::Key_Left));
    // A presentation clicker's Page Up / Page Down step too (LessonController: or change scene).
    m_backAct->setIcon(themeIcon("media-seek-backward", QStyle::SP_MediaSeekBackward, this));
    setShortcutTip(m_backAct, tr("Previous step"));
    connect(m_backAct, &QAction::triggered, this, [this] {
        m_playback->pause();
        m_document->setStep(m_document->step() - 1);
    });
    m_forwardAct =
        make(QStringLiteral("stepForward"), tr("Step &Forward"), QKeySequence(Qt::Key_Right));
    m_forwardAct->setIcon(themeIcon("media-seek-forward", QStyle::SP_MediaSeekForward, this));
    setShortcutTip(m_forwardAct, tr("Next step"));
    connect(m_forwardAct, &QAction::triggered, this, [this] {
        m_playback->pause();
        m_document->setStep(m_document->step() + 1);
    });
    m_firstAct = make(QStringLiteral("firstStep"), tr("F&irst Step"), QKeySequence(Qt::Key_Home));
    m_firstAct->setIcon(themeIcon("media-skip-backward", QStyle::SP_MediaSkipBackward, this));
    setShortcutTip(m_firstAct, tr("Back to the start, before the first window"));
    connect(m_firstAct, &QAction::triggered, this, [this] {
        m_playback->pause();
        m_document->setStep(-1);
    });
    m_lastAct = make(QStringLiteral("lastStep"), tr("&Last Step"), QKeySequence(Qt::Key_End));
    m_lastAct->setIcon(themeIcon("media-skip-forward", QStyle::SP_MediaSkipForward, this));
    setShortcutTip(m_lastAct, tr("Jump to the last step: the whole output"));
    connect(m_lastAct, &QAction::triggered, this, [this] {
        m_playback->pause();
        m_document->setStep(m_document->stepCount() - 1);
    });
    m_fasterAct = make(QStringLiteral("faster"), tr("Fas&ter"), QKeySequence(Qt::Key_BracketRight));
    connect(m_fasterAct, &QAction::triggered, this, [this] {
        const QList<double> s = PlaybackBar::speeds();
        const auto it = std::upper_bound(s.begin(), s.end(), m_playback->speed());
        if (it != s.end())
            m_playback->setSpeed(*it);
    });
    m_slowerAct = make(QStringLiteral("slower"), tr("Slo&wer"), QKeySequence(Qt::Key_BracketLeft));
    connect(m_slowerAct, &QAction::triggered, this, [this] {
        const QList<double> s = PlaybackBar::speeds();
        const auto it = std::lower_bound(s.begin(), s.end(), m_playback->speed());
        if (it != s.begin())
            m_playback->setSpeed(*(it - 1));
    });
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
#ifdef POOLVIZ_HAVE_PHOTO
    if (auto *photo = qobject_cast<PhotoWorkspace *>(m_photo)) {
        m_fileMenu->addSeparator();
        QMenu *photoMenu = m_fileMenu->addMenu(tr("P&hoto"));
        photoMenu->setObjectName(QStringLiteral("photoMenu"));
        for (QAction *a : photo->fileActions())
            photoMenu->addAction(a);
    }
#endif
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
    view->addAction(m_forwardPhaseAct);
    view->addAction(m_backwardPhaseAct);
    view->addSeparator();
    view->addAction(m_fractionsAct);
    view->addAction(m_smoothAct);
    view->addSeparator();
    view->addAction(m_presentAct);
    view->addAction(m_fullScreenAct);
    view->addAction(m_panelsAct);
    view->addSeparator();
    for (const char *name : {"parametersDock", "frameworksDock", "codeDock"})
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            view->addAction(dock->toggleViewAction());
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
    const bool playing = m_playback->isPlaying();
    // The photo tab has its own paste and sliding window: the matrix stage's keys rest meanwhile.
    const bool matrixTab = m_workspaceTabs->currentWidget() == m_matrixSplitter;
    m_pasteAct->setEnabled(matrixTab);
    m_forwardPhaseAct->setEnabled(matrixTab);
    m_backwardPhaseAct->setEnabled(matrixTab);
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
}

void MainWindow::updateTitle()
{
    const QString description = m_document->inputDescription();
    setWindowTitle(tr("%1[*] — PoolViz").arg(description));
    setWindowModified(m_document->isInputModified());
    const Tensor &input = m_document->input();
    m_inputStatus->setText(
        tr("%1 · %2%3")
            .arg(description, QString::fromStdString(input.shapeString()),
                 m_document->isInputModified() ? tr(" · unsaved edits") : QString()));
}

// --- session ------------------------------------------------------------------------------------

void MainWindow::restoreSession()
{
    if (!m_settings)
        return;
    const auto params = m_settings->params();
    const auto input = m_settings->input();
    if (params || input)
        m_document->reset(input.value_or(m_document->input()),
                          input ? m_settings->inputDescription() : m_document->inputDescription(),
                          params.value_or(m_document->params()));
    m_document->setPhase(m_settings->phase());
    m_playback->setSpeed(m_settings->speed());
    m_smoothAct->setChecked(!m_settings->smoothMotion(!desktopPrefersReducedMotion()));
}

void MainWindow::restoreWindowLayout()
{
    if (!m_settings)
        return;
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::saveSession()
{
    if (!m_settings)
        return;
    m_settings->setParams(m_document->params());
    // Edits the user chose to discard are not brought back next time.
    if (m_document->isInputModified())
        m_settings->setInput(Tensor(), QString());
    else
        m_settings->setInput(m_document->input(), m_document->inputDescription());
    m_settings->setPhase(m_document->phase());
    m_settings->setSpeed(m_playback->speed());
    m_settings->setSmoothMotion(!m_smoothAct->isChecked());
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeKeepEdits(tr("closing PoolViz")) ||
        !m_lessons->maybeKeepLesson(tr("closing PoolViz"))) {
        event->ignore();
        return;
    }
    m_playback->pause();
    saveSession();
    event->accept();
}

bool MainWindow::maybeKeepEdits(const QString &action)
{
    if (!m_document->isInputModified())
        return true;
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_prompt) {
        choice = m_prompt(action);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Matrix"),
                        tr("The matrix has edits that are not saved."),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("Save them before %1?").arg(action));
        box.setDefaultButton(QMessageBox::Save);
        switch (box.exec()) {
        case QMessageBox::Save:
            choice = UnsavedChoice::Save;
            break;
        case QMessageBox::Discard:
            choice = UnsavedChoice::Discard;
            break;
        default:
            choice = UnsavedChoice::Cancel;
            break;
        }
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return m_savePath.isEmpty() ? saveMatrixAs() : saveMatrix(m_savePath);
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::showError(const QString &text)
{
    m_bannerText->setText(text);
    m_banner->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        showMessage(text, 0);
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    m_lastMessage = text;
    statusBar()->showMessage(text, timeoutMs);
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

// --- files --------------------------------------------------------------------------------------

bool MainWindow::isImageFile(const QString &path) const
{
    const QByteArray suffix = suffixOf(path).toLatin1();
    return !suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix);
}

bool MainWindow::isMatrixFile(const QString &path) const
{
    const QString suffix = suffixOf(path);
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") ||
           suffix == QLatin1String("npy");
}

void MainWindow::rememberDirectory(const QString &path)
{
    if (m_settings)
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
}

bool MainWindow::openFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (LessonController::isLessonFile(path))
        return m_lessons->openLesson(path);
    if (isMatrixFile(path)) {
        if (!maybeKeepEdits(tr("opening “%1”").arg(name)))
            return false;
        const IoResult<MatrixFile> r = readMatrixFile(path.toStdString());
        if (!r.ok()) {
            showError(
                tr("Cannot open “%1”: %2").arg(name, QString::fromStdString(r.error.toString())));
            return false;
        }
        const Tensor &tensor = r.value->tensor;
        showError({});
        m_document->setInput(tensor, name);
        m_savePath = path;
        rememberDirectory(path);
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        QString opened =
            tr("Opened %1 (%2).").arg(name, QString::fromStdString(tensor.shapeString()));
        for (const std::string &w : r.warnings)
            opened += QLatin1Char(' ') + tr("Warning: %1").arg(QString::fromStdString(w));
        showMessage(opened);
        return true;
    }
    if (isImageFile(path)) {
#ifdef POOLVIZ_HAVE_PHOTO
        if (auto *photo = qobject_cast<PhotoWorkspace *>(m_photo)) {
            m_workspaceTabs->setCurrentWidget(photo);
            rememberDirectory(path);
            const bool ok = photo->openImage(path);
            if (ok) {
                showError({});
                showMessage(tr("Opened the image %1.").arg(name));
            } else {
                // The photo tab shows why above its views; the status bar repeats it.
                showMessage(tr("Cannot open “%1”: %2").arg(name, photo->message()), 0);
            }
            return ok;
        }
#endif
        showError(tr("Cannot open the image “%1”: this PoolViz has no photo tab").arg(name));
        return false;
    }
    showError(
        tr("Cannot open “%1”: PoolViz reads matrices (.csv, .txt, .npy) and images (%2)")
            .arg(name, QString::fromLatin1(QImageReader::supportedImageFormats().join(", "))));
    return false;
}

bool MainWindow::loadExample(const QString &id)
{
    const Example *ex = findExample(id.toStdString());
    if (!ex) {
        showMessage(tr("There is no example “%1”.").arg(id), 0);
        return false;
    }
    if (!maybeKeepEdits(tr("loading the example “%1”").arg(QString::fromStdString(ex->title))))
        return false;
    m_playback->pause();
    m_document->loadExample(*ex);
    // Each example is a lesson: the backward ones open on the backward pass.
    setPhase(ex->backward ? Phase::Backward : Phase::Forward);
    m_document->setStep(0);
    m_savePath.clear();
    m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
    showMessage(QString::fromStdString(ex->source));
    return true;
}

QString MainWindow::askSavePath(const QString &title, const QString &filters, const QString &suffix)
{
    QFileDialog dialog(this, title, m_settings ? m_settings->lastDirectory() : QString(), filters);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    rememberDirectory(path);
    focusStage();
    return path;
}

bool MainWindow::saveMatrixAs()
{
    const QString path = askSavePath(
        tr("Save Matrix"), tr("NumPy arrays (*.npy);;CSV files (*.csv)"), QStringLiteral("npy"));
    return !path.isEmpty() && saveMatrix(path);
}

bool MainWindow::saveMatrix(const QString &path)
{
    const QString suffix = suffixOf(path);
    const QString name = QFileInfo(path).fileName();
    std::string error;
    QString note;
    if (suffix == QLatin1String("npy")) {
        error = writeNpy(path.toStdString(), m_document->input());
    } else if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
        error = writeCsv(path.toStdString(), m_document->inputPlane());
        if (m_document->planeCount() > 1)
            note =
                tr(" CSV holds one matrix: only channel %1 of %2 was saved; .npy keeps them all.")
                    .arg(m_document->plane())
                    .arg(m_document->planeCount());
    } else {
        showMessage(tr("Cannot save “%1”: choose a .npy, .csv or .txt file name").arg(name), 0);
        return false;
    }
    if (!error.empty()) {
        showMessage(tr("Could not save “%1”: %2").arg(name, QString::fromStdString(error)), 0);
        return false;
    }
    m_savePath = path;
    m_document->markInputSaved(name);
    showMessage(tr("Saved %1.").arg(name) + note);
    return true;
}

bool MainWindow::exportStage(const QString &path)
{
    const auto trace = m_document->trace();
    const QString name = QFileInfo(path).fileName();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    StageView view = m_stage->view();
    view.motion = 1.0;
    view.hover.reset();
    const StageRenderer renderer(*trace);
    const QSize size = renderer.preferredSize();
    const QString suffix = suffixOf(path);
    QString error;
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2.0);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
        }
        image.setDevicePixelRatio(1.0);
        error = saveImage(image, path);
    } else if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            error = file.errorString();
        } else {
            if (suffix == QLatin1String("svg")) {
                QSvgGenerator svg;
                svg.setOutputDevice(&file);
                svg.setSize(size);
                svg.setViewBox(QRect(QPoint(0, 0), size));
                svg.setTitle(tr("PoolViz stage"));
                svg.setDescription(m_document->caption());
                QPainter painter(&svg);
                painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
                renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
            } else {
                QPdfWriter pdf(&file);
                pdf.setResolution(96);
                pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point, QString(),
                                          QPageSize::ExactMatch));
                pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
                pdf.setTitle(tr("PoolViz stage"));
                pdf.setCreator(QStringLiteral("PoolViz"));
                QPainter painter(&pdf);
                const QRectF target(0, 0, pdf.width(), pdf.height());
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.paint(painter, target, view);
            }
            if (!file.commit())
                error = file.errorString();
        }
    } else {
        showMessage(tr("Cannot export “%1”: choose a .png, .svg or .pdf file name").arg(name), 0);
        return false;
    }
    if (!error.isEmpty()) {
        showMessage(tr("Could not export “%1”: %2").arg(name, error), 0);
        return false;
    }
    showMessage(tr("Exported the stage to %1.").arg(name));
    return true;
}

bool MainWindow::exportAnimation(const QString &path)
{
    const auto trace = m_document->trace();
    const QString name = QFileInfo(path).fileName();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    const QString error = poolviz::exportAnimation(*trace, path, m_playback->stepInterval());
    if (!error.isEmpty()) {
        showMessage(tr("Could not export the animation to “%1”: %2").arg(name, error), 0);
        return false;
    }
    showMessage(tr("Exported %n frame(s) to %1.", nullptr, int(trace->steps.size())).arg(name));
    return true;
}

void MainWindow::openAnimationExport(const QString &path)
{
    if (!m_document->trace()) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return;
    }
    AnimationSource source{m_document->input(), m_document->upstreamPlane(), m_document->params(),
                           m_document->plane(), m_document->phase()};
    auto *dialog =
        new AnimationExportDialog(std::move(source), path, m_playback->stepInterval(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AnimationExportDialog::finished, this,
            [this](const QString &error, const QString &message) {
                showMessage(message, error.isEmpty() ? 6000 : 0);
            });
    dialog->open();
}

bool MainWindow::exportOutput(const QString &path)
{
    const auto trace = m_document->trace();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    return exportValues(
        path, tr("the output"),
        [this] { return forward(m_document->input(), m_document->params()).values; },
        trace->result.values);
}

bool MainWindow::exportInputGradient(const QString &path)
{
    const auto trace = m_document->trace();
    if (!trace || m_document->phase() != Phase::Backward) {
        showMessage(tr("The input gradient exists in the backward pass: choose View ▸ Backward "
                       "Pass first."),
                    0);
        return false;
    }
    return exportValues(
        path, tr("the input gradient"),
        [this] {
            return backward(m_document->input(), m_document->params(), m_document->upstream());
        },
        trace->inputGradient);
}

bool MainWindow::exportValues(const QString &path, const QString &what,
                              const std::function<Tensor()> &allPlanes, const Tensor &plane)
{
    const QString name = QFileInfo(path).fileName();
    const QString suffix = suffixOf(path);
    std::string error;
    try {
        if (suffix == QLatin1String("npy")) {
            error = writeNpy(path.toStdString(), allPlanes());
        } else if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
            error = writeCsv(path.toStdString(), plane);
        } else {
            showMessage(tr("Cannot export “%1”: choose a .npy or .csv file name").arg(name), 0);
            return false;
        }
    } catch (const std::exception &e) {
        error = e.what();
    }
    if (!error.empty()) {
        showMessage(tr("Could not export “%1”: %2").arg(name, QString::fromStdString(error)), 0);
        return false;
    }
    showMessage(tr("Exported %1 to %2.").arg(what, name));
    return true;
}

bool MainWindow::pasteFromClipboard()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime) {
        showMessage(tr("The clipboard is empty."));
        return false;
    }
    if (mime->hasImage()) {
#ifdef POOLVIZ_HAVE_PHOTO
        if (auto *photo = qobject_cast<PhotoWorkspace *>(m_photo)) {
            m_workspaceTabs->setCurrentWidget(photo);
            return photo->setImage(qvariant_cast<QImage>(mime->imageData()), tr("Pasted image"));
        }
#endif
        showMessage(tr("The clipboard holds an image, but this PoolViz has no photo tab."), 0);
        return false;
    }
    if (mime->hasText()) {
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        m_editorTabs->setCurrentWidget(m_inputEditor);
        const bool ok = m_inputEditor->applyText(mime->text());
        if (!ok)
            showMessage(tr("The clipboard text is not a matrix: see the paste box."), 0);
        return ok;
    }
    showMessage(tr("The clipboard holds neither a matrix nor an image."));
    return false;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            const QString path = url.toLocalFile();
            if (!path.isEmpty() && (isMatrixFile(path) || LessonController::isLessonFile(path) ||
                                    (m_photo && isImageFile(path)))) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    if (mime->hasImage() && m_photo)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() &&
            (isMatrixFile(path) || isImageFile(path) || LessonController::isLessonFile(path))) {
            event->acceptProposedAction();
            openFile(path);
            return;
        }
    }
#ifdef POOLVIZ_HAVE_PHOTO
    if (mime->hasImage()) {
        if (auto *photo = qobject_cast<PhotoWorkspace *>(m_photo)) {
            event->acceptProposedAction();
            m_workspaceTabs->setCurrentWidget(photo);
            photo->setImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped image"));
        }
    }
#endif
}

void MainWindow::setPhase(Phase phase)
{
    m_document->setPhase(phase);
    updateActions();
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (QAction *a :
         {m_playAct,      m_backAct,     m_forwardAct,      m_firstAct,         m_lastAct,
          m_slowerAct,    m_fasterAct,   m_forwardPhaseAct, m_backwardPhaseAct, m_smoothAct,
          m_fractionsAct, m_presentAct,  m_leaveAct,        m_fullScreenAct,    m_panelsAct,
          m_undoAct,      m_redoAct,     m_pasteAct,        m_copyStageAct,     m_openAct,
          m_saveAct,      m_exportPngAct}) {
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
