#pragma once

// What each framework makes of PoolViz's parameters: PyTorch, TensorFlow/Keras, ONNX and NumPy.
// For every framework: the layer (or recipe) with PoolViz's settings under that API's argument
// names, whether it takes them as they are, needs a workaround or cannot express them, the output
// size its layer gives, and which cells its numbers differ in, by how much and why.

#include "geometry.h"
#include "messages.h"
#include "tensor.h"

#include <optional>
#include <string>
#include <vector>

namespace poolviz {

enum class Framework
{
    PyTorch,
    TensorFlow,
    Onnx,
    NumPy
};

/// How a framework takes the current parameters.
enum class Support
{
    Native,     ///< its layer takes them as they are and computes PoolViz's numbers
    Workaround, ///< it needs an extra step (F.pad, −max(−x), a count mask) or a recipe
    Differs,    ///< its layer takes them, but some numbers differ (see `differences`)
    Recipe,     ///< no pooling function, but a few lines of array code compute it exactly
    Refused     ///< nothing in it expresses the settings (the text says which)
};

/// One output cell where the framework's layer gives another number than PoolViz.
struct CellDifference
{
    int row = 0;
    int col = 0;
    double poolviz = 0;
    double framework = 0;
    friend bool operator==(const CellDifference &, const CellDifference &) = default;
};

/// One framework's answer for the current parameters and input.
struct FrameworkAnswer
{
    Framework framework = Framework::PyTorch;
    std::string name; ///< "PyTorch", "TensorFlow / Keras", "ONNX", "NumPy"
    /// e.g. "nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2), ceil_mode=True)", or where there is
    /// none a few words marked for lupdate ("(no Lp pooling)", context "poolviz::Message").
    std::string layer;
    Support support = Support::Native;
    /// Why a workaround is needed, what is refused, or where numbers differ: one sentence each,
    /// with the numbers of the current parameters (text() in English; the GUI translates by id).
    std::vector<Message> reasons;
    Size2 output{0, 0}; ///< the output size the framework's route gives (0×0 if refused)
    /// Cells whose value differs from PoolViz's, plane 0 (only when input values were given).
    std::vector<CellDifference> differences;
    Message summary; ///< one line: "same 2×2 output", "workaround: …", "3 of 4 cells differ"
    friend bool operator==(const FrameworkAnswer &, const FrameworkAnswer &) = default;
};

/// "PyTorch", "TensorFlow / Keras", "ONNX", "NumPy".
std::string frameworkName(Framework framework);
/// "native", "workaround", "differs", "recipe", "refused".
std::string supportName(Support support);

/// Every framework's answer for `params` on an inH × inW input, in the order PyTorch, TensorFlow,
/// ONNX, NumPy. With `input` (its first plane is used), cells whose values differ are listed with
/// both numbers; without, differences are described by which cells and the factor.
/// Parameters `validate` refuses give answers whose summary repeats PoolViz's error.
std::vector<FrameworkAnswer> explainFrameworks(const PoolParams &params, int inH, int inW,
                                               const Tensor *input = nullptr);

/// One sentence when no framework's own layer (PyTorch, TensorFlow, ONNX) takes the parameters
/// as they are and gives PoolViz's numbers, e.g. "No framework has a layer for these settings:
/// each needs a workaround, differs or cannot express them; the NumPy recipe reproduces them.";
/// empty when one does. The sentence is marked for lupdate (context "poolviz::Message"): the GUI
/// translates it as it is.
std::string overallVerdict(const std::vector<FrameworkAnswer> &answers);

/// The answers as plain text for `poolviz-cli explain`: PoolViz's own result first, then one
/// block per framework (layer, support, output size, reasons, differing cells).
std::string explainText(const PoolParams &params, int inH, int inW,
                        const std::vector<FrameworkAnswer> &answers);

/// PyTorch's LPPool2d value for the window of output (r, c) of `plane` (rank 2):
/// (Σ x^p · kh·kw / taps)^(1/p) with x^p keeping the sign of x, taps = in-input taps (its
/// avg_pool2d divisor). Equals PoolViz's (Σ|x|^p)^(1/p) for full windows of x ≥ 0.
double pytorchLpValue(const Geometry &geometry, const Tensor &plane, int outRow, int outCol);

/// For Lp pooling with ceil mode: the difference at output (r, c) in words with its numbers, e.g.
/// "This window holds 4 of the kernel's 10 taps: PyTorch's LPPool2d computes (30 · 10/4)^(1/2)
/// = 8.66, PoolViz (30)^(1/2) = 5.477 (ONNX's LpPool)". Empty where the two agree.
std::string lpWindowNote(const Geometry &geometry, const Tensor &plane, int outRow, int outCol);
/// The same note as a message the GUI translates; nothing where the two agree.
std::optional<Message> lpWindowMessage(const Geometry &geometry, const Tensor &plane, int outRow,
                                       int outCol);

} // namespace poolviz
