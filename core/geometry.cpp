#include "geometry.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace poolviz {

namespace {

/// Floor division that is correct for negative numerators.
int floorDiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

void finishAxis(AxisGeometry &a)
{
    a.paddedCount.assign(std::size_t(a.out), 0);
    a.inputCount.assign(std::size_t(a.out), 0);
    a.coverage.assign(std::size_t(a.in), 0);
    for (int o = 0; o < a.out; ++o) {
        for (const AxisTap &t : a.taps[std::size_t(o)]) {
            if (t.kind != TapKind::Overhang)
                ++a.paddedCount[std::size_t(o)];
            if (t.kind == TapKind::Input) {
                ++a.inputCount[std::size_t(o)];
                ++a.coverage[std::size_t(t.pos)];
            }
        }
    }
}

std::string sup(int v)
{
    return std::to_string(v);
}

std::string minusSign(int v)
{
    return v < 0 ? "\u2212" + std::to_string(-v) : std::to_string(v);
}

} // namespace

bool AxisGeometry::reads(int outIndex, int pos) const
{
    if (outIndex < 0 || outIndex >= out)
        return false;
    for (const AxisTap &t : taps[std::size_t(outIndex)])
        if (t.pos == pos)
            return true;
    return false;
}

std::string AxisGeometry::formula(bool ceilMode) const
{
    if (adaptive)
        return "adaptive: " + std::to_string(out) + " bins over " + std::to_string(in) +
               ", bin i = [\u230ai\u00b7" + std::to_string(in) + "/" + std::to_string(out) +
               "\u230b, \u2308(i+1)\u00b7" + std::to_string(in) + "/" + std::to_string(out) +
               "\u2309)";
    const int ek = effectiveKernel();
    std::string ekText = std::to_string(ek);
    if (dilation != 1)
        ekText = "(" + sup(dilation) + "\u00b7(" + sup(kernel) + "\u22121)+1)";
    std::string num = std::to_string(in) + " + " + std::to_string(padBefore) + " + " +
                      std::to_string(padAfter) + " \u2212 " + ekText;
    const int raw = in + padBefore + padAfter - ek + (ceilMode ? stride - 1 : 0);
    std::string s;
    if (ceilMode) {
        num += " + " + std::to_string(stride - 1);
        const int before = floorDiv(raw, stride) + 1;
        s = "out = \u230a(" + num + ") / " + std::to_string(stride) +
            "\u230b + 1 = " + minusSign(before);
        if (before != out)
            s += "; last window would start at " + std::to_string((before - 1) * stride) +
                 " \u2265 " + std::to_string(in) + " + " + std::to_string(padBefore) +
                 ", so out = " + std::to_string(out);
    } else {
        s = "out = \u230a(" + num + ") / " + std::to_string(stride) +
            "\u230b + 1 = " + minusSign(floorDiv(raw, stride) + 1);
    }
    return s;
}

AxisGeometry computeAxis(int in, int kernel, int stride, int dilation, int padBefore, int padAfter,
                         bool ceilMode)
{
    AxisGeometry a;
    a.in = in;
    a.kernel = kernel;
    a.stride = stride;
    a.dilation = dilation;
    a.padBefore = padBefore;
    a.padAfter = padAfter;
    if (in < 1 || kernel < 1 || stride < 1 || dilation < 1 || padBefore < 0 || padAfter < 0) {
        a.out = 0;
        finishAxis(a);
        return a;
    }
    const int ek = a.effectiveKernel();
    const int raw = in + padBefore + padAfter - ek + (ceilMode ? stride - 1 : 0);
    int out = floorDiv(raw, stride) + 1;
    if (ceilMode && out > 0 && (out - 1) * stride >= in + padBefore)
        --out;
    a.out = std::max(out, 0);
    a.taps.resize(std::size_t(a.out));
    for (int o = 0; o < a.out; ++o) {
        auto &taps = a.taps[std::size_t(o)];
        taps.reserve(std::size_t(kernel));
        const int start = o * stride - padBefore;
        for (int t = 0; t < kernel; ++t) {
            const int pos = start + t * dilation;
            TapKind kind = TapKind::Input;
            if (pos < 0 || pos >= in)
                kind = pos < in + padAfter ? TapKind::Padding : TapKind::Overhang;
            taps.push_back({pos, kind});
        }
    }
    finishAxis(a);
    return a;
}

AxisGeometry computeAdaptiveAxis(int in, int out)
{
    AxisGeometry a;
    a.in = in;
    a.out = (in < 1 || out < 1) ? 0 : out;
    a.stride = 0;
    a.adaptive = true;
    a.kernel = 0;
    a.taps.resize(std::size_t(a.out));
    for (int i = 0; i < a.out; ++i) {
        // Exact integer arithmetic: start = ⌊i·in/out⌋, end = ⌈(i+1)·in/out⌉.
        const long long start = (long long)i * in / out;
        const long long end = ((long long)(i + 1) * in + out - 1) / out;
        for (long long p = start; p < end; ++p)
            a.taps[std::size_t(i)].push_back({int(p), TapKind::Input});
        a.kernel = std::max(a.kernel, int(end - start));
    }
    finishAxis(a);
    return a;
}

std::pair<int, int> samePadding(int in, int kernel, int stride, int dilation, bool lower)
{
    const int ek = dilation * (kernel - 1) + 1;
    const int out = (in + stride - 1) / stride;
    const int total = std::max((out - 1) * stride + ek - in, 0);
    const int small = total / 2, large = total - total / 2;
    return lower ? std::pair{large, small} : std::pair{small, large};
}

Padding resolvePadding(const PoolParams &params, int inH, int inW)
{
    if (params.paddingMode == PaddingMode::Explicit)
        return params.padding;
    Padding pad;
    if (params.paddingMode == PaddingMode::Valid)
        return pad;
    const Size2 s = params.effectiveStride();
    const bool lower = params.paddingMode == PaddingMode::SameLower;
    std::tie(pad.top, pad.bottom) =
        samePadding(inH, params.kernel.h, s.h, params.dilation.h, lower);
    std::tie(pad.left, pad.right) =
        samePadding(inW, params.kernel.w, s.w, params.dilation.w, lower);
    return pad;
}

bool ceilModeApplies(const PoolParams &params)
{
    return params.ceilMode && (params.paddingMode == PaddingMode::Explicit ||
                               params.paddingMode == PaddingMode::Valid);
}

Window Geometry::window(int outRow, int outCol) const
{
    Window w;
    w.outRow = outRow;
    w.outCol = outCol;
    const auto &rt = rows.taps[std::size_t(outRow)];
    const auto &ct = cols.taps[std::size_t(outCol)];
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
    w.paddedCount = rows.paddedCount[std::size_t(outRow)] * cols.paddedCount[std::size_t(outCol)];
    w.inputCount = rows.inputCount[std::size_t(outRow)] * cols.inputCount[std::size_t(outCol)];
    w.rowFirst = rt.front().pos;
    w.rowLast = rt.back().pos;
    w.colFirst = ct.front().pos;
    w.colLast = ct.back().pos;
    return w;
}

std::vector<std::pair<int, int>> Geometry::outputsReading(int row, int col) const
{
    std::vector<std::pair<int, int>> result;
    std::vector<int> outRows, outCols;
    for (int o = 0; o < rows.out; ++o)
        if (rows.reads(o, row))
            outRows.push_back(o);
    for (int o = 0; o < cols.out; ++o)
        if (cols.reads(o, col))
            outCols.push_back(o);
    for (int r : outRows)
        for (int c : outCols)
            result.emplace_back(r, c);
    return result;
}

double Geometry::avgDivisor(int outRow, int outCol) const
{
    if (params.divisorOverride && !params.isAdaptive())
        return *params.divisorOverride;
    const bool same = params.paddingMode == PaddingMode::SameUpper ||
                      params.paddingMode == PaddingMode::SameLower;
    if (params.countIncludePad && !same && !params.isAdaptive())
        return double(rows.paddedCount[std::size_t(outRow)]) *
               cols.paddedCount[std::size_t(outCol)];
    return double(rows.inputCount[std::size_t(outRow)]) * cols.inputCount[std::size_t(outCol)];
}

Geometry computeGeometry(const PoolParams &params, int inH, int inW)
{
    Geometry g;
    g.params = params;
    g.validation = validate(params, inH, inW);
    if (!g.validation.ok()) {
        g.rows.in = std::max(inH, 0);
        g.cols.in = std::max(inW, 0);
        g.rows.coverage.assign(std::size_t(g.rows.in), 0);
        g.cols.coverage.assign(std::size_t(g.cols.in), 0);
        return g;
    }
    if (params.isAdaptive()) {
        const Size2 out = params.adaptiveSize();
        g.rows = computeAdaptiveAxis(inH, out.h);
        g.cols = computeAdaptiveAxis(inW, out.w);
        return g;
    }
    const Size2 s = params.effectiveStride();
    const Padding pad = resolvePadding(params, inH, inW);
    const bool ceil = ceilModeApplies(params);
    g.rows = computeAxis(inH, params.kernel.h, s.h, params.dilation.h, pad.top, pad.bottom, ceil);
    g.cols = computeAxis(inW, params.kernel.w, s.w, params.dilation.w, pad.left, pad.right, ceil);
    return g;
}

} // namespace poolviz
