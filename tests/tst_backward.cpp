// Backward pass and unpooling: average and Lp gradients against central finite differences of the
// forward pass; max and min gradients, ties and NaN worked out by hand; every mode on random
// shapes and parameters against the tap-by-tap reference (tests/reference.h), on 1 and 2 threads
// (the suite runs again as backward_generic on the baseline kernels); max- and average-unpooling
// of seed 001's 6×6 example.

#include "pool.h"
#include "reference.h"
#include "testutil.h"
#include "validation.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <string>

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::Tensor)
Q_DECLARE_METATYPE(poolviz::IndexTensor)
Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();
const float kInf = std::numeric_limits<float>::infinity();

IndexTensor indexMatrix(int h, int w, const std::vector<std::int64_t> &values)
{
    IndexTensor t = IndexTensor::matrix(h, w);
    t.data().assign(values.begin(), values.end());
    return t;
}

PoolParams sliding(PoolMode mode, int k, int s)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

PoolParams lp(double order, PoolParams p)
{
    p.mode = PoolMode::Lp;
    p.p = order;
    return p;
}

PoolParams padded(PoolParams p, int pad, bool includePad = true)
{
    p.padding = {pad, pad, pad, pad};
    p.countIncludePad = includePad;
    return p;
}

PoolParams ceiled(PoolParams p)
{
    p.ceilMode = true;
    return p;
}

PoolParams adaptive(PoolMode mode, int h, int w)
{
    PoolParams p;
    p.mode = mode;
    p.adaptiveOutput = Size2{h, w};
    return p;
}

PoolParams global(PoolMode mode)
{
    PoolParams p;
    p.mode = mode;
    p.global = true;
    return p;
}

/// Seed 000's 4×4 `conv_output`.
const Tensor seed000 = matrix(4, 4, {10, 12, 8, 7, 4, 11, 5, 9, 18, 13, 7, 7, 3, 15, 2, 2});
/// Seed 001's 6×6 matrix from np.random.seed(100).
const Tensor seed001 =
    matrix(6, 6, {8, 3,  7, 15, 16, 10, 2, 2, 2, 14, 2,  17, 16, 15, 4, 11, 16, 9,
                  2, 12, 4, 1,  13, 19, 4, 4, 3, 7,  17, 15, 1,  14, 7, 16, 2,  9});

} // namespace

class TestBackward : public QObject
{
    Q_OBJECT
private slots:
    void finiteDifferences_data();
    void finiteDifferences();
    void byHand_data();
    void byHand();
    void randomCasesAgreeWithReference_data();
    void randomCasesAgreeWithReference();
    void hugeWindowsAgreeWithReference_data();
    void hugeWindowsAgreeWithReference();
    void hugeKernelKeepsEveryShare_data();
    void hugeKernelKeepsEveryShare();
    void nonFiniteUpstream_data();
    void nonFiniteUpstream();
    void lpZeroTapsFollowPyTorch_data();
    void lpZeroTapsFollowPyTorch();
    void runningSumsLeaveNoResidue_data();
    void runningSumsLeaveNoResidue();
    void largeGradientIsStreamedExactly_data();
    void largeGradientIsStreamedExactly();
    void disjointAverageWindows_data();
    void disjointAverageWindows();
    void maxStride2Windows_data();
    void maxStride2Windows();
    void smallAverageWindows_data();
    void smallAverageWindows();
    void reusedGradientIsRewritten();
    void maxUnpoolSeed001();
    void defaultUnpoolSize_data();
    void defaultUnpoolSize();
    void maxUnpoolRejectsIndexOutsidePlane();
    void avgUnpoolSeed001();
};

void TestBackward::finiteDifferences_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");

    PoolParams divisor = sliding(PoolMode::Avg, 2, 1);
    divisor.divisorOverride = 3;
    PoolParams same = sliding(PoolMode::Avg, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    PoolParams dilated = sliding(PoolMode::Avg, 2, 1);
    dilated.dilation = {2, 2};

    QTest::newRow("avg overlapping k3 s1") << sliding(PoolMode::Avg, 3, 1) << 6 << 6;
    QTest::newRow("avg k3 s2 pad 1, count_include_pad")
        << padded(sliding(PoolMode::Avg, 3, 2), 1, true) << 6 << 7;
    QTest::newRow("avg k3 s2 pad 1, exclude pad")
        << padded(sliding(PoolMode::Avg, 3, 2), 1, false) << 6 << 7;
    QTest::newRow("avg k3 s2 pad 1 ceil")
        << ceiled(padded(sliding(PoolMode::Avg, 3, 2), 1)) << 6 << 6;
    QTest::newRow("avg k2 s1 divisor 3") << divisor << 4 << 5;
    QTest::newRow("avg SAME k3 s2") << same << 5 << 6;
    QTest::newRow("avg dilation 2") << dilated << 5 << 5;
    QTest::newRow("avg adaptive 5->3") << adaptive(PoolMode::Avg, 3, 3) << 5 << 5;
    QTest::newRow("avg global") << global(PoolMode::Avg) << 4 << 5;
    // Ceil mode with windows larger than the input (PyTorch answers these): 2×5 windows on 6×2
    // with one padding row, and a dilated 5×2 (span 9) on 6×2; the overhang is never counted.
    PoolParams wide;
    wide.kernel = {2, 5};
    wide.stride = Size2{2, 5};
    wide.padding = {1, 1, 0, 0};
    wide.ceilMode = true;
    PoolParams tall;
    tall.kernel = {5, 2};
    tall.stride = Size2{5, 2};
    tall.dilation = {2, 1};
    tall.padding = {0, 0, 1, 1};
    tall.ceilMode = true;
    for (bool include : {true, false}) {
        PoolParams p = wide;
        p.mode = PoolMode::Avg;
        p.countIncludePad = include;
        QTest::newRow(include ? "avg ceil 2x5 > input, include pad"
                              : "avg ceil 2x5 > input, exclude pad")
            << p << 6 << 2;
    }
    PoolParams tallAvg = tall;
    tallAvg.mode = PoolMode::Avg;
    QTest::newRow("avg ceil dilated 5x2 > input") << tallAvg << 6 << 2;
    PoolParams k2s3 = ceiled(sliding(PoolMode::Avg, 2, 3));
    QTest::newRow("avg ceil k2 s3 on 1x2") << k2s3 << 1 << 2;
    for (double order : {1.5, 2.0, 3.0}) {
        PoolParams a = wide, b = tall;
        a.mode = b.mode = PoolMode::Lp;
        a.p = b.p = order;
        const std::string p = "lp p=" + QByteArray::number(order).toStdString();
        QTest::newRow((p + " ceil 2x5 > input").c_str()) << a << 6 << 2;
        QTest::newRow((p + " ceil dilated 5x2 > input").c_str()) << b << 6 << 2;
    }
    for (double order : {1.5, 2.0, 3.0}) {
        const std::string p = "lp p=" + QByteArray::number(order).toStdString();
        QTest::newRow((p + " overlapping k3 s1").c_str())
            << lp(order, sliding(PoolMode::Lp, 3, 1)) << 5 << 6;
        QTest::newRow((p + " k3 s2 pad 1").c_str())
            << lp(order, padded(sliding(PoolMode::Lp, 3, 2), 1)) << 6 << 6;
        QTest::newRow((p + " k2 s2 ceil").c_str())
            << lp(order, ceiled(sliding(PoolMode::Lp, 2, 2))) << 5 << 5;
        QTest::newRow((p + " adaptive 5->3").c_str())
            << lp(order, adaptive(PoolMode::Lp, 3, 3)) << 5 << 5;
        QTest::newRow((p + " global").c_str()) << lp(order, global(PoolMode::Lp)) << 4 << 4;
    }
}

// The gradient of L(x) = Σ_o g_o·y_o(x), for a fixed random upstream g, is backward(x, g). Each
// input cell is perturbed by ±eps and (L(x+eps) − L(x−eps)) / (actual 2·eps) is compared with it.
// Inputs are smooth random positives in [0.5, 2] (Lp is smooth there; average is linear), the
// upstream is in [0.5, 1.5] so that no cancellation hides an error. The forward pass is float:
// each output carries a relative error ~6e-8, so L (a sum of ≤ 36 terms of size ~3) is off by
// ~1e-5 and the difference quotient by ~1e-5/0.02 = 5e-4; eps = 1e-2 keeps that small while the
// truncation error of the central difference, eps²·|f'''|/6 ~ 1e-4 for Lp, stays small too. The
// tolerance 2e-2 relative (plus 1e-3 absolute for near-zero slopes) covers both with a wide margin,
// yet a wrong divisor (off by one tap in 9: 11 %) or a missing term of a sum fails it.
void TestBackward::finiteDifferences()
{
    QFETCH(PoolParams, params);
    QFETCH(int, h);
    QFETCH(int, w);

    std::mt19937 rng(7u);
    const auto uniform = [&](double lo, double hi) {
        return lo + (hi - lo) * double(rng()) / double(std::mt19937::max());
    };
    Tensor x = Tensor::matrix(h, w);
    for (float &v : x.data())
        v = float(uniform(0.5, 2.0));
    const PoolResult y = forward(x, params);
    QVERIFY(y.values.size() > 0);
    Tensor g = y.values;
    for (float &v : g.data())
        v = float(uniform(0.5, 1.5));

    const auto loss = [&](const Tensor &input) {
        const Tensor out = forward(input, params, false).values;
        double sum = 0;
        for (std::size_t o = 0; o < out.size(); ++o)
            sum += double(g.data()[o]) * double(out.data()[o]);
        return sum;
    };
    const Tensor analytic = backward(x, params, g);
    QCOMPARE(analytic.shape(), x.shape());

    const double eps = 1e-2;
    for (std::size_t i = 0; i < x.size(); ++i) {
        Tensor plus = x, minus = x;
        plus.data()[i] = float(double(x.data()[i]) + eps);
        minus.data()[i] = float(double(x.data()[i]) - eps);
        const double step = double(plus.data()[i]) - double(minus.data()[i]);
        const double numeric = (loss(plus) - loss(minus)) / step;
        const double exact = analytic.data()[i];
        QVERIFY2(std::fabs(numeric - exact) <= 2e-2 * std::fabs(exact) + 1e-3,
                 qPrintable(QString("cell (%1,%2): backward %3, finite difference %4")
                                .arg(int(i) / w)
                                .arg(int(i) % w)
                                .arg(exact, 0, 'g', 8)
                                .arg(numeric, 0, 'g', 8)));
    }
}

void TestBackward::byHand_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Tensor>("upstream");
    QTest::addColumn<Tensor>("values");
    QTest::addColumn<IndexTensor>("indices"); // empty for avg
    QTest::addColumn<Tensor>("gradient");

    // Seed 000, max k2 s1 over
    //   10 12  8  7
    //    4 11  5  9
    //   18 13  7  7
    //    3 15  2  2
    // windows (by top-left corner) and the cell each picks:
    //   (0,0) {10,12,4,11} → 12 at (0,1)     (0,1) {12,8,11,5} → 12 at (0,1)   (0,2) {8,7,5,9} → 9
    //   at (1,3) (1,0) {4,11,18,13} → 18 at (2,0)     (1,1) {11,5,13,7} → 13 at (2,1)   (1,2)
    //   {5,9,7,7} → 9 at (1,3) (2,0) {18,13,3,15} → 18 at (2,0)     (2,1) {13,7,15,2} → 15 at (3,1)
    //   (2,2) {7,7,2,2} → 7 at (2,2)
    // (the last one a tie between (2,2) and (2,3): the first in row-major order wins).
    // With ones upstream (0,1), (1,3), (2,0) each collect 2 and (2,1), (2,2), (3,1) collect 1.
    const Tensor seed000Values = matrix(3, 3, {12, 12, 9, 18, 13, 9, 18, 15, 7});
    const IndexTensor seed000Indices = indexMatrix(3, 3, {1, 1, 7, 8, 9, 7, 8, 13, 10});
    QTest::newRow("max seed000 k2 s1, ones")
        << seed000 << sliding(PoolMode::Max, 2, 1) << Tensor::matrix(3, 3, 1.0f) << seed000Values
        << seed000Indices << matrix(4, 4, {0, 2, 0, 0, 0, 0, 0, 2, 2, 1, 1, 0, 0, 1, 0, 0});
    // Upstream 1..9 over the same windows: (0,1) gets 1+2 = 3, (1,3) gets 3+6 = 9, (2,0) gets
    // 4+7 = 11, (2,1) gets 5, (3,1) gets 8, (2,2) gets 9 (total 45 = 1+…+9).
    QTest::newRow("max seed000 k2 s1, upstream 1..9")
        << seed000 << sliding(PoolMode::Max, 2, 1) << matrix(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9})
        << seed000Values << seed000Indices
        << matrix(4, 4, {0, 3, 0, 0, 0, 0, 0, 9, 11, 5, 9, 0, 0, 8, 0, 0});

    // Min k2 s1 over [[4,1,6],[2,5,3],[7,0,8]]: (0,0) {4,1,2,5} → 1 at (0,1); (0,1) {1,6,5,3} → 1
    // at (0,1); (1,0) {2,5,7,0} → 0 at (2,1); (1,1) {5,3,0,8} → 0 at (2,1). Upstream [[1,2],[3,4]]:
    // (0,1) gets 1+2 = 3, (2,1) gets 3+4 = 7.
    QTest::newRow("min k2 s1") << matrix(3, 3, {4, 1, 6, 2, 5, 3, 7, 0, 8})
                               << sliding(PoolMode::Min, 2, 1) << matrix(2, 2, {1, 2, 3, 4})
                               << matrix(2, 2, {1, 1, 0, 0}) << indexMatrix(2, 2, {1, 1, 7, 7})
                               << matrix(3, 3, {0, 3, 0, 0, 0, 0, 0, 7, 0});

    // Ties over [[3,3,1],[3,3,1],[1,1,1]], k2 s1. Max: every window's first 3 wins: (0,0) of
    // {3,3,3,3}, (0,1) of {3,1,3,1}, (1,0) of {3,3,1,1}, (1,1) of {3,1,1,1}. Min: (0,0) of
    // {3,3,3,3}; the first 1 elsewhere: (0,2), (2,0), (1,2).
    const Tensor ties = matrix(3, 3, {3, 3, 1, 3, 3, 1, 1, 1, 1});
    QTest::newRow("max ties: first in row-major order")
        << ties << sliding(PoolMode::Max, 2, 1) << Tensor::matrix(2, 2, 1.0f)
        << Tensor::matrix(2, 2, 3.0f) << indexMatrix(2, 2, {0, 1, 3, 4})
        << matrix(3, 3, {1, 1, 0, 1, 1, 0, 0, 0, 0});
    QTest::newRow("min ties: first in row-major order")
        << ties << sliding(PoolMode::Min, 2, 1) << Tensor::matrix(2, 2, 1.0f)
        << matrix(2, 2, {3, 1, 1, 1}) << indexMatrix(2, 2, {0, 2, 6, 5})
        << matrix(3, 3, {1, 0, 1, 0, 0, 1, 1, 0, 0});

    // NaN propagates and the last NaN scanned takes the gradient. [[1,NaN,2],[3,4,5],[6,7,NaN]]
    // k2 s1: (0,0) and (0,1) hold the NaN at (0,1); (1,0) {3,4,6,7} → 7 at (2,1); (1,1) holds the
    // NaN at (2,2). Upstream [[1,2],[3,4]]: (0,1) gets 3, (2,1) gets 3, (2,2) gets 4.
    QTest::newRow("max NaN") << matrix(3, 3, {1, kNaN, 2, 3, 4, 5, 6, 7, kNaN})
                             << sliding(PoolMode::Max, 2, 1) << matrix(2, 2, {1, 2, 3, 4})
                             << matrix(2, 2, {kNaN, kNaN, 7, kNaN})
                             << indexMatrix(2, 2, {1, 1, 7, 8})
                             << matrix(3, 3, {0, 3, 0, 0, 0, 0, 0, 3, 4});
    // Two NaNs in one window: scanned (0,0), (1,0); the second, index 2, is the argmax.
    QTest::newRow("max two NaNs: the last wins")
        << matrix(2, 2, {kNaN, 1, kNaN, 2}) << sliding(PoolMode::Max, 2, 2) << matrix(1, 1, {5})
        << matrix(1, 1, {kNaN}) << indexMatrix(1, 1, {2}) << matrix(2, 2, {0, 0, 5, 0});
    QTest::newRow("min NaN") << matrix(2, 2, {1, 0, kNaN, 2}) << sliding(PoolMode::Min, 2, 2)
                             << matrix(1, 1, {5}) << matrix(1, 1, {kNaN}) << indexMatrix(1, 1, {2})
                             << matrix(2, 2, {0, 0, 5, 0});

    // Padding never wins, even over negative values: [[-5,-7],[-6,-8]], k2 s1, padding 1 gives a
    // 3×3 output whose windows hold (0,0) only; (0,0),(0,1); (0,1) only; … The argmaxes are
    // [[0,0,1],[0,0,1],[2,2,3]], so with ones (0,0) collects 4, (0,1) 2, (1,0) 2, (1,1) 1.
    QTest::newRow("max padding never wins over negative input")
        << matrix(2, 2, {-5, -7, -6, -8}) << padded(sliding(PoolMode::Max, 2, 1), 1)
        << Tensor::matrix(3, 3, 1.0f) << matrix(3, 3, {-5, -5, -7, -5, -5, -7, -6, -6, -8})
        << indexMatrix(3, 3, {0, 0, 1, 0, 0, 1, 2, 2, 3}) << matrix(2, 2, {4, 2, 2, 1});
    // k1 s1 padding 1 over [[5]]: only the centre window holds an input cell; the others give −∞,
    // index −1, and pass no gradient back.
    QTest::newRow("max windows without input")
        << matrix(1, 1, {5}) << padded(sliding(PoolMode::Max, 1, 1), 1)
        << Tensor::matrix(3, 3, 1.0f)
        << matrix(3, 3, {-kInf, -kInf, -kInf, -kInf, 5, -kInf, -kInf, -kInf, -kInf})
        << indexMatrix(3, 3, {-1, -1, -1, -1, 0, -1, -1, -1, -1}) << matrix(1, 1, {1});

    // Ceil mode, window larger than the input: max 5×2, dilation 2×1, stride 5×2, padding 0×1 on
    // 1..12 as 6×2 gives one row of windows (taps rows 0 2 4, rows 6 8 overhang) over columns
    // [−1,0] and [1,2]: 9 at index 8 and 10 at index 9 receive the upstream 2 and 3.
    PoolParams tall;
    tall.kernel = {5, 2};
    tall.stride = Size2{5, 2};
    tall.dilation = {2, 1};
    tall.padding = {0, 0, 1, 1};
    tall.ceilMode = true;
    QTest::newRow("max ceil dilated 5x2 > input")
        << matrix(6, 2, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) << tall << matrix(1, 2, {2, 3})
        << matrix(1, 2, {9, 10}) << indexMatrix(1, 2, {8, 9})
        << matrix(6, 2, {0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 0, 0});
    // min k2 s3 ceil on [3 −1]: one window (its second row is overhang), min −1 at index 1.
    QTest::newRow("min ceil k2 s3 > input")
        << matrix(1, 2, {3, -1}) << ceiled(sliding(PoolMode::Min, 2, 3)) << matrix(1, 1, {5})
        << matrix(1, 1, {-1}) << indexMatrix(1, 1, {1}) << matrix(1, 2, {0, 5});
    // avg 2×5 stride 2×5 padding 1×0 ceil, include pad, on 6×2: each window divides by 2·2 = 4
    // (the padding row counts, the overhang columns 2..4 do not), so every cell gets 1/4.
    PoolParams wide;
    wide.mode = PoolMode::Avg;
    wide.kernel = {2, 5};
    wide.stride = Size2{2, 5};
    wide.padding = {1, 1, 0, 0};
    wide.ceilMode = true;
    QTest::newRow("avg ceil 2x5 > input, include pad")
        << matrix(6, 2, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) << wide
        << Tensor::matrix(4, 1, 1.0f) << matrix(4, 1, {0.75, 4.5, 8.5, 5.75}) << IndexTensor()
        << Tensor::matrix(6, 2, 0.25f);

    // Seed 002: 1..16 averaged 2×2 → [[3.5,5.5],[11.5,13.5]]; each cell lies in one window of 4.
    QTest::newRow("avg seed002 k2, ones")
        << matrix(4, 4, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
        << sliding(PoolMode::Avg, 2, 2) << Tensor::matrix(2, 2, 1.0f)
        << matrix(2, 2, {3.5, 5.5, 11.5, 13.5}) << IndexTensor() << Tensor::matrix(4, 4, 0.25f);
    // Overlapping average k2 s1 over 1..9: the centre lies in 4 windows (4 × 1/4), edges in 2,
    // corners in 1.
    QTest::newRow("avg overlapping k2 s1, ones")
        << matrix(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9}) << sliding(PoolMode::Avg, 2, 1)
        << Tensor::matrix(2, 2, 1.0f) << matrix(2, 2, {3, 4, 6, 7}) << IndexTensor()
        << matrix(3, 3, {0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25});
}

void TestBackward::byHand()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(Tensor, upstream);
    QFETCH(Tensor, values);
    QFETCH(IndexTensor, indices);
    QFETCH(Tensor, gradient);

    const PoolResult result = forward(input, params);
    POOLVIZ_COMPARE_TENSORS(result.values, values, 0);
    POOLVIZ_COMPARE_TENSORS(result.indices, indices, 0);
    POOLVIZ_COMPARE_TENSORS(backward(input, params, upstream), gradient, 0);
}

namespace {

/// x with 17 digits, and −0 as "-0" (QString::number drops the sign of a zero).
QString signedText(float x)
{
    return x == 0 && std::signbit(x) ? QStringLiteral("-0") : QString::number(double(x), 'g', 17);
}

/// What a cell of backward's gradient must satisfy: `got` (one thread) at cell (r, c) of a plane,
/// where the tap-by-tap reference gives `expected`.
using CellCheck = std::function<bool(int r, int c, float got, double expected)>;

/// Backward of `x` for upstream `up` on one thread and on two, against ref::backward: both the
/// same bits at every cell, and `check` true there. Empty, or the first cell that is not.
QString checkAgainstReference(const Tensor &x, const PoolParams &params, const Tensor &up,
                              const CellCheck &check)
{
    setThreadCount(2);
    const Tensor two = backward(x, params, up);
    setThreadCount(1);
    const Tensor one = backward(x, params, up);
    setThreadCount(0);
    if (one.shape() != x.shape() || two.shape() != x.shape())
        return QStringLiteral("gradient shaped %1, input %2")
            .arg(QString::fromStdString(one.shapeString()),
                 QString::fromStdString(x.shapeString()));
    const int w = x.w();
    const ref::Plan plan = ref::plan(toRef(params), x.h(), w);
    for (int p = 0; p < x.planeCount(); ++p) {
        const std::vector<double> e = ref::backward(plan, x.planeData(p), up.planeData(p));
        const float *a = one.planeData(p), *b = two.planeData(p);
        for (std::size_t k = 0; k < e.size(); ++k)
            if (!sameFloat(a[k], b[k]) || !check(int(k) / w, int(k) % w, a[k], e[k]))
                return QStringLiteral("plane %1 cell (%2,%3): reference %4, backward %5 (one "
                                      "thread), %6 (two)")
                    .arg(p)
                    .arg(int(k) / w)
                    .arg(int(k) % w)
                    .arg(e[k], 0, 'g', 17)
                    .arg(signedText(a[k]), signedText(b[k]));
    }
    return {};
}

/// A random valid pooling of a random input: kernels 1–31 (mostly small), strides, dilations,
/// explicit/SAME/VALID padding, ceil mode, adaptive bins, divisor options; small integer values
/// (many ties) with NaN and ±∞ in some cases. `large` inputs (2 planes of about 175×215, above the
/// size from which pooling uses threads) are big enough to be split over threads.
struct RandomCase
{
    Tensor input;
    PoolParams params;
    bool specials = false;
};

RandomCase randomCase(std::mt19937 &rng, PoolMode mode, bool large)
{
    const auto between = [&](int lo, int hi) { return std::uniform_int_distribution(lo, hi)(rng); };
    const auto chance = [&](int percent) { return between(1, 100) <= percent; };
    for (;;) {
        RandomCase c;
        PoolParams &p = c.params;
        p.mode = mode;
        const int h = large ? between(160, 190) : between(1, 40);
        const int w = large ? between(205, 230) : between(1, 40);
        const auto kernel = [&] { return chance(30) ? between(1, 31) : between(1, 5); };
        p.kernel = {kernel(), kernel()};
        if (chance(80))
            p.stride = Size2{between(1, p.kernel.h + 2), between(1, p.kernel.w + 2)};
        if (chance(25))
            p.dilation = {between(1, 3), between(1, 3)};
        const int kind = between(1, 100);
        if (kind <= 10)
            p.paddingMode = PaddingMode::SameUpper;
        else if (kind <= 20)
            p.paddingMode = PaddingMode::SameLower;
        else if (kind <= 28)
            p.paddingMode = PaddingMode::Valid;
        else if (kind <= 36)
            p.adaptiveOutput = Size2{between(1, h + 2), between(1, w + 2)};
        else if (kind <= 40)
            p.global = true;
        else if (chance(60)) {
            const auto pad = [&](int k) { return between(0, (k + 1) / 2); };
            p.padding = {pad(p.kernel.h), pad(p.kernel.h), pad(p.kernel.w), pad(p.kernel.w)};
        }
        p.ceilMode = chance(30);
        p.countIncludePad = chance(50);
        if (mode == PoolMode::Avg && chance(15))
            p.divisorOverride = between(1, 20);
        if (mode == PoolMode::Lp)
            p.p = std::array{1.0, 1.5, 2.0, 3.0}[std::size_t(between(0, 3))];
        if (!validate(p, h, w).ok())
            continue;
        const int planes = large ? 2 : between(1, 3);
        c.input = Tensor(1, planes, h, w);
        c.specials = chance(25);
        for (float &v : c.input.data()) {
            v = float(between(-4, 4));
            if (c.specials && chance(5))
                v = std::array{kNaN, kInf, -kInf}[std::size_t(between(0, 2))];
        }
        return c;
    }
}

std::string describe(const RandomCase &c)
{
    const PoolParams &p = c.params;
    std::ostringstream o;
    o << modeName(p.mode) << " on " << c.input.shapeString() << ", kernel " << p.kernel.h << "x"
      << p.kernel.w << ", stride "
      << (p.stride ? std::to_string(p.stride->h) + "x" + std::to_string(p.stride->w) : "unset")
      << ", dilation " << p.dilation.h << "x" << p.dilation.w << ", padding mode "
      << int(p.paddingMode) << " " << p.padding.top << "," << p.padding.bottom << ","
      << p.padding.left << "," << p.padding.right << (p.ceilMode ? ", ceil" : "")
      << (p.global ? ", global" : "")
      << (p.adaptiveOutput ? ", adaptive " + std::to_string(p.adaptiveOutput->h) + "x" +
                                 std::to_string(p.adaptiveOutput->w)
                           : "")
      << (p.countIncludePad ? "" : ", exclude pad")
      << (p.divisorOverride ? ", divisor " + std::to_string(*p.divisorOverride) : "") << ", p "
      << p.p << (c.specials ? ", with NaN/inf" : "");
    return o.str();
}

} // namespace

void TestBackward::randomCasesAgreeWithReference_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("large");
    QTest::addColumn<int>("cases");
    for (PoolMode mode : {PoolMode::Max, PoolMode::Min, PoolMode::Avg, PoolMode::Lp})
        for (int threads : {1, 2}) {
            const std::string name = modeName(mode) + std::string(", ") + std::to_string(threads) +
                                     (threads == 1 ? " thread" : " threads");
            QTest::newRow((name + ", small").c_str()) << int(mode) << threads << false << 100;
            QTest::newRow((name + ", large").c_str()) << int(mode) << threads << true << 3;
        }
}

// backward() against ref::backward, which adds each window's share tap by tap in double from the
// definition (README: max/min add g at the argmax, average g/divisor at every in-input tap, Lp
// g·sign(x)·|x|^(p−1)·y^(1−p)). Upstream gradients are small integers: max/min sums are exact, so
// they must match bit for bit; average and Lp divide, so they match to 1e-5 and 1e-4 relative
// (the property suite's tolerances). Lp is compared on finite inputs only (its derivative is not
// defined at ±∞/NaN). Large cases are compared with the reference where it runs in reasonable
// time, and always with the single-thread result, bit for bit.
void TestBackward::randomCasesAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, threads);
    QFETCH(bool, large);
    QFETCH(int, cases);
    std::mt19937 rng(std::uint32_t(1000 * mode + 10 * threads + int(large)));
    int compared = 0;
    for (int i = 0; i < cases; ++i) {
        const RandomCase c = randomCase(rng, PoolMode(mode), large);
        const PoolResult pooled = forward(c.input, c.params, false);
        Tensor up = pooled.values;
        for (float &u : up.data())
            u = float(std::uniform_int_distribution(-3, 3)(rng));
        setThreadCount(threads);
        const Tensor grad = backward(c.input, c.params, up);
        setThreadCount(1);
        const Tensor single = backward(c.input, c.params, up);
        setThreadCount(0);
        const std::string context = "case " + std::to_string(i) + ": " + describe(c);
        QVERIFY2(grad.shape() == c.input.shape(), context.c_str());
        for (std::size_t k = 0; k < grad.size(); ++k)
            QVERIFY2(sameFloat(grad.data()[k], single.data()[k]),
                     qPrintable(QString::fromStdString(context) +
                                QStringLiteral(": cell %1 is %2 on %3 threads, %4 on one")
                                    .arg(k)
                                    .arg(double(grad.data()[k]))
                                    .arg(threads)
                                    .arg(double(single.data()[k]))));
        if (PoolMode(mode) == PoolMode::Lp && c.specials)
            continue;
        const ref::Plan plan = ref::plan(toRef(c.params), c.input.h(), c.input.w());
        const double taps = double(plan.rows.out) * plan.cols.out * c.params.kernel.h *
                            c.params.kernel.w * c.input.planeCount();
        if (taps > 1e6)
            continue;
        ++compared;
        for (int p = 0; p < c.input.planeCount(); ++p) {
            const std::vector<double> e =
                ref::backward(plan, c.input.planeData(p), up.planeData(p));
            const float *got = grad.planeData(p);
            for (std::size_t k = 0; k < e.size(); ++k) {
                const bool ok =
                    PoolMode(mode) == PoolMode::Max || PoolMode(mode) == PoolMode::Min
                        ? got[k] == float(e[k])
                        : closeTo(got[k], e[k], PoolMode(mode) == PoolMode::Avg ? 1e-5 : 1e-4);
                QVERIFY2(ok, qPrintable(QString::fromStdString(context) +
                                        QStringLiteral(": plane %1 cell (%2,%3): reference %4, "
                                                       "backward %5")
                                            .arg(p)
                                            .arg(int(k) / c.input.w())
                                            .arg(int(k) % c.input.w())
                                            .arg(e[k], 0, 'g', 9)
                                            .arg(double(got[k]), 0, 'g', 9)));
            }
        }
    }
    QVERIFY2(compared >= cases / 3, qPrintable(QStringLiteral("only %1 compared").arg(compared)));
}

void TestBackward::hugeWindowsAgreeWithReference_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    // Windows so tall that up to 90 of them read one input row (average then adds each spread
    // row to its rows rather than keeping them all), and ones longer than the input under SAME.
    for (PoolMode mode : {PoolMode::Avg, PoolMode::Max, PoolMode::Lp}) {
        PoolParams tall = sliding(mode, 1, 1);
        tall.kernel = {90, 3};
        tall.paddingMode = PaddingMode::SameUpper;
        const std::string m = modeName(mode);
        QTest::newRow((m + " 90x3/1 SAME on 100x7").c_str()) << tall << 100 << 7;
        PoolParams dilated = tall;
        dilated.kernel = {40, 2};
        dilated.dilation = {3, 2};
        dilated.paddingMode = PaddingMode::SameLower;
        QTest::newRow((m + " 40x2 dilated 3x2 SAME_LOWER on 90x9").c_str()) << dilated << 90 << 9;
        PoolParams longer = tall;
        longer.kernel = {300, 2};
        longer.stride = Size2{2, 1};
        QTest::newRow((m + " 300x2/2x1 SAME on 70x5").c_str()) << longer << 70 << 5;
    }
}

void TestBackward::hugeWindowsAgreeWithReference()
{
    QFETCH(PoolParams, params);
    QFETCH(int, h);
    QFETCH(int, w);
    std::mt19937 rng(11u);
    Tensor x(1, 2, h, w);
    for (float &v : x.data())
        v = float(std::uniform_int_distribution(1, 6)(rng)); // positive: Lp is smooth there
    Tensor up = forward(x, params, false).values;
    for (float &u : up.data())
        u = float(std::uniform_int_distribution(-3, 3)(rng));
    const Tensor grad = backward(x, params, up);
    const ref::Plan plan = ref::plan(toRef(params), h, w);
    for (int p = 0; p < x.planeCount(); ++p) {
        const std::vector<double> e = ref::backward(plan, x.planeData(p), up.planeData(p));
        for (std::size_t k = 0; k < e.size(); ++k) {
            const float got = grad.planeData(p)[k];
            const bool ok = params.mode == PoolMode::Max
                                ? got == float(e[k])
                                : closeTo(got, e[k], params.mode == PoolMode::Avg ? 1e-5 : 1e-4);
            QVERIFY2(ok,
                     qPrintable(QStringLiteral("plane %1 cell (%2,%3): reference %4, backward %5")
                                    .arg(p)
                                    .arg(int(k) / w)
                                    .arg(int(k) % w)
                                    .arg(e[k], 0, 'g', 9)
                                    .arg(double(got), 0, 'g', 9)));
        }
    }
}

void TestBackward::hugeKernelKeepsEveryShare_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("avg") << int(PoolMode::Avg);
    QTest::newRow("max") << int(PoolMode::Max);
    QTest::newRow("min") << int(PoolMode::Min);
}

// A kernel of 10⁹ columns, dilated 2, under SAME padding (windows almost wholly padding) on a 5×6
// input: the work follows the windows, not k (a loop over the taps would not end in any reasonable
// time). SAME divides by the in-input count, so each window's shares add up to its upstream value,
// as does a max or min window's single share: the gradient sums to the upstream's sum (small
// integers, exact).
void TestBackward::hugeKernelKeepsEveryShare()
{
    QFETCH(int, mode);
    PoolParams p = sliding(PoolMode(mode), 1, 1);
    p.kernel = {2, 1000000000};
    p.dilation = {1, 2};
    p.paddingMode = PaddingMode::SameUpper;
    Tensor x = Tensor::matrix(5, 6);
    for (int i = 0; i < 30; ++i)
        x.data()[std::size_t(i)] = float((i * 7) % 11);
    Tensor up = forward(x, p, false).values;
    QCOMPARE(up.h(), 5);
    QCOMPARE(up.w(), 6);
    double upSum = 0;
    for (std::size_t i = 0; i < up.size(); ++i) {
        up.data()[i] = float(int(i % 5) - 2);
        upSum += up.data()[i];
    }
    const Tensor grad = backward(x, p, up);
    double sum = 0;
    for (const float v : grad.data())
        sum += v;
    QVERIFY2(std::fabs(sum - upSum) <= 1e-4,
             qPrintable(QStringLiteral("gradient sums to %1, upstream to %2").arg(sum).arg(upSum)));
}

void TestBackward::nonFiniteUpstream_data()
{
    QTest::addColumn<PoolParams>("params");
    // Stride-1 windows long enough that average backward keeps running sums along the rows and
    // down the columns: a window with an infinite or NaN upstream must not leak into cells it
    // does not cover (a sum minus what left would turn ∞ into NaN there).
    QTest::newRow("avg 5x10/1") << sliding(PoolMode::Avg, 1, 1);
    QTest::newRow("avg 3x3/2") << sliding(PoolMode::Avg, 3, 2);
    QTest::newRow("max 3x3/1") << sliding(PoolMode::Max, 3, 1);
}

void TestBackward::nonFiniteUpstream()
{
    QFETCH(PoolParams, params);
    if (QByteArray(QTest::currentDataTag()).startsWith("avg 5x10"))
        params.kernel = {5, 10};
    const int h = 24, w = 40;
    Tensor x = Tensor::matrix(h, w);
    for (int i = 0; i < h * w; ++i)
        x.data()[std::size_t(i)] = float((i * 37) % 23);
    Tensor up = forward(x, params, false).values;
    for (std::size_t i = 0; i < up.size(); ++i)
        up.data()[i] = float(int(i % 7) - 3);
    up.data()[up.size() / 3] = kInf;
    up.data()[up.size() / 2] = -kInf;
    up.data()[2 * up.size() / 3] = kNaN;
    int finite = 0;
    const QString failure =
        checkAgainstReference(x, params, up, [&](int, int, float got, double expected) {
            finite += std::isfinite(expected);
            return closeTo(got, expected, 1e-5);
        });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(finite > 0 && finite < h * w); // both kinds of cells occur
}

// Lp at a zero input: PyTorch differentiates x^p there, so sign(0) counts as +1. Over
//    0 1 | 2 0
//    3 0 | 0 0
// with 2×2 windows (stride 2) and upstream 1 (PyTorch 1.13, F.lp_pool2d(x, p, 2).backward(ones)):
// - p = 1: y = 4 and 2, a sum, so every tap gets 1, the zeros included (not 0).
// - p = 2: y = √10 and 2; x/y at each tap: 0, 1/√10, 3/√10 and 2/2 = 1; the zeros get 0.
// - p = 0.5: y = (√1 + √3)² = 4 + 2√3 and (√2)² = 2; (y/x)^0.5 at each tap: √(4 + 2√3) = 1 + √3,
//   (1 + √3)/√3 and 1; the zeros get +∞ (PyTorch: inf).
// - an all-zero window (y = 0) passes nothing on for p ≥ 1 (PyTorch: relu'(0) = 0; for p < 1
//   PyTorch gives NaN there, see core/README.md).
void TestBackward::lpZeroTapsFollowPyTorch_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<Tensor>("gradient");
    const Tensor x = Tensor::fromRows({{0, 1, 2, 0}, {3, 0, 0, 0}});
    const float r10 = float(1 / std::sqrt(10.0)), r3 = float(std::sqrt(3.0));
    QTest::newRow("p=1") << 1.0 << x << Tensor::fromRows({{1, 1, 1, 1}, {1, 1, 1, 1}});
    QTest::newRow("p=2") << 2.0 << x << Tensor::fromRows({{0, r10, 1, 0}, {3 * r10, 0, 0, 0}});
    QTest::newRow("p=0.5") << 0.5 << x
                           << Tensor::fromRows(
                                  {{kInf, 1 + r3, 1, kInf}, {(1 + r3) / r3, kInf, kInf, kInf}});
    const Tensor zeros = Tensor::fromRows({{0, 0, 2, 0}, {0, 0, 0, 0}});
    QTest::newRow("p=1, all-zero window")
        << 1.0 << zeros << Tensor::fromRows({{0, 0, 1, 1}, {0, 0, 1, 1}});
    QTest::newRow("p=3, all-zero window")
        << 3.0 << zeros << Tensor::fromRows({{0, 0, 1, 0}, {0, 0, 0, 0}});
}

void TestBackward::lpZeroTapsFollowPyTorch()
{
    QFETCH(double, p);
    QFETCH(Tensor, input);
    QFETCH(Tensor, gradient);
    PoolParams params = lp(p, sliding(PoolMode::Lp, 2, 2));
    const Tensor up = Tensor::fromRows({{1, 1}});
    POOLVIZ_COMPARE_TENSORS(backward(input, params, up), gradient, 1e-6);
}

// Stride-1 average backward slides sums of the shares g/divisor down the rows (from 4 windows per
// row) and along the columns (from 9): shares like g/25 are not exact in double, so adding and
// later subtracting them leaves a residue (PyTorch's random cases showed −3.3·10⁻¹⁶). A cell whose
// windows all have upstream 0 must get 0 exactly, as PyTorch gives, and the others the reference.
void TestBackward::runningSumsLeaveNoResidue_data()
{
    QTest::addColumn<int>("kh");
    QTest::addColumn<int>("kw");
    QTest::newRow("avg 5x5/1, running rows") << 5 << 5;
    QTest::newRow("avg 1x12/1, running columns") << 1 << 12;
    QTest::newRow("avg 12x12/1, both") << 12 << 12;
}

void TestBackward::runningSumsLeaveNoResidue()
{
    QFETCH(int, kh);
    QFETCH(int, kw);
    PoolParams params = sliding(PoolMode::Avg, 1, 1);
    params.kernel = {kh, kw};
    const int h = 48, w = 300;
    Tensor x = Tensor::matrix(h, w, 1.0f);
    Tensor up = forward(x, params, false).values;
    const int outH = up.h(), outW = up.w();
    // Upstream −4 … 4 in the top-left output block, 0 in the last 16 output rows and columns.
    for (int oy = 0; oy < outH; ++oy)
        for (int ox = 0; ox < outW; ++ox)
            up.data()[std::size_t(oy * outW + ox)] =
                oy < outH - 16 && ox < outW - 16 ? float((oy * 7 + ox * 3) % 9 - 4) : 0.0f;
    int zeros = 0;
    const QString failure =
        checkAgainstReference(x, params, up, [&](int r, int c, float got, double expected) {
            // Windows oy ∈ [r − kh + 1, r] and ox ∈ [c − kw + 1, c] read (r, c); where all of
            // them have upstream 0, the cell is 0 exactly (no residue of the running sums).
            if (r - kh + 1 >= outH - 16 || c - kw + 1 >= outW - 16) {
                ++zeros;
                return got == 0.0f;
            }
            return closeTo(got, expected, 1e-5);
        });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(zeros > 15 * w); // the last rows at least
}

// A gradient of 2 planes of 1500×2800 (8.4·10⁶ values) is written with streaming stores; one
// plane alone (4.2·10⁶) is not. Both ways must give the same bits.
void TestBackward::largeGradientIsStreamedExactly_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::newRow("avg 3x3/1 pad 1") << padded(sliding(PoolMode::Avg, 3, 1), 1, false);
    QTest::newRow("max 3x3/2") << sliding(PoolMode::Max, 3, 2);
    PoolParams dilated = sliding(PoolMode::Min, 3, 1);
    dilated.dilation = {4, 2};
    QTest::newRow("min 3x3/1 dilated 4x2") << dilated;
}

void TestBackward::largeGradientIsStreamedExactly()
{
    QFETCH(PoolParams, params);
    const PoolParams &p = params;
    Tensor x(1, 2, 1500, 2800);
    std::mt19937 rng(5u);
    for (float &v : x.data())
        v = float(std::uniform_int_distribution(-9, 9)(rng));
    Tensor up = forward(x, p, false).values;
    for (float &u : up.data())
        u = float(std::uniform_int_distribution(-3, 3)(rng)) / 7.0f;
    const Tensor grad = backward(x, p, up);
    for (int c = 0; c < 2; ++c) {
        const Tensor one = backward(x.planeTensor(0, c), p, up.planeTensor(0, c));
        const float *all = grad.planeData(0, c);
        for (std::size_t i = 0; i < one.size(); ++i)
            if (!sameFloat(all[i], one.data()[i]))
                QFAIL(qPrintable(QStringLiteral("plane %1 cell %2: %3 streamed, %4 alone")
                                     .arg(c)
                                     .arg(i)
                                     .arg(double(all[i]))
                                     .arg(double(one.data()[i]))));
    }
    if (p.mode != PoolMode::Avg)
        return;
    // And the value of an inner cell by hand: nine windows of 9 cells each read it.
    double expected = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            expected += double(up.planeData(0, 1)[std::size_t(700 + dy) * 2800 + 1400 + dx]) / 9.0;
    QVERIFY(closeTo(grad.planeData(0, 1)[std::size_t(700) * 2800 + 1400], expected, 1e-6));
}

// Average windows that share no input cell (stride ≥ kernel, no dilation, along both axes) take
// their own path: each input row is its window row's shares g/divisor, written once. Against the
// reference, on 1 and 2 threads (bit for bit alike), with ±∞, NaN and −0 upstream: a −0 share
// gives +0 (the reference sums from 0), ±∞ and NaN reach only their own window's cells. Cells in
// no window (the rows and columns past the last window, the gaps of stride > kernel) are 0.
void TestBackward::disjointAverageWindows_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("planes");
    const PoolParams pairs = sliding(PoolMode::Avg, 2, 2);
    QTest::newRow("2x2/2 on 6x8") << pairs << 6 << 8 << 2;
    QTest::newRow("2x2/2 odd 7x9: last row and column in no window") << pairs << 7 << 9 << 1;
    QTest::newRow("2x2/2 ceil on 7x9") << ceiled(pairs) << 7 << 9 << 1;
    QTest::newRow("2x2/2 pad 1 on 5x7, include pad") << padded(pairs, 1, true) << 5 << 7 << 2;
    QTest::newRow("2x2/2 pad 1 on 5x7, exclude pad") << padded(pairs, 1, false) << 5 << 7 << 2;
    QTest::newRow("2x2/2 on 2x37") << pairs << 2 << 37 << 1;
    QTest::newRow("2x2/2 on 3x2") << pairs << 3 << 2 << 1;
    QTest::newRow("3x3/3 ceil pad 1 on 10x11")
        << ceiled(padded(sliding(PoolMode::Avg, 3, 3), 1, false)) << 10 << 11 << 1;
    PoolParams gaps = sliding(PoolMode::Avg, 1, 1);
    gaps.kernel = {2, 3};
    gaps.stride = Size2{3, 4};
    QTest::newRow("2x3 stride 3x4: gaps between windows") << gaps << 9 << 13 << 2;
    QTest::newRow("1x1/1") << sliding(PoolMode::Avg, 1, 1) << 3 << 4 << 1;
    PoolParams divisor = pairs;
    divisor.divisorOverride = 3;
    QTest::newRow("2x2/2 divisor 3") << divisor << 6 << 6 << 1;
    PoolParams same = pairs;
    same.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("2x2/2 SAME on 5x5") << same << 5 << 5 << 1;
    // Odd widths around the vector lanes, and a frame large enough to be streamed out (2·1500·2800
    // ≥ 2²³ values) and split into bands and over threads.
    for (int w : {15, 16, 17, 33, 63})
        QTest::newRow(("2x2/2 on 9x" + std::to_string(w)).c_str()) << pairs << 9 << w << 1;
    QTest::newRow("2x2/2 on 2x1500x2800, streamed") << pairs << 1500 << 2800 << 2;
    QTest::newRow("2x2/2 pad 1 ceil on 2x1500x2799, streamed")
        << ceiled(padded(pairs, 1, false)) << 1500 << 2799 << 2;
}

void TestBackward::disjointAverageWindows()
{
    QFETCH(PoolParams, params);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, planes);
    Tensor x(1, planes, h, w);
    std::mt19937 rng(std::uint32_t(h * 131 + w));
    for (float &v : x.data())
        v = float(std::uniform_int_distribution(-9, 9)(rng));
    Tensor up = forward(x, params, false).values;
    for (float &u : up.data())
        u = float(std::uniform_int_distribution(-9, 9)(rng)) / 7.0f;
    // Specials at spread-out windows (a few only, so most cells stay finite).
    const std::array<float, 4> specials{kInf, -kInf, kNaN, -0.0f};
    for (std::size_t i = 0; i < specials.size() && i < up.size(); ++i)
        up.data()[(2 * i + 1) * up.size() / 9] = specials[i];
    const QString failure =
        checkAgainstReference(x, params, up, [](int, int, float got, double expected) {
            return closeTo(got, expected, 1e-6) && (expected != 0 || !std::signbit(got));
        });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// Max and min over 3×3 windows at stride 2 wholly inside the input take their own path (each
// gradient row built whole from the windows' taps 0–8). Against the reference bit for bit (small
// integer upstream values sum exactly), on 1 and 2 threads: ties among small integers (the first
// extreme in row-major order), NaN and ±∞ in the input (the last NaN wins), ±∞, NaN and −0
// upstream (−0 alone gives +0, as a sum from 0 does); widths around the vector lanes and both
// parities (the last column in no window or not), heights across bands of 64 rows, and a frame
// large enough to be streamed out and split over threads.
void TestBackward::maxStride2Windows_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("planes");
    QTest::addColumn<bool>("specials");
    for (PoolMode mode : {PoolMode::Max, PoolMode::Min}) {
        const std::string m = modeName(mode);
        const auto row = [&](int h, int w, int planes, bool specials) {
            const std::string name = m + " " + std::to_string(planes) + "x" + std::to_string(h) +
                                     "x" + std::to_string(w) + (specials ? ", NaN/inf" : "");
            QTest::newRow(name.c_str()) << int(mode) << h << w << planes << specials;
        };
        row(3, 3, 1, false);
        for (int w : {4, 5, 16, 17, 18, 19, 33, 34, 35})
            row(7, w, 1, true);
        // The AVX2 copy takes 8 windows at a time and the last chunks from padded copies (from
        // the chunk whose 18 cells would pass the row end): 8, 9, 16, 17, 24, 25 and 32 windows.
        for (int w : {20, 36, 49, 50, 51, 52, 65, 66, 67})
            row(9, w, 1, true);
        row(129, 51, 3, true);
        for (int h : {5, 6, 64, 65, 66, 130})
            row(h, 35, 2, h % 2 == 0);
        row(1500, 2800, 2, true);
        row(1500, 2799, 2, false); // rows of every alignment
    }
}

void TestBackward::maxStride2Windows()
{
    QFETCH(int, mode);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, planes);
    QFETCH(bool, specials);
    const PoolParams params = sliding(PoolMode(mode), 3, 2);
    std::mt19937 rng(std::uint32_t(h * 1009 + w * 17 + mode));
    const auto between = [&](int lo, int hi) { return std::uniform_int_distribution(lo, hi)(rng); };
    Tensor x(1, planes, h, w);
    for (float &v : x.data()) {
        v = float(between(-2, 2)); // many ties
        if (specials && between(1, 100) <= 4)
            v = std::array{kNaN, kInf, -kInf}[std::size_t(between(0, 2))];
    }
    Tensor up = forward(x, params, false).values;
    for (float &u : up.data()) {
        u = float(between(-3, 3));
        if (specials && between(1, 100) <= 2)
            u = std::array{kNaN, kInf, -kInf, -0.0f}[std::size_t(between(0, 3))];
    }
    const QString failure =
        checkAgainstReference(x, params, up, [](int, int, float got, double expected) {
            return sameFloat(got, float(expected));
        });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// Average over small stride-1 windows (at most 3 rows and 8 columns, no dilation) takes its own
// path: each input row summed straight from its windows' upstream rows, down the rows, then along
// the row, in double, rounded once. Against the reference on 1 and 2 threads (bit for bit alike):
// every kernel width 1–8 with 1–3 rows, padding with and without the padded cells counted, ceil
// mode and SAME, odd widths, heights across bands of 64 rows, ±∞, NaN and −0 upstream (−0 gives
// +0, ±∞ and NaN reach only their own windows' cells), cells read by no window 0, and a frame
// large enough to be streamed out and split over threads.
void TestBackward::smallAverageWindows_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("planes");
    QTest::addColumn<bool>("negativeZeros"); // every upstream value −0
    const auto windows = [](int kh, int kw) {
        PoolParams p = sliding(PoolMode::Avg, 1, 1);
        p.kernel = {kh, kw};
        return p;
    };
    const auto name = [](const std::string &what, int kh, int kw, int h, int w) {
        return what + " " + std::to_string(kh) + "x" + std::to_string(kw) + "/1 on " +
               std::to_string(h) + "x" + std::to_string(w);
    };
    for (int kh = 1; kh <= 3; ++kh)
        for (int kw = 1; kw <= 8; ++kw)
            QTest::newRow(name("plain", kh, kw, 11, 29 + kw).c_str())
                << windows(kh, kw) << 11 << 29 + kw << 1 << false;
    for (int kw : {3, 5, 8}) {
        const PoolParams p = windows(3, kw);
        const int pad = kw / 2;
        PoolParams include = p, exclude = p;
        include.padding = {1, 1, pad, pad};
        exclude.padding = {1, 1, pad, pad};
        exclude.countIncludePad = false;
        QTest::newRow(name("pad, include", 3, kw, 9, 17).c_str())
            << include << 9 << 17 << 2 << false;
        QTest::newRow(name("pad, exclude", 3, kw, 9, 17).c_str())
            << exclude << 9 << 17 << 2 << false;
        PoolParams same = p;
        same.paddingMode = PaddingMode::SameUpper;
        QTest::newRow(name("SAME upper", 3, kw, 7, 13).c_str()) << same << 7 << 13 << 1 << false;
        same.paddingMode = PaddingMode::SameLower;
        QTest::newRow(name("SAME lower", 3, kw, 7, 13).c_str()) << same << 7 << 13 << 1 << false;
        QTest::newRow(name("ceil, pad", 3, kw, 8, 15).c_str())
            << ceiled(exclude) << 8 << 15 << 1 << false;
        PoolParams divisor = p;
        divisor.divisorOverride = 7;
        QTest::newRow(name("divisor 7", 3, kw, 6, 14).c_str()) << divisor << 6 << 14 << 1 << false;
    }
    QTest::newRow("2x1/1 on 5x4, upstream -0") << windows(2, 1) << 5 << 4 << 1 << true;
    QTest::newRow("3x3/1 on 6x7, upstream -0") << windows(3, 3) << 6 << 7 << 1 << true;
    QTest::newRow("3x3/1 on 3x3") << windows(3, 3) << 3 << 3 << 1 << false;
    QTest::newRow("3x3/1 on 2x130x37: bands") << windows(3, 3) << 130 << 37 << 2 << false;
    QTest::newRow("2x7/1 on 3x129x41: bands") << windows(2, 7) << 129 << 41 << 3 << false;
    QTest::newRow("3x3/1 pad 1 on 2x1500x2800, streamed")
        << padded(windows(3, 3), 1, false) << 1500 << 2800 << 2 << false;
    QTest::newRow("3x3/1 on 2x1500x2799, streamed: rows of every alignment")
        << windows(3, 3) << 1500 << 2799 << 2 << false;
}

void TestBackward::smallAverageWindows()
{
    QFETCH(PoolParams, params);
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, planes);
    QFETCH(bool, negativeZeros);
    Tensor x(1, planes, h, w, 1.0f);
    Tensor up = forward(x, params, false).values;
    std::mt19937 rng(std::uint32_t(h * 7919 + w * 31 + params.kernel.w));
    for (float &u : up.data())
        u = float(std::uniform_int_distribution(-9, 9)(rng)) / 7.0f;
    // Specials at spread-out windows.
    const std::array<float, 4> specials{kInf, -kInf, kNaN, -0.0f};
    for (std::size_t i = 0; i < specials.size() && up.size() > 40; ++i)
        up.data()[(2 * i + 1) * up.size() / 9] = specials[i];
    if (negativeZeros)
        std::fill(up.data().begin(), up.data().end(), -0.0f);
    const QString failure =
        checkAgainstReference(x, params, up, [](int, int, float got, double expected) {
            // A zero is +0 (shares that cancel may leave a residue far below float rounding).
            return closeTo(got, expected, 1e-6) && (got != 0.0f || !std::signbit(got));
        });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestBackward::reusedGradientIsRewritten()
{
    // A gradient buffer of the right shape full of NaN, and one of another shape: both come back
    // as the gradient, nothing of the old contents left.
    const Tensor x = matrix(3, 4, {1, 5, 2, 0, 3, 4, 9, 1, 0, 0, 7, 8});
    const PoolParams p = sliding(PoolMode::Max, 2, 2); // windows cover columns 0..3, rows 0..1
    const Tensor up = matrix(1, 2, {2, 3});
    const Tensor expected = matrix(3, 4, {0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0});
    Tensor grad = Tensor::matrix(3, 4, kNaN);
    const float *buffer = grad.data().data();
    backward(x, p, up, grad);
    POOLVIZ_COMPARE_TENSORS(grad, expected, 0);
    QCOMPARE(grad.data().data(), buffer); // the same memory, reused
    Tensor other = Tensor::matrix(7, 7, kNaN);
    backward(x, p, up, other);
    POOLVIZ_COMPARE_TENSORS(other, expected, 0);
    const PoolParams avg = sliding(PoolMode::Avg, 2, 2);
    Tensor averaged = Tensor::matrix(3, 4, kNaN);
    backward(x, avg, up, averaged);
    POOLVIZ_COMPARE_TENSORS(
        averaged, matrix(3, 4, {0.5, 0.5, 0.75, 0.75, 0.5, 0.5, 0.75, 0.75, 0, 0, 0, 0}), 0);
}

void TestBackward::maxUnpoolSeed001()
{
    const PoolParams params = sliding(PoolMode::Max, 3, 3);
    const PoolResult pooled = forward(seed001, params);
    POOLVIZ_COMPARE_TENSORS(pooled.values, matrix(2, 2, {16, 17, 14, 19}), 0);
    POOLVIZ_COMPARE_TENSORS(pooled.indices, indexMatrix(2, 2, {12, 11, 31, 23}), 0);
    // Seed 001's printed unpooling: 16 back at (2,0), 17 at (1,5), 14 at (5,1), 19 at (3,5).
    Tensor expected = Tensor::matrix(6, 6, 0.0f);
    expected.at(2, 0) = 16;
    expected.at(1, 5) = 17;
    expected.at(5, 1) = 14;
    expected.at(3, 5) = 19;
    POOLVIZ_COMPARE_TENSORS(maxUnpool(pooled.values, pooled.indices, 6, 6), expected, 0);
    // Unpooling is max pooling's backward with the pooled values as upstream.
    POOLVIZ_COMPARE_TENSORS(backward(seed001, params, pooled.values), expected, 0);
}

void TestBackward::defaultUnpoolSize_data()
{
    QTest::addColumn<int>("pooled");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padBefore");
    QTest::addColumn<int>("padAfter");
    QTest::addColumn<int>("size");
    // (in−1)·s − pb − pe + k
    QTest::newRow("seed001 2, k3 s3") << 2 << 3 << 3 << 0 << 0 << 6;
    QTest::newRow("3, k2 s1") << 3 << 2 << 1 << 0 << 0 << 4;
    QTest::newRow("4, k3 s2 pad 1,1") << 4 << 3 << 2 << 1 << 1 << 7;
    QTest::newRow("4, k3 s2 pad 0,1") << 4 << 3 << 2 << 0 << 1 << 8;
}

void TestBackward::defaultUnpoolSize()
{
    QFETCH(int, pooled);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padBefore);
    QFETCH(int, padAfter);
    QFETCH(int, size);
    QCOMPARE(poolviz::defaultUnpoolSize(pooled, kernel, stride, padBefore, padAfter), size);
}

void TestBackward::maxUnpoolRejectsIndexOutsidePlane()
{
    const Tensor pooled = matrix(2, 2, {16, 17, 14, 19});
    const IndexTensor indices = indexMatrix(2, 2, {12, 11, 40, 23});
    std::string message;
    try {
        maxUnpool(pooled, indices, 6, 6);
    } catch (const PoolError &e) {
        message = e.what();
    }
    QVERIFY2(!message.empty(), "maxUnpool accepted index 40 in a 6×6 plane");
    QVERIFY2(message.find("40") != std::string::npos, message.c_str());
    QVERIFY2(message.find("6\u00d76") != std::string::npos ||
                 message.find("6x6") != std::string::npos ||
                 message.find("36") != std::string::npos,
             message.c_str());
}

void TestBackward::avgUnpoolSeed001()
{
    const PoolParams params = sliding(PoolMode::Avg, 3, 3);
    const Tensor pooled = forward(seed001, params).values;
    // Window sums 59, 110, 51, 99 over 9 cells each.
    POOLVIZ_COMPARE_TENSORS(pooled, matrix(2, 2, {59.f / 9, 110.f / 9, 51.f / 9, 11}), 1e-5);
    // Seed 001's unpoolingAvg repeats each pooled value over its f×f block.
    Tensor expected = Tensor::matrix(6, 6);
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c)
            expected.at(r, c) = pooled.at(r / 3, c / 3);
    POOLVIZ_COMPARE_TENSORS(avgUnpool(pooled, params, 6, 6), expected, 0);
}

QTEST_GUILESS_MAIN(TestBackward)
#include "tst_backward.moc"
