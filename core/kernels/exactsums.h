#pragma once
// When sliding sums are exact (see planepool.cpp): the magnitudes of a run of floats, and whether
// sums of such values are exact in double in any order. Included only by the kernel sources,
// compiled once per instruction set like them (see reduce.h).

#include "isa.h"
#include "reduce.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// The magnitudes of some floats, as the bits of |x| (which order non-negative floats as their
/// values do, NaN and ±∞ above every finite value): the largest, and the smallest non-zero one
/// minus 1 (so that 0, wrapping, never wins the min). Integer max and min vectorise.
struct Range
{
    std::uint32_t hi = 0;
    std::uint32_t loMinus1 = UINT32_MAX;

    static Range of(const float *src, int n)
    {
        Range r;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t u = std::bit_cast<std::uint32_t>(src[i]) & 0x7fffffffu;
            r.hi = std::max(r.hi, u);
            r.loMinus1 = std::min(r.loMinus1, u - 1);
        }
        return r;
    }
    void add(const Range &o)
    {
        hi = std::max(hi, o.hi);
        loMinus1 = std::min(loMinus1, o.loMinus1);
    }
    float largest() const { return std::bit_cast<float>(hi); }
    std::uint32_t smallestBits() const { return loMinus1 + 1; } ///< when hi ≠ 0
};

/// Whether sums, and differences of sums, of up to `terms` values whose magnitudes lie in `r`
/// (or of their squares, when `squares`) are exact in double, in any order: every such value is
/// a multiple of the last place of the smallest non-zero one (of its square), and `terms` of the
/// largest still fit 53 bits of that grid. False when `r` holds NaN or ±∞.
inline bool exactSums(Range r, double terms, bool squares)
{
    if (r.hi >= 0x7f800000u)
        return false;
    if (r.hi == 0)
        return true;
    // The smallest non-zero magnitude's last place, 2^(E − 150) for biased exponent E ≥ 1
    // (denormals: 2⁻¹⁴⁹), from its bits: this runs for every window and chunk, so no frexp.
    const int lastPlace = std::max(int(r.smallestBits() >> 23), 1) - 150;
    double top = double(r.largest());
    int bound = lastPlace + 53; // terms of the largest must fit 53 bits of that grid
    if (squares) {
        top *= top;
        bound += lastPlace;
    }
    // 2^bound as a double built from its bits (bound lies in [−245, 261]).
    const double limit = std::bit_cast<double>(std::uint64_t(bound + 1023) << 52);
    return terms * top <= limit;
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
