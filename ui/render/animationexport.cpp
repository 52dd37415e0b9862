#include "animationexport.h"

#include "gifwriter.h"
#include "imageio.h"
#include "stagerenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

namespace poolviz {

namespace {

int digitsFor(int count)
{
    int digits = 1;
    for (int n = std::max(count - 1, 0); n >= 10; n /= 10)
        ++digits;
    return digits;
}

} // namespace

QString frameFileName(int index, int count)
{
    return QStringLiteral("frame_%1.png")
        .arg(index, std::max(3, digitsFor(count)), 10, QLatin1Char('0'));
}

namespace {

/// The step range of `options` clamped to the trace: {first, last}, empty when first > last.
std::pair<int, int> stepRange(const Trace &trace, const AnimationOptions &options)
{
    const int count = int(trace.steps.size());
    const int first = std::clamp(options.firstStep, 0, std::max(count - 1, 0));
    const int last = options.lastStep < 0 ? count - 1 : std::min(options.lastStep, count - 1);
    return {first, last};
}

QImage renderFrame(const StageRenderer &renderer, QSize size, int step)
{
    StageView view;
    view.step = step;
    view.motion = 1.0;
    return renderer.render(size, view);
}

} // namespace

AnimationEstimate estimateAnimation(const Trace &trace, const AnimationOptions &options, bool gif)
{
    AnimationEstimate e;
    const auto [first, last] = stepRange(trace, options);
    e.frames = std::max(last - first + 1, 0);
    if (e.frames == 0)
        return e;
    const StageRenderer renderer(trace);
    e.size =
        options.size.isValid() && !options.size.isEmpty() ? options.size : renderer.preferredSize();
    const QImage sample = renderFrame(renderer, e.size, first + (last - first) / 2);
    qint64 perFrame = 0;
    if (gif) {
        // One frame through the same encoder; the header and loop extension are counted once.
        QTemporaryDir dir;
        const QString one = dir.filePath(QStringLiteral("one.gif"));
        const QString two = dir.filePath(QStringLiteral("two.gif"));
        for (const QString &path : {one, two}) {
            GifWriter writer(path);
            if (!writer.open(e.size))
                return e;
            for (int i = 0; i < (path == one ? 1 : 2); ++i)
                writer.addFrame(sample, options.frameMs);
            writer.finish();
        }
        perFrame = QFileInfo(two).size() - QFileInfo(one).size();
        e.bytes = QFileInfo(one).size() + perFrame * (e.frames - 1);
    } else {
        e.bytes = encodeImage(sample).size() * e.frames;
    }
    return e;
}

QString exportAnimation(const Trace &trace, const QString &path, const AnimationOptions &options,
                        const AnimationProgress &progress)
{
    const auto [first, last] = stepRange(trace, options);
    const int count = last - first + 1;
    if (trace.steps.empty() || count <= 0)
        return QCoreApplication::translate("poolviz::AnimationExport",
                                           "cannot export \"%1\": the animation has no steps")
            .arg(path);
    const StageRenderer renderer(trace);
    const QSize size =
        options.size.isValid() && !options.size.isEmpty() ? options.size : renderer.preferredSize();
    const QString cancelled = QStringLiteral("cancelled");

    if (QFileInfo(path).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0) {
        GifWriter gif(path);
        if (!gif.open(size))
            return gif.errorString();
        for (int i = 0; i < count; ++i) {
            if (!gif.addFrame(renderFrame(renderer, size, first + i), options.frameMs))
                return gif.errorString();
            if (progress && !progress(i + 1, count))
                return cancelled; // the writer discards the unfinished file
        }
        if (!gif.finish())
            return gif.errorString();
        return {};
    }

    const QFileInfo folder(path);
    if (folder.exists() && !folder.isDir())
        return QCoreApplication::translate(
                   "poolviz::AnimationExport",
                   "cannot export frames to \"%1\": it is a file, not a folder (name "
                   "the file .gif for an animated GIF)")
            .arg(path);
    QDir dir(path);
    if (!dir.exists() && !QDir().mkpath(path))
        return QCoreApplication::translate("poolviz::AnimationExport",
                                           "cannot create the folder \"%1\"")
            .arg(path);

    QSet<QString> written;
    for (int i = 0; i < count; ++i) {
        const QString name = frameFileName(i, count);
        const QString error = saveImage(renderFrame(renderer, size, first + i), dir.filePath(name));
        if (!error.isEmpty())
            return error;
        written.insert(name);
        if (progress && !progress(i + 1, count))
            return cancelled;
    }
    // Frames left over from a longer export into the same folder would play as part of this
    // one; remove files named like ours that this export did not write.
    static const QRegularExpression ours(QStringLiteral("^frame_\\d{3,}\\.png$"));
    const QStringList existing = dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files);
    for (const QString &name : existing)
        if (ours.match(name).hasMatch() && !written.contains(name))
            dir.remove(name);
    return {};
}

QString exportAnimation(const Trace &trace, const QString &path, int frameMs, QSize size)
{
    AnimationOptions options;
    options.frameMs = frameMs;
    options.size = size;
    return exportAnimation(trace, path, options);
}

} // namespace poolviz
