#include "imageio.h"

#include "kernels/threads.h"
#include "pool.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace poolviz {

namespace {

/// "120 megapixels", or "2500 pixels" for limits below a megapixel.
QString pixelAmount(qint64 pixels, bool mega)
{
    if (!mega)
        return QStringLiteral("%1 pixels").arg(pixels);
    if (pixels % 1'000'000 == 0)
        return QStringLiteral("%1 megapixels").arg(pixels / 1'000'000);
    return QStringLiteral("%1 megapixels").arg(double(pixels) / 1e6, 0, 'f', 1);
}

QString sizeRefusal(QSize size, qint64 maxPixels)
{
    const qint64 pixels = qint64(size.width()) * size.height();
    const bool mega = maxPixels >= 1'000'000;
    return QStringLiteral("image is %1×%2 = %3, above the limit of %4")
        .arg(size.width())
        .arg(size.height())
        .arg(pixelAmount(pixels, mega), pixelAmount(maxPixels, mega));
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

LoadedImage imageToTensor(const QImage &image, const ImageLoadOptions &options)
{
    LoadedImage out;
    if (image.isNull()) {
        out.error = QStringLiteral("the image is empty");
        return out;
    }
    out.size = image.size();
    if (options.maxPixels > 0 && qint64(image.width()) * image.height() > options.maxPixels) {
        out.error = sizeRefusal(image.size(), options.maxPixels);
        return out;
    }
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    const int h = rgba.height();
    const int w = rgba.width();

    int planes = 1;
    if (options.channels == ChannelMode::Color)
        planes = options.keepAlpha ? 4 : 3;
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

LoadedImage loadImage(const QString &path, const ImageLoadOptions &options)
{
    LoadedImage out;
    const QString name = QDir::toNativeSeparators(path);
    if (!QFileInfo::exists(path)) {
        out.error = QStringLiteral("cannot open image \"%1\": the file does not exist").arg(name);
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

    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead()) {
        out.error = QStringLiteral("cannot read image \"%1\": %2").arg(name, reader.errorString());
        return out;
    }
    const QSize header = reader.size();
    if (header.isValid() && options.maxPixels > 0 &&
        qint64(header.width()) * header.height() > options.maxPixels) {
        out.size = header;
        out.error = QStringLiteral("cannot load \"%1\": %2")
                        .arg(name, sizeRefusal(header, options.maxPixels));
        return out;
    }

    const QImage image = reader.read();
    if (image.isNull()) {
        out.size = header;
        out.error = QStringLiteral("cannot read image \"%1\": %2").arg(name, reader.errorString());
        return out;
    }
    out = imageToTensor(image, options);
    if (!out.ok())
        out.error = QStringLiteral("cannot load \"%1\": %2").arg(name, out.error);
    return out;
}

QImage tensorToImage(const Tensor &t, int batch, int scale)
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
                const float *src = t.planeData(batch, c) + std::size_t(y) * std::size_t(w);
                quint8 *dst = planes == 1 ? line : row.data() + std::size_t(c) * std::size_t(w);
                toBytes(src, dst, w);
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

QString saveImage(const QImage &image, const QString &path, int quality)
{
    if (image.isNull())
        return QStringLiteral("cannot save \"%1\": the image is empty").arg(path);
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (format.isEmpty())
        return QStringLiteral("cannot save \"%1\": the file name has no extension to choose an "
                              "image format (e.g. .png)")
            .arg(path);
    if (!QImageWriter::supportedImageFormats().contains(format))
        return QStringLiteral("cannot save \"%1\": Qt cannot write .%2 images")
            .arg(path, QString::fromLatin1(format));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString());
    QImageWriter writer(&file, format);
    writer.setQuality(quality);
    if (!writer.write(image)) {
        const QString why = writer.errorString();
        file.cancelWriting();
        return QStringLiteral("cannot write \"%1\": %2").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString());
    return {};
}

} // namespace poolviz
