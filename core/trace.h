#pragma once

#include "caption.h"
#include "pool.h"

#include <string>
#include <vector>

namespace poolviz {

enum class Phase
{
    Forward,
    Backward,
    Unpool ///< pooled values put back in an input-sized plane (unpooltrace.h)
};

/// Why a window's output is what it is.
enum class StepRule
{
    Single,  ///< max/min: one tap holds the extreme value
    Tie,     ///< max/min: several taps share it; the first in row-major order wins
    NaN,     ///< max/min: a NaN propagates; the last NaN scanned is the index
    NoInput, ///< no in-bounds tap: max gives −∞, min +∞, avg/lp 0
    Average, ///< sum / divisor
    Lp       ///< (Σ|x|^p)^(1/p)
};

/// One addition to the input gradient during the backward pass.
struct Contribution
{
    int row = 0;
    int col = 0;
    float amount = 0;  ///< added by this step
    float running = 0; ///< the input-gradient cell after adding
    friend bool operator==(const Contribution &, const Contribution &) = default;
};

/// One step of the animation: one output cell of one plane, forward or backward.
struct Step
{
    Phase phase = Phase::Forward;
    int index = 0; ///< 0-based position in the trace
    int plane = 0; ///< n·C + c
    int outRow = 0;
    int outCol = 0;
    std::vector<Tap> taps;     ///< the window, row-major
    std::vector<float> values; ///< per tap: the input value, −∞/0 for padding as the mode sees it
    std::vector<int> winners; ///< indices into taps: the chosen tap first, then any tied taps
    StepRule rule = StepRule::Single;
    float output = 0;         ///< the pooled value of this cell
    double divisor = 0;       ///< avg: the divisor used
    std::int64_t argmax = -1; ///< max/min: PyTorch's index h·W + w, −1 if none
    float upstream = 0;       ///< backward: the output gradient of this cell; unpool: its value
    std::vector<Contribution> contributions; ///< backward, unpool: what this step writes
    Caption captionParts; ///< the step in words, as ids and arguments the GUI translates
    std::string caption;  ///< captionParts.text(): the step in English (CLI, GIF default)
    friend bool operator==(const Step &, const Step &) = default;
};

/// The animation as data: every step of one plane's forward or backward pass. The GUI only
/// moves an index into `steps`.
struct Trace
{
    Phase phase = Phase::Forward;
    int plane = 0;
    Tensor input;         ///< the traced plane (rank 2)
    Tensor upstream;      ///< backward: output gradient; unpool: the pooled values; forward: empty
    PoolResult result;    ///< the whole forward result of the plane
    Tensor inputGradient; ///< backward: the final input gradient; unpool: the unpooled plane
    std::vector<Step> steps;

    const Geometry &geometry() const { return result.geometry; }
    /// The output grid after steps 0..i (cells not yet reached are NaN); i = −1 for none.
    Tensor outputAfter(int i) const;
    /// Which output cells are filled after steps 0..i (forward) – row-major flags.
    std::vector<bool> filledAfter(int i) const;
    /// The input gradient after steps 0..i (backward), zeros before the first.
    Tensor gradientAfter(int i) const;
};

/// Throws PoolError, naming the numbers, if `g` is invalid or its animation would exceed
/// `limits`: more steps (windows) than `limits.steps`, or more window taps in all than
/// `limits.traceTaps`. Costs O(outH + outW).
void checkTraceLimits(const Geometry &g, const Limits &limits);

/// Builds the trace of plane `plane` of `input` (refused first by `checkTraceLimits`). For the
/// backward phase `upstream` is the output gradient of that plane (empty: ones); the unpool phase
/// is makeUnpoolTrace's (unpooltrace.h) and ignores `upstream`. Throws PoolError
/// on invalid parameters.
Trace makeTrace(const Tensor &input, const PoolParams &params, Phase phase, int plane = 0,
                const Tensor &upstream = {});

/// makeTrace's forward phase without the captions (each step's `captionParts` and `caption`
/// empty): for phases built on the forward steps that caption every step themselves
/// (makeUnpoolTrace), so no sentence is written only to be replaced. Refused like makeTrace.
Trace makeForwardSteps(const Tensor &input, const PoolParams &params, int plane = 0);

/// Formats a number the way captions and grids show it: integers without a decimal point,
/// otherwise up to `precision` significant digits; "−∞", "∞" and "NaN" spelled out.
std::string formatNumber(double v, int precision = 4);
/// Whether formatNumber(v, precision) is the value itself: its digits read back as the same
/// float (0.25 and 0.1 are, 1/9 shown as "0.1111" is not). Captions mark the others "≈".
bool shownExactly(double v, int precision = 4);
/// The same for digits already written by formatNumber(v, …) (formats nothing again).
bool shownExactly(double v, const std::string &digits);

} // namespace poolviz
