// Max/min backward for 3×3 windows at stride 2 wholly inside the input (see backwardplanes.h).
// Compiled twice, like every kernel source (baseline and AVX2, see isa.h and
// core/CMakeLists.txt).
#include "backwardbands.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

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
        m_row.resize(m_w);
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
            streamRow(dst, m_row.data(), m_w);
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
            streamRow(dst, row, m_w);
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

#if defined(POOLVIZ_KERNEL_AVX2)
/// The lanes of v where `codes` equals c, +0 elsewhere (a mask, never a product: ±∞ and NaN
/// stay out of the lanes they do not belong to).
inline __m256 where(__m256i codes, std::int32_t c, __m256 v)
{
    return _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(codes, _mm256_set1_epi32(c))), v);
}

/// The lanes [previous[7], current[0], …, current[6]]: each window's left neighbour.
inline __m256i shiftIn(__m256i current, __m256i previous)
{
    return _mm256_alignr_epi8(current, _mm256_permute2x128_si256(previous, current, 0x21), 12);
}

/// Stride2Windows in one pass per window row, 8 windows at a time in registers (the AVX2 copy):
/// the three input rows' column reductions, the windows' taps 3t + u, and the shares of all
/// three tap rows, the held row included, without intermediate rows of taps. The same values
/// and the same adds in the same order as Stride2Windows (see there), bit for bit.
template <Extreme E> class Stride2Fused
{
public:
    explicit Stride2Fused(const Geometry &g)
        : m_w(g.inW()), m_outW(g.outW()), m_outH(g.outH()), m_h(g.inH())
    {
        // Chunks of 8 windows up to window outW (a window past the last, so that cell 2·outW
        // gets its share from the left): the stores of a chunk reach 16 cells and 8 windows on.
        const std::size_t windows = std::size_t(m_outW) + 9;
        m_heldEven.resize(windows);
        m_heldOdd.resize(windows);
        m_reducedValue.resize(windows);
        m_reducedTap.resize(windows);
        m_top.resize(std::size_t(m_w) + 16);
        m_middle.resize(std::size_t(m_w) + 16);
        // Chunks from `m_direct` on read copies of their cells: a chunk reads 18 cells from its
        // first window's, which pass the row end for the last windows.
        m_direct = m_outW >= 9 ? ((m_outW - 9) / 8 + 1) * 8 : 0;
    }

    /// Writes input rows [r0, r1) of the gradient plane `gi`.
    void run(const float *x, const float *go, float *gi, int r0, int r1, bool stream)
    {
        const std::size_t W = std::size_t(m_w);
        const int n = m_outW;
        // Window rows reaching [r0, r1): 2oy + 2 ≥ r0 and 2oy ≤ r1 − 1.
        const int first = std::max(0, (r0 - 1) / 2);
        const int last = std::min(m_outH - 1, (r1 - 1) / 2);
        const auto inBand = [&](int r) { return r >= r0 && r < r1; };
        // The held row starts at zero: the first window row (oy = 0) has nothing above it.
        std::fill(m_heldEven.begin(), m_heldEven.end(), 0.0f);
        std::fill(m_heldOdd.begin(), m_heldOdd.end(), 0.0f);
        int reducedRow = -1; // the input row m_reducedValue / m_reducedTap hold
        for (int oy = first; oy <= last; ++oy) {
            const int top = 2 * oy;
            const float *rows[3] = {x + std::size_t(top) * W, x + std::size_t(top + 1) * W,
                                    x + std::size_t(top + 2) * W};
            // The next window row reads rows top + 3 and top + 4: asked for a line per chunk.
            const bool ahead = top + 4 < m_h;
            const float *g = go + std::size_t(oy) * std::size_t(n);
            const bool reuse = reducedRow == top;
            // Rows top and top + 1 of a large gradient go straight out with streaming stores
            // where their cells are 16-byte aligned (the chunks read from copies excepted).
            float *directTop = direct(gi, top, inBand(top) && stream);
            float *directMiddle = direct(gi, top + 1, inBand(top + 1) && stream);
            __m256i previousCode = _mm256_set1_epi32(-1);
            __m256 previousUp = _mm256_setzero_ps();
            for (int j = 0; j <= n; j += 8) {
                const float *cells[3];
                const float *up;
                if (j < m_direct) {
                    for (int i = 0; i < 3; ++i)
                        cells[i] = rows[i] + 2 * std::size_t(j);
                    up = g + j;
                    if (ahead) {
                        __builtin_prefetch(cells[2] + W);
                        __builtin_prefetch(cells[2] + 2 * W);
                    }
                } else {
                    // The last windows, from copies padded with zeros; windows past the last
                    // get upstream 0, so they add +0 (no cell is −0: each is a sum from +0).
                    const int from = 2 * j, count = std::min(m_w - from, kCells);
                    for (int i = 0; i < 3; ++i) {
                        std::copy(rows[i] + from, rows[i] + from + count, m_copy[i].begin());
                        std::fill(m_copy[i].begin() + count, m_copy[i].end(), 0.0f);
                        cells[i] = m_copy[i].data();
                    }
                    const int windows = std::clamp(n - j, 0, 8);
                    std::copy(g + j, g + j + windows, m_copyUp.begin());
                    std::fill(m_copyUp.begin() + windows, m_copyUp.end(), 0.0f);
                    up = m_copyUp.data();
                }
                const Reduced r0 = reuse ? Reduced{_mm256_loadu_ps(m_reducedValue.data() + j),
                                                   _mm256_loadu_si256(reinterpret_cast<__m256i *>(
                                                       m_reducedTap.data() + j))}
                                         : reduce(cells[0]);
                const Reduced r1 = reduce(cells[1]), r2 = reduce(cells[2]);
                _mm256_storeu_ps(m_reducedValue.data() + j, r2.value);
                _mm256_storeu_si256(reinterpret_cast<__m256i *>(m_reducedTap.data() + j), r2.tap);
                const __m256i code = combine(r0, r1, r2);
                const __m256 own = _mm256_loadu_ps(up);
                const __m256i codeLeft = shiftIn(code, previousCode);
                const __m256 left = _mm256_castsi256_ps(
                    shiftIn(_mm256_castps_si256(own), _mm256_castps_si256(previousUp)));
                previousCode = code;
                previousUp = own;
                const __m256 zero = _mm256_setzero_ps();
                // An even cell 2j: window j − 1's column 2, then window j's column 0; odd cells
                // window j's column 1. Row top after the held shares of the window row above.
                float *heldEven = m_heldEven.data() + j, *heldOdd = m_heldOdd.data() + j;
                const __m256 even0 = _mm256_add_ps(
                    _mm256_add_ps(_mm256_loadu_ps(heldEven), where(codeLeft, 2, left)),
                    where(code, 0, own));
                const __m256 odd0 = _mm256_add_ps(_mm256_loadu_ps(heldOdd), where(code, 1, own));
                const __m256 even1 = _mm256_add_ps(_mm256_add_ps(zero, where(codeLeft, 5, left)),
                                                   where(code, 3, own));
                const __m256 odd1 = _mm256_add_ps(zero, where(code, 4, own));
                const __m256 even2 = _mm256_add_ps(_mm256_add_ps(zero, where(codeLeft, 8, left)),
                                                   where(code, 6, own));
                const __m256 odd2 = _mm256_add_ps(zero, where(code, 7, own));
                _mm256_storeu_ps(heldEven, even2);
                _mm256_storeu_ps(heldOdd, odd2);
                const bool straight = j < m_direct;
                if (straight && directTop)
                    interleaveStreamed(directTop + 2 * j, even0, odd0);
                else
                    interleave(m_top.data() + 2 * j, even0, odd0);
                if (straight && directMiddle)
                    interleaveStreamed(directMiddle + 2 * j, even1, odd1);
                else
                    interleave(m_middle.data() + 2 * j, even1, odd1);
            }
            reducedRow = top + 2;
            if (inBand(top))
                emit(gi, top, m_top.data(), stream, directTop ? 2 * m_direct : 0);
            if (inBand(top + 1))
                emit(gi, top + 1, m_middle.data(), stream, directMiddle ? 2 * m_direct : 0);
            if (inBand(top + 2) && oy == m_outH - 1) { // no window below: the row is final
                for (int i = 0; i <= n; ++i) {
                    m_top[2 * std::size_t(i)] = m_heldEven[std::size_t(i)];
                    m_top[2 * std::size_t(i) + 1] = m_heldOdd[std::size_t(i)];
                }
                emit(gi, top + 2, m_top.data(), stream);
            }
        }
        // Rows below the last window.
        std::fill(m_top.begin(), m_top.end(), 0.0f);
        for (int r = std::max(r0, 2 * m_outH + 1); r < r1; ++r)
            emit(gi, r, m_top.data(), stream);
    }

private:
    static constexpr int kCells = 18; ///< the cells of 8 windows: 2·8 + 1, and one more read

    /// 8 windows' extremes along the columns of one input row and their column taps (0–2), in
    /// the lane order of the shuffles: windows 0 1 4 5 2 3 6 7.
    struct Reduced
    {
        __m256 value;
        __m256i tap;
    };

    /// takes<E> in every lane.
    static __m256 takesLanes(__m256 v, __m256 best)
    {
        const __m256 nan = _mm256_cmp_ps(v, v, _CMP_UNORD_Q);
        if constexpr (E == Extreme::Max)
            return _mm256_or_ps(_mm256_cmp_ps(v, best, _CMP_GT_OQ), nan);
        else
            return _mm256_or_ps(_mm256_cmp_ps(v, best, _CMP_LT_OQ), nan);
    }

    static __m256i pick(__m256i keep, __m256i take, __m256 mask)
    {
        return _mm256_castps_si256(
            _mm256_blendv_ps(_mm256_castsi256_ps(keep), _mm256_castsi256_ps(take), mask));
    }

    /// Windows j … j + 7 of the row whose cell 2j is cells[0].
    static Reduced reduce(const float *cells)
    {
        const __m256 a0 = _mm256_loadu_ps(cells), a1 = _mm256_loadu_ps(cells + 8);
        const __m256 b0 = _mm256_loadu_ps(cells + 2), b1 = _mm256_loadu_ps(cells + 10);
        const __m256 left = _mm256_shuffle_ps(a0, a1, _MM_SHUFFLE(2, 0, 2, 0));
        const __m256 middle = _mm256_shuffle_ps(a0, a1, _MM_SHUFFLE(3, 1, 3, 1));
        const __m256 right = _mm256_shuffle_ps(b0, b1, _MM_SHUFFLE(2, 0, 2, 0));
        const __m256 takeMiddle = takesLanes(middle, left);
        __m256 best = _mm256_blendv_ps(left, middle, takeMiddle);
        __m256i tap = pick(_mm256_setzero_si256(), _mm256_set1_epi32(1), takeMiddle);
        const __m256 takeRight = takesLanes(right, best);
        best = _mm256_blendv_ps(best, right, takeRight);
        tap = pick(tap, _mm256_set1_epi32(2), takeRight);
        return {best, tap};
    }

    /// The windows' taps 3t + u, in window order, from their three rows' reductions.
    static __m256i combine(const Reduced &r0, const Reduced &r1, const Reduced &r2)
    {
        const __m256 take1 = takesLanes(r1.value, r0.value);
        const __m256 best = _mm256_blendv_ps(r0.value, r1.value, take1);
        __m256i code = pick(r0.tap, _mm256_add_epi32(r1.tap, _mm256_set1_epi32(3)), take1);
        const __m256 take2 = takesLanes(r2.value, best);
        code = pick(code, _mm256_add_epi32(r2.tap, _mm256_set1_epi32(6)), take2);
        return _mm256_permute4x64_epi64(code, _MM_SHUFFLE(3, 1, 2, 0));
    }

    /// Cells 2j … 2j + 15 from their even and odd lanes.
    static void interleave(float *cells, __m256 even, __m256 odd)
    {
        const __m256 lo = _mm256_unpacklo_ps(even, odd), hi = _mm256_unpackhi_ps(even, odd);
        _mm256_storeu_ps(cells, _mm256_permute2f128_ps(lo, hi, 0x20));
        _mm256_storeu_ps(cells + 8, _mm256_permute2f128_ps(lo, hi, 0x31));
    }

    /// Cells 2j … 2j + 15 from their even and odd lanes, with streaming stores; `cells` is
    /// 16-byte aligned.
    static void interleaveStreamed(float *cells, __m256 even, __m256 odd)
    {
        const __m256 lo = _mm256_unpacklo_ps(even, odd), hi = _mm256_unpackhi_ps(even, odd);
        _mm_stream_ps(cells, _mm256_castps256_ps128(lo));
        _mm_stream_ps(cells + 4, _mm256_castps256_ps128(hi));
        _mm_stream_ps(cells + 8, _mm256_extractf128_ps(lo, 1));
        _mm_stream_ps(cells + 12, _mm256_extractf128_ps(hi, 1));
    }

    /// Input row r of `gi` if it is to be streamed straight and its cells are 16-byte aligned,
    /// else null.
    float *direct(float *gi, int r, bool streamed) const
    {
        if (!streamed || m_direct == 0)
            return nullptr;
        float *row = gi + std::size_t(r) * std::size_t(m_w);
        return (reinterpret_cast<std::uintptr_t>(row) & 15) == 0 ? row : nullptr;
    }

    /// `row` from cell `from` on into input row r, zero past the last window's cells, streamed
    /// or copied (cells before `from` were streamed straight).
    void emit(float *gi, int r, float *row, bool stream, int from = 0)
    {
        std::fill(row + 2 * std::size_t(m_outW) + 1, row + m_w, 0.0f);
        float *dst = gi + std::size_t(r) * std::size_t(m_w);
        if (stream)
            streamRow(dst + from, row + from, m_w - from);
        else
            std::copy(row + from, row + m_w, dst + from);
    }

    int m_w, m_outW, m_outH, m_h;
    int m_direct = 0;                         ///< chunks before this window read the input directly
    std::vector<float> m_heldEven, m_heldOdd; ///< row top + 2's shares so far, even and odd cells
    std::vector<float> m_reducedValue;        ///< row top + 2 reduced (shuffled lanes) …
    std::vector<std::int32_t> m_reducedTap;   ///< … and its column taps, for the next window row
    std::vector<float> m_top, m_middle;       ///< rows top and top + 1
    std::array<std::array<float, kCells>, 3> m_copy{};
    std::array<float, 8> m_copyUp{};
};
#endif

} // namespace

bool stride2Windows(const Plan &plan)
{
    const auto fits = [](const AxisGeometry &a, const Interior &in) {
        return !a.adaptive && a.kernel == 3 && a.stride == 2 && a.dilation == 1 &&
               a.padBefore == 0 && a.out > 0 && in.begin == 0 && in.end == a.out;
    };
    return fits(plan.g->cols, plan.colInterior) &&
           fits(plan.g->rows, interior(plan.g->rows, plan.rows));
}

template <Extreme E>
void stride2Backward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                     int threads)
{
    const Geometry &g = *plan.g;
    const bool stream = grad.size() >= kStreamGradientFrom;
#if defined(POOLVIZ_KERNEL_AVX2)
    using Worker = Stride2Fused<E>;
#else
    using Worker = Stride2Windows<E>;
#endif
    std::vector<std::unique_ptr<Worker>> workers(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        auto &w = workers[std::size_t(worker)];
        if (!w)
            w = std::make_unique<Worker>(g);
        w->run(input.planeData(p), gradOutput.planeData(p), grad.planeData(p), r0, r1, stream);
        if (stream)
            storeFence();
    });
}

template void stride2Backward<Extreme::Max>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);
template void stride2Backward<Extreme::Min>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
