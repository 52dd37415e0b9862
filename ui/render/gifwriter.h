#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

class QSaveFile;
struct GifFileType;

namespace poolviz {

/// Streams an animated GIF89a through giflib into a QSaveFile, so the file appears only when
/// `finish()` succeeds. Every frame gets its own 256-colour palette (median cut with giflib's
/// GifQuantizeBuffer, palette entries then set to the mean of the exact colours they stand for;
/// frames with at most 256 colours keep them exactly), a graphics control extension with its
/// delay, and the file a NETSCAPE2.0 loop extension.
///
///     GifWriter gif("anim.gif");
///     gif.open(QSize(640, 360));           // loop forever
///     gif.addFrame(frame, 700);            // each frame: same size, delay in ms
///     if (!gif.finish()) qWarning() << gif.errorString();
class GifWriter
{
public:
    /// A writer for `path`; nothing is written before `open`.
    explicit GifWriter(const QString &path);
    /// Discards the file unless `finish()` succeeded.
    ~GifWriter();
    GifWriter(const GifWriter &) = delete;
    GifWriter &operator=(const GifWriter &) = delete;

    /// Starts a GIF of `size` (1..65535 each way) that repeats `loopCount` times (0: forever).
    /// Returns false and sets errorString() on failure.
    bool open(QSize size, int loopCount = 0);
    /// Appends `frame` (exactly the size given to open) shown for `delayMs` milliseconds
    /// (rounded to GIF's 1/100 s, at least 2/100 s, which is what browsers honour).
    bool addFrame(const QImage &frame, int delayMs);
    /// Writes the trailer and commits the file atomically. At least one frame is required.
    bool finish();

    /// Why the last call failed, naming the file; empty if none did.
    QString errorString() const { return m_error; }
    /// Frames added so far.
    int frameCount() const { return m_frames; }
    /// The GIF delay (1/100 s) used for `delayMs`: round(delayMs / 10), at least 2.
    static int delayCentiseconds(int delayMs);

private:
    bool fail(const QString &what, int gifError);
    void abort();

    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    GifFileType *m_gif = nullptr;
    QSize m_size;
    int m_frames = 0;
    QString m_error;
};

} // namespace poolviz
