#pragma once

#include "trace.h"

namespace poolviz {

/// The unpool phase as data: the pooled values of plane `plane` of `input` put back into a zero
/// plane of the input's size, one output cell per step, in the order the forward pass made them.
/// Max and min (MaxUnpool2d): each value goes to its argmax, the index `h·W + w` the forward
/// pass recorded; a window without an in-input tap places nothing. Average and Lp (seed 001's
/// average-unpool): each value is copied to every in-input tap of its window; a cell that
/// several windows reach holds the mean of the values it received so far, so after the last
/// step the plane equals `avgUnpool` exactly.
///
/// In the returned trace `phase` is Phase::Unpool, `upstream` holds the pooled values being
/// placed, each step's `contributions` the cells it writes (`amount` the value it brings,
/// `running` the cell afterwards) and `inputGradient` the final unpooled plane. Taps, values,
/// winners and rules are the forward pass's, so the stage can show the window each value came
/// from. Refused like `makeTrace` (PoolError naming the numbers).
Trace makeUnpoolTrace(const Tensor &input, const PoolParams &params, int plane = 0);

} // namespace poolviz
