#pragma once
// The reduction rules every kernel shares: PyTorch's order and NaN rule for max and min. Included
// only by the kernel sources, which are compiled once per instruction set (see
// core/CMakeLists.txt): everything here lives in the namespace of that copy, so that the linker
// never merges an AVX2 instance of an inline function into the baseline copy.

#include "isa.h"

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

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
