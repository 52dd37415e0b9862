#include "frameworks.h"

#include "pool.h"
#include "trace.h"

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
    return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
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

std::string padText(const Padding &p)
{
    return std::to_string(p.top) + "," + std::to_string(p.bottom) + "," + std::to_string(p.left) +
           "," + std::to_string(p.right);
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

std::string summaryFor(const FrameworkAnswer &a, const Geometry &g)
{
    const std::string same = "same " + formatSize({g.outH(), g.outW()}) + " output, same numbers";
    switch (a.support) {
    case Support::Native:
        return "takes these settings: " + same;
    case Support::Workaround:
        return "with a workaround (in the generated code): " + same;
    case Support::Recipe:
        return "no pooling function; a recipe gives the " + same;
    case Support::Differs:
        if (!a.differences.empty())
            return std::to_string(a.differences.size()) + " of " +
                   std::to_string(g.outH() * g.outW()) + " cells differ from PoolViz's";
        return "some cells may differ from PoolViz's (see why)";
    case Support::Refused:
        return "cannot express these settings";
    }
    return {};
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
    auto workaround = [&](const std::string &why) {
        a.reasons.push_back(why);
        if (a.support == Support::Native)
            a.support = Support::Workaround;
    };
    const std::string pooling = p.mode == PoolMode::Avg ? "Avg" : "Max";
    if (p.mode == PoolMode::Min)
        workaround("PyTorch has no min pooling: the code computes \u2212max_pool(\u2212x)");
    if (p.isAdaptive()) {
        const std::string size = p.global ? "1" : tuple(p.adaptiveSize());
        if (p.mode == PoolMode::Lp) {
            a.layer = "nn.LPPool2d(norm_type=" + order(p.p) +
                      ", kernel_size=" + tuple(g.inH(), g.inW()) + ")";
            if (p.global) {
                a.reasons.push_back("global Lp pooling is nn.LPPool2d with the whole plane as its "
                                    "kernel (there is no AdaptiveLPPool2d)");
            } else {
                a.layer = "(no adaptive Lp layer)";
                workaround("PyTorch has no adaptive Lp pooling: the code pools each bin "
                           "[\u230ai\u00b7in/out\u230b, \u2308(i+1)\u00b7in/out\u2309) by hand");
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
            a.reasons.push_back("PyTorch's pooling has no padding='same', but SAME here is "
                                "padding " +
                                tuple(pad.top, pad.left) + " on both sides" +
                                (p.mode == PoolMode::Avg ? ", never counted" : ""));
        } else if (p.isSame()) {
            padFirst = true;
            workaround("PyTorch's pooling has no padding='same': the code pads SAME's " +
                       padText(pad) + " (top, bottom, left, right) with F.pad first");
        } else if (!symmetric) {
            padFirst = true;
            workaround("PyTorch pads both sides equally: padding " + padText(pad) +
                       " goes through F.pad first");
        } else if (!padFits) {
            padFirst = true;
            workaround("PyTorch refuses padding " + tuple(pad.top, pad.left) +
                       " larger than half the kernel " + tuple(k) +
                       " (\"pad should be at most half of kernel size\"): F.pad first");
        }
        if (padFirst && ceil && hasPadding(pad)) {
            const Size2 padded = {
                computeAxis(g.inH() + pad.top + pad.bottom, k.h, s.h, d.h, 0, 0, true).out,
                computeAxis(g.inW() + pad.left + pad.right, k.w, s.w, d.w, 0, 0, true).out};
            if (padded != a.output)
                a.reasons.push_back("after F.pad, ceil mode's last-window rule sees the padded "
                                    "input and would give " +
                                    formatSize(padded) + ", not " + formatSize(a.output) +
                                    ": the code pads the overhang itself");
        }
        if (padFirst && p.mode == PoolMode::Avg && !p.countIncludePad && !p.divisorOverride &&
            !p.isSame())
            a.reasons.push_back("count_include_pad=False cannot see padding added by F.pad: the "
                                "code divides each window's sum by its in-input count");
        const std::string padArg = padFirst ? "(0, 0)" : tuple(pad.top, pad.left);
        const bool dilated = d.h != 1 || d.w != 1;
        if (p.mode == PoolMode::Lp) {
            a.layer = "nn.LPPool2d(norm_type=" + order(p.p) + ", kernel_size=" + tuple(k) +
                      ", stride=" + tuple(s) + ", ceil_mode=" + pyBool(ceil) + ")";
            if (dilated || hasPadding(pad))
                workaround("LPPool2d has no padding or dilation: the code sums |x|^p over the "
                           "taps of F.unfold");
        } else if (p.mode == PoolMode::Avg) {
            a.layer =
                "nn.AvgPool2d(kernel_size=" + tuple(k) + ", stride=" + tuple(s) +
                ", padding=" + padArg + ", ceil_mode=" + pyBool(ceil) +
                ", count_include_pad=" + pyBool(p.divisorCountsPadding() && !p.divisorOverride) +
                ", divisor_override=" +
                (p.divisorOverride ? std::to_string(*p.divisorOverride) : "None") + ")";
            if (dilated)
                workaround("AvgPool2d has no dilation: the code averages the taps of F.unfold "
                           "with dilation " +
                           tuple(d));
            if (padFirst && p.isSame())
                a.reasons.push_back("SAME never counts its padding (TensorFlow's rule): the code "
                                    "divides by the in-input count of each window");
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
                "LPPool2d computes avg_pool2d(x^p)\u00b7(kh\u00b7kw), then ^(1/p): a ceil-mode "
                "window holding n of its kh\u00b7kw = " +
                std::to_string(p.kernel.h * p.kernel.w) +
                " taps is scaled by (kh\u00b7kw/n)^(1/p); PoolViz sums the taps it holds "
                "(ONNX's LpPool)");
        if (!isEvenInteger(p.p))
            a.reasons.push_back("LPPool2d raises x to p keeping its sign (negative for odd p, "
                                "NaN for fractional p); PoolViz uses |x|^p");
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
    auto workaround = [&](const std::string &why) {
        a.reasons.push_back(why);
        a.support = Support::Workaround;
    };
    const bool extreme = p.hasArgmax();
    const std::string fn = extreme ? "max" : "avg";
    const std::string keras = extreme ? "Max" : "Average";
    if (p.mode == PoolMode::Min)
        workaround("TensorFlow has no min pooling: the code computes \u2212max_pool2d(\u2212x)");
    if (p.mode == PoolMode::Lp)
        workaround("TensorFlow has no Lp pooling: the code sums |x|^p over "
                   "tf.image.extract_patches, then takes the p-th root");
    if (p.isAdaptive()) {
        if (p.global && p.mode != PoolMode::Lp) {
            a.layer = std::string("tf.reduce_") + (extreme ? "max" : "mean") +
                      "(x, axis=(1, 2))  \u00b7  keras.layers.Global" + keras + "Pooling2D()";
        } else if (!p.global) {
            a.layer = "(no adaptive pooling)";
            workaround("TensorFlow has no adaptive pooling: the code pools each bin "
                       "[\u230ai\u00b7in/out\u230b, \u2308(i+1)\u00b7in/out\u2309) by hand");
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
        a.layer = "(no Lp pooling)";
    else
        a.layer = "tf.nn." + fn + "_pool2d(x, ksize=" + tuple(k) + ", strides=" + tuple(s) +
                  ", padding='" + padName + "')  \u00b7  keras.layers." + keras +
                  "Pooling2D(pool_size=" + tuple(k) + ", strides=" + tuple(s) + ", padding='" +
                  lower + "')";
    if (p.paddingMode == PaddingMode::SameLower)
        workaround("TensorFlow's SAME puts the odd padding row and column at the bottom/right; "
                   "SAME_LOWER's " +
                   padText(pad) + " goes through tf.pad, then VALID");
    else if (p.paddingMode == PaddingMode::Explicit && hasPadding(pad))
        workaround("TensorFlow pools with SAME or VALID only: padding " + padText(pad) +
                   " goes through tf.pad, then VALID" +
                   (p.mode == PoolMode::Avg && !p.countIncludePad
                        ? std::string(" (dividing by the in-input count, as count_include_pad "
                                      "= False asks)")
                        : std::string()));
    if (ceilModeApplies(p)) {
        const Size2 floor = floorSize(g);
        if (floor != a.output)
            workaround("TensorFlow has no ceil mode: VALID would give " +
                       (floor.h < 1 || floor.w < 1 ? std::string("no output (a window is larger "
                                                                 "than the padded input)")
                                                   : formatSize(floor)) +
                       ", not " + formatSize(a.output) +
                       "; the code pads the overhang, which never counts");
    } else if (p.ceilMode && p.isSame()) {
        a.reasons.push_back("ceil mode plays no part: SAME gives \u2308in/stride\u2309 outputs");
    }
    if (d.h != 1 || d.w != 1)
        workaround("tf.nn." + fn +
                   "_pool2d has no dilation (tf.nn.pool has, with stride 1 "
                   "only): the code pools tf.image.extract_patches with rates " +
                   tuple(d));
    if (p.mode == PoolMode::Avg && p.divisorOverride)
        workaround("TensorFlow has no divisor_override: the code sums each window and divides by " +
                   std::to_string(*p.divisorOverride));
    if (p.mode == PoolMode::Max && a.support == Support::Native)
        a.reasons.push_back("tf.nn.max_pool_with_argmax numbers NHWC: ((b\u00b7H + y)\u00b7W + "
                            "x)\u00b7C + c; for one channel that is PoolViz's y\u00b7W + x");
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
        a.reasons.push_back("ONNX has no min pooling: the graph is Neg \u2192 MaxPool \u2192 Neg");
    }
    if (p.mode == PoolMode::Lp && !integerP) {
        a.support = Support::Refused;
        a.output = {0, 0};
        a.reasons.push_back("LpPool's p is an integer attribute: p = " + order(p.p) +
                            " cannot be expressed");
    }
    if (p.isAdaptive()) {
        if (!p.global) {
            a.layer = "(no adaptive pooling)";
            a.support = Support::Refused;
            a.output = {0, 0};
            a.reasons.push_back("ONNX has only global pooling (GlobalMaxPool, "
                                "GlobalAveragePool, GlobalLpPool), no adaptive bins");
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
        a.reasons.push_back(op + " takes dilations from opset " +
                            (p.mode == PoolMode::Avg ? "19" : "18") + " on");
    if (p.mode == PoolMode::Lp && ceilModeApplies(p))
        a.reasons.push_back("LpPool takes ceil_mode from opset 18 on");
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
            a.reasons.push_back("with ceil_mode the older ONNX formula \u2308(in + pads \u2212 "
                                "ek)/s\u2309 + 1 gives " +
                                formatSize(spec) +
                                "; the spec since ONNX 1.16 drops a last window that would "
                                "start in the end padding, as PyTorch and PoolViz do (" +
                                formatSize(a.output) + "): runtimes may differ");
    }
    if (p.mode == PoolMode::Avg && p.divisorOverride) {
        a.support = Support::Workaround;
        a.reasons.push_back("AveragePool has no divisor_override: the graph multiplies its "
                            "count_include_pad=1 result by count / " +
                            std::to_string(*p.divisorOverride) + " per cell");
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
        a.reasons.push_back("adaptive bins [\u230ai\u00b7in/out\u230b, "
                            "\u2308(i+1)\u00b7in/out\u2309) by slicing");
        return a;
    }
    const Size2 k = p.kernel, s = p.effectiveStride(), d = p.dilation;
    const bool tiles = k == s && d == Size2{1, 1} && !hasPadding(g.resolvedPadding()) &&
                       g.inH() % k.h == 0 && g.inW() % k.w == 0;
    if (tiles) {
        a.layer = "x.reshape(" + std::to_string(g.inH() / k.h) + ", " + std::to_string(k.h) + ", " +
                  std::to_string(g.inW() / k.w) + ", " + std::to_string(k.w) + ").max(axis=(1, 3))";
        a.reasons.push_back("the windows tile the input exactly, so a reshape into " +
                            formatSize(k) + " blocks pools it");
    } else {
        a.layer = "np.lib.stride_tricks.sliding_window_view(xp, " +
                  tuple(d.h * (k.h - 1) + 1, d.w * (k.w - 1) + 1) + ")[::" + std::to_string(s.h) +
                  ", ::" + std::to_string(s.w) + ", ::" + std::to_string(d.h) +
                  ", ::" + std::to_string(d.w) + "]";
        a.reasons.push_back("strided view of the padded input: every stride-th window, every "
                            "dilation-th tap, with a mask that tells input, padding and "
                            "overhang apart");
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
    std::string text = "This window holds " + std::to_string(w.inputCount) + " of the kernel's " +
                       std::to_string(kernel) + " taps: PyTorch's LPPool2d computes (" + num(sum) +
                       " \u00b7 " + std::to_string(kernel) + "/" + std::to_string(w.inputCount) +
                       ")" + root + " = " + num(theirs) + ", PoolViz (" + num(sum) + ")" + root +
                       " = " + num(ours) + " (ONNX's LpPool)";
    if (w.inputCount == kernel)
        text = "PyTorch's LPPool2d raises x to p keeping its sign: it gives " + num(theirs) +
               " here, PoolViz (\u03a3|x|^p)" + root + " = " + num(ours);
    return text;
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
            a.summary = "no output: " + g.validation.errorText();
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
    return "No framework has a layer that takes these settings as they are: each needs a "
           "workaround, differs or cannot express them; the generated code reproduces them.";
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
            text += "  output " + formatSize(a.output) + "; " + a.summary + "\n";
        else
            text += "  " + a.summary + "\n";
        for (const std::string &r : a.reasons)
            text += "  - " + r + "\n";
        for (const CellDifference &d : a.differences)
            text += "  cell (" + std::to_string(d.row) + ", " + std::to_string(d.col) +
                    "): PoolViz " + num(d.poolviz) + ", " + a.name + " " + num(d.framework) + "\n";
    }
    return text;
}

} // namespace poolviz
