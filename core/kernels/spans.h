#pragma once

#include "geometry.h"

#include <vector>

namespace poolviz::kernels {

/// The in-input taps of one window along one axis: first, first + step, … (`count` of them).
/// Within the input they always form an arithmetic progression. `padded` counts the taps in the
/// input or the padding (the count_include_pad divisor factor), never the ceil-mode overhang.
struct AxisSpan
{
    int first = 0;
    int count = 0;
    int step = 1;
    int padded = 0;
};

/// The span of every output index of `a`, from its scalar fields alone (O(out), never the tap
/// lists): window o starts at o·s − pb and has taps at start + j·d, j < k; adaptive bin i spans
/// [⌊i·in/out⌋, ⌈(i+1)·in/out⌉).
std::vector<AxisSpan> axisSpans(const AxisGeometry &a);
/// The span of output index `o` alone (0 ≤ o < a.out).
AxisSpan axisSpan(const AxisGeometry &a, int o);

/// The output range [begin, end) in which every window has all k taps inside the input, first at
/// o·s − pb: there a reduction along the axis is one uniform loop. Empty for adaptive axes.
struct Interior
{
    int begin = 0;
    int end = 0;
};
Interior interior(const AxisGeometry &a, const std::vector<AxisSpan> &spans);

/// The average divisor as rowFactor[oy] · colFactor[ox]: the per-axis padded or in-input counts
/// (their product is the window's count, PyTorch's and TensorFlow's rules), or the override on
/// the row factor. A window with no input cell sums to 0; its factor is 1 so that it outputs 0.
struct DivisorFactors
{
    std::vector<double> rows;
    std::vector<double> cols;
};
DivisorFactors divisorFactors(const PoolParams &params, const std::vector<AxisSpan> &rows,
                              const std::vector<AxisSpan> &cols);

} // namespace poolviz::kernels
