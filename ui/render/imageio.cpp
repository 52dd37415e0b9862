#include "imageio.h"

#include "kernels/threads.h"
#include "numbertext.h"
#include "pool.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace poolviz {

namespace {

/// "120 megapixels", or "2500 pixels" for limits below a megapixel. An amount above `limit` is
/// never rounded onto it: "100.000001 megapixels, above the limit of 100 megapixels".
QString pixelAmount(qint64 pixels, bool mega, qint64 limit = -1)
{
    if (!mega)
        return QCoreApplication::translate("poolviz::ImageIO", "%1 pixels").arg(pixels);
    if (pixels % 1'000'000 == 0)
        return QCoreApplication::translate("poolviz::ImageIO", "%1 megapixels")
            .arg(pixels / 1'000'000);
    int decimals = 1;
    const double mp = double(pixels) / 1e6;
    while (decimals < 6 && limit >= 0 && pixels > limit &&
           QString::number(mp, 'f', decimals).toDouble() * 1e6 <= double(limit))
        ++decimals;
    QLocale locale; // the decimal separator of the language shown, no thousands separator
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return QCoreApplication::translate("poolviz::ImageIO", "%1 megapixels")
        .arg(locale.toString(mp, 'f', decimals));
}

QString sizeRefusal(QSize size, qint64 maxPixels)
{
    const qint64 pixels = qint64(size.width()) * size.height();
    const bool mega = maxPixels >= 1'000'000;
    return QCoreApplication::translate("poolviz::ImageIO",
                                       "the image is %1×%2 = %3, above the limit of %4")
        .arg(size.width())
        .arg(size.height())
        .arg(pixelAmount(pixels, mega, maxPixels), pixelAmount(maxPixels, mega));
}

/// While alive, collects on this thread what Qt's image plugins log (e.g. libjpeg's "Corrupt
/// JPEG data: premature end of data segment" for a truncated file, which still decodes, grey
/// below the cut); other messages go on to the handler installed before.
class DecoderLog
{
public:
    DecoderLog()
    {
        static const QtMessageHandler previous = qInstallMessageHandler(&DecoderLog::handle);
        s_previous = previous;
        s_current = this;
    }
    ~DecoderLog() { s_current = nullptr; }
    DecoderLog(const DecoderLog &) = delete;
    DecoderLog &operator=(const DecoderLog &) = delete;

    QStringList messages;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_current && type == QtWarningMsg && context.category &&
            QLatin1String(context.category).startsWith(QLatin1String("qt.gui.imageio"))) {
            s_current->messages << message.trimmed();
            return;
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline thread_local DecoderLog *s_current = nullptr;
    static inline QtMessageHandler s_previous = nullptr;
};

bool isGrayFormat(QImage::Format format)
{
    return format == QImage::Format_Grayscale8 || format == QImage::Format_Grayscale16 ||
           format == QImage::Format_Mono || format == QImage::Format_MonoLSB;
}

bool isSixteenBit(QImage::Format format)
{
    return format == QImage::Format_Grayscale16 || format == QImage::Format_RGBX64 ||
           format == QImage::Format_RGBA64 || format == QImage::Format_RGBA64_Premultiplied ||
           format == QImage::Format_RGBX16FPx4 || format == QImage::Format_RGBA16FPx4 ||
           format == QImage::Format_RGBA16FPx4_Premultiplied ||
           format == QImage::Format_RGBX32FPx4 || format == QImage::Format_RGBA32FPx4 ||
           format == QImage::Format_RGBA32FPx4_Premultiplied;
}

/// ITU-R BT.601 luma, rounded to the nearest integer: 0.299 R + 0.587 G + 0.114 B.
float luma601(int r, int g, int b)
{
    return float(std::lround(0.299 * r + 0.587 * g + 0.114 * b));
}

/// Values to bytes: NaN → 0, clamped to 0–255, rounded half away from zero (lround), in
/// operations that vectorise: max/min (which turn NaN into 0 in this order),
/// truncation, and the exact fraction compared with ½.
void toBytes(const float *src, quint8 *dst, int n)
{
    for (int x = 0; x < n; ++x) {
        const float c = std::min(std::max(0.0f, src[x]), 255.0f);
        const int whole = int(c);
        dst[x] = quint8(whole + int(c - float(whole) >= 0.5f));
    }
}

} // namespace

QString checkPngChunks(QIODevice &device)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    const qint64 start = device.pos();
    const qint64 size = device.size();
    if (device.peek(8) != signature)
        return {};
    QString problem;
    qint64 pos = start + 8;
    while (pos + 8 <= size) {
        device.seek(pos);
        const QByteArray head = device.read(8);
        if (head.size() < 8)
            break;
        const quint32 length = (quint32(quint8(head[0])) << 24) | (quint32(quint8(head[1])) << 16) |
                               (quint32(quint8(head[2])) << 8) | quint32(quint8(head[3]));
        const qint64 left = size - pos - 12; // after the length, type and CRC
        if (qint64(length) > left) {
            QString type;
            for (int i = 4; i < 8; ++i)
                type += QChar::isPrint(uchar(head[i])) ? QChar(uchar(head[i])) : QChar(u'?');
            problem = QCoreApplication::translate(
                          "poolviz::ImageIO", "it is damaged or cut short (its %1 chunk at byte %2 "
                                              "declares %3 bytes; the file ends %4 bytes later)")
                          .arg(type)
                          .arg(pos)
                          .arg(length)
                          .arg(std::max<qint64>(size - pos - 8, 0));
            break;
        }
        if (head.mid(4, 4) == "IEND")
            break;
        pos += 12 + qint64(length);
    }
    device.seek(start);
    return problem;
}

LoadedImage imageToTensor(const QImage &image, const ImageLoadOptions &options)
{
    LoadedImage out;
    if (image.isNull()) {
        out.error = QCoreApplication::translate("poolviz::ImageIO", "the image is empty");
        return out;
    }
    out.size = image.size();
    if (options.maxPixels > 0 && qint64(image.width()) * image.height() > options.maxPixels) {
        out.error = sizeRefusal(image.size(), options.maxPixels);
        return out;
    }
    int planes = 1;
    if (options.channels == ChannelMode::Color)
        planes = options.keepAlpha ? 4 : 3;
    const std::int64_t values = std::int64_t(planes) * image.width() * image.height();
    if (const std::int64_t limit = currentLimits().values; values > limit) {
        out.error = QCoreApplication::translate(
                        "poolviz::ImageIO",
                        "the image is %1×%2 with %3 planes = %4 values, above the limit "
                        "of %5")
                        .arg(image.width())
                        .arg(image.height())
                        .arg(planes)
                        .arg(screenNumber(QString::fromStdString(
                                 formatCount(double(values), double(limit)))),
                             screenNumber(QString::fromStdString(formatCount(double(limit)))));
        return out;
    }
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    if (rgba.isNull()) {
        out.error = QCoreApplication::translate(
                        "poolviz::ImageIO",
                        "the %1×%2 image could not be converted to RGBA (out of memory?)")
                        .arg(image.width())
                        .arg(image.height());
        return out;
    }
    const int h = rgba.height();
    const int w = rgba.width();
    // One plane is a matrix (rank 2); several are (C, H, W) (rank 3). Storage is (1, C, H, W).
    out.tensor = Tensor(1, planes, h, w, 0.0f, planes == 1 ? 2 : 3);
    for (int y = 0; y < h; ++y) {
        const uchar *line = rgba.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const uchar *px = line + 4 * x;
            switch (options.channels) {
            case ChannelMode::Color:
                for (int c = 0; c < planes; ++c)
                    out.tensor.at(0, c, y, x) = float(px[c]);
                break;
            case ChannelMode::Grayscale:
                out.tensor.at(0, 0, y, x) = luma601(px[0], px[1], px[2]);
                break;
            case ChannelMode::Red:
                out.tensor.at(0, 0, y, x) = float(px[0]);
                break;
            case ChannelMode::Green:
                out.tensor.at(0, 0, y, x) = float(px[1]);
                break;
            case ChannelMode::Blue:
                out.tensor.at(0, 0, y, x) = float(px[2]);
                break;
            case ChannelMode::Alpha:
                out.tensor.at(0, 0, y, x) = float(px[3]);
                break;
            }
        }
    }
    out.grayscaleSource = image.isGrayscale();
    out.alphaSource = image.hasAlphaChannel();
    return out;
}

QString specialFileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || info.isFile() || info.isDir())
        return {};
    return QStringLiteral("it is not a regular file but a pipe, device or socket, which could "
                          "keep PoolViz waiting forever");
}

LoadedImage loadImage(const QString &path, const ImageLoadOptions &options)
{
    LoadedImage out;
    const QString name = QDir::toNativeSeparators(path);
    if (!QFileInfo::exists(path)) {
        out.error = QCoreApplication::translate("poolviz::ImageIO",
                                                "cannot open image \"%1\": the file does not exist")
                        .arg(name);
        return out;
    }
    if (const QFileInfo info(path); info.isFile() && info.size() == 0) {
        out.error =
            QStringLiteral("cannot read image \"%1\": the file is empty (0 bytes)").arg(name);
        return out;
    }

    // Qt refuses decodes above its allocation limit (128 MiB by default in Qt 6), which a
    // 100-megapixel photo exceeds. Raise it to what maxPixels allows at 8 bytes per pixel
    // (16-bit-per-channel RGBA is the widest format a plugin decodes to); our own size check
    // below is the real guard.
    if (options.maxPixels > 0) {
        const qint64 neededMiB = (options.maxPixels * 8 + (1 << 20) - 1) >> 20;
        const int limit = int(std::min<qint64>(neededMiB + 1, std::numeric_limits<int>::max()));
        if (QImageReader::allocationLimit() != 0 && QImageReader::allocationLimit() < limit)
            QImageReader::setAllocationLimit(limit);
    }

    // libpng allocates what a chunk declares before it reads it: a 275-byte file declaring a
    // 1 GB text chunk took 1.3 GB. Chunks that claim more than the file holds are refused first.
    {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            if (const QString problem = checkPngChunks(file); !problem.isEmpty()) {
                out.error =
                    QCoreApplication::translate("poolviz::ImageIO", "cannot read image \"%1\": %2")
                        .arg(name, problem);
                return out;
            }
        }
    }

    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead()) {
        out.error = QCoreApplication::translate("poolviz::ImageIO", "cannot read image \"%1\": %2")
                        .arg(name, reader.errorString());
        return out;
    }
    const QSize header = reader.size();
    if (header.isValid() && options.maxPixels > 0 &&
        qint64(header.width()) * header.height() > options.maxPixels) {
        out.size = header;
        out.error = QCoreApplication::translate("poolviz::ImageIO", "cannot load \"%1\": %2")
                        .arg(name, sizeRefusal(header, options.maxPixels));
        return out;
    }

    QImage image;
    QStringList decoderMessages;
    {
        DecoderLog log;
        image = reader.read();
        decoderMessages = log.messages;
    }
    if (image.isNull()) {
        out.size = header;
        out.error = QCoreApplication::translate("poolviz::ImageIO", "cannot read image \"%1\": %2")
                        .arg(name, reader.errorString());
        return out;
    }
    // Every answer below comes from the decoded image, never from the reader's guesses (a
    // reader that could not parse the header reports an unset pixel format).
    ImageLoadOptions used = options;
    if (options.autoChannels) {
        used.channels = isGrayFormat(image.format()) ? ChannelMode::Grayscale : ChannelMode::Color;
        used.keepAlpha = used.channels == ChannelMode::Color && image.hasAlphaChannel();
    }
    out = imageToTensor(image, used);
    if (!out.ok()) {
        out.error = QCoreApplication::translate("poolviz::ImageIO", "cannot load \"%1\": %2")
                        .arg(name, out.error);
        return out;
    }
    if (!decoderMessages.isEmpty())
        out.warnings << QCoreApplication::translate(
                            "poolviz::ImageIO",
                            "\"%1\" is damaged or cut short (the decoder says: %2); "
                            "what is missing reads as grey")
                            .arg(name, decoderMessages.join(QStringLiteral("; ")));
    if (isSixteenBit(image.format()))
        out.warnings << QCoreApplication::translate(
                            "poolviz::ImageIO",
                            "\"%1\" has 16 bits per channel; PoolViz reads it as 8 "
                            "bits (0–255), rounding each value")
                            .arg(name);
    return out;
}

namespace {

/// One row of one plane as bytes: floats rounded and clamped (toBytes), bytes as they are.
void rowToBytes(const float *src, quint8 *dst, int n)
{
    toBytes(src, dst, n);
}
void rowToBytes(const std::uint8_t *src, quint8 *dst, int n)
{
    std::copy(src, src + n, dst);
}

/// tensorToImage for planes of floats or of bytes.
template <class T> QImage planesToImage(const BasicTensor<T> &t, int batch, int scale)
{
    if (t.empty() || batch < 0 || batch >= t.n())
        return {};
    const int planes = t.c();
    const int h = t.h();
    const int w = t.w();
    QImage image;
    switch (planes) {
    case 1:
        image = QImage(w, h, QImage::Format_Grayscale8);
        break;
    case 3:
        // 0xffRRGGBB words: the raster engine's own format, drawn without a conversion.
        image = QImage(w, h, QImage::Format_RGB32);
        break;
    case 4:
        image = QImage(w, h, QImage::Format_RGBA8888);
        break;
    default:
        return {};
    }
    // Plane pointers and one row buffer per channel: a tight loop the compiler vectorises, then
    // the channels interleaved into the scan line; bands of rows on every pooling thread.
    uchar *bits = image.bits(); // detaches once, here, not in every thread
    const qsizetype stride = image.bytesPerLine();
    const int bands = std::max(1, std::min(h / 64, 4 * threadCount()));
    kernels::parallelFor(bands, h * w >= 65536 ? threadCount() : 1, [&](int band, int) {
        std::vector<quint8> row(std::size_t(w) * std::size_t(planes));
        const int y0 = int(std::int64_t(h) * band / bands);
        const int y1 = int(std::int64_t(h) * (band + 1) / bands);
        for (int y = y0; y < y1; ++y) {
            uchar *line = bits + stride * y;
            for (int c = 0; c < planes; ++c) {
                const T *src = t.planeData(batch, c) + std::size_t(y) * std::size_t(w);
                quint8 *dst = planes == 1 ? line : row.data() + std::size_t(c) * std::size_t(w);
                rowToBytes(src, dst, w);
            }
            const quint8 *r = row.data(), *g = r + w, *b = g + w;
            if (planes == 3) {
                auto *words = reinterpret_cast<quint32 *>(line);
                for (int x = 0; x < w; ++x)
                    words[x] = 0xff000000u | quint32(r[x]) << 16 | quint32(g[x]) << 8 | b[x];
            } else if (planes == 4) {
                for (int x = 0; x < w; ++x)
                    for (int c = 0; c < planes; ++c)
                        line[planes * x + c] =
                            row[std::size_t(c) * std::size_t(w) + std::size_t(x)];
            }
        }
    });
    if (scale > 1)
        image = image.scaled(w * scale, h * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return image;
}

} // namespace

QImage tensorToImage(const Tensor &t, int batch, int scale)
{
    return planesToImage(t, batch, scale);
}

QImage tensorToImage(const ByteTensor &t, int batch, int scale)
{
    return planesToImage(t, batch, scale);
}

QByteArray encodeImage(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    if (image.isNull())
        return bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

QString saveImage(const QImage &image, const QString &path, int quality)
{
    if (image.isNull())
        return QCoreApplication::translate("poolviz::ImageIO",
                                           "cannot save \"%1\": the image is empty")
            .arg(path);
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (format.isEmpty())
        return QCoreApplication::translate(
                   "poolviz::ImageIO",
                   "cannot save \"%1\": the file name has no extension to choose an "
                   "image format (e.g. .png)")
            .arg(path);
    if (!QImageWriter::supportedImageFormats().contains(format))
        return QCoreApplication::translate("poolviz::ImageIO",
                                           "cannot save \"%1\": Qt cannot write .%2 images")
            .arg(path, QString::fromLatin1(format));

    // QSaveFile renames onto the target: never onto /dev/full or a FIFO (core's
    // outputTargetError says the same for the matrix writers).
    if (!specialFileProblem(path).isEmpty())
        return QCoreApplication::translate("poolviz::ImageIO",
                                           "cannot write \"%1\": it is a device, pipe or socket, "
                                           "not a regular file (PoolViz replaces an output file "
                                           "whole)")
            .arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("poolviz::ImageIO", "cannot write \"%1\": %2")
            .arg(path, file.errorString());
    QImageWriter writer(&file, format);
    writer.setQuality(quality);
    if (!writer.write(image)) {
        // A full disk fails the device, and the writer then only says "Unknown error": the
        // file's own error names the reason (e.g. "No space left on device").
        const QString why =
            file.error() != QFileDevice::NoError ? file.errorString() : writer.errorString();
        file.cancelWriting();
        return QCoreApplication::translate("poolviz::ImageIO", "cannot write \"%1\": %2")
            .arg(path, why);
    }
    if (!file.commit())
        return QCoreApplication::translate("poolviz::ImageIO", "cannot write \"%1\": %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace poolviz
