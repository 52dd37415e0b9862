#pragma once

#include "handout.h"
#include "mainwindow.h"
#include "scene.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QLabel;
class QMenu;

namespace poolviz {

class LessonDocument;
class PoolDocument;
class SceneListDock;

/// Lessons in the window: the Lesson dock, the File menu's lesson entries (new, open, samples,
/// recent, save, save as, handouts), the teacher's note above the stage, and Page Down / Page Up
/// that move on to the next or previous scene in presenter mode. It captures what the window
/// shows as a Scene and shows a Scene by setting the window's document, so the window itself
/// only creates it and asks it before closing.
class LessonController : public QObject
{
    Q_OBJECT

public:
    /// The answer to "the lesson has unsaved changes", asked as the window asks about a matrix.
    using UnsavedChoice = MainWindow::UnsavedChoice;
    using UnsavedPrompt = MainWindow::UnsavedPrompt;
    /// Asks for a file name to save to (tests answer without a dialog); empty: cancelled.
    using SavePathPrompt = std::function<QString()>;

    /// Adds the dock, the note and the actions to `window`; `fileMenu` gets the lesson entries
    /// before its last separator (Quit).
    LessonController(MainWindow *window, QMenu *fileMenu);
    ~LessonController() override;

    LessonDocument *document() const { return m_lesson; }
    SceneListDock *dock() const { return m_dock; }
    /// The teacher's note above the stage (hidden when the scene shown has none).
    QLabel *noteLabel() const { return m_note; }

    /// What the window shows now, as a scene titled `title`: the Matrix tab's document, or on
    /// the Photo tab (with a photo) the photo, its channel choice, the tab's own parameters and
    /// the sliding window's crop, channel, phase and step.
    Scene captureScene(const QString &title = {}) const;
    /// Shows scene `index` of the lesson in the window (one undo step of the matrix document, or
    /// on the Photo tab the photo with its sliding window) and its note on the stage. False,
    /// with the reason in the window's banner, when it cannot; a photo scene whose photo is
    /// missing names the file and shows its saved crop on the Matrix tab.
    bool showScene(int index);
    /// Shows the next or previous scene (false at either end or without a lesson).
    bool nextScene();
    bool previousScene();
    /// Page Down: the next step, or in presenter mode at a scene's last step, the next scene.
    void pageDown();
    /// Page Up: the previous step, or in presenter mode before a scene's first step, the
    /// previous scene at its last step.
    void pageUp();

    /// Opens a lesson file after asking about unsaved lesson changes and unsaved matrix edits,
    /// and shows its first scene. What could not be read is said in the window's banner; a file
    /// that is no lesson at all leaves everything as it was. False when nothing was opened.
    bool openLesson(const QString &path);
    /// Starts an empty lesson (asking about unsaved changes first).
    bool newLesson();
    /// Saves to the lesson's file, or asks for one.
    bool save();
    /// Saves to `path` (its suffix .poolviz is added when missing).
    bool saveAs(const QString &path);
    /// Writes a PDF handout: every scene of the lesson (`wholeLesson`) or what is on screen now.
    bool exportHandout(const QString &path, HandoutKind kind, bool wholeLesson);
    /// Asks what to do with unsaved lesson changes before `action`; true to go on.
    bool maybeKeepLesson(const QString &action);

    /// The lessons opened lately, most recent first (kept in Settings).
    QStringList recentLessons() const;
    /// The sample lessons shipped in the data folder's lessons/.
    static QStringList sampleLessons();

    void setUnsavedPrompt(UnsavedPrompt prompt) { m_prompt = std::move(prompt); }
    void setSavePathPrompt(SavePathPrompt prompt) { m_savePathPrompt = std::move(prompt); }
    /// A lesson action by object name: "newLesson", "openLesson", "saveLesson",
    /// "saveLessonAs", "nextScene", "previousScene", "nextPage", "previousPage",
    /// "handoutLessonSteps", "handoutLessonWorksheet", "handoutSceneSteps",
    /// "handoutSceneWorksheet".
    QAction *action(const QString &name) const;

    /// True for a file name PoolViz opens as a lesson (.poolviz).
    static bool isLessonFile(const QString &path);

private:
    // lessonphotoscenes.cpp
    bool photoTabShown() const;
    /// The document of the stage shown: the Photo tab's sliding window, or the matrix's.
    PoolDocument *shownDocument() const;
    /// Moves the teacher's note above `stage` (the matrix's or the Photo tab's), or below it.
    void placeNote(QWidget *stage, bool below = false);
    Scene capturePhotoScene(const QString &title) const;
    /// Shows a photo scene on the Photo tab; false (with `problem`) when its photo cannot be
    /// shown, and the caller shows its saved crop on the Matrix tab.
    bool showPhotoScene(const Scene &s, const QString &name, QString &problem);

    void createActions(QMenu *fileMenu);
    void updateActions();
    void updateNote();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void askHandout(HandoutKind kind, bool wholeLesson);
    std::vector<HandoutScene> handoutScenes(bool wholeLesson) const;

    MainWindow *m_window;
    LessonDocument *m_lesson;
    SceneListDock *m_dock = nullptr;
    QLabel *m_note = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_samplesMenu = nullptr;
    UnsavedPrompt m_prompt;
    SavePathPrompt m_savePathPrompt;
    bool m_photoBeforePresenting = false; ///< the Photo tab was shown when presenter mode began
};

} // namespace poolviz
