// The main window: construction of its widgets, the tabs and their parameters, presenter
// mode, the session and the messages. Actions and menus are in mainwindowactions.cpp, files,
// exports and the clipboard in mainwindowfiles.cpp.

#include "mainwindow.h"

#include "animationexportdialog.h"

#include <functional>

#include "bridgedocks.h"
#include "codepanel.h"
#include "examples.h"
#include "frameworkspanel.h"
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
#include "teachingdocks.h"
#include "traceplayer.h"
#include "undocommands.h"

#include "animationexport.h"

#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photodocument.h"
#include "photoworkspace.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace poolviz {

namespace {

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
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                QTimer::singleShot(0, this, &MainWindow::fitParametersDock);
        });
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
    connect(m_player, &TracePlayer::playingChanged, this, &MainWindow::updateActions);
    connect(m_workspaceTabs, &QTabWidget::currentChanged, this, [this] {
        const bool matrixTab = m_workspaceTabs->currentWidget() == m_matrixSplitter;
        if (!matrixTab)
            m_player->pause();
        else
            m_photo->playbackBar()->player()->pause();
        m_parameters->setMatrixGeometryVisible(matrixTab);
        // The other tab may need a different width beside the panel.
        QTimer::singleShot(0, this, &MainWindow::fitParametersDock);
        m_inputStatus->setVisible(matrixTab);
        // The Frameworks and Code panels explain the tab on screen.
        m_bridge.frameworks->setPhoto(matrixTab ? nullptr : m_photoDocument);
        m_bridge.code->setPhoto(matrixTab ? nullptr : m_photoDocument);
        bindParameters();
        updateActions();
    });
    connect(m_photoDocument, &PhotoDocument::inputChanged, this, &MainWindow::bindParameters);
    connect(m_photoDocument, &PhotoDocument::linkedChanged, this, [this](bool linked) {
        bindParameters();
        if (m_settings)
            m_settings->setPhotoParamsLinked(linked);
    });
    // A crop the photo tab sends becomes the matrix: show it there.
    connect(m_photoDocument, &PhotoDocument::cropSentToMatrix, this,
            [this](const QString &description) {
                m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
                showMessage(tr("%1 is now the matrix (Undo goes back).").arg(description));
            });
    const auto syncMotion = [this] {
        m_stage->setMotionDuration(std::min(450, m_player->stepInterval() * 45 / 100));
    };
    connect(m_player, &TracePlayer::speedChanged, this, syncMotion);
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

void MainWindow::bindParameters()
{
    // Each tab owns its parameters: the panel and Undo follow the tab on screen (the Photo tab's
    // are the matrix's while it links them).
    const bool matrixTab = m_workspaceTabs->currentWidget() == m_matrixSplitter;
    PoolDocument *shown = matrixTab ? m_document : m_photoDocument->parametersDocument();
    m_parameters->setDocument(shown);
    m_undoGroup->setActiveStack(shown->undoStack());
    // On the Photo tab the parameters pool the photo, whatever document holds them.
    const bool photo = !matrixTab && m_photoDocument->hasInput();
    m_parameters->setPhotoSize(photo ? std::optional<Size2>(Size2{m_photoDocument->input().h(),
                                                                  m_photoDocument->input().w()})
                                     : std::nullopt);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_stageColumn && event->type() == QEvent::Resize)
        balanceMatrixSplitter();
    if (m_matrixSplitter && watched == m_matrixSplitter->handle(1)) {
        if (event->type() == QEvent::MouseButtonPress)
            m_splitterDragged = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_splitterDragged = false;
    }
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

void MainWindow::fitParametersDock()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("parametersDock"));
    const auto *scroll = dock ? qobject_cast<QScrollArea *>(dock->widget()) : nullptr;
    if (m_presenting || !scroll || dock->isHidden() || dock->isFloating())
        return;
    const int missing = m_parameters->minimumSizeHint().width() - scroll->viewport()->width();
    if (missing > 0)
        resizeDocks({dock}, {dock->width() + missing}, Qt::Horizontal);
}

void MainWindow::balanceMatrixSplitter()
{
    if (m_balancing || m_splitterDragged || m_editorPane->isHidden() || m_stageColumn->isHidden())
        return;
    const QList<int> sizes = m_matrixSplitter->sizes();
    if (sizes[0] == 0)
        return; // the user collapsed the editor: it stays shut until they drag it open
    const int total = sizes[0] + sizes[1];
    // The editor's controls whole, beside the scroll bar it shows when the window is low.
    const auto *scroll = static_cast<QScrollArea *>(m_editorPane);
    const int editorMinimum =
        scroll->widget()->minimumSizeHint().width() +
        (scroll->verticalScrollBar()->isVisible() ? scroll->verticalScrollBar()->width() : 0);
    const int editor =
        std::max(editorMinimum, std::min(m_editorWanted, total - kStageComfortWidth));
    if (editor == sizes[0] || total <= 0)
        return;
    m_balancing = true;
    m_matrixSplitter->setSizes({editor, total - editor});
    m_balancing = false;
}

void MainWindow::fitPanelsToNumbers()
{
    if (m_presenting || m_workspaceTabs->currentWidget() != m_matrixSplitter)
        return;
    fitParametersDock();
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
    emit presentingChanged(on);
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
    m_bridge = addBridgeDocks(this, m_document);

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
    m_player = new TracePlayer(m_document, this);
    m_playback = new PlaybackBar(m_player);
    auto *stageColumn = new QWidget;
    m_stageColumn = stageColumn;
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
    // The editor's rows wrap where it is narrow; a low window scrolls it up and down.
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
    m_matrixSplitter->setSizes({m_editorWanted, 940});
    // The stage first: the editor yields to it when the window or a side panel leaves too little.
    stageColumn->installEventFilter(this);
    m_matrixSplitter->handle(1)->installEventFilter(this);
    connect(m_matrixSplitter, &QSplitter::splitterMoved, this, [this] {
        if (m_splitterDragged && !m_balancing)
            m_editorWanted = m_matrixSplitter->sizes().constFirst();
    });

    m_workspaceTabs = new QTabWidget;
    m_workspaceTabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_workspaceTabs->setDocumentMode(true);
    m_workspaceTabs->addTab(m_matrixSplitter, tr("Matrix"));
    m_photoDocument = new PhotoDocument(m_document);
    m_photo = new PhotoWorkspace(m_photoDocument);
    m_workspaceTabs->addTab(m_photo, tr("Photo"));
    setCentralWidget(m_workspaceTabs);
    // Children die in the order they were added: the Photo tab's document after its widgets.
    m_photoDocument->setParent(this);
    addTeachingDocks(this, m_document, m_stage, m_workspaceTabs, m_photo, m_settings);

    m_inputStatus = new QLabel;
    statusBar()->addPermanentWidget(m_inputStatus);
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
    m_player->setSpeed(m_settings->speed());
    m_smoothAct->setChecked(!m_settings->smoothMotion(!desktopPrefersReducedMotion()));
    // The Photo tab's own parameters come back as they were (not as an undo step).
    if (const auto photo = m_settings->params(QStringLiteral("photoParams")))
        m_photoDocument->windowDocument()->followParams(*photo);
    m_photoDocument->setLinked(m_settings->photoParamsLinked());
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
    m_settings->setParams(m_photoDocument->windowDocument()->params(),
                          QStringLiteral("photoParams"));
    // Edits the user chose to discard are not brought back next time.
    if (m_document->isInputModified())
        m_settings->setInput(Tensor(), QString());
    else
        m_settings->setInput(m_document->input(), m_document->inputDescription());
    m_settings->setPhase(m_document->phase());
    m_settings->setSpeed(m_player->speed());
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
    m_player->pause();
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

void MainWindow::setPhase(Phase phase)
{
    m_document->setPhase(phase);
    updateActions();
}

} // namespace poolviz
