#pragma once

#include "messages.h"
#include "sizelimits.h"

#include <optional>
#include <string>
#include <vector>

namespace poolviz {

enum class PoolMode
{
    Max,
    Avg,
    Min,
    Lp
};

/// How padding is chosen: given per side, TensorFlow/ONNX SAME (extra at the bottom/right, or
/// top/left for SameLower), or VALID (none).
enum class PaddingMode
{
    Explicit,
    SameUpper,
    SameLower,
    Valid
};

/// A (height, width) pair of sizes.
struct Size2
{
    int h = 1;
    int w = 1;
    friend bool operator==(const Size2 &, const Size2 &) = default;
};

/// Explicit padding per side.
struct Padding
{
    int top = 0;
    int bottom = 0;
    int left = 0;
    int right = 0;
    friend bool operator==(const Padding &, const Padding &) = default;
};

/// Every parameter of a 2-D pooling layer. Plain data: `validate` says what is wrong with it.
struct PoolParams
{
    PoolMode mode = PoolMode::Max;
    double p = 2.0;              ///< Lp norm order (mode Lp), > 0.
    Size2 kernel{2, 2};          ///< ≥ 1 each (ignored when adaptive).
    std::optional<Size2> stride; ///< Defaults to the kernel.
    PaddingMode paddingMode = PaddingMode::Explicit;
    Padding padding;      ///< Used when paddingMode is Explicit.
    Size2 dilation{1, 1}; ///< ≥ 1 each.
    bool ceilMode = false;
    bool countIncludePad = true;         ///< Average only (PyTorch's default).
    std::optional<int> divisorOverride;  ///< Average only, ≥ 1.
    std::optional<Size2> adaptiveOutput; ///< Adaptive pooling to this output size.
    bool global = false;                 ///< Adaptive to 1×1.

    /// The stride actually used: `stride` or, if unset, the kernel.
    Size2 effectiveStride() const { return stride.value_or(kernel); }
    /// True for TensorFlow/ONNX SAME padding (upper or lower).
    bool isSame() const
    {
        return paddingMode == PaddingMode::SameUpper || paddingMode == PaddingMode::SameLower;
    }
    /// True for max and min pooling: each window has an argmax (a winner), backward routes the
    /// gradient to it and max-unpooling can undo it.
    bool hasArgmax() const { return mode == PoolMode::Max || mode == PoolMode::Min; }
    /// Average pooling's divisor override in effect: `divisorOverride`, except for adaptive
    /// pooling, which ignores it.
    std::optional<int> effectiveDivisorOverride() const
    {
        return isAdaptive() ? std::nullopt : divisorOverride;
    }
    /// Whether an average window's divisor (without an override) counts its padding taps as
    /// well as its input taps: count_include_pad, except with SAME padding (TensorFlow divides by
    /// the in-input count) and for adaptive bins (which have no padding). Never the ceil-mode
    /// overhang. The whole rule: divisor = effectiveDivisorOverride(), else padded taps when
    /// this holds, else in-input taps (see Geometry::avgDivisor).
    bool divisorCountsPadding() const { return countIncludePad && !isSame() && !isAdaptive(); }
    /// True for adaptive or global pooling (kernel, stride, padding, dilation unused).
    bool isAdaptive() const { return global || adaptiveOutput.has_value(); }
    /// The adaptive output size (1×1 for global).
    Size2 adaptiveSize() const
    {
        return global ? Size2{1, 1} : adaptiveOutput.value_or(Size2{1, 1});
    }

    friend bool operator==(const PoolParams &, const PoolParams &) = default;
};

/// A size as every message writes it: "4×4".
[[nodiscard]] std::string formatSize(std::int64_t h, std::int64_t w);
[[nodiscard]] std::string formatSize(Size2 s);

/// Lower-case name of a mode: "max", "avg", "min", "lp".
std::string modeName(PoolMode mode);

/// A one-line summary such as "max 2×2, stride 2, padding 0, dilation 1" for captions and titles.
std::string describe(const PoolParams &params);

} // namespace poolviz
