#include "validation.h"

#include "windowrules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

namespace poolviz {

namespace {

/// The fewest in-input taps of any window along one axis (windows start at o·s − before, taps
/// every d, k of them). O(out).
std::int64_t fewestInputs(std::int64_t in, std::int64_t out, std::int64_t k, std::int64_t s,
                          std::int64_t d, std::int64_t before)
{
    std::int64_t fewest = k;
    for (std::int64_t o = 0; o < out; ++o) {
        const std::int64_t start = o * s - before;
        const std::int64_t first = start >= 0 ? 0 : (-start + d - 1) / d; // first tap ≥ 0
        const std::int64_t last =
            start > in - 1 ? -1 : std::min(k - 1, (in - 1 - start) / d); // last tap < in
        fewest = std::min(fewest, std::max<std::int64_t>(0, last - first + 1));
    }
    return fewest;
}

} // namespace

std::string Validation::errorText() const
{
    std::string text;
    for (const Message &e : errors) {
        if (!text.empty())
            text += "; ";
        text += e.text();
    }
    return text;
}

Validation validate(const PoolParams &p, int inH, int inW, int planes, const Limits &limits)
{
    Validation v;
    const auto error = [&v](MessageId id, std::vector<std::string> args = {}) {
        v.errors.push_back({id, std::move(args)});
    };
    const auto warn = [&v](MessageId id, std::vector<std::string> args = {}) {
        v.warnings.push_back({id, std::move(args)});
    };
    const auto count = [&limits](std::int64_t n) {
        return formatCount(double(n), double(limits.values));
    };
    const std::string limit = formatCount(double(limits.values));
    planes = std::max(planes, 1);
    if (inH < 1 || inW < 1)
        error(MessageId::EmptyInput, {formatSize(inH, inW)});
    else if (const std::int64_t n = std::int64_t(inH) * inW; n > limits.values)
        error(MessageId::InputTooLarge, {formatSize(inH, inW), count(n), limit});
    if (p.mode == PoolMode::Lp && !(p.p > 0 && std::isfinite(p.p)))
        error(MessageId::LpOrder, {std::to_string(p.p)});
    if (p.divisorOverride && *p.divisorOverride < 1)
        error(MessageId::DivisorBelowOne, {std::to_string(*p.divisorOverride)});
    // The output's values over all planes, refused before anything is allocated.
    const auto checkOutput = [&](std::int64_t outH, std::int64_t outW) {
        const std::int64_t perPlane = saturatedMul(outH, outW);
        const std::int64_t all = saturatedMul(perPlane, planes);
        if (all <= limits.values)
            return true;
        const double exact = double(outH) * double(outW) * planes;
        if (planes == 1)
            error(MessageId::OutputTooLarge,
                  {formatSize(outH, outW), formatCount(exact, double(limits.values)), limit});
        else
            error(MessageId::OutputPlanesTooLarge,
                  {std::to_string(planes), formatSize(outH, outW),
                   formatCount(exact, double(limits.values)), limit});
        return false;
    };

    if (p.isAdaptive()) {
        const Size2 out = p.adaptiveSize();
        if (out.h < 1 || out.w < 1)
            error(MessageId::AdaptiveBelowOne, {formatSize(out)});
        else if (v.errors.empty() && checkOutput(out.h, out.w) && (out.h > inH || out.w > inW))
            warn(MessageId::AdaptiveRepeatsCells, {formatSize(out), formatSize(inH, inW)});
        if (p.divisorOverride)
            warn(MessageId::AdaptiveIgnoresDivisor);
        return v;
    }

    const Size2 s = p.effectiveStride();
    if (p.kernel.h < 1 || p.kernel.w < 1)
        error(MessageId::KernelBelowOne, {formatSize(p.kernel)});
    if (s.h < 1 || s.w < 1)
        error(MessageId::StrideBelowOne, {formatSize(s)});
    if (p.dilation.h < 1 || p.dilation.w < 1)
        error(MessageId::DilationBelowOne, {formatSize(p.dilation)});
    const Padding &q = p.padding;
    if (p.paddingMode == PaddingMode::Explicit &&
        (q.top < 0 || q.bottom < 0 || q.left < 0 || q.right < 0))
        error(MessageId::NegativePadding, {std::to_string(q.top), std::to_string(q.bottom),
                                           std::to_string(q.left), std::to_string(q.right)});
    if (!v.errors.empty())
        return v;

    // Everything from here in 64-bit: ek = d·(k−1)+1 reaches 10¹² for k = d = 10⁶, and SAME's
    // padding with it; each is at most about 2⁶², so sums of two or three never overflow.
    const std::int64_t ekH = std::int64_t(p.dilation.h) * (p.kernel.h - 1) + 1;
    const std::int64_t ekW = std::int64_t(p.dilation.w) * (p.kernel.w - 1) + 1;
    const WidePadding applied = appliedPadding(p, inH, inW);
    const std::int64_t pt = applied.top, pb = applied.bottom, pl = applied.left, pr = applied.right;
    const std::int64_t padH = inH + pt + pb;
    const std::int64_t padW = inW + pl + pr;
    const bool dilated = p.dilation.h != 1 || p.dilation.w != 1;
    const bool ceil = ceilModeApplies(p);
    const std::int64_t outH = axisOutputSize(inH, p.kernel.h, s.h, p.dilation.h, pt, pb, ceil);
    const std::int64_t outW = axisOutputSize(inW, p.kernel.w, s.w, p.dilation.w, pl, pr, ceil);
    // The output-size rule alone decides. Without ceil mode a kernel larger than the padded input
    // gives out < 1; with ceil mode PyTorch still answers while the first window starts inside.
    if ((ekH > padH || ekW > padW) && (!ceil || outH < 1 || outW < 1)) {
        const bool padded = padH != inH || padW != inW;
        if (dilated) {
            const std::string d = p.dilation.h == p.dilation.w ? std::to_string(p.dilation.h)
                                                               : formatSize(p.dilation);
            error(ceil ? (padded ? MessageId::DilatedKernelLargerThanPaddedInputCeil
                                 : MessageId::DilatedKernelLargerThanInputCeil)
                       : (padded ? MessageId::DilatedKernelLargerThanPaddedInput
                                 : MessageId::DilatedKernelLargerThanInput),
                  {formatSize(p.kernel), d, formatSize(ekH, ekW), formatSize(padH, padW)});
        } else {
            error(ceil ? (padded ? MessageId::KernelLargerThanPaddedInputCeil
                                 : MessageId::KernelLargerThanInputCeil)
                       : (padded ? MessageId::KernelLargerThanPaddedInput
                                 : MessageId::KernelLargerThanInput),
                  {formatSize(p.kernel), formatSize(padH, padW)});
        }
        return v;
    }
    if (outH < 1 || outW < 1) {
        error(MessageId::EmptyOutput,
              {formatSize(std::max<std::int64_t>(outH, 0), std::max<std::int64_t>(outW, 0)),
               formatSize(inH, inW), formatSize(p.kernel), formatSize(s)});
        return v;
    }
    if (!checkOutput(outH, outW))
        return v;
    // Every tap position must be an `int`: from −pb to the last tap of the last window (or the
    // end of the padding).
    const auto beyond = [&](MessageId id, std::int64_t in, std::int64_t before, std::int64_t after,
                            std::int64_t out, std::int64_t stride, std::int64_t ek) {
        const std::int64_t last = std::max((out - 1) * stride - before + ek - 1, in + after - 1);
        if (before <= kMaxExtent && last <= kMaxExtent)
            return false;
        error(id, {before > 0 ? "\u2212" + std::to_string(before) : std::string("0"),
                   std::to_string(last), std::to_string(kMaxExtent)});
        return true;
    };
    // Both axes are checked, so that the message names every axis out of range.
    const bool rowsBeyond = beyond(MessageId::RowsBeyondRange, inH, pt, pb, outH, s.h, ekH);
    const bool colsBeyond = beyond(MessageId::ColumnsBeyondRange, inW, pl, pr, outW, s.w, ekW);
    if (rowsBeyond || colsBeyond)
        return v;

    // Windows that hold no input cell at all (only possible with dilation or large padding).
    const auto emptyAlong = [](std::int64_t in, std::int64_t out, std::int64_t k, std::int64_t st,
                               std::int64_t d, std::int64_t before) {
        std::int64_t empty = 0;
        for (std::int64_t o = 0; o < out; ++o) {
            const std::int64_t start = o * st - before;
            // The first tap at or after position 0, if it is one of the k taps, is in the input
            // when it is < in.
            const std::int64_t t = start >= 0 ? 0 : (-start + d - 1) / d;
            if (t >= k || start + t * d >= in)
                ++empty;
        }
        return empty;
    };
    const std::int64_t emptyRows = emptyAlong(inH, outH, p.kernel.h, s.h, p.dilation.h, pt);
    const std::int64_t emptyCols = emptyAlong(inW, outW, p.kernel.w, s.w, p.dilation.w, pl);
    const std::int64_t emptyWindows = emptyRows * outW + emptyCols * outH - emptyRows * emptyCols;
    if (emptyWindows > 0)
        warn(p.mode == PoolMode::Max   ? MessageId::EmptyWindowsMax
             : p.mode == PoolMode::Min ? MessageId::EmptyWindowsMin
                                       : MessageId::EmptyWindowsZero,
             {std::to_string(emptyWindows), std::to_string(outH * outW)});

    // Where the frameworks differ or refuse.
    if (p.paddingMode == PaddingMode::Explicit) {
        const std::int64_t halfH = ekH / 2, halfW = ekW / 2;
        if (std::max(q.top, q.bottom) > halfH || std::max(q.left, q.right) > halfW)
            warn(MessageId::PyTorchPaddingAboveHalf, {formatSize(halfH, halfW)});
        if (q.top != q.bottom || q.left != q.right)
            warn(MessageId::PyTorchPadsEqually, {std::to_string(q.top), std::to_string(q.bottom),
                                                 std::to_string(q.left), std::to_string(q.right)});
    } else if (p.paddingMode != PaddingMode::Valid) {
        warn(MessageId::SameNotInPyTorch);
        if (p.ceilMode)
            warn(MessageId::SameHasNoCeilMode);
    }
    if (p.mode == PoolMode::Avg && dilated)
        warn(MessageId::AvgDilationNotInPyTorch);
    if (p.mode == PoolMode::Lp && (dilated || pt || pb || pl || pr))
        warn(MessageId::LpPaddingNotInPyTorch);
    if (p.mode == PoolMode::Lp && ceil) {
        // LPPool2d is avg_pool2d(x^p)·(kh·kw), then ^(1/p): a partial window of n taps is
        // scaled by kh·kw/n. The smallest window here holds the fewest input taps.
        const std::int64_t taps = fewestInputs(inH, outH, p.kernel.h, s.h, p.dilation.h, pt) *
                                  fewestInputs(inW, outW, p.kernel.w, s.w, p.dilation.w, pl);
        const std::int64_t full = std::int64_t(p.kernel.h) * p.kernel.w;
        if (taps > 0 && taps < full) {
            char factor[32];
            std::snprintf(factor, sizeof factor, "%.4g", std::pow(double(full) / taps, 1.0 / p.p));
            warn(MessageId::LpCeilScaled, {std::to_string(taps), std::to_string(full), factor});
        }
    }
    if (p.mode == PoolMode::Min)
        warn(MessageId::MinNotInFrameworks);
    if (ceil) {
        if ((outH - 1) * s.h + ekH > padH || (outW - 1) * s.w + ekW > padW)
            warn(MessageId::CeilOverhang);
    }
    return v;
}

} // namespace poolviz
