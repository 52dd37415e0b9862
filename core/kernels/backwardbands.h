#pragma once
// What the backward kernels (backwardmax.cpp, backwardstride2.cpp, backwardaverage.cpp,
// backwardsmallaverage.cpp, backwardplanes.cpp; see backwardplanes.h) share: the plan of a
// geometry, its bands of input rows, and streaming stores.
// A kernel-only header (see isa.h): everything here lives in the namespace of its copy.
#include "geometry.h"
#include "isa.h"
#include "spans.h"
#include "stream.h"
#include "tensor.h"
#include "threads.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// Gradients of this many values or more (32 MB, beyond what caches keep) are written with
/// streaming stores (streamRow, stream.h) where a row is written whole.
constexpr std::size_t kStreamGradientFrom = std::size_t(1) << 23;

enum class Extreme
{
    Max,
    Min
};

/// Whether output row `s` reads an input row in [r0, r1). O(1).
inline bool readsRows(const AxisSpan &s, int r0, int r1)
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

inline Plan makePlan(const Geometry &g)
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

inline int maxCount(const std::vector<AxisSpan> &spans)
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

/// Runs task(plane, r0, r1, worker) over every band of every plane on `threads` threads.
template <class Task>
inline void overBands(const Tensor &input, const Plan &plan, int threads, Task &&task)
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

/// PyTorch's rule (as in planepool.cpp): a value replaces the best so far if it beats it or is
/// NaN, so ties keep the first tap and the last NaN wins. Bitwise |: no branch, loops vectorise.
template <Extreme E> inline bool takes(float v, float best)
{
    if constexpr (E == Extreme::Max)
        return (v > best) | (v != v);
    else
        return (v < best) | (v != v);
}

/// Max/min backward (backwardmax.cpp).
template <Extreme E>
void extremeBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads);

/// Whether max/min backward takes stride2Backward: 3×3 windows at stride 2, no dilation, every
/// window wholly inside the input (no padding, no ceil-mode overhang).
bool stride2Windows(const Plan &plan);

/// Max/min backward for those windows (backwardstride2.cpp).
template <Extreme E>
void stride2Backward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads);

/// Whether average backward takes smallAverageBackward: stride-1, undilated windows of at most
/// 3 rows and 8 columns.
bool smallAverageWindows(const Plan &plan);

/// Average backward for those windows (backwardsmallaverage.cpp): each input row the sum, in
/// double, of its windows' shares g/divisor down the rows (in output order), then along the row
/// (in output order), rounded once.
void smallAverageBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput,
                          Tensor &grad, int threads);

/// Average backward (backwardaverage.cpp).
void averageBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads);

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
