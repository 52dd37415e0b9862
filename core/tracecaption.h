#pragma once

#include "caption.h"
#include "trace.h"

namespace poolviz {

// The captions makeTrace gives its steps (trace.cpp), one function per phase. Each returns the
// structured caption; its text() is the English one the CLI prints.

/// The forward step `s` over window `w`: "input rows 0–1, columns 2–3: max(…) = 9, found at input
/// row 1, column 3 → output row 0, column 2" and the average, Lp and padding variants. The taps
/// and values are read from `s`; `w` gives the rows and columns spanned (its taps may be moved
/// out already).
Caption forwardCaption(const Step &s, const Window &w, const PoolParams &params);

/// The backward step `s`: "gradient 1 of output row 0, column 0 is spread as 1 / 4 = 0.25 over
/// 4 input cells" and the max, min and Lp variants.
Caption backwardCaption(const Step &s, const PoolParams &params);

/// The unpool step `s` (unpooltrace.cpp): "value 9 of output row 0, column 0 goes back to where
/// its max was, input row 1, column 1; the other cells of the window stay 0" and the average
/// variant.
Caption unpoolCaption(const Step &s, const PoolParams &params);

/// `body` behind "Step 2 of 9: ", with the channel ("(channel 1)") or sample and channel
/// ("(sample 0, channel 2)") when `input` has more than one plane.
Caption stepCaption(const Step &s, std::size_t total, const Tensor &input, Caption body);

} // namespace poolviz
