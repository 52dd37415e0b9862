#pragma once

// Conventions the views state in words: which controls have no effect for the current parameters
// and why. The output-size formula of each axis is the window rules' own (outputSizeFormula in
// windowrules.h), so the parameter panel and the stage never carry a copy of the padding rule.

#include "poolparams.h"

#include <string>

namespace poolviz {

/// A control of the parameter panel that may have no effect.
enum class Setting
{
    CeilMode,
    CountIncludePad,
    Divisor
};

/// Why `setting` has no effect for `params` (e.g. "SAME padding never counts padding
/// (TensorFlow's rule), so count_include_pad has no effect"), or empty if it has one.
std::string noEffectReason(const PoolParams &params, Setting setting);

} // namespace poolviz
