#include "gifwriter.h"

#include "coremessage.h"
#include "matrixfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QSaveFile>

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <vector>

namespace poolviz {

namespace {

/// giflib's output callback: append to the QSaveFile stored as user data.
int writeToDevice(GifFileType *gif, const GifByteType *data, int length)
{
    auto *file = static_cast<QSaveFile *>(gif->UserData);
    const qint64 written = file->write(reinterpret_cast<const char *>(data), length);
    return written < 0 ? 0 : int(written);
}

QString gifErrorText(int code)
{
    const char *text = GifErrorString(code);
    return text ? QString::fromLatin1(text)
                : QCoreApplication::translate("poolviz::GifWriter", "giflib error %1").arg(code);
}

/// A frame reduced to at most 256 colours: one palette index per pixel.
struct IndexedFrame
{
    std::vector<GifColorType> palette; // 2, 4, ..., 256 entries (GIF wants a power of two)
    std::vector<GifByteType> pixels;   // row-major, width × height
};

int paletteSizeFor(int colours)
{
    int size = 2;
    while (size < colours)
        size *= 2;
    return size;
}

/// Exact palette when the frame has ≤ 256 colours, otherwise median cut (GifQuantizeBuffer)
/// refined so that each entry is the mean of the exact colours mapped to it – white stays 255
/// instead of the 248 that the 5-bit boxes would give.
bool quantize(const QImage &rgb, IndexedFrame &out)
{
    const int w = rgb.width();
    const int h = rgb.height();
    const std::size_t count = std::size_t(w) * std::size_t(h);
    out.pixels.assign(count, 0);

    QHash<quint32, int> exact;
    bool fits = true;
    for (int y = 0; y < h && fits; ++y) {
        const uchar *line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const quint32 key = (quint32(line[3 * x]) << 16) | (quint32(line[3 * x + 1]) << 8) |
                                quint32(line[3 * x + 2]);
            auto it = exact.find(key);
            if (it == exact.end()) {
                if (exact.size() == 256) {
                    fits = false;
                    break;
                }
                it = exact.insert(key, int(exact.size()));
            }
            out.pixels[std::size_t(y) * w + x] = GifByteType(it.value());
        }
    }
    if (fits) {
        out.palette.assign(std::size_t(paletteSizeFor(int(exact.size()))), GifColorType{0, 0, 0});
        for (auto it = exact.cbegin(); it != exact.cend(); ++it)
            out.palette[std::size_t(it.value())] = {GifByteType(it.key() >> 16),
                                                    GifByteType((it.key() >> 8) & 0xff),
                                                    GifByteType(it.key() & 0xff)};
        return true;
    }

    std::vector<GifByteType> r(count), g(count), b(count);
    for (int y = 0; y < h; ++y) {
        const uchar *line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const std::size_t i = std::size_t(y) * w + x;
            r[i] = line[3 * x];
            g[i] = line[3 * x + 1];
            b[i] = line[3 * x + 2];
        }
    }
    int size = 256;
    std::array<GifColorType, 256> map{};
    if (GifQuantizeBuffer(unsigned(w), unsigned(h), &size, r.data(), g.data(), b.data(),
                          out.pixels.data(), map.data()) == GIF_ERROR)
        return false;

    std::array<std::array<quint64, 4>, 256> sums{};
    for (std::size_t i = 0; i < count; ++i) {
        auto &s = sums[out.pixels[i]];
        s[0] += r[i];
        s[1] += g[i];
        s[2] += b[i];
        ++s[3];
    }
    for (std::size_t k = 0; k < 256; ++k) {
        const auto &s = sums[k];
        if (s[3] > 0)
            map[k] = {GifByteType((s[0] + s[3] / 2) / s[3]), GifByteType((s[1] + s[3] / 2) / s[3]),
                      GifByteType((s[2] + s[3] / 2) / s[3])};
    }
    out.palette.assign(map.begin(), map.end());
    return true;
}

} // namespace

GifWriter::GifWriter(const QString &path) : m_path(path) {}

GifWriter::~GifWriter()
{
    abort();
}

int GifWriter::delayCentiseconds(int delayMs)
{
    return std::max(2, (std::max(delayMs, 0) + 5) / 10);
}

bool GifWriter::fail(const QString &what, int gifError)
{
    m_error = QCoreApplication::translate("poolviz::GifWriter", "cannot write GIF \"%1\": %2")
                  .arg(m_path, what);
    if (gifError != 0)
        m_error += QStringLiteral(" (%1)").arg(gifErrorText(gifError));
    abort();
    return false;
}

void GifWriter::abort()
{
    if (m_gif) {
        int err = 0;
        EGifCloseFile(m_gif, &err);
        m_gif = nullptr;
    }
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
}

bool GifWriter::open(QSize size, int loopCount)
{
    abort();
    m_error.clear();
    m_frames = 0;
    if (size.width() < 1 || size.height() < 1 || size.width() > 65535 || size.height() > 65535)
        return fail(
            QCoreApplication::translate("poolviz::GifWriter", "the size %1×%2 is outside 1..65535")
                .arg(size.width())
                .arg(size.height()),
            0);
    if (loopCount < 0 || loopCount > 65535)
        return fail(
            QCoreApplication::translate("poolviz::GifWriter", "loop count %1 is outside 0..65535")
                .arg(loopCount),
            0);
    m_size = size;

    // QSaveFile renames onto the target: never onto /dev/full or a FIFO.
    if (const WriteError target = outputTargetError(QFile::encodeName(m_path).toStdString());
        !target.empty()) {
        m_error = coreWriteText(target);
        abort();
        return false;
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly))
        return fail(m_file->errorString(), 0);

    int err = 0;
    m_gif = EGifOpen(m_file.get(), &writeToDevice, &err);
    if (!m_gif)
        return fail(QCoreApplication::translate("poolviz::GifWriter", "giflib could not start"),
                    err);
    EGifSetGifVersion(m_gif, true);
    // Every frame carries its own palette, so the screen has no global colour map.
    if (EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(QCoreApplication::translate("poolviz::GifWriter",
                                                "writing the screen descriptor failed"),
                    m_gif->Error);

    // NETSCAPE2.0 application extension: sub-block 1 holds the loop count (little endian).
    static const char netscape[] = "NETSCAPE2.0";
    const unsigned char loop[3] = {1, static_cast<unsigned char>(loopCount & 0xff),
                                   static_cast<unsigned char>((loopCount >> 8) & 0xff)};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, 11, netscape) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, 3, loop) == GIF_ERROR ||
        EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        return fail(
            QCoreApplication::translate("poolviz::GifWriter", "writing the loop extension failed"),
            m_gif->Error);
    return true;
}

bool GifWriter::addFrame(const QImage &frame, int delayMs)
{
    if (!m_gif)
        return fail(QCoreApplication::translate("poolviz::GifWriter", "the GIF is not open"), 0);
    if (frame.size() != m_size)
        return fail(QCoreApplication::translate("poolviz::GifWriter",
                                                "frame %1 is %2×%3, but the GIF is %4×%5")
                        .arg(m_frames + 1)
                        .arg(frame.width())
                        .arg(frame.height())
                        .arg(m_size.width())
                        .arg(m_size.height()),
                    0);

    QImage rgb;
    if (frame.hasAlphaChannel()) {
        // GIF has no partial transparency: composite on white, as the stage is painted.
        rgb = QImage(frame.size(), QImage::Format_RGB888);
        rgb.fill(Qt::white);
        QPainter painter(&rgb);
        painter.drawImage(0, 0, frame);
    } else {
        rgb = frame.convertToFormat(QImage::Format_RGB888);
    }

    IndexedFrame indexed;
    if (!quantize(rgb, indexed))
        return fail(QCoreApplication::translate("poolviz::GifWriter",
                                                "colour quantization of frame %1 failed")
                        .arg(m_frames + 1),
                    0);

    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = delayCentiseconds(delayMs);
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&gcb, extension);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) == GIF_ERROR)
        return fail(QCoreApplication::translate("poolviz::GifWriter",
                                                "writing the delay of frame %1 failed")
                        .arg(m_frames + 1),
                    m_gif->Error);

    ColorMapObject *map = GifMakeMapObject(int(indexed.palette.size()), indexed.palette.data());
    if (!map)
        return fail(
            QCoreApplication::translate("poolviz::GifWriter", "out of memory for a palette"), 0);
    const int described =
        EGifPutImageDesc(m_gif, 0, 0, m_size.width(), m_size.height(), false, map);
    GifFreeMapObject(map); // giflib keeps its own copy
    if (described == GIF_ERROR)
        return fail(QCoreApplication::translate("poolviz::GifWriter", "writing frame %1 failed")
                        .arg(m_frames + 1),
                    m_gif->Error);
    for (int y = 0; y < m_size.height(); ++y) {
        if (EGifPutLine(m_gif, indexed.pixels.data() + std::size_t(y) * m_size.width(),
                        m_size.width()) == GIF_ERROR)
            return fail(QCoreApplication::translate("poolviz::GifWriter", "writing frame %1 failed")
                            .arg(m_frames + 1),
                        m_gif->Error);
    }
    ++m_frames;
    return true;
}

bool GifWriter::finish()
{
    if (!m_gif)
        return fail(QCoreApplication::translate("poolviz::GifWriter", "the GIF is not open"), 0);
    if (m_frames == 0)
        return fail(QCoreApplication::translate("poolviz::GifWriter",
                                                "an animation needs at least one frame"),
                    0);
    int err = 0;
    const int closed = EGifCloseFile(m_gif, &err);
    m_gif = nullptr;
    if (closed == GIF_ERROR)
        return fail(QCoreApplication::translate("poolviz::GifWriter", "finishing the file failed"),
                    err);
    if (!m_file->commit()) {
        const QString why = m_file->errorString();
        m_file.reset();
        return fail(why, 0);
    }
    m_file.reset();
    return true;
}

} // namespace poolviz
