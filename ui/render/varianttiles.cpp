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

/// The title's pixel size in a header `width` wide.
double titlePx(double width)
{
    return std::clamp(width / 9, 13.0, 16.0);
}

/// The height the title and summary take, wrapped to `width`.
double headerHeight(const VariantTile &tile, VariantAxis axis, double width)
{
    const double px = titlePx(width);
    const QRectF area(0, 0, width, 10000);
    const QFontMetricsF tm(font(px, true)), sm(font(px * 0.82));
    return tm.boundingRect(area, Qt::TextWordWrap, VariantTilePainter::title(tile, axis)).height() +
           2 + sm.boundingRect(area, Qt::TextWordWrap, VariantTilePainter::summary(tile)).height();
}

/// The tile's frame in `rect`, its title and summary lines wrapped in `header`; returns the
/// area left below them in `header`.
QRectF paintHeader(QPainter &p, const QRectF &rect, const QRectF &header, const VariantTile &tile,
                   VariantAxis axis, bool hovered)
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
    const double px = titlePx(header.width());
    p.setFont(font(px, true));
    p.setPen(tile.current ? kCurrent : kText);
    const QString title = VariantTilePainter::title(tile, axis);
    const QRectF titleUsed = p.boundingRect(header, Qt::TextWordWrap | Qt::AlignLeft, title);
    p.drawText(header, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, title);
    double y = header.top() + std::min(titleUsed.height(), header.height()) + 2;
    p.setFont(font(px * 0.82));
    p.setPen(tile.ok() ? kMuted : kError);
    const QRectF summaryRect(header.left(), y, header.width(), std::max(0.0, header.bottom() - y));
    const QString summary = VariantTilePainter::summary(tile);
    const QRectF used = p.boundingRect(summaryRect, Qt::TextWordWrap | Qt::AlignLeft, summary);
    p.drawText(summaryRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, summary);
    y += std::min(used.height(), summaryRect.height()) + 6;
    p.restore();
    return QRectF(header.left(), y, header.width(), std::max(0.0, header.bottom() - y));
}

/// A label drawn whole in `rect` if it fits at `px` (down to 10 px), else elided.
void paintLabel(QPainter &p, const QRectF &rect, double px, const QString &text)
{
    if (rect.width() <= 0)
        return;
    double size = px;
    while (size > 10 && QFontMetricsF(font(size)).horizontalAdvance(text) > rect.width())
        size -= 1;
    p.setFont(font(size));
    const QFontMetricsF fm(p.font());
    p.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(text, Qt::ElideRight, rect.width()));
}

/// A wide tile's header column: a third of the tile, 120 to 190 px.
constexpr double kSideBySideWidth = 300;
double headerColumn(double innerWidth)
{
    return innerWidth >= kSideBySideWidth ? std::clamp(innerWidth * 0.34, 120.0, 190.0) : 0;
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

VariantTilePainter::MatrixLayout
VariantTilePainter::matrixLayout(const QRectF &rect, const VariantTile &tile, VariantAxis axis)
{
    MatrixLayout layout;
    const QRectF inner = rect.adjusted(10, 8, -10, -8);
    const double side = headerColumn(inner.width());
    QRectF body;
    if (side > 0) {
        layout.header = QRectF(inner.left(), inner.top(), side, inner.height());
        body = inner.adjusted(side + 12, 0, 0, 0);
    } else {
        const double h = std::min(inner.height(), headerHeight(tile, axis, inner.width()) + 6);
        layout.header = QRectF(inner.left(), inner.top(), inner.width(), h);
        body = inner.adjusted(0, h, 0, 0);
    }
    const PoolingVariant &v = tile.variant;
    if (!v.ok() || v.coverage.counts.empty())
        return layout;
    const int inH = v.coverage.rows, inW = v.coverage.cols;
    const int outH = tile.pooled.empty() ? 0 : tile.pooled.h();
    const int outW = tile.pooled.empty() ? 0 : tile.pooled.w();
    layout.labelPx = std::clamp(body.width() / 22, 10.0, 13.0);
    const double labelH = std::ceil(layout.labelPx * 1.5);
    const double gap = 1.0; // one cell between the grids
    const double fit = std::min(body.width() / (inW + outW + gap),
                                (body.height() - labelH) / std::max(inH, std::max(outH, 1)));
    layout.cell = std::clamp(std::floor(fit), 1.0, 56.0);
    const double s = layout.cell;
    const double left = body.left() + (body.width() - s * (inW + outW + gap)) / 2;
    const double top = body.top() + labelH;
    layout.coverage = QRectF(left, top, s * inW, s * inH);
    layout.coverageLabel = QRectF(left, body.top(), s * (inW + gap) - 4, labelH);
    if (outW > 0) {
        layout.output = QRectF(left + s * (inW + gap), top, s * outW, s * outH);
        layout.outputLabel =
            QRectF(layout.output.left(), body.top(), body.right() - layout.output.left(), labelH);
    }
    return layout;
}

double VariantTilePainter::matrixTileHeight(const VariantTile &tile, VariantAxis axis, double width,
                                            double cell)
{
    const double inner = width - 20;
    const double side = headerColumn(inner);
    const double header = headerHeight(tile, axis, side > 0 ? side : inner);
    const PoolingVariant &v = tile.variant;
    const int rows =
        v.ok() ? std::max(v.coverage.rows, tile.pooled.empty() ? 0 : tile.pooled.h()) : 0;
    const double labelPx = std::clamp((inner - side - 12) / 22, 10.0, 13.0);
    const double grids = rows > 0 ? std::ceil(labelPx * 1.5) + rows * cell : 0;
    return 16 + (side > 0 ? std::max(header, grids) : header + 6 + grids);
}

void VariantTilePainter::paintMatrixTile(QPainter &p, const QRectF &rect, const VariantTile &tile,
                                         VariantAxis axis, bool hovered)
{
    const MatrixLayout layout = matrixLayout(rect, tile, axis);
    paintHeader(p, rect, layout.header, tile, axis, hovered);
    const PoolingVariant &v = tile.variant;
    if (layout.cell < 1 || layout.coverage.isEmpty())
        return;
    const int inH = v.coverage.rows, inW = v.coverage.cols;
    const int outH = tile.pooled.empty() ? 0 : tile.pooled.h();
    const int outW = tile.pooled.empty() ? 0 : tile.pooled.w();
    const double s = layout.cell;

    p.save();
    p.setPen(kMuted);
    paintLabel(p, layout.coverageLabel, layout.labelPx, tr("windows per cell"));
    if (outW > 0)
        paintLabel(p, layout.outputLabel, layout.labelPx, tr("output"));

    const bool numbers = s >= kNumberCell;
    const int most = v.coverage.maxCount();
    p.setFont(font(s * 0.42, true));
    paintCells(p, layout.coverage.topLeft(), inH, inW, s, [&](int r, int c, const QRectF &cell) {
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
        paintCells(p, layout.output.topLeft(), outH, outW, s,
                   [&](int r, int c, const QRectF &cell) {
                       p.fillRect(cell, QColor(0xf4, 0xf6, 0xf8));
                       if (!numbers)
                           return;
                       // Shrunk to fit the cell, never cut; too small to read: colour alone.
                       const QString text = screenNumber(tile.pooled.at(r, c), 3);
                       const QFontMetricsF fm(p.font());
                       QFont f = p.font();
                       const double room = cell.width() * 0.92;
                       if (fm.horizontalAdvance(text) > room) {
                           const int px = int(f.pixelSize() * room / fm.horizontalAdvance(text));
                           if (px < 8)
                               return;
                           f.setPixelSize(px);
                       }
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
    const QRectF body = paintHeader(p, rect, rect.adjusted(10, 8, -10, -8), tile, axis, hovered);
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
