#pragma once

#include "geometry.h"
#include "tensor.h"

namespace poolviz::kernels {

/// Pools every (n, c) plane of `input` with the valid geometry `g` of `params` into `values`
/// (already shaped N×C×outH×outW) and, when `indices` is not null, PyTorch's argmax indices
/// (same shape; max and min only). Exactly the semantics of `forward` in pool.h.
///
/// How: windows that tile the input (kernel = stride = 2, 3 or 4, no padding; see tilingpool.h)
/// take one pass over the input, with no scratch rows. Otherwise each plane is cut into bands
/// of output rows. A band reduces the input rows it needs along the columns (one pass per row)
/// and combines those rows for each output row. Max and min without indices, stride-1 undilated
/// rows of 4 to 25 taps: four output rows per pass over the k + 3 reduced rows they read ((k + 4) /
/// 4 combines per output, each window's rows in order). Other stride-1 windows of k ≥ 4 taps cost
/// O(1) per output along the rows and O(log k) along the columns: down the rows by the van Herk /
/// Gil-Werman scheme (the axis cut into blocks of k taps per dilation phase, each block's prefix
/// and suffix reductions computed once, a window one suffix combined with one prefix); along a row
/// by doubling (reductions of 2, 4, 8, … taps, each from two of the level before, a window from two
/// overlapping ones for max/min or one per set bit of k for sums), as vector loops over the row.
/// Both keep PyTorch's order rule (first max in row-major order, last NaN). Stride-1, undilated
/// sums (average, Lp with p = 1 or 2) slide instead, along the row and down the columns (each
/// window the one before plus what entered minus what left; along the row four windows per vector
/// add, from the four before them; down the rows columns first, see slidingsums.h: one row of
/// column sums slides down the input rows, then the windows along it), but only where every value
/// involved lies on a grid on which double holds all those sums exactly (decided per row along the
/// row, and per window and chunk of 128 output columns down the rows): then they are the exact
/// sums, bit for bit what the direct sum gives. Elsewhere (NaN, ±∞, magnitudes too far apart) sums
/// are taken in double from the window's own values, so they stay within float32 rounding of the
/// direct sum and ±∞/NaN behave as in it. Other windows are reduced tap by tap in vectorisable
/// loops. Max and min of rows without NaN take a plain max/min (no NaN select); the same values. A
/// band reduces its input rows in order into a ring of scratch rows (the tallest window's rows; k +
/// 3 for four rows per pass; two blocks for van Herk), each read by its windows while still in
/// cache. Outputs of 16 MB or more are written with non-temporal stores, except by the sliding
/// sums, the tiling path and the rows done four per pass, where they measured slower (see
/// slidingsums.cpp, tilingpool.cpp and fourRows in planepool.cpp). The output rows of all planes,
/// one plane after the other, are cut into tasks of equal height (a few per thread, whole planes
/// for the rings) run on `threads` threads.
void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads);

/// The same for 8-bit planes, max and min only, without indices; every window of `g` must hold
/// an input cell (an empty window would need −∞ or +∞).
void poolBytePlanes(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads);

} // namespace poolviz::kernels
