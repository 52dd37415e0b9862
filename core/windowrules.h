#pragma once

// The rules every window follows, decided in this one place: the padding actually applied (SAME
// resolved), whether ceil mode applies, the output size along an axis, and that size's formula as
// the views show it. `validate` checks parameters with them, `computeGeometry` lays the windows
// out with them and the views print outputSizeFormula; none of them asks another.

#include "caption.h"
#include "poolparams.h"

#include <cstdint>
#include <string>
#include <utility>

namespace poolviz {

/// The output size along one axis in 64-bit arithmetic, for any parameters (it may be < 1):
/// out = ⌊(in + pb + pe − ek + (ceil ? s−1 : 0)) / s⌋ + 1, and with ceil mode out −= 1 if
/// (out−1)·s ≥ in + pb. Precondition: in ≥ 0, k, s, d ≥ 1, pb, pe ≥ 0.
[[nodiscard]] std::int64_t axisOutputSize(std::int64_t in, std::int64_t kernel, std::int64_t stride,
                                          std::int64_t dilation, std::int64_t padBefore,
                                          std::int64_t padAfter, bool ceilMode);

/// SAME padding for one axis: total = max((⌈in/s⌉−1)·s + ek − in, 0), split with the odd one
/// after (upper) or before (lower). Returns {before, after}, in 64-bit: for huge dilated kernels
/// it exceeds `int`, which `validate` refuses.
[[nodiscard]] std::pair<std::int64_t, std::int64_t> samePadding(std::int64_t in,
                                                                std::int64_t kernel,
                                                                std::int64_t stride,
                                                                std::int64_t dilation, bool lower);

/// Padding per side in 64-bit: SAME's padding for a huge dilated kernel exceeds `int`.
struct WidePadding
{
    std::int64_t top = 0, bottom = 0, left = 0, right = 0;
};

/// The padding actually applied for `params` on an inH × inW input, in 64-bit: explicit as
/// given, SAME computed per axis (samePadding), VALID none.
[[nodiscard]] WidePadding appliedPadding(const PoolParams &params, int inH, int inW);

/// The padding actually applied for `params` on an inH × inW input: explicit as given, SAME
/// computed per axis, VALID none. Precondition for SAME: `validate` accepted the parameters
/// (so that the padding fits `int`); otherwise sides beyond `int` are clamped to INT_MAX.
[[nodiscard]] Padding resolvePadding(const PoolParams &params, int inH, int inW);
/// Whether ceil mode applies: TensorFlow's SAME always gives ⌈in/s⌉ outputs, so not with SAME.
[[nodiscard]] bool ceilModeApplies(const PoolParams &params);

enum class Axis
{
    Rows,
    Cols
};

/// The output-size formula of one axis with the numbers of `params` on an inH × inW input, by
/// the rules above: "out = ⌊(6 + 0 + 0 − 3 + 2) / 3⌋ + 1 = 2" (ceil mode adds s−1, and where the
/// last window would start in the padding: "; last window would start at 12 ≥ 9 + 2, so
/// out = 3"), "out = ⌈6 / 4⌉ = 2; padding max((2 − 1)·4 + 3 − 6, 0) = 1: 0 before, 1 after"
/// (SAME: ceil mode plays no part), a dilated kernel as "(2·(3−1)+1)", or the adaptive bin rule
/// "adaptive: 3 bins over 5, bin i = [⌊i·5/3⌋, ⌈(i+1)·5/3⌉)". Also for parameters `validate`
/// refuses, as long as the sizes are ≥ 1 (then it shows why there is no output, e.g. "= −1");
/// empty otherwise. The English text of outputSizeFormulaCaption.
[[nodiscard]] std::string outputSizeFormula(const PoolParams &params, int inH, int inW, Axis axis);

/// outputSizeFormula as a caption, so that the GUI translates its words (captionText) while the
/// CLI and the tests read the same English text(); an empty Literal where there is no formula.
[[nodiscard]] Caption outputSizeFormulaCaption(const PoolParams &params, int inH, int inW,
                                               Axis axis);

} // namespace poolviz
