#pragma once
// Window sums along a row by doubling levels, in the order of additions the direct reduction
// fixes (planepool.cpp's doublingInterior, slidingsums.cpp's reduceColumns): kernel-only,
// compiled once per instruction set like the kernels (see isa.h).

#include "isa.h"

#include <algorithm>
#include <cstddef>
#include <utility>

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// The sums of `windows` windows of k taps d apart (k ≥ 2), window w's taps at w, w + d, …,
/// (w + k − 1)·d, into out; `cur` and `next` (n = windows + (k − 1)·d values each) are scratch.
/// Level 2 comes straight from the taps, cur[i] = tap(i) + tap(i + d) (no pass copying level 1),
/// level 2m holds sums of two of level m; a window adds, in tap order, its first tap (odd k) and
/// one level per set bit of k, so the order of additions depends only on k and d, never on where
/// a row, band or chunk starts.
template <class A, class Tap>
inline void doublingSums(Tap tap, A *__restrict cur, A *__restrict next, int n, int d, int k,
                         int windows, A *__restrict out)
{
    for (int i = 0; i < n - d; ++i)
        cur[i] = tap(i) + tap(i + d);
    bool first = true;
    int offset = 0; // taps already summed into out
    if (k & 1) {
        for (int w = 0; w < windows; ++w)
            out[w] = tap(w);
        first = false;
        offset = 1;
    }
    for (int m = 2; m <= k; m *= 2) {
        if (k & m) {
            const A *__restrict part = cur + std::size_t(offset) * std::size_t(d);
            if (first)
                std::copy(part, part + windows, out);
            else
                for (int w = 0; w < windows; ++w)
                    out[w] += part[w];
            first = false;
            offset += m;
        }
        if (2 * m > k)
            break;
        const int len = n - (2 * m - 1) * d, sh = m * d;
        for (int i = 0; i < len; ++i)
            next[i] = cur[i] + cur[i + sh];
        std::swap(cur, next);
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
