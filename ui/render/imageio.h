#pragma once

#include "tensor.h"

#include <QIODevice>
#include <QImage>
#include <QString>
#include <QStringList>

namespace poolviz {

/// How an image becomes planes.
enum class ChannelMode
{
    Color,
    Grayscale,
    Red,
    Green,
    Blue,
    Alpha
};

/// Loading options.
struct ImageLoadOptions
{
    ChannelMode channels = ChannelMode::Color;
    bool keepAlpha = false;         ///< Color: add the alpha channel as a fourth plane
    qint64 maxPixels = 100'000'000; ///< refuse larger images before allocating
    /// loadImage only: decide from the decoded image instead of `channels`/`keepAlpha`: a gray
    /// image becomes one plane, a colour one R, G, B, plus A if it has alpha (the CLI's rule).
    bool autoChannels = false;
};

/// An image converted to a (1, C, H, W) tensor of 0–255 values, or an error message. One plane
/// (Grayscale, Red, …) has rank 2, several planes rank 3. Grayscale is the ITU-R BT.601 luma
/// round(0.299 R + 0.587 G + 0.114 B); Color gives the planes R, G, B (and A with keepAlpha).
struct LoadedImage
{
    Tensor tensor;
    QString error; ///< empty on success; names the file and the problem
    QSize size;
    bool grayscaleSource = false; ///< the image had only gray pixels (R = G = B)
    bool alphaSource = false;     ///< the image had an alpha channel
    /// Loaded, but not faithfully: a truncated or corrupt file the decoder filled in, 16-bit
    /// channels read as 8 bits. One sentence each, naming the file.
    QStringList warnings;
    bool ok() const { return error.isEmpty(); }
};

/// For PNG data at the device's position: an error (a clause such as "it is damaged or cut short
/// (its IDAT chunk at byte 33 declares 4000 bytes; the file ends 12 bytes later)") when a chunk
/// declares more bytes than the data holds, which libpng would allocate before reading; empty
/// for sound PNGs and for anything that is not PNG. The position is left as it was.
QString checkPngChunks(QIODevice &device);

/// For the window, which must never block: a clause ("it is not a regular file but a pipe, device
/// or socket, which could keep PoolViz waiting forever") when `path` exists but is not a regular
/// file or a folder; empty otherwise. Links are followed. The CLI reads pipes (`<(…)`) on purpose.
QString specialFileProblem(const QString &path);

/// Reads an image file with Qt's plugins. Checks the header size against maxPixels first (no
/// allocation), then decodes; corrupt, truncated and unsupported files give a clear message.
LoadedImage loadImage(const QString &path, const ImageLoadOptions &options = {});
/// Converts an in-memory image (clipboard, drop) the same way.
LoadedImage imageToTensor(const QImage &image, const ImageLoadOptions &options = {});
/// Converts plane(s) of (1, C, H, W) to an image: 1 plane → grayscale, 3 → RGB, 4 → RGBA.
/// Values are rounded and clamped to 0–255 (NaN → 0). `scale` > 1 upsamples nearest-neighbour.
/// Other plane counts, an empty tensor or a batch out of range give a null image.
QImage tensorToImage(const Tensor &t, int batch = 0, int scale = 1);
/// The same for 8-bit planes (the bytes as they are): a quarter of the reading.
QImage tensorToImage(const ByteTensor &t, int batch = 0, int scale = 1);
/// The image encoded in memory as `format` (e.g. "PNG", the lossless default; `quality` −1 for the
/// format's default), for embedding in a file or estimating a size. Empty for a null image.
QByteArray encodeImage(const QImage &image, const char *format = "PNG", int quality = -1);
/// Saves through QSaveFile (atomic); `quality` −1 for the format's default. Returns an error
/// message, empty on success.
QString saveImage(const QImage &image, const QString &path, int quality = -1);

} // namespace poolviz
