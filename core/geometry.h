#pragma once

#include "poolparams.h"

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
    /// Taps of each output index in scan order (ascending position).
    std::vector<std::vector<AxisTap>> taps;
    /// Per output index: taps inside input+padding (count_include_pad divisor factor).
    std::vector<int> paddedCount;
    /// Per output index: taps inside the input.
    std::vector<int> inputCount;
    /// Per input position: how many windows read it (0: the stride skips it).
    std::vector<int> coverage;

    /// ek = d·(k−1)+1.
    int effectiveKernel() const { return dilation * (kernel - 1) + 1; }
    /// True if the window of output index `outIndex` has a tap at input position `pos`.
    bool reads(int outIndex, int pos) const;
    /// The output-size formula with this axis's numbers filled in, e.g.
    /// "out = ⌊(6 + 0 + 0 − 3) / 3⌋ + 1 = 2".
    std::string formula(bool ceilMode) const;

    friend bool operator==(const AxisGeometry &, const AxisGeometry &) = default;
};

/// Computes one axis. Precondition: the parameters for this axis are valid (see `validate`);
/// otherwise `out` may be < 1 and the tap lists are empty.
/// Output size: out = ⌊(in + pb + pe − ek + (ceil ? s−1 : 0)) / s⌋ + 1, and with ceil mode
/// out −= 1 if (out−1)·s ≥ in + pb.
AxisGeometry computeAxis(int in, int kernel, int stride, int dilation, int padBefore, int padAfter,
                         bool ceilMode);
/// Adaptive bins: bin i spans [⌊i·in/out⌋, ⌈(i+1)·in/out⌉).
AxisGeometry computeAdaptiveAxis(int in, int out);
/// SAME padding for one axis: total = max((⌈in/s⌉−1)·s + ek − in, 0), split with the odd one
/// after (upper) or before (lower). Returns {before, after}.
std::pair<int, int> samePadding(int in, int kernel, int stride, int dilation, bool lower);

/// The padding actually applied for `params` on an inH × inW input: explicit as given, SAME
/// computed per axis, VALID none.
Padding resolvePadding(const PoolParams &params, int inH, int inW);
/// Whether ceil mode applies: TensorFlow's SAME always gives ⌈in/s⌉ outputs, so not with SAME.
bool ceilModeApplies(const PoolParams &params);

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
    std::vector<Tap> taps; ///< row-major scan order (the order ties are broken in)
    int paddedCount = 0;   ///< taps in input or padding
    int inputCount = 0;    ///< taps in the input
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
    /// The window of output cell (r, c).
    Window window(int outRow, int outCol) const;
    /// How many windows read input cell (r, c); 0 means no window covers it.
    int coverage(int row, int col) const
    {
        return rows.coverage[std::size_t(row)] * cols.coverage[std::size_t(col)];
    }
    /// Every output cell (row-major) whose window reads input cell (r, c).
    std::vector<std::pair<int, int>> outputsReading(int row, int col) const;
    /// Divisor of average pooling for output (r, c), following PyTorch/TensorFlow rules.
    double avgDivisor(int outRow, int outCol) const;

    friend bool operator==(const Geometry &, const Geometry &) = default;
};

/// Validates and computes the geometry. When validation fails, `ok()` is false, the messages
/// are in `validation.errors` and the output size is 0×0.
Geometry computeGeometry(const PoolParams &params, int inH, int inW);

} // namespace poolviz
