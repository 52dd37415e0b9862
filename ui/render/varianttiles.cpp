#include "varianttiles.h"

#include "coremessage.h"
#include "numbertext.h"
#include "stagestyle.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

// The stage's text colours, so tiles and stage read alike.
using stage::kMuted;
using stage::kText;
const QColor kFrame(0xc4, 0xc9, 0xd0);
const QColor kCurrent(0x1f, 0x5f, 0xbf);
const QColor kHover(0x7a, 0xa7, 0xe6);
const QColor kGrid(0x9a, 0xa1, 0xab);
const QColor kError(0xb3, 0x26, 0x1e);

QFont font(double px, bool bold = false)
{
    QFont f;
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString sizeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

/// Title and summary lines at the top of a tile; returns the area left below them.
QRectF paintHeader(QPainter &p, const QRectF &rect, const VariantTile &tile, VariantAxis axis,
                   bool hovered)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::white);
    p.setPen(QPen(tile.current ? kCurrent
                  : hovered    ? kHover
                               : kFrame,
                  tile.current ? 3.0
                  : hovered    ? 2.0
                               : 1.0));
    p.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 6, 6);
    const QRectF inner = rect.adjusted(10, 8, -10, -8);
    const double titlePx = std::clamp(inner.width() / 14, 11.0, 16.0);
    p.setFont(font(titlePx, true));
    p.setPen(tile.current ? kCurrent : kText);
    const QFontMetricsF tm(p.font());
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), tm.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               tm.elidedText(VariantTilePainter::title(tile, axis), Qt::ElideRight, inner.width()));
    double y = inner.top() + tm.height() + 2;
    p.setFont(font(titlePx * 0.82));
    p.setPen(tile.ok() ? kMuted : kError);
    const QFontMetricsF sm(p.font());
    const QRectF summaryRect(inner.left(), y, inner.width(), inner.height() - (y - inner.top()));
    const QString summary = VariantTilePainter::summary(tile);
    const QRectF used = sm.boundingRect(summaryRect, Qt::TextWordWrap | Qt::AlignLeft, summary);
    p.drawText(summaryRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, summary);
    y += std::min(used.height(), summaryRect.height()) + 6;
    p.restore();
    return QRectF(inner.left(), y, inner.width(), std::max(0.0, inner.bottom() - y));
}

void hatch(QPainter &p, const QRectF &cell)
{
    p.save();
    p.setClipRect(cell);
    p.setPen(QPen(kGrid, std::max(0.8, cell.width() * 0.05)));
    const double step = std::max(3.0, cell.width() / 4);
    for (double x = cell.left() - cell.height(); x < cell.right(); x += step)
        p.drawLine(QPointF(x, cell.bottom()), QPointF(x + cell.height(), cell.top()));
    p.restore();
}

/// A grid of rows × cols cells of side s at `origin`, filled and written by `cell(r, c, rect)`.
template <class F>
void paintCells(QPainter &p, QPointF origin, int rows, int cols, double s, F cell)
{
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            cell(r, c, QRectF(origin.x() + c * s, origin.y() + r * s, s, s));
    if (s >= 4) {
        p.setPen(QPen(kGrid, 1));
        for (int r = 0; r <= rows; ++r)
            p.drawLine(QPointF(origin.x(), origin.y() + r * s),
                       QPointF(origin.x() + cols * s, origin.y() + r * s));
        for (int c = 0; c <= cols; ++c)
            p.drawLine(QPointF(origin.x() + c * s, origin.y()),
                       QPointF(origin.x() + c * s, origin.y() + rows * s));
    } else {
        p.setPen(QPen(kGrid, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(origin, QSizeF(cols * s, rows * s)));
    }
}

} // namespace

QString VariantTilePainter::title(const VariantTile &tile, VariantAxis axis)
{
    const PoolParams &params = tile.variant.params;
    const Size2 stride = params.effectiveStride();
    QString text = axis == VariantAxis::Stride
                       ? tr("stride %1")
                             .arg(stride.h == stride.w ? QString::number(stride.h)
                                                       : sizeText(stride.h, stride.w))
                       : tr("kernel %1").arg(sizeText(params.kernel.h, params.kernel.w));
    if (tile.current)
        text += QLatin1Char(' ') + tr("(now)");
    return text;
}

QString VariantTilePainter::summary(const PoolingVariant &variant)
{
    if (!variant.ok())
        return coreMessageText(variant.errors);
    const QString out = tr("%1 output").arg(sizeText(variant.outH, variant.outW));
    const std::int64_t skipped = variant.coverage.skipped();
    QStringList parts{out};
    if (skipped > 0)
        parts << (skipped == 1 ? tr("1 cell never read")
                               : tr("%1 cells never read").arg(QString::number(skipped)));
    const int most = variant.coverage.maxCount();
    if (most > 1)
        parts << tr("overlap up to %1").arg(most);
    if (skipped == 0 && most <= 1)
        parts << tr("every cell read once");
    return parts.join(QStringLiteral(" · "));
}

QString VariantTilePainter::summary(const VariantTile &tile)
{
    if (!tile.error.isEmpty())
        return tile.error;
    return tile.summaryText.isEmpty() ? summary(tile.variant) : tile.summaryText;
}

QColor VariantTilePainter::coverageColor(int count, int maxCount)
{
    if (count <= 0)
        return Qt::white;
    // Pale to deep teal: one read is pale, the most-read cells are the deepest.
    const double t = maxCount <= 1 ? 0.0 : double(count - 1) / double(maxCount - 1);
    const QColor pale(0xd9, 0xf0, 0xec), deep(0x1c, 0x7c, 0x74);
    auto lerp = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
    return QColor(lerp(pale.red(), deep.red()), lerp(pale.green(), deep.green()),
                  lerp(pale.blue(), deep.blue()));
}

void VariantTilePainter::paintMatrixTile(QPainter &p, const QRectF &rect, const VariantTile &tile,
                                         VariantAxis axis, bool hovered)
{
    const QRectF body = paintHeader(p, rect, tile, axis, hovered);
    const PoolingVariant &v = tile.variant;
    if (!v.ok() || v.coverage.counts.empty() || body.height() < 8)
        return;
    const int inH = v.coverage.rows, inW = v.coverage.cols;
    const int outH = tile.pooled.empty() ? 0 : tile.pooled.h();
    const int outW = tile.pooled.empty() ? 0 : tile.pooled.w();
    const double labelPx = std::clamp(body.width() / 22, 9.0, 13.0);
    const double labelH = labelPx * 1.5;
    const double gapCells = 1.0;
    const double s = std::max(
        1.0, std::floor(std::min((body.width()) / (inW + outW + gapCells),
                                 (body.height() - labelH) / std::max(inH, std::max(outH, 1)))));
    const double left = body.left() + (body.width() - s * (inW + outW + gapCells)) / 2;
    const QPointF mapOrigin(left, body.top() + labelH);
    const QPointF outOrigin(left + s * (inW + gapCells), body.top() + labelH);

    p.save();
    p.setFont(font(labelPx));
    p.setPen(kMuted);
    p.drawText(QRectF(mapOrigin.x(), body.top(), s * inW + s * gapCells * 0.9, labelH),
               Qt::AlignLeft | Qt::AlignVCenter, tr("windows per cell"));
    if (outW > 0)
        p.drawText(QRectF(outOrigin.x(), body.top(), std::max(s * outW, 60.0), labelH),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("output"));

    const bool numbers = s >= 14;
    const int most = v.coverage.maxCount();
    p.setFont(font(s * 0.42, true));
    paintCells(p, mapOrigin, inH, inW, s, [&](int r, int c, const QRectF &cell) {
        const int n = v.coverage.at(r, c);
        p.fillRect(cell, coverageColor(n, most));
        if (n == 0)
            hatch(p, cell);
        if (numbers) {
            const QColor fill = coverageColor(n, most);
            p.setPen(n == 0 ? kMuted : fill.lightnessF() < 0.5 ? QColor(Qt::white) : kText);
            p.drawText(cell, Qt::AlignCenter, QString::number(n));
        }
    });
    if (outW > 0) {
        p.setFont(font(s * 0.36));
        paintCells(p, outOrigin, outH, outW, s, [&](int r, int c, const QRectF &cell) {
            p.fillRect(cell, QColor(0xf4, 0xf6, 0xf8));
            if (!numbers)
                return;
            const QString text = screenNumber(tile.pooled.at(r, c), 3);
            const QFontMetricsF fm(p.font());
            QFont f = p.font();
            if (fm.horizontalAdvance(text) > cell.width() * 0.92)
                f.setPixelSize(std::max(
                    1, int(f.pixelSize() * cell.width() * 0.92 / fm.horizontalAdvance(text))));
            p.save();
            p.setFont(f);
            p.setPen(kText);
            p.drawText(cell, Qt::AlignCenter, text);
            p.restore();
        });
    }
    p.restore();
}

void VariantTilePainter::paintImageTile(QPainter &p, const QRectF &rect, const VariantTile &tile,
                                        VariantAxis axis, double scale, bool hovered)
{
    const QRectF body = paintHeader(p, rect, tile, axis, hovered);
    if (tile.pooledImage.isNull() || body.height() < 8)
        return;
    // Each output pixel stands for `stride` input pixels: drawn at scale·stride so every tile
    // covers the same extent of the photo, without smoothing. Shrinking would add aliasing of
    // the screen's own, so below 1:1 the tile shows the centre at 1:1 instead, marked "1:1".
    const Size2 stride = tile.variant.params.effectiveStride();
    const bool crop = scale < 1;
    const double s = crop ? 1.0 : scale;
    const QSizeF size(tile.pooledImage.width() * stride.w * s,
                      tile.pooledImage.height() * stride.h * s);
    const QRectF shown(body.left() + std::max(0.0, (body.width() - size.width()) / 2), body.top(),
                       std::min(size.width(), body.width()),
                       std::min(size.height(), body.height()));
    const QRectF target(body.center().x() - size.width() / 2,
                        crop ? shown.center().y() - size.height() / 2 : body.top(), size.width(),
                        size.height());
    p.save();
    p.setClipRect(shown);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(crop ? target : QRectF(shown.topLeft(), size), tile.pooledImage);
    p.setClipping(false);
    p.setPen(QPen(kGrid, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(shown);
    if (crop) {
        p.setFont(font(11, true));
        const QString mark = QStringLiteral("1:1");
        const QRectF badge(shown.right() - 34, shown.top() + 4, 30, 16);
        p.fillRect(badge, QColor(255, 255, 255, 220));
        p.setPen(kText);
        p.drawText(badge, Qt::AlignCenter, mark);
    }
    p.restore();
}

} // namespace poolviz
