#include "animationexport.h"

#include "gifwriter.h"
#include "imageio.h"
#include "stagerenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

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

QString exportAnimation(const Trace &trace, const QString &path, int frameMs, QSize size)
{
    const int count = int(trace.steps.size());
    if (count == 0)
        return QStringLiteral("cannot export \"%1\": the animation has no steps").arg(path);
    const StageRenderer renderer(trace);
    if (!size.isValid() || size.isEmpty())
        size = renderer.preferredSize();

    auto frame = [&](int i) {
        StageView view;
        view.step = i;
        view.motion = 1.0;
        return renderer.render(size, view);
    };

    if (QFileInfo(path).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0) {
        GifWriter gif(path);
        if (!gif.open(size))
            return gif.errorString();
        for (int i = 0; i < count; ++i)
            if (!gif.addFrame(frame(i), frameMs))
                return gif.errorString();
        if (!gif.finish())
            return gif.errorString();
        return {};
    }

    const QFileInfo folder(path);
    if (folder.exists() && !folder.isDir())
        return QStringLiteral("cannot export frames to \"%1\": it is a file, not a folder (name "
                              "the file .gif for an animated GIF)")
            .arg(path);
    QDir dir(path);
    if (!dir.exists() && !QDir().mkpath(path))
        return QStringLiteral("cannot create the folder \"%1\"").arg(path);

    QSet<QString> written;
    for (int i = 0; i < count; ++i) {
        const QString name = frameFileName(i, count);
        const QString error = saveImage(frame(i), dir.filePath(name));
        if (!error.isEmpty())
            return error;
        written.insert(name);
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

} // namespace poolviz
