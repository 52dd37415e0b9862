#pragma once
// Lp's gradient for one window, shared by the backward kernels (both copies, see isa.h) and by
// the per-window shares of pool.cpp (the baseline copy, kernels::generic). A kernel-only header:
// the template lives in the namespace of its copy, so the AVX2 kernels inline their own copy
// rather than call the baseline one.
#include "isa.h"
#include "spans.h"

#include <cmath>
#include <cstdint>

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// Lp's gradient for one window: ∂y/∂x = sign(x)·|x|^(p−1) / y^(p−1) times the upstream gradient
/// at each in-input tap whose row lies in [rowBegin, rowEnd), in tap order, as add(flat index,
/// amount); nothing where y = 0 or y is not finite. `x` is the plane, W its width. At x = 0 the
/// sign is +1, as PyTorch's derivative of x^p is there: the share is 0 for p > 1, g / y^0 = g for
/// p = 1 (a zero in a window still passes the gradient on, as in a sum) and ±∞ for p < 1. (For
/// p < 1 PyTorch differs at zeros: it multiplies the summed upstream by ∞ once, so opposite
/// signs give ∓∞ where these per-window shares give NaN, and an all-zero window gives NaN, not 0.)
template <class Add>
void lpShares(const float *x, int W, const AxisSpan &r, const AxisSpan &c, double y, float upstream,
              double p, int rowBegin, int rowEnd, Add &&add)
{
    if (r.count == 0 || c.count == 0 || y == 0.0 || !std::isfinite(y))
        return;
    const double denom = std::pow(y, p - 1.0);
    for (int i = 0; i < r.count; ++i) {
        const int row = r.first + i * r.step;
        if (row < rowBegin || row >= rowEnd)
            continue;
        for (int j = 0; j < c.count; ++j) {
            const std::int64_t at = std::int64_t(row) * W + c.first + j * c.step;
            const double xv = x[at];
            const double sign = xv < 0 ? -1.0 : 1.0;
            const double dx = sign * std::pow(std::fabs(xv), p - 1.0) / denom;
            add(at, float(upstream * dx));
        }
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
