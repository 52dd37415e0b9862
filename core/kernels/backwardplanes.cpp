// The backward kernels (see backwardplanes.h). About 1400 lines in one file on purpose: it is
// compiled twice, like planepool.cpp (baseline and AVX2, see core/CMakeLists.txt), which is
// simplest for a single translation unit, and the max/min, average and Lp band writers share its
// plan, its bands and its streaming stores. Everything here lives in the namespace of its copy.
#include "backwardplanes.h"

#include "isa.h"
#include "planepool.h"
#include "threads.h"

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstdint>
#include <limits>
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

constexpr float kInf = std::numeric_limits<float>::infinity();
/// Up to this many taps per axis, max/min find each window's argmax directly (a column pass per
/// tap, a row combine per tap); beyond it they take the forward kernels' indices, whose cost does
/// not grow with the kernel.
constexpr int kDirectArgmaxUpTo = 8;
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
/// Gradients of this many values or more (32 MB, beyond what caches keep) are written with
/// streaming stores where a row is written whole.
constexpr std::size_t kStreamFrom = std::size_t(1) << 23;

enum class Extreme
{
    Max,
    Min
};

/// PyTorch's rule (as in planepool.cpp): a value replaces the best so far if it beats it or is
/// NaN, so ties keep the first tap and the last NaN wins. Bitwise |: no branch, loops vectorise.
template <Extreme E> inline bool takes(float v, float best)
{
    if constexpr (E == Extreme::Max)
        return (v > best) | (v != v);
    else
        return (v < best) | (v != v);
}

#if defined(POOLVIZ_KERNEL_AVX2)
/// The lanes of v where `codes` equals c, +0 elsewhere (a mask, never a product: ±∞ and NaN
/// stay out of the lanes they do not belong to).
inline __m256 where(__m256i codes, std::int32_t c, __m256 v)
{
    return _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(codes, _mm256_set1_epi32(c))), v);
}
#endif

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

/// Whether output row `s` reads an input row in [r0, r1). O(1).
bool readsRows(const AxisSpan &s, int r0, int r1)
{
    if (s.count == 0)
        return false;
    // The first tap at or after r0: t = ⌈(r0 − first) / step⌉, at least 0.
    const std::int64_t t = r0 <= s.first ? 0 : (std::int64_t(r0) - s.first + s.step - 1) / s.step;
    return t < s.count && s.first + t * s.step < r1;
}

/// What every band of every plane shares.
struct Plan
{
    const Geometry *g = nullptr;
    std::vector<AxisSpan> rows;
    std::vector<AxisSpan> cols;
    Interior colInterior;
    int bandRows = 1; ///< input rows per band: fixed by the geometry, never by the thread count

    /// Where the window of output row o starts (padding included): no later window starts
    /// above it.
    std::int64_t extentStart(int o) const
    {
        const AxisGeometry &a = g->rows;
        return a.adaptive ? rows[std::size_t(o)].first : std::int64_t(o) * a.stride - a.padBefore;
    }

    /// The output rows whose windows reach into input rows [r0, r1): [first, last], empty
    /// (first > last) if none. Window extents (padding included) move down monotonically, so
    /// these are a range, found by bisection; some of them may still read no row there (their
    /// taps skip it, or lie in the padding), which readsRows tells.
    std::pair<int, int> outputRange(int r0, int r1) const
    {
        const AxisGeometry &a = g->rows;
        const auto extent = [&](int o) -> std::pair<std::int64_t, std::int64_t> {
            if (a.adaptive) {
                const AxisSpan &s = rows[std::size_t(o)];
                return {s.first, std::int64_t(s.first) + s.count - 1};
            }
            const std::int64_t start = std::int64_t(o) * a.stride - a.padBefore;
            return {start, start + (std::int64_t(a.kernel) - 1) * a.dilation};
        };
        int lo = 0, hi = int(rows.size()); // first o whose extent ends at or after r0
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (extent(mid).second < r0)
                lo = mid + 1;
            else
                hi = mid;
        }
        const int first = lo;
        hi = int(rows.size()); // first o whose extent starts at or after r1
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (extent(mid).first < r1)
                lo = mid + 1;
            else
                hi = mid;
        }
        return {first, lo - 1};
    }
};

Plan makePlan(const Geometry &g)
{
    Plan plan;
    plan.g = &g;
    plan.rows = axisSpans(g.rows);
    plan.cols = axisSpans(g.cols);
    plan.colInterior = interior(g.cols, plan.cols);
    // 64 input rows, or four windows' height for tall windows (a band re-visits the windows that
    // straddle its top edge); the same whatever the thread count, so that running sums restart
    // at the same rows and the results do not depend on it.
    const std::int64_t extent =
        g.rows.adaptive ? std::max(g.rows.kernel, 1) : g.rows.effectiveKernel();
    plan.bandRows = int(std::min<std::int64_t>(
        std::max<std::int64_t>(64, 4 * std::min<std::int64_t>(extent, 1 << 24)),
        std::max(g.inH(), 1)));
    return plan;
}

int maxCount(const std::vector<AxisSpan> &spans)
{
    int m = 0;
    for (const AxisSpan &s : spans)
        m = std::max(m, s.count);
    return m;
}

/// Zeroes input rows lazily, in increasing order, just before they are first written.
class ZeroFrontier
{
public:
    ZeroFrontier(float *plane, int W, int from) : m_plane(plane), m_w(W), m_next(from) {}
    /// Rows up to `row` (exclusive) are zero or written.
    void upTo(int row)
    {
        if (row > m_next) {
            std::fill(m_plane + std::size_t(m_next) * std::size_t(m_w),
                      m_plane + std::size_t(row) * std::size_t(m_w), 0.0f);
            m_next = row;
        }
    }

private:
    float *m_plane;
    int m_w;
    int m_next;
};

/// Copies n floats to dst with non-temporal (streaming) stores where the instruction set has
/// them: a streaming store does not first read the line it writes, a third of the memory
/// traffic of writing a large gradient that is not read again soon. Call streamed() before the
/// rows are read by another thread.
void streamRow(float *dst, const float *src, std::size_t n)
{
#if defined(__SSE2__)
    std::size_t i = 0;
    for (; i < n && (reinterpret_cast<std::uintptr_t>(dst + i) & 31) != 0; ++i)
        dst[i] = src[i];
#if defined(POOLVIZ_KERNEL_AVX2)
    for (; i + 8 <= n; i += 8)
        _mm256_stream_ps(dst + i, _mm256_loadu_ps(src + i));
#endif
    for (; i + 4 <= n; i += 4)
        _mm_stream_ps(dst + i, _mm_loadu_ps(src + i));
    for (; i < n; ++i)
        dst[i] = src[i];
#else
    std::copy(src, src + n, dst);
#endif
}

/// Orders the streaming stores before what follows (the join of the threads).
void streamed()
{
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

/// The gradient rows a band writes, zeroed just before they are first written: in place, or,
/// for a large gradient, staged in a small buffer of `cap` rows and streamed out (streamRow) once
/// no later window reaches them. Cell (r, c) is rows()[r·W + c − offset()].
class GradientRows
{
public:
    GradientRows(float *plane, int W, int r0, int cap, std::vector<float> &buffer)
        : m_plane(plane), m_w(std::size_t(W)), m_base(r0), m_next(r0), m_cap(cap), m_buffer(buffer)
    {
        if (m_cap > 0 && m_buffer.size() < std::size_t(m_cap) * m_w)
            m_buffer.resize(std::size_t(m_cap) * m_w);
    }

    /// Rows below `row` are zero or written; no later window reaches a row below `done`.
    void upTo(int row, int done)
    {
        if (row <= m_next)
            return;
        if (m_cap == 0) {
            std::fill(m_plane + std::size_t(m_next) * m_w, m_plane + std::size_t(row) * m_w, 0.0f);
            m_next = row;
            return;
        }
        if (row - m_base > m_cap)
            flush(std::clamp(done, m_base, m_next));
        std::fill(slot(m_next), slot(row), 0.0f);
        m_next = row;
    }
    /// All rows below `r1` are final: zeroes the rest and streams everything out.
    void finish(int r1)
    {
        upTo(r1, r1);
        if (m_cap > 0) {
            flush(m_next);
            streamed();
        }
    }

    float *rows() { return m_cap == 0 ? m_plane : m_buffer.data(); }
    std::int64_t offset() const
    {
        return m_cap == 0 ? 0 : std::int64_t(m_base) * std::int64_t(m_w);
    }

private:
    float *slot(int row) { return m_buffer.data() + std::size_t(row - m_base) * m_w; }
    /// Streams rows [m_base, done) out and moves the rest to the front.
    void flush(int done)
    {
        for (int r = m_base; r < done; ++r)
            streamRow(m_plane + std::size_t(r) * m_w, slot(r), m_w);
        std::copy(slot(done), slot(m_next), m_buffer.data());
        m_base = done;
    }

    float *m_plane;
    std::size_t m_w;
    int m_base; ///< the first row in the buffer
    int m_next; ///< rows [m_base, m_next) are in the buffer
    int m_cap;
    std::vector<float> &m_buffer;
};

/// Max/min: the argmax of every window of an output row, from input rows reduced along the
/// columns (each kept in a small ring while windows read it), and the upstream gradient added at
/// it. Owns the scratch buffers of one thread.
template <Extreme E, class Idx> class ArgmaxBands
{
public:
    explicit ArgmaxBands(const Plan &plan)
        : m_plan(plan), m_g(*plan.g), m_outW(std::size_t(m_g.outW())),
          m_slots(maxCount(plan.rows) + 1)
    {
        m_hv.resize(std::size_t(m_slots) * m_outW);
        m_hi.resize(std::size_t(m_slots) * m_outW);
        m_bv.resize(m_outW);
        m_bi.resize(m_outW);
    }

    /// Writes input rows [r0, r1) of the gradient plane `gi`; staged through `stageRows` rows
    /// and streamed out when that is not 0.
    void run(const float *x, const float *go, float *gi, int r0, int r1, int stageRows)
    {
        const int W = m_g.inW();
        m_tags.assign(std::size_t(m_slots), -1);
        GradientRows out(gi, W, r0, stageRows, m_stage);
        const auto [oy0, oy1] = m_plan.outputRange(r0, r1);
        const std::int64_t lo = std::int64_t(r0) * W, hi = std::int64_t(r1) * W;
        for (int oy = oy0; oy <= oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            if (!readsRows(s, r0, r1))
                continue;
            windowRow(x, s);
            const int last = s.first + (s.count - 1) * s.step;
            out.upTo(std::min(r1, last + 1),
                     int(std::clamp<std::int64_t>(m_plan.extentStart(oy), r0, r1)));
            float *rows = out.rows();
            const std::int64_t offset = out.offset();
            const float *g = go + std::size_t(oy) * m_outW;
            const Idx *bi = m_bi.data();
            if (s.first >= r0 && last < r1) {
                // The whole window row lies in the band: every index is in it, or −1.
                for (std::size_t ox = 0; ox < m_outW; ++ox)
                    if (bi[ox] >= 0)
                        rows[bi[ox] - offset] += g[ox];
                continue;
            }
            for (std::size_t ox = 0; ox < m_outW; ++ox) {
                const std::int64_t at = bi[ox];
                if (at >= lo && at < hi)
                    rows[at - offset] += g[ox];
            }
        }
        out.finish(r1);
    }

private:
    /// m_bv/m_bi = the extreme of every window of output row span `s` and its flat index.
    void windowRow(const float *x, const AxisSpan &s)
    {
        const std::size_t n = m_outW;
        float *__restrict bv = m_bv.data();
        Idx *__restrict bi = m_bi.data();
        for (int t = 0; t < s.count; ++t) {
            const int slot = reduced(x, s, s.first + t * s.step);
            const float *__restrict hv = m_hv.data() + std::size_t(slot) * n;
            const Idx *__restrict hi = m_hi.data() + std::size_t(slot) * n;
            if (t == 0) {
                std::copy(hv, hv + n, bv);
                std::copy(hi, hi + n, bi);
                continue;
            }
            for (std::size_t ox = 0; ox < n; ++ox) {
                const bool take = takes<E>(hv[ox], bv[ox]);
                bv[ox] = take ? hv[ox] : bv[ox];
                bi[ox] = take ? hi[ox] : bi[ox];
            }
        }
    }

    /// The ring slot holding input row `r` reduced along the columns, reducing it if needed
    /// into a slot that no tap row of the window `s` holds.
    int reduced(const float *x, const AxisSpan &s, int r)
    {
        int victim = -1;
        for (int i = 0; i < m_slots; ++i) {
            const int tag = m_tags[std::size_t(i)];
            if (tag == r)
                return i;
            const bool needed = tag >= s.first && (tag - s.first) % s.step == 0 &&
                                (tag - s.first) / s.step < s.count;
            if (!needed && (victim < 0 || tag < m_tags[std::size_t(victim)]))
                victim = i;
        }
        m_tags[std::size_t(victim)] = r;
        // The next input row is usually read next: ask for it now (measured: the reduction
        // otherwise waits on memory for much of its time).
        if (r + 1 < m_g.inH()) {
            const float *next = x + std::size_t(r + 1) * std::size_t(m_g.inW());
            for (int c = 0; c < m_g.inW(); c += 16)
                __builtin_prefetch(next + c);
        }
        reduceRow(x + std::size_t(r) * std::size_t(m_g.inW()), Idx(r) * Idx(m_g.inW()),
                  m_hv.data() + std::size_t(victim) * m_outW,
                  m_hi.data() + std::size_t(victim) * m_outW);
        return victim;
    }

    /// The extreme of every column window of input row `row` (flat index of its first cell
    /// `base`) and its flat index; −∞/+∞ and −1 for a window without columns.
    void reduceRow(const float *row, Idx base, float *__restrict hv, Idx *__restrict hi)
    {
        const int outW = int(m_outW);
        const Interior in = m_plan.colInterior;
        auto edge = [&](int ox) {
            const AxisSpan &c = m_plan.cols[std::size_t(ox)];
            float best = E == Extreme::Max ? -kInf : kInf;
            Idx at = -1;
            for (int t = 0; t < c.count; ++t) {
                const int col = c.first + t * c.step;
                if (t == 0 || takes<E>(row[col], best)) {
                    best = row[col];
                    at = base + Idx(col);
                }
            }
            hv[ox] = best;
            hi[ox] = at;
        };
        for (int ox = 0; ox < in.begin; ++ox)
            edge(ox);
        if (in.end > in.begin) {
            const int s = m_g.cols.stride;
            // The column of the first tap (in the input; the product alone may pass INT_MAX when
            // the padding is huge).
            const int start = int(std::int64_t(in.begin) * s - m_g.cols.padBefore);
            const int n = in.end - in.begin;
            float *v = hv + in.begin;
            Idx *a = hi + in.begin;
            const int k = m_g.cols.kernel;
            if (s == 2 && k == 2)
                reduceInterior<2, 2>(row + start, base + Idx(start), n, v, a);
            else if (s == 2 && k == 3)
                reduceInterior<2, 3>(row + start, base + Idx(start), n, v, a);
            else if (s == 1 && k == 3)
                reduceInterior<1, 3>(row + start, base + Idx(start), n, v, a);
            else if (s == 1)
                reduceInterior<1, 0>(row + start, base + Idx(start), n, v, a);
            else if (s == 2)
                reduceInterior<2, 0>(row + start, base + Idx(start), n, v, a);
            else
                reduceInterior<0, 0>(row + start, base + Idx(start), n, v, a);
        }
        for (int ox = std::max(in.end, in.begin); ox < outW; ++ox)
            edge(ox);
    }

    /// The full column windows: window i's taps at first[i·s + t·d], t < k, its first tap at flat
    /// index firstAt + i·s. The winning tap's number first, its index in a last pass. S and K are
    /// the stride and the kernel when known at compile time (strided loads vectorise far better,
    /// and a known kernel takes all its taps in one pass), else 0.
    template <int S, int K>
    void reduceInterior(const float *first, Idx firstAt, int n, float *__restrict v,
                        Idx *__restrict a)
    {
        const std::size_t s = S > 0 ? std::size_t(S) : std::size_t(m_g.cols.stride);
        const std::size_t d = std::size_t(m_g.cols.dilation);
        if constexpr (K > 0) {
            for (int i = 0; i < n; ++i) {
                const float *w = first + std::size_t(i) * s;
                float best = w[0];
                Idx tap = 0;
                for (int t = 1; t < K; ++t) {
                    const float value = w[std::size_t(t) * d];
                    const bool take = takes<E>(value, best);
                    best = take ? value : best;
                    tap = take ? Idx(t) : tap;
                }
                v[i] = best;
                a[i] = firstAt + Idx(i) * Idx(s) + tap * Idx(d);
            }
            return;
        }
        const int k = m_g.cols.kernel;
        for (int i = 0; i < n; ++i) {
            v[i] = first[std::size_t(i) * s];
            a[i] = 0;
        }
        for (int t = 1; t < k; ++t) {
            const float *tap = first + std::size_t(t) * d;
            for (int i = 0; i < n; ++i) {
                const float value = tap[std::size_t(i) * s];
                const bool take = takes<E>(value, v[i]);
                v[i] = take ? value : v[i];
                a[i] = take ? Idx(t) : a[i];
            }
        }
        for (int i = 0; i < n; ++i)
            a[i] = firstAt + Idx(i) * Idx(s) + a[i] * Idx(d);
    }

    const Plan &m_plan;
    const Geometry &m_g;
    std::size_t m_outW;
    int m_slots;
    std::vector<int> m_tags;
    std::vector<float> m_hv;    ///< reduced rows: values …
    std::vector<Idx> m_hi;      ///< … and flat indices
    std::vector<float> m_bv;    ///< one output row's windows: values …
    std::vector<Idx> m_bi;      ///< … and flat indices
    std::vector<float> m_stage; ///< staged gradient rows (see GradientRows)
};

/// Adds the upstream gradient at precomputed argmax indices, bands of input rows at a time.
void scatterBand(const std::int64_t *idx, const float *go, float *gi, int W, std::size_t outW,
                 int r0, int r1, const Plan &plan)
{
    ZeroFrontier zero(gi, W, r0);
    zero.upTo(r1);
    const auto [oy0, oy1] = plan.outputRange(r0, r1);
    const std::int64_t lo = std::int64_t(r0) * W, hi = std::int64_t(r1) * W;
    for (int oy = oy0; oy <= oy1; ++oy) {
        if (!readsRows(plan.rows[std::size_t(oy)], r0, r1))
            continue;
        const std::int64_t *i = idx + std::size_t(oy) * outW;
        const float *g = go + std::size_t(oy) * outW;
        for (std::size_t ox = 0; ox < outW; ++ox)
            if (i[ox] >= lo && i[ox] < hi)
                gi[i[ox]] += g[ox];
    }
}

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

/// Runs task(plane, r0, r1, worker) over every band of every plane on `threads` threads.
template <class Task>
void overBands(const Tensor &input, const Plan &plan, int threads, Task &&task)
{
    const int H = input.h();
    const int bands = (H + plan.bandRows - 1) / plan.bandRows;
    const int tasks = input.planeCount() * bands;
    // Spawning threads costs tens of microseconds: small inputs stay on the calling thread.
    if (input.size() < (std::size_t(1) << 16))
        threads = 1;
    threads = std::clamp(threads, 1, std::max(tasks, 1));
    parallelFor(tasks, threads, [&](int t, int worker) {
        const int p = t / bands, band = t % bands;
        const int r0 = band * plan.bandRows, r1 = std::min(r0 + plan.bandRows, H);
        task(p, r0, r1, worker);
    });
}

template <Extreme E, class Idx>
void argmaxBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                    int threads)
{
    // A large gradient is staged through a window's height of rows (and a few more, so that
    // rows move to the front of the buffer rarely) and streamed out; not when that buffer would
    // be large itself (a tall dilated window).
    const AxisGeometry &a = plan.g->rows;
    const std::int64_t extent =
        a.adaptive ? maxCount(plan.rows) : std::min<std::int64_t>(a.effectiveKernel(), 1 << 24);
    const std::int64_t cap = extent + 8;
    const int stageRows =
        grad.size() >= kStreamFrom && cap * input.w() <= (std::int64_t(1) << 20) ? int(cap) : 0;
    std::vector<std::unique_ptr<ArgmaxBands<E, Idx>>> workers(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        auto &w = workers[std::size_t(worker)];
        if (!w)
            w = std::make_unique<ArgmaxBands<E, Idx>>(plan);
        w->run(input.planeData(p), gradOutput.planeData(p), grad.planeData(p), r0, r1, stageRows);
    });
}

/// Whether max/min backward takes Stride2Windows: 3×3 windows at stride 2, no dilation, every
/// window wholly inside the input (no padding, no ceil-mode overhang).
bool stride2Windows(const Plan &plan)
{
    const auto fits = [](const AxisGeometry &a, const Interior &in) {
        return !a.adaptive && a.kernel == 3 && a.stride == 2 && a.dilation == 1 &&
               a.padBefore == 0 && a.out > 0 && in.begin == 0 && in.end == a.out;
    };
    return fits(plan.g->cols, plan.colInterior) &&
           fits(plan.g->rows, interior(plan.g->rows, plan.rows));
}

/// Max/min backward for 3×3 windows at stride 2 that all lie in the input (stride2Windows):
/// each gradient row is built whole, in cache, and written once. Window (oy, j) reads rows
/// 2oy … 2oy + 2 and columns 2j … 2j + 2, so its argmax is tap 3t + u of 9 (t its row, u its
/// column): found with vector compares per input row (the column tap) and per window row (the
/// row tap), PyTorch's rule at each step (first extreme in row-major order, the last NaN).
/// Input row 2oy + 1 then receives only window row oy's shares of tap row t = 1; row 2oy + 2 those
/// of t = 2 and, next, of window row oy + 1's t = 0, so it is held (split into its even and odd
/// cells) until then. An even cell 2j adds window j − 1's column 2 before window j's column 0, and
/// the upper window row before the lower: the output order of the reference, each add in float
/// from +0, masked (never 0·g) so that ±∞ and NaN reach only their own cells.
template <Extreme E> class Stride2Windows
{
public:
    explicit Stride2Windows(const Geometry &g)
        : m_w(g.inW()), m_outW(g.outW()), m_outH(g.outH()), m_h(g.inH())
    {
        const std::size_t n = std::size_t(m_outW) + 2;
        for (int i = 0; i < 3; ++i) {
            m_value[i].resize(std::size_t(m_outW));
            m_tap[i].resize(std::size_t(m_outW));
        }
        m_code.assign(n, -1);
        m_up.assign(n, 0.0f);
        m_even.resize(n);
        m_odd.resize(n);
        m_heldEven.resize(n);
        m_heldOdd.resize(n);
        m_zero.assign(n, 0.0f);
        m_row.resize(std::size_t(m_w));
    }

    /// Writes input rows [r0, r1) of the gradient plane `gi`.
    void run(const float *x, const float *go, float *gi, int r0, int r1, bool stream)
    {
        // Window rows reaching [r0, r1): 2oy + 2 ≥ r0 and 2oy ≤ r1 − 1.
        const int first = std::max(0, (r0 - 1) / 2);
        const int last = std::min(m_outH - 1, (r1 - 1) / 2);
        const auto inBand = [&](int r) { return r >= r0 && r < r1; };
        int reducedRow = -1; // the input row m_value[2] / m_tap[2] hold
        bool held = false;
        for (int oy = first; oy <= last; ++oy) {
            const int top = 2 * oy;
            if (reducedRow == top) {
                std::swap(m_value[0], m_value[2]);
                std::swap(m_tap[0], m_tap[2]);
            } else {
                reduce(x, top, 0);
            }
            reduce(x, top + 1, 1);
            reduce(x, top + 2, 2);
            reducedRow = top + 2;
            combine(go + std::size_t(oy) * std::size_t(m_outW));
            if (inBand(top)) {
                const float *baseEven = held ? m_heldEven.data() : m_zero.data();
                const float *baseOdd = held ? m_heldOdd.data() : m_zero.data();
                sharesRow(0, baseEven, baseOdd);
                emit(gi, top, stream);
            }
            if (inBand(top + 1)) {
                sharesRow(1, m_zero.data(), m_zero.data());
                emit(gi, top + 1, stream);
            }
            held = false;
            if (inBand(top + 2)) {
                shares(2, m_zero.data(), m_zero.data(), m_heldEven.data(), m_heldOdd.data());
                held = true;
                if (oy == m_outH - 1) // no window below: the row is final
                    write(gi, top + 2, m_heldEven.data(), m_heldOdd.data(), stream);
            }
        }
        // Rows below the last window.
        std::fill(m_even.begin(), m_even.end(), 0.0f);
        std::fill(m_odd.begin(), m_odd.end(), 0.0f);
        for (int r = std::max(r0, 2 * m_outH + 1); r < r1; ++r)
            write(gi, r, m_even.data(), m_odd.data(), stream);
    }

private:
    /// The extreme of every window's three columns in input row r, and its column tap (0–2),
    /// into slot i; asks for row r + 2 (read two rows later) on the way.
    void reduce(const float *x, int r, int i)
    {
        const float *row = x + std::size_t(r) * std::size_t(m_w);
        const float *ahead = r + 2 < m_h ? row + 2 * std::size_t(m_w) : nullptr;
        float *__restrict v = m_value[i].data();
        std::int32_t *__restrict u = m_tap[i].data();
        // Row r + 2 is asked for a chunk at a time as the reduction goes (measured: 10 % faster
        // than all at once, which stalls while the requests queue, or than none).
        constexpr int kChunk = 64; // windows: 128 input cells, 8 cache lines
        int j = 0;
        for (; j + kChunk <= m_outW; j += kChunk) {
            if (ahead)
                for (int c = 0; c < 2 * kChunk; c += 16)
                    __builtin_prefetch(ahead + 2 * j + c);
            reduceSpan(row + 2 * j, v + j, u + j, kChunk);
        }
        reduceSpan(row + 2 * j, v + j, u + j, m_outW - j);
    }

    /// reduce for n windows from `row` (their first cell) on.
    static void reduceSpan(const float *__restrict row, float *__restrict v,
                           std::int32_t *__restrict u, int n)
    {
        for (int j = 0; j < n; ++j) {
            const float a = row[2 * j], b = row[2 * j + 1], c = row[2 * j + 2];
            float best = a;
            std::int32_t tap = 0;
            const bool takeB = takes<E>(b, best);
            best = takeB ? b : best;
            tap = takeB ? 1 : tap;
            const bool takeC = takes<E>(c, best);
            best = takeC ? c : best;
            tap = takeC ? 2 : tap;
            v[j] = best;
            u[j] = tap;
        }
    }

    /// m_code[j + 1] = window j's tap 3t + u and m_up[j + 1] its upstream value (index 0 and
    /// outW + 1 stay −1 and 0: no window there).
    void combine(const float *g)
    {
        const float *__restrict v0 = m_value[0].data(), *__restrict v1 = m_value[1].data(),
                                *__restrict v2 = m_value[2].data();
        const std::int32_t *__restrict u0 = m_tap[0].data(), *__restrict u1 = m_tap[1].data(),
                                       *__restrict u2 = m_tap[2].data();
        std::int32_t *__restrict code = m_code.data() + 1;
        const int n = m_outW; // a local: the stores through `code` could alias a member
        for (int j = 0; j < n; ++j) {
            float best = v0[j];
            std::int32_t tap = u0[j];
            const bool take1 = takes<E>(v1[j], best);
            best = take1 ? v1[j] : best;
            tap = take1 ? 3 + u1[j] : tap;
            const bool take2 = takes<E>(v2[j], best);
            tap = take2 ? 6 + u2[j] : tap;
            code[j] = tap;
        }
        std::copy(g, g + m_outW, m_up.data() + 1);
    }

    /// One input row's cells, tap row t's shares added to `base`: even[j] (cell 2j, j ≤ outW)
    /// gets window j − 1's column 2, then window j's column 0; odd[j] (cell 2j + 1) window j's
    /// column 1.
    void shares(int t, const float *__restrict baseEven, const float *__restrict baseOdd,
                float *__restrict even, float *__restrict odd) const
    {
        const std::int32_t *__restrict code = m_code.data();
        const float *__restrict g = m_up.data();
        const std::int32_t left = 3 * t, middle = 3 * t + 1, right = 3 * t + 2;
        const int n = m_outW;
        for (int j = 0; j <= n; ++j) {
            const float fromLeft = code[j] == right ? g[j] : 0.0f;
            const float fromOwn = code[j + 1] == left ? g[j + 1] : 0.0f;
            even[j] = (baseEven[j] + fromLeft) + fromOwn;
        }
        for (int j = 0; j < n; ++j)
            odd[j] = baseOdd[j] + (code[j + 1] == middle ? g[j + 1] : 0.0f);
    }

    /// shares, interleaved into m_row at once (zero past the last window).
    void sharesRow(int t, const float *__restrict baseEven, const float *__restrict baseOdd)
    {
        const std::int32_t *__restrict code = m_code.data();
        const float *__restrict g = m_up.data();
        float *__restrict row = m_row.data();
        const std::int32_t left = 3 * t, middle = 3 * t + 1, right = 3 * t + 2;
        const int n = m_outW;
        int j = 0;
#if defined(POOLVIZ_KERNEL_AVX2)
        for (; j + 8 <= n; j += 8) {
            const __m256i codeLeft =
                _mm256_loadu_si256(reinterpret_cast<const __m256i *>(code + j));
            const __m256i codeOwn =
                _mm256_loadu_si256(reinterpret_cast<const __m256i *>(code + j + 1));
            const __m256 gOwn = _mm256_loadu_ps(g + j + 1);
            const __m256 even =
                _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(baseEven + j),
                                            where(codeLeft, right, _mm256_loadu_ps(g + j))),
                              where(codeOwn, left, gOwn));
            const __m256 odd =
                _mm256_add_ps(_mm256_loadu_ps(baseOdd + j), where(codeOwn, middle, gOwn));
            const __m256 lo = _mm256_unpacklo_ps(even, odd), hi = _mm256_unpackhi_ps(even, odd);
            _mm256_storeu_ps(row + 2 * j, _mm256_permute2f128_ps(lo, hi, 0x20));
            _mm256_storeu_ps(row + 2 * j + 8, _mm256_permute2f128_ps(lo, hi, 0x31));
        }
#endif
        for (; j < n; ++j) {
            const float fromLeft = code[j] == right ? g[j] : 0.0f;
            const float fromOwn = code[j + 1] == left ? g[j + 1] : 0.0f;
            row[2 * j] = (baseEven[j] + fromLeft) + fromOwn;
            row[2 * j + 1] = baseOdd[j] + (code[j + 1] == middle ? g[j + 1] : 0.0f);
        }
        row[2 * n] = baseEven[n] + (code[n] == right ? g[n] : 0.0f);
        std::fill(row + 2 * n + 1, row + m_w, 0.0f);
    }

    /// m_row into input row r, streamed or copied.
    void emit(float *gi, int r, bool stream)
    {
        float *dst = gi + std::size_t(r) * std::size_t(m_w);
        if (stream)
            streamRow(dst, m_row.data(), std::size_t(m_w));
        else
            std::copy(m_row.begin(), m_row.end(), dst);
    }

    /// Input row r from its even and odd cells (zero past the last window), streamed or copied.
    void write(float *gi, int r, const float *even, const float *odd, bool stream)
    {
        float *__restrict row = m_row.data();
        const int n = m_outW;
        for (int j = 0; j < n; ++j) {
            row[2 * j] = even[j];
            row[2 * j + 1] = odd[j];
        }
        row[2 * m_outW] = even[m_outW];
        std::fill(row + 2 * m_outW + 1, row + m_w, 0.0f);
        float *dst = gi + std::size_t(r) * std::size_t(m_w);
        if (stream)
            streamRow(dst, row, std::size_t(m_w));
        else
            std::copy(row, row + m_w, dst);
    }

    int m_w, m_outW, m_outH, m_h;
    std::array<std::vector<float>, 3> m_value;      ///< input rows reduced along the columns …
    std::array<std::vector<std::int32_t>, 3> m_tap; ///< … and their column taps
    std::vector<std::int32_t> m_code;               ///< per window (from index 1): tap 3t + u
    std::vector<float> m_up;                        ///< per window (from index 1): upstream value
    std::vector<float> m_even, m_odd, m_heldEven, m_heldOdd, m_zero;
    std::vector<float> m_row;
};

template <Extreme E>
void extremeBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads)
{
    const Geometry &g = *plan.g;
    if (maxCount(plan.rows) > kDirectArgmaxUpTo || maxCount(plan.cols) > kDirectArgmaxUpTo) {
        // Large windows: the forward kernels' argmax (O(1) per output whatever k), then the
        // scatter, band by band.
        Tensor values(input.n(), input.c(), g.outH(), g.outW());
        IndexTensor indices(input.n(), input.c(), g.outH(), g.outW(), -1);
        poolPlanes(input, g, values, &indices, threads);
        overBands(input, plan, threads, [&](int p, int r0, int r1, int) {
            scatterBand(indices.planeData(p), gradOutput.planeData(p), grad.planeData(p), input.w(),
                        std::size_t(g.outW()), r0, r1, plan);
        });
        return;
    }
    if (stride2Windows(plan)) {
        const bool stream = grad.size() >= kStreamFrom;
        std::vector<std::unique_ptr<Stride2Windows<E>>> workers(std::size_t(std::max(threads, 1)));
        overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
            auto &w = workers[std::size_t(worker)];
            if (!w)
                w = std::make_unique<Stride2Windows<E>>(g);
            w->run(input.planeData(p), gradOutput.planeData(p), grad.planeData(p), r0, r1, stream);
            if (stream)
                streamed();
        });
        return;
    }
    // Flat indices h·W + w fit 32 bits for planes below 2³¹ cells.
    if (input.planeSize() < std::size_t(INT32_MAX))
        argmaxBackward<E, std::int32_t>(input, plan, gradOutput, grad, threads);
    else
        argmaxBackward<E, std::int64_t>(input, plan, gradOutput, grad, threads);
}

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
    const bool stream = grad.size() >= kStreamFrom;
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
                streamRow(dst, row, std::size_t(W));
            else
                std::copy(row, row + W, dst);
        }
        if (stream)
            streamed();
    });
}

void averageBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads)
{
    const DivisorFactors div = divisorFactors(plan.g->params, plan.rows, plan.cols);
    if (disjoint(plan.g->rows) && disjoint(plan.g->cols)) {
        disjointAverageBackward(input, plan, div, gradOutput, grad, threads);
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
    const bool stream = grad.size() >= kStreamFrom;
    std::vector<std::unique_ptr<AverageBands>> workers(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        auto &w = workers[std::size_t(worker)];
        if (!w)
            w = std::make_unique<AverageBands>(plan, div, stream);
        if (readers)
            w->run(gradOutput.planeData(p), grad.planeData(p), r0, r1, *readers);
        else
            w->runAdding(gradOutput.planeData(p), grad.planeData(p), r0, r1);
        streamed();
    });
}

void lpBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                int threads)
{
    const Geometry &g = *plan.g;
    Tensor y(input.n(), input.c(), g.outH(), g.outW());
    poolPlanes(input, g, y, nullptr, threads);
    const int W = input.w(), outW = g.outW();
    overBands(input, plan, threads, [&](int p, int r0, int r1, int) {
        const float *x = input.planeData(p), *go = gradOutput.planeData(p), *yp = y.planeData(p);
        float *gi = grad.planeData(p);
        ZeroFrontier(gi, W, r0).upTo(r1);
        const auto [oy0, oy1] = plan.outputRange(r0, r1);
        for (int oy = oy0; oy <= oy1; ++oy)
            for (int ox = 0; ox < outW; ++ox) {
                const std::size_t o = std::size_t(oy) * std::size_t(outW) + std::size_t(ox);
                lpShares(x, W, plan.rows[std::size_t(oy)], plan.cols[std::size_t(ox)], yp[o], go[o],
                         g.params.p, r0, r1,
                         [&](std::int64_t at, float amount) { gi[at] += amount; });
            }
    });
}

} // namespace

void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads)
{
    if (input.planeCount() == 0 || input.h() == 0 || input.w() == 0)
        return;
    const Plan plan = makePlan(g);
    switch (g.params.mode) {
    case PoolMode::Max:
        extremeBackward<Extreme::Max>(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Min:
        extremeBackward<Extreme::Min>(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Avg:
        averageBackward(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Lp:
        lpBackward(input, plan, gradOutput, grad, threads);
        break;
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
