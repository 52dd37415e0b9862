// The pooling kernels (see planepool.h). About 1200 lines in one file on purpose: BandPooler's
// row reduction, doubling levels, sliding sums, block prefixes/suffixes, rings of reduced rows,
// streamed output rows and output finishing share its scratch buffers and template parameters,
// and this file is compiled twice (baseline and AVX2, see core/CMakeLists.txt), which is
// simplest for a single translation unit.

// Quad and VectorOf (below) are 32-byte vectors passed to inlined functions of this file only
// (also through Picker, reduce.h, hence before the includes): that GCC passes them differently
// without AVX (the baseline copy) does not matter, so its -Wpsabi note about that is off.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

#include "planepool.h"

#include "doublingsums.h"
#include "exactsums.h"
#include "isa.h"
#include "reduce.h"
#include "slidingsums.h"
#include "spans.h"
#include "stream.h"
#include "threads.h"
#include "tilingpool.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
/// From this many taps on, stride-1 rows use the van Herk scheme (3 combines per output, vector
/// operations over whole rows) rather than k − 1 row combines.
constexpr int kRunningRowsFrom = 4;
/// Max and min without indices, stride-1 undilated rows of kBlockedRowsFrom to kBlockedRowsUpTo
/// taps: four output rows at a time in one pass over the k + 3 reduced rows they read (see
/// blockOfFour) rather than van Herk's three passes (prefix, suffix, combine). Measured on the
/// 4K frame (max k×k/1, CPU time, one thread, AVX2, min of 3 rounds, against van Herk in the
/// same run; with the first pass along the columns finding NaN, see firstPassFindsNaN): k = 5
/// 13.5 against 17.4 ms, 7 15.4 / 19.1, 15 18.1 / 20.4, 17 18.8 / 22.0, 21 20.3 / 22.4, 25
/// 21.0 / 23.5, 27 22.4 / 22.7, 29 23.4 / 21.9, 31 24.3 / 22.9: its (k + 4) / 4 combines per
/// output overtake van Herk's three passes near k = 27.
constexpr int kBlockedRowsFrom = 4;
constexpr int kBlockedRowsUpTo = 25;
// fourColumns starts from row 3, which all four windows share only from k = 4 on (enabled at
// k = 3, tst_kernels' 3×3/1 rows failed).
static_assert(kBlockedRowsFrom >= 4, "blockOfFour needs a row all four windows read");
/// Up to this many taps, blockOfFour is compiled for each k (its loop over the shared rows
/// unrolled).
constexpr int kBlockedUnrolledUpTo = 16;
/// From this many taps on, stride-1 columns are reduced by doubling (see doublingInterior):
/// about log₂ k vector passes along the row rather than k. Van Herk along the columns would need
/// the rows transposed into vector lanes; measured (tests/bench, CPU time, AVX2), doubling was
/// faster for every k up to 31 (max 31×31/1: 40 ms against 74 ms).
constexpr int kDoublingFrom = 4;
/// From this many taps on, stride-1 sums down the rows slide (see SlidingSums) when their values
/// allow it exactly.
constexpr int kSlidingFrom = 2;
/// From this many taps on, stride-1 sums along a row slide (see slidingInterior) when their
/// values allow it exactly; below, smallInterior's one pass is faster (avg 3×3/1 on the 4K
/// frame: 27 against 30 ms; 5×5/1: 33 against 30 ms).
constexpr int kSlidingColsFrom = 4;
/// Up to this many taps, stride-1 sums down the rows slide (see SlidingSums). A window whose
/// values do not allow exact sums adds its rows one by one, k passes; beyond this k the van Herk
/// blocks (a few passes whatever k) keep such data from getting slow.
constexpr int kSlidingRowsUpTo = 32;
/// Up to this many taps, stride-1 undilated windows along the columns (without indices) are
/// reduced in one vector pass per row (see smallInterior): faster than a pass per tap, and for
/// sums the method below kSlidingColsFrom taps or where the row's values do not allow exact
/// sliding sums (its order of additions is then part of the result).
constexpr int kSmallUpTo = 8;
/// With several threads, the output rows are cut into at least this many tasks per thread: one
/// thread slowed down (by another program) leaves the other a task or more to take over, and
/// every task costs one re-read of the rows its first window shares with the task above.
constexpr int kTasksPerThread = 4;

/// Four doubles as one vector (GCC/Clang vector extension: one AVX register, or two SSE2 ones in
/// the baseline copy), loaded and stored unaligned.
using Quad = double __attribute__((vector_size(32)));
inline Quad loadQuad(const double *p)
{
    Quad v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void storeQuad(double *p, Quad v)
{
    std::memcpy(p, &v, sizeof v);
}

/// 32 bytes of T as one vector (as Quad), for the kernels written with vectors of their own.
template <class T> struct VectorOf;
template <> struct VectorOf<float>
{
    typedef float type __attribute__((vector_size(32)));
};
template <> struct VectorOf<std::uint8_t>
{
    typedef std::uint8_t type __attribute__((vector_size(32)));
};
template <> struct VectorOf<std::uint32_t>
{
    typedef std::uint32_t type __attribute__((vector_size(32)));
};
template <class V, class T> inline V loadVector(const T *p)
{
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <class V, class T> inline void storeVector(T *p, V v)
{
    std::memcpy(p, &v, sizeof v);
}

/// Input values per cache line (for prefetches).
constexpr int kLineFloats = 64 / int(sizeof(float));

/// The reduction of no value: −∞/+∞ for max/min of floats (bytes never need one: their windows
/// always hold an input value, see poolBytePlanes), 0 for sums.
template <Reduce R, class T> constexpr Acc<R, T> identity()
{
    if constexpr (R == Reduce::Max)
        return std::is_floating_point_v<T> ? -kInf : std::numeric_limits<T>::lowest();
    else if constexpr (R == Reduce::Min)
        return std::is_floating_point_v<T> ? kInf : std::numeric_limits<T>::max();
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
    std::vector<double> inverseCols; ///< 1 / divisors.cols
    double p = 2.0;
    bool runningRows = false; ///< van Herk along the rows
    /// Max/min: stride-1 rows four output rows at a time (see blockOfFour), for the pass
    /// without indices (with indices, runningRows still holds).
    bool blockedRows = false;
    bool slidingRows = false; ///< sums: sliding sums down the rows (see SlidingSums)
    /// The planes' output rows, plane after plane, cut into this many tasks of equal height (a
    /// task may end one plane and start the next; see poolWith).
    int tasks = 1;
    SlidingSumsPlan sliding; ///< slidingRows: what SlidingSums needs
};

/// Pools bands of output rows of one plane; owns the scratch buffers of one thread.
template <class T, Reduce R, bool WithIndex, class Idx> class BandPooler
{
public:
    using A = Acc<R, T>;

    /// `stream`: write the output with non-temporal stores (see streamRow).
    BandPooler(const Plan &plan, bool stream) : m_plan(plan), m_g(*plan.g), m_stream(stream)
    {
        const std::size_t outW = std::size_t(m_g.outW());
        if (stream)
            m_rowOut.resize(outW);
        if constexpr (!isExtreme<R>)
            m_ov.resize(outW);
        if constexpr (WithIndex)
            m_oi.resize(outW);
    }

    /// Pools output rows [oy0, oy1) of the plane `in` into the plane `out` (and `idx`).
    void run(const T *in, T *out, std::int64_t *idx, int oy0, int oy1)
    {
        if constexpr (!isExtreme<R>) {
            if (m_plan.slidingRows) {
                if (!m_sliding)
                    m_sliding = std::make_unique<SlidingSums>(m_plan.sliding);
                m_sliding->run(in, out, oy0, oy1);
                return;
            }
        }
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
        if (m_plan.runningRows && !blocked()) {
            runRunning(in, out, idx, oy0, oy1, rlo, nb);
            return;
        }
        // The band's input rows are reduced along the columns in order, just before the first
        // window that reads them, into a ring that holds every row from a window's first to
        // the last row reduced so far (a window's last row never moves up; its first row can,
        // by a phase of the dilation), so that each reduced row is still in cache when the
        // windows read it. Only the rows some window reads are reduced (a stride larger than
        // the kernel skips some).
        m_slots = 1;
        m_needed.assign(std::size_t(nb), false);
        for (int oy = oy0, last = -1; oy < oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            if (s.count > 0) {
                last = std::max(last, s.first + (s.count - 1) * s.step);
                m_slots = std::max(m_slots, last - s.first + 1);
            }
            for (int j = 0; j < s.count; ++j)
                m_needed[std::size_t(s.first + j * s.step - rlo)] = true;
        }
        if (blocked()) // a group of four rows reads k + 3 rows (see fourRows)
            m_slots = std::max(m_slots, std::min(m_g.rows.kernel + 3, nb));
        const std::size_t cells = std::size_t(m_slots) * std::size_t(outW);
        if (m_hv.size() < cells) {
            m_hv.resize(cells);
            if constexpr (WithIndex)
                m_hi.resize(cells);
        }
        m_nanH.resize(std::size_t(m_slots));
        int reduced = -1; // the band rows [0, reduced] are reduced (those that are needed)
        for (int oy = oy0; oy < oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            if (blocked() && oy + 4 <= oy1 && fourWhole(oy)) {
                const int f = s.first - rlo, l = f + m_g.rows.kernel + 2;
                for (int i = reduced + 1; i <= l; ++i)
                    nanH(i) = reduceRow(in + std::size_t(rlo + i) * std::size_t(W),
                                        Idx(rlo + i) * Idx(W), hv(i), hi(i));
                reduced = std::max(reduced, l);
                fourRows(f, out + std::size_t(oy) * std::size_t(outW));
                oy += 3;
                continue;
            }
            OutRow row;
            if (!openRow(oy, s, out, idx, row))
                continue;
            auto [dst, oidx, o, ov, oi] = row;
            const int l = s.first - rlo + (s.count - 1) * s.step;
            for (int i = reduced + 1; i <= l; ++i)
                if (m_needed[std::size_t(i)])
                    nanH(i) = reduceRow(in + std::size_t(rlo + i) * std::size_t(W),
                                        Idx(rlo + i) * Idx(W), hv(i), hi(i));
            reduced = std::max(reduced, l);
            combineDirect(s, rlo, ov, oi);
            finish(oy, o, oidx, ov);
            flush(dst, o);
        }
        fence();
    }

private:
    /// run() for the van Herk scheme down stride-1 rows (band rows [0, nb) from input row rlo),
    /// streamed through a ring of scratch rows rather than done pass by pass over the whole
    /// band: rows are reduced along the columns in order, each row's block prefix is formed as
    /// soon as it is reduced (into m_sv), and a block's suffixes (in place over its reduced rows
    /// in m_hv) as soon as its last row is; an output row is answered once the rows it needs are
    /// there. The ring holds two blocks of reduced rows (and 2·d prefixes), so the rows written
    /// are read again while they are still in cache (the passes over a whole band of 4k rows
    /// wrote and read megabytes). The same combines of the same rows as block by block over the
    /// band, so the same bits.
    void runRunning(const T *in, T *out, std::int64_t *idx, int oy0, int oy1, int rlo, int nb)
    {
        const int outW = m_g.outW(), W = m_g.inW();
        const int d = m_g.rows.dilation;
        // k·d can pass int (a huge dilation over huge padding); a block longer than the input is
        // the whole input. Blocks are [0, span), [span, 2·span), … of the plane's rows, whatever
        // row the band starts at (the first one cut at the band's top), so that sums, whose
        // order of additions is part of their value, do not depend on the thread count. Band
        // row i lies in block (i + anchor) / span.
        const int span = int(std::min<std::int64_t>(std::int64_t(m_g.rows.kernel) * d, m_g.inH()));
        const int anchor = rlo % span;
        m_slots =
            int(std::max<std::int64_t>(1, std::min<std::int64_t>(2 * std::int64_t(span), nb)));
        // A prefix is read right after it is formed (rows are reduced up to the last row of the
        // window being answered, never further) and by the prefix d rows below: 2·d slots hold
        // them. Half the scratch of two blocks of prefixes: at k = 31 the ring of two blocks of
        // reduced rows and of prefixes (1.9 MB for 3840 columns) did not fit a 1 MiB L2, and two
        // threads then shared the L3's bandwidth for it.
        m_prefixSlots = int(std::min<std::int64_t>(m_slots, 2 * std::int64_t(d)));
        const std::size_t cells = std::size_t(m_slots) * std::size_t(outW);
        const std::size_t prefixCells = std::size_t(m_prefixSlots) * std::size_t(outW);
        m_nanH.resize(std::size_t(m_slots));
        m_nanP.resize(std::size_t(m_prefixSlots));
        if (m_hv.size() < cells) {
            m_hv.resize(cells);
            if constexpr (WithIndex)
                m_hi.resize(cells);
        }
        if (m_sv.size() < prefixCells) {
            m_sv.resize(prefixCells);
            if constexpr (WithIndex)
                m_si.resize(prefixCells);
        }
        int reduced = -1; // the band rows [0, reduced] are reduced and have their prefixes
        // Reduces the rows up to `last`. Row i's prefix is that of i − d ⊕ row i within a block;
        // a complete block's suffixes run backwards, each row ⊕ the suffix of the row d below.
        auto reduceTo = [&](int last) {
            for (int i = reduced + 1; i <= last; ++i) {
                const bool nan = reduceRow(in + std::size_t(rlo + i) * std::size_t(W),
                                           Idx(rlo + i) * Idx(W), hv(i), hi(i));
                const int start = (i + anchor) / span * span - anchor;
                const int b = std::max(start, 0), e = std::min(start + span, nb);
                nanH(i) = nan;
                if (i - d >= b) {
                    combineRow(sv(i), si(i), sv(i - d), si(i - d), hv(i), hi(i), outW,
                               !nanP(i - d) && !nan);
                    nanP(i) = nanP(i - d) || nan;
                } else {
                    copyRow(sv(i), si(i), hv(i), hi(i), outW);
                    nanP(i) = nan;
                }
                if (i == e - 1)
                    for (int j = e - d - 1; j >= b; --j) {
                        combineRow(hv(j), hi(j), hv(j), hi(j), hv(j + d), hi(j + d), outW,
                                   !nanH(j) && !nanH(j + d));
                        nanH(j) = nanH(j) || nanH(j + d);
                    }
            }
            reduced = std::max(reduced, last);
        };
        for (int oy = oy0; oy < oy1; ++oy) {
            const AxisSpan &s = m_plan.rows[std::size_t(oy)];
            OutRow row;
            if (!openRow(oy, s, out, idx, row))
                continue;
            auto [dst, oidx, o, ov, oi] = row;
            // The window: a suffix ⊕ the next block's prefix when it spans two blocks, otherwise
            // one prefix or one suffix. A stride-1 window shorter than k is clipped at the
            // input's top (its first tap then starts its block: a prefix) or bottom (its last
            // tap ends its block: a suffix), so it is never a strict middle part of a block.
            const int f = s.first - rlo, l = f + (s.count - 1) * d;
            const int bf = (f + anchor) / span, bl = (l + anchor) / span;
            if (bf == bl && f - (bf * span - anchor) < d) { // f is first of its phase in its block
                reduceTo(l);
                copyRow(ov, oi, sv(l), si(l), outW);
            } else {
                // The suffix of f's block needs all of that block.
                reduceTo(std::max(l, std::min((bf + 1) * span - anchor, nb) - 1));
                if (bf != bl)
                    combineRow(ov, oi, hv(f), hi(f), sv(l), si(l), outW, !nanH(f) && !nanP(l));
                else
                    copyRow(ov, oi, hv(f), hi(f), outW);
            }
            finish(oy, o, oidx, ov);
            flush(dst, o);
        }
        fence();
    }

    /// Whether this pooler takes the rows four at a time (see Plan::blockedRows).
    bool blocked() const
    {
        if constexpr (isExtreme<R> && !WithIndex)
            return m_plan.blockedRows;
        else
            return false;
    }

    /// Whether output rows oy … oy + 3 are whole windows of consecutive rows (no padding).
    bool fourWhole(int oy) const
    {
        const int k = m_g.rows.kernel;
        const AxisSpan *s = &m_plan.rows[std::size_t(oy)];
        for (int j = 0; j < 4; ++j)
            if (s[j].count != k || s[j].first != s[0].first + j)
                return false;
        return true;
    }

    /// The four output rows whose windows start at band rows f … f + 3 (reduced rows f to
    /// f + k + 2 in the ring), written to `dst` and the three rows after it.
    void fourRows(int f, T *dst)
    {
        const int n = m_g.outW(), k = m_g.rows.kernel;
        const A *r[kBlockedRowsUpTo + 3];
        bool numbers = true;
        for (int j = 0; j < k + 3; ++j) {
            r[j] = hv(f + j);
            numbers = numbers && !nanH(f + j);
        }
        // Straight into the output rows, even when other rows are streamed (see streamRow): the
        // stores then overlap the combines. Computed in scratch rows and streamed, max 5×5/1
        // and 7×7/1 on the 4K frame took 14.5 and 16.8 ms against 13.6 and 15.3 (CPU time, one
        // thread, min of 4 rounds, same run). Software prefetches of the next group's four
        // input rows spread over this pass: streamed, slower (16.8 and 17.1 ms); straight,
        // level (13.6 and 15.6 against 13.4 and 15.7).
        T *o[4];
        for (int j = 0; j < 4; ++j)
            o[j] = dst + std::size_t(j) * std::size_t(n);
        withPicker<R>(numbers, [&](auto pk) { blockOfFourOf<kBlockedRowsFrom>(k, r, n, o, pk); });
    }

    /// Four output rows from the K + 3 rows r[0 .. K + 3) in one pass, each window's rows
    /// combined in their order (so PyTorch's NaN rule holds with pick): the K − 3 rows all four
    /// windows share (c), then row 0's window is r0 ⊕ (r1 ⊕ (r2 ⊕ c)), row 1's (r1 ⊕ (r2 ⊕ c)) ⊕
    /// rK, row 2's (r2 ⊕ c) ⊕ (rK ⊕ rK+1), row 3's c ⊕ ((rK ⊕ rK+1) ⊕ rK+2): K + 4 combines,
    /// (K + 3) / 4 loads and one store per output rather than van Herk's three passes of two
    /// loads, a combine and a store.
    template <int K, class Pk>
    static void blockOfFour(int k, const A *const *r, int n, T *const *o, Pk pk)
    {
        if constexpr (K > 0)
            k = K;
        // Whole vectors (GCC/Clang vector extension, as Quad), then the rest value by value.
        using Vector = typename VectorOf<T>::type;
        constexpr int kLanes = int(sizeof(Vector) / sizeof(T));
        int x = 0;
        for (; x + kLanes <= n; x += kLanes)
            fourColumns<K, Vector>(k, r, x, o, pk);
        for (; x < n; ++x)
            fourColumns<K, T>(k, r, x, o, pk);
    }

    /// blockOfFour's work at column x: one value (V = T) or a vector of them.
    template <int K, class V, class Pk>
    static void fourColumns(int k, const A *const *r, int x, T *const *o, Pk pk)
    {
        auto load = [&](const A *p) { return loadVector<V>(p + x); };
        V c = load(r[3]);
        for (int j = 4; j < (K > 0 ? K : k); ++j)
            c = pk(c, load(r[j]));
        const V p1 = pk(load(r[2]), c);
        const V p2 = pk(load(r[1]), p1);
        storeVector(o[0] + x, pk(load(r[0]), p2));
        const V a = load(r[k]);
        storeVector(o[1] + x, pk(p2, a));
        const V s2 = pk(a, load(r[k + 1]));
        storeVector(o[2] + x, pk(p1, s2));
        storeVector(o[3] + x, pk(c, pk(s2, load(r[k + 2]))));
    }

    /// blockOfFour<k> for a runtime k in [K, kBlockedRowsUpTo].
    template <int K, class Pk>
    static void blockOfFourOf(int k, const A *const *r, int n, T *const *o, Pk pk)
    {
        if constexpr (K < kBlockedUnrolledUpTo) {
            if (k != K)
                return blockOfFourOf<K + 1>(k, r, n, o, pk);
        } else if (k != K) {
            return blockOfFour<0>(k, r, n, o, pk);
        }
        blockOfFour<K>(k, r, n, o, pk);
    }

    /// Where output row oy goes and where it is computed.
    struct OutRow
    {
        T *dst;             ///< the row in the output plane
        std::int64_t *oidx; ///< its indices in the index plane (with indices)
        T *o;               ///< where its values are computed (see rowOut)
        A *ov;              ///< where its reductions are computed: o, or sums in double
        Idx *oi;            ///< where its indices are computed (with indices)
    };

    /// Opens output row oy of window span `s` into `row`. A window of no input row (all
    /// padding) is the identity everywhere, index −1: written here, and false returned.
    bool openRow(int oy, const AxisSpan &s, T *out, std::int64_t *idx, OutRow &row)
    {
        const std::size_t outW = std::size_t(m_g.outW());
        row.dst = out + std::size_t(oy) * outW;
        row.oidx = WithIndex ? idx + std::size_t(oy) * outW : nullptr;
        if (s.count == 0) {
            std::fill(row.dst, row.dst + outW, T(identity<R, T>()));
            if constexpr (WithIndex)
                std::fill(row.oidx, row.oidx + outW, -1);
            return false;
        }
        row.o = rowOut(row.dst);
        if constexpr (isExtreme<R>)
            row.ov = row.o;
        else
            row.ov = m_ov.data();
        row.oi = WithIndex ? m_oi.data() : nullptr;
        return true;
    }

    /// Where to compute output row `dst`: in place, or, when the output is streamed, in a
    /// scratch row that flush() then writes past the caches.
    T *rowOut(T *dst) { return m_stream ? m_rowOut.data() : dst; }
    void flush(T *dst, const T *o) const
    {
        if (m_stream)
            streamRow(dst, o, m_g.outW());
    }
    /// Orders the streamed stores before whatever follows the task (another thread reads the
    /// output once parallelFor returns).
    void fence() const
    {
        if (m_stream)
            storeFence();
    }

    /// The scratch row of band row (or ring row) i: slot i % m_slots.
    std::size_t slotOf(int i) const { return std::size_t(i % m_slots); }
    std::size_t slot(int i) const { return slotOf(i) * std::size_t(m_g.outW()); }
    /// Whether reduced row i (or its suffix), and its prefix, may hold NaN.
    char &nanH(int i) { return m_nanH[slotOf(i)]; }
    char &nanP(int i) { return m_nanP[std::size_t(i % m_prefixSlots)]; }
    A *hv(int i) { return m_hv.data() + slot(i); }
    Idx *hi(int i) { return WithIndex ? m_hi.data() + slot(i) : nullptr; }
    /// The prefix row of band row i (runRunning): slot i % m_prefixSlots.
    std::size_t prefixSlot(int i) const
    {
        return std::size_t(i % m_prefixSlots) * std::size_t(m_g.outW());
    }
    A *sv(int i) { return m_sv.data() + prefixSlot(i); }
    Idx *si(int i) { return WithIndex ? m_si.data() + prefixSlot(i) : nullptr; }

    /// o = a ⊕ b element-wise, a being the earlier part of the window (o may alias a or b);
    /// `numbers`: neither row holds NaN.
    static void combineRow(A *ov, Idx *oi, const A *av, const Idx *ai, const A *bv, const Idx *bi,
                           int n, bool numbers)
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
            withPicker<R>(numbers, [&](auto pk) {
                for (int x = 0; x < n; ++x)
                    ov[x] = pk(av[x], bv[x]);
            });
        }
    }

    static void copyRow(A *ov, Idx *oi, const A *av, const Idx *ai, int n)
    {
        std::copy(av, av + n, ov);
        if constexpr (WithIndex)
            std::copy(ai, ai + n, oi);
    }

    /// o = (a ⊕ b) ⊕ c element-wise, in that order (o may alias a); `numbers`: no row holds NaN.
    /// One pass rather than two combineRow: the output row is written and read once less.
    static void combine3(A *ov, Idx *oi, const A *av, const Idx *ai, const A *bv, const Idx *bi,
                         const A *cv, const Idx *ci, int n, bool numbers)
    {
        if constexpr (!isExtreme<R>) {
            for (int x = 0; x < n; ++x)
                ov[x] = (av[x] + bv[x]) + cv[x];
        } else if constexpr (WithIndex) {
            for (int x = 0; x < n; ++x) {
                const bool tb = takes<R>(bv[x], av[x]);
                const A v = tb ? bv[x] : av[x];
                const Idx i = tb ? bi[x] : ai[x];
                const bool tc = takes<R>(cv[x], v);
                ov[x] = tc ? cv[x] : v;
                oi[x] = tc ? ci[x] : i;
            }
        } else {
            withPicker<R>(numbers, [&](auto pk) {
                for (int x = 0; x < n; ++x)
                    ov[x] = pk(pk(av[x], bv[x]), cv[x]);
            });
        }
    }

    /// The rows of window span `s` combined tap by tap, in order: three rows in the first pass,
    /// then two more per pass (the taps of 3×3 and 5×5 windows in one and two passes).
    void combineDirect(const AxisSpan &s, int rlo, A *ov, Idx *oi)
    {
        const int n = m_g.outW();
        const int r0 = s.first - rlo;
        if (s.count == 1) {
            copyRow(ov, oi, hv(r0), hi(r0), n);
            return;
        }
        bool numbers = true;
        for (int j = 0; j < s.count; ++j)
            numbers = numbers && !m_nanH[slotOf(r0 + j * s.step)];
        const int r1 = r0 + s.step;
        if (s.count == 2) {
            combineRow(ov, oi, hv(r0), hi(r0), hv(r1), hi(r1), n, numbers);
            return;
        }
        const int r2 = r1 + s.step;
        combine3(ov, oi, hv(r0), hi(r0), hv(r1), hi(r1), hv(r2), hi(r2), n, numbers);
        int j = 3;
        for (; j + 1 < s.count; j += 2) {
            const int a = r0 + j * s.step, b = a + s.step;
            combine3(ov, oi, ov, oi, hv(a), hi(a), hv(b), hi(b), n, numbers);
        }
        if (j < s.count) {
            const int a = r0 + j * s.step;
            combineRow(ov, oi, ov, oi, hv(a), hi(a), n, numbers);
        }
    }

    /// Sums to averages or p-norms; indices to int64.
    void finish(int oy, T *o, std::int64_t *oidx, const A *sums)
    {
        const int n = m_g.outW();
        if constexpr (WithIndex)
            for (int x = 0; x < n; ++x)
                oidx[x] = std::int64_t(m_oi[std::size_t(x)]);
        if constexpr (R == Reduce::Sum) {
            // A product of reciprocals rather than a division (several times faster): a few
            // units in the last place of a double, far below float32 rounding. The sum gets
            // + 0 first, as PyTorch's starts from 0: a window of −0 averages to +0 (the sums
            // here start from the first tap, and −0 + −0 is −0).
            const double inverseRow = 1.0 / m_plan.divisors.rows[std::size_t(oy)];
            const double *inverseCols = m_plan.inverseCols.data();
            for (int x = 0; x < n; ++x)
                o[x] = float((sums[x] + 0.0) * (inverseRow * inverseCols[x]));
        } else if constexpr (R == Reduce::PowSum) {
            const double p = m_plan.p;
            for (int x = 0; x < n; ++x) {
                const double v = sums[x];
                o[x] = float(p == 2.0 ? std::sqrt(v) : p == 1.0 ? v : std::pow(v, 1.0 / p));
            }
        }
    }

    /// A tap's contribution: the value itself, or |x|^p for Lp (in double).
    A load(T v) const
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
    /// h[0..outW) and, with indices, the flat index of each window's chosen tap. Returns whether
    /// the row holds NaN (max and min: then their loops need the NaN rule, see withPicker).
    /// Software prefetches of the rows 1 to 8 ahead, spread evenly over the passes of the rows
    /// before them, measured no faster (max 3×3/1 to 31×31/1 on the 4K frame, CPU time).
    bool reduceRow(const T *src, Idx base, A *h, Idx *hi)
    {
        const int outW = m_g.outW();
        const Interior in = m_plan.colInterior;
        if constexpr (isExtreme<R>) {
            // The interior's input columns [c0, c0 + n) are checked for NaN by the interior's
            // first pass itself (see firstPassFindsNaN); the columns around them here.
            if (firstPassFindsNaN()) {
                const AxisGeometry &a = m_g.cols;
                const int c0 = in.begin - a.padBefore;
                const int n = (in.end - in.begin) + (a.kernel - 1) * a.dilation;
                m_numbers = !anyNaN(src, c0) && !anyNaN(src + c0 + n, m_g.inW() - c0 - n);
            } else {
                m_numbers = !anyNaN(src, m_g.inW());
            }
        }
        // Windows at the borders (or every window, for adaptive bins): tap by tap.
        auto general = [&](int x) {
            const AxisSpan &cs = m_plan.cols[std::size_t(x)];
            A best = identity<R, T>();
            Idx bi = cs.count > 0 ? base + Idx(cs.first) : Idx(-1);
            for (int j = 0; j < cs.count; ++j) {
                const int c = cs.first + j * cs.step;
                const T v = src[c];
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
        if (in.begin < in.end)
            directInterior(src, base, h, hi);
        return !m_numbers;
    }

    /// Whether the interior's first pass over the input row (smallInterior, or doublingInterior's
    /// level 2) also finds whether its columns hold NaN: max and min without indices, where that
    /// pass takes the numbers path first and takes it again with the NaN rule only for a row that
    /// turns out to hold NaN. A separate anyNaN pass was where the row came from memory (a quarter
    /// of max 7×7/1's time on the 4K frame, perf), with nothing to overlap it with. With the rows
    /// four at a time (blocked()) that measured faster (4K frame, CPU time, one thread, min of 5
    /// rounds: max 5×5/1 13.6 against 14.7 ms, 7×7/1 15.6 / 16.7, 15×15/1 18.9 / 20.0); with
    /// combineDirect's rows (3×3/1) or van Herk's (31×31/1) it did not (13.8 against 12.5 ms,
    /// 23.7 against 22.2): there the separate pass stays.
    bool firstPassFindsNaN() const
    {
        if constexpr (isExtreme<R> && !WithIndex && std::is_floating_point_v<T>) {
            const AxisGeometry &a = m_g.cols;
            const Interior in = m_plan.colInterior;
            return blocked() && in.begin < in.end && a.stride == 1 &&
                   ((a.dilation == 1 && a.kernel >= 2 && a.kernel <= kSmallUpTo) ||
                    a.kernel >= kDoublingFrom);
        } else {
            return false;
        }
    }

    /// The interior windows tap by tap: h[x] ⊕= src[x·s + j·d − pb] for each tap j.
    void directInterior(const T *src, Idx base, A *h, Idx *hi)
    {
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const AxisGeometry &a = m_g.cols;
        const int s = a.stride, d = a.dilation, k = a.kernel, pb = a.padBefore;
        if constexpr (!WithIndex && R != Reduce::PowSum) {
            if (k == 2 && s == 2 && d == 1) {
                // The classic 2×2/2 case gets its own loop so the compiler can vectorise it.
                const T *p = src + (2 * b - pb);
                if constexpr (R == Reduce::Sum) {
                    for (int x = b; x < e; ++x, p += 2)
                        h[x] = double(p[0]) + double(p[1]);
                } else {
                    withPicker<R>(m_numbers, [&](auto pk) {
                        for (int x = b; x < e; ++x, p += 2)
                            h[x] = pk(p[0], p[1]);
                    });
                }
                return;
            }
            if (k == 3 && s == 2 && d == 1) {
                // 3×3/2 (the Photo tab's default) likewise; taps in order, as the tap loops.
                const T *p = src + (2 * b - pb);
                if constexpr (R == Reduce::Sum) {
                    for (int x = b; x < e; ++x, p += 2)
                        h[x] = double(p[0]) + double(p[1]) + double(p[2]);
                } else {
                    withPicker<R>(m_numbers, [&](auto pk) {
                        for (int x = b; x < e; ++x, p += 2)
                            h[x] = pk(pk(p[0], p[1]), p[2]);
                    });
                }
                return;
            }
        }
        if constexpr (!isExtreme<R>) {
            // Exact sliding sums first: the same bits as any order of the direct sums.
            if (s == 1 && d == 1 && k >= kSlidingColsFrom &&
                exactSums(Range::of(src + (b - pb), e - b + k - 1,
                                    R == Reduce::PowSum && m_plan.p == 2.0),
                          double(k) + kSlidingSlack)) {
                slidingInterior(src, h);
                return;
            }
        }
        if constexpr (!WithIndex) {
            if (s == 1 && d == 1 && k >= 2 && k <= kSmallUpTo) {
                smallInteriorOf<2>(k, src, h);
                return;
            }
        }
        if (s == 1 && k >= kDoublingFrom) {
            doublingInterior(src, base, h, hi);
            return;
        }
        // x·s and j·d in 64-bit: at stride or dilation near 2³⁰ they overflow int although the
        // position, past a padding as large, fits.
        for (int x = b; x < e; ++x) {
            const int c = int(std::int64_t(x) * s - pb);
            h[x] = load(src[c]);
            if constexpr (WithIndex)
                hi[x] = base + Idx(c);
        }
        for (int j = 1; j < k; ++j) {
            const int off = int(std::int64_t(j) * d - pb);
            const Idx tapBase = Idx(std::int64_t(base) + off); // 64-bit, as in tapLoop
            if (s == 1)
                tapLoop<1>(src + off, s, tapBase, b, e, h, hi);
            else if (s == 2)
                tapLoop<2>(src + off, s, tapBase, b, e, h, hi);
            else
                tapLoop<0>(src + off, s, tapBase, b, e, h, hi);
        }
    }

    /// Stride-1, undilated interior windows of K taps in one vector pass over the row (the tap
    /// loops below take K passes, the sliding sum one scalar pass): each window reduced tap by
    /// tap in order, so exactly the direct reduction.
    template <int K> void smallInterior(const T *src, A *h)
    {
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const T *__restrict row = src + (b - m_g.cols.padBefore);
        A *__restrict out = h + b;
        if constexpr (isExtreme<R>) {
            if constexpr (!WithIndex && std::is_floating_point_v<T>) {
                if (m_numbers && firstPassFindsNaN()) { // see reduceRow
                    // Written with vectors: the compiler's vectorisation of this loop came and
                    // went with the code around it (scalar, max 7×7/1 took twice as long).
                    using V = typename VectorOf<T>::type;
                    using U = typename VectorOf<std::uint32_t>::type;
                    constexpr int kLanes = int(sizeof(V) / sizeof(T));
                    const int w = e - b;
                    U tops = {};
                    int f = 0;
                    for (; f + kLanes <= w; f += kLanes) {
                        V v = loadVector<V>(row + f);
                        // memcpy, not std::bit_cast: GCC 12's UBSan reports a null load in
                        // bit_cast of a vector type at -O0 (a false report; same code here).
                        U bits;
                        std::memcpy(&bits, &v, sizeof bits);
                        bits &= kMagnitudeMask;
                        tops = tops > bits ? tops : bits;
#pragma GCC unroll 8
                        for (int j = 1; j < K; ++j)
                            v = pickNumbers<R>(v, loadVector<V>(row + f + j));
                        storeVector(out + f, v);
                    }
                    std::uint32_t top = 0;
                    for (int l = 0; l < kLanes; ++l)
                        top = std::max(top, std::uint32_t(tops[l]));
                    for (; f < w; ++f) {
                        A v = row[f];
                        top = std::max(top, magnitudeBits(row[f]));
                        for (int j = 1; j < K; ++j)
                            v = pickNumbers<R>(v, row[f + j]);
                        out[f] = v;
                    }
                    if (top <= kInfBits && !anyNaN(row + w, K - 1))
                        return;
                    m_numbers = false;
                }
            }
            withPicker<R>(m_numbers, [&](auto pk) {
                for (int f = 0; f < e - b; ++f) {
                    A v = row[f];
#pragma GCC unroll 8
                    for (int j = 1; j < K; ++j)
                        v = pk(v, row[f + j]);
                    out[f] = v;
                }
            });
        } else {
            for (int f = 0; f < e - b; ++f) {
                A v = load(row[f]);
#pragma GCC unroll 8
                for (int j = 1; j < K; ++j)
                    v += load(row[f + j]);
                out[f] = v;
            }
        }
    }

    /// smallInterior<k> for a runtime k in [K, kSmallUpTo].
    template <int K> void smallInteriorOf(int k, const T *src, A *h)
    {
        if constexpr (K < kSmallUpTo)
            if (k != K)
                return smallInteriorOf<K + 1>(k, src, h);
        smallInterior<K>(src, h);
    }

    /// exactSums (exactsums.h) for this reduction: the values are x, or |x|^p for Lp.
    bool exactSums(Range r, double terms) const
    {
        if constexpr (R == Reduce::PowSum) {
            if (m_plan.p != 1.0 && m_plan.p != 2.0)
                return false; // pow rounds
            return kernels::POOLVIZ_KERNEL_ISA::exactSums(r, terms, m_plan.p == 2.0);
        }
        return kernels::POOLVIZ_KERNEL_ISA::exactSums(r, terms, false);
    }

    /// The interior windows of a stride-1, undilated axis for sums whose values exactSums allows
    /// (for k + kSlidingSlack terms): each window is the one four before plus what the four steps
    /// between them add, exact in double, so the same bits as the direct sum. The steps' values
    /// g[i] = load(entering) − load(leaving) come first in one vector pass; then four windows at a
    /// time take one vector add of the sums of four consecutive g (no lane shuffles, no scalar
    /// chain). The row is cut into four runs, each started by a direct sum, which run side by
    /// side: four independent chains of vector additions in flight.
    void slidingInterior(const T *src, A *h)
    {
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const AxisGeometry &a = m_g.cols;
        const int k = a.kernel;
        const T *__restrict row = src + (b - a.padBefore);
        A *__restrict out = h + b;
        const int windows = e - b;
        auto direct = [&](int f) {
            A sum = 0.0;
            for (int j = 0; j < k; ++j)
                sum += load(row[f + j]);
            return sum;
        };
        if (m_diff.size() < std::size_t(windows))
            m_diff.resize(std::size_t(windows));
        A *__restrict diff = m_diff.data();
        loadDifferences(row, k, windows - 1, diff);
        // Runs of a multiple of four windows; what is left after them slides one by one.
        constexpr int kRuns = 4;
        const int run = windows / kRuns / 4 * 4;
        int f0 = 0; // the single scalar chain for the rest starts here
        if (run >= 8) {
            Quad sum[kRuns];
            for (int r = 0; r < kRuns; ++r) {
                const int f = r * run;
                out[f] = direct(f);
                for (int j = 1; j < 4; ++j)
                    out[f + j] = out[f + j - 1] + diff[f + j - 1];
                sum[r] = loadQuad(out + f);
            }
            for (int i = 0; i + 4 < run; i += 4)
                for (int r = 0; r < kRuns; ++r) {
                    const int f = r * run + i;
                    // Windows f + 4 … f + 7: windows f … f + 3 plus g[f + j] + … + g[f + j + 3].
                    sum[r] += (loadQuad(diff + f) + loadQuad(diff + f + 1)) +
                              (loadQuad(diff + f + 2) + loadQuad(diff + f + 3));
                    storeQuad(out + f + 4, sum[r]);
                }
            f0 = kRuns * run - 1;
        } else {
            out[0] = direct(0);
        }
        for (int f = f0 + 1; f < windows; ++f)
            out[f] = out[f - 1] + diff[f - 1];
    }

    /// g[i] = load(row[i + k]) − load(row[i]) for i in [0, n): a vector loop (for Lp, one per
    /// exponent, so that no pow call stands in it).
    void loadDifferences(const T *__restrict row, int k, int n, A *__restrict g) const
    {
        if constexpr (R == Reduce::PowSum) {
            if (m_plan.p == 2.0) {
                for (int i = 0; i < n; ++i) {
                    const double u = double(row[i + k]), v = double(row[i]);
                    g[i] = u * u - v * v;
                }
                return;
            }
            if (m_plan.p == 1.0) {
                for (int i = 0; i < n; ++i)
                    g[i] = std::fabs(double(row[i + k])) - std::fabs(double(row[i]));
                return;
            }
        }
        for (int i = 0; i < n; ++i)
            g[i] = load(row[i + k]) - load(row[i]);
    }

    /// The interior windows of a stride-1 axis in O(log k) passes over the row, each a vector
    /// loop: level m holds the reduction of the m taps i, i + d, …, i + (m−1)·d, and level 2m is
    /// level m ⊕ level m shifted by m·d. Max and min are idempotent, so a window is level m ⊕
    /// level m shifted by (k − m)·d, m the largest power of two ≤ k (two overlapping halves:
    /// the earlier half holds the window's first maximum if it holds one at all, and the later
    /// half its last NaN if it holds one, so PyTorch's rules hold). A sum adds one level per set
    /// bit of k at consecutive offsets: every part is a sum of the window's own values in
    /// double, never a running difference, so ±∞ and NaN behave as in the direct sum. Fewer
    /// passes of more loads (a level of ⌈√k⌉ taps straight from the row, then the windows from
    /// ⌈k/m⌉ shifted copies of it: two passes for k ≤ 64) measured no faster for max (31×31/1
    /// on the 4K frame: 27.4 against 26.6 ms): the passes are bound by their loads.
    void doublingInterior(const T *src, Idx base, A *h, Idx *hi)
    {
        const int b = m_plan.colInterior.begin, e = m_plan.colInterior.end;
        const AxisGeometry &a = m_g.cols;
        const int d = a.dilation, k = a.kernel;
        const int c0 = b - a.padBefore;
        const int windows = e - b;
        const int n = windows + (k - 1) * d;
        if (m_dv[0].size() < std::size_t(n)) {
            for (auto &v : m_dv)
                v.resize(std::size_t(n));
            if constexpr (WithIndex)
                for (auto &v : m_di)
                    v.resize(std::size_t(n));
        }
        A *__restrict cur = m_dv[0].data();
        A *__restrict next = m_dv[1].data();
        Idx *__restrict curI = WithIndex ? m_di[0].data() : nullptr;
        Idx *__restrict nextI = WithIndex ? m_di[1].data() : nullptr;
        const T *__restrict row = src + c0;
        A *__restrict out = h + b;
        Idx *__restrict outI = WithIndex ? hi + b : nullptr;
        if constexpr (!isExtreme<R>) {
            // Parts in tap order: the single first tap (odd k), then levels 2, 4, … as k's bits.
            doublingSums([&](int f) { return load(row[f]); }, cur, next, n, d, k, windows, out);
        } else {
            // Level 2 straight from the row (k ≥ 4, so there is one): no pass copying level 1.
            const int len2 = n - d;
            if constexpr (WithIndex) {
                const Idx first = base + Idx(c0);
                for (int i = 0; i < len2; ++i) {
                    const bool t = takes<R>(row[i + d], row[i]);
                    cur[i] = t ? row[i + d] : row[i];
                    curI[i] = first + Idx(i) + (t ? Idx(d) : Idx(0));
                }
            } else {
                bool done = false;
                if constexpr (std::is_floating_point_v<T>) {
                    if (m_numbers && firstPassFindsNaN()) {
                        std::uint32_t top = 0;
                        for (int i = 0; i < len2; ++i) {
                            top = std::max(top, magnitudeBits(row[i]));
                            cur[i] = pickNumbers<R>(row[i], row[i + d]);
                        }
                        done = m_numbers = top <= kInfBits && !anyNaN(row + len2, d);
                    }
                }
                if (!done)
                    withPicker<R>(m_numbers, [&](auto pk) {
                        for (int i = 0; i < len2; ++i)
                            cur[i] = pk(row[i], row[i + d]);
                    });
            }
            int m = 2;
            for (; 2 * m <= k; m *= 2) {
                const int len = n - (2 * m - 1) * d, sh = m * d;
                if constexpr (WithIndex) {
                    for (int i = 0; i < len; ++i) {
                        const bool t = takes<R>(cur[i + sh], cur[i]);
                        next[i] = t ? cur[i + sh] : cur[i];
                        nextI[i] = t ? curI[i + sh] : curI[i];
                    }
                    std::swap(curI, nextI);
                } else {
                    withPicker<R>(m_numbers, [&](auto pk) {
                        for (int i = 0; i < len; ++i)
                            next[i] = pk(cur[i], cur[i + sh]);
                    });
                }
                std::swap(cur, next);
            }
            const int sh = (k - m) * d;
            if constexpr (WithIndex) {
                for (int f = 0; f < windows; ++f) {
                    const bool t = takes<R>(cur[f + sh], cur[f]);
                    out[f] = t ? cur[f + sh] : cur[f];
                    outI[f] = t ? curI[f + sh] : curI[f];
                }
            } else {
                withPicker<R>(m_numbers, [&](auto pk) {
                    for (int f = 0; f < windows; ++f)
                        out[f] = pk(cur[f], cur[f + sh]);
                });
            }
        }
    }

    /// One tap of every interior window: h[x] ⊕= p[x·s]. S is the stride when known at compile
    /// time (so the loop vectorises), 0 for a runtime stride `s`.
    template <int S> void tapLoop(const T *p, int s, Idx off, int b, int e, A *h, Idx *hi) const
    {
        const std::ptrdiff_t step = S > 0 ? S : s;
        for (int x = b; x < e; ++x) {
            const T v = p[std::ptrdiff_t(x) * step];
            if constexpr (!isExtreme<R>) {
                h[x] += load(v);
            } else if constexpr (WithIndex) {
                const bool t = takes<R>(v, h[x]);
                h[x] = t ? v : h[x];
                hi[x] = t ? Idx(std::int64_t(x) * step + std::int64_t(off))
                          : hi[x]; // 64-bit: no overflow
            } else {
                h[x] = pick<R>(h[x], v);
            }
        }
    }

    const Plan &m_plan;
    const Geometry &m_g;
    const bool m_stream;                    ///< output rows are streamed (see streamRow)
    std::vector<T> m_rowOut;                ///< the output row being computed, when streamed
    int m_slots = 1;                        ///< scratch rows: hv(i) is row i % m_slots
    int m_prefixSlots = 1;                  ///< prefix rows: sv(i) is row i % m_prefixSlots
    std::vector<char> m_nanH, m_nanP;       ///< per slot: whether hv, sv may hold NaN (max/min)
    bool m_numbers = false;                 ///< the row being reduced holds no NaN (max/min)
    std::vector<A> m_hv, m_sv;              ///< band rows reduced along the columns; suffix blocks
    std::vector<Idx> m_hi, m_si;            ///< their flat indices
    std::vector<A> m_ov;                    ///< sums of one output row
    std::vector<Idx> m_oi;                  ///< indices of one output row
    std::vector<char> m_needed;             ///< band rows some window reads
    std::vector<A> m_dv[2];                 ///< doubling levels (ping-pong)
    std::vector<A> m_diff;                  ///< slidingInterior: what each step adds
    std::unique_ptr<SlidingSums> m_sliding; ///< sums down the rows, when they slide
    std::vector<Idx> m_di[2];               ///< their flat indices
};

Plan makePlan(const Geometry &g, int planes, int threads)
{
    Plan plan;
    plan.g = &g;
    plan.rows = axisSpans(g.rows);
    plan.cols = axisSpans(g.cols);
    plan.colInterior = interior(g.cols, plan.cols);
    plan.p = g.params.p;
    if (g.params.mode == PoolMode::Avg) {
        plan.divisors = divisorFactors(g.params, plan.rows, plan.cols);
        for (const double f : plan.divisors.cols)
            plan.inverseCols.push_back(1.0 / f);
    }
    const bool unitRows = !g.rows.adaptive && g.rows.stride == 1;
    plan.slidingRows = unitRows && g.rows.dilation == 1 && g.rows.kernel >= kSlidingFrom &&
                       g.rows.kernel <= kSlidingRowsUpTo &&
                       (g.params.mode == PoolMode::Avg ||
                        (g.params.mode == PoolMode::Lp && (plan.p == 1.0 || plan.p == 2.0)));
    plan.runningRows = unitRows && g.rows.kernel >= kRunningRowsFrom && !plan.slidingRows;
    plan.blockedRows = plan.runningRows && g.rows.dilation == 1 &&
                       (g.params.mode == PoolMode::Max || g.params.mode == PoolMode::Min) &&
                       g.rows.kernel >= kBlockedRowsFrom && g.rows.kernel <= kBlockedRowsUpTo;
    if (plan.slidingRows) {
        const bool avg = g.params.mode == PoolMode::Avg;
        plan.sliding = makeSlidingSumsPlan(g, plan.rows, plan.cols, plan.colInterior,
                                           avg             ? Tap::Value
                                           : plan.p == 1.0 ? Tap::Magnitude
                                                           : Tap::Square,
                                           avg ? &plan.divisors.rows : nullptr,
                                           avg ? &plan.inverseCols : nullptr);
    }
    // A band re-reads and re-reduces the input rows its first window shares with the band
    // above (k − s of them). A ring of reduced rows (sliding sums, van Herk: see SlidingSums,
    // runRunning) stays the same size whatever the band's height, so those bands take whole
    // planes on one thread. Other bands reduce every row they read into their own scratch rows:
    // about 64 input rows (at least four windows' height) keep those in cache.
    const int stride = std::max(g.rows.stride, 1);
    // The dilated kernel can exceed int (a 10⁶ kernel under SAME); only its order matters here.
    const std::int64_t extent =
        g.rows.adaptive ? std::max(g.rows.kernel, 1) : g.rows.effectiveKernel();
    const bool ring = plan.slidingRows || plan.runningRows;
    const std::int64_t outRows = std::int64_t(planes) * g.outH();
    const std::int64_t band =
        ring ? std::max<std::int64_t>(g.outH(), 1)
             : std::max<std::int64_t>(
                   1, std::max<std::int64_t>(64, 4 * std::min<std::int64_t>(extent, 1 << 24)) /
                          stride);
    std::int64_t tasks = std::max<std::int64_t>(1, (outRows + band - 1) / band);
    // Several threads: a few tasks each, as many for every thread and of one height, so that
    // they finish together (bands per plane left 27 tasks of two heights for 3 planes at
    // k = 31, and each of the 9 bands of a plane re-reduced 30 rows: 1.6× on 2 threads).
    if (threads > 1) {
        tasks = std::max<std::int64_t>(tasks, std::int64_t(kTasksPerThread) * threads);
        tasks = (tasks + threads - 1) / threads * threads;
    }
    plan.tasks = int(std::clamp<std::int64_t>(tasks, 1, std::max<std::int64_t>(outRows, 1)));
    return plan;
}

template <class T, Reduce R, bool WithIndex, class Idx>
void poolWith(const BasicTensor<T> &input, const Plan &plan, BasicTensor<T> &values,
              IndexTensor *indices, int threads)
{
    const Geometry &g = *plan.g;
    const int outH = g.outH();
    const std::int64_t outRows = std::int64_t(input.planeCount()) * outH;
    const int tasks = plan.tasks;
    // Spawning threads costs tens of microseconds: small inputs stay on the calling thread.
    if (input.size() < (std::size_t(1) << 16))
        threads = 1;
    threads = std::clamp(threads, 1, std::max(tasks, 1));
    // An output larger than the caches is written past them: the next pass over it will not
    // find it there anyway, and a normal store first reads each line it writes.
    const bool stream = values.size() * sizeof(T) >= kStreamFrom;
    std::vector<std::unique_ptr<BandPooler<T, R, WithIndex, Idx>>> workers(
        static_cast<std::size_t>(threads));
    parallelFor(tasks, threads, [&](int task, int worker) {
        auto &pooler = workers[std::size_t(worker)];
        if (!pooler)
            pooler = std::make_unique<BandPooler<T, R, WithIndex, Idx>>(plan, stream);
        // Rows [r0, r1) of all planes' output rows, one band per plane they touch.
        std::int64_t r = outRows * task / tasks;
        const std::int64_t r1 = outRows * (task + 1) / tasks;
        while (r < r1) {
            const int p = int(r / outH), oy0 = int(r % outH);
            const int oy1 = int(std::min<std::int64_t>(outH, oy0 + (r1 - r)));
            pooler->run(input.planeData(p), values.planeData(p),
                        WithIndex ? indices->planeData(p) : nullptr, oy0, oy1);
            r += oy1 - oy0;
        }
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
                poolWith<float, R, true, std::int32_t>(input, plan, values, indices, threads);
            else
                poolWith<float, R, true, std::int64_t>(input, plan, values, indices, threads);
            return;
        }
    }
    poolWith<float, R, false, std::int32_t>(input, plan, values, nullptr, threads);
}

} // namespace

void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads)
{
    if (input.planeCount() == 0 || g.outH() == 0 || g.outW() == 0)
        return;
    if (tiles(g))
        return poolTiles(input, g, values, indices, threads);
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

void poolBytePlanes(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads)
{
    if (input.planeCount() == 0 || g.outH() == 0 || g.outW() == 0)
        return;
    if (tiles(g))
        return poolByteTiles(input, g, values, threads);
    const Plan plan = makePlan(g, input.planeCount(), threads);
    if (g.params.mode == PoolMode::Max)
        poolWith<std::uint8_t, Reduce::Max, false, std::int32_t>(input, plan, values, nullptr,
                                                                 threads);
    else
        poolWith<std::uint8_t, Reduce::Min, false, std::int32_t>(input, plan, values, nullptr,
                                                                 threads);
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
