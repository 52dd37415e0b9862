// Scripts that reproduce a pooling in a framework (codegen.h). This file holds what every
// language shares and the NumPy recipe; codegenlayers.cpp holds PyTorch, TensorFlow and ONNX.
#include "codegen.h"

#include "codegenparts.h"

#include "frameworks.h"
#include "geometry.h"
#include "pool.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace poolviz::codegen {

/// A float32 value as a Python literal that reads back to the same float.
std::string pyFloat(float v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", double(v));
    std::string s = buf;
    if (v == std::floor(v) && std::fabs(v) < 1e9) {
        std::snprintf(buf, sizeof buf, "%.0f", double(v));
        return buf;
    }
    // Shorter when it round-trips: 0.5 rather than 0.500000000.
    for (int precision = 1; precision < 9; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, double(v));
        if (std::strtof(buf, nullptr) == v) {
            s = buf;
            break;
        }
    }
    return s;
}

std::string pyNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    if (std::strtod(buf, nullptr) == v)
        return buf;
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string str(int v)
{
    return std::to_string(v);
}

std::string tuple(int a, int b)
{
    return "(" + str(a) + ", " + str(b) + ")";
}

std::string pyShape(const std::vector<int> &dims)
{
    std::string s = "(";
    for (std::size_t i = 0; i < dims.size(); ++i)
        s += (i ? ", " : "") + str(dims[i]);
    return s + (dims.size() == 1 ? ",)" : ")");
}

/// The shape of `t` as its rank has it: (H, W), (C, H, W) or (N, C, H, W).
std::vector<int> dims(const Tensor &t)
{
    if (t.rank() == 2)
        return {t.h(), t.w()};
    if (t.rank() == 3)
        return {t.c(), t.h(), t.w()};
    return {t.n(), t.c(), t.h(), t.w()};
}

/// Nested Python lists of the values of `t`, one matrix row per line.
std::string literal(const Tensor &t, const std::string &indent)
{
    std::string s;
    const int h = t.h(), w = t.w();
    auto plane = [&](int p, const std::string &in) {
        std::string m = "[";
        const float *d = t.planeData(p);
        for (int r = 0; r < h; ++r) {
            m += r ? ",\n" + in + " [" : "[";
            for (int c = 0; c < w; ++c)
                m += (c ? ", " : "") + pyFloat(d[std::size_t(r) * w + c]);
            m += "]";
        }
        return m + "]";
    };
    if (t.rank() == 2)
        return plane(0, indent);
    if (t.rank() == 3) {
        s = "[";
        for (int c = 0; c < t.c(); ++c)
            s += (c ? ",\n" + indent + " " : "") + plane(c, indent + " ");
        return s + "]";
    }
    s = "[";
    for (int n = 0; n < t.n(); ++n) {
        s += (n ? ",\n" + indent + " [" : "[");
        for (int c = 0; c < t.c(); ++c)
            s += (c ? ",\n" + indent + "  " : "") + plane(n * t.c() + c, indent + "  ");
        s += "]";
    }
    return s + "]";
}

bool hasSpecial(const Tensor &t)
{
    return std::any_of(t.data().begin(), t.data().end(),
                       [](float v) { return std::isnan(v) || std::isinf(v); });
}

Plan makePlan(const PoolParams &params, const CodeInput &in)
{
    Plan pl;
    pl.p = params;
    pl.input = in.values;
    pl.imagePath = in.imagePath;
    const PoolResult r = forward(in.values, params, false);
    pl.g = r.geometry;
    pl.expected = r.values;
    pl.n = in.values.n(), pl.c = in.values.c(), pl.h = in.values.h(), pl.w = in.values.w();
    pl.kh = params.kernel.h, pl.kw = params.kernel.w;
    const Size2 s = params.effectiveStride();
    pl.sh = s.h, pl.sw = s.w;
    pl.dh = params.dilation.h, pl.dw = params.dilation.w;
    pl.pad = pl.g.resolvedPadding();
    pl.ceil = ceilModeApplies(params);
    if (!params.isAdaptive()) {
        const int ekH = pl.dh * (pl.kh - 1) + 1, ekW = pl.dw * (pl.kw - 1) + 1;
        pl.extraH =
            std::max(0, (pl.g.outH() - 1) * pl.sh + ekH - (pl.h + pl.pad.top + pl.pad.bottom));
        pl.extraW =
            std::max(0, (pl.g.outW() - 1) * pl.sw + ekW - (pl.w + pl.pad.left + pl.pad.right));
    }
    return pl;
}

std::string header(const Plan &pl, const std::string &framework)
{
    std::string s =
        "# PoolViz: " + describe(pl.p) + ", on a " +
        (pl.input.rank() == 2 ? str(pl.h) + "\u00d7" + str(pl.w) : pyShape(dims(pl.input))) +
        " input \u2192 " + str(pl.g.outH()) + "\u00d7" + str(pl.g.outW()) + ".\n";
    s += "# Reproduced with " + framework + "; PoolViz's own output is printed beside it.\n";
    return s;
}

/// `x = …` as a NumPy array (the literal, or the photo loaded by path).
std::string numpyInput(const Plan &pl)
{
    std::string s;
    if (!pl.imagePath.empty()) {
        s += "from PIL import Image  # Pillow reads the photo as PoolViz does: 8-bit per channel\n";
        const char *mode = pl.input.c() == 1 ? "L" : pl.input.c() == 4 ? "RGBA" : "RGB";
        s += "x = np.asarray(Image.open(r\"" + pl.imagePath + "\").convert(\"" + mode +
             "\"), dtype=np.float32)\n";
        if (pl.input.rank() >= 3)
            s += "x = x.transpose(2, 0, 1).copy()  # (C, H, W): every channel is its own plane\n";
        if (pl.input.rank() == 4)
            s += "x = x[None]\n";
        return s;
    }
    if (hasSpecial(pl.input) || hasSpecial(pl.expected))
        s += "inf, nan = float(\"inf\"), float(\"nan\")\n";
    s += "x = np.array(" + literal(pl.input, "              ") + ", dtype=np.float32)\n";
    return s;
}

/// `expected = …` (PoolViz's output) and the closing prints; `y` must be a NumPy array by then.
std::string numpyCheck(const Plan &pl, std::size_t maxLiteral, const std::string &name)
{
    std::string s = "\n";
    if (pl.expected.size() <= maxLiteral) {
        s += "expected = np.array(" + literal(pl.expected, "                     ") +
             ", dtype=np.float32)  # PoolViz's output\n";
        s += "print(\"" + name + ":\")\nprint(y)\nprint(\"PoolViz:\")\nprint(expected)\n";
        s += "print(\"same numbers:\", y.shape == expected.shape and "
             "bool(np.allclose(y, expected, rtol=1e-5, atol=1e-6, equal_nan=True)))\n";
        return s;
    }
    double sum = 0;
    for (float v : pl.expected.data())
        sum += v;
    s += "expected_shape = " + pyShape(dims(pl.expected)) + "\n";
    s += "expected_sum = " + pyNumber(sum) +
         "  # PoolViz's output, summed (it is too big to list)\n";
    s += "print(\"" + name + ":\", y.shape, \"sum\", float(y.astype(np.float64).sum()))\n";
    s += "print(\"PoolViz:\", expected_shape, \"sum\", expected_sum)\n";
    s += "print(\"same numbers:\", y.shape == expected_shape and "
         "abs(float(y.astype(np.float64).sum()) - expected_sum) <= 1e-4 * max(1.0, "
         "abs(expected_sum)))\n";
    return s;
}

const Dialect numpyDialect{
    [](const std::string &c, const std::string &a, const std::string &f) {
        return "np.where(" + c + ", " + a + ", " + f + ")";
    },
    [](const std::string &op, const std::string &a) { return a + "." + op + "(axis=(-2, -1))"; },
    [](const std::string &c) { return "(" + c + ").sum(axis=(-2, -1))"; }, "np.abs",
    [](const std::string &t, const std::string &n) {
        return "np.where(" + n + " > 0, " + t + " / np.maximum(" + n + ", 1), 0.0)";
    }};

const Dialect torchDialect{
    [](const std::string &c, const std::string &a, const std::string &f) {
        return "(" + a + ").masked_fill(~" + c + ", " + f + ")";
    },
    [](const std::string &op, const std::string &a) {
        return "(" + a + ")." + (op == "sum" ? std::string("sum") : "a" + op) + "(dim=1)";
    },
    [](const std::string &c) { return "(" + c + ").sum(dim=1)"; }, "torch.abs",
    [](const std::string &t, const std::string &n) {
        return "torch.where(" + n + " > 0, " + t + " / " + n + ".clamp(min=1), " + t + " * 0)";
    }};

const Dialect tfDialect{
    [](const std::string &c, const std::string &a, const std::string &f) {
        return "tf.where(" + c + ", " + a + ", " + f + ")";
    },
    [](const std::string &op, const std::string &a) {
        return "tf.reduce_" + op + "(" + a + ", axis=-1)";
    },
    [](const std::string &c) { return "tf.reduce_sum(tf.cast(" + c + ", tf.float32), axis=-1)"; },
    "tf.abs",
    [](const std::string &t, const std::string &n) {
        return "tf.where(" + n + " > 0, " + t + " / tf.maximum(" + n + ", 1.0), 0.0)";
    }};

/// `y = …` from the window values `vals` and their kinds `kinds` (1 input, 2 padding, 0 ceil
/// overhang), with `inside` = kinds == 1 already defined.
std::string reduceLines(const Plan &pl, const Dialect &d, const std::string &vals,
                        const std::string &kinds)
{
    switch (pl.p.mode) {
    case PoolMode::Max:
        return "y = " + d.reduce("max", d.where("inside", vals, "-inf")) +
               "  # padding and overhang never win\n";
    case PoolMode::Min:
        return "y = " + d.reduce("min", d.where("inside", vals, "inf")) +
               "  # min pooling (= \u2212max(\u2212x)): no framework has a min layer\n";
    case PoolMode::Avg: {
        std::string s = "total = " + d.reduce("sum", d.where("inside", vals, "0.0")) + "\n";
        if (pl.p.divisorOverride)
            return s + "y = total / " + pyNumber(*pl.p.divisorOverride) + "  # divisor_override\n";
        if (pl.p.divisorCountsPadding())
            s += "count = " + d.count(kinds + " != 0") +
                 "  # count_include_pad: input and padding, never the ceil overhang\n";
        else
            s += "count = " + d.count("inside") + "  # in-input taps only\n";
        return s + "y = " + d.safeDivide("total", "count") + "  # an empty window gives 0\n";
    }
    case PoolMode::Lp:
        return "y = " +
               d.reduce("sum",
                        d.where("inside", d.abs + "(" + vals + ") ** " + pyNumber(pl.p.p), "0.0")) +
               " ** (1 / " + pyNumber(pl.p.p) + ")  # (\u03a3|x|^p)^(1/p) over the input taps\n";
    }
    return {};
}

/// Comment lines that say what the padding and overhang in the recipes are.
std::string padComment(const Plan &pl)
{
    std::string s = "# padding " + str(pl.pad.top) + "," + str(pl.pad.bottom) + "," +
                    str(pl.pad.left) + "," + str(pl.pad.right) + " (top, bottom, left, right)";
    if (pl.extraH || pl.extraW)
        s += "; ceil mode's last windows run " + str(pl.extraH) + " row(s) and " + str(pl.extraW) +
             " column(s) past it (overhang, never counted)";
    return s + "\n";
}

/// The adaptive bins [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) as a Python helper.
const char *const binsHelper = "def bins(size, out):  # adaptive bin i spans [floor(i*in/out), "
                               "ceil((i+1)*in/out))\n"
                               "    return [(i * size // out, -(-(i + 1) * size // out)) for i in "
                               "range(out)]\n";

// ---------------------------------------------------------------------------------------------
// NumPy

std::string numpyCode(const Plan &pl, std::size_t maxLiteral)
{
    std::string s = header(pl, "NumPy (no pooling function: array code)");
    s += "import numpy as np\n";
    const bool adaptive = pl.p.isAdaptive();
    // Windows that tile the input exactly pool as a reshape into blocks.
    const bool tiles = !adaptive && pl.kh == pl.sh && pl.kw == pl.sw && pl.dh == 1 && pl.dw == 1 &&
                       !pl.pad.top && !pl.pad.bottom && !pl.pad.left && !pl.pad.right &&
                       pl.h % pl.kh == 0 && pl.w % pl.kw == 0 && !pl.p.isSame();
    if (!adaptive && !tiles)
        s += "from numpy.lib.stride_tricks import sliding_window_view\n";
    s += "\n" + numpyInput(pl);
    s += "inf = float(\"inf\")\n";
    s += "x4 = x.reshape" + pyShape({pl.n, pl.c, pl.h, pl.w}) + "  # (N, C, H, W)\n";
    const int oh = pl.g.outH(), ow = pl.g.outW();
    if (adaptive) {
        s += binsHelper;
        std::string reduce;
        switch (pl.p.mode) {
        case PoolMode::Max:
            reduce = "b.max(axis=(-2, -1))";
            break;
        case PoolMode::Min:
            reduce = "b.min(axis=(-2, -1))";
            break;
        case PoolMode::Avg:
            reduce = "b.mean(axis=(-2, -1))";
            break;
        case PoolMode::Lp:
            reduce = "(np.abs(b) ** " + pyNumber(pl.p.p) + ").sum(axis=(-2, -1)) ** (1 / " +
                     pyNumber(pl.p.p) + ")";
            break;
        }
        s += "pool = lambda b: " + reduce + "\n";
        s += "y = np.stack([np.stack([pool(x4[..., r0:r1, c0:c1]) for c0, c1 in bins(" + str(pl.w) +
             ", " + str(ow) + ")], axis=-1)\n              for r0, r1 in bins(" + str(pl.h) + ", " +
             str(oh) + ")], axis=-2)\n";
    } else {
        if (tiles) {
            s += "# The windows tile the input: a reshape into " + str(pl.kh) + "\u00d7" +
                 str(pl.kw) + " blocks pools it.\n";
            s += "blocks = x4.reshape" +
                 pyShape({pl.n, pl.c, pl.h / pl.kh, pl.kh, pl.w / pl.kw, pl.kw}) + "\n";
            switch (pl.p.mode) {
            case PoolMode::Max:
                s += "y = blocks.max(axis=(3, 5))\n";
                break;
            case PoolMode::Min:
                s += "y = blocks.min(axis=(3, 5))\n";
                break;
            case PoolMode::Avg:
                s += pl.p.divisorOverride
                         ? "y = blocks.sum(axis=(3, 5)) / " + pyNumber(*pl.p.divisorOverride) +
                               "  # divisor_override\n"
                         : "y = blocks.mean(axis=(3, 5))\n";
                break;
            case PoolMode::Lp:
                s += "y = (np.abs(blocks) ** " + pyNumber(pl.p.p) + ").sum(axis=(3, 5)) ** (1 / " +
                     pyNumber(pl.p.p) + ")\n";
                break;
            }
        } else {
            s += padComment(pl);
            s += "rows, cols = (" + str(pl.pad.top) + ", " + str(pl.pad.bottom + pl.extraH) +
                 "), (" + str(pl.pad.left) + ", " + str(pl.pad.right + pl.extraW) + ")\n";
            s += "xp = np.pad(x4, ((0, 0), (0, 0), rows, cols))  # zeros; `kinds` says what "
                 "each cell is\n";
            s += "kinds = np.pad(np.ones(" + tuple(pl.h, pl.w) + ", np.int8), (" +
                 tuple(pl.pad.top, pl.pad.bottom) + ", " + tuple(pl.pad.left, pl.pad.right) +
                 "), constant_values=2)  # 1 input, 2 padding\n";
            s += "kinds = np.pad(kinds, ((0, " + str(pl.extraH) + "), (0, " + str(pl.extraW) +
                 ")))  # 0: ceil-mode overhang\n";
            s += "def windows(a):  # every stride-th window, every dilation-th tap: (..., " +
                 str(oh) + ", " + str(ow) + ", " + str(pl.kh) + ", " + str(pl.kw) + ")\n";
            s += "    v = sliding_window_view(a, " +
                 tuple(pl.dh * (pl.kh - 1) + 1, pl.dw * (pl.kw - 1) + 1) + ", axis=(-2, -1))\n";
            s += "    return v[..., ::" + str(pl.sh) + ", ::" + str(pl.sw) + ", ::" + str(pl.dh) +
                 ", ::" + str(pl.dw) + "][..., :" + str(oh) + ", :" + str(ow) + ", :, :]\n";
            s += "xw, kinds_w = windows(xp), windows(kinds)\n";
            s += "inside = kinds_w == 1\n";
            // inf − inf and 0/0 are expected in some windows; NumPy need not warn about them.
            const std::string body = reduceLines(pl, numpyDialect, "xw", "kinds_w");
            s += "with np.errstate(invalid=\"ignore\", divide=\"ignore\"):\n";
            for (std::size_t i = 0, j; i < body.size(); i = j + 1) {
                j = body.find('\n', i);
                s += "    " + body.substr(i, j - i) + "\n";
            }
        }
    }
    s += "y = np.asarray(y, dtype=np.float32).reshape" + pyShape(dims(pl.expected)) + "\n";
    return s + numpyCheck(pl, maxLiteral, "NumPy");
}

} // namespace poolviz::codegen

namespace poolviz {

using namespace codegen;

std::string languageName(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::PyTorch:
        return "pytorch";
    case CodeLanguage::TensorFlow:
        return "tensorflow";
    case CodeLanguage::NumPy:
        return "numpy";
    case CodeLanguage::Onnx:
        return "onnx";
    }
    return {};
}

std::optional<CodeLanguage> parseLanguage(const std::string &name)
{
    for (CodeLanguage l :
         {CodeLanguage::PyTorch, CodeLanguage::TensorFlow, CodeLanguage::NumPy, CodeLanguage::Onnx})
        if (languageName(l) == name)
            return l;
    return std::nullopt;
}

std::string generateCode(CodeLanguage language, const PoolParams &params, const CodeInput &input,
                         std::size_t maxLiteral)
{
    const Plan pl = makePlan(params, input);
    switch (language) {
    case CodeLanguage::PyTorch:
        return torchCode(pl, maxLiteral);
    case CodeLanguage::TensorFlow:
        return tfCode(pl, maxLiteral);
    case CodeLanguage::NumPy:
        return numpyCode(pl, maxLiteral);
    case CodeLanguage::Onnx:
        return onnxCode(pl, maxLiteral);
    }
    return {};
}

} // namespace poolviz