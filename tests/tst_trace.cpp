// The animation as data: steps, winners, rules, captions and the running output and gradient.

#include "testutil.h"
#include "trace.h"

#include <QTest>

#include <limits>

using namespace poolviz;
using namespace poolviz::test;

namespace {
const Tensor convOutput = matrix(4, 4, {10, 12, 8, 7, 4, 11, 5, 9, 18, 13, 7, 7, 3, 15, 2, 2});
}

class TestTrace : public QObject
{
    Q_OBJECT
private slots:
    void forwardSteps();
    void captions_data();
    void captions();
    void tieAndNaNRules();
    void runningOutput();
    void backwardMaxOverlaps();
    void backwardAverageSpreads();
    void backwardCustomUpstream();
    void planesAndErrors();
    void formatNumbers();
    void captionsNeverRoundSilently_data();
    void captionsNeverRoundSilently();
    void channelNames();
};

void TestTrace::forwardSteps()
{
    const Trace t = makeTrace(convOutput, params(PoolMode::Max, 2, 1), Phase::Forward);
    QCOMPARE(int(t.steps.size()), 9);
    const Step &s = t.steps[2];
    QCOMPARE(s.index, 2);
    QCOMPARE(s.outRow, 0);
    QCOMPARE(s.outCol, 2);
    QCOMPARE(s.taps, (std::vector<Tap>{{0, 2, TapKind::Input},
                                       {0, 3, TapKind::Input},
                                       {1, 2, TapKind::Input},
                                       {1, 3, TapKind::Input}}));
    QCOMPARE(s.values, (std::vector<float>{8, 7, 5, 9}));
    QCOMPARE(s.winners, (std::vector<int>{3}));
    QCOMPARE(s.rule, StepRule::Single);
    QCOMPARE(s.output, 9.0f);
    QCOMPARE(s.argmax, std::int64_t(7));
    // Padding taps are shown as −∞ for max.
    PoolParams p = params(PoolMode::Max, 2, 2);
    p.padding = {1, 1, 1, 1};
    const Trace padded = makeTrace(convOutput, p, Phase::Forward);
    QCOMPARE(padded.steps[0].values[0], -std::numeric_limits<float>::infinity());
    QCOMPARE(padded.steps[0].taps[3], (Tap{0, 0, TapKind::Input}));
    QCOMPARE(padded.steps[0].winners, (std::vector<int>{3}));
}

void TestTrace::captions_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("caption");
    QTest::newRow("max step 3")
        << int(PoolMode::Max) << 2
        << QString::fromUtf8("Step 3 of 9: input rows 0\u20131, columns 2\u20133: max(8, 7, 5, "
                             "9) = 9, found at input row 1, column 3 \u2192 output row 0, "
                             "column 2");
    QTest::newRow("max tie")
        << int(PoolMode::Max) << 8
        << QString::fromUtf8(
               "Step 9 of 9: input rows 2\u20133, columns 2\u20133: max(7, 7, 2, 2) = 7, found at "
               "input row 2, column 2 (tie with row 2, column 3: the first in row-major order "
               "wins) \u2192 output row 2, column 2");
    QTest::newRow("avg") << int(PoolMode::Avg) << 0
                         << QString::fromUtf8("Step 1 of 9: input rows 0\u20131, columns 0\u20131: "
                                              "(10 + 12 + 4 + 11) / 4 = 9.25 \u2192 output row 0, "
                                              "column 0");
    QTest::newRow("min") << int(PoolMode::Min) << 4
                         << QString::fromUtf8("Step 5 of 9: input rows 1\u20132, columns 1\u20132: "
                                              "min(11, 5, 13, 7) = 5, found at input row 1, column "
                                              "2 \u2192 output row 1, column 1");
}

void TestTrace::captions()
{
    QFETCH(int, mode);
    QFETCH(int, step);
    QFETCH(QString, caption);
    const Trace t = makeTrace(convOutput, params(PoolMode(mode), 2, 1), Phase::Forward);
    QCOMPARE(QString::fromStdString(t.steps[std::size_t(step)].caption), caption);
}

void TestTrace::tieAndNaNRules()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const Trace ties =
        makeTrace(matrix(2, 2, {5, 1, 5, 5}), params(PoolMode::Max, 2), Phase::Forward);
    QCOMPARE(ties.steps[0].rule, StepRule::Tie);
    QCOMPARE(ties.steps[0].winners, (std::vector<int>{0, 2, 3}));
    const Trace nans =
        makeTrace(matrix(2, 2, {nan, 1, nan, 5}), params(PoolMode::Max, 2), Phase::Forward);
    QCOMPARE(nans.steps[0].rule, StepRule::NaN);
    QCOMPARE(nans.steps[0].winners, (std::vector<int>{2}));
    QVERIFY(QString::fromStdString(nans.steps[0].caption)
                .contains("the last NaN scanned, at input row 1, column 0 \u2192 output row 0, "
                          "column 0"));
    // A dilated window in the padding has no input: NoInput, −∞.
    PoolParams p = params(PoolMode::Max, 2, 1);
    p.dilation = {3, 3};
    p.padding = {2, 2, 2, 2};
    const Trace empty = makeTrace(matrix(1, 1, {7}), p, Phase::Forward);
    QCOMPARE(empty.steps[0].rule, StepRule::NoInput);
    QVERIFY(empty.steps[0].winners.empty());
}

void TestTrace::runningOutput()
{
    const Trace t = makeTrace(convOutput, params(PoolMode::Max, 2, 2), Phase::Forward);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    POOLVIZ_COMPARE_TENSORS(t.outputAfter(-1), matrix(2, 2, {nan, nan, nan, nan}), 0);
    POOLVIZ_COMPARE_TENSORS(t.outputAfter(1), matrix(2, 2, {12, 9, nan, nan}), 0);
    POOLVIZ_COMPARE_TENSORS(t.outputAfter(3), matrix(2, 2, {12, 9, 18, 7}), 0);
    QCOMPARE(t.filledAfter(0), (std::vector<bool>{true, false, false, false}));
}

void TestTrace::backwardMaxOverlaps()
{
    // Max 2×2 stride 1 on seed 000 with upstream ones: cell (0, 1) = 12 wins windows (0, 0) and
    // (0, 1); (1, 3) = 9 wins (0, 2) and (1, 2); (2, 0) = 18 wins (1, 0) and (2, 0).
    const Trace t = makeTrace(convOutput, params(PoolMode::Max, 2, 1), Phase::Backward);
    QCOMPARE(int(t.steps.size()), 9);
    POOLVIZ_COMPARE_TENSORS(t.inputGradient,
                            matrix(4, 4, {0, 2, 0, 0, 0, 0, 0, 2, 2, 1, 1, 0, 0, 1, 0, 0}), 0);
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(8), t.inputGradient, 0);
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(0),
                            matrix(4, 4, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), 0);
    const Step &second = t.steps[1];
    QCOMPARE(second.contributions.size(), std::size_t(1));
    QCOMPARE(second.contributions[0], (Contribution{0, 1, 1.0f, 2.0f}));
    QCOMPARE(QString::fromStdString(second.caption),
             QString::fromUtf8("Step 2 of 9: gradient 1 of output row 0, column 1 goes to its max "
                               "at input row 0, column 1; the input gradient there is now 2"));
    // Backward shows the complete forward output throughout.
    POOLVIZ_COMPARE_TENSORS(t.outputAfter(-1), matrix(3, 3, {12, 12, 9, 18, 13, 9, 18, 15, 7}), 0);
}

void TestTrace::backwardAverageSpreads()
{
    // Average 2×2 stride 1 on 3×3: each window adds 1/4 to its four cells; the centre is in all
    // four windows and reaches 1.
    const Trace t = makeTrace(iota(3, 3), params(PoolMode::Avg, 2, 1), Phase::Backward);
    QCOMPARE(t.steps[0].contributions.size(), std::size_t(4));
    QCOMPARE(t.steps[0].contributions[0].amount, 0.25f);
    QCOMPARE(t.steps[0].divisor, 4.0);
    POOLVIZ_COMPARE_TENSORS(t.inputGradient,
                            matrix(3, 3, {0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25}), 0);
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(1),
                            matrix(3, 3, {0.25, 0.5, 0.25, 0.25, 0.5, 0.25, 0, 0, 0}), 0);
    QVERIFY(
        QString::fromStdString(t.steps[1].caption)
            .contains(
                "is spread as 1 / 4 = 0.25 over 4 input cells; 2 of them already held gradient"));
}

void TestTrace::backwardCustomUpstream()
{
    const Tensor up = matrix(2, 2, {1, 2, 3, 4});
    const Trace t = makeTrace(convOutput, params(PoolMode::Max, 2, 2), Phase::Backward, 0, up);
    // Maxima at (0, 1), (1, 3), (2, 0), (2, 2).
    POOLVIZ_COMPARE_TENSORS(t.inputGradient,
                            matrix(4, 4, {0, 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 0, 0, 0, 0, 0}), 0);
    QCOMPARE(t.steps[3].upstream, 4.0f);
}

void TestTrace::planesAndErrors()
{
    Tensor t(1, 2, 2, 2);
    t.data() = {1, 2, 3, 4, 8, 7, 6, 5};
    t.setRank(3);
    const Trace second = makeTrace(t, params(PoolMode::Max, 2), Phase::Forward, 1);
    QCOMPARE(second.steps[0].output, 8.0f);
    QVERIFY(
        QString::fromStdString(second.steps[0].caption).startsWith("Step 1 of 1 (channel 1): "));
    QVERIFY_THROWS_EXCEPTION(PoolError, makeTrace(t, params(PoolMode::Max, 2), Phase::Forward, 2));
    QVERIFY_THROWS_EXCEPTION(PoolError, makeTrace(t, params(PoolMode::Max, 2), Phase::Backward, 0,
                                                  Tensor::matrix(2, 2, 1.0f)));
    QVERIFY_THROWS_EXCEPTION(PoolError, makeTrace(t, params(PoolMode::Max, 3), Phase::Forward));
}

void TestTrace::formatNumbers()
{
    QCOMPARE(formatNumber(9), std::string("9"));
    QCOMPARE(formatNumber(-3), std::string("\u22123"));
    QCOMPARE(formatNumber(9.25), std::string("9.25"));
    QCOMPARE(formatNumber(1.0 / 3.0), std::string("0.3333"));
    QCOMPARE(formatNumber(std::numeric_limits<double>::infinity()), std::string("\u221e"));
    QCOMPARE(formatNumber(-std::numeric_limits<double>::infinity()), std::string("\u2212\u221e"));
    QCOMPARE(formatNumber(std::numeric_limits<double>::quiet_NaN()), std::string("NaN"));
}

void TestTrace::captionsNeverRoundSilently_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<double>("p");
    QTest::addColumn<int>("phase");
    QTest::addColumn<QString>("caption");
    // Lp on [[1, 2], [3, 4]]: Σ|x|² = 30, √30 = 5.4772…; Σ|x|³ = 100, ∛100 = 4.6416…;
    // Σ|x|⁵ = 1 + 32 + 243 + 1024 = 1300, 1300^(1/5) = 4.1955…: real superscripts and roots,
    // and "≈" since four digits are not the value.
    QTest::newRow("L2") << int(PoolMode::Lp) << 2.0 << int(Phase::Forward)
                        << QString::fromUtf8(
                               "Step 1 of 1: input rows 0\u20131, columns 0\u20131: "
                               "\u221a(|1|\u00b2 + |2|\u00b2 + |3|\u00b2 + "
                               "|4|\u00b2) \u2248 5.477 \u2192 output row 0, column 0");
    QTest::newRow("L3") << int(PoolMode::Lp) << 3.0 << int(Phase::Forward)
                        << QString::fromUtf8(
                               "Step 1 of 1: input rows 0\u20131, columns 0\u20131: "
                               "\u221b(|1|\u00b3 + |2|\u00b3 + |3|\u00b3 + "
                               "|4|\u00b3) \u2248 4.642 \u2192 output row 0, column 0");
    QTest::newRow("L5") << int(PoolMode::Lp) << 5.0 << int(Phase::Forward)
                        << QString::fromUtf8(
                               "Step 1 of 1: input rows 0\u20131, columns 0\u20131: "
                               "\u2075\u221a(|1|\u2075 + |2|\u2075 + |3|\u2075 + "
                               "|4|\u2075) \u2248 4.196 \u2192 output row 0, column 0");
    // Average: (1 + 2 + 3 + 4) / 4 = 2.5 exactly; backward 1 / 4 = 0.25 exactly.
    QTest::newRow("avg exact") << int(PoolMode::Avg) << 2.0 << int(Phase::Forward)
                               << QString::fromUtf8(
                                      "Step 1 of 1: input rows 0\u20131, columns 0\u20131: (1 + 2 "
                                      "+ 3 + 4) / 4 = 2.5 \u2192 output row 0, column 0");
    QTest::newRow("avg backward") << int(PoolMode::Avg) << 2.0 << int(Phase::Backward)
                                  << QString::fromUtf8(
                                         "Step 1 of 1: gradient 1 of output row 0, column 0 is "
                                         "spread as 1 / 4 = 0.25 over 4 input cells");
}

void TestTrace::captionsNeverRoundSilently()
{
    QFETCH(int, mode);
    QFETCH(double, p);
    QFETCH(int, phase);
    QFETCH(QString, caption);
    PoolParams params = poolviz::test::params(PoolMode(mode), 2);
    params.p = p;
    const Trace t = makeTrace(matrix(2, 2, {1, 2, 3, 4}), params, Phase(phase));
    QCOMPARE(QString::fromStdString(t.steps[0].caption), caption);
}

void TestTrace::channelNames()
{
    // 1/9 = 0.1111… is not four digits: the backward caption of a 3×3 average says "≈".
    const Trace ninth = makeTrace(iota(3, 3), params(PoolMode::Avg, 3), Phase::Backward);
    QVERIFY2(QString::fromStdString(ninth.steps[0].caption)
                 .contains(QString::fromUtf8("is spread as 1 / 9 \u2248 0.1111 over 9 input")),
             ninth.steps[0].caption.c_str());
    QVERIFY(shownExactly(0.25));
    QVERIFY(shownExactly(0.1f)); // the float nearest 0.1 is what "0.1" reads back as
    QVERIFY(!shownExactly(1.0f / 9.0f));
    QVERIFY(!shownExactly(37.75f, 3));
    // A batch of 2 samples with 2 channels: plane 3 is sample 1, channel 1.
    Tensor batch(2, 2, 2, 2);
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch.data()[i] = float(i);
    const Trace t = makeTrace(batch, params(PoolMode::Max, 2), Phase::Forward, 3);
    QVERIFY2(QString::fromStdString(t.steps[0].caption)
                 .startsWith("Step 1 of 1 (sample 1, channel 1): "),
             t.steps[0].caption.c_str());
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
