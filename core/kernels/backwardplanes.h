#pragma once

#include "geometry.h"
#include "spans.h"
#include "tensor.h"

namespace poolviz::kernels {

/// The input gradient of every (n, c) plane of `input` for the output gradient `gradOutput`
/// (shaped like the pooled output of the valid geometry `g`) into `grad` (already shaped like
/// `input`; every cell is written). Exactly the semantics of `backward` in pool.h.
///
/// How: each plane is cut into bands of input rows, and a band is written by one thread only, so
/// threads never race however windows overlap: a band visits every output row whose window
/// reads one of its rows (a row of windows straddling two bands is visited by both, each adding
/// only to its own rows), in output order, so every cell receives its shares in the same order
/// whatever the bands and the thread count.
/// - Max/min: per output row, each window's argmax (PyTorch's rule: the first extreme in
///   row-major order, the last NaN) from the band's input rows reduced along the columns once
///   each, then the upstream gradient added at it while the band's rows are in cache; the rows
///   are zeroed just before they are first written. No index tensor. Windows of more than 8 taps
///   along an axis take the forward kernels' indices instead (their cost does not grow with k).
///   3×3 windows at stride 2 wholly inside the input skip the indices: each gradient row is built
///   whole from the windows' taps (0–8) and written once (Stride2Windows in backwardstride2.cpp;
///   the AVX2 copy in one pass per window row, 8 windows at a time in registers: Stride2Fused).
/// - Average: per output row, the shares g/divisor (in double) spread along the columns (a
///   vector pass per tap, or a running sum for stride-1 windows of more than 8 taps), then each
///   input row is the sum of the spread rows of the windows that read it, in output order (a
///   running sum down stride-1 rows, re-anchored at each band and wherever a share is not
///   finite), rounded to float once. Small stride-1 windows (at most 3 rows and 8 columns, no
///   dilation: 3×3/1) skip the ring: each input row sums its windows' shares straight from the
///   upstream rows, down the rows into one row of column sums, then along it, in double, rounded
///   once (backwardsmallaverage.cpp). Windows that share no cell along either axis (stride ≥
///   kernel, no dilation: 2×2/2) skip all that: each input row is its window row's shares,
///   repeated along the columns, built once and written to each of the window's rows.
/// - Lp: each window's derivative, as `lpShares` (lpshares.h), added to the band's rows.
void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads);

} // namespace poolviz::kernels
