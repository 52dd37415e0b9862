#pragma once

#include "lessonfile.h"
#include "scene.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace poolviz {

/// The open lesson: its scenes, the file it came from, the scene shown, and its own undo stack
/// for every change to the list (add, duplicate, move, rename, note, update, delete, title).
/// Knows nothing of the window: capturing the view as a scene and showing a scene is the
/// widgets' job. Modified means "differs from the file" (the undo stack's clean state).
class LessonDocument : public QObject
{
    Q_OBJECT

public:
    explicit LessonDocument(QObject *parent = nullptr);
    ~LessonDocument() override;

    const Lesson &lesson() const { return m_lesson; }
    int sceneCount() const { return int(m_lesson.scenes.size()); }
    /// The scene at `index` (0 ≤ index < sceneCount()).
    const Scene &scene(int index) const { return m_lesson.scenes.at(index); }
    /// The undo stack of the lesson's edits (separate from the matrix document's).
    QUndoStack *undoStack() const { return m_undoStack; }

    /// The file the lesson was read from or saved to; empty for a new lesson.
    QString filePath() const { return m_filePath; }
    /// True when the lesson has changes that are not in its file. An empty new lesson is never
    /// modified.
    bool isModified() const;
    /// The scene shown, −1 when none is.
    int currentScene() const { return m_current; }
    /// Marks `index` (−1 for none) as the scene shown; no undo step.
    void setCurrentScene(int index);

    /// Replaces everything with `lesson` from `path` (empty: a new lesson), clears the undo
    /// history and marks it saved. The current scene becomes −1.
    void reset(const Lesson &lesson, const QString &path = {});
    /// Writes the lesson to `path` (LessonFile::write); on success it becomes the lesson's file
    /// and the lesson counts as saved. Returns the error, empty on success.
    QString save(const QString &path);

    // --- undoable edits ----------------------------------------------------------------------
    /// Inserts `scene` at `index` (clamped to 0…sceneCount()) and makes it current.
    void insertScene(int index, const Scene &scene, const QString &text);
    /// Appends `scene` after the current scene (or at the end) and makes it current.
    void addScene(const Scene &scene);
    /// Inserts a copy of scene `index` after it, titled "… (copy)".
    void duplicateScene(int index);
    /// Removes scene `index`.
    void removeScene(int index);
    /// Moves scene `from` to position `to` (both 0 ≤ … < sceneCount()).
    void moveScene(int from, int to);
    /// Renames scene `index`.
    void renameScene(int index, const QString &title);
    /// Sets the note of scene `index`. Consecutive edits of the same scene's note merge into one
    /// undo step (typing).
    void setNote(int index, const QString &note);
    /// Replaces scene `index` with `scene` (what is on screen now), keeping its title and note.
    void updateScene(int index, const Scene &scene);
    /// Sets the lesson's title.
    void setTitle(const QString &title);
    /// Embeds the photo of photo scene `index` in the lesson (read from its file, kept as PNG:
    /// the lesson then travels without the photo), or with `embed` false keeps only the file's
    /// path again. Returns the reason when it cannot (no photo scene, the file unreadable, or a
    /// pasted photo that has no file to go back to); empty on success, one undo step.
    QString setPhotoEmbedded(int index, bool embed);

signals:
    /// The list changed: scenes added, removed, moved or edited. `index` is the scene that
    /// changed (−1 when several did).
    void scenesChanged(int index);
    /// The title of the lesson changed.
    void titleChanged();
    void currentSceneChanged(int index);
    /// The lesson's file or its saved state changed.
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    friend class LessonCommand;
    /// Sets the lesson to `lesson` (an undo command's before or after) with current `current`.
    void apply(const Lesson &lesson, int current, int changed);

    QUndoStack *m_undoStack;
    Lesson m_lesson;
    QString m_filePath;
    int m_current = -1;
};

} // namespace poolviz
