// The max/min backward kernels (see backwardplanes.h). Compiled twice, like every
// kernel source (baseline and AVX2, see isa.h and core/CMakeLists.txt).
#include "backwardbands.h"
#include "planepool.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <limits>
#include <memory>
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
            storeFence();
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
        grad.size() >= kStreamGradientFrom && cap * input.w() <= (std::int64_t(1) << 20) ? int(cap)
                                                                                         : 0;
    std::vector<std::unique_ptr<ArgmaxBands<E, Idx>>> workers(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        auto &w = workers[std::size_t(worker)];
        if (!w)
            w = std::make_unique<ArgmaxBands<E, Idx>>(plan);
        w->run(input.planeData(p), gradOutput.planeData(p), grad.planeData(p), r0, r1, stageRows);
    });
}

} // namespace

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
        stride2Backward<E>(input, plan, gradOutput, grad, threads);
        return;
    }
    // Flat indices h·W + w fit 32 bits for planes below 2³¹ cells.
    if (input.planeSize() < std::size_t(INT32_MAX))
        argmaxBackward<E, std::int32_t>(input, plan, gradOutput, grad, threads);
    else
        argmaxBackward<E, std::int64_t>(input, plan, gradOutput, grad, threads);
}

template void extremeBackward<Extreme::Max>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);
template void extremeBackward<Extreme::Min>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
