#include "conventions.h"

#include "geometry.h"

namespace poolviz {

namespace {

std::string sameFormula(int in, int kernel, int stride, int dilation, bool lower)
{
    const int ek = dilation * (kernel - 1) + 1;
    const int out = (in + stride - 1) / stride;
    const auto [before, after] = samePadding(in, kernel, stride, dilation, lower);
    const std::string ekText = dilation == 1 ? std::to_string(ek)
                                             : "(" + std::to_string(dilation) + "\u00b7(" +
                                                   std::to_string(kernel) + "\u22121)+1)";
    return "out = \u2308" + std::to_string(in) + " / " + std::to_string(stride) +
           "\u2309 = " + std::to_string(out) + "; padding max((" + std::to_string(out) +
           " \u2212 1)\u00b7" + std::to_string(stride) + " + " + ekText + " \u2212 " +
           std::to_string(in) + ", 0) = " + std::to_string(before + after) + ": " +
           std::to_string(before) + " before, " + std::to_string(after) + " after";
}

} // namespace

std::string outputSizeFormula(const PoolParams &p, int inH, int inW, Axis axis)
{
    const bool rows = axis == Axis::Rows;
    const int in = rows ? inH : inW;
    if (in < 1)
        return {};
    if (p.isAdaptive()) {
        const Size2 out = p.adaptiveSize();
        const int o = rows ? out.h : out.w;
        return o < 1 ? std::string() : computeAdaptiveAxis(in, o).formula(false);
    }
    const Size2 s = p.effectiveStride();
    const int k = rows ? p.kernel.h : p.kernel.w;
    const int stride = rows ? s.h : s.w;
    const int d = rows ? p.dilation.h : p.dilation.w;
    if (k < 1 || stride < 1 || d < 1)
        return {};
    if (p.isSame())
        return sameFormula(in, k, stride, d, p.paddingMode == PaddingMode::SameLower);
    const Padding pad = resolvePadding(p, inH, inW);
    const int before = rows ? pad.top : pad.left;
    const int after = rows ? pad.bottom : pad.right;
    if (before < 0 || after < 0)
        return {};
    const bool ceil = ceilModeApplies(p);
    return computeAxis(in, k, stride, d, before, after, ceil).formula(ceil);
}

std::optional<Message> noEffectMessage(const PoolParams &p, Setting setting)
{
    const auto message = [](MessageId id, std::vector<std::string> args = {}) {
        return std::optional<Message>(Message{id, std::move(args)});
    };
    switch (setting) {
    case Setting::CeilMode:
        if (p.isAdaptive())
            return message(MessageId::NoEffectCeilAdaptive);
        if (p.isSame())
            return message(MessageId::NoEffectCeilSame);
        return {};
    case Setting::CountIncludePad:
        if (p.mode != PoolMode::Avg)
            return message(MessageId::NoEffectCountPadMode, {modeName(p.mode)});
        if (p.isAdaptive())
            return message(MessageId::NoEffectCountPadAdaptive);
        if (p.divisorOverride)
            return message(MessageId::NoEffectCountPadOverride);
        if (p.isSame())
            return message(MessageId::NoEffectCountPadSame);
        if (p.paddingMode == PaddingMode::Valid)
            return message(MessageId::NoEffectCountPadValid);
        return {};
    case Setting::Divisor:
        if (p.mode != PoolMode::Avg)
            return message(MessageId::NoEffectDivisorMode, {modeName(p.mode)});
        if (p.isAdaptive())
            return message(MessageId::NoEffectDivisorAdaptive);
        return {};
    }
    return {};
}

std::string noEffectReason(const PoolParams &p, Setting setting)
{
    const std::optional<Message> m = noEffectMessage(p, setting);
    return m ? m->text() : std::string();
}

} // namespace poolviz
