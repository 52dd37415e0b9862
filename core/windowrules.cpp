#include "windowrules.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <string>

namespace poolviz {

namespace {

/// Floor division that is correct for negative numerators (b > 0).
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// `v` with a real minus sign (U+2212) when negative.
std::string minusSign(std::int64_t v)
{
    return v < 0 ? "\u2212" + std::to_string(-v) : std::to_string(v);
}

/// ek as the formulas write it: "3", or "(2·(3−1)+1)" for a dilated kernel.
std::string effectiveKernelText(std::int64_t kernel, std::int64_t dilation)
{
    if (dilation == 1)
        return std::to_string(kernel);
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string text = "(";
    text += std::to_string(dilation);
    text += "\u00b7(";
    text += std::to_string(kernel);
    text += "\u22121)+1)";
    return text;
}

/// Explicit padding (or VALID): the floor formula of axisOutputSize, with ceil mode's s−1 and
/// its last-window rule spelled out when `ceilMode`.
Caption floorFormula(std::int64_t in, std::int64_t kernel, std::int64_t stride,
                     std::int64_t dilation, std::int64_t padBefore, std::int64_t padAfter,
                     bool ceilMode)
{
    const std::int64_t ek = dilation * (kernel - 1) + 1;
    std::string num = std::to_string(in) + " + " + std::to_string(padBefore) + " + " +
                      std::to_string(padAfter) + " \u2212 " + effectiveKernelText(kernel, dilation);
    const std::int64_t raw = in + padBefore + padAfter - ek + (ceilMode ? stride - 1 : 0);
    const std::int64_t before = floorDiv(raw, stride) + 1;
    if (ceilMode)
        num += " + " + std::to_string(stride - 1);
    Caption s = Caption::lit("out = \u230a(" + num + ") / " + std::to_string(stride) +
                             "\u230b + 1 = " + minusSign(before));
    if (!ceilMode)
        return s;
    const std::int64_t after =
        axisOutputSize(in, kernel, stride, dilation, padBefore, padAfter, true);
    if (before == after)
        return s;
    const auto lit = [](std::int64_t v) { return Caption::lit(std::to_string(v)); };
    return Caption::join(
        {std::move(s), Caption::make(CaptionId::FormulaLastWindow,
                                     {lit((before - 1) * stride), lit(in), lit(padBefore),
                                      Caption::lit(minusSign(after))})});
}

/// SAME: ⌈in/s⌉ outputs and the padding that takes, split as samePadding splits it.
Caption sameFormula(std::int64_t in, std::int64_t kernel, std::int64_t stride,
                    std::int64_t dilation, bool lower)
{
    const std::int64_t out = (in + stride - 1) / stride;
    const auto [before, after] = samePadding(in, kernel, stride, dilation, lower);
    const auto lit = [](std::int64_t v) { return Caption::lit(std::to_string(v)); };
    return Caption::make(
        CaptionId::FormulaSamePadding,
        {Caption::lit("out = \u2308" + std::to_string(in) + " / " + std::to_string(stride) +
                      "\u2309 = " + std::to_string(out)),
         Caption::lit("max((" + std::to_string(out) + " \u2212 1)\u00b7" + std::to_string(stride) +
                      " + " + effectiveKernelText(kernel, dilation) + " \u2212 " +
                      std::to_string(in) + ", 0)"),
         lit(before + after), lit(before), lit(after)});
}

/// Adaptive pooling: `out` bins over `in`, bin i = [⌊i·in/out⌋, ⌈(i+1)·in/out⌉).
Caption adaptiveFormula(int in, int out)
{
    const std::string i = std::to_string(in), o = std::to_string(out);
    return Caption::make(CaptionId::FormulaAdaptive,
                         {Caption::lit(o), Caption::lit(i),
                          Caption::lit("[\u230ai\u00b7" + i + "/" + o +
                                       "\u230b, \u2308(i+1)\u00b7" + i + "/" + o + "\u2309)")});
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

Caption outputSizeFormulaCaption(const PoolParams &p, int inH, int inW, Axis axis)
{
    const bool rows = axis == Axis::Rows;
    const int in = rows ? inH : inW;
    if (in < 1)
        return Caption::lit({});
    if (p.isAdaptive()) {
        const Size2 out = p.adaptiveSize();
        const int o = rows ? out.h : out.w;
        return o < 1 ? Caption::lit({}) : adaptiveFormula(in, o);
    }
    const Size2 s = p.effectiveStride();
    const int k = rows ? p.kernel.h : p.kernel.w;
    const int stride = rows ? s.h : s.w;
    const int d = rows ? p.dilation.h : p.dilation.w;
    if (k < 1 || stride < 1 || d < 1)
        return Caption::lit({});
    if (p.isSame())
        return sameFormula(in, k, stride, d, p.paddingMode == PaddingMode::SameLower);
    const Padding pad = resolvePadding(p, inH, inW);
    const int before = rows ? pad.top : pad.left;
    const int after = rows ? pad.bottom : pad.right;
    if (before < 0 || after < 0)
        return Caption::lit({});
    return floorFormula(in, k, stride, d, before, after, ceilModeApplies(p));
}

std::string outputSizeFormula(const PoolParams &params, int inH, int inW, Axis axis)
{
    return outputSizeFormulaCaption(params, inH, inW, axis).text();
}

} // namespace poolviz
