#pragma once

#include "geometry.h"
#include "tensor.h"

namespace poolviz::kernels {

/// Pools every (n, c) plane of `input` with the valid geometry `g` of `params` into `values`
/// (already shaped N×C×outH×outW) and, when `indices` is not null, PyTorch's argmax indices
/// (same shape; max and min only). Exactly the semantics of `forward` in pool.h.
///
/// How: each plane is cut into bands of output rows. A band first reduces the input rows it needs
/// along the columns (one pass per row), then combines those rows for each output row. Along
/// each axis a stride-1 window of k ≥ 4 taps uses the van Herk / Gil-Werman scheme: the axis is
/// cut into blocks of k taps (per dilation phase), each block's prefix and suffix reductions are
/// computed once, and a window is one suffix combined with one prefix, so the cost per output
/// does not grow with k. The combine keeps PyTorch's order rule (first max in row-major order,
/// last NaN), and sums are taken in double from the window's own values (no running
/// subtraction), so they stay within float32 rounding of the direct sum and ±∞/NaN behave as
/// in the direct sum. Other windows are reduced tap by tap in vectorisable loops. Bands of all
/// planes are spread over `threads` threads.
void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads);

} // namespace poolviz::kernels
