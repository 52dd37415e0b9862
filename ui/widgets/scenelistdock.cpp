#include "scenelistdock.h"

#include "lessondocument.h"

#include <QAction>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace poolviz {

namespace {

QString sceneLabel(int index, const QString &title)
{
    return title.isEmpty() ? SceneListDock::tr("Scene %1").arg(index + 1) : title;
}

} // namespace

SceneListDock::SceneListDock(LessonDocument *lesson, QWidget *parent)
    : QDockWidget(tr("Lesson"), parent), m_lesson(lesson)
{
    setObjectName(QStringLiteral("lessonDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                QDockWidget::DockWidgetClosable);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);

    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setPlaceholderText(tr("Lesson title"));
    m_title->setAccessibleName(tr("Lesson title"));
    connect(m_title, &QLineEdit::editingFinished, this,
            [this] { m_lesson->setTitle(m_title->text().trimmed()); });
    layout->addWidget(m_title);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("sceneList"));
    m_list->setAccessibleName(tr("Scenes"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setToolTip(tr("Click a scene to show it; drag to reorder; double-click to rename"));
    layout->addWidget(m_list, 1);

    // The buttons, in two rows under the list.
    auto *buttons = new QGridLayout;
    buttons->setSpacing(2);
    const auto addButton = [&](const char *name, const QString &text, const QString &tip, int row,
                               int col) {
        auto *b = new QToolButton;
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(b, row, col);
        return b;
    };
    QToolButton *add =
        addButton("addScene", tr("Add"), tr("Add what is on screen as a new scene"), 0, 0);
    QToolButton *update = addButton(
        "updateScene", tr("Update"),
        tr("Replace the selected scene with what is on screen (its title and note stay)"), 0, 1);
    QToolButton *duplicate = addButton("duplicateScene", tr("Duplicate"),
                                       tr("Insert a copy of the selected scene after it"), 0, 2);
    QToolButton *up = addButton("sceneUp", tr("Up"), tr("Move the selected scene up"), 1, 0);
    QToolButton *down =
        addButton("sceneDown", tr("Down"), tr("Move the selected scene down"), 1, 1);
    QToolButton *rename =
        addButton("renameScene", tr("Rename"), tr("Rename the selected scene"), 1, 2);
    QToolButton *remove =
        addButton("deleteScene", tr("Delete"), tr("Delete the selected scene"), 2, 0);
    QToolButton *undo = addButton("undoLesson", tr("Undo"), {}, 2, 1);
    QToolButton *redo = addButton("redoLesson", tr("Redo"), {}, 2, 2);
    auto *embed = new QToolButton;
    embed->setObjectName(QStringLiteral("embedPhoto"));
    embed->setText(tr("Embed Photo"));
    embed->setToolTip(
        tr("Keep the selected photo scene's photo inside the lesson file, so the lesson travels "
           "without it (the file grows by the photo); off: only its path, relative to the lesson"));
    embed->setToolButtonStyle(Qt::ToolButtonTextOnly);
    embed->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    embed->setCheckable(true);
    buttons->addWidget(embed, 3, 0, 1, 3);
    layout->addLayout(buttons);

    auto *noteLabel = new QLabel(tr("Teacher’s &note (shown on the stage):"));
    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("sceneNote"));
    m_note->setPlaceholderText(tr("What to say while this scene is shown"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(120);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    setWidget(body);

    connect(add, &QToolButton::clicked, this, &SceneListDock::addRequested);
    connect(update, &QToolButton::clicked, this, [this] {
        if (selectedRow() >= 0)
            emit updateRequested(selectedRow());
    });
    connect(duplicate, &QToolButton::clicked, this,
            [this] { m_lesson->duplicateScene(selectedRow()); });
    connect(up, &QToolButton::clicked, this,
            [this] { m_lesson->moveScene(selectedRow(), selectedRow() - 1); });
    connect(down, &QToolButton::clicked, this,
            [this] { m_lesson->moveScene(selectedRow(), selectedRow() + 1); });
    connect(rename, &QToolButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(remove, &QToolButton::clicked, this, [this] { m_lesson->removeScene(selectedRow()); });
    connect(embed, &QToolButton::clicked, this, [this](bool on) {
        const QString problem = m_lesson->setPhotoEmbedded(selectedRow(), on);
        updateButtons(); // a refused change puts the check back
        if (!problem.isEmpty())
            emit problemFound(problem);
    });
    QUndoStack *stack = m_lesson->undoStack();
    connect(undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QToolButton::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QToolButton::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo,
            [undo](const QString &text) { undo->setToolTip(tr("Undo %1").arg(text)); });
    connect(stack, &QUndoStack::redoTextChanged, redo,
            [redo](const QString &text) { redo->setToolTip(tr("Redo %1").arg(text)); });
    undo->setEnabled(false);
    redo->setEnabled(false);

    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { emit sceneActivated(m_list->row(item)); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit sceneActivated(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!m_rebuilding) {
            showNote();
            updateButtons();
        }
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_rebuilding)
            return;
        const int row = m_list->row(item);
        const QString title = item->text().trimmed();
        if (title.isEmpty() || title == sceneLabel(row, m_lesson->scene(row).title)) {
            rebuild(); // an empty name is refused: the old one comes back
            return;
        }
        m_lesson->renameScene(row, title);
    });
    // A drag within the list: the list has moved its item already; the document decides, later
    // (the list must not be rebuilt inside its own drop).
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                if (m_rebuilding)
                    return;
                const int to = row > start ? row - 1 : row;
                QMetaObject::invokeMethod(
                    this, [this, start, to] { m_lesson->moveScene(start, to); },
                    Qt::QueuedConnection);
            });
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_rebuilding)
            m_lesson->setNote(selectedRow(), m_note->toPlainText());
    });

    connect(m_lesson, &LessonDocument::scenesChanged, this, &SceneListDock::rebuild);
    connect(m_lesson, &LessonDocument::currentSceneChanged, this, &SceneListDock::rebuild);
    // The dock's title names the file and marks unsaved changes, as a window title does.
    const auto retitle = [this] {
        const QString file = QFileInfo(m_lesson->filePath()).fileName();
        const QString mark = m_lesson->isModified() ? QStringLiteral(" *") : QString();
        setWindowTitle(file.isEmpty() ? tr("Lesson") + mark : tr("Lesson: %1").arg(file) + mark);
    };
    connect(m_lesson, &LessonDocument::filePathChanged, this, retitle);
    connect(m_lesson, &LessonDocument::modifiedChanged, this, retitle);
    connect(m_lesson, &LessonDocument::titleChanged, this, [this] {
        if (m_title->text() != m_lesson->lesson().title)
            m_title->setText(m_lesson->lesson().title);
    });
    rebuild();
}

QToolButton *SceneListDock::button(const QString &name) const
{
    return findChild<QToolButton *>(name);
}

int SceneListDock::selectedRow() const
{
    return m_list->currentRow();
}

void SceneListDock::rebuild()
{
    m_rebuilding = true;
    const int count = m_lesson->sceneCount();
    while (m_list->count() > count)
        delete m_list->takeItem(m_list->count() - 1);
    for (int i = 0; i < count; ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (!item) {
            item = new QListWidgetItem;
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable |
                           Qt::ItemIsDragEnabled);
            m_list->addItem(item);
        }
        const Scene &scene = m_lesson->scene(i);
        item->setText(sceneLabel(i, scene.title));
        item->setToolTip(scene.note);
        QFont font = item->font();
        font.setBold(i == m_lesson->currentScene());
        item->setFont(font);
    }
    const int current = m_lesson->currentScene();
    if (current >= 0 || m_list->currentRow() >= count)
        m_list->setCurrentRow(current);
    m_rebuilding = false;
    showNote();
    updateButtons();
}

void SceneListDock::showNote()
{
    const int row = selectedRow();
    const QString note =
        row >= 0 && row < m_lesson->sceneCount() ? m_lesson->scene(row).note : QString();
    if (m_note->toPlainText() != note) {
        const bool was = m_rebuilding;
        m_rebuilding = true;
        m_note->setPlainText(note);
        m_rebuilding = was;
    }
    m_note->setEnabled(row >= 0);
}

void SceneListDock::updateButtons()
{
    const int row = selectedRow();
    const bool any = row >= 0 && row < m_lesson->sceneCount();
    button(QStringLiteral("updateScene"))->setEnabled(any);
    button(QStringLiteral("duplicateScene"))->setEnabled(any);
    button(QStringLiteral("renameScene"))->setEnabled(any);
    button(QStringLiteral("deleteScene"))->setEnabled(any);
    button(QStringLiteral("sceneUp"))->setEnabled(any && row > 0);
    button(QStringLiteral("sceneDown"))->setEnabled(any && row < m_lesson->sceneCount() - 1);
    QToolButton *embed = button(QStringLiteral("embedPhoto"));
    const bool photo = any && m_lesson->scene(row).tab == SceneTab::Photo;
    const ScenePhoto none;
    const ScenePhoto &p = photo ? m_lesson->scene(row).photo : none;
    embed->setChecked(!p.png.isEmpty());
    // Embedding needs the file; linking again needs a path to link to.
    embed->setEnabled(photo && (p.png.isEmpty() ? !p.missing : !p.path.isEmpty()));
}

} // namespace poolviz
