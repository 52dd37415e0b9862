// The unpool phase as data: seed 001's max-unpooling step by step, average-unpooling with
// overlapping windows worked out by hand, windows without an input cell, and the agreement of
// the last step with the core's maxUnpool / avgUnpool.

#include "examples.h"
#include "pool.h"
#include "testutil.h"
#include "unpooltrace.h"

#include <QTest>

using namespace poolviz;
using namespace poolviz::test;

namespace {

/// Seed 001's 6×6 matrix (np.random.seed(100)) from the built-in example; f = 3, s = 3 pools it
/// to [[16 17] [14 19]].
Tensor seed001Matrix()
{
    const Example *example = findExample("seed001-max");
    return example ? example->input : Tensor();
}

} // namespace

class TestUnpoolTrace : public QObject
{
    Q_OBJECT
private slots:
    void maxUnpoolSeed001StepByStep();
    void avgUnpoolOverlapTakesTheMean();
    void avgUnpoolSeed001EqualsCore();
    void sharedMaxIsPlacedNotAdded();
    void paddingOnlyWindowPlacesNothing();
    void outputIsCompleteFromTheStart();
};

void TestUnpoolTrace::maxUnpoolSeed001StepByStep()
{
    const Tensor seed001 = seed001Matrix();
    QCOMPARE(seed001.h(), 6);
    const PoolParams p = params(PoolMode::Max, 3, 3);
    const Trace t = makeUnpoolTrace(seed001, p);
    QCOMPARE(t.phase, Phase::Unpool);
    QCOMPARE(t.steps.size(), std::size_t(4));
    POOLVIZ_COMPARE_TENSORS(t.upstream, matrix(2, 2, {16, 17, 14, 19}), 0);
    // Seed 001's printed unpooling: 16 back at (2,0), 17 at (1,5), 14 at (5,1), 19 at (3,5).
    const int where[4][2] = {{2, 0}, {1, 5}, {5, 1}, {3, 5}};
    const float value[4] = {16, 17, 14, 19};
    for (int i = 0; i < 4; ++i) {
        const Step &s = t.steps[std::size_t(i)];
        QCOMPARE(s.phase, Phase::Unpool);
        QCOMPARE(s.upstream, value[i]);
        QCOMPARE(s.contributions.size(), std::size_t(1));
        QCOMPARE(s.contributions[0], (Contribution{where[i][0], where[i][1], value[i], value[i]}));
    }
    QCOMPARE(QString::fromStdString(t.steps[0].caption),
             QStringLiteral("Step 1 of 4: value 16 of output row 0, column 0 goes back to where "
                            "its max was, input row 2, column 0; the other cells of the window "
                            "stay 0"));
    Tensor afterTwo = Tensor::matrix(6, 6, 0.0f);
    afterTwo.at(2, 0) = 16;
    afterTwo.at(1, 5) = 17;
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(1), afterTwo, 0);
    Tensor expected = afterTwo;
    expected.at(5, 1) = 14;
    expected.at(3, 5) = 19;
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, expected, 0);
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(3), expected, 0);
    const PoolResult pooled = forward(seed001, p);
    POOLVIZ_COMPARE_TENSORS(maxUnpool(pooled.values, pooled.indices, 6, 6), expected, 0);
}

void TestUnpoolTrace::avgUnpoolOverlapTakesTheMean()
{
    // 1 2 3 / 4 5 6 / 7 8 9, avg 2×2 stride 1: the windows average to 3, 4, 6 and 7.
    const Trace t = makeUnpoolTrace(iota(3, 3, 1), params(PoolMode::Avg, 2, 1));
    QCOMPARE(t.steps.size(), std::size_t(4));
    POOLVIZ_COMPARE_TENSORS(t.upstream, matrix(2, 2, {3, 4, 6, 7}), 0);
    // Each cell holds the mean of the values of the windows over it: (1,1) is under all four,
    // (3 + 4 + 6 + 7) / 4 = 5; (0,1) under the first two, (3 + 4) / 2 = 3.5.
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, matrix(3, 3, {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7}),
                            0);
    // Step 2 (value 4) copies 4 to (0,1), (0,2), (1,1), (1,2); (0,1) and (1,1) already held 3.
    const Step &s = t.steps[1];
    QCOMPARE(s.contributions.size(), std::size_t(4));
    QCOMPARE(s.contributions[0], (Contribution{0, 1, 4, 3.5f}));
    QCOMPARE(s.contributions[1], (Contribution{0, 2, 4, 4}));
    QCOMPARE(s.contributions[2], (Contribution{1, 1, 4, 3.5f}));
    QCOMPARE(s.contributions[3], (Contribution{1, 2, 4, 4}));
    QCOMPARE(QString::fromStdString(s.caption),
             QStringLiteral("Step 2 of 4: value 4 of output row 0, column 1 is copied to the 4 "
                            "input cells of its window; 2 of them already held values from "
                            "earlier windows and now hold the mean of what they received"));
    POOLVIZ_COMPARE_TENSORS(t.inputGradient,
                            avgUnpool(t.result.values, params(PoolMode::Avg, 2, 1), 3, 3), 0);
}

void TestUnpoolTrace::avgUnpoolSeed001EqualsCore()
{
    const Tensor seed001 = seed001Matrix();
    const PoolParams p = params(PoolMode::Avg, 3, 3);
    const Trace t = makeUnpoolTrace(seed001, p);
    // Seed 001's unpoolingAvg repeats each pooled value over its 3×3 block.
    Tensor expected = Tensor::matrix(6, 6);
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c)
            expected.at(r, c) = t.result.values.at(r / 3, c / 3);
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, expected, 0);
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, avgUnpool(t.result.values, p, 6, 6), 0);
    QCOMPARE(t.steps[3].output, 11.0f); // 99 / 9
}

void TestUnpoolTrace::sharedMaxIsPlacedNotAdded()
{
    // The 9 in the centre wins all four 2×2 windows at stride 1: MaxUnpool2d writes it four
    // times at index 4, it never sums to 36.
    const Tensor input = matrix(3, 3, {1, 2, 3, 4, 9, 5, 6, 7, 8});
    const Trace t = makeUnpoolTrace(input, params(PoolMode::Max, 2, 1));
    for (const Step &s : t.steps)
        QCOMPARE(s.contributions, (std::vector<Contribution>{{1, 1, 9, 9}}));
    Tensor expected = Tensor::matrix(3, 3, 0.0f);
    expected.at(1, 1) = 9;
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, expected, 0);
}

void TestUnpoolTrace::paddingOnlyWindowPlacesNothing()
{
    // 1×1 windows over a 2×2 input padded by 1: the 12 ring windows hold only padding (−∞).
    PoolParams p = params(PoolMode::Max, 1, 1);
    p.padding = {1, 1, 1, 1};
    const Trace t = makeUnpoolTrace(matrix(2, 2, {5, 6, 7, 8}), p);
    QCOMPARE(t.steps.size(), std::size_t(16));
    QVERIFY(t.steps[0].contributions.empty());
    QCOMPARE(QString::fromStdString(t.steps[0].caption),
             QStringLiteral("Step 1 of 16: value \u2212\u221e of output row 0, column 0 has no "
                            "max position (the window holds no input cell): nothing is placed"));
    QCOMPARE(t.steps[5].contributions, (std::vector<Contribution>{{0, 0, 5, 5}}));
    POOLVIZ_COMPARE_TENSORS(t.inputGradient, matrix(2, 2, {5, 6, 7, 8}), 0);
}

void TestUnpoolTrace::outputIsCompleteFromTheStart()
{
    const Tensor seed001 = seed001Matrix();
    const Trace t = makeUnpoolTrace(seed001, params(PoolMode::Max, 3, 3));
    POOLVIZ_COMPARE_TENSORS(t.outputAfter(-1), matrix(2, 2, {16, 17, 14, 19}), 0);
    QCOMPARE(t.filledAfter(-1), std::vector<bool>(4, true));
    POOLVIZ_COMPARE_TENSORS(t.gradientAfter(-1), Tensor::matrix(6, 6, 0.0f), 0);
}

QTEST_GUILESS_MAIN(TestUnpoolTrace)
#include "tst_unpooltrace.moc"
