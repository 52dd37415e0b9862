#pragma once

#include "poolparams.h"
#include "validation.h"
#include "windowrules.h"

#include <cstdint>
#include <string>
#include <vector>

namespace poolviz {

/// Where one tap of a window lies along an axis or in the plane.
enum class TapKind : std::uint8_t
{
    Input,   ///< inside the input
    Padding, ///< in the explicit or SAME padding
    Overhang ///< past the padded input: only ceil mode's last window reaches here
};

/// One tap of a window along one axis: its input coordinate (negative or ≥ in outside the input).
struct AxisTap
{
    int pos = 0;
    TapKind kind = TapKind::Input;
    friend bool operator==(const AxisTap &, const AxisTap &) = default;
};

/// Pooling along one axis. Windows of a 2-D pool are the products of the two axes' windows, so
/// everything the plane needs (taps, divisors, coverage) follows from the two axes.
/// Window o is described by its first tap `start(o)`, its tap count and the step between taps;
/// its taps are produced on demand (`tap`, `taps`), never stored, so an axis costs O(in + out)
/// whatever the kernel.
struct AxisGeometry
{
    int in = 0;        ///< input size
    int kernel = 1;    ///< k (for adaptive: the largest bin)
    int stride = 1;    ///< s (adaptive: 0)
    int dilation = 1;  ///< d
    int padBefore = 0; ///< pb, resolved (SAME computed)
    int padAfter = 0;  ///< pe, resolved
    int out = 0;       ///< output size
    bool adaptive = false;
    /// Per output index: taps inside input+padding (count_include_pad divisor factor).
    std::vector<int> paddedCount;
    /// Per output index: taps inside the input.
    std::vector<int> inputCount;
    /// Per input position: how many windows read it (0: the stride skips it).
    std::vector<int> coverage;

    /// ek = d·(k−1)+1 (64-bit: it may exceed `int` before validation refuses it).
    std::int64_t effectiveKernel() const { return std::int64_t(dilation) * (kernel - 1) + 1; }
    /// Position of the first tap of window o: o·s − pb, or ⌊o·in/out⌋ for an adaptive bin.
    int start(int o) const;
    /// Taps in window o: k, or the length of adaptive bin o.
    int tapCount(int o) const;
    /// Distance between neighbouring taps: d (adaptive: 1).
    int step() const { return adaptive ? 1 : dilation; }
    /// Position of the last tap of window o: start + (count−1)·step.
    int last(int o) const
    {
        return int(std::int64_t(start(o)) + std::int64_t(tapCount(o) - 1) * step());
    }
    /// Where position `pos` lies on this axis: Input (0 ≤ pos < in), Padding (−pb ≤ pos < 0 or
    /// in ≤ pos < in + pe), else Overhang (past the padding).
    TapKind kindAt(std::int64_t pos) const;
    /// Tap t (0 ≤ t < tapCount(o)) of window o.
    AxisTap tap(int o, int t) const;
    /// Every tap of window o in scan order (ascending position), made on demand.
    std::vector<AxisTap> taps(int o) const;
    /// The first in-input tap of window o (meaningful when inputCount[o] > 0); the in-input taps
    /// are firstInput, firstInput + step, … (inputCount[o] of them).
    int firstInput(int o) const;
    /// True if the window of output index `outIndex` has a tap at input position `pos`. O(1).
    bool reads(int outIndex, int pos) const;
    /// The output indices whose window has a tap at `pos`, ascending. O(out).
    std::vector<int> outputsReading(int pos) const;

    friend bool operator==(const AxisGeometry &, const AxisGeometry &) = default;
};

/// Computes one axis in O(in + out). Precondition: the parameters for this axis are valid (see
/// `validate`); otherwise, or when the output would not fit the limits, `out` is 0 and the
/// per-index vectors are empty (also when out > maxOut or a tap would lie beyond `int`).
/// Output size: out = ⌊(in + pb + pe − ek + (ceil ? s−1 : 0)) / s⌋ + 1, and with ceil mode
/// out −= 1 if (out−1)·s ≥ in + pb.
AxisGeometry computeAxis(int in, int kernel, int stride, int dilation, int padBefore, int padAfter,
                         bool ceilMode, std::int64_t maxOut = currentLimits().values);
/// Adaptive bins: bin i spans [⌊i·in/out⌋, ⌈(i+1)·in/out⌉). Empty (out 0) above `maxOut`.
AxisGeometry computeAdaptiveAxis(int in, int out, std::int64_t maxOut = currentLimits().values);
/// One tap of a 2-D window.
struct Tap
{
    int row = 0;
    int col = 0;
    TapKind kind = TapKind::Input;
    friend bool operator==(const Tap &, const Tap &) = default;
};

/// The window of one output cell.
struct Window
{
    int outRow = 0;
    int outCol = 0;
    std::vector<Tap> taps;        ///< row-major scan order (the order ties are broken in)
    std::int64_t paddedCount = 0; ///< taps in input or padding
    std::int64_t inputCount = 0;  ///< taps in the input
    /// First and last input row/col spanned by the window (may lie in padding/overhang).
    int rowFirst = 0, rowLast = 0, colFirst = 0, colLast = 0;
    friend bool operator==(const Window &, const Window &) = default;
};

/// The geometry of a 2-D pooling of an inH × inW plane: output size, every window, coverage.
struct Geometry
{
    PoolParams params;
    AxisGeometry rows;
    AxisGeometry cols;
    Validation validation;

    bool ok() const { return validation.ok(); }
    int inH() const { return rows.in; }
    int inW() const { return cols.in; }
    int outH() const { return rows.out; }
    int outW() const { return cols.out; }
    /// The padding actually applied (SAME resolved).
    Padding resolvedPadding() const
    {
        return {rows.padBefore, rows.padAfter, cols.padBefore, cols.padAfter};
    }
    /// Where input-grid cell (r, c) lies: Input, Padding (in the padding ring) or Overhang (past
    /// it on either axis), as window() classifies its taps.
    TapKind cellKind(int row, int col) const;
    /// The window of output cell (r, c), its taps made now (kernel height × width of them).
    Window window(int outRow, int outCol) const;
    /// Taps of window (r, c) without making them: rows.tapCount(r) · cols.tapCount(c).
    std::int64_t tapCount(int outRow, int outCol) const
    {
        return std::int64_t(rows.tapCount(outRow)) * cols.tapCount(outCol);
    }
    /// How many windows read input cell (r, c); 0 means no window covers it (and for any cell
    /// when the parameters are invalid).
    int coverage(int row, int col) const
    {
        if (row < 0 || col < 0 || std::size_t(row) >= rows.coverage.size() ||
            std::size_t(col) >= cols.coverage.size())
            return 0;
        return rows.coverage[std::size_t(row)] * cols.coverage[std::size_t(col)];
    }
    /// Every output cell (row-major) whose window reads input cell (r, c).
    std::vector<std::pair<int, int>> outputsReading(int row, int col) const;
    /// Divisor of average pooling for output (r, c), following PyTorch/TensorFlow rules.
    double avgDivisor(int outRow, int outCol) const;
};

/// Validates and computes the geometry in O(inH + inW + outH + outW). When validation fails
/// (also when the output is above `limits`), `ok()` is false, the messages are in
/// `validation.errors`, the output size is 0×0 and nothing was allocated.
Geometry computeGeometry(const PoolParams &params, int inH, int inW,
                         const Limits &limits = currentLimits());

} // namespace poolviz
