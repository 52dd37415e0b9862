#pragma once
// The reduction rules every kernel shares: PyTorch's order and NaN rule for max and min. Included
// only by the kernel sources, which are compiled once per instruction set (see
// core/CMakeLists.txt): everything here lives in the namespace of that copy, so that the linker
// never merges an AVX2 instance of an inline function into the baseline copy.

#include "isa.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <type_traits>

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

enum class Reduce
{
    Max,
    Min,
    Sum,
    PowSum
};

template <Reduce R> constexpr bool isExtreme = R == Reduce::Max || R == Reduce::Min;
/// Max and min carry the input value itself (a float or a byte); sums are taken in double.
template <Reduce R, class T> using Acc = std::conditional_t<isExtreme<R>, T, double>;

/// PyTorch's rule for max and min: take a value if it beats the best so far or is NaN, so ties
/// keep the first tap and the last NaN scanned wins. As a combine of an earlier and a later part
/// of a window (take the later part's result if it `takes`), the rule is associative, which is
/// what lets windows be assembled from block prefixes and suffixes.
template <Reduce R, class T> inline bool takes(T v, T best)
{
    // Bitwise | rather than ||: no branch, so the loops vectorise.
    if constexpr (R == Reduce::Max)
        return (v > best) | (v != v);
    else
        return (v < best) | (v != v);
}

/// The value of a ⊕ b (a the earlier part, b the later) without an index: b if it `takes`, else
/// a. Written as a max/min and a NaN select, which compile to max/min and blend instructions
/// rather than branches (a branch per tap mispredicts on real data).
template <Reduce R, class T> inline T pick(T a, T b)
{
    const T m = R == Reduce::Max ? (b > a ? b : a) : (b < a ? b : a);
    return b != b ? b : m;
}

/// pick for values that hold no NaN: the max/min alone (one instruction rather than a max, a NaN
/// compare and a blend), the same value as pick then (ties keep a, as there).
template <Reduce R, class T> inline T pickNumbers(T a, T b)
{
    return R == Reduce::Max ? (b > a ? b : a) : (b < a ? b : a);
}

/// pick<R> as a function object, or pickNumbers<R> when `Numbers`: loops written once over a
/// `Picker` compile to both forms (see withPicker).
template <Reduce R, bool Numbers> struct Picker
{
    template <class T> T operator()(T a, T b) const
    {
        if constexpr (Numbers)
            return pickNumbers<R>(a, b);
        else
            return pick<R>(a, b);
    }
};

/// f(Picker<R, true>()) when `numbers` (no value involved is NaN), else f(Picker<R, false>()).
template <Reduce R, class F> inline void withPicker(bool numbers, F &&f)
{
    if (numbers)
        f(Picker<R, true>());
    else
        f(Picker<R, false>());
}

/// The bits of a float without its sign: the bits of |v|.
inline constexpr std::uint32_t kMagnitudeMask = 0x7fffffffu;
/// +∞'s bits: a float is NaN exactly when its magnitudeBits lie above these.
inline constexpr std::uint32_t kInfBits = 0x7f800000u;
/// The bits of |v|, which order the magnitudes of non-NaN floats as integers.
inline std::uint32_t magnitudeBits(float v)
{
    return std::bit_cast<std::uint32_t>(v) & kMagnitudeMask;
}

/// Whether any of the n values at p is NaN (never, for integers). An integer max over the bits
/// of |x|, which vectorises: NaN is above +∞.
template <class T> inline bool anyNaN(const T *p, int n)
{
    if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) == 4);
        std::uint32_t top = 0;
        for (int i = 0; i < n; ++i)
            top = std::max(top, magnitudeBits(p[i]));
        return top > kInfBits;
    } else {
        return false;
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
