#include "windowrules.h"

#include <algorithm>
#include <cassert>
#include <climits>

namespace poolviz {

namespace {

/// Floor division that is correct for negative numerators (b > 0).
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

std::int64_t axisOutputSize(std::int64_t in, std::int64_t kernel, std::int64_t stride,
                            std::int64_t dilation, std::int64_t padBefore, std::int64_t padAfter,
                            bool ceilMode)
{
    assert(kernel >= 1 && stride >= 1 && dilation >= 1 && padBefore >= 0 && padAfter >= 0);
    const std::int64_t ek = dilation * (kernel - 1) + 1;
    const std::int64_t raw = in + padBefore + padAfter - ek + (ceilMode ? stride - 1 : 0);
    std::int64_t out = floorDiv(raw, stride) + 1;
    if (ceilMode && out > 0 && (out - 1) * stride >= in + padBefore)
        --out;
    return out;
}

std::pair<std::int64_t, std::int64_t> samePadding(std::int64_t in, std::int64_t kernel,
                                                  std::int64_t stride, std::int64_t dilation,
                                                  bool lower)
{
    assert(kernel >= 1 && stride >= 1 && dilation >= 1);
    const std::int64_t ek = dilation * (kernel - 1) + 1;
    const std::int64_t out = (in + stride - 1) / stride;
    const std::int64_t total = std::max<std::int64_t>((out - 1) * stride + ek - in, 0);
    const std::int64_t small = total / 2, large = total - total / 2;
    return lower ? std::pair{large, small} : std::pair{small, large};
}

WidePadding appliedPadding(const PoolParams &params, int inH, int inW)
{
    if (params.paddingMode == PaddingMode::Explicit)
        return {params.padding.top, params.padding.bottom, params.padding.left,
                params.padding.right};
    if (params.paddingMode == PaddingMode::Valid)
        return {};
    const Size2 s = params.effectiveStride();
    const bool lower = params.paddingMode == PaddingMode::SameLower;
    const auto [top, bottom] = samePadding(inH, params.kernel.h, s.h, params.dilation.h, lower);
    const auto [left, right] = samePadding(inW, params.kernel.w, s.w, params.dilation.w, lower);
    return {top, bottom, left, right};
}

Padding resolvePadding(const PoolParams &params, int inH, int inW)
{
    const WidePadding pad = appliedPadding(params, inH, inW);
    const auto clamp = [](std::int64_t v) { return int(std::min<std::int64_t>(v, INT_MAX)); };
    return {clamp(pad.top), clamp(pad.bottom), clamp(pad.left), clamp(pad.right)};
}

bool ceilModeApplies(const PoolParams &params)
{
    return params.ceilMode && (params.paddingMode == PaddingMode::Explicit ||
                               params.paddingMode == PaddingMode::Valid);
}

} // namespace poolviz
