#pragma once

#include "geometry.h"
#include "tensor.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace poolviz {

/// Where the pixels of a photo or of a pooled image lie over the original photo ("scene"
/// coordinates, in original pixels): along each axis scene = scale·u + offset, so pixel j spans
/// [scale·j + offset, scale·(j+1) + offset). The original has the identity mapping; a pooled
/// pixel is drawn centred on its window, which lets all views share one zoom and pan.
struct PhotoMapping
{
    double scaleX = 1;
    double offsetX = 0;
    double scaleY = 1;
    double offsetY = 0;

    /// The mapping of the image pooled from this one with `geometry`: with stride s, padding
    /// before pb and effective kernel ek, pixel j is centred on its window [j·s − pb, j·s − pb +
    /// ek), i.e. scale s and offset −pb + (ek − s)/2; adaptive pooling spreads out bins evenly
    /// (scale in/out, offset 0).
    PhotoMapping pooled(const Geometry &geometry) const;
    /// Scene point of image point (x = column, y = row, continuous pixel units).
    QPointF toScene(const QPointF &image) const
    {
        return {scaleX * image.x() + offsetX, scaleY * image.y() + offsetY};
    }
    /// Image point of a scene point.
    QPointF toImage(const QPointF &scene) const
    {
        return {(scene.x() - offsetX) / scaleX, (scene.y() - offsetY) / scaleY};
    }
    /// The scene rectangle covered by pixel (row, col).
    QRectF pixelRect(int row, int col) const
    {
        return {scaleX * col + offsetX, scaleY * row + offsetY, scaleX, scaleY};
    }
    /// The scene rectangle covered by an image of `size` pixels.
    QRectF imageRect(const QSize &size) const
    {
        return {offsetX, offsetY, scaleX * size.width(), scaleY * size.height()};
    }

    friend bool operator==(const PhotoMapping &, const PhotoMapping &) = default;
};

/// |A − B| of two pooled images and its largest value.
struct PhotoDifference
{
    Tensor values;          ///< (1, C, h, w); NaN where one side has no pixel (resampled only)
    PhotoMapping mapping;   ///< where its pixels lie over the original
    bool resampled = false; ///< A and B differ in size: compared on the original's pixel grid
    float largest = 0;      ///< the largest difference (0 when all equal)
    int row = -1;           ///< where it is (first in channel, row, column order), −1 if none
    int col = -1;
    int channel = -1;
    float a = 0; ///< A's value there
    float b = 0; ///< B's value there

    /// True when at least one pixel was compared.
    bool hasLargest() const { return row >= 0; }
};

/// |a − b| per pixel and channel. Equal shapes: compared pixel by pixel (mapping ma). Otherwise
/// both are sampled at the centre of every pixel of the sceneH × sceneW original (nearest
/// neighbour, each taking the pooled pixel drawn over it); pixels one side does not cover are NaN.
/// Channel counts must match (else std::invalid_argument).
PhotoDifference absoluteDifference(const Tensor &a, const PhotoMapping &ma, const Tensor &b,
                                   const PhotoMapping &mb, int sceneH, int sceneW);

} // namespace poolviz
