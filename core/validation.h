#pragma once

// Whether parameters can pool an input of a given size, and what PyTorch or TensorFlow would
// say about them: checked with the window rules (windowrules.h) that the geometry uses too.

#include "messages.h"
#include "poolparams.h"
#include "sizelimits.h"

#include <string>
#include <vector>

namespace poolviz {

/// The outcome of checking parameters against an input size: errors make pooling impossible;
/// warnings say where PyTorch or TensorFlow would refuse or behave differently.
/// Each message carries its id and arguments (for translation) and reads as its English text.
struct [[nodiscard]] Validation
{
    std::vector<Message> errors;
    std::vector<Message> warnings;
    bool ok() const { return errors.empty(); }
    /// All errors joined with "; ".
    std::string errorText() const;
};

/// Checks `params` for an input of inH × inW with `planes` planes (n·c). Every message names the
/// numbers, e.g. "kernel 5×5 with dilation 2 spans 9×9, larger than the padded input 6×6: no
/// window fits". All sizes are computed in checked 64-bit arithmetic; an output of more than
/// `limits.values` values (all planes) is an error ("output would be 1000014×1000014 = 1.0·10¹²
/// values, above the limit of 10⁸"). Costs O(outH + outW), whatever the kernel.
[[nodiscard]] Validation validate(const PoolParams &params, int inH, int inW, int planes = 1,
                                  const Limits &limits = currentLimits());

} // namespace poolviz
