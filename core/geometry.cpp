#include "geometry.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <string>
#include <tuple>

namespace poolviz {

namespace {

/// Floor division that is correct for negative numerators (b > 0).
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// Ceiling division that is correct for negative numerators (b > 0).
std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return -floorDiv(-a, b);
}

/// The taps t ∈ [0, k) of the progression start + t·d that lie in [lo, hi]: {first t, count}.
std::pair<std::int64_t, std::int64_t> tapsWithin(std::int64_t start, std::int64_t k, std::int64_t d,
                                                 std::int64_t lo, std::int64_t hi)
{
    const std::int64_t tMin = std::max<std::int64_t>(0, ceilDiv(lo - start, d));
    const std::int64_t tMax = std::min<std::int64_t>(k - 1, floorDiv(hi - start, d));
    return {tMin, std::max<std::int64_t>(0, tMax - tMin + 1)};
}

/// Per-index counts and the coverage of the input, in O(in + out): each window adds 1 to every
/// step-th position from its first to its last in-input tap, as a difference array per residue
/// class modulo the step.
void finishAxis(AxisGeometry &a)
{
    a.paddedCount.assign(std::size_t(a.out), 0);
    a.inputCount.assign(std::size_t(a.out), 0);
    a.coverage.assign(std::size_t(a.in), 0);
    const int step = a.step();
    for (int o = 0; o < a.out; ++o) {
        const std::int64_t start = a.start(o), k = a.tapCount(o);
        const auto [first, inputs] = tapsWithin(start, k, step, 0, a.in - 1);
        a.inputCount[std::size_t(o)] = int(inputs);
        a.paddedCount[std::size_t(o)] =
            a.adaptive ? int(inputs)
                       : int(tapsWithin(start, k, step, -std::int64_t(a.padBefore),
                                        std::int64_t(a.in) + a.padAfter - 1)
                                 .second);
        if (inputs == 0)
            continue;
        const std::int64_t from = start + first * step;
        const std::int64_t end = from + inputs * step; // one step past the last in-input tap
        ++a.coverage[std::size_t(from)];
        if (end < a.in)
            --a.coverage[std::size_t(end)];
    }
    for (int p = step; p < a.in; ++p)
        a.coverage[std::size_t(p)] += a.coverage[std::size_t(p - step)];
}

} // namespace

int AxisGeometry::start(int o) const
{
    if (adaptive)
        return int(std::int64_t(o) * in / out);
    return int(std::int64_t(o) * stride - padBefore);
}

int AxisGeometry::tapCount(int o) const
{
    if (adaptive)
        return int((std::int64_t(o + 1) * in + out - 1) / out - std::int64_t(o) * in / out);
    return kernel;
}

AxisTap AxisGeometry::tap(int o, int t) const
{
    // In 64-bit: with padding and dilation near 2³⁰, t·d overflows although the position fits.
    const int pos = int(std::int64_t(start(o)) + std::int64_t(t) * step());
    TapKind kind = TapKind::Input;
    if (pos < 0 || pos >= in)
        kind =
            std::int64_t(pos) < std::int64_t(in) + padAfter ? TapKind::Padding : TapKind::Overhang;
    return {pos, kind};
}

std::vector<AxisTap> AxisGeometry::taps(int o) const
{
    std::vector<AxisTap> result;
    const int n = tapCount(o);
    result.reserve(std::size_t(n));
    for (int t = 0; t < n; ++t)
        result.push_back(tap(o, t));
    return result;
}

int AxisGeometry::firstInput(int o) const
{
    const auto [first, count] = tapsWithin(start(o), tapCount(o), step(), 0, in - 1);
    return int(start(o) + (count > 0 ? first : 0) * step());
}

bool AxisGeometry::reads(int outIndex, int pos) const
{
    if (outIndex < 0 || outIndex >= out)
        return false;
    const std::int64_t rel = std::int64_t(pos) - start(outIndex);
    return rel >= 0 && rel % step() == 0 && rel / step() < tapCount(outIndex);
}

std::vector<int> AxisGeometry::outputsReading(int pos) const
{
    std::vector<int> result;
    for (int o = 0; o < out; ++o)
        if (reads(o, pos))
            result.push_back(o);
    return result;
}

AxisGeometry computeAxis(int in, int kernel, int stride, int dilation, int padBefore, int padAfter,
                         bool ceilMode, std::int64_t maxOut)
{
    AxisGeometry a;
    a.in = in;
    a.kernel = kernel;
    a.stride = stride;
    a.dilation = dilation;
    a.padBefore = padBefore;
    a.padAfter = padAfter;
    a.out = 0;
    if (in < 1 || kernel < 1 || stride < 1 || dilation < 1 || padBefore < 0 || padAfter < 0)
        return a;
    const std::int64_t out =
        axisOutputSize(in, kernel, stride, dilation, padBefore, padAfter, ceilMode);
    // The last tap of the last window must be a position `int` holds.
    const std::int64_t lastTap = (out - 1) * stride - padBefore + a.effectiveKernel() - 1;
    if (out < 1 || out > maxOut || lastTap > kMaxExtent)
        return a;
    a.out = int(out);
    finishAxis(a);
    return a;
}

AxisGeometry computeAdaptiveAxis(int in, int out, std::int64_t maxOut)
{
    AxisGeometry a;
    a.in = in;
    a.out = (in < 1 || out < 1 || out > maxOut) ? 0 : out;
    a.stride = 0;
    a.adaptive = true;
    a.kernel = 0;
    for (int i = 0; i < a.out; ++i)
        a.kernel = std::max(a.kernel, a.tapCount(i));
    finishAxis(a);
    return a;
}

Window Geometry::window(int outRow, int outCol) const
{
    Window w;
    w.outRow = outRow;
    w.outCol = outCol;
    const std::vector<AxisTap> rt = rows.taps(outRow), ct = cols.taps(outCol);
    w.taps.reserve(rt.size() * ct.size());
    for (const AxisTap &r : rt) {
        for (const AxisTap &c : ct) {
            TapKind kind = TapKind::Input;
            if (r.kind == TapKind::Overhang || c.kind == TapKind::Overhang)
                kind = TapKind::Overhang;
            else if (r.kind == TapKind::Padding || c.kind == TapKind::Padding)
                kind = TapKind::Padding;
            w.taps.push_back({r.pos, c.pos, kind});
        }
    }
    w.paddedCount =
        std::int64_t(rows.paddedCount[std::size_t(outRow)]) * cols.paddedCount[std::size_t(outCol)];
    w.inputCount =
        std::int64_t(rows.inputCount[std::size_t(outRow)]) * cols.inputCount[std::size_t(outCol)];
    w.rowFirst = rows.start(outRow);
    w.rowLast = rows.last(outRow);
    w.colFirst = cols.start(outCol);
    w.colLast = cols.last(outCol);
    return w;
}

std::vector<std::pair<int, int>> Geometry::outputsReading(int row, int col) const
{
    std::vector<std::pair<int, int>> result;
    const std::vector<int> outRows = rows.outputsReading(row), outCols = cols.outputsReading(col);
    for (int r : outRows)
        for (int c : outCols)
            result.emplace_back(r, c);
    return result;
}

double Geometry::avgDivisor(int outRow, int outCol) const
{
    assert(outRow >= 0 && outRow < outH() && outCol >= 0 && outCol < outW());
    if (const std::optional<int> d = params.effectiveDivisorOverride())
        return *d;
    if (params.divisorCountsPadding())
        return double(rows.paddedCount[std::size_t(outRow)]) *
               cols.paddedCount[std::size_t(outCol)];
    return double(rows.inputCount[std::size_t(outRow)]) * cols.inputCount[std::size_t(outCol)];
}

Geometry computeGeometry(const PoolParams &params, int inH, int inW, const Limits &limits)
{
    Geometry g;
    g.params = params;
    g.validation = validate(params, inH, inW, 1, limits);
    g.rows.in = std::max(inH, 0);
    g.cols.in = std::max(inW, 0);
    if (!g.validation.ok())
        return g; // no coverage: an invalid request allocates nothing
    if (params.isAdaptive()) {
        const Size2 out = params.adaptiveSize();
        g.rows = computeAdaptiveAxis(inH, out.h, limits.values);
        g.cols = computeAdaptiveAxis(inW, out.w, limits.values);
        return g;
    }
    const Size2 s = params.effectiveStride();
    const Padding pad = resolvePadding(params, inH, inW);
    const bool ceil = ceilModeApplies(params);
    g.rows = computeAxis(inH, params.kernel.h, s.h, params.dilation.h, pad.top, pad.bottom, ceil,
                         limits.values);
    g.cols = computeAxis(inW, params.kernel.w, s.w, params.dilation.w, pad.left, pad.right, ceil,
                         limits.values);
    return g;
}

} // namespace poolviz
