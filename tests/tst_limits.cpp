// Hostile and extreme requests (issue 12): every size in checked 64-bit arithmetic, outputs and
// animations above the limits refused with messages that name the numbers, before anything is
// allocated, and valid extreme requests answered. Each example of the issue is a row with its
// exact expected message.

#include "geometry.h"
#include "messages.h"
#include "pool.h"
#include "sizelimits.h"
#include "trace.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace poolviz;

namespace {

Tensor oneTo16()
{
    return Tensor::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
}

PoolParams kernel(int k, std::optional<int> stride = std::nullopt)
{
    PoolParams p;
    p.kernel = {k, k};
    if (stride)
        p.stride = Size2{*stride, *stride};
    return p;
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void init() { setCurrentLimits(Limits{}); }
    void cleanupTestCase() { setCurrentLimits(Limits{}); }
    void defaults();
    void formatCount_data();
    void formatCount();
    void refusals_data();
    void refusals();
    void refusedBeforeAllocating();
    void sameWithAMillionKernel();
    void configurableLimit();
    void traceLimits_data();
    void traceLimits();
    void tensorGuard();
    void messagesHaveIds();
    void geometryWithoutTapLists();
};

void TestLimits::defaults()
{
    QCOMPARE(Limits{}.values, std::int64_t(100'000'000));
    QCOMPARE(Limits{}.steps, std::int64_t(10'000));
    QCOMPARE(Limits{}.traceTaps, std::int64_t(4'000'000));
    QCOMPARE(currentLimits(), Limits{});
}

void TestLimits::formatCount_data()
{
    QTest::addColumn<double>("count");
    QTest::addColumn<double>("limit");
    QTest::addColumn<QString>("text");
    QTest::newRow("small") << 529.0 << -1.0 << "529";
    QTest::newRow("below a million") << 999999.0 << -1.0 << "999999";
    QTest::newRow("power of ten") << 1e8 << -1.0 << "10⁸";
    QTest::newRow("10^12") << 1e12 << -1.0 << "10¹²";
    // 1000014² = 1000028000196
    QTest::newRow("1000014 squared") << 1000028000196.0 << 1e8 << "1.0·10¹²";
    QTest::newRow("rounds up a power") << 9.96e9 << -1.0 << "1.0·10¹⁰";
    QTest::newRow("4.0e8") << 400080004.0 << 1e8 << "4.0·10⁸";
    // Rounded to one decimal it would read as the limit: every digit instead.
    QTest::newRow("just above the limit") << 100010000.0 << 1e8 << "100010000";
    QTest::newRow("just above a non-power limit") << 150000001.0 << 1.5e8 << "150000001";
}

void TestLimits::formatCount()
{
    QFETCH(double, count);
    QFETCH(double, limit);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(poolviz::formatCount(count, limit)), text);
}

void TestLimits::refusals_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("planes");
    QTest::addColumn<QString>("message");

    // The examples, on its 4×4 input.
    PoolParams dilated = kernel(1000000);
    dilated.dilation = {1000000, 1000000};
    // ek = 10⁶·(10⁶ − 1) + 1 = 999999000001: in 32-bit it wrapped and pooled for 98 s.
    QTest::newRow("kernel 10^6, dilation 10^6")
        << dilated << 1
        << "kernel 1000000×1000000 with dilation 1000000 spans 999999000001×999999000001, "
           "larger than the input 4×4: no window fits";

    PoolParams padded = kernel(3, 1);
    padded.padding = {500006, 500006, 500006, 500006};
    // out = (4 + 1000012 − 3) / 1 + 1 = 1000014 per axis.
    QTest::newRow("padding 500006")
        << padded << 1
        << "output would be 1000014×1000014 = 1.0·10¹² values, above the limit of 10⁸";

    PoolParams adaptive;
    adaptive.adaptiveOutput = Size2{1000000, 1000000};
    QTest::newRow("adaptive 10^6") << adaptive << 1
                                   << "output would be 1000000×1000000 = 10¹² values, above the "
                                      "limit of 10⁸";

    PoolParams padding20000 = kernel(2);
    padding20000.padding = {20000, 20000, 20000, 20000};
    // out = (4 + 40000 − 2) / 2 + 1 = 20002: once 32 s and 6.3 GB.
    QTest::newRow("padding 20000")
        << padding20000 << 1
        << "output would be 20002×20002 = 4.0·10⁸ values, above the limit of 10⁸";

    PoolParams adaptive20000;
    adaptive20000.adaptiveOutput = Size2{20000, 20000};
    QTest::newRow("adaptive 20000") << adaptive20000 << 1
                                    << "output would be 20000×20000 = 4.0·10⁸ values, above the "
                                       "limit of 10⁸";

    // All planes count: 3 × 5800² = 100920000, just above 10⁸, shown digit by digit.
    PoolParams planes = kernel(1);
    planes.padding = {2898, 2898, 2898, 2898};
    QTest::newRow("three planes") << planes << 3
                                  << "output would be 3 planes of 5800×5800 = 100920000 values, "
                                     "above the limit of 10⁸";

    // SAME padding for ek ≈ 10¹² does not fit a coordinate.
    PoolParams same = dilated;
    same.paddingMode = PaddingMode::SameUpper;
    // out = ⌈4/10⁶⌉ = 1, total padding = 999999000001 − 4 = 999998999997: 499999499998 before,
    // 499999499999 after; the last tap is at −499999499998 + 999999000001 − 1 = 499999500002.
    QTest::newRow("SAME with a dilated 10^6 kernel")
        << same << 1
        << "the windows reach rows −499999499998 to 499999500002, beyond the largest supported "
           "position 2147483647; the windows reach columns −499999499998 to 499999500002, beyond "
           "the largest supported position 2147483647";

    PoolParams stride = kernel(2);
    stride.stride = Size2{2147483647, 2147483647};
    stride.ceilMode = true;
    // (out − 1)·s must not overflow: out = ⌊(4 − 2 + 2147483646) / 2147483647⌋ + 1 = 2, but the
    // second window would start at 2147483647 ≥ 4, so out = 1.
    QTest::newRow("stride INT_MAX is fine") << stride << 1 << "";
}

void TestLimits::refusals()
{
    QFETCH(PoolParams, params);
    QFETCH(int, planes);
    QFETCH(QString, message);
    const Validation v = validate(params, 4, 4, planes);
    QCOMPARE(QString::fromStdString(v.errorText()), message);
}

void TestLimits::refusedBeforeAllocating()
{
    // The forward pass refuses as validate does, without allocating the output (a 10¹²-value
    // tensor would throw std::bad_alloc or take minutes; PoolError comes first).
    PoolParams padded = kernel(3, 1);
    padded.padding = {500006, 500006, 500006, 500006};
    QVERIFY_THROWS_EXCEPTION(PoolError, forward(oneTo16(), padded));
    const Geometry g = computeGeometry(padded, 4, 4);
    QVERIFY(!g.ok());
    QCOMPARE(g.outH(), 0);
    QVERIFY(g.rows.coverage.empty() && g.rows.paddedCount.empty());
    // An empty input 2147483647×0 no longer allocates its 8 GB of coverage.
    const Geometry empty = computeGeometry(kernel(1), 2147483647, 0);
    QVERIFY(!empty.ok());
    QVERIFY(empty.rows.coverage.empty());
    QCOMPARE(empty.coverage(5, 0), 0);
    QCOMPARE(
        QString::fromStdString(empty.validation.errorText()),
        QStringLiteral("input 2147483647×0 is empty: it needs at least one row and one column"));
}

void TestLimits::sameWithAMillionKernel()
{
    // A valid extreme request that fits: k = 10⁶ under SAME on 4×4. out = ⌈4/10⁶⌉ = 1; total
    // padding (1 − 1)·10⁶ + 10⁶ − 4 = 999996, 499998 on each side; the one window covers the
    // whole input, so max = 16, and avg (SAME excludes padding) = 136 / 16 = 8.5.
    PoolParams p = kernel(1000000);
    p.paddingMode = PaddingMode::SameUpper;
    const Geometry g = computeGeometry(p, 4, 4);
    QVERIFY2(g.ok(), g.validation.errorText().c_str());
    QCOMPARE(g.outH(), 1);
    QCOMPARE(g.resolvedPadding(), (Padding{499998, 499998, 499998, 499998}));
    QCOMPARE(g.rows.inputCount[0], 4);
    QCOMPARE(g.rows.paddedCount[0], 1000000);
    QCOMPARE(g.coverage(3, 3), 1);
    QCOMPARE(forward(oneTo16(), p).values, Tensor::fromRows({{16}}));
    p.mode = PoolMode::Avg;
    QCOMPARE(forward(oneTo16(), p).values, Tensor::fromRows({{8.5f}}));
    // Its animation would draw 10⁶ × 10⁶ taps: refused, with the numbers.
    try {
        makeTrace(oneTo16(), p, Phase::Forward);
        QFAIL("a trace of 10¹² taps was built");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QStringLiteral("the animation would draw 10¹² window taps in all, above the "
                                "limit of 4.0·10⁶"));
    }
}

void TestLimits::configurableLimit()
{
    PoolParams p = kernel(1);
    p.padding = {3, 3, 3, 3}; // 10×10 output
    QVERIFY(validate(p, 4, 4).ok());
    setCurrentLimits({99, 10'000});
    QCOMPARE(QString::fromStdString(validate(p, 4, 4).errorText()),
             QStringLiteral("output would be 10×10 = 100 values, above the limit of 99"));
    // An explicit Limits overrides the process-wide one.
    QVERIFY(validate(p, 4, 4, 1, Limits{100, 10}).ok());
    setCurrentLimits({0, -5, 4'000'000}); // raised to 1
    QCOMPARE(currentLimits(), (Limits{1, 1, 4'000'000}));
}

void TestLimits::traceLimits_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qint64>("maxSteps");
    QTest::addColumn<QString>("message");
    // The 529-step animation (23×23 at stride 1) is fine under the default…
    QTest::newRow("529 steps") << 23 << qint64(10'000) << QString();
    // …and refused under a limit of 100.
    QTest::newRow("529 steps, limit 100")
        << 23 << qint64(100) << "the animation would have 529 steps, above the limit of 100";
    // A 224×224 photo at stride 1: 50176 steps would take hours to render.
    QTest::newRow("224x224 at stride 1")
        << 224 << qint64(10'000)
        << "the animation would have 50176 steps, above the limit of 10000";
}

void TestLimits::traceLimits()
{
    QFETCH(int, size);
    QFETCH(qint64, maxSteps);
    QFETCH(QString, message);
    setCurrentLimits({Limits{}.values, maxSteps});
    const Tensor input(1, 1, size, size, 1.0f, 2);
    try {
        const Trace t = makeTrace(input, kernel(1), Phase::Forward);
        QVERIFY2(message.isEmpty(), "the trace was not refused");
        QCOMPARE(qint64(t.steps.size()), qint64(size) * size);
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromUtf8(e.what()), message);
    }
}

void TestLimits::tensorGuard()
{
    // The last line of defence: a tensor above the value limit is refused before allocating.
    setCurrentLimits({1000, 10});
    try {
        Tensor t(2, 3, 20, 10);
        QFAIL("a 1200-value tensor was allocated under a limit of 1000");
    } catch (const std::length_error &e) {
        QCOMPARE(
            QString::fromUtf8(e.what()),
            QStringLiteral("a 2×3×20×10 array would hold 1200 values, above the limit of 1000"));
    }
    // 65536 × 65536 × 65536 × 65536 overflows 64 bits: saturated, still refused.
    QVERIFY_THROWS_EXCEPTION(std::length_error, Tensor(65536, 65536, 65536, 65536));
}

void TestLimits::messagesHaveIds()
{
    PoolParams p = kernel(5);
    const Validation v = validate(p, 4, 4);
    QCOMPARE(v.errors.size(), std::size_t(1));
    QCOMPARE(v.errors[0].id, MessageId::KernelLargerThanInput);
    QCOMPARE(v.errors[0].args, (std::vector<std::string>{"5×5", "4×4"}));
    QCOMPARE(QString::fromUtf8(messageTemplate(MessageId::KernelLargerThanInput)),
             QStringLiteral("kernel %1 is larger than the input %2: no window fits"));
    QCOMPARE(QString::fromStdString(v.errors[0].text()),
             QStringLiteral("kernel 5×5 is larger than the input 4×4: no window fits"));
    // A translation may reorder the placeholders.
    QCOMPARE(QString::fromStdString(fillTemplate("%2 < %1 (%3)", {"a", "b"})),
             QStringLiteral("b < a (%3)"));
}

void TestLimits::geometryWithoutTapLists()
{
    // 7 inputs, k = 3, s = 2, d = 2, padding 2 and 1: windows start at −2, 0, 2 (out =
    // ⌊(7 + 3 − 5) / 2⌋ + 1 = 3); taps −2, 0, 2 | 0, 2, 4 | 2, 4, 6.
    const AxisGeometry a = computeAxis(7, 3, 2, 2, 2, 1, false);
    QCOMPARE(a.out, 3);
    QCOMPARE(a.start(2), 2);
    QCOMPARE(a.last(2), 6);
    QCOMPARE(a.tap(0, 0), (AxisTap{-2, TapKind::Padding}));
    QCOMPARE(a.firstInput(0), 0);
    QCOMPARE(a.inputCount, (std::vector<int>{2, 3, 3}));
    QCOMPARE(a.paddedCount, (std::vector<int>{3, 3, 3}));
    // Positions 0, 2, 4, 6 are read by 2, 3, 2, 1 windows; odd ones by none (the dilation).
    QCOMPARE(a.coverage, (std::vector<int>{2, 0, 3, 0, 2, 0, 1}));
    QVERIFY(a.reads(1, 4) && !a.reads(1, 3) && !a.reads(0, 4));
    QCOMPARE(a.outputsReading(2), (std::vector<int>{0, 1, 2}));
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
