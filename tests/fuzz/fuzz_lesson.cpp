// libFuzzer harness: the `.poolviz` lesson reader (LessonFile::fromJson), as File ▸ Lesson ▸
// Open and `poolviz LESSON.poolviz` use it. Any bytes give either a reason and no lesson, or a
// lesson whose scenes hold what a scene must (a non-empty input, a plane inside it, a step and a
// photo channel in range); what was read writes back (toJson) and reads again as the same lesson.
#include "fuzzcheck.h"
#include "lessonfile.h"

#include <QDir>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace {

/// A folder for the lesson that holds nothing: photo paths resolve against it and are missing.
QString lessonDir()
{
    const QString base =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return base + QStringLiteral("/poolviz-fuzz-lesson-%1/lessons").arg(::getpid());
}

void checkScenes(const poolviz::Lesson &lesson)
{
    using poolviz::fuzz::check;
    for (const poolviz::Scene &s : lesson.scenes) {
        check(!s.input.empty(), "a scene without an input");
        check(s.input.rank() >= 2 && s.input.rank() <= 4, "an input rank outside 2-4");
        check(s.plane >= 0 && s.plane < s.input.planeCount(), "a plane outside the input");
        check(s.step >= 0, "a negative step");
        check(s.photo.channel >= 0 && s.photo.channel <= 3, "a photo channel outside 0-3");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Embedded photos are decoded to check them.
    poolviz::fuzz::startGuiApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace poolviz;
    fuzz::useSmallLimits();
    static const QString dir = lessonDir();
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const LessonReadResult read = LessonFile::fromJson(json, dir);
    fuzz::check(read.ok() == read.error.isEmpty(), "a lesson and an error, or neither");
    if (!read.ok())
        return 0;
    checkScenes(*read.lesson);

    // Writing what was read and reading it again gives the same lesson, with nothing left out.
    const QByteArray written = LessonFile::toJson(*read.lesson, dir);
    const LessonReadResult again = LessonFile::fromJson(written, dir);
    fuzz::check(again.ok(), "a written lesson does not read back");
    fuzz::check(again.lesson->scenes.size() == read.lesson->scenes.size(),
                "a written lesson reads back with other scenes");
    fuzz::check(*again.lesson == *read.lesson, "a written lesson reads back different");
    return 0;
}
