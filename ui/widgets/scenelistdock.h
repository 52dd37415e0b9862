#pragma once

#include <QDockWidget>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QToolButton;

namespace poolviz {

class LessonDocument;

/// The Lesson dock: the lesson's title, its scenes in order, and the selected scene's note.
/// Buttons add the current view as a scene, update the selected scene from the view, duplicate,
/// move up and down, rename and delete scenes, and undo or redo these edits; scenes can also be
/// dragged into a new order and renamed in place. Every edit is a LessonDocument undo step.
/// Clicking a scene (or Enter on it) asks for it to be shown.
class SceneListDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit SceneListDock(LessonDocument *lesson, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLineEdit *titleEdit() const { return m_title; }
    /// A button by its object name: "addScene", "updateScene", "duplicateScene", "sceneUp",
    /// "sceneDown", "renameScene", "deleteScene", "undoLesson", "redoLesson", "embedPhoto" (a
    /// check button: the selected photo scene's photo is kept inside the lesson file).
    QToolButton *button(const QString &name) const;

signals:
    /// The user wants the current view added as a new scene.
    void addRequested();
    /// The user wants scene `index` replaced by the current view.
    void updateRequested(int index);
    /// The user clicked scene `index` (or pressed Enter on it): show it.
    void sceneActivated(int index);
    /// An edit could not be made, and `text` says why (for the window's banner).
    void problemFound(const QString &text);

private:
    void rebuild();
    void updateButtons();
    void showNote();
    int selectedRow() const;

    LessonDocument *m_lesson;
    QLineEdit *m_title = nullptr;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_note = nullptr;
    bool m_rebuilding = false;
};

} // namespace poolviz
