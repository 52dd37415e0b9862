#include "lessondocument.h"

#include "imageio.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace poolviz {

/// One edit of the lesson, stored as the lesson before and after it: lessons are a handful of
/// small scenes, and the tensors and embedded photos inside are shared, not copied. Note edits
/// of the same scene merge (typing a note is one undo step).
class LessonCommand : public QUndoCommand
{
public:
    static constexpr int kNoteId = 0x1e55;

    LessonCommand(LessonDocument *doc, Lesson after, int currentAfter, int changed,
                  const QString &text, int noteScene = -1)
        : QUndoCommand(text), m_doc(doc), m_before(doc->m_lesson), m_currentBefore(doc->m_current),
          m_after(std::move(after)), m_currentAfter(currentAfter), m_changed(changed),
          m_noteScene(noteScene)
    {
    }

    void undo() override { m_doc->apply(m_before, m_currentBefore, m_changed); }
    void redo() override { m_doc->apply(m_after, m_currentAfter, m_changed); }
    int id() const override { return m_noteScene >= 0 ? kNoteId : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const LessonCommand *>(other);
        if (o->m_noteScene != m_noteScene)
            return false;
        m_after = o->m_after;
        m_currentAfter = o->m_currentAfter;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    LessonDocument *m_doc;
    Lesson m_before;
    int m_currentBefore;
    Lesson m_after;
    int m_currentAfter;
    int m_changed;
    int m_noteScene;
};

LessonDocument::LessonDocument(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
}

LessonDocument::~LessonDocument() = default;

bool LessonDocument::isModified() const
{
    if (m_filePath.isEmpty() && m_lesson.scenes.isEmpty() && m_lesson.title.isEmpty())
        return false;
    return !m_undoStack->isClean();
}

void LessonDocument::setCurrentScene(int index)
{
    index = std::clamp(index, -1, sceneCount() - 1);
    if (index == m_current)
        return;
    m_current = index;
    emit currentSceneChanged(index);
}

void LessonDocument::reset(const Lesson &lesson, const QString &path)
{
    m_undoStack->clear();
    m_lesson = lesson;
    m_current = -1;
    const bool pathChanged = path != m_filePath;
    m_filePath = path;
    m_undoStack->setClean();
    emit titleChanged();
    emit scenesChanged(-1);
    emit currentSceneChanged(-1);
    if (pathChanged)
        emit filePathChanged(path);
    emit modifiedChanged(isModified());
}

QString LessonDocument::save(const QString &path)
{
    const QString error = LessonFile::write(m_lesson, path);
    if (!error.isEmpty())
        return error;
    if (path != m_filePath) {
        m_filePath = path;
        emit filePathChanged(path);
    }
    m_undoStack->setClean();
    emit modifiedChanged(isModified());
    return {};
}

void LessonDocument::apply(const Lesson &lesson, int current, int changed)
{
    const bool titleChange = lesson.title != m_lesson.title;
    m_lesson = lesson;
    if (titleChange)
        emit titleChanged();
    emit scenesChanged(changed);
    m_current = -2; // always announce: the scene list re-selects after every change
    setCurrentScene(current);
    emit modifiedChanged(isModified());
}

void LessonDocument::insertScene(int index, const Scene &scene, const QString &text)
{
    index = std::clamp(index, 0, sceneCount());
    Lesson after = m_lesson;
    after.scenes.insert(index, scene);
    m_undoStack->push(new LessonCommand(this, std::move(after), index, -1, text));
}

void LessonDocument::addScene(const Scene &scene)
{
    const int at = m_current >= 0 ? m_current + 1 : sceneCount();
    insertScene(at, scene, tr("Add Scene “%1”").arg(scene.title));
}

void LessonDocument::duplicateScene(int index)
{
    if (index < 0 || index >= sceneCount())
        return;
    Scene copy = scene(index);
    copy.title = tr("%1 (copy)").arg(copy.title);
    insertScene(index + 1, copy, tr("Duplicate Scene “%1”").arg(scene(index).title));
}

void LessonDocument::removeScene(int index)
{
    if (index < 0 || index >= sceneCount())
        return;
    Lesson after = m_lesson;
    after.scenes.removeAt(index);
    const int current = std::min(index, int(after.scenes.size()) - 1);
    m_undoStack->push(new LessonCommand(this, std::move(after), current, -1,
                                        tr("Delete Scene “%1”").arg(scene(index).title)));
}

void LessonDocument::moveScene(int from, int to)
{
    if (from < 0 || from >= sceneCount() || to < 0 || to >= sceneCount() || from == to)
        return;
    Lesson after = m_lesson;
    after.scenes.move(from, to);
    m_undoStack->push(new LessonCommand(this, std::move(after), to, -1,
                                        tr("Move Scene “%1”").arg(scene(from).title)));
}

void LessonDocument::renameScene(int index, const QString &title)
{
    if (index < 0 || index >= sceneCount() || scene(index).title == title)
        return;
    Lesson after = m_lesson;
    after.scenes[index].title = title;
    m_undoStack->push(new LessonCommand(this, std::move(after), index, index,
                                        tr("Rename Scene “%1”").arg(title)));
}

void LessonDocument::setNote(int index, const QString &note)
{
    if (index < 0 || index >= sceneCount() || scene(index).note == note)
        return;
    Lesson after = m_lesson;
    after.scenes[index].note = note;
    m_undoStack->push(new LessonCommand(this, std::move(after), index, index,
                                        tr("Edit Note of “%1”").arg(scene(index).title), index));
}

void LessonDocument::updateScene(int index, const Scene &scene)
{
    if (index < 0 || index >= sceneCount())
        return;
    Lesson after = m_lesson;
    Scene &s = after.scenes[index];
    const QString title = s.title;
    const QString note = s.note;
    s = scene;
    s.title = title;
    s.note = note;
    if (after == m_lesson)
        return;
    m_undoStack->push(new LessonCommand(this, std::move(after), index, index,
                                        tr("Update Scene “%1”").arg(title)));
}

QString LessonDocument::setPhotoEmbedded(int index, bool embed)
{
    if (index < 0 || index >= sceneCount() || m_lesson.scenes[index].tab != SceneTab::Photo)
        return tr("Only a scene of the Photo tab has a photo to embed.");
    Lesson after = m_lesson;
    ScenePhoto &photo = after.scenes[index].photo;
    const QString name = after.scenes[index].title;
    if (embed == !photo.png.isEmpty())
        return {};
    if (embed) {
        QImageReader reader(photo.path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull())
            return tr("Cannot embed “%1”: %2")
                .arg(QDir::toNativeSeparators(photo.path), reader.errorString());
        photo.png = encodeImage(image);
        photo.missing = false;
    } else {
        if (photo.path.isEmpty())
            return tr("The photo of “%1” was pasted: it has no file to link to, so it stays "
                      "embedded.")
                .arg(name);
        photo.png.clear();
        photo.missing = !QFileInfo(photo.path).isFile();
    }
    m_undoStack->push(new LessonCommand(this, std::move(after), m_current, index,
                                        embed ? tr("Embed the Photo of “%1”").arg(name)
                                              : tr("Link the Photo of “%1”").arg(name)));
    return {};
}

void LessonDocument::setTitle(const QString &title)
{
    if (title == m_lesson.title)
        return;
    Lesson after = m_lesson;
    after.title = title;
    m_undoStack->push(
        new LessonCommand(this, std::move(after), m_current, -1, tr("Rename Lesson")));
}

} // namespace poolviz
