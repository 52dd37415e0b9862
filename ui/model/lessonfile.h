#pragma once

#include "scene.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace poolviz {

/// The version of the `.poolviz` lesson format this PoolViz writes and reads
/// (resources/lessons/README.md).
inline constexpr int kLessonFormatVersion = 1;

/// What reading a lesson gave: the lesson (if anything could be read) and, for each part that
/// could not, one sentence naming the field and the value.
struct LessonReadResult
{
    /// The lesson, missing only when nothing of it could be read (then `error` says why).
    std::optional<Lesson> lesson;
    /// Why nothing could be read: not JSON, not a lesson, no scenes array, an unreadable file.
    QString error;
    /// What was left out or is missing, e.g. "Scene 2 (“Stride 2”) left out: “params.kernel”
    /// must be two whole numbers of at least 1, not [0,2]." Empty when everything was read.
    QStringList problems;
    bool ok() const { return lesson.has_value(); }
};

/// Reads and writes `.poolviz` lesson files: versioned JSON (see resources/lessons/README.md).
/// Photo paths are stored relative to the lesson's folder and read back as absolute paths.
class LessonFile
{
    Q_DECLARE_TR_FUNCTIONS(poolviz::LessonFile)

public:
    /// The lesson as JSON text. Photo paths are written relative to `lessonDir`; an embedded photo
    /// is written as base64 PNG.
    static QByteArray toJson(const Lesson &lesson, const QString &lessonDir);
    /// Reads JSON text. Never throws: a newer version, a corrupt scene or a missing photo becomes
    /// a sentence in `problems` and the rest is read; only text that is no lesson at all gives
    /// `error` and no lesson. Photo paths are resolved against `lessonDir` and checked.
    static LessonReadResult fromJson(const QByteArray &json, const QString &lessonDir);

    /// Reads the file `path` (fromJson with the file's folder). A file that cannot be read gives
    /// `error`, e.g. "Cannot read “a.poolviz”: No such file or directory".
    static LessonReadResult read(const QString &path);
    /// Writes `lesson` to `path` atomically (QSaveFile): a failed write leaves any old file as it
    /// was. Returns an empty string on success, else the reason naming the file.
    static QString write(const Lesson &lesson, const QString &path);
};

} // namespace poolviz
