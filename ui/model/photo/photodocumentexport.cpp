// PhotoDocument's exports: the pooled picture, B or |A − B| as an image, their values as .npy or
// CSV, and the file names it suggests. All writes are atomic (QSaveFile underneath).

#include "photodocument.h"

#include "coremessage.h"
#include "matrixio.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>

namespace poolviz {

namespace {

/// An export is at most this many pixels a side.
constexpr int kMaxExportSide = 32768;

QString suffixOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

QString modeLabel(PoolMode mode)
{
    return QString::fromStdString(modeName(mode));
}

} // namespace

QList<QPair<QStringList, QString>> PhotoDocument::exportFormats()
{
    const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
    const QList<QPair<QStringList, QString>> all = {
        {{"png"}, "PNG"},          {{"jpg", "jpeg"}, "JPEG"}, {{"webp"}, "WebP"},
        {{"tif", "tiff"}, "TIFF"}, {{"bmp"}, "BMP"},
    };
    QList<QPair<QStringList, QString>> formats;
    for (const auto &f : all)
        if (writable.contains(f.first.first().toLatin1()))
            formats << f;
    return formats;
}

QString PhotoDocument::exportImage(const QString &path, PhotoLayer layer, int scale,
                                   int quality) const
{
    const QString suffix = suffixOf(path);
    QStringList known;
    for (const auto &f : exportFormats())
        known << f.first;
    if (!known.contains(suffix))
        return tr("Cannot export “%1”: “%2” is not an image format PoolViz writes (use %3).")
            .arg(QFileInfo(path).fileName(), suffix.isEmpty() ? tr("no suffix") : suffix,
                 known.join(QStringLiteral(", ")));
    if (scale < 1)
        return tr("Cannot export “%1”: the upscale factor must be at least 1, not %2.")
            .arg(QFileInfo(path).fileName())
            .arg(scale);

    const Tensor *values = valuesOf(layer);
    if (!values)
        return layer == PhotoLayer::Difference
                   ? tr("Cannot export the difference: turn on “Compare with B” and wait for the "
                        "result.")
               : layer == PhotoLayer::Compared
                   ? tr("Cannot export B: turn on “Compare with B” and wait for the result.")
                   : tr("Cannot export: there is no pooled photo yet.");
    const double stretch = layer == PhotoLayer::Difference
                               ? m_result->diff[std::size_t(m_shownLevel - 1)].stretch
                               : 1.0;
    const qint64 outW = qint64(values->w()) * scale;
    const qint64 outH = qint64(values->h()) * scale;
    if (outW > kMaxExportSide || outH > kMaxExportSide)
        return tr("Cannot export “%1”: ×%2 makes %3 pixels, more than %4 pixels a side.")
            .arg(QFileInfo(path).fileName())
            .arg(scale)
            .arg(QStringLiteral("%1×%2").arg(outH).arg(outW))
            .arg(kMaxExportSide);
    QImage image;
    if (stretch != 1.0) {
        Tensor shown = *values;
        for (float &v : shown.data())
            v = float(v * stretch);
        image = tensorToImage(shown, 0, scale);
    } else {
        image = tensorToImage(*values, 0, scale);
    }
    return saveImage(image, path, quality);
}

QStringList PhotoDocument::valueFiles(const QString &path) const
{
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("npy") || m_channels.size() <= 1)
        return {path};
    const QFileInfo info(path);
    QStringList files;
    for (const QString &channel : m_channels)
        files << info.dir().filePath(
            QStringLiteral("%1-%2.%3").arg(info.completeBaseName(), channel, info.suffix()));
    return files;
}

QString PhotoDocument::exportValues(const QString &path, PhotoLayer layer) const
{
    const Tensor *values = valuesOf(layer);
    if (!values)
        return tr("Cannot export values: there is no %1 result yet.")
            .arg(layer == PhotoLayer::Pooled ? tr("pooled") : tr("compared"));

    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("npy")) {
        Tensor t = *values;
        t.setRank(t.planeCount() == 1 ? 2 : 3);
        const WriteError error = writeNpy(path.toStdString(), t);
        return error.empty() ? QString()
                             : tr("Cannot write “%1”: %2")
                                   .arg(QFileInfo(path).fileName(), coreWriteText(error));
    }
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
        const QStringList files = valueFiles(path);
        for (int p = 0; p < files.size(); ++p) {
            const WriteError error = writeCsv(files[p].toStdString(),
                                              values->planeTensor(0, std::min(p, values->c() - 1)));
            if (!error.empty())
                return tr("Cannot write “%1”: %2")
                    .arg(QFileInfo(files[p]).fileName(), coreWriteText(error));
        }
        return {};
    }
    return tr("Cannot export values to “%1”: use .npy (all channels, float32) or .csv.")
        .arg(QFileInfo(path).fileName());
}

QString PhotoDocument::suggestedName(PhotoLayer layer) const
{
    QString base = QFileInfo(m_inputName).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("photo");
    base.replace(QLatin1Char(' '), QLatin1Char('-'));
    auto shortParams = [](const PoolParams &p) {
        const Size2 s = p.effectiveStride();
        if (p.isAdaptive())
            return QStringLiteral("%1-adaptive").arg(modeLabel(p.mode));
        return QStringLiteral("%1%2x%3s%4")
            .arg(modeLabel(p.mode))
            .arg(p.kernel.h)
            .arg(p.kernel.w)
            .arg(s.h == s.w ? QString::number(s.h) : QStringLiteral("%1x%2").arg(s.h).arg(s.w));
    };
    const QString level =
        m_shownLevel > 1 ? QStringLiteral("-level%1").arg(m_shownLevel) : QString();
    switch (layer) {
    case PhotoLayer::Pooled:
        return base + QLatin1Char('-') + shortParams(paramsA()) + level;
    case PhotoLayer::Compared:
        return base + QLatin1Char('-') + shortParams(paramsB()) + level;
    case PhotoLayer::Difference:
        return base + QStringLiteral("-diff-") + shortParams(paramsA()) + QStringLiteral("-vs-") +
               shortParams(paramsB()) + level;
    }
    return base;
}

} // namespace poolviz
