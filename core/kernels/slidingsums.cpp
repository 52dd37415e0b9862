// Sums down stride-1, undilated rows, columns first (see slidingsums.h). Compiled twice like the
// other kernels (baseline and AVX2, see core/CMakeLists.txt and isa.h).
#include "slidingsums.h"

#include "doublingsums.h"
#include "stream.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <type_traits>

// Quad (below) is a 32-byte vector passed to inlined functions of this file only: that GCC
// passes it differently without AVX (the baseline copy) does not matter.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

/// Four doubles as one vector (one AVX register, or two SSE2 ones in the baseline copy), and
/// four floats.
using Quad = double __attribute__((vector_size(32)));
using Quarter = float __attribute__((vector_size(16)));
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

/// Input values per cache line (for prefetches).
constexpr int kLineFloats = 64 / int(sizeof(float));
/// How far ahead of a block of the entering row its lines are prefetched (2 KiB, 512 floats).
constexpr int kAheadBytes = 2048;

/// Along a row of column sums, windows of up to this many taps are summed tap by tap (a vector
/// pass per tap); wider ones slide.
constexpr int kDirectColsUpTo = 4;

/// What value v adds to a sum of kind P, in double.
template <Tap P> inline double tapOf(float v)
{
    if constexpr (P == Tap::Value)
        return double(v);
    else if constexpr (P == Tap::Magnitude)
        return std::fabs(double(v));
    else
        return double(v) * double(v);
}

/// f(std::integral_constant<Tap, t>{}): loops with the tap kind known at compile time.
template <class F> void withTap(Tap t, F &&f)
{
    switch (t) {
    case Tap::Value:
        return f(std::integral_constant<Tap, Tap::Value>{});
    case Tap::Magnitude:
        return f(std::integral_constant<Tap, Tap::Magnitude>{});
    case Tap::Square:
        return f(std::integral_constant<Tap, Tap::Square>{});
    }
}

} // namespace

SlidingSumsPlan makeSlidingSumsPlan(const Geometry &g, const std::vector<AxisSpan> &rows,
                                    const std::vector<AxisSpan> &cols, Interior colInterior,
                                    Tap tap, const std::vector<double> *rowDivisors,
                                    const std::vector<double> *inverseCols)
{
    SlidingSumsPlan plan;
    plan.g = &g;
    plan.rows = rows.data();
    plan.cols = cols.data();
    plan.colInterior = colInterior;
    plan.tap = tap;
    plan.rowDivisors = rowDivisors ? rowDivisors->data() : nullptr;
    plan.inverseCols = inverseCols ? inverseCols->data() : nullptr;
    plan.uniformCols =
        inverseCols && std::adjacent_find(inverseCols->begin(), inverseCols->end(),
                                          std::not_equal_to<>()) == inverseCols->end();
    for (const AxisSpan &s : cols)
        plan.widestCol = std::max(plan.widestCol, s.count);
    for (int x0 = 0; x0 < g.outW(); x0 += kSumChunk) {
        std::pair<int, int> input{INT_MAX, -1};
        for (int x = x0; x < std::min(x0 + kSumChunk, g.outW()); ++x) {
            const AxisSpan &s = cols[std::size_t(x)];
            if (s.count > 0) {
                input.first = std::min(input.first, s.first);
                input.second = std::max(input.second, s.first + (s.count - 1) * s.step);
            }
        }
        plan.chunkInput.push_back(input);
    }
    return plan;
}

SlidingSums::SlidingSums(const SlidingSumsPlan &plan) : m_plan(plan), m_g(*plan.g)
{
    const std::size_t outW = std::size_t(m_g.outW()), nc = plan.chunkInput.size();
    m_columns.resize(std::size_t(m_g.inW()));
    m_sum.resize(outW);
    m_exact.resize(nc);
    m_blocks = (m_g.inW() + kSumChunk - 1) / kSumChunk;
    m_windowHi.resize(std::size_t(m_blocks));
    m_windowLoMinus1.resize(std::size_t(m_blocks));
    m_windowLowBit.resize(std::size_t(m_blocks));
    m_chunkRange.resize(nc);
    const AxisGeometry &a = m_g.cols;
    m_slidingCols = !a.adaptive && a.stride == 1 && a.dilation == 1 && a.kernel > kDirectColsUpTo;
    m_diff.resize(std::size_t(m_g.inW()));
    m_ringFrom.resize(nc);
    m_ringTo.resize(nc);
}

void SlidingSums::run(const float *in, float *out, int oy0, int oy1)
{
    const int outW = m_g.outW();
    const std::size_t nc = m_plan.chunkInput.size();
    // A window holds at most min(k, H) input rows (a kernel can dwarf the input under SAME or
    // padding); the ring holds one more, the row that leaves.
    m_slots = std::min(m_g.rows.kernel, m_g.inH()) + 1;
    m_hi.resize(std::size_t(m_slots) * std::size_t(m_blocks));
    m_loMinus1.resize(std::size_t(m_slots) * std::size_t(m_blocks));
    m_lowBit.resize(std::size_t(m_slots) * std::size_t(m_blocks));
    m_have0 = 0;
    m_have1 = -1;
    m_ranged = -1;
    std::fill(m_exact.begin(), m_exact.end(), 0);
    std::fill(m_ringFrom.begin(), m_ringFrom.end(), 0);
    std::fill(m_ringTo.begin(), m_ringTo.end(), -1);
    for (int oy = oy0; oy < oy1; ++oy) {
        const AxisSpan &s = m_plan.rows[std::size_t(oy)];
        float *dst = out + std::size_t(oy) * std::size_t(outW);
        if (s.count == 0) {
            std::fill(dst, dst + outW, 0.0f);
            continue;
        }
        const int f = s.first, l = s.first + s.count - 1;
        // Straight into the output. Through a row buffer streamed out with non-temporal stores
        // (streamRow), as before, the stores stalled the core (72 % of this function's samples
        // on them): avg 3×3/1 on the 3×2160×3840 frame, one thread, AVX2, CPU time, took
        // 19.1–20.2 ms streamed, 16.4–18.2 ms not; 31×31/1 29.5–30.2 against 27.4–27.8 ms.
        float *o = dst;
        updateColumnSums(in, f, l);
        // Runs of chunks whose column sums are exact, as long as their union still is (a window
        // at a chunk's edge slides from values of both), slide together; the others sum their
        // rows in the direct order.
        for (std::size_t c = 0; c < nc;) {
            if (!m_exact[c]) {
                directSums(in, int(c), f, l);
                const int x0 = int(c) * kSumChunk;
                finish(oy, o, x0, std::min(x0 + kSumChunk, outW));
                ++c;
                continue;
            }
            Range run = m_chunkRange[c];
            std::size_t e = c + 1;
            for (; e < nc && m_exact[e]; ++e) {
                Range wider = run;
                wider.add(m_chunkRange[e]);
                if (!exactSums(wider, m_terms, m_plan.tap == Tap::Square))
                    break;
                run = wider;
            }
            sumsFromColumns(oy, o, int(c) * kSumChunk, std::min(int(e) * kSumChunk, outW));
            c = e;
        }
    }
}

void SlidingSums::rangeRow(const float *src, int r)
{
    const int W = m_g.inW();
    const std::size_t at = std::size_t(r % m_slots) * std::size_t(m_blocks);
    for (int j = 0; j < m_blocks; ++j) {
        const int x0 = j * kSumChunk;
        const Range range =
            Range::of(src + x0, std::min(kSumChunk, W - x0), m_plan.tap == Tap::Square);
        m_hi[at + std::size_t(j)] = range.hi;
        m_loMinus1[at + std::size_t(j)] = range.loMinus1;
        m_lowBit[at + std::size_t(j)] = range.lowBit;
    }
}

void SlidingSums::updateColumnSums(const float *in, int f, int l)
{
    const int W = m_g.inW(), kw = m_g.cols.kernel;
    const std::size_t nc = m_plan.chunkInput.size(), nb = std::size_t(m_blocks);
    const auto row = [&](int r) { return in + std::size_t(r) * std::size_t(W); };
    const bool squares = m_plan.tap == Tap::Square;
    // From the sums of [m_have0, m_have1]: subtract the rows that left, add those that entered.
    const bool slide = m_have0 <= m_have1 && m_have0 <= f && m_have1 <= l && m_have1 >= f - 1 &&
                       m_have0 >= l - m_slots + 1;
    const bool oneStep = slide && m_have0 == f - 1 && m_have1 == l - 1;
    const int lo = slide ? m_have0 : f;
    // Every row involved, and every sum along a row of the column sums (see sumsFromColumns).
    m_terms = double(l - lo + 1) * (double(m_plan.widestCol) + kSlidingSlack);
    // The magnitudes of the rows new to the ring (in one step without squares, the entering
    // row's come from the pass that adds it).
    const bool fusedRange = oneStep && !squares;
    for (int r = std::max(m_ranged + 1, f); r <= l; ++r)
        if (!(fusedRange && r == l))
            rangeRow(row(r), r);
    m_ranged = std::max(m_ranged, l);
    double *__restrict columns = m_columns.data();
    double *__restrict diff = m_diff.data();
    // What each step along a row of column sums adds: diff[i] = columns[i + kw] − columns[i].
    // Taking the steps in sumsFromColumns instead (two loads and a subtraction per four steps,
    // no diff row) was slower: one thread, 3×2160×3840, CPU time, min of 4 alternating rounds,
    // avg 5×5/1 23.1 → 25.5, 7×7 22.5 → 25.3, 15×15 22.4 → 25.3, 31×31 27.1 → 29.5 ms.
    const auto differences = [&](int i0, int i1) {
        for (int i = std::max(i0, 0); i < std::min(i1, W - kw); ++i)
            diff[i] = columns[i + kw] - columns[i];
    };
    withTap(m_plan.tap, [&](auto tap) {
        constexpr Tap P = decltype(tap)::value;
        // Columns [x0, x1) of the sums of rows [r0, r1] in order, from 0.
        const auto sumRows = [&](int x0, int x1, int r0, int r1) {
            std::fill(columns + x0, columns + x1, 0.0);
            for (int r = r0; r <= r1; ++r) {
                const float *__restrict src = row(r);
                for (int x = x0; x < x1; ++x)
                    columns[x] += tapOf<P>(src[x]);
            }
        };
        if (oneStep) {
            // The common case: one row in, one out, in one pass with the entering row's
            // magnitudes, block by block.
            const float *__restrict enter = row(l);
            const float *__restrict leave = row(f - 1);
            // The entering row's lines kAheadBytes past each block are asked for from memory
            // while the block is computed; past the row's end they are the next row's, which
            // the next output row reads (rows are contiguous; past the plane, see prefetchPast).
            // Left to the hardware prefetcher alone, the first pass over a row waits. Before, the
            // whole next row was prefetched a block at a time: those prefetches stalled with the
            // miss buffers full (25 % of this function's samples at k = 3). Measured with the
            // output stored normally (see run; same frame, one thread, AVX2, CPU time): avg
            // 3×3/1 16.4–18.2 ms with the next-row prefetches, 16.2–16.6 ms with these (512 floats;
            // 1024: 16.6–18.3 ms); 31×31/1 27.2–27.8 against 27.0–27.6 ms; without any prefetch
            // 23–26 ms (3×3/1, streamed output). Also prefetching the output row's lines for
            // writing here, a block's worth at a time (sumsFromColumns' stores then wait on their
            // lines in memory): 3×3/1 16.9–18.4 against 17.2–18.9 ms, 31×31/1 27.9–29.5
            // against 28.5–30.5 ms, within the noise: not kept.
            const std::size_t at = std::size_t(l % m_slots) * nb;
            for (int j = 0; j < m_blocks; ++j) {
                const int x0 = j * kSumChunk, x1 = std::min(x0 + kSumChunk, W);
                for (int x = x0; x < x1; x += kLineFloats)
                    prefetchPast(enter + x, kAheadBytes);
                for (int x = x0; x < x1; ++x)
                    columns[x] += tapOf<P>(enter[x]) - tapOf<P>(leave[x]);
                if (fusedRange) {
                    std::uint32_t hi = 0, loMinus1 = UINT32_MAX;
                    for (int x = x0; x < x1; ++x) {
                        const std::uint32_t u = magnitudeBits(enter[x]);
                        hi = std::max(hi, u);
                        loMinus1 = std::min(loMinus1, u - 1);
                    }
                    m_hi[at + std::size_t(j)] = hi;
                    m_loMinus1[at + std::size_t(j)] = loMinus1;
                    m_lowBit[at + std::size_t(j)] = INT_MAX;
                }
                // Two blocks behind: the column sums they read are no longer in the store
                // buffer (a load across two pending stores waits for them).
                if (m_slidingCols)
                    differences(x0 - 2 * kSumChunk - kw, x1 - 2 * kSumChunk - kw);
            }
            if (m_slidingCols)
                differences(std::max(W - 2 * kSumChunk, 0) - kw, W);
        } else {
            if (!slide) {
                sumRows(0, W, f, l);
            } else {
                for (int r = m_have0; r < f; ++r) {
                    const float *__restrict src = row(r);
                    for (int x = 0; x < W; ++x)
                        columns[x] -= tapOf<P>(src[x]);
                }
                for (int r = m_have1 + 1; r <= l; ++r) {
                    const float *__restrict src = row(r);
                    for (int x = 0; x < W; ++x)
                        columns[x] += tapOf<P>(src[x]);
                }
            }
            if (m_slidingCols)
                differences(0, W);
        }
        // The magnitudes of each block in the rows involved, then of each chunk's blocks.
        std::uint32_t *__restrict hi = m_windowHi.data();
        std::uint32_t *__restrict loMinus1 = m_windowLoMinus1.data();
        int *__restrict lowBit = m_windowLowBit.data();
        std::fill(hi, hi + nb, 0u);
        std::fill(loMinus1, loMinus1 + nb, UINT32_MAX);
        std::fill(lowBit, lowBit + nb, INT_MAX);
        for (int r = lo; r <= l; ++r) {
            const std::size_t at = std::size_t(r % m_slots) * nb;
            const std::uint32_t *__restrict rowHi = m_hi.data() + at;
            const std::uint32_t *__restrict rowLo = m_loMinus1.data() + at;
            for (std::size_t j = 0; j < nb; ++j) {
                hi[j] = std::max(hi[j], rowHi[j]);
                loMinus1[j] = std::min(loMinus1[j], rowLo[j]);
            }
            if (squares) {
                const int *__restrict rowBit = m_lowBit.data() + at;
                for (std::size_t j = 0; j < nb; ++j)
                    lowBit[j] = std::min(lowBit[j], rowBit[j]);
            }
        }
        // A chunk whose column sums were not exact and now can be starts again from its rows
        // (columns it shares with a neighbour whose sums are exact get the same values).
        for (std::size_t c = 0; c < nc; ++c) {
            const auto [c0, c1] = m_plan.chunkInput[c];
            Range range;
            if (c0 <= c1)
                for (int j = c0 / kSumChunk; j <= c1 / kSumChunk; ++j) {
                    Range block;
                    block.hi = hi[j];
                    block.loMinus1 = loMinus1[j];
                    block.lowBit = lowBit[j];
                    range.add(block);
                }
            m_chunkRange[c] = range;
            const bool exact = exactSums(range, m_terms, squares);
            if (exact && slide && !m_exact[c] && c0 <= c1) {
                sumRows(c0, c1 + 1, f, l);
                if (m_slidingCols)
                    differences(c0 - kw, c1 + 1);
            }
            m_exact[c] = exact;
        }
    });
    m_have0 = f;
    m_have1 = l;
}

void SlidingSums::sumsFromColumns(int oy, float *o, int x0, int x1)
{
    const AxisGeometry &a = m_g.cols;
    const double *__restrict columns = m_columns.data();
    double *__restrict sums = m_sum.data();
    const bool slides = !a.adaptive && a.stride == 1 && a.dilation == 1;
    const int b = slides ? std::max(x0, m_plan.colInterior.begin) : x1;
    const int e = slides ? std::min(x1, m_plan.colInterior.end) : x1;
    // Windows at the borders (or of other strides, dilations, adaptive bins): tap by tap.
    const auto general = [&](int from, int to) {
        for (int x = from; x < to; ++x) {
            const AxisSpan &s = m_plan.cols[std::size_t(x)];
            double v = 0.0;
            for (int j = 0; j < s.count; ++j)
                v += columns[s.first + j * s.step];
            sums[x] = v;
        }
    };
    if (b >= e) {
        general(x0, x1);
        finish(oy, o, x0, x1);
        return;
    }
    general(x0, b);
    finish(oy, o, x0, b);
    general(e, x1);
    finish(oy, o, e, x1);
    const int k = a.kernel, windows = e - b;
    const double *__restrict row = columns + (b - a.padBefore);
    double *__restrict out = sums + b;
    // Averages with one divisor for every column are finished as they are summed (the same
    // product as finish), saving a pass.
    const bool fused = m_plan.rowDivisors && m_plan.uniformCols;
    const double scale = fused ? 1.0 / m_plan.rowDivisors[oy] * m_plan.inverseCols[0] : 0.0;
    float *__restrict dst = o + b;
    if (k <= kDirectColsUpTo) {
        // Tap by tap in one pass (exact sums: any order gives them).
        const auto taps = [&](auto kTaps) {
            constexpr int K = decltype(kTaps)::value;
            for (int w = 0; w < windows; ++w) {
                double v = row[w];
                for (int j = 1; j < K; ++j)
                    v += row[w + j];
                if (fused)
                    dst[w] = float(v * scale);
                else
                    out[w] = v;
            }
        };
        switch (k) {
        case 1:
            taps(std::integral_constant<int, 1>{});
            break;
        case 2:
            taps(std::integral_constant<int, 2>{});
            break;
        case 3:
            taps(std::integral_constant<int, 3>{});
            break;
        default:
            static_assert(kDirectColsUpTo == 4);
            taps(std::integral_constant<int, 4>{});
            break;
        }
        if (!fused)
            finish(oy, o, b, e);
        return;
    }
    // Each window is the one four before plus the sum of the four steps between them (a step
    // adds one column sum and subtracts another): one vector add per four windows. The run is
    // cut into four parts, each started by a direct sum, that slide side by side (four
    // independent chains of additions in flight).
    auto direct = [&](int w) {
        double v = 0.0;
        for (int j = 0; j < k; ++j)
            v += row[w + j];
        return v;
    };
    // diff[w] = row[w + k] − row[w], from updateColumnSums.
    const double *__restrict diff = m_diff.data() + (b - a.padBefore);
    constexpr int kRuns = 4;
    const int run = windows / kRuns / 4 * 4;
    int w0 = 0; // the single scalar chain for the rest starts here
    if (run >= 8) {
        Quad sum[kRuns];
        for (int r = 0; r < kRuns; ++r) {
            const int w = r * run;
            out[w] = direct(w);
            for (int j = 1; j < 4; ++j)
                out[w + j] = out[w + j - 1] + diff[w + j - 1];
            sum[r] = loadQuad(out + w);
        }
        for (int i = 0; i + 4 < run; i += 4)
            for (int r = 0; r < kRuns; ++r) {
                const int w = r * run + i;
                // Windows w + 4 … w + 7: windows w … w + 3 plus four steps, each adding a column
                // sum and subtracting another.
                sum[r] += (loadQuad(diff + w) + loadQuad(diff + w + 1)) +
                          (loadQuad(diff + w + 2) + loadQuad(diff + w + 3));
                if (fused) {
                    const Quarter q = __builtin_convertvector(sum[r] * scale, Quarter);
                    std::memcpy(dst + w + 4, &q, sizeof q);
                } else {
                    storeQuad(out + w + 4, sum[r]);
                }
            }
        w0 = kRuns * run - 1;
        if (fused) // the last windows of the last chain start the one below
            storeQuad(out + w0 - 3, sum[kRuns - 1]);
        // The windows that did not go through the vector chains.
        if (fused)
            for (int r = 0; r < kRuns; ++r)
                finish(oy, o, b + r * run, b + r * run + 4);
    } else {
        out[0] = direct(0);
        if (fused)
            finish(oy, o, b, b + 1);
    }
    for (int w = w0 + 1; w < windows; ++w)
        out[w] = out[w - 1] + diff[w - 1];
    finish(oy, o, fused ? b + w0 + 1 : b, e);
}

void SlidingSums::directSums(const float *in, int c, int f, int l)
{
    const int outW = m_g.outW(), W = m_g.inW();
    const int x0 = c * kSumChunk, x1 = std::min(x0 + kSumChunk, outW);
    if (m_ring.size() < std::size_t(m_slots) * std::size_t(outW))
        m_ring.resize(std::size_t(m_slots) * std::size_t(outW));
    const auto ringRow = [&](int r) {
        return m_ring.data() + std::size_t(r % m_slots) * std::size_t(outW);
    };
    // The chunk's ring holds rows [from, to]: reduce the rows of [f, l] it lacks.
    int &from = m_ringFrom[std::size_t(c)], &to = m_ringTo[std::size_t(c)];
    const bool kept = from <= to && from <= f && to >= f - 1 && to <= l;
    if (!kept)
        from = f;
    for (int r = kept ? to + 1 : f; r <= l; ++r)
        reduceColumns(in + std::size_t(r) * std::size_t(W), x0, x1, ringRow(r));
    to = l;
    from = std::max(from, l - m_slots + 1);
    double *__restrict sums = m_sum.data();
    std::fill(sums + x0, sums + x1, 0.0);
    for (int r = f; r <= l; ++r) {
        const double *__restrict h = ringRow(r);
        for (int x = x0; x < x1; ++x)
            sums[x] += h[x];
    }
}

void SlidingSums::reduceColumns(const float *src, int x0, int x1, double *h)
{
    const AxisGeometry &a = m_g.cols;
    const Interior interior = m_plan.colInterior;
    const int b = std::max(x0, interior.begin), e = std::min(x1, interior.end);
    withTap(m_plan.tap, [&](auto tap) {
        constexpr Tap P = decltype(tap)::value;
        const auto general = [&](int from, int to) {
            for (int x = from; x < to; ++x) {
                const AxisSpan &s = m_plan.cols[std::size_t(x)];
                double v = 0.0;
                for (int j = 0; j < s.count; ++j)
                    v += tapOf<P>(src[s.first + j * s.step]);
                h[x] = v;
            }
        };
        if (b >= e) {
            general(x0, x1);
            return;
        }
        general(x0, b);
        general(e, x1);
        const int s = a.stride, d = a.dilation, k = a.kernel, pb = a.padBefore;
        // planepool.cpp's directInterior: doubling levels for stride 1 beyond 8 taps (or 4
        // dilated ones), where sums that are not exact take its order; else tap by tap.
        if (!(s == 1 && k >= 4 && !(d == 1 && k <= 8))) {
            for (int x = b; x < e; ++x)
                h[x] = tapOf<P>(src[std::int64_t(x) * s - pb]);
            for (int j = 1; j < k; ++j) {
                const std::int64_t off = std::int64_t(j) * d - pb;
                for (int x = b; x < e; ++x)
                    h[x] += tapOf<P>(src[std::int64_t(x) * s + off]);
            }
            return;
        }
        // Doubling levels (see doublingSums).
        const int windows = e - b, n = windows + (k - 1) * d;
        for (auto &v : m_level)
            if (v.size() < std::size_t(n))
                v.resize(std::size_t(n));
        double *__restrict cur = m_level[0].data();
        double *__restrict next = m_level[1].data();
        const float *__restrict row = src + (b - pb);
        double *__restrict out = h + b;
        doublingSums([&](int w) { return tapOf<P>(row[w]); }, cur, next, n, d, k, windows, out);
    });
}

void SlidingSums::finish(int oy, float *o, int x0, int x1) const
{
    const double *__restrict sums = m_sum.data();
    if (m_plan.rowDivisors) {
        // A product of reciprocals rather than a division (several times faster): a few units
        // in the last place of a double, far below float32 rounding. The same products as
        // planepool.cpp's finish, so the same bits.
        const double inverseRow = 1.0 / m_plan.rowDivisors[oy];
        const double *inverseCols = m_plan.inverseCols;
        if (m_plan.uniformCols) {
            const double scale = inverseRow * inverseCols[0];
            for (int x = x0; x < x1; ++x)
                o[x] = float(sums[x] * scale);
        } else {
            for (int x = x0; x < x1; ++x)
                o[x] = float(sums[x] * (inverseRow * inverseCols[x]));
        }
    } else if (m_plan.tap == Tap::Square) {
        for (int x = x0; x < x1; ++x)
            o[x] = float(std::sqrt(sums[x]));
    } else {
        for (int x = x0; x < x1; ++x)
            o[x] = float(sums[x]);
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
