#include "conventions.h"

namespace poolviz {

std::string noEffectReason(const PoolParams &p, Setting setting)
{
    switch (setting) {
    case Setting::CeilMode:
        if (p.isAdaptive())
            return "adaptive pooling has no rounding: its bins always cover the input";
        if (p.isSame())
            return "SAME padding always gives \u2308in / stride\u2309 outputs (TensorFlow's rule), "
                   "so ceil mode has no effect";
        return {};
    case Setting::CountIncludePad:
        if (p.mode != PoolMode::Avg)
            return "count_include_pad sets the divisor of average pooling; " + modeName(p.mode) +
                   " pooling has no divisor";
        if (p.isAdaptive())
            return "adaptive bins hold input cells only, so there is no padding to count";
        if (p.divisorOverride)
            return "the divisor override replaces the count, so count_include_pad has no effect";
        if (p.isSame())
            return "SAME padding is never counted (TensorFlow's rule), so count_include_pad has "
                   "no effect";
        if (p.paddingMode == PaddingMode::Valid)
            return "VALID has no padding to count";
        return {};
    case Setting::Divisor:
        if (p.mode != PoolMode::Avg)
            return "the divisor override applies to average pooling; " + modeName(p.mode) +
                   " pooling has no divisor";
        if (p.isAdaptive())
            return "adaptive pooling divides by the size of each bin (PyTorch has no "
                   "divisor_override for it)";
        return {};
    }
    return {};
}

} // namespace poolviz
