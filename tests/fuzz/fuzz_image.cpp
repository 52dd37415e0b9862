// libFuzzer harness: image loading as poolviz-cli and the Photo tab do it (loadImage on a file,
// channels decided from the decoded image), and the in-memory path of paste and drop
// (imageToTensor). Any bytes give planes of 0–255 values or a message; a truncated JPEG once
// crashed here.
#include "fuzzcheck.h"
#include "imageio.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace {

/// 64×64 pixels: every decoder branch and every conversion is reached by images this small, and
/// a run stays cheap; larger headers are refused before decoding, which is a path of its own.
constexpr qint64 kMaxPixels = 1 << 12;

QString scratchPath()
{
    const QString dir =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return dir + QStringLiteral("/poolviz-fuzz-image-%1").arg(::getpid());
}

void checkLoaded(const poolviz::LoadedImage &loaded)
{
    using poolviz::fuzz::check;
    if (!loaded.ok()) {
        check(loaded.tensor.empty(), "an error with a tensor");
        return;
    }
    const poolviz::Tensor &t = loaded.tensor;
    check(t.n() == 1 && t.c() >= 1 && t.c() <= 4, "image planes outside 1-4");
    check(t.h() == loaded.size.height() && t.w() == loaded.size.width(), "size differs");
    for (const float v : t.data())
        check(v >= 0.0f && v <= 255.0f && std::floor(v) == v, "a pixel outside 0-255");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    poolviz::fuzz::startGuiApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace poolviz;
    fuzz::useSmallLimits();
    static const QString path = scratchPath() + QStringLiteral(".img");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    ImageLoadOptions options;
    options.autoChannels = true;
    options.maxPixels = kMaxPixels;
    checkLoaded(loadImage(path, options));

    // Paste and drop hand over a decoded QImage.
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (checkPngChunks(buffer).isEmpty() && reader.canRead()) {
        const QSize header = reader.size();
        if (!header.isValid() || qint64(header.width()) * header.height() <= kMaxPixels) {
            ImageLoadOptions gray;
            gray.channels = ChannelMode::Grayscale;
            gray.maxPixels = kMaxPixels;
            checkLoaded(imageToTensor(reader.read(), gray));
        }
    }
    return 0;
}
