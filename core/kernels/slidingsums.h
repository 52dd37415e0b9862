#pragma once
// Sums down stride-1, undilated rows (average, Lp with p = 1 or 2), columns first: see
// SlidingSums. Kernel-only, compiled once per instruction set (see isa.h).

#include "exactsums.h"
#include "isa.h"
#include "spans.h"

#include <cstdint>
#include <utility>
#include <vector>

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// Exactness is decided per chunk of this many output columns: one tiny value then sends only
/// its chunk, not the whole row, to the sums in the order of the direct reduction.
inline constexpr int kSumChunk = 128;

/// Sliding sums hold, besides the windows' sums, sums of up to four steps of two values each
/// (along a row, per row of values): exact when sums of k + this many values are.
inline constexpr double kSlidingSlack = 8.0;

/// What a tap adds to a sum: the value (average), |x| (Lp, p = 1) or x² (Lp, p = 2).
enum class Tap
{
    Value,
    Magnitude,
    Square,
};

/// What every band of every plane shares (see makeSlidingSumsPlan).
struct SlidingSumsPlan
{
    const Geometry *g = nullptr;
    const AxisSpan *rows = nullptr; ///< per output row: stride 1, undilated
    const AxisSpan *cols = nullptr; ///< per output column
    Interior colInterior;           ///< of the columns
    Tap tap = Tap::Value;
    /// Averages: the output is sum · ((1 / rowDivisors[oy]) · inverseCols[ox]). Null for Lp
    /// (the output is then the sum for p = 1, its square root for p = 2).
    const double *rowDivisors = nullptr;
    const double *inverseCols = nullptr;
    bool uniformCols = false; ///< every inverseCols is the same (no padding, or it counts)
    /// Per chunk of kSumChunk output columns, the input columns [first, last] its windows read
    /// (first > last when they read none).
    std::vector<std::pair<int, int>> chunkInput;
    int widestCol = 0; ///< the most taps of any output column's window
};

/// The plan for geometry `g` (rows: stride 1, undilated, not adaptive) and its axis spans. The
/// plan points into the vectors' data (which a move of their owner keeps where it is).
SlidingSumsPlan makeSlidingSumsPlan(const Geometry &g, const std::vector<AxisSpan> &rows,
                                    const std::vector<AxisSpan> &cols, Interior colInterior,
                                    Tap tap, const std::vector<double> *rowDivisors,
                                    const std::vector<double> *inverseCols);

/// Pools bands of output rows of one plane by sums, columns first; owns one thread's scratch.
///
/// Where the values allow exact sums in double (exactSums, per chunk of output columns, for the
/// rows entering and leaving and the window's rows; every intermediate a sum of at most
/// rows · (kw + kSlidingSlack) values): one row of column sums over the input columns (doubles)
/// slides down by adding input row l and subtracting input row f − 1, both still in cache (the
/// window's k input rows); each output row's windows then slide along that row of column sums,
/// four windows per vector add. O(1) per output, one pass over each input row, whatever k; and
/// the exact sums, so bit for bit what any order of the direct sum gives.
///
/// Elsewhere (NaN, ±∞, magnitudes too far apart) a chunk's windows take the order of additions
/// of the direct reduction: each input row reduced along the columns as planepool.cpp's
/// reduceRow does (tap by tap, or doubling levels for stride 1 and more than 8 taps, or more
/// than 4 dilated ones), into a ring of reduced rows kept for that chunk alone while it needs
/// them, then those rows added in order down the window. Either way the result does not depend
/// on where bands, tasks or chunks start.
class SlidingSums
{
public:
    /// The output rows are stored normally, even when large: streamed past the caches (stream.h)
    /// they were slower here, see slidingsums.cpp's run.
    explicit SlidingSums(const SlidingSumsPlan &plan);

    /// Pools output rows [oy0, oy1) of the plane `in` into the plane `out`.
    void run(const float *in, float *out, int oy0, int oy1);

private:
    /// The column sums of rows [f, l] (and whether each chunk's are exact), from those of
    /// [m_have0, m_have1].
    void updateColumnSums(const float *in, int f, int l);
    /// Window sums of output columns [x0, x1) (chunks whose column sums are exact) from the
    /// column sums, into m_sum, and output row oy's values there into o.
    void sumsFromColumns(int oy, float *o, int x0, int x1);
    /// Window sums of chunk c's output columns in the direct order, into m_sum.
    void directSums(const float *in, int c, int f, int l);
    /// Input row `src` reduced along the columns over output columns [x0, x1), in the order of
    /// the direct reduction, into h.
    void reduceColumns(const float *src, int x0, int x1, double *h);
    /// The magnitudes of input row `src` (row r) per block of kSumChunk input columns.
    void rangeRow(const float *src, int r);
    /// The window sums of output row oy, columns [x0, x1), to outputs in o.
    void finish(int oy, float *o, int x0, int x1) const;

    const SlidingSumsPlan &m_plan;
    const Geometry &m_g;
    int m_slots = 1;               ///< ring rows: row r is slot r % m_slots
    std::vector<double> m_columns; ///< column sums of input rows [m_have0, m_have1]
    int m_have0 = 0, m_have1 = -1; ///< (empty when m_have1 < m_have0)
    double m_terms = 0.0;          ///< values in the largest sum the current output row makes
    std::vector<char> m_exact;     ///< per chunk: its column sums are exact
    /// Per ring row and block of kSumChunk input columns, the magnitudes: Range's fields, one
    /// array each (so that the loops over blocks vectorise). A chunk's magnitudes are those of
    /// the blocks it reads (a superset of its columns: only ever more cautious).
    int m_blocks = 0;
    std::vector<std::uint32_t> m_hi, m_loMinus1;
    std::vector<int> m_lowBit;
    std::vector<std::uint32_t> m_windowHi, m_windowLoMinus1; ///< per block: of the rows involved
    std::vector<int> m_windowLowBit;
    std::vector<Range> m_chunkRange; ///< per chunk: the magnitudes of the rows involved
    /// Windows along the row slide over the column sums (stride 1, undilated, k > 4).
    bool m_slidingCols = false;
    std::vector<double> m_diff;            ///< per input column: what a step along the row adds
    int m_ranged = -1;                     ///< the last input row whose ranges are in m_ranges
    std::vector<double> m_ring;            ///< rows reduced along the columns (direct order)
    std::vector<int> m_ringFrom, m_ringTo; ///< per chunk: its ring holds rows [from, to]
    std::vector<double> m_sum;             ///< the window sums of one output row
    std::vector<double> m_level[2];        ///< doubling levels (direct order)
};

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
