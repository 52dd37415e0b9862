// The PyTorch, TensorFlow/Keras and ONNX scripts (codegen.h); shared pieces in codegen.cpp.

#include "codegenparts.h"

#include "frameworks.h"
#include "pool.h"

#include <algorithm>
#include <cmath>

namespace poolviz::codegen {

// ---------------------------------------------------------------------------------------------
// PyTorch

/// Whether LPPool2d computes PoolViz's numbers here: every window full (its avg_pool2d divisor
/// then equals kh·kw) and x^p equal to |x|^p (p even, or no negative input).
bool lpLayerExact(const Plan &pl)
{
    const bool evenP = std::floor(pl.p.p) == pl.p.p && std::fmod(pl.p.p, 2.0) == 0.0;
    const bool negative =
        std::any_of(pl.input.data().begin(), pl.input.data().end(), [](float v) { return v < 0; });
    if (!evenP && negative)
        return false;
    if (pl.p.isAdaptive())
        return pl.p.global;
    for (int r = 0; r < pl.g.outH(); ++r)
        if (pl.g.rows.inputCount[std::size_t(r)] != pl.kh)
            return false;
    for (int c = 0; c < pl.g.outW(); ++c)
        if (pl.g.cols.inputCount[std::size_t(c)] != pl.kw)
            return false;
    return true;
}

/// How the PyTorch script computes the pool.
enum class TorchRoute
{
    Layer,        ///< the nn layer as it is (SAME resolved to its symmetric padding)
    PadThenLayer, ///< F.pad (−∞ for max/min, zeros for a padding-counting average), then the layer
    Unfold,       ///< F.unfold lists every window's taps; a mask tells input, padding, overhang
    Bins          ///< adaptive Lp: every bin by hand
};

TorchRoute torchRoute(const Plan &pl)
{
    const PoolParams &p = pl.p;
    if (p.isAdaptive())
        return p.mode != PoolMode::Lp || lpLayerExact(pl) ? TorchRoute::Layer : TorchRoute::Bins;
    const bool symmetric = pl.pad.top == pl.pad.bottom && pl.pad.left == pl.pad.right;
    const bool fits = pl.pad.top <= pl.kh / 2 && pl.pad.left <= pl.kw / 2; // PyTorch 1.x and 2.x
    const bool dilated = pl.dh != 1 || pl.dw != 1;
    const bool padded = pl.pad.top || pl.pad.bottom || pl.pad.left || pl.pad.right;
    if (p.mode == PoolMode::Lp)
        return !dilated && !padded && lpLayerExact(pl) ? TorchRoute::Layer : TorchRoute::Unfold;
    if (p.mode == PoolMode::Avg && dilated)
        return TorchRoute::Unfold;
    if (symmetric && fits)
        return TorchRoute::Layer;
    // Padding the layer cannot take: pad first, if the padded cells then act as PoolViz's do.
    const bool countsPadding =
        p.mode != PoolMode::Avg || p.divisorOverride || p.divisorCountsPadding();
    // After F.pad, ceil mode's rule sees the padded input: the output size must not change.
    const int outH =
        computeAxis(pl.h + pl.pad.top + pl.pad.bottom, pl.kh, pl.sh, pl.dh, 0, 0, pl.ceil).out;
    const int outW =
        computeAxis(pl.w + pl.pad.left + pl.pad.right, pl.kw, pl.sw, pl.dw, 0, 0, pl.ceil).out;
    if (countsPadding && outH == pl.g.outH() && outW == pl.g.outW())
        return TorchRoute::PadThenLayer;
    return TorchRoute::Unfold;
}

/// The nn layer; `padFirst`: the padding was applied by F.pad, so the layer pads nothing.
std::string torchLayer(const Plan &pl, bool padFirst = false)
{
    const PoolParams &p = pl.p;
    const std::string k = tuple(pl.kh, pl.kw), s = tuple(pl.sh, pl.sw);
    const std::string pad = padFirst ? tuple(0, 0) : tuple(pl.pad.top, pl.pad.left);
    const std::string ceil = pl.ceil ? "True" : "False";
    if (p.isAdaptive()) {
        const std::string size = p.global ? "1" : tuple(p.adaptiveSize().h, p.adaptiveSize().w);
        if (p.mode == PoolMode::Lp)
            return "torch.nn.LPPool2d(norm_type=" + pyNumber(p.p) +
                   ", kernel_size=" + tuple(pl.h, pl.w) + ")";
        return std::string("torch.nn.Adaptive") + (p.mode == PoolMode::Avg ? "Avg" : "Max") +
               "Pool2d(output_size=" + size + ")";
    }
    switch (p.mode) {
    case PoolMode::Avg:
        return "torch.nn.AvgPool2d(kernel_size=" + k + ", stride=" + s + ", padding=" + pad +
               ", ceil_mode=" + ceil +
               ", count_include_pad=" + (p.divisorCountsPadding() ? "True" : "False") +
               ", divisor_override=" + (p.divisorOverride ? str(*p.divisorOverride) : "None") + ")";
    case PoolMode::Lp:
        return "torch.nn.LPPool2d(norm_type=" + pyNumber(p.p) + ", kernel_size=" + k +
               ", stride=" + s + ", ceil_mode=" + ceil + ")";
    default:
        return "torch.nn.MaxPool2d(kernel_size=" + k + ", stride=" + s + ", padding=" + pad +
               ", dilation=" + tuple(pl.dh, pl.dw) + ", ceil_mode=" + ceil + ")";
    }
}

std::string torchCode(const Plan &pl, std::size_t maxLiteral)
{
    std::string s = header(pl, "PyTorch");
    s += "import numpy as np\nimport torch\n";
    const TorchRoute route = torchRoute(pl);
    if (route == TorchRoute::PadThenLayer || route == TorchRoute::Unfold)
        s += "import torch.nn.functional as F\n";
    s += "\n" + numpyInput(pl) + "x = torch.from_numpy(x)\n";
    s += "inf = float(\"inf\")\n";
    s += "x4 = x.reshape" + pyShape({pl.n, pl.c, pl.h, pl.w}) + "  # (N, C, H, W)\n";
    const bool min = pl.p.mode == PoolMode::Min;
    const char *minNote = "  # PyTorch has no min pooling: min(x) = \u2212max(\u2212x)";
    if (route == TorchRoute::Layer) {
        if (pl.p.isSame())
            s += "# PyTorch's pooling has no padding='same'; SAME here is " +
                 tuple(pl.pad.top, pl.pad.left) + " on both sides" +
                 (pl.p.mode == PoolMode::Avg ? ", never counted" : "") + ".\n";
        s += "pool = " + torchLayer(pl) + "\n";
        s += min ? "y = -pool(-x4)" + std::string(minNote) + "\n" : "y = pool(x4)\n";
    } else if (route == TorchRoute::PadThenLayer) {
        const bool extreme = pl.p.mode != PoolMode::Avg;
        s += std::string("# PyTorch pads both sides equally, at most half the kernel: padding ") +
             str(pl.pad.top) + "," + str(pl.pad.bottom) + "," + str(pl.pad.left) + "," +
             str(pl.pad.right) + (pl.p.isSame() ? " (SAME)" : "") +
             " (top, bottom, left, right) goes through F.pad first" +
             (extreme ? ", as \u2212\u221e so that it never wins.\n"
                      : ", as zeros the average counts.\n");
        s += "xp = F.pad(" + std::string(min ? "-x4" : "x4") + ", (" + str(pl.pad.left) + ", " +
             str(pl.pad.right) + ", " + str(pl.pad.top) + ", " + str(pl.pad.bottom) +
             "), value=" + (extreme ? "-inf" : "0.0") + ")\n";
        s += "pool = " + torchLayer(pl, true) + "\n";
        s += min ? "y = -pool(xp)" + std::string(minNote) + "\n" : "y = pool(xp)\n";
    } else if (route == TorchRoute::Bins) {
        s += "# PyTorch has no adaptive Lp layer (and LPPool2d keeps the sign of x^p): each bin "
             "by hand.\n";
        s += binsHelper;
        s += "pool = lambda b: (b.abs() ** " + pyNumber(pl.p.p) + ").sum(dim=(-2, -1)) ** (1 / " +
             pyNumber(pl.p.p) + ")\n";
        s += "y = torch.stack([torch.stack([pool(x4[..., r0:r1, c0:c1]) for c0, c1 in bins(" +
             str(pl.w) + ", " + str(pl.g.outW()) +
             ")], dim=-1)\n                 for r0, r1 in bins(" + str(pl.h) + ", " +
             str(pl.g.outH()) + ")], dim=-2)\n";
    } else {
        s += "# " + torchLayer(pl) + " cannot give these numbers as it is:\n";
        for (const FrameworkAnswer &a : explainFrameworks(pl.p, pl.h, pl.w, &pl.input))
            if (a.framework == Framework::PyTorch)
                for (const Message &r : a.reasons)
                    s += "#   " + r.text() + ".\n";
        s += "# So F.unfold lists the taps of every window, and a mask tells input, padding and "
             "overhang apart.\n";
        s += padComment(pl);
        const int hp = pl.h + pl.pad.top + pl.pad.bottom + pl.extraH;
        const int wp = pl.w + pl.pad.left + pl.pad.right + pl.extraW;
        s += "xp = F.pad(x4, (" + str(pl.pad.left) + ", " + str(pl.pad.right + pl.extraW) + ", " +
             str(pl.pad.top) + ", " + str(pl.pad.bottom + pl.extraH) +
             "))  # zeros; `kinds` says what each cell is\n";
        s += "kinds = F.pad(torch.ones(1, 1, " + str(pl.h) + ", " + str(pl.w) + "), (" +
             str(pl.pad.left) + ", " + str(pl.pad.right) + ", " + str(pl.pad.top) + ", " +
             str(pl.pad.bottom) + "), value=2.0)  # 1 input, 2 padding\n";
        s += "kinds = F.pad(kinds, (0, " + str(pl.extraW) + ", 0, " + str(pl.extraH) +
             "))  # 0: ceil-mode overhang\n";
        s += "unfold = lambda a: F.unfold(a, kernel_size=" + tuple(pl.kh, pl.kw) +
             ", dilation=" + tuple(pl.dh, pl.dw) + ", stride=" + tuple(pl.sh, pl.sw) +
             ")  # (planes, kh\u00b7kw, windows)\n";
        s += "taps = unfold(xp.reshape(" + str(pl.n * pl.c) + ", 1, " + str(hp) + ", " + str(wp) +
             "))\n";
        s += "kinds_w = unfold(kinds)\n";
        s += "inside = kinds_w == 1\n";
        s += reduceLines(pl, torchDialect, "taps", "kinds_w");
        const int lh = (hp - (pl.dh * (pl.kh - 1) + 1)) / pl.sh + 1;
        const int lw = (wp - (pl.dw * (pl.kw - 1) + 1)) / pl.sw + 1;
        s += "y = y.reshape(" + str(pl.n) + ", " + str(pl.c) + ", " + str(lh) + ", " + str(lw) +
             ")[..., :" + str(pl.g.outH()) + ", :" + str(pl.g.outW()) + "]\n";
    }
    s += "y = y.reshape" + pyShape(dims(pl.expected)) + ".numpy()\n";
    return s + numpyCheck(pl, maxLiteral, "PyTorch");
}

// ---------------------------------------------------------------------------------------------
// TensorFlow / Keras

bool tfLayerFits(const Plan &pl)
{
    const PoolParams &p = pl.p;
    if (p.mode == PoolMode::Lp)
        return false;
    if (p.isAdaptive())
        return p.global;
    const bool noPad = !pl.pad.top && !pl.pad.bottom && !pl.pad.left && !pl.pad.right;
    if (p.paddingMode == PaddingMode::SameLower || (!p.isSame() && !noPad))
        return false;
    if (pl.dh != 1 || pl.dw != 1 || (p.mode == PoolMode::Avg && p.divisorOverride))
        return false;
    return pl.extraH == 0 && pl.extraW == 0 &&
           (!pl.ceil || computeAxis(pl.h, pl.kh, pl.sh, 1, 0, 0, false).out == pl.g.outH());
}

std::string tfCode(const Plan &pl, std::size_t maxLiteral)
{
    std::string s = header(pl, "TensorFlow");
    s += "import numpy as np\nimport tensorflow as tf\n\n" + numpyInput(pl);
    s += "inf = float(\"inf\")\n";
    s += "planes = tf.reshape(tf.constant(x), " + pyShape({pl.n * pl.c, pl.h, pl.w, 1}) +
         ")  # NHWC: every (n, c) plane is one image\n";
    const bool extreme = pl.p.hasArgmax();
    const std::string sign = pl.p.mode == PoolMode::Min ? "-" : "";
    const std::string minNote =
        pl.p.mode == PoolMode::Min ? "  # no min pooling in TensorFlow: min(x) = \u2212max(\u2212x)"
                                   : "";
    if (tfLayerFits(pl)) {
        if (pl.p.isAdaptive()) {
            s += "# keras.layers.Global" + std::string(extreme ? "Max" : "Average") +
                 "Pooling2D() computes the same.\n";
            s += "y = " + sign + "tf.reduce_" + (extreme ? "max" : "mean") + "(" + sign +
                 "planes, axis=(1, 2))" + minNote + "\n";
        } else {
            const std::string padding = pl.p.isSame() ? "SAME" : "VALID";
            s += "# keras.layers." + std::string(extreme ? "Max" : "Average") +
                 "Pooling2D(pool_size=" + tuple(pl.kh, pl.kw) + ", strides=" + tuple(pl.sh, pl.sw) +
                 ", padding='" + (pl.p.isSame() ? "same" : "valid") + "') computes the same.\n";
            if (pl.ceil)
                s += "# TensorFlow has no ceil mode; here it changes nothing.\n";
            s += "y = " + sign + "tf.nn." + (extreme ? "max" : "avg") + "_pool2d(" + sign +
                 "planes, ksize=" + tuple(pl.kh, pl.kw) + ", strides=" + tuple(pl.sh, pl.sw) +
                 ", padding='" + padding + "')" + minNote + "\n";
        }
    } else if (pl.p.isAdaptive()) {
        s += "# TensorFlow has no adaptive pooling: each bin by hand.\n" + std::string(binsHelper);
        std::string reduce;
        switch (pl.p.mode) {
        case PoolMode::Max:
            reduce = "tf.reduce_max(b, axis=(1, 2, 3))";
            break;
        case PoolMode::Min:
            reduce = "tf.reduce_min(b, axis=(1, 2, 3))";
            break;
        case PoolMode::Avg:
            reduce = "tf.reduce_mean(b, axis=(1, 2, 3))";
            break;
        case PoolMode::Lp:
            reduce = "tf.reduce_sum(tf.abs(b) ** " + pyNumber(pl.p.p) +
                     ", axis=(1, 2, 3)) ** (1 / " + pyNumber(pl.p.p) + ")";
            break;
        }
        s += "pool = lambda b: " + reduce + "\n";
        s += "y = tf.stack([tf.stack([pool(planes[:, r0:r1, c0:c1, :]) for c0, c1 in bins(" +
             str(pl.w) + ", " + str(pl.g.outW()) +
             ")], axis=-1)\n              for r0, r1 in bins(" + str(pl.h) + ", " +
             str(pl.g.outH()) + ")], axis=-2)\n";
    } else {
        s += "# tf.nn." + std::string(extreme ? "max" : "avg") +
             "_pool2d cannot give these numbers as it is:\n";
        for (const FrameworkAnswer &a : explainFrameworks(pl.p, pl.h, pl.w))
            if (a.framework == Framework::TensorFlow)
                for (const Message &r : a.reasons)
                    s += "#   " + r.text() + ".\n";
        s += "# So tf.image.extract_patches lists the taps of every window, and a mask tells "
             "input, padding and overhang apart.\n";
        s += padComment(pl);
        s += "xp = tf.pad(planes, [[0, 0], [" + str(pl.pad.top) + ", " +
             str(pl.pad.bottom + pl.extraH) + "], [" + str(pl.pad.left) + ", " +
             str(pl.pad.right + pl.extraW) + "], [0, 0]])  # zeros; `kinds` says what each is\n";
        s += "kinds = tf.pad(tf.ones((1, " + str(pl.h) + ", " + str(pl.w) + ", 1)), [[0, 0], [" +
             str(pl.pad.top) + ", " + str(pl.pad.bottom) + "], [" + str(pl.pad.left) + ", " +
             str(pl.pad.right) + "], [0, 0]], constant_values=2.0)  # 1 input, 2 padding\n";
        s += "kinds = tf.pad(kinds, [[0, 0], [0, " + str(pl.extraH) + "], [0, " + str(pl.extraW) +
             "], [0, 0]])  # 0: ceil-mode overhang\n";
        s += "patches = lambda a: tf.image.extract_patches(a, sizes=[1, " + str(pl.kh) + ", " +
             str(pl.kw) + ", 1], strides=[1, " + str(pl.sh) + ", " + str(pl.sw) +
             ", 1], rates=[1, " + str(pl.dh) + ", " + str(pl.dw) + ", 1], padding='VALID')\n";
        s += "taps, kinds_w = patches(xp), patches(kinds)  # (planes, rows, cols, kh\u00b7kw)\n";
        s += "inside = tf.equal(kinds_w, 1.0)\n";
        s += reduceLines(pl, tfDialect, "taps", "kinds_w");
        s += "y = y[:, :" + str(pl.g.outH()) + ", :" + str(pl.g.outW()) + "]\n";
    }
    s += "y = tf.reshape(y, " + pyShape(dims(pl.expected)) + ").numpy()\n";
    return s + numpyCheck(pl, maxLiteral, "TensorFlow");
}

// ---------------------------------------------------------------------------------------------
// ONNX

std::string onnxCode(const Plan &pl, std::size_t maxLiteral)
{
    const PoolParams &p = pl.p;
    std::string s = header(pl, "ONNX (onnx + onnxruntime)");
    std::string refusal;
    if (p.mode == PoolMode::Lp && std::floor(p.p) != p.p)
        refusal =
            "LpPool's p is an integer attribute: p = " + pyNumber(p.p) + " cannot be expressed";
    if (p.isAdaptive() && !p.global)
        refusal = "ONNX has only global pooling (GlobalMaxPool, GlobalAveragePool, "
                  "GlobalLpPool), no adaptive bins";
    if (!refusal.empty())
        return s + "# " + refusal +
               ".\n# The NumPy or PyTorch script reproduces this view.\n"
               "raise SystemExit(\"ONNX cannot express this pooling: " +
               refusal + "\")\n";
    s += "import numpy as np\nimport onnx\nfrom onnx import TensorProto, helper, "
         "numpy_helper\nimport onnxruntime as ort\n\n" +
         numpyInput(pl);
    s += "x4 = x.reshape" + pyShape({pl.n, pl.c, pl.h, pl.w}) + "  # (N, C, H, W)\n";
    const std::string op = p.mode == PoolMode::Avg  ? "AveragePool"
                           : p.mode == PoolMode::Lp ? "LpPool"
                                                    : "MaxPool";
    int opset = 13;
    std::string attrs;
    if (p.global) {
        if (p.mode == PoolMode::Lp)
            attrs = ", p=" + pyNumber(p.p);
    } else {
        attrs = ", kernel_shape=[" + str(pl.kh) + ", " + str(pl.kw) + "], strides=[" + str(pl.sh) +
                ", " + str(pl.sw) + "]";
        if (p.isSame())
            attrs += std::string(", auto_pad=\"") +
                     (p.paddingMode == PaddingMode::SameLower ? "SAME_LOWER" : "SAME_UPPER") + "\"";
        else // ONNX orders pads as all beginnings, then all ends: top, left, bottom, right
            attrs += ", pads=[" + str(pl.pad.top) + ", " + str(pl.pad.left) + ", " +
                     str(pl.pad.bottom) + ", " + str(pl.pad.right) + "]";
        if (pl.dh != 1 || pl.dw != 1) {
            attrs += ", dilations=[" + str(pl.dh) + ", " + str(pl.dw) + "]";
            opset = p.mode == PoolMode::Avg ? 19 : p.mode == PoolMode::Lp ? 18 : opset;
        }
        if (pl.ceil) {
            attrs += ", ceil_mode=1";
            if (p.mode == PoolMode::Lp)
                opset = std::max(opset, 18);
        }
        if (p.mode == PoolMode::Avg && !p.isSame())
            attrs += std::string(", count_include_pad=") +
                     (p.countIncludePad || p.divisorOverride ? "1" : "0");
        if (p.mode == PoolMode::Lp)
            attrs += ", p=" + pyNumber(p.p);
    }
    const std::string name = (p.global ? "Global" : "") + op;
    std::string nodes;
    if (p.mode == PoolMode::Min)
        nodes = "    helper.make_node(\"Neg\", [\"X\"], [\"negX\"]),  # no min pooling in ONNX: "
                "min(x) = \u2212max(\u2212x)\n"
                "    helper.make_node(\"" +
                name + "\", [\"negX\"], [\"negY\"]" + attrs +
                "),\n"
                "    helper.make_node(\"Neg\", [\"negY\"], [\"Y\"]),\n";
    else if (p.mode == PoolMode::Avg && p.divisorOverride && !p.global)
        nodes = "    helper.make_node(\"" + name + "\", [\"X\"], [\"avg\"]" + attrs +
                "),\n"
                "    helper.make_node(\"Mul\", [\"avg\", \"scale\"], [\"Y\"]),  # no "
                "divisor_override in ONNX: \u00d7 count / divisor\n";
    else
        nodes = "    helper.make_node(\"" + name + "\", [\"X\"], [\"Y\"]" + attrs + "),\n";
    std::string inits;
    if (p.mode == PoolMode::Avg && p.divisorOverride && !p.global) {
        std::string scale = "np.array([";
        for (int r = 0; r < pl.g.outH(); ++r) {
            scale += r ? ", [" : "[";
            for (int c = 0; c < pl.g.outW(); ++c)
                scale += (c ? ", " : "") +
                         pyNumber(double(pl.g.rows.paddedCount[std::size_t(r)]) *
                                  pl.g.cols.paddedCount[std::size_t(c)] / *p.divisorOverride);
            scale += "]";
        }
        scale += "], dtype=np.float32)";
        inits = "[numpy_helper.from_array(" + scale + ".reshape(1, 1, " + str(pl.g.outH()) + ", " +
                str(pl.g.outW()) + "), \"scale\")]";
    }
    s += "graph = helper.make_graph([\n" + nodes + "], \"poolviz\",\n";
    s += "    [helper.make_tensor_value_info(\"X\", TensorProto.FLOAT, list(x4.shape))],\n";
    s += "    [helper.make_tensor_value_info(\"Y\", TensorProto.FLOAT, None)]" +
         (inits.empty() ? std::string() : ",\n    " + inits) + ")\n";
    s += "model = helper.make_model(graph, opset_imports=[helper.make_opsetid(\"\", " + str(opset) +
         ")])\n";
    s += "session = ort.InferenceSession(model.SerializeToString(), "
         "providers=[\"CPUExecutionProvider\"])\n";
    s += "y = session.run(None, {\"X\": x4})[0].reshape" + pyShape(dims(pl.expected)) + "\n";
    return s + numpyCheck(pl, maxLiteral, "ONNX");
}

} // namespace poolviz::codegen
