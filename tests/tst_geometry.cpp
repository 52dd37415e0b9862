// Geometry and validation: output sizes, resolved padding, window taps and kinds, coverage,
// adaptive bins, divisors, the formula text and the messages that name the numbers.

#include "geometry.h"
#include "testutil.h"

#include <QTest>

using Bins = QList<QPair<int, int>>;

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::PoolParams)

class TestGeometry : public QObject
{
    Q_OBJECT
private slots:
    void adaptiveBins_data();
    void adaptiveBins();
    void samePadding_data();
    void samePadding();
    void windowTapsAndKinds();
    void ceilOverhangIsNeverCounted();
    void ceilWindowLargerThanInput();
    void coverageAndSkippedCells();
    void outputsReading();
    void divisors();
    void formulaText_data();
    void formulaText();
    void errors_data();
    void errors();
    void warnings_data();
    void warnings();
    void describeText();
};

void TestGeometry::adaptiveBins_data()
{
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<Bins>("bins");
    // DESIGN.md: bin i spans [⌊i·in/out⌋, ⌈(i+1)·in/out⌉); bins may overlap.
    QTest::newRow("5->3") << 5 << 3 << Bins{{0, 2}, {1, 4}, {3, 5}};
    QTest::newRow("4->2") << 4 << 2 << Bins{{0, 2}, {2, 4}};
    QTest::newRow("7->1 global") << 7 << 1 << Bins{{0, 7}};
    QTest::newRow("3->5 upsample") << 3 << 5 << Bins{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
    QTest::newRow("10->4") << 10 << 4 << Bins{{0, 3}, {2, 5}, {5, 8}, {7, 10}};
}

void TestGeometry::adaptiveBins()
{
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(Bins, bins);
    const AxisGeometry a = computeAdaptiveAxis(in, out);
    QCOMPARE(a.out, out);
    for (int i = 0; i < out; ++i) {
        const auto taps = a.taps(i);
        QCOMPARE(taps.front().pos, bins[i].first);
        QCOMPARE(taps.back().pos + 1, bins[i].second);
        QCOMPARE(int(taps.size()), bins[i].second - bins[i].first);
    }
}

void TestGeometry::samePadding_data()
{
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<bool>("lower");
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("after");
    // total = max((⌈in/s⌉−1)·s + ek − in, 0); the odd one goes after (upper) or before (lower).
    QTest::newRow("5 k3 s2") << 5 << 3 << 2 << 1 << false << 1 << 1;
    QTest::newRow("3 k2 s2") << 3 << 2 << 2 << 1 << false << 0 << 1;
    QTest::newRow("3 k2 s2 lower") << 3 << 2 << 2 << 1 << true << 1 << 0;
    QTest::newRow("4 k3 s1") << 4 << 3 << 1 << 1 << false << 1 << 1;
    QTest::newRow("6 k4 s1") << 6 << 4 << 1 << 1 << false << 1 << 2;
    QTest::newRow("6 k4 s1 lower") << 6 << 4 << 1 << 1 << true << 2 << 1;
    QTest::newRow("6 k2 s2 none") << 6 << 2 << 2 << 1 << false << 0 << 0;
    QTest::newRow("5 k1 s3 clipped") << 5 << 1 << 3 << 1 << false << 0 << 0;
    QTest::newRow("7 k3 s1 d2") << 7 << 3 << 1 << 2 << false << 2 << 2;
}

void TestGeometry::samePadding()
{
    QFETCH(int, in);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(bool, lower);
    QFETCH(int, before);
    QFETCH(int, after);
    const auto [b, a] = poolviz::samePadding(in, kernel, stride, dilation, lower);
    QCOMPARE(b, before);
    QCOMPARE(a, after);
    PoolParams p = params(PoolMode::Max, kernel, stride);
    p.dilation = {dilation, dilation};
    p.paddingMode = lower ? PaddingMode::SameLower : PaddingMode::SameUpper;
    p.ceilMode = true; // TensorFlow's SAME ignores it: out stays ⌈in/s⌉
    const Geometry g = computeGeometry(p, in, in);
    QVERIFY(g.ok());
    QCOMPARE(g.outH(), (in + stride - 1) / stride);
    QCOMPARE(g.resolvedPadding().top, before);
    QCOMPARE(g.resolvedPadding().bottom, after);
}

void TestGeometry::windowTapsAndKinds()
{
    // 3×3 kernel, stride 2, padding 1 on a 4×4 input: window (0, 0) spans rows/cols −1..1.
    PoolParams p = params(PoolMode::Max, 3, 2);
    p.padding = {1, 1, 1, 1};
    const Geometry g = computeGeometry(p, 4, 4);
    QVERIFY(g.ok());
    QCOMPARE(g.outH(), 2);
    const Window w = g.window(0, 0);
    QCOMPARE(int(w.taps.size()), 9);
    QCOMPARE(w.taps[0], (Tap{-1, -1, TapKind::Padding}));
    QCOMPARE(w.taps[4], (Tap{0, 0, TapKind::Input}));
    QCOMPARE(w.taps[8], (Tap{1, 1, TapKind::Input}));
    QCOMPARE(w.inputCount, 4);
    QCOMPARE(w.paddedCount, 9);
    QCOMPARE(w.rowFirst, -1);
    QCOMPARE(w.rowLast, 1);
    // Dilation 2: taps skip every other cell, in row-major order.
    PoolParams d = params(PoolMode::Max, 2, 1);
    d.dilation = {2, 2};
    const Window dw = computeGeometry(d, 5, 5).window(1, 2);
    QCOMPARE(int(dw.taps.size()), 4);
    QCOMPARE(dw.taps[0], (Tap{1, 2, TapKind::Input}));
    QCOMPARE(dw.taps[1], (Tap{1, 4, TapKind::Input}));
    QCOMPARE(dw.taps[2], (Tap{3, 2, TapKind::Input}));
    QCOMPARE(dw.taps[3], (Tap{3, 4, TapKind::Input}));
}

void TestGeometry::ceilOverhangIsNeverCounted()
{
    // 7×7, k = 2, s = 3, ceil: the last window [6, 8) overhangs: row 7 is Overhang, not Padding.
    PoolParams p = params(PoolMode::Avg, 2, 3);
    p.ceilMode = true;
    const Geometry g = computeGeometry(p, 7, 7);
    QCOMPARE(g.outH(), 3);
    const Window w = g.window(2, 2);
    QCOMPARE(w.taps[0], (Tap{6, 6, TapKind::Input}));
    QCOMPARE(w.taps[1], (Tap{6, 7, TapKind::Overhang}));
    QCOMPARE(w.taps[3], (Tap{7, 7, TapKind::Overhang}));
    QCOMPARE(w.paddedCount, 1);
    QCOMPARE(g.avgDivisor(2, 2), 1.0);
    QCOMPARE(g.avgDivisor(0, 2), 2.0);
    QCOMPARE(g.avgDivisor(0, 0), 4.0);
}

void TestGeometry::ceilWindowLargerThanInput()
{
    // avg 2×5, stride 2×5, padding 1×0, ceil on 6×2 (PyTorch answers it): 4×1 windows. The
    // column window [0, 4] holds the two input columns and three overhang taps; the row window
    // [5, 6] ends in the padding row 6, which counts for count_include_pad, the overhang never.
    PoolParams p;
    p.mode = PoolMode::Avg;
    p.kernel = {2, 5};
    p.stride = Size2{2, 5};
    p.padding = {1, 1, 0, 0};
    p.ceilMode = true;
    const Geometry g = computeGeometry(p, 6, 2);
    QVERIFY2(g.ok(), g.validation.errorText().c_str());
    QCOMPARE(g.outH(), 4);
    QCOMPARE(g.outW(), 1);
    const Window w = g.window(3, 0);
    QCOMPARE(int(w.taps.size()), 10);
    QCOMPARE(w.taps[0], (Tap{5, 0, TapKind::Input}));
    QCOMPARE(w.taps[2], (Tap{5, 2, TapKind::Overhang}));
    QCOMPARE(w.taps[5], (Tap{6, 0, TapKind::Padding}));
    QCOMPARE(w.taps[9], (Tap{6, 4, TapKind::Overhang}));
    QCOMPARE(w.paddedCount, 4);
    QCOMPARE(w.inputCount, 2);
    QCOMPARE(g.avgDivisor(3, 0), 4.0);
    // The same without ceil mode: ⌊(2 − 5)/5⌋ + 1 = 0 columns, refused as before.
    p.ceilMode = false;
    QVERIFY(!computeGeometry(p, 6, 2).ok());
    // Every input cell is read exactly once; the formula shows the ceil-mode numbers.
    p.ceilMode = true;
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 2; ++c)
            QCOMPARE(g.coverage(r, c), 1);
    QCOMPARE(QString::fromStdString(outputSizeFormula(p, 6, 2, Axis::Cols)),
             QString::fromUtf8("out = \u230a(2 + 0 + 0 \u2212 5 + 4) / 5\u230b + 1 = 1"));
}

void TestGeometry::coverageAndSkippedCells()
{
    // 5×5, k = 2, s = 2: row and column 4 are never read (the stride's leftovers).
    const Geometry g = computeGeometry(params(PoolMode::Max, 2, 2), 5, 5);
    QCOMPARE(g.coverage(0, 0), 1);
    QCOMPARE(g.coverage(3, 3), 1);
    QCOMPARE(g.coverage(4, 0), 0);
    QCOMPARE(g.coverage(0, 4), 0);
    // Stride 1, k = 2 on 4×4: interior cells are read by 4 windows, edges by 2, corners by 1.
    const Geometry o = computeGeometry(params(PoolMode::Max, 2, 1), 4, 4);
    QCOMPARE(o.coverage(0, 0), 1);
    QCOMPARE(o.coverage(0, 1), 2);
    QCOMPARE(o.coverage(1, 1), 4);
    // Kernel 1, stride 3 on 7: positions 0, 3, 6 read; others skipped.
    const AxisGeometry a = computeAxis(7, 1, 3, 1, 0, 0, false);
    QCOMPARE(a.coverage, (std::vector<int>{1, 0, 0, 1, 0, 0, 1}));
}

void TestGeometry::outputsReading()
{
    const Geometry g = computeGeometry(params(PoolMode::Max, 2, 1), 4, 4);
    using P = std::vector<std::pair<int, int>>;
    QCOMPARE(g.outputsReading(0, 0), (P{{0, 0}}));
    QCOMPARE(g.outputsReading(1, 2), (P{{0, 1}, {0, 2}, {1, 1}, {1, 2}}));
    QCOMPARE(g.outputsReading(3, 3), (P{{2, 2}}));
    const Geometry s = computeGeometry(params(PoolMode::Max, 2, 2), 5, 5);
    QVERIFY(s.outputsReading(4, 4).empty());
}

void TestGeometry::divisors()
{
    PoolParams p = params(PoolMode::Avg, 3, 2);
    p.padding = {1, 1, 1, 1};
    const Geometry inc = computeGeometry(p, 4, 4);
    QCOMPARE(inc.avgDivisor(0, 0), 9.0); // count_include_pad: the padding counts
    p.countIncludePad = false;
    const Geometry exc = computeGeometry(p, 4, 4);
    QCOMPARE(exc.avgDivisor(0, 0), 4.0); // only the 2×2 input cells
    QCOMPARE(exc.avgDivisor(1, 1), 9.0);
    p.divisorOverride = 5;
    QCOMPARE(computeGeometry(p, 4, 4).avgDivisor(0, 0), 5.0);
    PoolParams same = params(PoolMode::Avg, 2, 2);
    same.paddingMode = PaddingMode::SameUpper;
    QCOMPARE(computeGeometry(same, 3, 3).avgDivisor(1, 1), 1.0); // TensorFlow never counts padding
    PoolParams ad;
    ad.mode = PoolMode::Avg;
    ad.adaptiveOutput = Size2{3, 3};
    QCOMPARE(computeGeometry(ad, 5, 5).avgDivisor(1, 1), 9.0); // bin [1, 4) × [1, 4)
}

void TestGeometry::formulaText_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("in");
    QTest::addColumn<QString>("formula");
    QTest::newRow("k3 s3 on 6") << params(PoolMode::Max, 3, 3) << 6
                                << QString::fromUtf8(
                                       "out = \u230a(6 + 0 + 0 \u2212 3) / 3\u230b + 1 = 2");
    // Ceil mode with the last-window rule: in = 9, k = 4, s = 4, p = 2: ⌊(9 + 4 − 4 + 3)/4⌋ + 1
    // = 4, but window 3 would start at 12 ≥ 9 + 2, entirely in the padding.
    PoolParams ceil = params(PoolMode::Max, 4, 4);
    ceil.padding = {2, 2, 2, 2};
    ceil.ceilMode = true;
    QTest::newRow("ceil, last window dropped")
        << ceil << 9
        << QString::fromUtf8(
               "out = \u230a(9 + 2 + 2 \u2212 4 + 3) / 4\u230b + 1 = 4; last window would start at "
               "12 \u2265 9 + 2, so out = 3");
    // Dilation 2 spreads k = 3 over ek = 2·(3−1)+1 = 5: ⌊(7 − 5)/1⌋ + 1 = 3.
    PoolParams dilated = params(PoolMode::Max, 3, 1);
    dilated.dilation = {2, 2};
    QTest::newRow("dilation 2")
        << dilated << 7
        << QString::fromUtf8(
               "out = \u230a(7 + 0 + 0 \u2212 (2\u00b7(3\u22121)+1)) / 1\u230b + 1 = 3");
    // A refused window shows why there is no output: ⌊(3 − 5)/1⌋ + 1 = −1.
    QTest::newRow("kernel above the input")
        << params(PoolMode::Max, 5, 1) << 3
        << QString::fromUtf8("out = \u230a(3 + 0 + 0 \u2212 5) / 1\u230b + 1 = \u22121");
    PoolParams adaptive;
    adaptive.adaptiveOutput = Size2{3, 3};
    QTest::newRow("adaptive 3 on 5")
        << adaptive << 5
        << QString::fromUtf8("adaptive: 3 bins over 5, bin i = [\u230ai\u00b75/3\u230b, "
                             "\u2308(i+1)\u00b75/3\u2309)");
}

void TestGeometry::formulaText()
{
    QFETCH(PoolParams, params);
    QFETCH(int, in);
    QFETCH(QString, formula);
    QCOMPARE(QString::fromStdString(outputSizeFormula(params, in, in, Axis::Rows)), formula);
    QCOMPARE(QString::fromStdString(outputSizeFormula(params, in, in, Axis::Cols)), formula);
}

void TestGeometry::errors_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<QString>("message");
    PoolParams dil = params(PoolMode::Max, 5, 1);
    dil.dilation = {2, 2};
    dil.padding = {1, 1, 1, 1};
    QTest::newRow("dilated kernel too big")
        << dil << 4 << 4
        << QString::fromUtf8("kernel 5\u00d75 with dilation 2 spans 9\u00d79, larger than the "
                             "padded input 6\u00d76: no window fits");
    QTest::newRow("kernel too big")
        << params(PoolMode::Max, 5) << 4 << 3
        << QString::fromUtf8("kernel 5\u00d75 is larger than the input 4\u00d73: no window fits");
    PoolParams ceilTooBig = params(PoolMode::Max, 5, 1);
    ceilTooBig.ceilMode = true;
    // Ceil mode: rows ⌊(1 − 5 + 0)/1⌋ + 1 = −3, so even ceil mode has no window.
    QTest::newRow("kernel too big even in ceil mode")
        << ceilTooBig << 1 << 1
        << QString::fromUtf8("kernel 5\u00d75 is larger than the input 1\u00d71: no window fits, "
                             "even in ceil mode");
    QTest::newRow("kernel zero") << params(PoolMode::Max, 0) << 4 << 4
                                 << QString::fromUtf8(
                                        "kernel 0\u00d70: every size must be at least 1");
    PoolParams s0 = params(PoolMode::Max, 2);
    s0.stride = Size2{0, 1};
    QTest::newRow("stride zero") << s0 << 4 << 4
                                 << QString::fromUtf8(
                                        "stride 0\u00d71: every step must be at least 1");
    PoolParams neg = params(PoolMode::Max, 2);
    neg.padding = {0, -1, 0, 0};
    QTest::newRow("negative padding")
        << neg << 4 << 4
        << QString::fromUtf8("padding 0,-1,0,0 (top, bottom, left, right) must not be negative");
    PoolParams div = params(PoolMode::Avg, 2);
    div.divisorOverride = 0;
    QTest::newRow("divisor zero") << div << 4 << 4
                                  << QString::fromUtf8("divisor 0 must be at least 1");
    QTest::newRow("empty input")
        << params(PoolMode::Max, 1) << 0 << 4
        << QString::fromUtf8("input 0\u00d74 is empty: it needs at least one row and one column");
    PoolParams ad;
    ad.adaptiveOutput = Size2{0, 2};
    QTest::newRow("adaptive zero")
        << ad << 4 << 4 << QString::fromUtf8("adaptive output 0\u00d72 must be at least 1\u00d71");
}

void TestGeometry::errors()
{
    QFETCH(PoolParams, params);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(QString, message);
    const Validation v = validate(params, h, w);
    QVERIFY(!v.ok());
    QCOMPARE(QString::fromStdString(v.errors.front()), message);
    const Geometry g = computeGeometry(params, h, w);
    QVERIFY(!g.ok());
    QCOMPARE(g.outH(), 0);
}

void TestGeometry::warnings_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<QString>("fragment");
    PoolParams bigPad = params(PoolMode::Max, 2);
    bigPad.padding = {2, 2, 2, 2};
    QTest::newRow("pytorch pad limit")
        << bigPad
        << QStringLiteral(
               "PyTorch refuses padding larger than half the effective kernel (1\u00d71 here)");
    PoolParams asym = params(PoolMode::Max, 3);
    asym.padding = {0, 1, 0, 1};
    QTest::newRow("asymmetric") << asym << QStringLiteral("PyTorch pads both sides equally");
    PoolParams same = params(PoolMode::Max, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("same") << same
                          << QStringLiteral("PyTorch's pooling layers have no padding='same'");
    PoolParams avgDil = params(PoolMode::Avg, 2);
    avgDil.dilation = {2, 1};
    QTest::newRow("avg dilation") << avgDil << QStringLiteral("AvgPool2d has no dilation");
    QTest::newRow("min") << params(PoolMode::Min, 2) << QStringLiteral("\u2212max_pool2d(\u2212x)");
    PoolParams ceil = params(PoolMode::Avg, 2, 3);
    ceil.ceilMode = true;
    QTest::newRow("ceil overhang") << ceil << QStringLiteral("its overhang is never counted");
}

void TestGeometry::warnings()
{
    QFETCH(PoolParams, params);
    QFETCH(QString, fragment);
    const Validation v = validate(params, 7, 7);
    QVERIFY2(v.ok(), v.errorText().c_str());
    bool found = false;
    for (const std::string &w : v.warnings)
        found = found || QString::fromStdString(w).contains(fragment);
    QVERIFY2(found, qPrintable(fragment));
    // A plain PyTorch-compatible setting has no warnings.
    QVERIFY(validate(poolviz::test::params(PoolMode::Max, 2), 7, 7).warnings.empty());
}

void TestGeometry::describeText()
{
    PoolParams p = params(PoolMode::Avg, 3, 2);
    p.padding = {1, 1, 1, 1};
    p.ceilMode = true;
    QCOMPARE(QString::fromStdString(describe(p)),
             QString::fromUtf8("avg 3\u00d73, stride 2\u00d72, padding 1, ceil mode"));
    // Under SAME ceil mode plays no part, so the summary does not claim it.
    p.paddingMode = PaddingMode::SameUpper;
    QCOMPARE(QString::fromStdString(describe(p)),
             QString::fromUtf8("avg 3\u00d73, stride 2\u00d72, SAME padding"));
    PoolParams g;
    g.global = true;
    QCOMPARE(QString::fromStdString(describe(g)), QStringLiteral("global max"));
}

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
