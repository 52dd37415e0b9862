#pragma once

// A deliberately naive, tap-by-tap pooling reference written straight from the "Semantics" section
// of DESIGN.md, independently of core/geometry.cpp and core/pool.cpp. It uses the standard library
// only (no Eigen, no core types) so that it cannot share a bug with the engine it checks: every
// window is rebuilt from the written formulas and scanned one tap at a time.

#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

namespace poolviz::ref {

enum class Mode
{
    Max,
    Avg,
    Min,
    Lp
};
enum class Pad
{
    Explicit,
    SameUpper,
    SameLower,
    Valid
};
/// Where a tap lies: in the input, in the padding, or past the padded input (ceil overhang).
/// Ordered so that the kind of a 2-D tap is the larger of its row and column kinds.
enum class Kind
{
    Input = 0,
    Padding = 1,
    Overhang = 2
};

/// Every pooling parameter, spelled out per axis.
struct Params
{
    Mode mode = Mode::Max;
    double p = 2.0;
    int kh = 2, kw = 2;
    int sh = 2, sw = 2; ///< the effective stride (already defaulted to the kernel)
    int dh = 1, dw = 1;
    Pad pad = Pad::Explicit;
    int padTop = 0, padBottom = 0, padLeft = 0, padRight = 0;
    bool ceil = false;
    bool countIncludePad = true;
    int divisorOverride = 0; ///< 0: none
    bool adaptive = false;   ///< adaptive (or global) to outH × outW below
    int adaptiveH = 1, adaptiveW = 1;
};

/// One tap along one axis.
struct AxisTap
{
    int pos = 0;
    Kind kind = Kind::Input;
};

/// One axis of the pooling.
struct Axis
{
    int in = 0;
    int ek = 1;        ///< effective kernel d·(k−1)+1 (adaptive: unused)
    int padBefore = 0; ///< resolved
    int padAfter = 0;  ///< resolved
    int out = 0;       ///< from the formula; may be < 1
    std::vector<std::vector<AxisTap>> taps;
};

/// Mathematical floor division (the numerator may be negative).
inline int floorDiv(int a, int b)
{
    int q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

/// SAME padding: out = ceil(in/s), total = max((out−1)·s + ek − in, 0); the odd cell goes after
/// (upper) or before (lower). Returns {before, after}.
inline std::pair<int, int> samePadding(int in, int k, int s, int d, bool lower)
{
    const int ek = d * (k - 1) + 1;
    const int out = (in + s - 1) / s;
    int total = (out - 1) * s + ek - in;
    if (total < 0)
        total = 0;
    const int small = total / 2;
    const int big = total - small;
    return lower ? std::pair{big, small} : std::pair{small, big};
}

/// A sliding-window axis: output size from the floor/ceil formula, then the taps of each window.
inline Axis slidingAxis(int in, int k, int s, int d, int pb, int pe, bool ceil)
{
    Axis a;
    a.in = in;
    a.ek = d * (k - 1) + 1;
    a.padBefore = pb;
    a.padAfter = pe;
    int out = floorDiv(in + pb + pe - a.ek + (ceil ? s - 1 : 0), s) + 1;
    if (ceil && out >= 1 && (out - 1) * s >= in + pb)
        out -= 1;
    a.out = out;
    if (out < 1)
        return a;
    for (int o = 0; o < out; ++o) {
        std::vector<AxisTap> taps;
        const int start = o * s - pb;
        for (int j = 0; j < k; ++j) {
            const int pos = start + j * d;
            Kind kind = Kind::Input;
            if (pos < 0 || pos >= in)
                kind = (pos >= -pb && pos < in + pe) ? Kind::Padding : Kind::Overhang;
            taps.push_back({pos, kind});
        }
        a.taps.push_back(std::move(taps));
    }
    return a;
}

/// An adaptive axis: bin i spans [floor(i·in/out), ceil((i+1)·in/out)), integer arithmetic only.
inline Axis adaptiveAxis(int in, int out)
{
    Axis a;
    a.in = in;
    a.out = out;
    for (int o = 0; o < out; ++o) {
        const int first = (o * in) / out;               // floor, both non-negative
        const int end = ((o + 1) * in + out - 1) / out; // ceil, both non-negative
        std::vector<AxisTap> taps;
        for (int pos = first; pos < end; ++pos)
            taps.push_back({pos, Kind::Input});
        a.taps.push_back(std::move(taps));
    }
    return a;
}

/// Both axes of a pooling of an H × W plane.
struct Plan
{
    Params params;
    Axis rows, cols;
    /// The output-size formula alone decides: at least 1×1. (Without ceil mode a window larger
    /// than the padded input gives out < 1; with ceil mode it may still give an output.)
    bool possible() const { return rows.out >= 1 && cols.out >= 1; }
};

inline Plan plan(const Params &pr, int h, int w)
{
    Plan pl;
    pl.params = pr;
    if (pr.adaptive) {
        pl.rows = adaptiveAxis(h, pr.adaptiveH);
        pl.cols = adaptiveAxis(w, pr.adaptiveW);
        return pl;
    }
    int pt = 0, pb = 0, pleft = 0, pright = 0;
    switch (pr.pad) {
    case Pad::Explicit:
        pt = pr.padTop, pb = pr.padBottom, pleft = pr.padLeft, pright = pr.padRight;
        break;
    case Pad::SameUpper:
    case Pad::SameLower: {
        const bool lower = pr.pad == Pad::SameLower;
        std::tie(pt, pb) = samePadding(h, pr.kh, pr.sh, pr.dh, lower);
        std::tie(pleft, pright) = samePadding(w, pr.kw, pr.sw, pr.dw, lower);
        break;
    }
    case Pad::Valid:
        break;
    }
    pl.rows = slidingAxis(h, pr.kh, pr.sh, pr.dh, pt, pb, pr.ceil);
    pl.cols = slidingAxis(w, pr.kw, pr.sw, pr.dw, pleft, pright, pr.ceil);
    return pl;
}

/// One 2-D tap.
struct Tap
{
    int row = 0, col = 0;
    Kind kind = Kind::Input;
};

/// The taps of output (r, c) in row-major order: rows outer, columns inner.
inline std::vector<Tap> windowTaps(const Plan &pl, int r, int c)
{
    std::vector<Tap> taps;
    taps.reserve(pl.rows.taps[std::size_t(r)].size() * pl.cols.taps[std::size_t(c)].size());
    for (const AxisTap &rt : pl.rows.taps[std::size_t(r)])
        for (const AxisTap &ct : pl.cols.taps[std::size_t(c)])
            taps.push_back({rt.pos, ct.pos, rt.kind > ct.kind ? rt.kind : ct.kind});
    return taps;
}

/// Counts of a window: taps inside input+padding (not overhang) and taps inside the input.
struct Counts
{
    int padded = 0;
    int input = 0;
};

inline Counts counts(const Plan &pl, int r, int c)
{
    Counts n;
    for (const Tap &t : windowTaps(pl, r, c)) {
        if (t.kind != Kind::Overhang)
            ++n.padded;
        if (t.kind == Kind::Input)
            ++n.input;
    }
    return n;
}

/// The average divisor: the override; else the padded count with count_include_pad and explicit
/// padding; else the in-input count (SAME never counts padding). Adaptive bins hold input only
/// and divide by their size (PyTorch's adaptive pooling has no divisor_override).
inline double avgDivisor(const Plan &pl, int r, int c)
{
    const Params &pr = pl.params;
    if (pr.divisorOverride > 0 && !pr.adaptive)
        return pr.divisorOverride;
    const Counts n = counts(pl, r, c);
    if (!pr.adaptive && pr.countIncludePad && pr.pad == Pad::Explicit)
        return n.padded;
    return n.input;
}

/// One plane's forward result.
struct Forward
{
    std::vector<float> values;       ///< outH·outW
    std::vector<std::int64_t> index; ///< max/min: h·W + w, −1 for no in-bounds tap
};

/// Max over the in-bounds taps of a window, scanning row-major: take a tap if value > best or
/// value is NaN (so ties keep the first, NaN keeps the last NaN). Padding never wins. `sign` = −1
/// gives min as −max(−x).
inline std::pair<float, std::int64_t> extremum(const Plan &pl, const float *x, int r, int c,
                                               float sign)
{
    const int w = pl.cols.in;
    float best = -std::numeric_limits<float>::infinity();
    std::int64_t index = -1;
    for (const Tap &t : windowTaps(pl, r, c)) {
        if (t.kind != Kind::Input)
            continue;
        const float v = sign * x[t.row * w + t.col];
        if (index < 0)
            index = std::int64_t(t.row) * w + t.col; // the first in-bounds tap
        if (v > best || std::isnan(v)) {
            best = v;
            index = std::int64_t(t.row) * w + t.col;
        }
    }
    return {sign * best, index};
}

/// The forward pass of one plane `x` (H × W, row-major).
inline Forward forward(const Plan &pl, const float *x)
{
    Forward f;
    const Params &pr = pl.params;
    const int w = pl.cols.in;
    for (int r = 0; r < pl.rows.out; ++r) {
        for (int c = 0; c < pl.cols.out; ++c) {
            if (pr.mode == Mode::Max || pr.mode == Mode::Min) {
                const auto [v, i] = extremum(pl, x, r, c, pr.mode == Mode::Max ? 1.0f : -1.0f);
                f.values.push_back(v);
                f.index.push_back(i);
                continue;
            }
            double sum = 0;
            int n = 0;
            for (const Tap &t : windowTaps(pl, r, c)) {
                if (t.kind != Kind::Input)
                    continue;
                const double v = x[t.row * w + t.col];
                sum += pr.mode == Mode::Avg ? v : std::pow(std::fabs(v), pr.p);
                ++n;
            }
            if (pr.mode == Mode::Avg) {
                const double div = avgDivisor(pl, r, c);
                f.values.push_back(n == 0 || div == 0 ? 0.0f : float(sum / div));
            } else {
                f.values.push_back(n == 0 ? 0.0f : float(std::pow(sum, 1.0 / pr.p)));
            }
        }
    }
    return f;
}

/// The input gradient of one plane by definition: max/min add g at the argmax; avg adds g/divisor
/// to every in-input tap; lp adds g·sign(x)·|x|^(p−1)·y^(1−p) (0 where y = 0), with PyTorch's
/// sign(0) = +1 (the derivative of x^p at 0: 0 for p > 1, 1 for p = 1, ∞ for p < 1). Accumulates
/// in double.
inline std::vector<double> backward(const Plan &pl, const float *x, const float *gradOut)
{
    const Params &pr = pl.params;
    const int w = pl.cols.in;
    std::vector<double> g(std::size_t(pl.rows.in) * w, 0.0);
    const Forward f = forward(pl, x);
    for (int r = 0; r < pl.rows.out; ++r) {
        for (int c = 0; c < pl.cols.out; ++c) {
            const std::size_t o = std::size_t(r) * pl.cols.out + c;
            const double up = gradOut[o];
            if (pr.mode == Mode::Max || pr.mode == Mode::Min) {
                if (f.index[o] >= 0)
                    g[std::size_t(f.index[o])] += up;
                continue;
            }
            double y = 0;
            if (pr.mode == Mode::Lp) {
                // y in double, the same sum as forward() but unrounded
                double sum = 0;
                for (const Tap &t : windowTaps(pl, r, c))
                    if (t.kind == Kind::Input)
                        sum += std::pow(std::fabs(double(x[t.row * w + t.col])), pr.p);
                y = std::pow(sum, 1.0 / pr.p);
            }
            const double div = pr.mode == Mode::Avg ? avgDivisor(pl, r, c) : 0.0;
            for (const Tap &t : windowTaps(pl, r, c)) {
                if (t.kind != Kind::Input)
                    continue;
                const std::size_t i = std::size_t(t.row) * w + t.col;
                if (pr.mode == Mode::Avg) {
                    if (div > 0)
                        g[i] += up / div;
                } else if (y != 0) {
                    const double v = x[i];
                    const double sgn = v < 0 ? -1.0 : 1.0;
                    g[i] += up * sgn * std::pow(std::fabs(v), pr.p - 1) * std::pow(y, 1 - pr.p);
                }
            }
        }
    }
    return g;
}

/// Per input cell (row-major), how many windows have it among their taps, counted by scanning
/// every tap of every window.
inline std::vector<int> coverage(const Plan &pl)
{
    std::vector<int> n(std::size_t(pl.rows.in) * pl.cols.in, 0);
    for (int r = 0; r < pl.rows.out; ++r)
        for (int c = 0; c < pl.cols.out; ++c)
            for (const Tap &t : windowTaps(pl, r, c))
                if (t.kind == Kind::Input)
                    ++n[std::size_t(t.row) * pl.cols.in + t.col];
    return n;
}

/// Per input cell (row-major), the output cells (row-major order) whose windows read it.
inline std::vector<std::vector<std::pair<int, int>>> readers(const Plan &pl)
{
    std::vector<std::vector<std::pair<int, int>>> out(std::size_t(pl.rows.in) * pl.cols.in);
    for (int r = 0; r < pl.rows.out; ++r)
        for (int c = 0; c < pl.cols.out; ++c)
            for (const Tap &t : windowTaps(pl, r, c))
                if (t.kind == Kind::Input)
                    out[std::size_t(t.row) * pl.cols.in + t.col].push_back({r, c});
    return out;
}

/// How many windows hold no input cell at all.
inline int emptyWindows(const Plan &pl)
{
    int n = 0;
    for (int r = 0; r < pl.rows.out; ++r)
        for (int c = 0; c < pl.cols.out; ++c)
            if (counts(pl, r, c).input == 0)
                ++n;
    return n;
}

} // namespace poolviz::ref
