#include "frameworks.h"

#include "pool.h"
#include "trace.h"
#include "trnoop.h"

#include <cmath>
#include <cstdio>

namespace poolviz {

namespace {

std::string num(double v)
{
    return formatNumber(v, 4);
}

/// A Python tuple of two ints: "(2, 3)".
std::string tuple(int a, int b)
{
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string text = "(";
    text += std::to_string(a);
    text += ", ";
    text += std::to_string(b);
    text += ')';
    return text;
}

std::string tuple(Size2 s)
{
    return tuple(s.h, s.w);
}

/// A list of two ints: "[2, 3]".
std::string list(Size2 s)
{
    return "[" + std::to_string(s.h) + ", " + std::to_string(s.w) + "]";
}

std::string pyBool(bool b)
{
    return b ? "True" : "False";
}

/// The order p as Python writes it: "2", "1.5".
std::string order(double p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", p);
    std::string s = buf;
    std::snprintf(buf, sizeof buf, "%g", p);
    return std::stod(buf) == p ? std::string(buf) : s;
}

bool hasPadding(const Padding &p)
{
    return p.top || p.bottom || p.left || p.right;
}

/// A message whose last four arguments are the padding (top, bottom, left, right), after `args`.
Message padMessage(MessageId id, const Padding &p, std::vector<std::string> args = {})
{
    for (int side : {p.top, p.bottom, p.left, p.right})
        args.push_back(std::to_string(side));
    return {id, std::move(args)};
}

/// The output size of a floor-mode pooling without padding of the padded input: what a framework
/// without ceil mode (or after an explicit pad) would give.
Size2 floorSize(const Geometry &g)
{
    const Padding pad = g.resolvedPadding();
    const Size2 s = g.params.effectiveStride();
    const Size2 d = g.params.dilation;
    const Size2 k = g.params.kernel;
    return {computeAxis(g.inH() + pad.top + pad.bottom, k.h, s.h, d.h, 0, 0, false).out,
            computeAxis(g.inW() + pad.left + pad.right, k.w, s.w, d.w, 0, 0, false).out};
}

/// Whether some window holds fewer than kh·kw input taps.
bool hasPartialWindow(const Geometry &g)
{
    for (int r = 0; r < g.outH(); ++r)
        if (g.rows.inputCount[std::size_t(r)] < g.rows.kernel)
            return true;
    for (int c = 0; c < g.outW(); ++c)
        if (g.cols.inputCount[std::size_t(c)] < g.cols.kernel)
            return true;
    return false;
}

bool isEvenInteger(double p)
{
    return std::floor(p) == p && std::fmod(p, 2.0) == 0.0;
}

Message summaryFor(const FrameworkAnswer &a, const Geometry &g)
{
    const std::string same = formatSize({g.outH(), g.outW()});
    switch (a.support) {
    case Support::Native:
        return {MessageId::FrameworkTakesSettings, {same}};
    case Support::Workaround:
        return {MessageId::FrameworkWorkaround, {same}};
    case Support::Recipe:
        return {MessageId::FrameworkRecipe, {same}};
    case Support::Differs:
        if (!a.differences.empty())
            return {MessageId::FrameworkCellsDiffer,
                    {std::to_string(a.differences.size()), std::to_string(g.outH() * g.outW())}};
        return {MessageId::FrameworkCellsMayDiffer, {}};
    case Support::Refused:
        break;
    }
    return {MessageId::FrameworkCannotExpress, {}};
}

/// An answer for framework `f` about `g`'s parameters: its name and the output size PoolViz
/// computes; the framework functions below fill in the rest.
FrameworkAnswer answerFor(Framework f, const Geometry &g)
{
    FrameworkAnswer a;
    a.framework = f;
    a.name = frameworkName(f);
    a.output = {g.outH(), g.outW()};
    return a;
}

// ---------------------------------------------------------------------------------------------
// PyTorch

FrameworkAnswer pytorch(const Geometry &g, const Tensor *input)
{
    const PoolParams &p = g.params;
    FrameworkAnswer a = answerFor(Framework::PyTorch, g);
    auto workaround = [&](Message why) {
        a.reasons.push_back(std::move(why));
        if (a.support == Support::Native)
            a.support = Support::Workaround;
    };
    const std::string pooling = p.mode == PoolMode::Avg ? "Avg" : "Max";
    if (p.mode == PoolMode::Min)
        workaround({MessageId::TorchNoMin, {}});
    if (p.isAdaptive()) {
        const std::string size = p.global ? "1" : tuple(p.adaptiveSize());
        if (p.mode == PoolMode::Lp) {
            a.layer = "nn.LPPool2d(norm_type=" + order(p.p) +
                      ", kernel_size=" + tuple(g.inH(), g.inW()) + ")";
            if (p.global) {
                a.reasons.push_back({MessageId::TorchGlobalLp, {}});
            } else {
                a.layer = QT_TRANSLATE_NOOP("poolviz::Message", "(no adaptive Lp layer)");
                workaround({MessageId::TorchNoAdaptiveLp, {}});
            }
        } else {
            a.layer = "nn.Adaptive" + pooling + "Pool2d(output_size=" + size + ")";
        }
    } else {
        const Padding pad = g.resolvedPadding();
        const Size2 k = p.kernel, s = p.effectiveStride(), d = p.dilation;
        const bool ceil = ceilModeApplies(p);
        const bool symmetric = pad.top == pad.bottom && pad.left == pad.right;
        const bool padFits = pad.top <= k.h / 2 && pad.left <= k.w / 2;
        bool padFirst = false;
        if (p.isSame() && symmetric && padFits) {
            a.reasons.push_back({p.mode == PoolMode::Avg ? MessageId::TorchSameAsPaddingAvg
                                                         : MessageId::TorchSameAsPadding,
                                 {tuple(pad.top, pad.left)}});
        } else if (p.isSame()) {
            padFirst = true;
            workaround(padMessage(MessageId::TorchSamePadFirst, pad));
        } else if (!symmetric) {
            padFirst = true;
            workaround(padMessage(MessageId::TorchUnequalPadFirst, pad));
        } else if (!padFits) {
            padFirst = true;
            workaround({MessageId::TorchLargePadFirst, {tuple(pad.top, pad.left), tuple(k)}});
        }
        if (padFirst && ceil && hasPadding(pad)) {
            const Size2 padded = {
                computeAxis(g.inH() + pad.top + pad.bottom, k.h, s.h, d.h, 0, 0, true).out,
                computeAxis(g.inW() + pad.left + pad.right, k.w, s.w, d.w, 0, 0, true).out};
            if (padded != a.output)
                a.reasons.push_back(
                    {MessageId::TorchCeilAfterPad, {formatSize(padded), formatSize(a.output)}});
        }
        if (padFirst && p.mode == PoolMode::Avg && !p.countIncludePad && !p.divisorOverride &&
            !p.isSame())
            a.reasons.push_back({MessageId::TorchExcludePadAfterPad, {}});
        const std::string padArg = padFirst ? "(0, 0)" : tuple(pad.top, pad.left);
        const bool dilated = d.h != 1 || d.w != 1;
        if (p.mode == PoolMode::Lp) {
            a.layer = "nn.LPPool2d(norm_type=" + order(p.p) + ", kernel_size=" + tuple(k) +
                      ", stride=" + tuple(s) + ", ceil_mode=" + pyBool(ceil) + ")";
            if (dilated || hasPadding(pad))
                workaround({MessageId::TorchLpUnfold, {}});
        } else if (p.mode == PoolMode::Avg) {
            a.layer =
                "nn.AvgPool2d(kernel_size=" + tuple(k) + ", stride=" + tuple(s) +
                ", padding=" + padArg + ", ceil_mode=" + pyBool(ceil) +
                ", count_include_pad=" + pyBool(p.divisorCountsPadding() && !p.divisorOverride) +
                ", divisor_override=" +
                (p.divisorOverride ? std::to_string(*p.divisorOverride) : "None") + ")";
            if (dilated)
                workaround({MessageId::TorchAvgDilationUnfold, {tuple(d)}});
            if (padFirst && p.isSame())
                a.reasons.push_back({MessageId::TorchSameNeverCounted, {}});
        } else {
            a.layer = "nn.MaxPool2d(kernel_size=" + tuple(k) + ", stride=" + tuple(s) +
                      ", padding=" + padArg + ", dilation=" + tuple(d) +
                      ", ceil_mode=" + pyBool(ceil) + ")";
        }
    }
    // LPPool2d's own arithmetic: avg_pool2d(x^p)·(kh·kw), then ^(1/p).
    if (p.mode == PoolMode::Lp && a.support == Support::Native) {
        const bool partial = !p.isAdaptive() && hasPartialWindow(g);
        if (partial)
            a.reasons.push_back(
                {MessageId::TorchLpCeilScaled, {std::to_string(p.kernel.h * p.kernel.w)}});
        if (!isEvenInteger(p.p))
            a.reasons.push_back({MessageId::TorchLpSignedPower, {}});
        if (input) {
            const Tensor plane = input->planeTensor(0, 0);
            const Tensor ours = forward(plane, p, false).values;
            for (int r = 0; r < g.outH(); ++r)
                for (int c = 0; c < g.outW(); ++c) {
                    const double mine = ours.at(r, c);
                    const double theirs = pytorchLpValue(g, plane, r, c);
                    const bool bothNaN = std::isnan(mine) && std::isnan(theirs);
                    if (!bothNaN &&
                        !(std::fabs(mine - theirs) <= 1e-5 * std::max(1.0, std::fabs(mine))))
                        a.differences.push_back({r, c, mine, theirs});
                }
            if (!a.differences.empty())
                a.support = Support::Differs;
        } else if (partial) {
            a.support = Support::Differs;
        }
    }
    return a;
}

// ---------------------------------------------------------------------------------------------
// TensorFlow / Keras

FrameworkAnswer tensorflow(const Geometry &g)
{
    const PoolParams &p = g.params;
    FrameworkAnswer a = answerFor(Framework::TensorFlow, g);
    auto workaround = [&](Message why) {
        a.reasons.push_back(std::move(why));
        a.support = Support::Workaround;
    };
    const bool extreme = p.hasArgmax();
    const std::string fn = extreme ? "max" : "avg";
    const std::string keras = extreme ? "Max" : "Average";
    if (p.mode == PoolMode::Min)
        workaround({MessageId::TfNoMin, {}});
    if (p.mode == PoolMode::Lp)
        workaround({MessageId::TfNoLp, {}});
    if (p.isAdaptive()) {
        if (p.global && p.mode != PoolMode::Lp) {
            a.layer = std::string("tf.reduce_") + (extreme ? "max" : "mean") +
                      "(x, axis=(1, 2))  \u00b7  keras.layers.Global" + keras + "Pooling2D()";
        } else if (!p.global) {
            a.layer = QT_TRANSLATE_NOOP("poolviz::Message", "(no adaptive pooling)");
            workaround({MessageId::TfNoAdaptive, {}});
        } else {
            a.layer = "tf.reduce_sum(tf.abs(x) ** " + order(p.p) + ", axis=(1, 2)) ** (1 / " +
                      order(p.p) + ")";
        }
        return a;
    }
    const Size2 k = p.kernel, s = p.effectiveStride(), d = p.dilation;
    const Padding pad = g.resolvedPadding();
    const bool same = p.paddingMode == PaddingMode::SameUpper;
    const std::string padName = same ? "SAME" : "VALID";
    std::string lower = padName;
    for (char &c : lower)
        c = char(std::tolower(c));
    if (p.mode == PoolMode::Lp)
        a.layer = QT_TRANSLATE_NOOP("poolviz::Message", "(no Lp pooling)");
    else
        a.layer = "tf.nn." + fn + "_pool2d(x, ksize=" + tuple(k) + ", strides=" + tuple(s) +
                  ", padding='" + padName + "')  \u00b7  keras.layers." + keras +
                  "Pooling2D(pool_size=" + tuple(k) + ", strides=" + tuple(s) + ", padding='" +
                  lower + "')";
    if (p.paddingMode == PaddingMode::SameLower)
        workaround(padMessage(MessageId::TfSameLowerPadFirst, pad));
    else if (p.paddingMode == PaddingMode::Explicit && hasPadding(pad))
        workaround(padMessage(p.mode == PoolMode::Avg && !p.countIncludePad
                                  ? MessageId::TfExplicitPadFirstExcluded
                                  : MessageId::TfExplicitPadFirst,
                              pad));
    if (ceilModeApplies(p)) {
        const Size2 floor = floorSize(g);
        if (floor != a.output)
            workaround(floor.h < 1 || floor.w < 1
                           ? Message{MessageId::TfNoCeilNoOutput, {formatSize(a.output)}}
                           : Message{MessageId::TfNoCeil, {formatSize(floor), formatSize(a.output)}});
    } else if (p.ceilMode && p.isSame()) {
        a.reasons.push_back({MessageId::TfCeilNoPart, {}});
    }
    if (d.h != 1 || d.w != 1)
        workaround({MessageId::TfNoDilation, {fn, tuple(d)}});
    if (p.mode == PoolMode::Avg && p.divisorOverride)
        workaround({MessageId::TfNoDivisor, {std::to_string(*p.divisorOverride)}});
    if (p.mode == PoolMode::Max && a.support == Support::Native)
        a.reasons.push_back({MessageId::TfArgmaxNhwc, {}});
    return a;
}

// ---------------------------------------------------------------------------------------------
// ONNX

FrameworkAnswer onnx(const Geometry &g)
{
    const PoolParams &p = g.params;
    FrameworkAnswer a = answerFor(Framework::Onnx, g);
    const bool integerP = std::floor(p.p) == p.p;
    const std::string op = p.mode == PoolMode::Avg  ? "AveragePool"
                           : p.mode == PoolMode::Lp ? "LpPool"
                                                    : "MaxPool";
    if (p.mode == PoolMode::Min) {
        a.support = Support::Workaround;
        a.reasons.push_back({MessageId::OnnxNoMin, {}});
    }
    if (p.mode == PoolMode::Lp && !integerP) {
        a.support = Support::Refused;
        a.output = {0, 0};
        a.reasons.push_back({MessageId::OnnxIntegerP, {order(p.p)}});
    }
    if (p.isAdaptive()) {
        if (!p.global) {
            a.layer = QT_TRANSLATE_NOOP("poolviz::Message", "(no adaptive pooling)");
            a.support = Support::Refused;
            a.output = {0, 0};
            a.reasons.push_back({MessageId::OnnxNoAdaptive, {}});
            return a;
        }
        a.layer = "Global" + op + (p.mode == PoolMode::Lp ? "(p=" + order(p.p) + ")" : "()");
        return a;
    }
    const Size2 k = p.kernel, s = p.effectiveStride(), d = p.dilation;
    const Padding pad = g.resolvedPadding();
    std::string attrs = "kernel_shape=" + list(k) + ", strides=" + list(s);
    if (p.isSame())
        attrs += std::string(", auto_pad='") +
                 (p.paddingMode == PaddingMode::SameLower ? "SAME_LOWER" : "SAME_UPPER") + "'";
    else
        attrs += ", pads=[" + std::to_string(pad.top) + ", " + std::to_string(pad.left) + ", " +
                 std::to_string(pad.bottom) + ", " + std::to_string(pad.right) + "]";
    if (d.h != 1 || d.w != 1)
        attrs += ", dilations=" + list(d);
    if (ceilModeApplies(p))
        attrs += ", ceil_mode=1";
    if (p.mode == PoolMode::Avg && !p.isSame())
        attrs += std::string(", count_include_pad=") +
                 (p.countIncludePad || p.divisorOverride ? "1" : "0");
    if (p.mode == PoolMode::Lp)
        attrs += ", p=" + order(p.p);
    a.layer = op + "(" + attrs + ")";
    if ((d.h != 1 || d.w != 1) && !p.hasArgmax())
        a.reasons.push_back(
            {MessageId::OnnxDilationsOpset, {op, p.mode == PoolMode::Avg ? "19" : "18"}});
    if (p.mode == PoolMode::Lp && ceilModeApplies(p))
        a.reasons.push_back({MessageId::OnnxLpCeilOpset, {}});
    if (ceilModeApplies(p)) {
        // Where PyTorch's rule drops a last window that would start in the end padding.
        auto undropped = [&](int in, int k, int st, int dil, int pb, int pe) {
            const int ek = dil * (k - 1) + 1;
            const int raw = in + pb + pe - ek + st - 1;
            return raw < 0 ? 0 : raw / st + 1;
        };
        const Size2 spec{undropped(g.inH(), k.h, s.h, d.h, pad.top, pad.bottom),
                         undropped(g.inW(), k.w, s.w, d.w, pad.left, pad.right)};
        if (spec != a.output)
            a.reasons.push_back({MessageId::OnnxCeilFormula, {formatSize(spec), formatSize(a.output)}});
    }
    if (p.mode == PoolMode::Avg && p.divisorOverride) {
        a.support = Support::Workaround;
        a.reasons.push_back({MessageId::OnnxNoDivisor, {std::to_string(*p.divisorOverride)}});
    }
    return a;
}

// ---------------------------------------------------------------------------------------------
// NumPy

FrameworkAnswer numpy(const Geometry &g)
{
    const PoolParams &p = g.params;
    FrameworkAnswer a = answerFor(Framework::NumPy, g);
    a.support = Support::Recipe;
    if (p.isAdaptive()) {
        a.layer = "np.array([[pool(x[r0:r1, c0:c1]) for each column bin] for each row bin])";
        a.reasons.push_back({MessageId::NumpyAdaptiveSlices, {}});
        return a;
    }
    const Size2 k = p.kernel, s = p.effectiveStride(), d = p.dilation;
    const bool tiles = k == s && d == Size2{1, 1} && !hasPadding(g.resolvedPadding()) &&
                       g.inH() % k.h == 0 && g.inW() % k.w == 0;
    if (tiles) {
        a.layer = "x.reshape(" + std::to_string(g.inH() / k.h) + ", " + std::to_string(k.h) + ", " +
                  std::to_string(g.inW() / k.w) + ", " + std::to_string(k.w) + ").max(axis=(1, 3))";
        a.reasons.push_back({MessageId::NumpyReshape, {formatSize(k)}});
    } else {
        a.layer = "np.lib.stride_tricks.sliding_window_view(xp, " +
                  tuple(d.h * (k.h - 1) + 1, d.w * (k.w - 1) + 1) + ")[::" + std::to_string(s.h) +
                  ", ::" + std::to_string(s.w) + ", ::" + std::to_string(d.h) +
                  ", ::" + std::to_string(d.w) + "]";
        a.reasons.push_back({MessageId::NumpyStridedView, {}});
    }
    return a;
}

} // namespace

std::string frameworkName(Framework framework)
{
    switch (framework) {
    case Framework::PyTorch:
        return "PyTorch";
    case Framework::TensorFlow:
        return "TensorFlow / Keras";
    case Framework::Onnx:
        return "ONNX";
    case Framework::NumPy:
        return "NumPy";
    }
    return {};
}

std::string supportName(Support support)
{
    switch (support) {
    case Support::Native:
        return "native";
    case Support::Workaround:
        return "workaround";
    case Support::Differs:
        return "differs";
    case Support::Recipe:
        return "recipe";
    case Support::Refused:
        return "refused";
    }
    return {};
}

double pytorchLpValue(const Geometry &g, const Tensor &plane, int outRow, int outCol)
{
    const Window w = g.window(outRow, outCol);
    const double p = g.params.p;
    double sum = 0;
    for (const Tap &t : w.taps)
        if (t.kind == TapKind::Input)
            sum += std::pow(double(plane.at(t.row, t.col)), p); // signed: NaN for x < 0, p ∉ ℤ
    if (w.inputCount == 0)
        return 0;
    const double kernel = double(g.rows.kernel) * g.cols.kernel;
    return std::pow(sum / w.inputCount * kernel, 1.0 / p);
}

std::string lpWindowNote(const Geometry &g, const Tensor &plane, int outRow, int outCol)
{
    const std::optional<Message> note = lpWindowMessage(g, plane, outRow, outCol);
    return note ? note->text() : std::string();
}

std::optional<Message> lpWindowMessage(const Geometry &g, const Tensor &plane, int outRow,
                                       int outCol)
{
    const PoolParams &p = g.params;
    if (p.mode != PoolMode::Lp || !g.ok() || outRow < 0 || outRow >= g.outH() || outCol < 0 ||
        outCol >= g.outW())
        return {};
    const Window w = g.window(outRow, outCol);
    const int kernel = g.rows.kernel * g.cols.kernel;
    double sum = 0;
    for (const Tap &t : w.taps)
        if (t.kind == TapKind::Input)
            sum += std::pow(std::fabs(double(plane.at(t.row, t.col))), p.p);
    const double ours = std::pow(sum, 1.0 / p.p);
    const double theirs = pytorchLpValue(g, plane, outRow, outCol);
    if (std::fabs(ours - theirs) <= 1e-5 * std::max(1.0, std::fabs(ours)))
        return {};
    const std::string root = "^(1/" + order(p.p) + ")";
    if (w.inputCount == kernel)
        return Message{MessageId::LpWindowSigned, {num(theirs), root, num(ours)}};
    return Message{MessageId::LpWindowScaled,
                   {std::to_string(w.inputCount), std::to_string(kernel), num(sum), root,
                    num(theirs), num(ours)}};
}

std::vector<FrameworkAnswer> explainFrameworks(const PoolParams &params, int inH, int inW,
                                               const Tensor *input)
{
    const Geometry g = computeGeometry(params, inH, inW);
    std::vector<FrameworkAnswer> answers;
    if (!g.ok()) {
        for (Framework f :
             {Framework::PyTorch, Framework::TensorFlow, Framework::Onnx, Framework::NumPy}) {
            FrameworkAnswer a;
            a.framework = f;
            a.name = frameworkName(f);
            a.support = Support::Refused;
            a.summary = {MessageId::FrameworkNoOutput, {g.validation.errorText()}};
            answers.push_back(a);
        }
        return answers;
    }
    if (input && (input->h() != inH || input->w() != inW || input->empty()))
        input = nullptr;
    answers.push_back(pytorch(g, input));
    answers.push_back(tensorflow(g));
    answers.push_back(onnx(g));
    answers.push_back(numpy(g));
    for (FrameworkAnswer &a : answers)
        a.summary = summaryFor(a, g);
    return answers;
}

std::string overallVerdict(const std::vector<FrameworkAnswer> &answers)
{
    bool anyLayer = false, anyOutput = false;
    for (const FrameworkAnswer &a : answers) {
        anyOutput = anyOutput || a.output.h > 0;
        if (a.framework != Framework::NumPy && a.support == Support::Native)
            anyLayer = true;
    }
    if (anyLayer || !anyOutput)
        return {};
    return QT_TRANSLATE_NOOP("poolviz::Message",
                             "No framework has a layer that takes these settings as they are: "
                             "each needs a workaround, differs or cannot express them; the "
                             "generated code reproduces them.");
}

std::string explainText(const PoolParams &params, int inH, int inW,
                        const std::vector<FrameworkAnswer> &answers)
{
    const Geometry g = computeGeometry(params, inH, inW);
    std::string text =
        "PoolViz: " + describe(params) + " on a " + formatSize({inH, inW}) + " input";
    text += g.ok() ? " \u2192 " + formatSize({g.outH(), g.outW()}) + "\n"
                   : ": no output (" + g.validation.errorText() + ")\n";
    if (const std::string verdict = overallVerdict(answers); !verdict.empty())
        text += verdict + "\n";
    for (const FrameworkAnswer &a : answers) {
        text += "\n" + a.name + ": " + supportName(a.support) + "\n";
        if (!a.layer.empty())
            text += "  " + a.layer + "\n";
        if (a.output.h > 0)
            text += "  output " + formatSize(a.output) + "; " + a.summary.text() + "\n";
        else
            text += "  " + a.summary.text() + "\n";
        for (const Message &r : a.reasons)
            text += "  - " + r.text() + "\n";
        for (const CellDifference &d : a.differences)
            text += "  cell (" + std::to_string(d.row) + ", " + std::to_string(d.col) +
                    "): PoolViz " + num(d.poolviz) + ", " + a.name + " " + num(d.framework) + "\n";
    }
    return text;
}

} // namespace poolviz
