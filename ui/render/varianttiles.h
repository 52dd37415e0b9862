#pragma once

#include "coverage.h"
#include "tensor.h"

#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QString>

namespace poolviz {

/// One small multiple of the stride explorer: a setting, its coverage map and the plane pooled
/// with it (both from core).
struct VariantTile
{
    PoolingVariant variant;
    Tensor pooled;        ///< the plane pooled with variant.params (rank 2); empty if impossible
    QImage pooledImage;   ///< photo tiles: the pooled photo; null for matrix tiles
    bool current = false; ///< the document's own setting
    /// Photo tiles: summary(variant) measured off the GUI thread, whose coverage counts are then
    /// dropped (a 12 MP photo's map is 48 MB a tile); empty for matrix tiles.
    QString summaryText;
    /// Photo tiles: why the photo could not be pooled at a setting the core accepts (translated,
    /// e.g. a limit); empty otherwise.
    QString error;

    /// The setting is possible and its result exists.
    bool ok() const { return variant.ok() && error.isEmpty(); }
};

/// Draws the stride explorer's tiles (QtGui only). It computes nothing: counts and values come
/// from the tile.
class VariantTilePainter
{
    Q_DECLARE_TR_FUNCTIONS(poolviz::VariantTilePainter)

public:
    /// "stride 2" or "kernel 3×3", "(now)" added for the current setting.
    static QString title(const VariantTile &tile, VariantAxis axis);
    /// "2×2 output · 9 cells never read" or "4×4 output · overlap up to 4", or the core's
    /// reason the setting is impossible.
    static QString summary(const PoolingVariant &variant);
    /// The tile's error, else its summaryText, or summary(tile.variant) when it has neither.
    static QString summary(const VariantTile &tile);
    /// Where a matrix tile's parts go in `rect`. A wide tile puts its title and summary in a
    /// column on the left, so the grids get the tile's whole height; a narrow one stacks them.
    struct MatrixLayout
    {
        QRectF header;        ///< title and summary
        QRectF coverageLabel; ///< "windows per cell", above the coverage map
        QRectF outputLabel;   ///< "output", above the pooled output (empty: no output)
        QRectF coverage;      ///< the coverage map, cell × its rows and columns
        QRectF output;        ///< the pooled output (empty: none)
        double cell = 0;      ///< the side of one cell in pixels
        double labelPx = 0;   ///< the labels' pixel size
    };
    static MatrixLayout matrixLayout(const QRectF &rect, const VariantTile &tile, VariantAxis axis);
    /// The height a matrix tile `width` wide needs for cells of side `cell` (and its header).
    static double matrixTileHeight(const VariantTile &tile, VariantAxis axis, double width,
                                   double cell);
    /// Numbers are written in cells at least this wide; smaller cells show colour alone.
    static constexpr double kNumberCell = 18;
    /// Paints a matrix tile into `rect` as matrixLayout() places it: title, summary, the
    /// coverage map (each input cell's count; 0 hatched) and the pooled output side by side.
    static void paintMatrixTile(QPainter &p, const QRectF &rect, const VariantTile &tile,
                                VariantAxis axis, bool hovered = false);
    /// Paints a photo tile: title, summary and the pooled image without smoothing, so skipped
    /// pixels and false stripes stay visible. `scale` is the common display scale (screen pixels
    /// per input pixel) so that every tile shows the same extent; below 1 the tile shows the
    /// centre at 1:1 instead (marked "1:1"), since shrinking would alias on its own.
    static void paintImageTile(QPainter &p, const QRectF &rect, const VariantTile &tile,
                               VariantAxis axis, double scale, bool hovered = false);
    /// The fill of a coverage cell read `count` times in a map whose largest count is
    /// `maxCount` (0: white, drawn hatched).
    static QColor coverageColor(int count, int maxCount);
};

} // namespace poolviz
