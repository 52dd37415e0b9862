#include "poolparams.h"

#include "windowrules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

namespace poolviz {

std::string formatSize(std::int64_t h, std::int64_t w)
{
    return std::to_string(h) + "\u00d7" + std::to_string(w);
}

std::string formatSize(Size2 s)
{
    return formatSize(s.h, s.w);
}

std::string modeName(PoolMode mode)
{
    switch (mode) {
    case PoolMode::Max:
        return "max";
    case PoolMode::Avg:
        return "avg";
    case PoolMode::Min:
        return "min";
    case PoolMode::Lp:
        return "lp";
    }
    return "max";
}

std::string describe(const PoolParams &p)
{
    std::string mode = modeName(p.mode);
    if (p.mode == PoolMode::Lp) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", p.p);
        mode = std::string("L") + buf;
    }
    if (p.global)
        return "global " + mode;
    if (p.adaptiveOutput)
        return "adaptive " + mode + " to " + formatSize(*p.adaptiveOutput);
    std::string s =
        mode + " " + formatSize(p.kernel) + ", stride " + formatSize(p.effectiveStride());
    switch (p.paddingMode) {
    case PaddingMode::SameUpper:
        s += ", SAME padding";
        break;
    case PaddingMode::SameLower:
        s += ", SAME_LOWER padding";
        break;
    case PaddingMode::Valid:
        s += ", VALID";
        break;
    case PaddingMode::Explicit: {
        const Padding &q = p.padding;
        if (q.top == q.bottom && q.left == q.right && q.top == q.left)
            s += ", padding " + std::to_string(q.top);
        else
            s += ", padding " + std::to_string(q.top) + "," + std::to_string(q.bottom) + "," +
                 std::to_string(q.left) + "," + std::to_string(q.right);
        break;
    }
    }
    if (p.dilation.h != 1 || p.dilation.w != 1)
        s += ", dilation " + formatSize(p.dilation);
    if (ceilModeApplies(p)) // SAME always gives ⌈in/s⌉: ceil mode plays no part there
        s += ", ceil mode";
    if (p.mode == PoolMode::Avg) {
        if (p.divisorOverride)
            s += ", divisor " + std::to_string(*p.divisorOverride);
        else if (!p.countIncludePad && p.paddingMode == PaddingMode::Explicit)
            s += ", excluding padding";
    }
    return s;
}

} // namespace poolviz
