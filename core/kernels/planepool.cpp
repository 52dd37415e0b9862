// The pooling kernels (see planepool.h). About 700 lines in one file on purpose: BandPooler's
// row reduction, lane transposes, block prefixes/suffixes and output finishing share its scratch
// buffers and template parameters, and this file is compiled twice (baseline and AVX2, see
// core/CMakeLists.txt), which is simplest for a single translation unit.
#include "planepool.h"

#include "spans.h"
#include "threads.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

// Compiled once per instruction set (see core/CMakeLists.txt): POOLVIZ_KERNEL_ISA names the copy.
#ifndef POOLVIZ_KERNEL_ISA
#define POOLVIZ_KERNEL_ISA generic
#endif

namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
/// From this many taps on, a stride-1 axis uses the van Herk scheme (3 combines per output)
/// rather than k − 1 tap loops. Along the rows both are vector operations over whole rows and
/// the scheme wins from 4 taps; along the columns it pays for transposing rows into vector lanes,
/// and wins only from these sizes (measured with tests/bench, CPU time, AVX2).
constexpr int kRunningRowsFrom = 4;
constexpr int kRunningColsFrom = 17;
constexpr int kRunningColsSumsFrom = 27;

enum class Reduce
{
    Max,
    Min,
    Sum,
    PowSum
};

/// kLanes values of T as one GCC vector (lowered to whatever width the target has).
constexpr int kLanes = 8;
template <class T> struct Lanes
{
    typedef T type __attribute__((vector_size(sizeof(T) * kLanes)));
};

// GCC's __builtin_shuffle takes a mask vector; clang (the fuzz preset) spells it
// __builtin_shufflevector with the indices as arguments.
#if defined(__clang__)
#define POOLVIZ_SHUFFLE(a, b, ...) __builtin_shufflevector(a, b, __VA_ARGS__)
#else
#define POOLVIZ_SHUFFLE(a, b, ...) __builtin_shuffle(a, b, M{__VA_ARGS__})
#endif

/// Transposes 8 vectors of 8 four-byte values in place (v[r][j] becomes v[j][r]) in three
/// rounds of shuffles, instead of 64 scalar moves.
template <class T> inline void transpose8(typename Lanes<T>::type (&v)[8])
{
    static_assert(sizeof(T) == 4 && kLanes == 8);
    using M = Lanes<std::int32_t>::type;
    typename Lanes<T>::type a[8], b[8];
    for (int i = 0; i < 8; i += 2) {
        a[i] = POOLVIZ_SHUFFLE(v[i], v[i + 1], 0, 8, 1, 9, 4, 12, 5, 13);
        a[i + 1] = POOLVIZ_SHUFFLE(v[i], v[i + 1], 2, 10, 3, 11, 6, 14, 7, 15);
    }
    for (int i = 0; i < 8; i += 4)
        for (int j = 0; j < 2; ++j) {
            b[i + 2 * j] = POOLVIZ_SHUFFLE(a[i + j], a[i + j + 2], 0, 1, 8, 9, 4, 5, 12, 13);
            b[i + 2 * j + 1] =
                POOLVIZ_SHUFFLE(a[i + j], a[i + j + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    for (int j = 0; j < 4; ++j) {
        v[j] = POOLVIZ_SHUFFLE(b[j], b[j + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        v[j + 4] = POOLVIZ_SHUFFLE(b[j], b[j + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

template <Reduce R> constexpr bool isExtreme = R == Reduce::Max || R == Reduce::Min;
/// Max and min carry the float itself; sums are taken in double.
template <Reduce R> using Acc = std::conditional_t<isExtreme<R>, float, double>;

/// PyTorch's rule for max and min: take a value if it beats the best so far or is NaN, so ties
/// keep the first tap and the last NaN scanned wins. As a combine of an earlier and a later part
/// of a window (take the later part's result if it `takes`), the rule is associative, which is
/// what lets windows be assembled from block prefixes and suffixes.
template <Reduce R> inline bool takes(float v, float best)
{
    // Bitwise | rather than ||: no branch, so the loops vectorise.
    if constexpr (R == Reduce::Max)
        return (v > best) | (v != v);
    else
        return (v < best) | (v != v);
}

/// The value of a ⊕ b (a the earlier part, b the later) without an index: b if it `takes`, else
/// a. Written as a max/min and a NaN select, which compile to max/min and blend instructions
/// rather than branches (a branch per tap mispredicts on real data).
template <Reduce R> inline float pick(float a, float b)
{
    const float m = R == Reduce::Max ? (b > a ? b : a) : (b < a ? b : a);
    return b != b ? b : m;
}

template <Reduce R> constexpr Acc<R> identity()
{
    if constexpr (R == Reduce::Max)
        return -kInf;
    else if constexpr (R == Reduce::Min)
        return kInf;
    else
        return 0.0;
}

/// What every band of every plane shares: the spans of both axes and the choice of method.
struct Plan
{
    const Geometry *g = nullptr;
    std::vector<AxisSpan> rows;
    std::vector<AxisSpan> cols;
    Interior colInterior;
    DivisorFactors divisors;
    double p = 2.0;
    bool runningCols = false; ///< van Herk along the columns (interior windows)
    bool runningRows = false; ///< van Herk along the rows
    int bandRows = 1;         ///< output rows per band
};

/// Pools bands of output rows of one plane; owns the scratch buffers of one thread.
template <Reduce R, bool WithIndex, class Idx> class BandPooler
{
public:
    using A = Acc<R>;

    explicit BandPooler(const Plan &plan) : m_plan(plan), m_g(*plan.g)
    {
        const std::size_t outW = std::size_t(m_g.outW());
        if constexpr (!isExtreme<R>)
            m_ov.resize(outW);
        if constexpr (WithIndex)
            m_oi.resize(outW);
    }

    /// Pools output rows [oy0, oy1) of the plane `in` into the plane `out` (and `idx`).
    void run(const float *in, float *out, std::int64_t *idx, int oy0, int oy1)
    {
        const int outW = m_g.outW(), W = m_g.inW();
        int rlo = INT_MAX, rhi = -1;
        for (int oy = oy0; oy < oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            if (s.count > 0) {
                rlo = std::min(rlo, s.first);
                rhi = std::max(rhi, s.first + (s.count - 1) * s.step);
            }
        }
        const int nb = rhi < 0 ? 0 : rhi - rlo + 1;
        const std::size_t cells = std::size_t(nb) * std::size_t(outW);
        if (m_hv.size() < cells) {
            m_hv.resize(cells);
            if constexpr (WithIndex)
                m_hi.resize(cells);
            if (m_plan.runningRows) {
                m_sv.resize(cells);
                if constexpr (WithIndex)
                    m_si.resize(cells);
            }
        }
        // Reduce the band's input rows along the columns: all of them for the running scheme,
        // otherwise only the rows some window reads (a stride larger than the kernel skips some).
        m_needed.assign(std::size_t(nb), m_plan.runningRows);
        if (!m_plan.runningRows)
            for (int oy = oy0; oy < oy1; ++oy) {
                const AxisSpan &s = m_plan.rows[std::size_t(oy)];
                for (int j = 0; j < s.count; ++j)
                    m_needed[std::size_t(s.first + j * s.step - rlo)] = true;
            }
        const float *srcs[kLanes];
        Idx bases[kLanes];
        A *hs[kLanes];
        Idx *his[kLanes];
        int lanes = 0;
        const bool running = m_plan.runningCols;
        for (int i = 0; i < nb; ++i) {
            if (!m_needed[std::size_t(i)])
                continue;
            const float *src = in + std::size_t(rlo + i) * std::size_t(W);
            reduceRow(src, Idx(rlo + i) * Idx(W), hv(i), hi(i));
            if (!running)
                continue;
            srcs[lanes] = src;
            bases[lanes] = Idx(rlo + i) * Idx(W);
            hs[lanes] = hv(i);
            his[lanes] = hi(i);
            if (++lanes == kLanes) {
                runningInterior(srcs, bases, lanes, hs, his);
                lanes = 0;
            }
        }
        if (lanes > 0)
            runningInterior(srcs, bases, lanes, hs, his);
        if (m_plan.runningRows && nb > 0)
            buildBlocks(nb);

        for (int oy = oy0; oy < oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            float *o = out + std::size_t(oy) * std::size_t(outW);
            std::int64_t *oidx = WithIndex ? idx + std::size_t(oy) * std::size_t(outW) : nullptr;
            if (s.count == 0) {
                std::fill(o, o + outW, float(identity<R>()));
                if constexpr (WithIndex)
                    std::fill(oidx, oidx + outW, -1);
                continue;
            }
            A *ov;
            if constexpr (isExtreme<R>)
                ov = o;
            else
                ov = m_ov.data();
            Idx *oi = WithIndex ? m_oi.data() : nullptr;
            if (m_plan.runningRows)
                queryBlocks(s, rlo, ov, oi);
            else
                combineDirect(s, rlo, ov, oi);
            finish(oy, o, oidx);
        }
    }

private:
    A *hv(int i) { return m_hv.data() + std::size_t(i) * std::size_t(m_g.outW()); }
    Idx *hi(int i)
    {
        return WithIndex ? m_hi.data() + std::size_t(i) * std::size_t(m_g.outW()) : nullptr;
    }
    A *sv(int i) { return m_sv.data() + std::size_t(i) * std::size_t(m_g.outW()); }
    Idx *si(int i)
    {
        return WithIndex ? m_si.data() + std::size_t(i) * std::size_t(m_g.outW()) : nullptr;
    }

    /// o = a ⊕ b element-wise, a being the earlier part of the window (o may alias a or b).
    static void combineRow(A *ov, Idx *oi, const A *av, const Idx *ai, const A *bv, const Idx *bi,
                           int n)
    {
        if constexpr (!isExtreme<R>) {
            for (int x = 0; x < n; ++x)
                ov[x] = av[x] + bv[x];
        } else if constexpr (WithIndex) {
            for (int x = 0; x < n; ++x) {
                const bool t = takes<R>(bv[x], av[x]);
                ov[x] = t ? bv[x] : av[x];
                oi[x] = t ? bi[x] : ai[x];
            }
        } else {
            for (int x = 0; x < n; ++x)
                ov[x] = pick<R>(av[x], bv[x]);
        }
    }

    static void copyRow(A *ov, Idx *oi, const A *av, const Idx *ai, int n)
    {
        std::copy(av, av + n, ov);
        if constexpr (WithIndex)
            std::copy(ai, ai + n, oi);
    }

    /// The rows of window span `s` combined tap by tap (two and three rows in one pass).
    void combineDirect(const AxisSpan &s, int rlo, A *ov, Idx *oi)
    {
        const int n = m_g.outW();
        const int r0 = s.first - rlo;
        if (s.count == 1) {
            copyRow(ov, oi, hv(r0), hi(r0), n);
            return;
        }
        combineRow(ov, oi, hv(r0), hi(r0), hv(r0 + s.step), hi(r0 + s.step), n);
        for (int j = 2; j < s.count; ++j) {
            const int r = r0 + j * s.step;
            combineRow(ov, oi, ov, oi, hv(r), hi(r), n);
        }
    }

    /// Block prefixes (in place over the reduced rows) and suffixes (into m_sv) along the rows of
    /// the band, per dilation phase: rows i and i + d are neighbours of one sequence, and blocks
    /// hold k neighbours.
    void buildBlocks(int nb)
    {
        const int n = m_g.outW();
        // k·d can pass int (a huge dilation over huge padding); a block longer than the band is
        // the whole band.
        const int d = m_g.rows.dilation;
        const int span = int(std::min<std::int64_t>(std::int64_t(m_g.rows.kernel) * d, nb));
        for (int b = 0; b < nb; b = int(std::min<std::int64_t>(std::int64_t(b) + span, nb))) {
            const int e = int(std::min<std::int64_t>(std::int64_t(b) + span, nb));
            for (int i = std::max(e - d, b); i < e; ++i)
                copyRow(sv(i), si(i), hv(i), hi(i), n);
            for (int i = e - d - 1; i >= b; --i)
                combineRow(sv(i), si(i), hv(i), hi(i), sv(i + d), si(i + d), n);
            for (int i = b + d; i < e; ++i)
                combineRow(hv(i), hi(i), hv(i - d), hi(i - d), hv(i), hi(i), n);
        }
    }

    /// The window of span `s` from the blocks: a suffix ⊕ the next block's prefix when it spans
    /// two blocks, otherwise one prefix or one suffix. A stride-1 window shorter than k is clipped
    /// at the input's top (its first tap then starts its sequence: a prefix) or bottom (its last
    /// tap ends its sequence: a suffix), so it is never a strict middle part of a block.
    void queryBlocks(const AxisSpan &s, int rlo, A *ov, Idx *oi)
    {
        const int n = m_g.outW();
        const int d = m_g.rows.dilation, k = m_g.rows.kernel;
        const int f = s.first - rlo, l = f + (s.count - 1) * d;
        const int qf = f / d, ql = l / d;
        if (ql / k != qf / k)
            combineRow(ov, oi, sv(f), si(f), hv(l), hi(l), n);
        else if (qf % k == 0)
            copyRow(ov, oi, hv(l), hi(l), n);
        else
            copyRow(ov, oi, sv(f), si(f), n);
    }

    /// Sums to averages or p-norms; indices to int64.
    void finish(int oy, float *o, std::int64_t *oidx)
    {
        const int n = m_g.outW();
        if constexpr (WithIndex)
            for (int x = 0; x < n; ++x)
                oidx[x] = std::int64_t(m_oi[std::size_t(x)]);
        if constexpr (R == Reduce::Sum) {
            const double rf = m_plan.divisors.rows[std::size_t(oy)];
            const double *cf = m_plan.divisors.cols.data();
            for (int x = 0; x < n; ++x)
                o[x] = float(m_ov[std::size_t(x)] / (rf * cf[x]));
        } else if constexpr (R == Reduce::PowSum) {
            const double p = m_plan.p;
            for (int x = 0; x < n; ++x) {
                const double v = m_ov[std::size_t(x)];
                o[x] = float(p == 2.0 ? std::sqrt(v) : p == 1.0 ? v : std::pow(v, 1.0 / p));
            }
        }
    }

    /// A tap's contribution: the value itself, or |x|^p for Lp (in double).
    A load(float v) const
    {
        if constexpr (R == Reduce::PowSum) {
            const double a = std::fabs(double(v));
            const double p = m_plan.p;
            return p == 2.0 ? a * a : p == 1.0 ? a : std::pow(a, p);
        } else {
            return A(v);
        }
    }

    /// Input row `src` (flat index of its first cell `base`) reduced along the columns into
    /// h[0..outW) and, with indices, the flat index of each window's chosen tap.
    void reduceRow(const float *src, Idx base, A *h, Idx *hi)
    {
        const int outW = m_g.outW();
        const Interior in = m_plan.colInterior;
        // Windows at the borders (or every window, for adaptive bins): tap by tap.
        auto general = [&](int x) {
            const AxisSpan &cs = m_plan.cols[std::size_t(x)];
            A best = identity<R>();
            Idx bi = cs.count > 0 ? base + Idx(cs.first) : Idx(-1);
            for (int j = 0; j < cs.count; ++j) {
                const int c = cs.first + j * cs.step;
                const float v = src[c];
                if constexpr (isExtreme<R>) {
                    if (takes<R>(v, best)) {
                        best = v;
                        bi = base + Idx(c);
                    }
                } else {
                    best += load(v);
                }
            }
            h[x] = best;
            if constexpr (WithIndex)
                hi[x] = bi;
        };
        for (int x = 0; x < std::min(in.begin, outW); ++x)
            general(x);
        for (int x = std::max(in.end, in.begin); x < outW; ++x)
            general(x);
        // The running scheme does the interior of several rows at once (see run()).
        if (in.begin < in.end && !m_plan.runningCols)
            directInterior(src, base, h, hi);
    }

    /// The interior windows tap by tap: h[x] ⊕= src[x·s + j·d − pb] for each tap j.
    void directInterior(const float *src, Idx base, A *h, Idx *hi)
    {
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const AxisGeometry &a = m_g.cols;
        const int s = a.stride, d = a.dilation, k = a.kernel, pb = a.padBefore;
        if constexpr (!WithIndex && R != Reduce::PowSum) {
            if (k == 2 && s == 2 && d == 1) {
                // The classic 2×2/2 case gets its own loop so the compiler can vectorise it.
                const float *p = src + (2 * b - pb);
                for (int x = b; x < e; ++x, p += 2) {
                    const float v0 = p[0], v1 = p[1];
                    if constexpr (R == Reduce::Sum)
                        h[x] = double(v0) + double(v1);
                    else
                        h[x] = pick<R>(v0, v1);
                }
                return;
            }
        }
        for (int x = b; x < e; ++x) {
            const int c = x * s - pb;
            h[x] = load(src[c]);
            if constexpr (WithIndex)
                hi[x] = base + Idx(c);
        }
        for (int j = 1; j < k; ++j) {
            const int off = j * d - pb;
            if (s == 1)
                tapLoop<1>(src + off, s, base + Idx(off), b, e, h, hi);
            else if (s == 2)
                tapLoop<2>(src + off, s, base + Idx(off), b, e, h, hi);
            else
                tapLoop<0>(src + off, s, base + Idx(off), b, e, h, hi);
        }
    }

    /// One tap of every interior window: h[x] ⊕= p[x·s]. S is the stride when known at compile
    /// time (so the loop vectorises), 0 for a runtime stride `s`.
    template <int S> void tapLoop(const float *p, int s, Idx off, int b, int e, A *h, Idx *hi) const
    {
        const std::ptrdiff_t step = S > 0 ? S : s;
        for (int x = b; x < e; ++x) {
            const float v = p[std::ptrdiff_t(x) * step];
            if constexpr (!isExtreme<R>) {
                h[x] += load(v);
            } else if constexpr (WithIndex) {
                const bool t = takes<R>(v, h[x]);
                h[x] = t ? v : h[x];
                hi[x] = t ? Idx(x * step) + off : hi[x];
            } else {
                h[x] = pick<R>(h[x], v);
            }
        }
    }

    /// The interior windows of a stride-1 axis by van Herk / Gil-Werman, for up to kLanes rows at
    /// once: the taps the interior reads, cut into blocks of k per dilation phase, with each
    /// block's prefixes and suffixes; a window is then a suffix ⊕ a prefix (or one whole block).
    /// The rows are transposed into lanes (element i of every row side by side), so that the
    /// prefix and suffix recurrences, serial along a row, run as vector operations across rows.
    void runningInterior(const float *const *src, const Idx *base, int lanes, A *const *h,
                         Idx *const *hi)
    {
        constexpr int L = kLanes;
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const AxisGeometry &a = m_g.cols;
        const int d = a.dilation, k = a.kernel, span = k * d;
        const int c0 = b - a.padBefore;
        const int n = (e - b - 1) + (k - 1) * d + 1;
        const std::size_t cells = std::size_t(n) * L;
        if (m_tx.size() < cells) {
            m_tx.resize(cells);
            m_tp.resize(cells);
            m_ts.resize(cells);
            if constexpr (WithIndex) {
                m_tpi.resize(cells);
                m_tsi.resize(cells);
            }
        }
        A *X = m_tx.data(), *P = m_tp.data(), *S = m_ts.data();
        Idx *Pi = WithIndex ? m_tpi.data() : nullptr, *Si = WithIndex ? m_tsi.data() : nullptr;
        const float *rows[L]; // lanes past the last row repeat it; their results are dropped
        for (int r = 0; r < L; ++r)
            rows[r] = src[std::min(r, lanes - 1)] + c0;
        int i = 0;
        if constexpr (sizeof(A) == 4) {
            // Whole 8×8 tiles by vector shuffles; the rest one by one.
            for (; i + L <= n; i += L) {
                typename Lanes<A>::type v[L];
                for (int r = 0; r < L; ++r)
                    std::memcpy(&v[r], rows[r] + i, sizeof v[r]);
                transpose8<A>(v);
                std::memcpy(X + std::size_t(i) * L, v, sizeof v);
            }
        }
        for (; i < n; ++i) {
            A *x = X + std::size_t(i) * L;
            for (int r = 0; r < L; ++r)
                x[r] = load(rows[r][i]);
        }
        Idx first[L];
        for (int r = 0; r < L; ++r)
            first[r] = base[std::min(r, lanes - 1)] + Idx(c0);
        // o = a ⊕ b across the lanes (a the earlier part), as GCC vector operations: one
        // compare and one blend for all lanes.
        auto combine = [&](A *ov, Idx *oi, const A *av, const Idx *ai, const A *bv, const Idx *bi) {
            typename Lanes<A>::type va, vb, vo;
            std::memcpy(&va, av, sizeof va);
            std::memcpy(&vb, bv, sizeof vb);
            if constexpr (!isExtreme<R>) {
                vo = va + vb;
            } else {
                const auto take = (R == Reduce::Max ? vb > va : vb < va) | (vb != vb);
                vo = take ? vb : va;
                if constexpr (WithIndex) {
                    typename Lanes<Idx>::type ia, ib;
                    std::memcpy(&ia, ai, sizeof ia);
                    std::memcpy(&ib, bi, sizeof ib);
                    const auto t = __builtin_convertvector(take, typename Lanes<Idx>::type);
                    const typename Lanes<Idx>::type io = t ? ib : ia;
                    std::memcpy(oi, &io, sizeof io);
                }
            }
            std::memcpy(ov, &vo, sizeof vo);
        };
        auto at = [](auto *p, int i) { return p ? p + std::size_t(i) * L : p; };
        Idx own[L]; // the index of element i in every lane
        auto ownIndex = [&](int i) {
            for (int r = 0; r < L; ++r)
                own[r] = first[r] + Idx(i);
            return own;
        };
        for (int blk = 0; blk < n; blk += span) {
            const int end = std::min(blk + span, n);
            for (int i = blk; i < end; ++i) {
                if (i < blk + d) {
                    std::copy(at(X, i), at(X, i) + L, at(P, i));
                    if constexpr (WithIndex)
                        std::copy(ownIndex(i), own + L, at(Pi, i));
                } else {
                    combine(at(P, i), at(Pi, i), at(P, i - d), at(Pi, i - d), at(X, i),
                            WithIndex ? ownIndex(i) : nullptr);
                }
            }
            for (int i = end - 1; i >= blk; --i) {
                if (i >= end - d) {
                    std::copy(at(X, i), at(X, i) + L, at(S, i));
                    if constexpr (WithIndex)
                        std::copy(ownIndex(i), own + L, at(Si, i));
                } else {
                    combine(at(S, i), at(Si, i), at(X, i), WithIndex ? ownIndex(i) : nullptr,
                            at(S, i + d), at(Si, i + d));
                }
            }
        }
        // Window f (relative to b) spans elements f … f + (k−1)·d. Windows starting a block are
        // that whole block (its last prefix); the others are a suffix ⊕ the next block's prefix.
        // Results go to X (no longer needed), then back from lanes to rows.
        const int windows = e - b, reach = (k - 1) * d;
        Idx *Q = WithIndex ? Si : nullptr; // suffix indices are not needed once read
        for (int f = 0; f < windows; ++f) {
            const int l = f + reach;
            if ((f / d) % k == 0) {
                std::copy(at(P, l), at(P, l) + L, at(X, f));
                if constexpr (WithIndex)
                    std::copy(at(Pi, l), at(Pi, l) + L, at(Q, f));
            } else {
                combine(at(X, f), at(Q, f), at(S, f), at(Si, f), at(P, l), at(Pi, l));
            }
        }
        int f = 0;
        if constexpr (sizeof(A) == 4 && sizeof(Idx) == 4) {
            for (; f + L <= windows; f += L) {
                typename Lanes<A>::type v[L];
                std::memcpy(v, X + std::size_t(f) * L, sizeof v);
                transpose8<A>(v);
                for (int r = 0; r < lanes; ++r)
                    std::memcpy(h[r] + b + f, &v[r], sizeof v[r]);
                if constexpr (WithIndex) {
                    typename Lanes<Idx>::type q[L];
                    std::memcpy(q, Q + std::size_t(f) * L, sizeof q);
                    transpose8<Idx>(q);
                    for (int r = 0; r < lanes; ++r)
                        std::memcpy(hi[r] + b + f, &q[r], sizeof q[r]);
                }
            }
        }
        for (; f < windows; ++f) {
            const A *x = X + std::size_t(f) * L;
            for (int r = 0; r < lanes; ++r)
                h[r][b + f] = x[r];
            if constexpr (WithIndex) {
                const Idx *q = Q + std::size_t(f) * L;
                for (int r = 0; r < lanes; ++r)
                    hi[r][b + f] = q[r];
            }
        }
    }

    const Plan &m_plan;
    const Geometry &m_g;
    std::vector<A> m_hv, m_sv;       ///< band rows reduced along the columns; suffix blocks
    std::vector<Idx> m_hi, m_si;     ///< their flat indices
    std::vector<A> m_ov;             ///< sums of one output row
    std::vector<Idx> m_oi;           ///< indices of one output row
    std::vector<char> m_needed;      ///< band rows some window reads
    std::vector<A> m_tx, m_tp, m_ts; ///< rows in lanes: taps, prefixes, suffixes (running scheme)
    std::vector<Idx> m_tpi, m_tsi;
};

Plan makePlan(const Geometry &g, int planes, int threads)
{
    Plan plan;
    plan.g = &g;
    plan.rows = axisSpans(g.rows);
    plan.cols = axisSpans(g.cols);
    plan.colInterior = interior(g.cols, plan.cols);
    plan.p = g.params.p;
    if (g.params.mode == PoolMode::Avg)
        plan.divisors = divisorFactors(g.params, plan.rows, plan.cols);
    const bool sums = g.params.mode == PoolMode::Avg || g.params.mode == PoolMode::Lp;
    plan.runningCols = !g.cols.adaptive && g.cols.stride == 1 &&
                       g.cols.kernel >= (sums ? kRunningColsSumsFrom : kRunningColsFrom) &&
                       plan.colInterior.begin < plan.colInterior.end;
    plan.runningRows = !g.rows.adaptive && g.rows.stride == 1 && g.rows.kernel >= kRunningRowsFrom;
    // Bands of about 64 input rows (at least four windows' height) keep the reduced rows in
    // cache; enough bands that every thread has several.
    const int stride = std::max(g.rows.stride, 1);
    // The dilated kernel can exceed int (a 10⁶ kernel under SAME); only its order matters here.
    const std::int64_t extent = g.rows.adaptive ? std::max(g.rows.kernel, 1)
                                                : g.rows.effectiveKernel();
    const std::int64_t want = std::max<std::int64_t>(64, 4 * std::min<std::int64_t>(extent, 1 << 24));
    int band = int(std::max<std::int64_t>(1, std::min<std::int64_t>(want / stride, 1 << 24)));
    const int outH = g.outH();
    if (threads > 1)
        while (band > 4 && std::int64_t(planes) * ((outH + band - 1) / band) < 8 * threads)
            band /= 2;
    plan.bandRows = std::clamp(band, 1, std::max(outH, 1));
    return plan;
}

template <Reduce R, bool WithIndex, class Idx>
void poolWith(const Tensor &input, const Plan &plan, Tensor &values, IndexTensor *indices,
              int threads)
{
    const Geometry &g = *plan.g;
    const int outH = g.outH();
    const int bands = (outH + plan.bandRows - 1) / plan.bandRows;
    const int tasks = input.planeCount() * bands;
    // Spawning threads costs tens of microseconds: small inputs stay on the calling thread.
    if (input.size() < (std::size_t(1) << 16))
        threads = 1;
    threads = std::clamp(threads, 1, std::max(tasks, 1));
    std::vector<std::unique_ptr<BandPooler<R, WithIndex, Idx>>> workers(
        static_cast<std::size_t>(threads));
    parallelFor(tasks, threads, [&](int task, int worker) {
        auto &pooler = workers[std::size_t(worker)];
        if (!pooler)
            pooler = std::make_unique<BandPooler<R, WithIndex, Idx>>(plan);
        const int p = task / bands, band = task % bands;
        const int oy0 = band * plan.bandRows, oy1 = std::min(oy0 + plan.bandRows, outH);
        pooler->run(input.planeData(p), values.planeData(p),
                    WithIndex ? indices->planeData(p) : nullptr, oy0, oy1);
    });
}

template <Reduce R>
void poolMode(const Tensor &input, const Plan &plan, Tensor &values, IndexTensor *indices,
              int threads)
{
    if constexpr (isExtreme<R>) {
        if (indices) {
            // Flat indices h·W + w fit 32 bits for planes below 2³¹ cells.
            if (input.planeSize() < std::size_t(INT32_MAX))
                poolWith<R, true, std::int32_t>(input, plan, values, indices, threads);
            else
                poolWith<R, true, std::int64_t>(input, plan, values, indices, threads);
            return;
        }
    }
    poolWith<R, false, std::int32_t>(input, plan, values, nullptr, threads);
}

} // namespace

void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads)
{
    if (input.planeCount() == 0 || g.outH() == 0 || g.outW() == 0)
        return;
    const Plan plan = makePlan(g, input.planeCount(), threads);
    switch (g.params.mode) {
    case PoolMode::Max:
        poolMode<Reduce::Max>(input, plan, values, indices, threads);
        break;
    case PoolMode::Min:
        poolMode<Reduce::Min>(input, plan, values, indices, threads);
        break;
    case PoolMode::Avg:
        poolMode<Reduce::Sum>(input, plan, values, nullptr, threads);
        break;
    case PoolMode::Lp:
        poolMode<Reduce::PowSum>(input, plan, values, nullptr, threads);
        break;
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
