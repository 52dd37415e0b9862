#pragma once
// Windows that tile the input, in one pass (see tilingpool.cpp). Included only by the kernel
// sources; compiled once per instruction set like them (see reduce.h).

#include "isa.h"
#include "geometry.h"
#include "reduce.h"
#include "tensor.h"

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// Whether `g` tiles its input with square windows: kernel = stride = k on both axes with
/// 2 ≤ k ≤ 4, no dilation, no padding before, every window whole inside the input (out·k ≤ in),
/// and max, min or average. Those are the classic 2×2/2 (3×3/3, 4×4/4) downsamplings.
bool tiles(const Geometry &g);

/// Pools every plane of `input` with a geometry for which `tiles` holds, into `values` (and
/// PyTorch's argmax indices when `indices` is not null; max and min only), one pass over the
/// input and no scratch rows. The same bits as the general kernels: a window's taps are taken in
/// row-major order with PyTorch's tie and NaN rule, and an average sums each input row's taps
/// in double, then the rows in order, and scales by the same double reciprocals.
void poolTiles(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
               int threads);

/// The same for 8-bit planes (max and min, no indices).
void poolByteTiles(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads);

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
