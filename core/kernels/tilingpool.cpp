// Windows that tile the input (kernel = stride = 2, 3 or 4, see tilingpool.h): each output row
// reads its k input rows once and writes its values (and indices) once, in one loop the compiler
// vectorises (k-strided loads become shuffles). The general kernels (planepool.cpp) reduce every
// input row into a scratch row of doubles first and combine those rows in further passes; for
// these windows that is several times the memory traffic of the floor.
//
// Same bits as the general kernels, by the same operations in the same order:
// - max/min: the taps in row-major order, each taken when it `takes` (reduce.h) from the best so
//   far, starting from the first tap; the index is the last tap taken.
// - average: each input row's k taps summed in double left to right, then the rows' sums added
//   top to bottom, then one multiplication by (1 / row factor)·(1 / column factor) in double
//   and one rounding to float. (Four floats summed in double are not always exact: 1 + 2⁻⁶⁰
//   is not a double. Summing in float instead would round differently, e.g. 1 + 2⁻²⁴ + 2⁻²⁴
//   is 1 in float but 1 + 2⁻²³ in double, so this path keeps the double sums.) No FMA: the
//   kernels are compiled without it.
//
// Memory: each output row is done in blocks of kBlock outputs, and before each block the input
// lines kAheadBytes ahead of it in each of its k rows are prefetched (see forBlocks). Left to
// the hardware prefetcher alone these loops wait on the input (avg 2×2/2: 60 % of the samples
// on the first load of the top row). Measured on the 3×2160×3840 frame, one thread, AVX2, CPU
// time, min of 6 rounds × 3 repetitions alternating with the unchanged binary (load 2–3): avg
// 2×2/2 7.0 → 4.75 ms (OpenCV's INTER_AREA 6.8–7.1 ms), max 2×2/2 6.8 → 4.1 ms; max 2×2/2
// with indices (4 rounds) 10.0 → 8.3 ms. Distances tried (prefetches inline in averageRow2):
// 128 floats 6.0–7.5 ms, 256 4.9–6.2, 512 4.2–4.8, 1024 4.3–5.8, 2048 5.4–6.4; blocks of 32
// outputs rather than 64: 4.4 against 4.0 ms. Streaming the outputs past the caches (stream.h;
// 25 MB here) made them slower on this machine, with or without the prefetches: avg 7.9
// against 7.8 ms without, 5.9–6.7 against 4.2–4.8 ms with them; max 2×2/2 8.3 against 7.4 ms,
// with indices 13.6 against 10.1 ms (row buffer + streamRow). So these paths store normally.
#include "tilingpool.h"

#include "isa.h"
#include "spans.h"
#include "stream.h"
#include "threads.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#ifdef POOLVIZ_KERNEL_AVX2
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

/// Outputs per block of a row (see forBlocks).
constexpr int kBlock = 64;
/// How far ahead of a block its input rows are prefetched, in bytes (512 floats; see the top).
constexpr int kAheadBytes = 2048;

/// Runs block(x0, x1) over [0, n) in blocks of kBlock outputs, each after prefetching the lines
/// kAheadBytes past its input in each of the K rows from `rows`, W apart (past the end of a row
/// they reach the next rows, which the next output row reads; see prefetchPast).
template <int K, class T, class F>
inline void forBlocks(const T *rows, std::ptrdiff_t W, int n, F block)
{
    constexpr int line = 64 / int(sizeof(T));
    for (int x0 = 0; x0 < n; x0 += kBlock) {
        const int x1 = std::min(n, x0 + kBlock);
        for (int r = 0; r < K; ++r)
            for (std::ptrdiff_t i = std::ptrdiff_t(K) * x0; i < std::ptrdiff_t(K) * x1; i += line)
                prefetchPast(rows + r * W + i, kAheadBytes);
        block(x0, x1);
    }
}

/// k taps of one input row from `p`, summed in double left to right.
template <int K> inline double rowSum(const float *p)
{
    double s = double(p[0]);
    for (int j = 1; j < K; ++j)
        s += double(p[j]);
    return s;
}

/// One output row of averages: `rows` points at the window's first input row, `W` apart.
template <int K>
void averageRow(const float *__restrict rows, std::ptrdiff_t W, float *__restrict out, int n,
                double scale)
{
    for (int x = 0; x < n; ++x) {
        const float *p = rows + K * x;
        double sum = rowSum<K>(p);
#pragma GCC unroll 4
        for (int r = 1; r < K; ++r)
            sum += rowSum<K>(p + r * W);
        out[x] = float((sum + 0.0) * scale); // + 0: PyTorch's sum starts from 0, so −0s give +0
    }
}

#ifdef POOLVIZ_KERNEL_AVX2
/// averageRow<2> eight outputs at a time, for the AVX2 copy: the compiler's version of the loop
/// above spends two permutes per load on the stride-2 pattern. Here each half-row of four
/// floats widens to four doubles, `hadd` adds neighbours (outputs x, x+2, x+1, x+3 in its
/// lanes), the two rows add, the scale multiplies, and one in-lane permute restores the order.
/// Returns how many outputs it wrote (a multiple of 8); the plain loop does the rest.
int averageRow2(const float *__restrict top, const float *__restrict bottom, float *__restrict out,
                int n, double scale)
{
    const __m256d sc = _mm256_set1_pd(scale);
    auto four = [&](const float *a, const float *b) {
        const __m256d ha =
            _mm256_hadd_pd(_mm256_cvtps_pd(_mm_loadu_ps(a)), _mm256_cvtps_pd(_mm_loadu_ps(a + 4)));
        const __m256d hb =
            _mm256_hadd_pd(_mm256_cvtps_pd(_mm_loadu_ps(b)), _mm256_cvtps_pd(_mm_loadu_ps(b + 4)));
        const __m256d sum = _mm256_add_pd(_mm256_add_pd(ha, hb), _mm256_setzero_pd()); // see above
        return _mm256_cvtpd_ps(_mm256_mul_pd(sum, sc));
    };
    int x = 0;
    for (; x + 8 <= n; x += 8) {
        const float *a = top + 2 * x, *b = bottom + 2 * x;
        const __m256 f = _mm256_set_m128(four(a + 8, b + 8), four(a, b));
        _mm256_storeu_ps(out + x, _mm256_permute_ps(f, _MM_SHUFFLE(3, 1, 2, 0)));
    }
    return x;
}
#endif

/// One output row of maxima or minima without indices.
template <Reduce R, int K, class T>
void extremeRow(const T *__restrict rows, std::ptrdiff_t W, T *__restrict out, int n)
{
    for (int x = 0; x < n; ++x) {
        const T *p = rows + K * x;
        T best = p[0];
#pragma GCC unroll 16
        for (int t = 1; t < K * K; ++t)
            best = pick<R>(best, p[t / K * W + t % K]);
        out[x] = best;
    }
}

/// One output row of maxima or minima with PyTorch's flat indices h·W + w; `first` is the index
/// of the window row's first input cell. The chosen tap is tracked as its position t = r·k + j
/// in the window, a small integer in the value's lane width, so that the selects vectorise, and
/// turned into the flat index first + k·x + r·W + j: in the same loop for AVX2; in a second loop
/// from a table of the k² offsets for the baseline copy (SSE2 has no 64-bit lane operations to
/// speak of, and the fused loop would not vectorise: 81 ms against 13 ms for max 2×2/2).
template <Reduce R, int K>
void extremeIndexRow(const float *__restrict rows, std::ptrdiff_t W, float *__restrict out,
                     std::int64_t *__restrict indices,
                     [[maybe_unused]] std::int32_t *__restrict taps, int n, std::int64_t first)
{
    for (int x = 0; x < n; ++x) {
        const float *p = rows + K * x;
        float best = p[0];
        std::int32_t tap = 0;
#pragma GCC unroll 16
        for (int t = 1; t < K * K; ++t) {
            const float v = p[t / K * W + t % K];
            const bool taken = takes<R>(v, best);
            best = taken ? v : best;
            tap = taken ? t : tap;
        }
        out[x] = best;
#ifdef POOLVIZ_KERNEL_AVX2
        // AVX2 has the 64-bit lanes: the index in the same loop (measured a little faster).
        indices[x] = first + std::int64_t(K) * x + std::int64_t(tap / K) * W + tap % K;
#else
        taps[x] = tap;
#endif
    }
#ifndef POOLVIZ_KERNEL_AVX2
    std::int64_t offsets[K * K];
    for (int t = 0; t < K * K; ++t)
        offsets[t] = first + std::int64_t(t / K) * W + t % K;
    for (int x = 0; x < n; ++x)
        indices[x] = offsets[taps[x]] + std::int64_t(K) * x;
#endif
}

/// Output rows per task: a few hundred kilobytes of input, and with several threads enough tasks
/// that every thread has several.
int bandRows(const Geometry &g, int planes, int threads)
{
    const int outH = g.outH();
    int band = std::max(1, int((std::int64_t(1) << 18) / (std::int64_t(g.inW()) * g.rows.kernel)));
    if (threads > 1)
        while (band > 1 && std::int64_t(planes) * ((outH + band - 1) / band) < 8 * threads)
            band /= 2;
    return std::clamp(band, 1, std::max(outH, 1));
}

/// Runs rows(plane, oy0, oy1) over bands of every plane on `threads` threads.
template <class F>
void forBands(const Geometry &g, int planes, std::size_t size, int threads, F rows)
{
    // Spawning threads costs tens of microseconds: small inputs stay on the calling thread.
    if (size < (std::size_t(1) << 16))
        threads = 1;
    const int outH = g.outH();
    const int band = bandRows(g, planes, threads);
    const int bands = (outH + band - 1) / band;
    const int tasks = planes * bands;
    parallelFor(tasks, std::clamp(threads, 1, std::max(tasks, 1)), [&](int task, int) {
        const int p = task / bands, oy0 = (task % bands) * band;
        rows(p, oy0, std::min(oy0 + band, outH));
    });
}

template <Reduce R, int K, class T>
void extremePlanes(const BasicTensor<T> &input, const Geometry &g, BasicTensor<T> &values,
                   IndexTensor *indices, int threads)
{
    const std::ptrdiff_t W = g.inW();
    const int outW = g.outW();
    forBands(g, input.planeCount(), input.size(), threads, [&](int p, int oy0, int oy1) {
        const T *in = input.planeData(p);
        T *out = values.planeData(p);
        std::vector<std::int32_t> taps(indices ? std::size_t(outW) : 0);
        for (int oy = oy0; oy < oy1; ++oy) {
            const std::ptrdiff_t row = std::ptrdiff_t(K) * oy * W;
            T *o = out + std::ptrdiff_t(oy) * outW;
            if constexpr (std::is_same_v<T, float>) {
                if (indices) {
                    std::int64_t *io = indices->planeData(p) + std::ptrdiff_t(oy) * outW;
                    forBlocks<K>(in + row, W, outW, [&](int x0, int x1) {
                        extremeIndexRow<R, K>(in + row + std::ptrdiff_t(K) * x0, W, o + x0, io + x0,
                                              taps.data() + x0, x1 - x0,
                                              std::int64_t(row) + std::int64_t(K) * x0);
                    });
                    continue;
                }
            }
            forBlocks<K>(in + row, W, outW, [&](int x0, int x1) {
                extremeRow<R, K>(in + row + std::ptrdiff_t(K) * x0, W, o + x0, x1 - x0);
            });
        }
    });
}

template <int K>
void averagePlanes(const Tensor &input, const Geometry &g, Tensor &values, int threads)
{
    const std::ptrdiff_t W = g.inW();
    const int outW = g.outW();
    // The divisor factors of the general kernels (every window is whole, so one per axis), as
    // the same double reciprocals.
    const DivisorFactors f = divisorFactors(g.params, {axisSpan(g.rows, 0)}, {axisSpan(g.cols, 0)});
    const double scale = (1.0 / f.rows[0]) * (1.0 / f.cols[0]);
    forBands(g, input.planeCount(), input.size(), threads, [&](int p, int oy0, int oy1) {
        const float *in = input.planeData(p);
        float *out = values.planeData(p);
        for (int oy = oy0; oy < oy1; ++oy) {
            const float *row = in + std::ptrdiff_t(K) * oy * W;
            float *o = out + std::ptrdiff_t(oy) * outW;
            forBlocks<K>(row, W, outW, [&](int x0, int x1) {
                const float *rows = row + std::ptrdiff_t(K) * x0;
                int done = 0;
#ifdef POOLVIZ_KERNEL_AVX2
                if constexpr (K == 2)
                    done = averageRow2(rows, rows + W, o + x0, x1 - x0, scale);
#endif
                averageRow<K>(rows + std::ptrdiff_t(K) * done, W, o + x0 + done, x1 - x0 - done,
                              scale);
            });
        }
    });
}

template <Reduce R, class T>
void extremeTiles(const BasicTensor<T> &input, const Geometry &g, BasicTensor<T> &values,
                  IndexTensor *indices, int threads)
{
    switch (g.rows.kernel) {
    case 2:
        return extremePlanes<R, 2>(input, g, values, indices, threads);
    case 3:
        return extremePlanes<R, 3>(input, g, values, indices, threads);
    default:
        return extremePlanes<R, 4>(input, g, values, indices, threads);
    }
}

/// Whether axis `a` is tiled by windows of k taps, k apart, each whole inside the input.
bool tilesAxis(const AxisGeometry &a, int k)
{
    return !a.adaptive && a.kernel == k && a.stride == k && a.dilation == 1 && a.padBefore == 0 &&
           std::int64_t(a.out) * k <= a.in;
}

} // namespace

bool tiles(const Geometry &g)
{
    const int k = g.rows.kernel;
    const PoolMode m = g.params.mode;
    return k >= 2 && k <= 4 && tilesAxis(g.rows, k) && tilesAxis(g.cols, k) &&
           (m == PoolMode::Max || m == PoolMode::Min || m == PoolMode::Avg);
}

void poolTiles(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
               int threads)
{
    switch (g.params.mode) {
    case PoolMode::Max:
        return extremeTiles<Reduce::Max>(input, g, values, indices, threads);
    case PoolMode::Min:
        return extremeTiles<Reduce::Min>(input, g, values, indices, threads);
    default:
        switch (g.rows.kernel) {
        case 2:
            return averagePlanes<2>(input, g, values, threads);
        case 3:
            return averagePlanes<3>(input, g, values, threads);
        default:
            return averagePlanes<4>(input, g, values, threads);
        }
    }
}

void poolByteTiles(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads)
{
    if (g.params.mode == PoolMode::Max)
        extremeTiles<Reduce::Max>(input, g, values, nullptr, threads);
    else
        extremeTiles<Reduce::Min>(input, g, values, nullptr, threads);
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
