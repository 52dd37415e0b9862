#include "photodifference.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace poolviz {

namespace {

/// scale and offset of one axis of a pooled image over its input.
std::pair<double, double> axisMapping(const AxisGeometry &axis)
{
    if (axis.adaptive || axis.stride <= 0)
        return {double(axis.in) / double(std::max(axis.out, 1)), 0.0};
    const double s = axis.stride;
    return {s, -axis.padBefore + (axis.effectiveKernel() - s) / 2.0};
}

/// The pixel index of image axis (scale, offset, size) drawn over scene coordinate x, or −1.
int sampleIndex(double x, double scale, double offset, int size)
{
    const double u = std::floor((x - offset) / scale);
    if (u < 0 || u >= size)
        return -1;
    return int(u);
}

void noteLargest(PhotoDifference &d, float diff, int channel, int row, int col, float a, float b)
{
    if (std::isnan(diff))
        return;
    if (!d.hasLargest() || diff > d.largest) {
        d.largest = diff;
        d.channel = channel;
        d.row = row;
        d.col = col;
        d.a = a;
        d.b = b;
    }
}

} // namespace

PhotoMapping PhotoMapping::pooled(const Geometry &geometry) const
{
    const auto [sy, oy] = axisMapping(geometry.rows);
    const auto [sx, ox] = axisMapping(geometry.cols);
    return {scaleX * sx, scaleX * ox + offsetX, scaleY * sy, scaleY * oy + offsetY};
}

PhotoDifference absoluteDifference(const Tensor &a, const PhotoMapping &ma, const Tensor &b,
                                   const PhotoMapping &mb, int sceneH, int sceneW)
{
    if (a.planeCount() != b.planeCount())
        throw std::invalid_argument("cannot compare " + std::to_string(a.planeCount()) +
                                    " channels with " + std::to_string(b.planeCount()));
    PhotoDifference d;
    const int planes = a.planeCount();
    if (a.h() == b.h() && a.w() == b.w()) {
        d.values = Tensor(1, planes, a.h(), a.w(), 0.0f, a.rank());
        d.mapping = ma;
        for (int p = 0; p < planes; ++p) {
            const float *pa = a.planeData(p);
            const float *pb = b.planeData(p);
            float *out = d.values.planeData(p);
            for (int r = 0; r < a.h(); ++r)
                for (int c = 0; c < a.w(); ++c) {
                    const std::size_t i = std::size_t(r) * a.w() + c;
                    out[i] = std::fabs(pa[i] - pb[i]);
                    noteLargest(d, out[i], p, r, c, pa[i], pb[i]);
                }
        }
        return d;
    }

    d.resampled = true;
    d.mapping = PhotoMapping{};
    d.values = Tensor(1, planes, sceneH, sceneW, std::numeric_limits<float>::quiet_NaN(), a.rank());
    std::vector<int> aCol(static_cast<std::size_t>(sceneW)), bCol(static_cast<std::size_t>(sceneW));
    for (int x = 0; x < sceneW; ++x) {
        aCol[std::size_t(x)] = sampleIndex(x + 0.5, ma.scaleX, ma.offsetX, a.w());
        bCol[std::size_t(x)] = sampleIndex(x + 0.5, mb.scaleX, mb.offsetX, b.w());
    }
    for (int p = 0; p < planes; ++p) {
        const float *pa = a.planeData(p);
        const float *pb = b.planeData(p);
        float *out = d.values.planeData(p);
        for (int y = 0; y < sceneH; ++y) {
            const int ar = sampleIndex(y + 0.5, ma.scaleY, ma.offsetY, a.h());
            const int br = sampleIndex(y + 0.5, mb.scaleY, mb.offsetY, b.h());
            if (ar < 0 || br < 0)
                continue;
            for (int x = 0; x < sceneW; ++x) {
                const int ac = aCol[std::size_t(x)];
                const int bc = bCol[std::size_t(x)];
                if (ac < 0 || bc < 0)
                    continue;
                const float va = pa[std::size_t(ar) * a.w() + ac];
                const float vb = pb[std::size_t(br) * b.w() + bc];
                const float diff = std::fabs(va - vb);
                out[std::size_t(y) * sceneW + x] = diff;
                noteLargest(d, diff, p, y, x, va, vb);
            }
        }
    }
    return d;
}

} // namespace poolviz
