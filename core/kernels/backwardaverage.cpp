// The average backward kernels (see backwardplanes.h). Compiled twice, like every
// kernel source (baseline and AVX2, see isa.h and core/CMakeLists.txt).
#include "backwardbands.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

/// Up to this many taps, stride-1 average shares are spread along a row by a vector pass per tap;
/// beyond it by a running sum (one add and one subtract per cell, but serial).
constexpr int kDirectSpreadUpTo = 8;
/// From this many windows per input row on, stride-1 average rows are summed by a running sum
/// down the rows rather than row by row.
constexpr int kRunningRowsFrom = 4;
/// Average backward keeps the spread rows of every window reading an input row in a ring, up to
/// this many windows per row and this many values in all (per thread); beyond, it adds each
/// spread row to its rows instead.
constexpr int kMostReaders = 64;
constexpr std::int64_t kRingValues = std::int64_t(1) << 22;

/// For every index of an axis's input, the outputs whose windows read it, in increasing order
/// (compressed rows: the readers of i are list[offsets[i]] … list[offsets[i + 1] − 1]).
struct Readers
{
    std::vector<std::int64_t> offsets;
    std::vector<int> list;
    int most = 0; ///< the largest number of readers of one index

    Readers(const std::vector<AxisSpan> &spans, int in)
    {
        offsets.assign(std::size_t(in) + 1, 0);
        for (const AxisSpan &s : spans)
            for (int t = 0; t < s.count; ++t)
                ++offsets[std::size_t(s.first + t * s.step) + 1];
        for (std::size_t i = 0; i < std::size_t(in); ++i) {
            most = std::max(most, int(offsets[i + 1]));
            offsets[i + 1] += offsets[i];
        }
        list.resize(std::size_t(offsets.back()));
        std::vector<std::int64_t> at(offsets.begin(), offsets.end() - 1);
        for (int o = 0; o < int(spans.size()); ++o) {
            const AxisSpan &s = spans[std::size_t(o)];
            for (int t = 0; t < s.count; ++t)
                list[std::size_t(at[std::size_t(s.first + t * s.step)]++)] = o;
        }
    }
    const int *begin(int i) const { return list.data() + offsets[std::size_t(i)]; }
    const int *end(int i) const { return list.data() + offsets[std::size_t(i) + 1]; }
    int count(int i) const { return int(offsets[std::size_t(i) + 1] - offsets[std::size_t(i)]); }
};

/// Average: spreads each output row's shares along the columns (double, kept in a ring while
/// rows read them) and sums, for each input row, the spread rows of its windows.
class AverageBands
{
public:
    AverageBands(const Plan &plan, const DivisorFactors &div, bool stream)
        : m_plan(plan), m_g(*plan.g), m_w(std::size_t(m_g.inW())), m_outW(std::size_t(m_g.outW())),
          m_stream(stream)
    {
        if (m_stream)
            m_row.resize(m_w);
        const AxisGeometry &c = m_g.cols, &r = m_g.rows;
        m_unitCols = !c.adaptive && c.stride == 1;
        m_runningCols = m_unitCols && c.dilation == 1 && c.kernel > kDirectSpreadUpTo;
        m_runningRows = !r.adaptive && r.stride == 1 && r.dilation == 1;
        m_inverseRows.reserve(div.rows.size());
        for (const double f : div.rows)
            m_inverseRows.push_back(1.0 / f);
        for (const double f : div.cols)
            m_inverseCols.push_back(1.0 / f);
        m_q.resize(m_outW);
        m_acc.resize(m_w);
        m_nonzero.resize(m_w);
    }

    void run(const float *go, float *gi, int r0, int r1, const Readers &readers)
    {
        const std::size_t W = m_w;
        const int most = readers.most;
        if (m_slots != most + 1) {
            m_slots = most + 1;
            m_spread.resize(std::size_t(m_slots) * W);
            m_finite.resize(std::size_t(m_slots));
        }
        m_go = go;
        m_tags.assign(std::size_t(m_slots), -1);
        const bool running = m_runningRows && most >= kRunningRowsFrom;
        bool accValid = false; // m_acc holds the sum for row r − 1, exactly the running way
        for (int r = r0; r < r1; ++r) {
            float *dst = gi + std::size_t(r) * W;
            // A large gradient is built a row at a time in cache and streamed out.
            float *out = m_stream ? m_row.data() : dst;
            sumRow(r, out, readers, running, accValid);
            if (m_stream)
                streamRow(dst, out, W);
        }
    }

    /// Input row r of the gradient into `out`: the sum of its readers' spread rows.
    void sumRow(int r, float *__restrict out, const Readers &readers, bool running, bool &accValid)
    {
        const std::size_t W = m_w;
        const int *b = readers.begin(r), *e = readers.end(r);
        const int n = int(e - b);
        if (n == 0) {
            std::fill(out, out + W, 0.0f);
            accValid = false;
            return;
        }
        if (running && accValid) {
            // Stride 1, no dilation: the readers of r are those of r − 1 minus the ones that
            // left, plus the ones that entered. Leavers first: their slots may be reused.
            const int *pb = readers.begin(r - 1), *pe = readers.end(r - 1);
            bool finite = true;
            double *__restrict acc = m_acc.data();
            std::int32_t *__restrict nonzero = m_nonzero.data();
            for (const int *o = pb; o != pe && *o < *b; ++o) {
                const int slot = slotOf(*o);
                finite &= m_finite[std::size_t(slot)];
                const double *__restrict sp = spreadRow(slot);
                for (std::size_t c = 0; c < W; ++c) {
                    acc[c] -= sp[c];
                    nonzero[c] -= sp[c] != 0.0;
                }
            }
            for (const int *o = b; o != e; ++o)
                finite &= m_finite[std::size_t(ensure(*o, b, e))];
            if (finite) {
                for (const int *o = b; o != e; ++o)
                    if (*o > *(pe - 1)) {
                        const double *__restrict sp = spreadRow(slotOf(*o));
                        for (std::size_t c = 0; c < W; ++c) {
                            acc[c] += sp[c];
                            nonzero[c] += sp[c] != 0.0;
                        }
                    }
                // Where no reader has a share left, the sum is 0 exactly: what added and
                // subtracted shares leave behind (5·10⁻¹⁷ after a few shares of g/9) is dropped,
                // here and for the rows below.
                for (std::size_t c = 0; c < W; ++c) {
                    acc[c] = nonzero[c] == 0 ? 0.0 : acc[c];
                    out[c] = float(acc[c]);
                }
                return;
            }
        }
        // The sum of the readers' spread rows, in output order.
        bool finite = true;
        for (const int *o = b; o != e; ++o)
            finite &= m_finite[std::size_t(ensure(*o, b, e))];
        const double *__restrict s0 = spreadRow(slotOf(*b));
        if (n == 1 && !running) {
            for (std::size_t c = 0; c < W; ++c)
                out[c] = float(s0[c]);
            return;
        }
        if (n == 2 && !running) {
            const double *__restrict s1 = spreadRow(slotOf(b[1]));
            for (std::size_t c = 0; c < W; ++c)
                out[c] = float(s0[c] + s1[c]);
            return;
        }
        if (n == 3 && !running) {
            const double *__restrict s1 = spreadRow(slotOf(b[1]));
            const double *__restrict s2 = spreadRow(slotOf(b[2]));
            for (std::size_t c = 0; c < W; ++c)
                out[c] = float((s0[c] + s1[c]) + s2[c]);
            return;
        }
        double *__restrict acc = m_acc.data();
        std::copy(s0, s0 + W, acc);
        for (const int *o = b + 1; o != e; ++o) {
            const double *__restrict sp = spreadRow(slotOf(*o));
            for (std::size_t c = 0; c < W; ++c)
                acc[c] += sp[c];
        }
        for (std::size_t c = 0; c < W; ++c)
            out[c] = float(acc[c]);
        accValid = running && finite;
        if (accValid) {
            // How many readers have a nonzero share in each column, for the running sums.
            std::int32_t *__restrict nonzero = m_nonzero.data();
            std::fill(nonzero, nonzero + W, 0);
            for (const int *o = b; o != e; ++o) {
                const double *__restrict sp = spreadRow(slotOf(*o));
                for (std::size_t c = 0; c < W; ++c)
                    nonzero[c] += sp[c] != 0.0;
            }
        }
    }

    /// The same without the readers' lists: each output row reaching the band is spread once
    /// and added to the band's rows it reads (float sums, in output order).
    void runAdding(const float *go, float *gi, int r0, int r1)
    {
        const std::size_t W = m_w;
        m_go = go;
        ZeroFrontier(gi, int(W), r0).upTo(r1);
        if (m_spread.size() < W)
            m_spread.resize(W);
        m_tags.assign(m_tags.size(), -1); // the ring's first row is overwritten
        double *sp = m_spread.data();
        const auto [oy0, oy1] = m_plan.outputRange(r0, r1);
        for (int oy = oy0; oy <= oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            if (!readsRows(s, r0, r1))
                continue;
            spread(oy, sp);
            const std::int64_t t0 =
                r0 <= s.first ? 0 : (std::int64_t(r0) - s.first + s.step - 1) / s.step;
            for (std::int64_t t = t0; t < s.count; ++t) {
                const std::int64_t r = s.first + t * s.step;
                if (r >= r1)
                    break;
                float *__restrict out = gi + std::size_t(r) * W;
                for (std::size_t c = 0; c < W; ++c)
                    out[c] += float(sp[c]);
            }
        }
    }

private:
    double *spreadRow(int slot) { return m_spread.data() + std::size_t(slot) * m_w; }

    int slotOf(int oy) const
    {
        for (int i = 0; i < m_slots; ++i)
            if (m_tags[std::size_t(i)] == oy)
                return i;
        return -1; // not reached: callers ensure() first
    }

    /// The slot holding output row `oy` spread along the columns, spreading it if needed into
    /// the oldest slot not holding one of the readers [b, e).
    int ensure(int oy, const int *b, const int *e)
    {
        int victim = -1;
        for (int i = 0; i < m_slots; ++i) {
            const int tag = m_tags[std::size_t(i)];
            if (tag == oy)
                return i;
            if (std::find(b, e, tag) == e && (victim < 0 || tag < m_tags[std::size_t(victim)]))
                victim = i;
        }
        m_tags[std::size_t(victim)] = oy;
        m_finite[std::size_t(victim)] = spread(oy, spreadRow(victim));
        return victim;
    }

    /// sp[c] = Σ share of window (oy, ox) over the windows ox reading column c (g/divisor in
    /// double). Returns whether every value is finite.
    bool spread(int oy, double *__restrict sp)
    {
        const AxisGeometry &a = m_g.cols;
        const int outW = int(m_outW), W = int(m_w);
        const float *g = m_go + std::size_t(oy) * m_outW;
        const double inverseRow = m_inverseRows[std::size_t(oy)];
        double *__restrict q = m_q.data();
        // A share is finite when its upstream value is (the factors are at most 1). The test
        // on the float's exponent bits as integers vectorises.
        std::uint32_t special = 0;
        for (int ox = 0; ox < outW; ++ox) {
            const std::uint32_t u = std::bit_cast<std::uint32_t>(g[ox]);
            special |= std::uint32_t((u & 0x7f800000u) == 0x7f800000u);
        }
        const bool finiteShares = special == 0;
        const double *__restrict inverseCols = m_inverseCols.data();
        for (int ox = 0; ox < outW; ++ox)
            q[ox] = double(g[ox]) * (inverseRow * inverseCols[ox]);
        if (m_runningCols && finiteShares) {
            // Windows [c + pb − k + 1, c + pb] ∩ [0, outW) read column c: slide along the row.
            const std::int64_t pb = a.padBefore, k = a.kernel;
            std::int64_t lo = 0, hi = -1; // sum = q[lo] + … + q[hi]
            double sum = 0.0;
            int nonzero = 0; // how many of q[lo … hi] are not 0
            for (int c = 0; c < W; ++c) {
                const std::int64_t l = std::max<std::int64_t>(0, c + pb - k + 1);
                const std::int64_t h = std::min<std::int64_t>(outW - 1, c + pb);
                for (; lo < l && lo <= hi; ++lo) {
                    sum -= q[lo];
                    nonzero -= q[lo] != 0.0;
                }
                if (lo > hi) { // nothing left: restart exactly at 0
                    lo = std::max(lo, l);
                    hi = lo - 1;
                    sum = 0.0;
                    nonzero = 0;
                }
                for (; hi < h; ++hi) {
                    sum += q[hi + 1];
                    nonzero += q[hi + 1] != 0.0;
                }
                // No share left but a residue of the adds and subtracts: exactly 0 (see sumRow).
                if (nonzero == 0)
                    sum = 0.0;
                sp[c] = sum;
            }
            return true;
        }
        if (m_unitCols) {
            // Window ox reads column c = ox − pb + t·d. Where all k windows exist, one pass adds
            // them in increasing ox (decreasing t); the columns near the ends add those there.
            const std::int64_t pb = a.padBefore, d = a.dilation, k = a.kernel;
            const std::int64_t base = pb - (k - 1) * d; // the first window of column c: c + base
            std::int64_t cA = std::clamp<std::int64_t>(-base, 0, W);
            std::int64_t cB = std::clamp<std::int64_t>(outW - pb, cA, W);
            if (!spreadFull(q, sp, cA, cB, base, d, k))
                cA = cB = 0; // longer dilated windows: every column as at the ends
            auto edge = [&](std::int64_t c) {
                // Only the taps t whose window ox = c + pb − t·d exists: a huge kernel (SAME
                // padding allows one) costs the windows, not k.
                const std::int64_t top = c + pb; // ox at t = 0
                double sum = 0.0;
                if (top >= 0) {
                    const std::int64_t tHi = std::min(k - 1, top / d);
                    const std::int64_t tLo = top < outW ? 0 : (top - (outW - 1) + d - 1) / d;
                    for (std::int64_t t = tHi; t >= tLo; --t)
                        sum += q[top - t * d];
                }
                sp[c] = sum;
            };
            for (std::int64_t c = 0; c < cA; ++c)
                edge(c);
            for (std::int64_t c = cB; c < W; ++c)
                edge(c);
        } else {
            // Strided or adaptive windows: the full ones a vector pass per tap, the others
            // tap by tap.
            std::fill(sp, sp + W, 0.0);
            const Interior in = m_plan.colInterior;
            auto edge = [&](int ox) {
                const AxisSpan &c = m_plan.cols[std::size_t(ox)];
                for (int t = 0; t < c.count; ++t)
                    sp[c.first + t * c.step] += q[ox];
            };
            for (int ox = 0; ox < in.begin; ++ox)
                edge(ox);
            if (in.end > in.begin) {
                const std::size_t s = std::size_t(a.stride), d = std::size_t(a.dilation);
                double *first = sp + (std::int64_t(in.begin) * a.stride - a.padBefore);
                const double *qs = q + in.begin;
                const std::size_t n = std::size_t(in.end - in.begin);
                for (std::size_t t = 0; t < std::size_t(a.kernel); ++t) {
                    double *__restrict tap = first + t * d;
                    for (std::size_t i = 0; i < n; ++i)
                        tap[i * s] += qs[i];
                }
            }
            for (int ox = std::max(in.end, in.begin); ox < outW; ++ox)
                edge(ox);
        }
        // Finite shares have finite sums (in double, far from overflowing).
        return finiteShares;
    }

    template <int K>
    static bool spreadFullOf(const double *__restrict q, double *__restrict sp, std::int64_t cA,
                             std::int64_t cB, std::int64_t base, std::int64_t d)
    {
        for (std::int64_t c = cA; c < cB; ++c) {
            const double *w = q + (c + base);
            double sum = w[0];
            for (int u = 1; u < K; ++u)
                sum += w[std::int64_t(u) * d];
            sp[c] = sum;
        }
        return true;
    }
    using SpreadFull = bool (*)(const double *, double *, std::int64_t, std::int64_t, std::int64_t,
                                std::int64_t);
    template <std::size_t... K>
    static constexpr std::array<SpreadFull, sizeof...(K)> spreadTable(std::index_sequence<K...>)
    {
        return {&spreadFullOf<int(K) + 1>...};
    }
    /// sp[c] = q[c + base] + q[c + base + d] + … (k terms) for c in [cA, cB), in one vector pass
    /// for k ≤ 8; false (nothing written) for larger k.
    static bool spreadFull(const double *q, double *sp, std::int64_t cA, std::int64_t cB,
                           std::int64_t base, std::int64_t d, std::int64_t k)
    {
        static constexpr auto table = spreadTable(std::make_index_sequence<kDirectSpreadUpTo>());
        if (k < 1 || k > kDirectSpreadUpTo)
            return false;
        return table[std::size_t(k - 1)](q, sp, cA, cB, base, d);
    }

    const Plan &m_plan;
    const Geometry &m_g;
    std::size_t m_w;
    std::size_t m_outW;
    bool m_stream = false;    ///< stream rows out (see streamRow)
    std::vector<float> m_row; ///< one gradient row when streaming
    bool m_unitCols = false;
    bool m_runningCols = false;
    bool m_runningRows = false;
    std::vector<double> m_inverseRows;
    std::vector<double> m_inverseCols;
    const float *m_go = nullptr;
    int m_slots = 0;
    std::vector<int> m_tags;
    std::vector<double> m_spread;        ///< m_slots spread rows
    std::vector<char> m_finite;          ///< per slot: every value of its spread row is finite
    std::vector<double> m_q;             ///< one output row's shares
    std::vector<double> m_acc;           ///< one input row's running sum
    std::vector<std::int32_t> m_nonzero; ///< per column, the readers in m_acc with a share ≠ 0
};

/// Whether no two windows of the axis share an input index (stride ≥ kernel, no dilation).
bool disjoint(const AxisGeometry &a)
{
    return !a.adaptive && a.dilation == 1 && a.stride >= a.kernel;
}

/// For every input index of an axis, the output whose window reads it, or −1.
std::vector<int> ownerOf(const std::vector<AxisSpan> &spans, int in)
{
    std::vector<int> owner(std::size_t(in), -1);
    for (int o = 0; o < int(spans.size()); ++o) {
        const AxisSpan &s = spans[std::size_t(o)];
        for (int t = 0; t < s.count; ++t)
            owner[std::size_t(s.first + t * s.step)] = o;
    }
    return owner;
}

/// Average over windows that share no input cell along either axis (2×2/2 and the like): every
/// input row is its window row's shares g/divisor, each window's repeated along its columns, or
/// zero. Each share is formed in double and rounded once, as everywhere (0 + share: a −0
/// upstream gives +0, like a sum); the row is built once per window row, in cache, and written
/// (streamed when large) to each of its input rows.
void disjointAverageBackward(const Tensor &input, const Plan &plan, const DivisorFactors &div,
                             const Tensor &gradOutput, Tensor &grad, int threads)
{
    const Geometry &g = *plan.g;
    const int W = input.w(), outW = g.outW();
    const std::vector<int> rowOwner = ownerOf(plan.rows, input.h());
    const std::vector<int> colOwner = ownerOf(plan.cols, W);
    std::vector<double> inverseCols(div.cols.size());
    for (std::size_t i = 0; i < div.cols.size(); ++i)
        inverseCols[i] = 1.0 / div.cols[i];
    // Full 2-wide windows at stride 2 (no gap): window i covers cells start + 2i and the next.
    const bool pairs = g.cols.kernel == 2 && g.cols.stride == 2;
    const Interior in = plan.colInterior;
    const bool stream = grad.size() >= kStreamGradientFrom;
    struct Scratch
    {
        std::vector<float> shares, row;
        int rowOf = -1; ///< the output row `row` holds
    };
    std::vector<Scratch> scratch(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        Scratch &sc = scratch[std::size_t(worker)];
        sc.shares.resize(std::size_t(outW));
        sc.row.resize(std::size_t(W));
        sc.rowOf = -1;
        const float *go = gradOutput.planeData(p);
        float *gi = grad.planeData(p);
        for (int r = r0; r < r1; ++r) {
            const int oy = rowOwner[std::size_t(r)];
            float *__restrict row = sc.row.data();
            if (oy < 0) {
                std::fill(row, row + W, 0.0f);
                sc.rowOf = -1;
            } else if (oy != sc.rowOf) {
                const float *gy = go + std::size_t(oy) * std::size_t(outW);
                const double inverseRow = 1.0 / div.rows[std::size_t(oy)];
                float *__restrict q = sc.shares.data();
                for (int ox = 0; ox < outW; ++ox)
                    q[ox] =
                        float(0.0 + double(gy[ox]) * (inverseRow * inverseCols[std::size_t(ox)]));
                int c = 0;
                if (pairs && in.end > in.begin) {
                    const int start = int(std::int64_t(in.begin) * 2 - g.cols.padBefore);
                    for (; c < start; ++c)
                        row[c] = colOwner[std::size_t(c)] < 0 ? 0.0f : q[colOwner[std::size_t(c)]];
                    const int n = in.end - in.begin;
                    const float *qi = q + in.begin;
                    float *__restrict cells = row + start;
                    for (int i = 0; i < n; ++i) {
                        cells[2 * i] = qi[i];
                        cells[2 * i + 1] = qi[i];
                    }
                    c = start + 2 * n;
                }
                for (; c < W; ++c)
                    row[c] = colOwner[std::size_t(c)] < 0 ? 0.0f : q[colOwner[std::size_t(c)]];
                sc.rowOf = oy;
            }
            float *dst = gi + std::size_t(r) * std::size_t(W);
            if (stream)
                streamRow(dst, row, W);
            else
                std::copy(row, row + W, dst);
        }
        if (stream)
            storeFence();
    });
}

} // namespace

void averageBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads)
{
    const DivisorFactors div = divisorFactors(plan.g->params, plan.rows, plan.cols);
    if (disjoint(plan.g->rows) && disjoint(plan.g->cols)) {
        disjointAverageBackward(input, plan, div, gradOutput, grad, threads);
        return;
    }
    if (smallAverageWindows(plan)) {
        smallAverageBackward(input, plan, gradOutput, grad, threads);
        return;
    }
    // The readers' lists and the ring of spread rows grow with the windows reading one input
    // row: above kMostReaders (huge kernels, possible under SAME padding) or a ring above
    // kRingValues, each output row's spread is added to its rows instead (one spread row).
    const int H = input.h();
    std::int64_t taps = 0;
    for (const AxisSpan &s : plan.rows)
        taps += s.count;
    std::optional<Readers> readers;
    if (taps <= std::int64_t(kMostReaders) * H) {
        readers.emplace(plan.rows, H);
        if (readers->most > kMostReaders ||
            (std::int64_t(readers->most) + 1) * input.w() > kRingValues)
            readers.reset();
    }
    const bool stream = grad.size() >= kStreamGradientFrom;
    std::vector<std::unique_ptr<AverageBands>> workers(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        auto &w = workers[std::size_t(worker)];
        if (!w)
            w = std::make_unique<AverageBands>(plan, div, stream);
        if (readers)
            w->run(gradOutput.planeData(p), grad.planeData(p), r0, r1, *readers);
        else
            w->runAdding(gradOutput.planeData(p), grad.planeData(p), r0, r1);
        storeFence();
    });
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
