#pragma once

// What the stage, export and image tests (tst_stage*, tst_frameexport, tst_imageio) share: seed
// inputs, the 1280×720 stage target, and pixel counts over regions of a rendered image.

#include "pool.h"
#include "stagerenderer.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QRectF>
#include <QSize>

#include <array>
#include <cmath>
#include <cstdlib>
#include <utility>

Q_DECLARE_METATYPE(poolviz::PoolParams)
Q_DECLARE_METATYPE(poolviz::Tensor)

namespace poolviz::test {

/// Seed 000's conv_output matrix.
inline Tensor seedMatrix()
{
    return Tensor::fromRows({{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}});
}

inline PoolParams maxPool(int k, int s)
{
    PoolParams p;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

inline Tensor ramp(int h, int w)
{
    Tensor t = Tensor::matrix(h, w);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            t.at(r, c) = float((r * 7 + c * 3) % 23);
    return t;
}

inline const QSize kStage(1280, 720);
inline const QRectF kTarget(QPointF(0, 0), QSizeF(kStage));

inline bool close(QRgb px, const QColor &c, int tolerance)
{
    return std::abs(qRed(px) - c.red()) <= tolerance &&
           std::abs(qGreen(px) - c.green()) <= tolerance &&
           std::abs(qBlue(px) - c.blue()) <= tolerance;
}

/// Pixels of `image` inside `outer` but outside `inner` (inner may be empty): {matching, total}.
inline std::pair<int, int> countIn(const QImage &image, const QRectF &outer, const QRectF &inner,
                                   const QColor &color, int tolerance = 40)
{
    int match = 0, total = 0;
    for (int y = int(std::ceil(outer.top())); y < int(outer.bottom()); ++y)
        for (int x = int(std::ceil(outer.left())); x < int(outer.right()); ++x) {
            const QPointF p(x + 0.5, y + 0.5);
            if (!inner.isEmpty() && inner.contains(p))
                continue;
            ++total;
            if (close(image.pixel(x, y), color, tolerance))
                ++match;
        }
    return {match, total};
}

/// Pixels clearly bluer than red: the window colour, alone or blended over warm cell fills.
inline int bluish(const QImage &image, const QRectF &outer, const QRectF &inner)
{
    int n = 0;
    for (int y = int(std::ceil(outer.top())); y < int(outer.bottom()); ++y)
        for (int x = int(std::ceil(outer.left())); x < int(outer.right()); ++x) {
            if (inner.contains(QPointF(x + 0.5, y + 0.5)))
                continue;
            const QRgb px = image.pixel(x, y);
            if (qBlue(px) - qRed(px) > 40)
                ++n;
        }
    return n;
}

/// Pixels in the annulus r0..r1 (fractions of the cell) around the centre of `cell`.
inline std::pair<int, int> countRing(const QImage &image, const QRectF &cell, double r0, double r1,
                                     const QColor &color)
{
    int match = 0, total = 0;
    const QPointF c = cell.center();
    const double s = cell.width();
    for (int y = int(cell.top()); y < int(cell.bottom()); ++y)
        for (int x = int(cell.left()); x < int(cell.right()); ++x) {
            const double d = std::hypot(x + 0.5 - c.x(), y + 0.5 - c.y()) / s;
            if (d < r0 || d > r1)
                continue;
            ++total;
            if (close(image.pixel(x, y), color, 40))
                ++match;
        }
    return {match, total};
}

/// Variance of the luminance in `rect`.
inline double variance(const QImage &image, const QRectF &rect)
{
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int y = int(std::ceil(rect.top())); y < int(rect.bottom()); ++y)
        for (int x = int(std::ceil(rect.left())); x < int(rect.right()); ++x) {
            const double v = qGray(image.pixel(x, y));
            sum += v;
            sum2 += v * v;
            ++n;
        }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    return sum2 / n - mean * mean;
}

inline QRectF inset(const QRectF &r, double fraction)
{
    const double d = r.width() * fraction;
    return r.adjusted(d, d, -d, -d);
}

/// PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320).
inline quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char b : bytes)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

inline void putBigEndian(QByteArray &bytes, int at, quint32 v)
{
    bytes[at] = char(v >> 24);
    bytes[at + 1] = char(v >> 16);
    bytes[at + 2] = char(v >> 8);
    bytes[at + 3] = char(v);
}

} // namespace poolviz::test
