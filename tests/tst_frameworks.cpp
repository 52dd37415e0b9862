// The framework bridge in the core: what PyTorch, TensorFlow, ONNX and NumPy make of the
// parameters (core/frameworks), the formula and no-effect texts the views show
// (core/conventions), and the scripts core/codegen writes. Values are worked out by hand in the
// comments; tst_conformance runs the scripts themselves.

#include "codegen.h"
#include "conventions.h"
#include "frameworks.h"
#include "testutil.h"
#include "windowrules.h"

#include <QTest>

#include <cmath>

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {

const FrameworkAnswer &answer(const std::vector<FrameworkAnswer> &all, Framework f)
{
    return all[std::size_t(f)];
}

bool anyReasonHas(const FrameworkAnswer &a, const char *text)
{
    for (const Message &r : a.reasons)
        if (r.text().find(text) != std::string::npos)
            return true;
    return false;
}

bool has(const std::string &haystack, const char *needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

class TestFrameworks : public QObject
{
    Q_OBJECT
private slots:
    void lpCeilDiffersInPyTorchOnly();
    void lpCeilWithoutValues();
    void lpWindowNoteNamesTheNumbers();
    void paddingWorkarounds();
    void minAndAdaptive();
    void refusedParameters();
    void sameFormulaComesFromTheCore_data();
    void sameFormulaComesFromTheCore();
    void controlsWithoutEffect_data();
    void controlsWithoutEffect();
    void pytorchScripts();
    void otherScripts();
    void languageNames();
};

void TestFrameworks::lpCeilDiffersInPyTorchOnly()
{
    const Tensor x = iota(6, 2, 1);
    const auto all = explainFrameworks(lpCeil2x5(), 6, 2, &x);
    QCOMPARE(int(all.size()), 4);
    const FrameworkAnswer &torch = answer(all, Framework::PyTorch);
    QCOMPARE(torch.support, Support::Differs);
    QCOMPARE(torch.layer, std::string("nn.LPPool2d(norm_type=2, kernel_size=(2, 5), stride=(2, 5), "
                                      "ceil_mode=True)"));
    QCOMPARE(torch.output, (Size2{3, 1}));
    // PoolViz: √(1+4+9+16) = √30; PyTorch: √(30·10/4) = √75. Likewise √174 vs √435, √446 vs
    // √1115.
    QCOMPARE(int(torch.differences.size()), 3);
    const double pv[] = {30, 174, 446};
    for (int r = 0; r < 3; ++r) {
        const CellDifference &d = torch.differences[std::size_t(r)];
        QCOMPARE(d.row, r);
        QCOMPARE(d.col, 0);
        QVERIFY(std::fabs(d.poolviz - std::sqrt(pv[r])) < 1e-5);
        QVERIFY(std::fabs(d.framework - std::sqrt(pv[r] * 10 / 4)) < 1e-9);
    }
    QCOMPARE(torch.summary.text(), std::string("3 of 3 cells differ from PoolViz's"));
    QVERIFY(anyReasonHas(torch, "scaled by (kh\u00b7kw/n)^(1/p)"));

    const FrameworkAnswer &tf = answer(all, Framework::TensorFlow);
    QCOMPARE(tf.support, Support::Workaround);
    QVERIFY(anyReasonHas(tf, "no Lp pooling"));
    QVERIFY(anyReasonHas(tf, "VALID would give no output"));
    const FrameworkAnswer &onnx = answer(all, Framework::Onnx);
    QCOMPARE(onnx.support, Support::Native);
    QCOMPARE(onnx.layer, std::string("LpPool(kernel_shape=[2, 5], strides=[2, 5], pads=[0, 0, 0, "
                                     "0], ceil_mode=1, p=2)"));
    QVERIFY(anyReasonHas(onnx, "opset 18"));
    QCOMPARE(answer(all, Framework::NumPy).support, Support::Recipe);

    const std::string text = explainText(lpCeil2x5(), 6, 2, all);
    QVERIFY(has(text, "PoolViz: L2 2\u00d75, stride 2\u00d75, padding 0, ceil mode on a "
                      "6\u00d72 input \u2192 3\u00d71"));
    QVERIFY(has(text, "cell (2, 0): PoolViz 21.12, PyTorch 33.39"));
}

void TestFrameworks::lpCeilWithoutValues()
{
    // Without values the partial windows alone say PyTorch differs; no cell numbers.
    const auto all = explainFrameworks(lpCeil2x5(), 6, 2);
    QCOMPARE(answer(all, Framework::PyTorch).support, Support::Differs);
    QVERIFY(answer(all, Framework::PyTorch).differences.empty());
    // Full windows of non-negative values: LPPool2d agrees.
    PoolParams full = lpCeil2x5();
    full.kernel = full.stride.emplace(Size2{2, 2});
    const Tensor x = iota(4, 4);
    const auto same = explainFrameworks(full, 4, 4, &x);
    QCOMPARE(answer(same, Framework::PyTorch).support, Support::Native);
    // Odd p with a negative value: LPPool2d's signed x^p gives −1 where PoolViz gives 1 (L1 of
    // [[−1, 0], [0, 0]]).
    PoolParams l1 = full;
    l1.p = 1;
    const Tensor neg = matrix(2, 2, {-1, 0, 0, 0});
    const auto signedP = explainFrameworks(l1, 2, 2, &neg);
    const FrameworkAnswer &torch = answer(signedP, Framework::PyTorch);
    QCOMPARE(torch.support, Support::Differs);
    QCOMPARE(int(torch.differences.size()), 1);
    QCOMPARE(torch.differences[0].poolviz, 1.0);
    QCOMPARE(torch.differences[0].framework, -1.0);
}

void TestFrameworks::lpWindowNoteNamesTheNumbers()
{
    const Tensor x = iota(6, 2, 1);
    const Geometry g = computeGeometry(lpCeil2x5(), 6, 2);
    QCOMPARE(pytorchLpValue(g, x, 0, 0), std::sqrt(75.0));
    QCOMPARE(QString::fromStdString(lpWindowNote(g, x, 2, 0)),
             QString::fromUtf8("This window holds 4 of the kernel's 10 taps: PyTorch's LPPool2d "
                               "computes (446 \u00b7 10/4)^(1/2) = 33.39, PoolViz (446)^(1/2) = "
                               "21.12 (ONNX's LpPool)"));
    // Full windows agree: no note.
    PoolParams full = lpCeil2x5();
    full.kernel = full.stride.emplace(Size2{2, 2});
    QCOMPARE(lpWindowNote(computeGeometry(full, 4, 4), iota(4, 4), 1, 1), std::string());
}

void TestFrameworks::paddingWorkarounds()
{
    // SAME, k = 3, s = 2 on 5×5: out ⌈5/2⌉ = 3, padding (3−1)·2 + 3 − 5 = 2 → 1 and 1.
    PoolParams same = params(PoolMode::Max, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    same.ceilMode = true;
    const auto s = explainFrameworks(same, 5, 5);
    const FrameworkAnswer &torch = answer(s, Framework::PyTorch);
    QCOMPARE(torch.support, Support::Native); // SAME is symmetric here: padding=(1, 1)
    QVERIFY(anyReasonHas(torch, "no padding='same', but SAME here is padding (1, 1) on both"));
    QVERIFY(has(torch.layer, "padding=(1, 1)"));
    QCOMPARE(torch.output, (Size2{3, 3}));
    // SAME with k = 2, s = 2 on 5: out 3, padding (3−1)·2 + 2 − 5 = 1, all of it after.
    PoolParams sameOdd = params(PoolMode::Max, 2, 2);
    sameOdd.paddingMode = PaddingMode::SameUpper;
    const FrameworkAnswer odd = answer(explainFrameworks(sameOdd, 5, 5), Framework::PyTorch);
    QCOMPARE(odd.support, Support::Workaround);
    QVERIFY(anyReasonHas(odd, "pads SAME's 0,1,0,1 (top, bottom, left, right) with F.pad"));
    const FrameworkAnswer &tf = answer(s, Framework::TensorFlow);
    QCOMPARE(tf.support, Support::Native);
    QVERIFY(has(tf.layer, "tf.nn.max_pool2d(x, ksize=(3, 3), strides=(2, 2), padding='SAME')"));
    QVERIFY(anyReasonHas(tf, "ceil mode plays no part"));
    QCOMPARE(answer(s, Framework::Onnx).layer,
             std::string("MaxPool(kernel_shape=[3, 3], strides=[2, 2], auto_pad='SAME_UPPER')"));

    // Asymmetric padding 0,1,1,0 (top, bottom, left, right): PyTorch needs F.pad, ONNX lists
    // the beginnings first: pads = [top, left, bottom, right] = [0, 1, 1, 0].
    PoolParams asym = params(PoolMode::Avg, 2);
    asym.padding = {0, 1, 1, 0};
    const auto a = explainFrameworks(asym, 4, 4);
    QVERIFY(anyReasonHas(answer(a, Framework::PyTorch), "pads both sides equally"));
    QVERIFY(!anyReasonHas(answer(a, Framework::PyTorch), "count_include_pad=False cannot see"));
    asym.countIncludePad = false; // then F.pad's zeros would count: the code divides by hand
    QVERIFY(anyReasonHas(answer(explainFrameworks(asym, 4, 4), Framework::PyTorch),
                         "count_include_pad=False cannot see padding added by F.pad"));
    QVERIFY(has(answer(a, Framework::Onnx).layer, "pads=[0, 1, 1, 0]"));
    QVERIFY(anyReasonHas(answer(a, Framework::TensorFlow), "goes through tf.pad"));

    // Ceil mode where the last window would start in the end padding: in 4, k 2, s 2, padding
    // 0 before and 2 after: ⌊(4 + 2 − 2 + 1)/2⌋ + 1 = 3, but window 2 starts at 2·2 = 4 ≥ 4 + 0,
    // so PyTorch (and PoolViz) drop it: 2. Padding 1 + 1: window 2 starts at 4 < 4 + 1, kept.
    PoolParams drop = params(PoolMode::Max, 2, 2);
    drop.padding = {0, 2, 0, 2};
    drop.ceilMode = true;
    const FrameworkAnswer onnxDrop = answer(explainFrameworks(drop, 4, 4), Framework::Onnx);
    QCOMPARE(onnxDrop.output, (Size2{2, 2}));
    QVERIFY(anyReasonHas(onnxDrop, "gives 3\u00d73; the spec since ONNX 1.16 drops"));
    drop.padding = {1, 1, 1, 1};
    QVERIFY(!anyReasonHas(answer(explainFrameworks(drop, 4, 4), Framework::Onnx), "ONNX 1.16"));

    // Padding 2 with a 2×2 kernel: PyTorch refuses (pad ≤ k/2).
    PoolParams big = params(PoolMode::Max, 2);
    big.padding = {2, 2, 2, 2};
    QVERIFY(anyReasonHas(answer(explainFrameworks(big, 4, 4), Framework::PyTorch),
                         "refuses padding (2, 2)"));
}

void TestFrameworks::minAndAdaptive()
{
    const auto m = explainFrameworks(params(PoolMode::Min, 2), 4, 4);
    for (Framework f : {Framework::PyTorch, Framework::TensorFlow, Framework::Onnx})
        QCOMPARE(answer(m, f).support, Support::Workaround);
    QVERIFY(anyReasonHas(answer(m, Framework::Onnx), "Neg \u2192 MaxPool \u2192 Neg"));

    PoolParams ad;
    ad.mode = PoolMode::Avg;
    ad.adaptiveOutput = Size2{3, 3};
    const auto a = explainFrameworks(ad, 5, 5);
    QCOMPARE(answer(a, Framework::PyTorch).support, Support::Native);
    QCOMPARE(answer(a, Framework::PyTorch).layer,
             std::string("nn.AdaptiveAvgPool2d(output_size=(3, 3))"));
    QCOMPARE(answer(a, Framework::Onnx).support, Support::Refused);
    QCOMPARE(answer(a, Framework::Onnx).output, (Size2{0, 0}));
    QCOMPARE(answer(a, Framework::TensorFlow).support, Support::Workaround);

    PoolParams g;
    g.global = true;
    QCOMPARE(answer(explainFrameworks(g, 4, 4), Framework::Onnx).layer,
             std::string("GlobalMaxPool()"));
}

void TestFrameworks::refusedParameters()
{
    // Adaptive L1.5 to 2×2: PyTorch and TensorFlow pool the bins by hand, ONNX has no adaptive
    // bins and no fractional p: no layer takes it, and the answers say so.
    PoolParams adLp;
    adLp.mode = PoolMode::Lp;
    adLp.p = 1.5;
    adLp.adaptiveOutput = Size2{2, 2};
    const auto noLayer = explainFrameworks(adLp, 5, 5);
    QVERIFY(has(overallVerdict(noLayer), "No framework has a layer"));
    QVERIFY(has(explainText(adLp, 5, 5, noLayer), "No framework has a layer"));
    QCOMPARE(overallVerdict(explainFrameworks(params(PoolMode::Max, 2), 4, 4)), std::string());
    // Lp with p = 1.5: ONNX's p is an integer.
    PoolParams lp = params(PoolMode::Lp, 2);
    lp.p = 1.5;
    const FrameworkAnswer onnx = answer(explainFrameworks(lp, 4, 4), Framework::Onnx);
    QCOMPARE(onnx.support, Support::Refused);
    QVERIFY(anyReasonHas(onnx, "p = 1.5 cannot be expressed"));
    // Invalid for PoolViz: every framework says why there is no output.
    const auto none = explainFrameworks(params(PoolMode::Max, 5), 4, 3);
    for (const FrameworkAnswer &a : none) {
        QCOMPARE(a.support, Support::Refused);
        QVERIFY2(has(a.summary.text(), "no window fits"), a.summary.text().c_str());
    }
}

void TestFrameworks::sameFormulaComesFromTheCore_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("in");
    QTest::addColumn<QString>("formula");
    PoolParams same = params(PoolMode::Max, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    same.ceilMode = true; // plays no part under SAME
    QTest::newRow("SAME k3 s2 on 5, ceil ticked")
        << same << 5
        << QString::fromUtf8("out = \u23085 / 2\u2309 = 3; padding max((3 \u2212 1)\u00b72 + 3 "
                             "\u2212 5, 0) = 2: 1 before, 1 after");
    PoolParams lower = params(PoolMode::Max, 2, 2);
    lower.paddingMode = PaddingMode::SameLower;
    QTest::newRow("SAME_LOWER k2 s2 on 3")
        << lower << 3
        << QString::fromUtf8("out = \u23083 / 2\u2309 = 2; padding max((2 \u2212 1)\u00b72 + 2 "
                             "\u2212 3, 0) = 1: 1 before, 0 after");
    PoolParams ceil = params(PoolMode::Max, 2, 2);
    ceil.ceilMode = true;
    QTest::newRow("explicit ceil k2 s2 on 5")
        << ceil << 5 << QString::fromUtf8("out = \u230a(5 + 0 + 0 \u2212 2 + 1) / 2\u230b + 1 = 3");
    // Refused parameters still show why: ⌊(4 − 5)/1⌋ + 1 = 0.
    QTest::newRow("too big") << params(PoolMode::Max, 5, 1) << 4
                             << QString::fromUtf8("out = \u230a(4 + 0 + 0 \u2212 5) / 1\u230b + 1 "
                                                  "= 0");
}

void TestFrameworks::sameFormulaComesFromTheCore()
{
    QFETCH(PoolParams, params);
    QFETCH(int, in);
    QFETCH(QString, formula);
    QCOMPARE(QString::fromStdString(outputSizeFormula(params, in, in, Axis::Rows)), formula);
    QCOMPARE(QString::fromStdString(outputSizeFormula(params, in, in, Axis::Cols)), formula);
}

void TestFrameworks::controlsWithoutEffect_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("setting");
    QTest::addColumn<QString>("reason"); // a part of it; empty: the control has an effect
    PoolParams avgSame = params(PoolMode::Avg, 2);
    avgSame.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("count_include_pad under SAME")
        << avgSame << int(Setting::CountIncludePad) << QStringLiteral("SAME padding is never");
    QTest::newRow("count_include_pad, explicit avg")
        << params(PoolMode::Avg, 2) << int(Setting::CountIncludePad) << QString();
    QTest::newRow("count_include_pad for max")
        << params(PoolMode::Max, 2) << int(Setting::CountIncludePad)
        << QStringLiteral("max pooling has no divisor");
    PoolParams divisor = params(PoolMode::Avg, 2);
    divisor.divisorOverride = 3;
    QTest::newRow("count_include_pad with a divisor")
        << divisor << int(Setting::CountIncludePad) << QStringLiteral("divisor override replaces");
    QTest::newRow("divisor for lp") << params(PoolMode::Lp, 2) << int(Setting::Divisor)
                                    << QStringLiteral("lp pooling has no divisor");
    QTest::newRow("divisor for avg")
        << params(PoolMode::Avg, 2) << int(Setting::Divisor) << QString();
    QTest::newRow("ceil under SAME")
        << avgSame << int(Setting::CeilMode) << QStringLiteral("\u2308in / stride\u2309");
    QTest::newRow("ceil, explicit")
        << params(PoolMode::Avg, 2) << int(Setting::CeilMode) << QString();
}

void TestFrameworks::controlsWithoutEffect()
{
    QFETCH(PoolParams, params);
    QFETCH(int, setting);
    QFETCH(QString, reason);
    const QString got = QString::fromStdString(noEffectReason(params, Setting(setting)));
    if (reason.isEmpty())
        QCOMPARE(got, QString());
    else
        QVERIFY2(got.contains(reason), qPrintable(got));
}

void TestFrameworks::pytorchScripts()
{
    // Seed 002: 1..16, max 2×2 → [[6, 8], [14, 16]] with the layer itself.
    const std::string plain =
        generateCode(CodeLanguage::PyTorch, params(PoolMode::Max, 2), {iota(4, 4, 1), {}});
    QVERIFY(has(plain, "pool = torch.nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2), "
                       "padding=(0, 0), dilation=(1, 1), ceil_mode=False)\ny = pool(x4)\n"));
    QVERIFY(has(plain, "expected = np.array([[6, 8],\n                      [14, 16]], "
                       "dtype=np.float32)  # PoolViz's output"));
    QVERIFY(has(plain, "x = np.array([[1, 2, 3, 4],"));
    // Min: −max(−x), with its one-line comment.
    QVERIFY(has(generateCode(CodeLanguage::PyTorch, params(PoolMode::Min, 2), {iota(4, 4), {}}),
                "y = -pool(-x4)  # PyTorch has no min pooling"));
    // SAME that is symmetric: the layer with its padding, and a one-line comment.
    PoolParams same = params(PoolMode::Avg, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    const std::string s = generateCode(CodeLanguage::PyTorch, same, {iota(5, 5), {}});
    QVERIFY(has(s, "# PyTorch's pooling has no padding='same'; SAME here is (1, 1) on both "
                   "sides, never counted.\npool = torch.nn.AvgPool2d(kernel_size=(3, 3), "
                   "stride=(2, 2), padding=(1, 1), ceil_mode=False, count_include_pad=False"));
    // Asymmetric padding: F.pad first, with −∞ for max.
    PoolParams asym = params(PoolMode::Max, 2);
    asym.padding = {0, 1, 1, 0};
    const std::string a = generateCode(CodeLanguage::PyTorch, asym, {iota(4, 4), {}});
    QVERIFY(has(a, "padding 0,1,1,0 (top, bottom, left, right) goes through F.pad first, as "
                   "\u2212\u221e so that it never wins.\nxp = F.pad(x4, (1, 0, 0, 1), "
                   "value=-inf)\npool = torch.nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2), "
                   "padding=(0, 0)"));
    // Excluding asymmetric padding from an average: the taps of F.unfold and a count.
    asym.mode = PoolMode::Avg;
    asym.countIncludePad = false;
    const std::string u = generateCode(CodeLanguage::PyTorch, asym, {iota(4, 4), {}});
    QVERIFY(has(u, "F.unfold(a, kernel_size=(2, 2), dilation=(1, 1), stride=(2, 2))"));
    QVERIFY(has(u, "count = (inside).sum(dim=1)  # in-input taps only"));
    // LPPool2d with a partial ceil window: the sum by hand, the reason in a comment.
    const std::string lp = generateCode(CodeLanguage::PyTorch, lpCeil2x5(), {iota(6, 2, 1), {}});
    QVERIFY(has(lp, "# torch.nn.LPPool2d(norm_type=2, kernel_size=(2, 5), stride=(2, 5), "
                    "ceil_mode=True) cannot give these numbers as it is:"));
    QVERIFY(has(lp, "F.pad(x4, (0, 3, 0, 0))"));
    // NaN and infinities are spelled so that Python reads them.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::string special = generateCode(CodeLanguage::PyTorch, params(PoolMode::Max, 2),
                                             {matrix(2, 2, {nan, 1, -INFINITY, 0.1f}), {}});
    QVERIFY(has(special, "inf, nan = float(\"inf\"), float(\"nan\")"));
    QVERIFY(has(special, "[[nan, 1],\n               [-inf, 0.1]]"));
}

void TestFrameworks::otherScripts()
{
    // NumPy: tiling windows reshape; others use the strided view.
    const std::string tiles =
        generateCode(CodeLanguage::NumPy, params(PoolMode::Avg, 2), {iota(4, 4, 1), {}});
    QVERIFY(has(tiles, "blocks = x4.reshape(1, 1, 2, 2, 2, 2)\ny = blocks.mean(axis=(3, 5))"));
    QVERIFY(has(generateCode(CodeLanguage::NumPy, lpCeil2x5(), {iota(6, 2, 1), {}}),
                "sliding_window_view(a, (2, 5), axis=(-2, -1))"));
    // TensorFlow SAME max: the layer itself.
    PoolParams same = params(PoolMode::Max, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    QVERIFY(has(generateCode(CodeLanguage::TensorFlow, same, {iota(5, 5), {}}),
                "y = tf.nn.max_pool2d(planes, ksize=(3, 3), strides=(2, 2), padding='SAME')"));
    // TensorFlow with ceil mode that adds a window: extract_patches over the padded input.
    PoolParams ceil = params(PoolMode::Avg, 2, 2);
    ceil.ceilMode = true;
    QVERIFY(has(generateCode(CodeLanguage::TensorFlow, ceil, {iota(5, 5), {}}),
                "tf.image.extract_patches"));
    // ONNX: attributes as ONNX orders them; adaptive is refused in the script itself.
    PoolParams asym = params(PoolMode::Avg, 2);
    asym.padding = {0, 1, 1, 0};
    asym.countIncludePad = false;
    QVERIFY(has(generateCode(CodeLanguage::Onnx, asym, {iota(4, 4), {}}),
                "helper.make_node(\"AveragePool\", [\"X\"], [\"Y\"], kernel_shape=[2, 2], "
                "strides=[2, 2], pads=[0, 1, 1, 0], count_include_pad=0)"));
    PoolParams ad;
    ad.adaptiveOutput = Size2{2, 2};
    QVERIFY(has(generateCode(CodeLanguage::Onnx, ad, {iota(4, 4), {}}),
                "raise SystemExit(\"ONNX cannot express this pooling: ONNX has only global"));
    // A photo is loaded by its path; a big output is checked by its sum.
    Tensor photo(1, 1, 40, 40, 1.0f, 2);
    const std::string byPath =
        generateCode(CodeLanguage::NumPy, params(PoolMode::Max, 1), {photo, "/tmp/cat.png"}, 100);
    QVERIFY(has(byPath, "Image.open(r\"/tmp/cat.png\").convert(\"L\")"));
    QVERIFY(has(byPath, "expected_sum = 1600"));
}

void TestFrameworks::languageNames()
{
    for (CodeLanguage l :
         {CodeLanguage::PyTorch, CodeLanguage::TensorFlow, CodeLanguage::NumPy, CodeLanguage::Onnx})
        QCOMPARE(parseLanguage(languageName(l)), std::optional<CodeLanguage>(l));
    QCOMPARE(parseLanguage("jax"), std::optional<CodeLanguage>());
}

QTEST_GUILESS_MAIN(TestFrameworks)
#include "tst_frameworks.moc"
