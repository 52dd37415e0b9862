#pragma once

#include "bridgedocks.h"
#include "trace.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QUndoGroup;

namespace poolviz {

class LessonController;
class MatrixEditor;
class ParameterPanel;
class PlaybackBar;
class PoolDocument;
class Settings;
class StageWidget;
class TracePlayer;
class PhotoDocument;
class PhotoWorkspace;

/// The PoolViz window: parameters on the left, the matrix (or photo) in the middle, the stage
/// with its playback bar on the right, and menus for files, examples, playback and export. All
/// actions are made in createActions() and enabled in updateActions().
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The answer to "the matrix has unsaved edits": save first, throw them away, or stop.
    enum class UnsavedChoice
    {
        Save,
        Discard,
        Cancel
    };
    /// Asks what to do with unsaved edits before `action` (e.g. "loading the example …").
    using UnsavedPrompt = std::function<UnsavedChoice(const QString &action)>;

    /// `settings` may be null (screenshots): then nothing is read from or written to settings.
    explicit MainWindow(Settings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The size the window opens at when no geometry is restored (and screenshots use).
    static QSize defaultSize() { return {1600, 1000}; }
    /// defaultSize() shrunk to fit `available` (a screen's available geometry) with room for
    /// the window frame: a 1280×720 screen gets a window that shows the whole stage and the
    /// playback bar.
    static QSize fittingSize(const QSize &available);
    /// The narrowest window fittingSize() gives. The layout's own minimum is below 960 logical
    /// pixels, so a 2× scale on a 1920×1080 screen (960×540 logical) fits.
    static constexpr int kMinimumWidth = 900;

    /// Presenter mode (F5): full screen, every panel, the menu and status bars hidden, the stage
    /// with its legend and notes filling the screen; Esc (or F5 again) brings everything back as
    /// it was. `fullScreen` false keeps the window's size (screenshots).
    bool isPresenting() const { return m_presenting; }
    void setPresenting(bool on, bool fullScreen = true);

    /// Folds the editing panels away when the stage's cells are too small for their numbers
    /// (some would lose digits), and brings them back once the window is 240 px wider than when
    /// they folded. Runs after the user (or the window system) resizes the window. First the
    /// parameters dock gets the width its panel needs where the stage can spare it.
    void fitPanelsToNumbers();

    PoolDocument *document() const { return m_document; }
    /// The settings, null for a window that neither reads nor writes them (screenshots).
    Settings *settings() const { return m_settings; }
    /// Lesson files, the Lesson dock and the teacher's note (lessoncontroller.h).
    LessonController *lessons() const { return m_lessons; }
    /// Asks about unsaved matrix edits before `action` ("opening the lesson …"); true to go on.
    bool keepEditsBefore(const QString &action) { return maybeKeepEdits(action); }
    ParameterPanel *parameterPanel() const { return m_parameters; }
    MatrixEditor *inputEditor() const { return m_inputEditor; }
    MatrixEditor *upstreamEditor() const { return m_upstreamEditor; }
    StageWidget *stage() const { return m_stage; }
    PlaybackBar *playbackBar() const { return m_playback; }
    /// The Matrix tab's player (play, pause, speed).
    TracePlayer *player() const { return m_player; }
    QTabWidget *workspaceTabs() const { return m_workspaceTabs; }
    /// The Photo tab and its document.
    PhotoWorkspace *photoWorkspace() const { return m_photo; }
    PhotoDocument *photoDocument() const { return m_photoDocument; }
    /// The status bar's latest message (also kept when the status bar clears it).
    QString lastMessage() const { return m_lastMessage; }

    /// An action by its object name ("playPause", "stepForward", "exportStagePng", …).
    QAction *action(const QString &name) const;
    /// The Examples menu.
    QMenu *examplesMenu() const { return m_examplesMenu; }

    /// Replaces the unsaved-edits question (tests answer without a dialog).
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_prompt = std::move(prompt); }

    /// Restores the last session's parameters, matrix and playback choices (not the geometry).
    void restoreSession();
    /// Restores the window geometry and dock layout of the last session.
    void restoreWindowLayout();

    /// Opens a matrix (.csv, .txt, .npy) into the matrix tab or an image into the photo tab.
    /// Asks about unsaved edits first. Returns false (with a status message) on failure.
    bool openFile(const QString &path);
    /// Loads the built-in example `id`, asking about unsaved edits. False if unknown or cancelled.
    bool loadExample(const QString &id);
    /// Saves the input: .npy keeps every channel; .csv/.txt the current channel.
    bool saveMatrix(const QString &path);
    /// Exports the stage at the current step as .png, .svg or .pdf (by suffix).
    bool exportStage(const QString &path);
    /// Exports the animation: a .gif file, or numbered PNG frames into the folder `path`.
    bool exportAnimation(const QString &path);
    /// Opens the animation export dialog for `path` (estimate, options, progress, Cancel); the
    /// export runs off the GUI thread.
    void openAnimationExport(const QString &path);
    /// Exports the pooled output as .csv (current channel) or .npy (every channel).
    bool exportOutput(const QString &path);
    /// Exports the input gradient of the backward pass as .csv or .npy.
    bool exportInputGradient(const QString &path);
    /// Writes every plane (`allPlanes`, .npy) or the traced plane (`plane`, .csv/.txt) to
    /// `path`, atomically; reports success or the reason in the status bar.
    bool exportValues(const QString &path, const QString &what,
                      const std::function<poolviz::Tensor()> &allPlanes,
                      const poolviz::Tensor &plane);
    /// Reads the clipboard: an image goes to the photo tab, text to the matrix.
    bool pasteFromClipboard();

    /// Shows `text` in the status bar and remembers it.
    void showMessage(const QString &text, int timeoutMs = 6000);
    /// Shows an error where the user looks: a non-modal banner above the stage (until closed or
    /// the next file opens) and the status bar. Empty `text` hides the banner.
    void showError(const QString &text);
    /// The banner's text, empty while it is hidden.
    QString bannerText() const;

signals:
    /// Presenter mode began or ended (isPresenting()).
    void presentingChanged(bool presenting);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    /// Widens the parameters dock to what its panel needs, from the central area while that
    /// stays above its minimum: another dock opening (the Lesson dock) must not leave the panel
    /// cut and scrolling in a window wide enough for both. A narrower window still scrolls it.
    void fitParametersDock();
    /// Shares the Matrix tab between the editor and the stage column: the editor keeps the width
    /// the user gave it (360 px at first) while the stage column stays at least
    /// kStageComfortWidth wide, and gives way down to its own minimum when a side panel or a
    /// narrow window leaves less room. Runs whenever the stage column is resized.
    void balanceMatrixSplitter();
    /// The stage column's width the editor gives way to (a 4×4 input and its output side by side
    /// with numbers a class reads from the back row).
    static constexpr int kStageComfortWidth = 520;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createWidgets();
    void createActions();
    void createMenus();
    void updateActions();
    void updateTitle();
    void saveSession();
    bool maybeKeepEdits(const QString &action);
    bool saveMatrixAs();
    QString askSavePath(const QString &title, const QString &filters, const QString &suffix);
    void rememberDirectory(const QString &path);
    void setPhase(Phase phase);
    bool isImageFile(const QString &path) const;
    bool isMatrixFile(const QString &path) const;
    void about();
    void showShortcuts();
    void focusStage();
    void bindParameters();

    Settings *m_settings;
    PoolDocument *m_document;
    ParameterPanel *m_parameters = nullptr;
    MatrixEditor *m_inputEditor = nullptr;
    MatrixEditor *m_upstreamEditor = nullptr;
    QTabWidget *m_editorTabs = nullptr;
    QWidget *m_editorPane = nullptr; ///< m_editorTabs in a scroll area: it may get narrow
    StageWidget *m_stage = nullptr;
    PlaybackBar *m_playback = nullptr;
    TracePlayer *m_player = nullptr;
    QTabWidget *m_workspaceTabs = nullptr;
    QSplitter *m_matrixSplitter = nullptr;
    QWidget *m_stageColumn = nullptr; ///< the stage with the banner above, playback below
    int m_editorWanted = 360;         ///< the editor's width as the user last set it
    bool m_balancing = false;         ///< balanceMatrixSplitter() is moving the splitter
    bool m_splitterDragged = false;   ///< the user holds the splitter's handle
    PhotoWorkspace *m_photo = nullptr;
    PhotoDocument *m_photoDocument = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    BridgePanels m_bridge;
    QLabel *m_inputStatus = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    LessonController *m_lessons = nullptr;
    QMenu *m_examplesMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QActionGroup *m_phaseGroup = nullptr;
    QString m_lastMessage;
    /// What presenter mode hid, to bring back as it was.
    struct Shown
    {
        QList<QDockWidget *> docks; ///< the docks that were visible
        bool editor = true, menu = true, status = true, tabs = true, playback = true,
             fullScreen = false;
    };
    Shown m_beforePresenting;
    bool m_presenting = false;
    int m_foldedAtWidth = 0; ///< the width at which the panels folded themselves, 0 if not
    QString m_savePath;
    UnsavedPrompt m_prompt;

    // Actions (createActions)
    QAction *m_openAct = nullptr;
    QAction *m_saveAct = nullptr;
    QAction *m_saveAsAct = nullptr;
    QAction *m_quitAct = nullptr;
    QAction *m_undoAct = nullptr;
    QAction *m_redoAct = nullptr;
    QAction *m_pasteAct = nullptr;
    QAction *m_copyStageAct = nullptr;
    QAction *m_forwardPhaseAct = nullptr;
    QAction *m_backwardPhaseAct = nullptr;
    QAction *m_unpoolPhaseAct = nullptr;
    QAction *m_smoothAct = nullptr;
    QAction *m_fullScreenAct = nullptr;
    QAction *m_presentAct = nullptr;
    QAction *m_leaveAct = nullptr;
    QAction *m_fractionsAct = nullptr;
    QAction *m_panelsAct = nullptr;
    QAction *m_playAct = nullptr;
    QAction *m_backAct = nullptr;
    QAction *m_forwardAct = nullptr;
    QAction *m_firstAct = nullptr;
    QAction *m_lastAct = nullptr;
    QAction *m_fasterAct = nullptr;
    QAction *m_slowerAct = nullptr;
    QAction *m_exportPngAct = nullptr;
    QAction *m_exportSvgAct = nullptr;
    QAction *m_exportPdfAct = nullptr;
    QAction *m_exportGifAct = nullptr;
    QAction *m_exportFramesAct = nullptr;
    QAction *m_exportOutputAct = nullptr;
    QAction *m_exportGradientAct = nullptr;
    QAction *m_aboutAct = nullptr;
    QAction *m_shortcutsAct = nullptr;
};

} // namespace poolviz
