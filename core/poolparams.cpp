#include "poolparams.h"

#include "geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace poolviz {

namespace {

std::string times(int h, int w)
{
    return std::to_string(h) + "\u00d7" + std::to_string(w);
}

std::string times(Size2 s)
{
    return times(s.h, s.w);
}

} // namespace

std::string Validation::errorText() const
{
    std::string text;
    for (const std::string &e : errors) {
        if (!text.empty())
            text += "; ";
        text += e;
    }
    return text;
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
        return "adaptive " + mode + " to " + times(*p.adaptiveOutput);
    std::string s = mode + " " + times(p.kernel) + ", stride " + times(p.effectiveStride());
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
        s += ", dilation " + times(p.dilation);
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

Validation validate(const PoolParams &p, int inH, int inW)
{
    Validation v;
    if (inH < 1 || inW < 1)
        v.errors.push_back("input " + times(inH, inW) +
                           " is empty: it needs at least one row and one column");
    if (p.mode == PoolMode::Lp && !(p.p > 0 && std::isfinite(p.p)))
        v.errors.push_back("Lp order p = " + std::to_string(p.p) +
                           " must be a finite number above 0");
    if (p.divisorOverride && *p.divisorOverride < 1)
        v.errors.push_back("divisor " + std::to_string(*p.divisorOverride) + " must be at least 1");

    if (p.isAdaptive()) {
        const Size2 out = p.adaptiveSize();
        if (out.h < 1 || out.w < 1)
            v.errors.push_back("adaptive output " + times(out) + " must be at least 1\u00d71");
        else if (v.errors.empty() && (out.h > inH || out.w > inW))
            v.warnings.push_back("adaptive output " + times(out) + " is larger than the input " +
                                 times(inH, inW) + ": bins repeat input cells");
        if (p.divisorOverride)
            v.warnings.push_back("the divisor applies to fixed-kernel average pooling only; "
                                 "adaptive pooling ignores it");
        return v;
    }

    const Size2 s = p.effectiveStride();
    if (p.kernel.h < 1 || p.kernel.w < 1)
        v.errors.push_back("kernel " + times(p.kernel) + ": every size must be at least 1");
    if (s.h < 1 || s.w < 1)
        v.errors.push_back("stride " + times(s) + ": every step must be at least 1");
    if (p.dilation.h < 1 || p.dilation.w < 1)
        v.errors.push_back("dilation " + times(p.dilation) + ": must be at least 1");
    const Padding &q = p.padding;
    if (p.paddingMode == PaddingMode::Explicit &&
        (q.top < 0 || q.bottom < 0 || q.left < 0 || q.right < 0))
        v.errors.push_back("padding " + std::to_string(q.top) + "," + std::to_string(q.bottom) +
                           "," + std::to_string(q.left) + "," + std::to_string(q.right) +
                           " (top, bottom, left, right) must not be negative");
    if (!v.errors.empty())
        return v;

    const int ekH = p.dilation.h * (p.kernel.h - 1) + 1;
    const int ekW = p.dilation.w * (p.kernel.w - 1) + 1;
    const Padding pad = resolvePadding(p, inH, inW);
    const int padH = inH + pad.top + pad.bottom;
    const int padW = inW + pad.left + pad.right;
    const bool dilated = p.dilation.h != 1 || p.dilation.w != 1;
    const bool ceil = ceilModeApplies(p);
    const AxisGeometry rows =
        computeAxis(inH, p.kernel.h, s.h, p.dilation.h, pad.top, pad.bottom, ceil);
    const AxisGeometry cols =
        computeAxis(inW, p.kernel.w, s.w, p.dilation.w, pad.left, pad.right, ceil);
    // The output-size rule alone decides. Without ceil mode a kernel larger than the padded input
    // gives out < 1; with ceil mode PyTorch still answers while the first window starts inside.
    if ((ekH > padH || ekW > padW) && (!ceil || rows.out < 1 || cols.out < 1)) {
        std::string what = "kernel " + times(p.kernel);
        if (dilated) {
            const std::string d =
                p.dilation.h == p.dilation.w ? std::to_string(p.dilation.h) : times(p.dilation);
            what += " with dilation " + d + " spans " + times(ekH, ekW) + ",";
        } else {
            what += " is";
        }
        v.errors.push_back(what + " larger than the " +
                           (padH != inH || padW != inW ? std::string("padded ") : std::string()) +
                           "input " + times(padH, padW) +
                           (ceil ? ": no window fits, even in ceil mode" : ": no window fits"));
        return v;
    }
    if (rows.out < 1 || cols.out < 1) {
        v.errors.push_back("output size " + times(rows.out, cols.out) + " is empty for input " +
                           times(inH, inW) + " with kernel " + times(p.kernel) + " and stride " +
                           times(s));
        return v;
    }

    // Windows that hold no input cell at all (only possible with dilation or large padding).
    int emptyWindows = 0;
    for (int i = 0; i < rows.out; ++i)
        for (int j = 0; j < cols.out; ++j)
            if (rows.inputCount[std::size_t(i)] == 0 || cols.inputCount[std::size_t(j)] == 0)
                ++emptyWindows;
    if (emptyWindows > 0)
        v.warnings.push_back(std::to_string(emptyWindows) + " of " +
                             std::to_string(rows.out * cols.out) + " windows hold no input cell: " +
                             (p.mode == PoolMode::Max ? std::string("max gives \u2212\u221e there")
                              : p.mode == PoolMode::Min ? std::string("min gives +\u221e there")
                                                        : std::string("they output 0")));

    // Where the frameworks differ or refuse.
    if (p.paddingMode == PaddingMode::Explicit) {
        const int halfH = ekH / 2, halfW = ekW / 2;
        if (std::max(q.top, q.bottom) > halfH || std::max(q.left, q.right) > halfW)
            v.warnings.push_back("PyTorch refuses padding larger than half the effective kernel (" +
                                 times(halfH, halfW) + " here); ONNX allows it");
        if (q.top != q.bottom || q.left != q.right)
            v.warnings.push_back("PyTorch pads both sides equally: for padding " +
                                 std::to_string(q.top) + "," + std::to_string(q.bottom) + "," +
                                 std::to_string(q.left) + "," + std::to_string(q.right) +
                                 " apply F.pad first (ONNX pads per side)");
    } else if (p.paddingMode != PaddingMode::Valid) {
        v.warnings.push_back("SAME padding is TensorFlow's and ONNX's; PyTorch's pooling layers "
                             "have no padding='same'");
        if (p.ceilMode)
            v.warnings.push_back("TensorFlow has no ceil mode: with SAME padding it computes "
                                 "ceil(in/stride) outputs");
    }
    if (p.mode == PoolMode::Avg && dilated)
        v.warnings.push_back(
            "PyTorch's AvgPool2d has no dilation; ONNX AveragePool (opset 19) has");
    if (p.mode == PoolMode::Lp && (dilated || pad.top || pad.bottom || pad.left || pad.right))
        v.warnings.push_back("PyTorch's LPPool2d has no padding or dilation; ONNX LpPool has");
    if (p.mode == PoolMode::Lp && ceil) {
        // LPPool2d is avg_pool2d(x^p)·(kh·kw), then ^(1/p): a partial window of n taps is
        // scaled by kh·kw/n. The smallest window here holds the fewest input taps.
        const int taps = *std::min_element(rows.inputCount.begin(), rows.inputCount.end()) *
                         *std::min_element(cols.inputCount.begin(), cols.inputCount.end());
        const int full = p.kernel.h * p.kernel.w;
        if (taps > 0 && taps < full) {
            char factor[32];
            std::snprintf(factor, sizeof factor, "%.4g", std::pow(double(full) / taps, 1.0 / p.p));
            v.warnings.push_back("PyTorch's LPPool2d scales a partial ceil-mode window by "
                                 "kh\u00b7kw/taps before the root: a window here holds " +
                                 std::to_string(taps) + " of " + std::to_string(full) +
                                 " taps, so PyTorch gives (" + std::to_string(full) + "/" +
                                 std::to_string(taps) + ")^(1/p) = " + factor +
                                 " times PoolViz's value (ONNX's LpPool agrees with PoolViz)");
        }
    }
    if (p.mode == PoolMode::Min)
        v.warnings.push_back("No framework has a min-pooling layer: PyTorch computes it as "
                             "\u2212max_pool2d(\u2212x)");
    if (ceil) {
        if ((rows.out - 1) * s.h + ekH > padH || (cols.out - 1) * s.w + ekW > padW)
            v.warnings.push_back("with ceil mode a window runs past the padded input; "
                                 "its overhang is never counted");
    }
    return v;
}

} // namespace poolviz
