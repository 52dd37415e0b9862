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

#if defined(POOLVIZ_KERNEL_AVX2)
/// The lanes of v where `codes` equals c, +0 elsewhere (a mask, never a product: ±∞ and NaN
/// stay out of the lanes they do not belong to).
inline __m256 where(__m256i codes, std::int32_t c, __m256 v)
{
    return _mm256_and_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(codes, _mm256_set1_epi32(c))), v);
}
#endif

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
}

template void stride2Backward<Extreme::Max>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);
template void stride2Backward<Extreme::Min>(const Tensor &, const Plan &, const Tensor &, Tensor &,
                                            int);

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
