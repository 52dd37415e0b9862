// Average backward for small stride-1 windows (see backwardplanes.h): each input row summed
// straight from the upstream rows of its windows, down the rows first, then along the row.
// Compiled twice, like every kernel source (baseline and AVX2, see isa.h and
// core/CMakeLists.txt).
#include "backwardbands.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

/// Up to this many taps down the rows: each input row adds its windows' upstream rows directly
/// (taller windows take the running sums of backwardaverage.cpp).
constexpr int kSmallRows = 3;
/// Up to this many taps along the rows (a vector pass with the taps unrolled).
constexpr int kSmallCols = 8;

/// v[ox] = ((0 + up[0][ox]·f[0][ox]) + up[1][ox]·f[1][ox]) + … (N upstream rows, in output
/// order), each factor f[i][ox] = inverseRow[i]·inverseCol[ox] (the share g/divisor in double,
/// as everywhere); one pass over the row.
template <int N>
void downRowsOf(const float *const *up, const double *inverseRow,
                const double *__restrict inverseCol, double *__restrict v, int outW,
                const float *next)
{
    const float *__restrict u0 = up[0];
    const float *__restrict u1 = N > 1 ? up[1] : up[0];
    const float *__restrict u2 = N > 2 ? up[2] : up[0];
    const double f0 = inverseRow[0], f1 = N > 1 ? inverseRow[1] : 0.0,
                 f2 = N > 2 ? inverseRow[2] : 0.0;
    // The next input row reads one more upstream row, not in cache yet: asked for a chunk at a
    // time as this pass goes (measured: otherwise the pass waits on it for much of its time).
    constexpr int kChunk = 64; // 4 cache lines of upstream values
    for (int from = 0; from < outW; from += kChunk) {
        if (next)
            for (int ox = from; ox < std::min(outW, from + kChunk); ox += 16)
                __builtin_prefetch(next + ox);
        const int to = std::min(outW, from + kChunk);
        for (int ox = from; ox < to; ++ox) {
            double sum = 0.0 + double(u0[ox]) * (f0 * inverseCol[ox]);
            if constexpr (N > 1)
                sum += double(u1[ox]) * (f1 * inverseCol[ox]);
            if constexpr (N > 2)
                sum += double(u2[ox]) * (f2 * inverseCol[ox]);
            v[ox] = sum;
        }
    }
}

void downRows(int n, const float *const *up, const double *inverseRow, const double *inverseCol,
              double *v, int outW, const float *next)
{
    static_assert(kSmallRows == 3);
    switch (n) {
    case 0:
        std::fill(v, v + outW, 0.0);
        break;
    case 1:
        downRowsOf<1>(up, inverseRow, inverseCol, v, outW, next);
        break;
    case 2:
        downRowsOf<2>(up, inverseRow, inverseCol, v, outW, next);
        break;
    default:
        downRowsOf<3>(up, inverseRow, inverseCol, v, outW, next);
        break;
    }
}

/// Cell c of alongRow.
template <int K> inline float alongCell(const double *v, int c)
{
    double sum = 0.0;
    for (int t = 0; t < K; ++t)
        sum += v[c + t];
    return float(sum);
}

/// out[c] = ((0 + v[c]) + v[c + 1]) + … + v[c + K − 1], rounded to float once, for c < W. With
/// `stream` (the AVX2 copy), four cells at a time go out with streaming stores from the first
/// 16-byte aligned one on: the same adds, lane by lane.
template <int K>
void alongRow(const double *__restrict v, float *__restrict out, int W,
              [[maybe_unused]] bool stream)
{
    int c = 0;
#if defined(POOLVIZ_KERNEL_AVX2)
    if (stream) {
        for (; c < W && (reinterpret_cast<std::uintptr_t>(out + c) & 15) != 0; ++c)
            out[c] = alongCell<K>(v, c);
        for (; c + 4 <= W; c += 4) {
            __m256d sum = _mm256_setzero_pd();
            for (int t = 0; t < K; ++t)
                sum = _mm256_add_pd(sum, _mm256_loadu_pd(v + c + t));
            _mm_stream_ps(out + c, _mm256_cvtpd_ps(sum));
        }
    }
#endif
    for (; c < W; ++c)
        out[c] = alongCell<K>(v, c);
}

using AlongRow = void (*)(const double *, float *, int, bool);
template <std::size_t... K>
constexpr std::array<AlongRow, sizeof...(K)> alongRowTable(std::index_sequence<K...>)
{
    return {&alongRow<int(K) + 1>...};
}

} // namespace

bool smallAverageWindows(const Plan &plan)
{
    const auto unit = [](const AxisGeometry &a, int most) {
        return !a.adaptive && a.stride == 1 && a.dilation == 1 && a.kernel >= 1 &&
               a.kernel <= most && a.padBefore < a.kernel;
    };
    return unit(plan.g->rows, kSmallRows) && unit(plan.g->cols, kSmallCols);
}

void smallAverageBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput,
                          Tensor &grad, int threads)
{
    static constexpr auto table = alongRowTable(std::make_index_sequence<kSmallCols>());
    const Geometry &g = *plan.g;
    const DivisorFactors div = divisorFactors(g.params, plan.rows, plan.cols);
    const int W = input.w(), outW = g.outW(), outH = g.outH();
    const int kh = g.rows.kernel, kw = g.cols.kernel;
    const int padTop = g.rows.padBefore, padLeft = g.cols.padBefore;
    std::vector<double> inverseRows(div.rows.size()), inverseCols(div.cols.size());
    for (std::size_t i = 0; i < div.rows.size(); ++i)
        inverseRows[i] = 1.0 / div.rows[i];
    for (std::size_t i = 0; i < div.cols.size(); ++i)
        inverseCols[i] = 1.0 / div.cols[i];
    const AlongRow along = table[std::size_t(kw - 1)];
    const bool stream = grad.size() >= kStreamGradientFrom;
    // Per thread: the column sums of one input row's windows, v[ox] at sums[ox + kw − 1], with
    // zeros for the windows before the first and past the last (they add +0: no sum is −0,
    // each starts from +0); and the row when it is streamed out.
    struct Scratch
    {
        std::vector<double> sums;
        std::vector<float> row;
    };
    const std::size_t padded = std::size_t(std::max(W + padLeft, outW)) + std::size_t(kw);
    std::vector<Scratch> scratch(std::size_t(std::max(threads, 1)));
    overBands(input, plan, threads, [&](int p, int r0, int r1, int worker) {
        Scratch &sc = scratch[std::size_t(worker)];
        if (sc.sums.size() != padded) {
            sc.sums.assign(padded, 0.0);
            sc.row.resize(std::size_t(W));
        }
        const float *go = gradOutput.planeData(p);
        float *gi = grad.planeData(p);
        double *__restrict v = sc.sums.data() + (kw - 1);
        const double *__restrict inverse = inverseCols.data();
        for (int r = r0; r < r1; ++r) {
            // Windows oy ∈ [r + padTop − kh + 1, r + padTop] read row r; columns likewise.
            const int oyFirst = std::max(0, r + padTop - kh + 1);
            const int oyLast = std::min(outH - 1, r + padTop);
            const int n = std::max(0, oyLast - oyFirst + 1);
            const float *up[kSmallRows];
            double inverseRow[kSmallRows];
            for (int i = 0; i < n; ++i) {
                up[i] = go + std::size_t(oyFirst + i) * std::size_t(outW);
                inverseRow[i] = inverseRows[std::size_t(oyFirst + i)];
            }
            const float *next = oyLast + 1 < outH && r + 1 < r1
                                    ? go + std::size_t(oyLast + 1) * std::size_t(outW)
                                    : nullptr;
            downRows(n, up, inverseRow, inverse, v, outW, next);
            float *dst = gi + std::size_t(r) * std::size_t(W);
            // Column c: windows ox = c + padLeft − kw + 1 … c + padLeft, at sums[c + padLeft …].
#if defined(POOLVIZ_KERNEL_AVX2)
            along(sc.sums.data() + padLeft, dst, W, stream);
#else
            float *out = stream ? sc.row.data() : dst;
            along(sc.sums.data() + padLeft, out, W, false);
            if (stream)
                streamRow(dst, out, W);
#endif
        }
        if (stream)
            storeFence();
    });
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
