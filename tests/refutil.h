#pragma once

// What the property tests (tst_property, tst_kernels) share: the reference's view of the
// engine's parameters, and float comparisons that treat NaN as equal to NaN.

#include "poolparams.h"
#include "reference.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace poolviz::test {

/// Bitwise equal, or both NaN (any NaN payload or sign).
inline bool sameFloat(float a, float b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

/// |a − b| ≤ rel·max(1, |b|), infinities equal, NaN matching NaN.
inline bool closeTo(double a, double b, double rel)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

/// The reference's view of the engine's parameters.
inline ref::Params toRef(const PoolParams &p)
{
    ref::Params r;
    r.mode = ref::Mode(int(p.mode));
    r.p = p.p;
    r.kh = p.kernel.h;
    r.kw = p.kernel.w;
    const Size2 s = p.stride.value_or(p.kernel);
    r.sh = s.h;
    r.sw = s.w;
    r.dh = p.dilation.h;
    r.dw = p.dilation.w;
    r.pad = ref::Pad(int(p.paddingMode));
    r.padTop = p.padding.top;
    r.padBottom = p.padding.bottom;
    r.padLeft = p.padding.left;
    r.padRight = p.padding.right;
    r.ceil = p.ceilMode;
    r.countIncludePad = p.countIncludePad;
    r.divisorOverride = p.divisorOverride.value_or(0);
    r.adaptive = p.global || p.adaptiveOutput.has_value();
    const Size2 a = p.global ? Size2{1, 1} : p.adaptiveOutput.value_or(Size2{1, 1});
    r.adaptiveH = a.h;
    r.adaptiveW = a.w;
    return r;
}

} // namespace poolviz::test
