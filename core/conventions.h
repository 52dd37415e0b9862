#pragma once

// Conventions the views state in words: the output-size formula of each axis exactly as the
// geometry computes it (SAME's ⌈in/s⌉, ceil mode only where it applies), and which controls have
// no effect for the current parameters and why. One place decides, so the parameter panel and the
// stage never carry a copy of the padding rule.

#include "messages.h"
#include "poolparams.h"

#include <optional>
#include <string>

namespace poolviz {

enum class Axis
{
    Rows,
    Cols
};

/// The output-size formula of one axis with the numbers of `params` on an inH × inW input, e.g.
/// "out = ⌊(6 + 0 + 0 − 3 + 2) / 3⌋ + 1 = 2" (ceil mode), "out = ⌈6 / 4⌉ = 2; padding
/// max((2 − 1)·4 + 3 − 6, 0) = 1: 0 before, 1 after" (SAME: ceil mode plays no part), or the
/// adaptive bin rule. Also for parameters `validate` refuses, as long as the sizes are ≥ 1 (then
/// it shows why there is no output); empty otherwise.
std::string outputSizeFormula(const PoolParams &params, int inH, int inW, Axis axis);

/// A control of the parameter panel that may have no effect.
enum class Setting
{
    CeilMode,
    CountIncludePad,
    Divisor
};

/// Why `setting` has no effect for `params` (e.g. "SAME padding is never counted (TensorFlow's
/// rule), so count_include_pad has no effect"), or nothing if it has one.
std::optional<Message> noEffectMessage(const PoolParams &params, Setting setting);
/// noEffectMessage's English text, or empty if the setting has an effect.
std::string noEffectReason(const PoolParams &params, Setting setting);

} // namespace poolviz
