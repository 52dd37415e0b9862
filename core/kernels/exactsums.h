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
/// minus 1 (so that 0, wrapping, never wins the min). Integer max and min vectorise. For sums of
/// squares also the lowest set bit of any non-zero value (see exactSums).
struct Range
{
    std::uint32_t hi = 0;
    std::uint32_t loMinus1 = UINT32_MAX;
    /// With `squares`: the least e such that some non-zero value has bit 2^e set (its lowest).
    int lowBit = INT_MAX;

    static Range of(const float *src, int n, bool squares = false)
    {
        Range r;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t u = magnitudeBits(src[i]);
            r.hi = std::max(r.hi, u);
            r.loMinus1 = std::min(r.loMinus1, u - 1);
        }
        if (squares)
            for (int i = 0; i < n; ++i) {
                // The significand's lowest set bit as a float (a power of two, exact): its
                // exponent field is 127 + that bit's place in the significand.
                const std::uint32_t u = magnitudeBits(src[i]);
                const std::int32_t exponent = std::int32_t(u >> 23);
                const std::int32_t significand =
                    std::int32_t(u & 0x7fffffu) | (exponent > 0 ? 0x800000 : 0);
                const std::int32_t lowest = significand & -significand;
                const std::int32_t place =
                    std::int32_t(std::bit_cast<std::uint32_t>(float(lowest)) >> 23) - 127;
                const int bit = std::max(exponent, 1) - 150 + place;
                r.lowBit = std::min(r.lowBit, u != 0 ? bit : INT_MAX);
            }
        return r;
    }
    void add(const Range &o)
    {
        hi = std::max(hi, o.hi);
        loMinus1 = std::min(loMinus1, o.loMinus1);
        lowBit = std::min(lowBit, o.lowBit);
    }
    float largest() const { return std::bit_cast<float>(hi); }
    std::uint32_t smallestBits() const { return loMinus1 + 1; } ///< when hi ≠ 0
};

/// Whether sums, and differences of sums, of up to `terms` values whose magnitudes lie in `r`
/// (or of their squares, when `squares`) are exact in double, in any order: every such value is
/// a multiple of the last place of the smallest non-zero one (for squares: of the square of the
/// lowest set bit of any, so that the squares of integers up to 2^26 are integers), and `terms`
/// of the largest still fit 53 bits of that grid. False when `r` holds NaN or ±∞. For squares,
/// `r` must come from Range::of(…, true).
inline bool exactSums(Range r, double terms, bool squares)
{
    if (r.hi >= kInfBits)
        return false;
    if (r.hi == 0)
        return true;
    double top = double(r.largest());
    int bound; // terms of the largest must fit 53 bits of the grid 2^(bound − 53)
    if (squares) {
        top *= top;
        bound = 2 * r.lowBit + 53;
    } else {
        // The smallest non-zero magnitude's last place, 2^(E − 150) for biased exponent E ≥ 1
        // (denormals: 2⁻¹⁴⁹), from its bits: this runs for every window and chunk, so no frexp.
        bound = std::max(int(r.smallestBits() >> 23), 1) - 150 + 53;
    }
    // 2^bound as a double built from its bits (bound lies in [−245, 307]).
    const double limit = std::bit_cast<double>(std::uint64_t(bound + 1023) << 52);
    return terms * top <= limit;
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
