#pragma once

// Short runnable scripts that reproduce PoolViz's result in a framework: the input as a literal
// (or a photo loaded by path), the layer with PoolViz's settings under that API's argument names,
// the call, and PoolViz's own output printed beside it as the expected result. Where the framework
// needs a workaround (asymmetric padding through F.pad, min as −max(−x), SAME in PyTorch, ceil
// mode in TensorFlow, a partial LPPool2d window) the script includes it with a one-line comment.
//
// Contract every script keeps (the conformance suite relies on it): it defines `x`, the input as
// an array of the input's shape ((H, W), (C, H, W) or (N, C, H, W), float32), and `y`, the
// framework's result of the output's shape; then it prints y, the expected values and whether
// they match to float32 precision.

#include "poolparams.h"
#include "tensor.h"

#include <optional>
#include <string>

namespace poolviz {

enum class CodeLanguage
{
    PyTorch,
    TensorFlow,
    NumPy,
    Onnx
};

/// "pytorch", "tensorflow", "numpy", "onnx".
std::string languageName(CodeLanguage language);
/// The language called `name` (one of languageName's), or nullopt.
std::optional<CodeLanguage> parseLanguage(const std::string &name);

/// Where the script gets its input from.
struct CodeInput
{
    Tensor values; ///< the input PoolViz pools (its result is the expected output)
    /// If set, the script loads this photo (8-bit, gray as one plane or RGB as three) instead of
    /// spelling the values out; `values` must be that photo as PoolViz read it.
    std::string imagePath;
};

/// The script for `language`. Throws PoolError (pool.h) when `params` are invalid for the input.
/// Expected values are written out in full up to `maxLiteral` values; a larger output is checked
/// by its sum and its top-left corner.
std::string generateCode(CodeLanguage language, const PoolParams &params, const CodeInput &input,
                         std::size_t maxLiteral = 4096);

} // namespace poolviz
