#include "pool.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace poolviz {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

std::string times(int h, int w)
{
    return std::to_string(h) + "\u00d7" + std::to_string(w);
}

/// The in-input taps of one window along one axis: first, first+step, … (count of them).
/// Within the input they always form an arithmetic progression.
struct Span
{
    int first = 0;
    int count = 0;
    int step = 1;
};

std::vector<Span> inputSpans(const AxisGeometry &a)
{
    std::vector<Span> spans(std::size_t(a.out));
    for (int o = 0; o < a.out; ++o) {
        spans[std::size_t(o)] = {a.firstInput(o), a.inputCount[std::size_t(o)], a.step()};
    }
    return spans;
}

/// The output range [begin, end) in which every window has all k taps inside the input at
/// first = o·s − pb: there the horizontal reduction is one uniform, vectorisable loop.
struct Interior
{
    int begin = 0;
    int end = 0;
};

Interior interior(const AxisGeometry &a, const std::vector<Span> &spans)
{
    Interior r;
    if (a.adaptive)
        return r;
    int o = 0;
    auto full = [&](int i) {
        return spans[std::size_t(i)].count == a.kernel &&
               spans[std::size_t(i)].first == i * a.stride - a.padBefore;
    };
    while (o < a.out && !full(o))
        ++o;
    r.begin = o;
    while (o < a.out && full(o))
        ++o;
    r.end = o;
    return r;
}

enum class Reduce
{
    Max,
    Min,
    Sum,
    PowSum
};

/// Max and min with PyTorch's rule: take a value if it beats the best so far or is NaN, so ties
/// keep the first tap and the last NaN scanned wins.
template <Reduce R> inline bool takes(float v, float best)
{
    // Bitwise | rather than ||: no branch, so the loops vectorise.
    if constexpr (R == Reduce::Max)
        return (v > best) | (v != v);
    else
        return (v < best) | (v != v);
}

template <Reduce R> constexpr float identity()
{
    if constexpr (R == Reduce::Max)
        return -kInf;
    else if constexpr (R == Reduce::Min)
        return kInf;
    else
        return 0.0f;
}

/// Separable pooling of one plane: every window is the product of a row span and a column span,
/// so each input row is first reduced along its columns (once, cached in a ring of rows), and
/// output rows then reduce those partial results. Max/min stay exact (first max in a row, first
/// such row = first in row-major order; likewise for the last NaN), sums add row by row.
template <Reduce R, bool WithIndex> class PlanePooler
{
public:
    PlanePooler(const Geometry &g, const PoolParams &params)
        : m_g(g), m_rows(inputSpans(g.rows)), m_cols(inputSpans(g.cols)),
          m_interior(interior(g.cols, m_cols)), m_p(float(params.p))
    {
        int extent = 1;
        for (const Span &s : m_rows)
            if (s.count > 0)
                extent = std::max(extent, (s.count - 1) * s.step + 1);
        m_slots = extent;
        const std::size_t outW = std::size_t(g.outW());
        m_hval.assign(std::size_t(m_slots) * outW, 0.0f);
        if (WithIndex)
            m_hidx.assign(std::size_t(m_slots) * outW, -1);
        m_rowInSlot.assign(std::size_t(m_slots), -1);
        if (WithIndex) {
            m_bestRow.assign(outW, 0);
            m_bestCol.assign(outW, 0);
            for (int x = 0; x < g.outW(); ++x)
                if (m_cols[std::size_t(x)].count == 0)
                    m_emptyCols.push_back(x);
        }
        if (R == Reduce::Sum)
            divisorFactors(params);
    }

    /// Pools `in` (inH × inW) into `out` (outH × outW, row-major) and, with indices, `idx`.
    void run(const float *in, float *out, std::int64_t *idx)
    {
        std::fill(m_rowInSlot.begin(), m_rowInSlot.end(), -1);
        const int outW = m_g.outW();
        const int W = m_g.inW();
        for (int oy = 0; oy < m_g.outH(); ++oy) {
            const Span rs = m_rows[std::size_t(oy)];
            float *o = out + std::size_t(oy) * std::size_t(outW);
            std::int64_t *oi = WithIndex ? idx + std::size_t(oy) * std::size_t(outW) : nullptr;
            if (rs.count == 0) {
                std::fill(o, o + outW, identity<R>());
                if constexpr (WithIndex)
                    std::fill(oi, oi + outW, -1);
                continue;
            }
            std::int32_t *bestRow = m_bestRow.data();
            std::int32_t *bestCol = m_bestCol.data();
            if (WithIndex || !combineFused(in, rs, o)) {
                {
                    const std::size_t slot = row(in, rs.first);
                    const float *h = &m_hval[slot * std::size_t(outW)];
                    std::copy(h, h + outW, o);
                    if constexpr (WithIndex) {
                        const std::int32_t *hi = &m_hidx[slot * std::size_t(outW)];
                        std::fill(bestRow, bestRow + outW, rs.first);
                        std::copy(hi, hi + outW, bestCol);
                    }
                }
                for (int j = 1; j < rs.count; ++j) {
                    const int r = rs.first + j * rs.step;
                    const std::size_t slot = row(in, r);
                    const float *h = &m_hval[slot * std::size_t(outW)];
                    if constexpr (R == Reduce::Sum || R == Reduce::PowSum) {
                        for (int x = 0; x < outW; ++x)
                            o[x] += h[x];
                    } else if constexpr (WithIndex) {
                        const std::int32_t *hi = &m_hidx[slot * std::size_t(outW)];
                        for (int x = 0; x < outW; ++x) {
                            // Masks rather than branches, so the loop vectorises.
                            const std::int32_t m = -std::int32_t(takes<R>(h[x], o[x]));
                            o[x] = m ? h[x] : o[x];
                            bestRow[x] = (r & m) | (bestRow[x] & ~m);
                            bestCol[x] = (hi[x] & m) | (bestCol[x] & ~m);
                        }
                    } else {
                        for (int x = 0; x < outW; ++x)
                            o[x] = takes<R>(h[x], o[x]) ? h[x] : o[x];
                    }
                }
            }
            if constexpr (WithIndex) {
                for (int x = 0; x < outW; ++x)
                    oi[x] = std::int64_t(bestRow[x]) * W + bestCol[x];
                for (int x : m_emptyCols)
                    oi[x] = -1;
            }
            if constexpr (R == Reduce::Sum) {
                // sum / divisor, the divisor factored per axis (see divisorFactors).
                const float rf = m_rowDivisor[std::size_t(oy)];
                const float *cf = m_colDivisor.data();
                for (int x = 0; x < outW; ++x)
                    o[x] = o[x] / (rf * cf[x]);
            } else if constexpr (R == Reduce::PowSum) {
                if (m_p == 2.0f) {
                    for (int x = 0; x < outW; ++x)
                        o[x] = std::sqrt(o[x]);
                } else if (m_p != 1.0f) {
                    for (int x = 0; x < outW; ++x)
                        o[x] = float(std::pow(double(o[x]), 1.0 / double(m_p)));
                }
            }
        }
    }

private:
    /// Windows of two or three rows (2×2, 3×3 …) combine their rows' partial results in one
    /// pass, in the same order as the general loop. Values only. False if not applicable.
    bool combineFused(const float *in, const Span &rs, float *o)
    {
        if (rs.count != 2 && rs.count != 3)
            return false;
        const int outW = m_g.outW();
        const float *h0 = &m_hval[row(in, rs.first) * std::size_t(outW)];
        const float *h1 = &m_hval[row(in, rs.first + rs.step) * std::size_t(outW)];
        if (rs.count == 2) {
            for (int x = 0; x < outW; ++x) {
                if constexpr (R == Reduce::Sum || R == Reduce::PowSum)
                    o[x] = h0[x] + h1[x];
                else
                    o[x] = takes<R>(h1[x], h0[x]) ? h1[x] : h0[x];
            }
            return true;
        }
        const float *h2 = &m_hval[row(in, rs.first + 2 * rs.step) * std::size_t(outW)];
        for (int x = 0; x < outW; ++x) {
            if constexpr (R == Reduce::Sum || R == Reduce::PowSum) {
                o[x] = (h0[x] + h1[x]) + h2[x];
            } else {
                const float a = takes<R>(h1[x], h0[x]) ? h1[x] : h0[x];
                o[x] = takes<R>(h2[x], a) ? h2[x] : a;
            }
        }
        return true;
    }

    /// The slot holding input row r reduced along its columns, computing it if needed.
    std::size_t row(const float *in, int r)
    {
        const std::size_t slot = std::size_t(r % m_slots);
        if (m_rowInSlot[slot] == r)
            return slot;
        m_rowInSlot[slot] = r;
        const int outW = m_g.outW();
        const float *src = in + std::size_t(r) * std::size_t(m_g.inW());
        float *h = &m_hval[slot * std::size_t(outW)];
        std::int32_t *hi = WithIndex ? &m_hidx[slot * std::size_t(outW)] : nullptr;
        // Windows at the borders (or every window, for adaptive bins): tap by tap.
        auto general = [&](int x) {
            const Span cs = m_cols[std::size_t(x)];
            float best = identity<R>();
            std::int32_t bi = cs.count > 0 ? cs.first : -1;
            for (int j = 0; j < cs.count; ++j) {
                const int c = cs.first + j * cs.step;
                const float v = src[c];
                if constexpr (R == Reduce::Sum) {
                    best += v;
                } else if constexpr (R == Reduce::PowSum) {
                    best += power(v);
                } else if (takes<R>(v, best)) {
                    best = v;
                    bi = c;
                }
            }
            h[x] = best;
            if constexpr (WithIndex)
                hi[x] = bi;
        };
        for (int x = 0; x < m_interior.begin; ++x)
            general(x);
        for (int x = m_interior.end; x < outW; ++x)
            general(x);
        interiorRow(src, h, hi);
        return slot;
    }

    /// The interior windows: all k taps in the input, uniform stride and dilation.
    void interiorRow(const float *src, float *h, std::int32_t *hi)
    {
        const int b = m_interior.begin, e = m_interior.end;
        if (b >= e)
            return;
        const AxisGeometry &a = m_g.cols;
        const int s = a.stride, d = a.dilation, k = a.kernel, pb = a.padBefore;
        if constexpr (!WithIndex && R != Reduce::PowSum) {
            if (k == 2 && s == 2 && d == 1) {
                // The classic 2×2/2 case gets its own loop so the compiler can vectorise it.
                const float *p = src + (2 * b - pb);
                for (int x = b; x < e; ++x, p += 2) {
                    const float v0 = p[0], v1 = p[1];
                    if constexpr (R == Reduce::Sum)
                        h[x] = v0 + v1;
                    else
                        h[x] = takes<R>(v1, v0) ? v1 : v0;
                }
                return;
            }
        }
        for (int x = b; x < e; ++x) {
            const float v = src[x * s - pb];
            h[x] = R == Reduce::PowSum ? power(v) : v;
            if constexpr (WithIndex)
                hi[x] = x * s - pb;
        }
        for (int j = 1; j < k; ++j) {
            const int off = j * d - pb;
            if (s == 1)
                tapLoop<1>(src + off, s, off, b, e, h, hi);
            else if (s == 2)
                tapLoop<2>(src + off, s, off, b, e, h, hi);
            else
                tapLoop<0>(src + off, s, off, b, e, h, hi);
        }
    }

    /// One tap of every interior window: h[x] ⊕= p[x·s]. S is the stride when known at compile
    /// time (so the loop vectorises), 0 for a runtime stride `s`.
    template <int S>
    void tapLoop(const float *p, int s, int off, int b, int e, float *h, std::int32_t *hi)
    {
        const std::ptrdiff_t step = S > 0 ? S : s;
        for (int x = b; x < e; ++x) {
            const float v = p[std::ptrdiff_t(x) * step];
            if constexpr (R == Reduce::Sum) {
                h[x] += v;
            } else if constexpr (R == Reduce::PowSum) {
                h[x] += power(v);
            } else if constexpr (WithIndex) {
                const bool t = takes<R>(v, h[x]);
                h[x] = t ? v : h[x];
                hi[x] = t ? std::int32_t(x * step + off) : hi[x];
            } else {
                h[x] = takes<R>(v, h[x]) ? v : h[x];
            }
        }
    }

    float power(float v) const
    {
        const float a = std::fabs(v);
        if (m_p == 2.0f)
            return a * a;
        if (m_p == 1.0f)
            return a;
        return std::pow(a, m_p);
    }

    /// The average divisor as rowFactor[oy] · colFactor[ox]: the per-axis padded or input counts
    /// (their product is the window's count), or the override. A window with no input cell sums
    /// to 0; its factor is made 1 so that it outputs 0 rather than 0/0.
    void divisorFactors(const PoolParams &params)
    {
        const bool same = params.paddingMode == PaddingMode::SameUpper ||
                          params.paddingMode == PaddingMode::SameLower;
        const bool override = params.divisorOverride && !params.isAdaptive();
        const bool includePad = params.countIncludePad && !same && !params.isAdaptive();
        auto factors = [&](const AxisGeometry &a, bool first) {
            std::vector<float> f(std::size_t(a.out));
            for (int i = 0; i < a.out; ++i) {
                const int n =
                    includePad ? a.paddedCount[std::size_t(i)] : a.inputCount[std::size_t(i)];
                f[std::size_t(i)] = override ? (first ? float(*params.divisorOverride) : 1.0f)
                                             : float(n == 0 ? 1 : n);
            }
            return f;
        };
        m_rowDivisor = factors(m_g.rows, true);
        m_colDivisor = factors(m_g.cols, false);
    }

    const Geometry &m_g;
    std::vector<Span> m_rows;
    std::vector<Span> m_cols;
    Interior m_interior;
    float m_p;
    int m_slots = 1;
    std::vector<float> m_hval;
    std::vector<std::int32_t> m_hidx;
    std::vector<int> m_rowInSlot;
    std::vector<std::int32_t> m_bestRow;
    std::vector<std::int32_t> m_bestCol;
    std::vector<int> m_emptyCols; ///< columns of windows with no in-bounds tap: index −1
    std::vector<float> m_rowDivisor;
    std::vector<float> m_colDivisor;
};

template <Reduce R, bool WithIndex>
void poolAllPlanes(const Tensor &input, const Geometry &g, const PoolParams &params,
                   PoolResult &result)
{
    PlanePooler<R, WithIndex> pooler(g, params);
    for (int p = 0; p < input.planeCount(); ++p)
        pooler.run(input.planeData(p), result.values.planeData(p),
                   WithIndex ? result.indices.planeData(p) : nullptr);
}

Geometry checkedGeometry(const Tensor &input, const PoolParams &params)
{
    Geometry g = computeGeometry(params, input.h(), input.w());
    if (!g.ok())
        throw PoolError(g.validation.errorText());
    return g;
}

} // namespace

PoolResult forward(const Tensor &input, const PoolParams &params, bool withIndices)
{
    PoolResult r;
    r.geometry = checkedGeometry(input, params);
    const Geometry &g = r.geometry;
    r.values = Tensor(input.n(), input.c(), g.outH(), g.outW(), 0.0f, input.rank());
    const bool argmax =
        withIndices && (params.mode == PoolMode::Max || params.mode == PoolMode::Min);
    if (argmax)
        r.indices = IndexTensor(input.n(), input.c(), g.outH(), g.outW(), -1, input.rank());
    switch (params.mode) {
    case PoolMode::Max:
        argmax ? poolAllPlanes<Reduce::Max, true>(input, g, params, r)
               : poolAllPlanes<Reduce::Max, false>(input, g, params, r);
        break;
    case PoolMode::Min:
        argmax ? poolAllPlanes<Reduce::Min, true>(input, g, params, r)
               : poolAllPlanes<Reduce::Min, false>(input, g, params, r);
        break;
    case PoolMode::Avg:
        poolAllPlanes<Reduce::Sum, false>(input, g, params, r);
        break;
    case PoolMode::Lp:
        poolAllPlanes<Reduce::PowSum, false>(input, g, params, r);
        break;
    }
    return r;
}

Tensor backward(const Tensor &input, const PoolParams &params, const Tensor &gradOutput)
{
    const Geometry g = checkedGeometry(input, params);
    const std::array<int, 4> expected{input.n(), input.c(), g.outH(), g.outW()};
    if (gradOutput.shape() != expected) {
        const Tensor shapeOnly(expected[0], expected[1], expected[2], expected[3], 0.0f,
                               input.rank());
        throw PoolError("the output gradient has shape " + gradOutput.shapeString() +
                        " but the pooled output is " + shapeOnly.shapeString());
    }
    Tensor grad(input.n(), input.c(), input.h(), input.w(), 0.0f, input.rank());
    const int outH = g.outH(), outW = g.outW(), W = input.w();
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min) {
        const PoolResult f = forward(input, params, true);
        for (int p = 0; p < input.planeCount(); ++p) {
            const std::int64_t *idx = f.indices.planeData(p);
            const float *go = gradOutput.planeData(p);
            float *gi = grad.planeData(p);
            for (std::size_t i = 0; i < std::size_t(outH) * std::size_t(outW); ++i)
                if (idx[i] >= 0)
                    gi[idx[i]] += go[i];
        }
        return grad;
    }
    const std::vector<Span> rs = inputSpans(g.rows), cs = inputSpans(g.cols);
    const PoolResult f = params.mode == PoolMode::Lp ? forward(input, params, false) : PoolResult{};
    const double p = params.p;
    for (int pl = 0; pl < input.planeCount(); ++pl) {
        const float *x = input.planeData(pl);
        const float *go = gradOutput.planeData(pl);
        float *gi = grad.planeData(pl);
        for (int oy = 0; oy < outH; ++oy) {
            for (int ox = 0; ox < outW; ++ox) {
                const Span r = rs[std::size_t(oy)], c = cs[std::size_t(ox)];
                if (r.count == 0 || c.count == 0)
                    continue;
                const float gv = go[oy * outW + ox];
                if (params.mode == PoolMode::Avg) {
                    const float share = gv / float(g.avgDivisor(oy, ox));
                    for (int i = 0; i < r.count; ++i)
                        for (int j = 0; j < c.count; ++j)
                            gi[(r.first + i * r.step) * W + c.first + j * c.step] += share;
                } else {
                    // ∂y/∂x = sign(x)·|x|^(p−1) / y^(p−1); 0 where y = 0.
                    const double y = f.values.planeData(pl)[oy * outW + ox];
                    if (y == 0.0 || !std::isfinite(y))
                        continue;
                    const double denom = std::pow(y, p - 1.0);
                    for (int i = 0; i < r.count; ++i)
                        for (int j = 0; j < c.count; ++j) {
                            const int at = (r.first + i * r.step) * W + c.first + j * c.step;
                            const double xv = x[at];
                            const double dx = (xv > 0   ? 1.0
                                               : xv < 0 ? -1.0
                                                        : 0.0) *
                                              std::pow(std::fabs(xv), p - 1.0) / denom;
                            gi[at] += float(gv * dx);
                        }
                }
            }
        }
    }
    return grad;
}

Tensor maxUnpool(const Tensor &pooled, const IndexTensor &indices, int outH, int outW)
{
    if (pooled.shape() != indices.shape())
        throw PoolError("the indices have shape " + indices.shapeString() +
                        " but the pooled values " + pooled.shapeString());
    if (outH < 1 || outW < 1)
        throw PoolError("output size " + times(outH, outW) + " must be at least 1\u00d71");
    Tensor out(pooled.n(), pooled.c(), outH, outW, 0.0f, pooled.rank());
    const std::int64_t planeSize = std::int64_t(outH) * outW;
    for (int p = 0; p < pooled.planeCount(); ++p) {
        const float *v = pooled.planeData(p);
        const std::int64_t *idx = indices.planeData(p);
        float *o = out.planeData(p);
        for (std::size_t i = 0; i < pooled.planeSize(); ++i) {
            if (idx[i] < 0 || idx[i] >= planeSize) {
                const int row = int(i / std::size_t(pooled.w())),
                          col = int(i % std::size_t(pooled.w()));
                throw PoolError("index " + std::to_string(idx[i]) + " at pooled row " +
                                std::to_string(row) + ", column " + std::to_string(col) +
                                " of plane " + std::to_string(p) + " lies outside the " +
                                times(outH, outW) + " output");
            }
            o[idx[i]] = v[i];
        }
    }
    return out;
}

std::int64_t defaultUnpoolSize(int pooledSize, int kernel, int stride, int padBefore, int padAfter)
{
    return (std::int64_t(pooledSize) - 1) * stride - padBefore - padAfter + kernel;
}

Tensor avgUnpool(const Tensor &pooled, const PoolParams &params, int outH, int outW)
{
    const Geometry g = computeGeometry(params, outH, outW);
    if (!g.ok())
        throw PoolError(g.validation.errorText());
    if (pooled.h() != g.outH() || pooled.w() != g.outW())
        throw PoolError("the pooled input is " + times(pooled.h(), pooled.w()) + " but pooling a " +
                        times(outH, outW) + " plane gives " + times(g.outH(), g.outW()));
    // Every in-input tap of a window receives the window's value (seed 001's unpoolingAvg);
    // where windows overlap, the values are averaged; cells no window covers stay 0.
    Tensor out(pooled.n(), pooled.c(), outH, outW, 0.0f, pooled.rank());
    const std::vector<Span> rs = inputSpans(g.rows), cs = inputSpans(g.cols);
    for (int p = 0; p < pooled.planeCount(); ++p) {
        const float *v = pooled.planeData(p);
        float *o = out.planeData(p);
        for (int oy = 0; oy < g.outH(); ++oy)
            for (int ox = 0; ox < g.outW(); ++ox) {
                const Span r = rs[std::size_t(oy)], c = cs[std::size_t(ox)];
                for (int i = 0; i < r.count; ++i)
                    for (int j = 0; j < c.count; ++j)
                        o[(r.first + i * r.step) * outW + c.first + j * c.step] +=
                            v[oy * g.outW() + ox];
            }
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x)
                if (const int n = g.coverage(y, x); n > 1)
                    o[y * outW + x] /= float(n);
    }
    return out;
}

} // namespace poolviz
