// Forward pooling: every worked example of the seed documents, and the documented framework edge
// cases, each with its expected output computed by hand from the rules in DESIGN.md.

#include "examples.h"
#include "pool.h"
#include "testutil.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::Tensor)
Q_DECLARE_METATYPE(poolviz::IndexTensor)
Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {
const float inf = std::numeric_limits<float>::infinity();
const float NaN = std::numeric_limits<float>::quiet_NaN();

const Tensor convOutput = matrix(4, 4, {10, 12, 8, 7, 4, 11, 5, 9, 18, 13, 7, 7, 3, 15, 2, 2});
const Tensor seed100 =
    matrix(6, 6, {8, 3,  7, 15, 16, 10, 2, 2, 2, 14, 2,  17, 16, 15, 4, 11, 16, 9,
                  2, 12, 4, 1,  13, 19, 4, 4, 3, 7,  17, 15, 1,  14, 7, 16, 2,  9});
const Tensor small = matrix(4, 4, {6, 9, 9, 2, 6, 9, 6, 0, 8, 3, 4, 5, 9, 2, 3, 5});
const Tensor block = matrix(6, 4, {40, 24, 61, 60, 8,  11, 27, 5,  17, 41, 7,  41,
                                   44, 5,  47, 13, 31, 53, 40, 36, 31, 23, 39, 26});
const Tensor mean8 = matrix(8, 8, {19, 32, 28, 25, 31, 49, 17, 18, 4,  19, 50, 57, 29, 42, 5,  8,
                                   44, 16, 54, 13, 15, 1,  58, 50, 18, 36, 29, 12, 39, 45, 47, 44,
                                   34, 31, 17, 28, 35, 62, 30, 54, 38, 50, 14, 50, 25, 24, 36, 4,
                                   58, 27, 20, 34, 55, 22, 63, 59, 61, 30, 37, 24, 23, 34, 5,  16});
} // namespace

class TestPool : public QObject
{
    Q_OBJECT
private slots:
    void forward_data();
    void forward();
    void indices_data();
    void indices();
    void outputSize_data();
    void outputSize();
    void everyExampleReproducesItsSeed();
    void photoPooled224to112();
    void seed004Batch();
    void channelsAreIndependent();
    void invalidParamsThrow();
    void geometryGiven_data();
    void geometryGiven();
    void geometryMismatchThrows();
};

void TestPool::forward_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Tensor>("expected");

    // Seed 000: the 4×4 conv_output, 2×2 windows at stride 1 (9 pools) and stride 2 (4 pools).
    QTest::newRow("seed000 stride 1") << convOutput << params(PoolMode::Max, 2, 1)
                                      << matrix(3, 3, {12, 12, 9, 18, 13, 9, 18, 15, 7});
    QTest::newRow("seed000 stride 2")
        << convOutput << params(PoolMode::Max, 2, 2) << matrix(2, 2, {12, 9, 18, 7});
    // Seed 001: np.random.seed(100) 6×6, f = 3, s = 3.
    QTest::newRow("seed001 max f3 s3")
        << seed100 << params(PoolMode::Max, 3, 3) << matrix(2, 2, {16, 17, 14, 19});
    // Seed 002: 1..16 with MaxPool2d / AvgPool2d(2) and global pooling.
    QTest::newRow("seed002 max") << iota(4, 4, 1) << params(PoolMode::Max, 2)
                                 << matrix(2, 2, {6, 8, 14, 16});
    QTest::newRow("seed002 avg") << iota(4, 4, 1) << params(PoolMode::Avg, 2)
                                 << matrix(2, 2, {3.5, 5.5, 11.5, 13.5});
    PoolParams gAvg, gMax;
    gAvg.mode = PoolMode::Avg;
    gAvg.global = true;
    gMax.global = true;
    QTest::newRow("seed002 global avg") << iota(4, 4, 1) << gAvg << matrix(1, 1, {8.5});
    QTest::newRow("seed002 global max") << iota(4, 4, 1) << gMax << matrix(1, 1, {16});
    QTest::newRow("seed002 small max")
        << small << params(PoolMode::Max, 2) << matrix(2, 2, {9, 9, 9, 5});
    QTest::newRow("seed002 small avg")
        << small << params(PoolMode::Avg, 2) << matrix(2, 2, {7.5, 4.25, 5.5, 4.25});
    // Seed 003: the 6×4 reshape example and the 8×8 mean-pooling example.
    QTest::newRow("seed003 6x4 max")
        << block << params(PoolMode::Max, 2) << matrix(3, 2, {40, 61, 44, 47, 53, 40});
    QTest::newRow("seed003 8x8 mean") << mean8 << params(PoolMode::Avg, 2)
                                      << matrix(4, 4,
                                                {18.5, 40, 37.75, 12, 28.5, 27, 25, 49.75, 38.25,
                                                 27.25, 36.5, 31, 44, 28.75, 33.5, 35.75});

    // Ceil mode with a window larger than the (padded) input: PyTorch answers as long as the
    // first window starts inside, and so does PoolViz. Overhang taps never count and never win.
    // (1) max 2×1, stride 2×1 on a 1×12 row: rows ⌊(1 − 2 + 1)/2⌋ + 1 = 1 window [0, 1], row 1 is
    // overhang, so each column gives its own value.
    PoolParams ceilMax21;
    ceilMax21.kernel = {2, 1};
    ceilMax21.stride = Size2{2, 1};
    ceilMax21.ceilMode = true;
    QTest::newRow("ceil max 2x1 on 1x12") << iota(1, 12, 1) << ceilMax21 << iota(1, 12, 1);
    // (2) min k2 s3 on [3 −1]: rows ⌊(1 − 2 + 2)/3⌋ + 1 = 1, cols ⌊(2 − 2 + 2)/3⌋ + 1 = 1; the
    // window holds 3 and −1 (its second row is overhang): min −1.
    PoolParams ceilMin = params(PoolMode::Min, 2, 3);
    ceilMin.ceilMode = true;
    QTest::newRow("ceil min k2 s3 on 1x2")
        << matrix(1, 2, {3, -1}) << ceilMin << matrix(1, 1, {-1});
    // (3) avg 2×5, stride 2×5, padding 1×0 on 1..12 as 6×2: rows (6 + 2 − 2 + 1)/2 + 1 = 4
    // windows [−1,0] [1,2] [3,4] [5,6], cols one window [0, 4] of which 0, 1 are input, 2..4
    // overhang. Excluding padding: 3/2, 18/4, 34/4, 23/2.
    PoolParams ceilAvg25;
    ceilAvg25.mode = PoolMode::Avg;
    ceilAvg25.kernel = {2, 5};
    ceilAvg25.stride = Size2{2, 5};
    ceilAvg25.padding = {1, 1, 0, 0};
    ceilAvg25.ceilMode = true;
    ceilAvg25.countIncludePad = false;
    QTest::newRow("ceil avg 2x5 pad 1x0 exclude pad")
        << iota(6, 2, 1) << ceilAvg25 << matrix(4, 1, {1.5, 4.5, 8.5, 11.5});
    // Including padding the divisor counts the padding row but never the overhang: 2·2 = 4 for
    // every window, so 3/4, 18/4, 34/4, 23/4 (PyTorch: 0.75 4.5 8.5 5.75).
    PoolParams ceilAvg25In = ceilAvg25;
    ceilAvg25In.countIncludePad = true;
    QTest::newRow("ceil avg 2x5 pad 1x0 include pad")
        << iota(6, 2, 1) << ceilAvg25In << matrix(4, 1, {0.75, 4.5, 8.5, 5.75});
    // (4) max 5×2, dilation 2×1, stride 5×2, padding 0×1 on 1..12 as 6×2: the dilated kernel
    // spans 9 rows > 6, rows ⌊(6 − 9 + 4)/5⌋ + 1 = 1 window with taps 0 2 4 (6 8 overhang); cols
    // ⌊(2 + 2 − 2 + 1)/2⌋ + 1 = 2 windows [−1,0] [1,2]: max of 1 5 9 and of 2 6 10.
    PoolParams ceilDil;
    ceilDil.kernel = {5, 2};
    ceilDil.stride = Size2{5, 2};
    ceilDil.dilation = {2, 1};
    ceilDil.padding = {0, 0, 1, 1};
    ceilDil.ceilMode = true;
    QTest::newRow("ceil max 5x2 dilation 2x1") << iota(6, 2, 1) << ceilDil << matrix(1, 2, {9, 10});
    // Lp (p = 2) 2×5, stride 2×5 on 1..12 as 6×2: 3 row windows, one column window holding both
    // columns; PoolViz sums the in-input taps only: √(1+4+9+16), √(25+36+49+64), √(81+…+144).
    PoolParams ceilLp = ceilAvg25;
    ceilLp.mode = PoolMode::Lp;
    ceilLp.padding = {};
    QTest::newRow("ceil L2 2x5 on 6x2")
        << iota(6, 2, 1) << ceilLp
        << matrix(3, 1, {std::sqrt(30.0f), std::sqrt(174.0f), std::sqrt(446.0f)});

    // Average with ceil mode on 0..48, k = 2, s = 3: the last window [6, 8) is clipped to the
    // input (no padding), so it averages 1 or 2 cells: e.g. (6 + 13) / 2 = 9.5, and 48 alone.
    PoolParams ceilAvg = params(PoolMode::Avg, 2, 3);
    ceilAvg.ceilMode = true;
    QTest::newRow("avg ceil 7x7 k2 s3")
        << iota(7, 7) << ceilAvg << matrix(3, 3, {4, 7, 9.5, 25, 28, 30.5, 42.5, 45.5, 48});
    // TensorFlow SAME average on 1..9, k = 2, s = 2: one padding column/row at the end, never
    // counted: (3 + 6) / 2 = 4.5, (7 + 8) / 2 = 7.5, 9 / 1.
    PoolParams sameAvg = params(PoolMode::Avg, 2, 2);
    sameAvg.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("SAME avg 3x3") << iota(3, 3, 1) << sameAvg << matrix(2, 2, {3, 4.5, 7.5, 9});
    // SAME upper max on 1..25, k = 3, s = 2: padding 1 on each side (total 2).
    PoolParams sameMax = params(PoolMode::Max, 3, 2);
    sameMax.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("SAME max 5x5") << iota(5, 5, 1) << sameMax
                                  << matrix(3, 3, {7, 9, 10, 17, 19, 20, 22, 24, 25});
    // SAME_LOWER on a 1×4 row, k = 3, s = 2: out = ⌈4/2⌉ = 2, total padding (2−1)·2 + 3 − 4 = 1,
    // put before: windows [−1, 1] and [1, 3].
    PoolParams sameLower = params(PoolMode::Max, 3, 2);
    sameLower.paddingMode = PaddingMode::SameLower;
    QTest::newRow("SAME_LOWER max 1x4")
        << matrix(1, 4, {5, 1, 2, 9}) << sameLower << matrix(1, 2, {5, 9});
    PoolParams sameUpper1x4 = sameLower;
    sameUpper1x4.paddingMode = PaddingMode::SameUpper;
    // SAME (upper) puts the padding after: windows [0, 2] and [2, 4], so on 1 7 2 3 the second
    // window gives 3 where SAME_LOWER's [1, 3] gives 7.
    QTest::newRow("SAME upper vs lower")
        << matrix(1, 4, {1, 7, 2, 3}) << sameUpper1x4 << matrix(1, 2, {7, 3});
    QTest::newRow("SAME lower on same")
        << matrix(1, 4, {1, 7, 2, 3}) << sameLower << matrix(1, 2, {7, 7});
    // Dilation 2 on 1..25, k = 2, s = 1: taps (r, c), (r, c+2), (r+2, c), (r+2, c+2).
    PoolParams dil = params(PoolMode::Max, 2, 1);
    dil.dilation = {2, 2};
    QTest::newRow("dilation 2") << iota(5, 5, 1) << dil
                                << matrix(3, 3, {13, 14, 15, 18, 19, 20, 23, 24, 25});
    PoolParams dilAvg = dil;
    dilAvg.mode = PoolMode::Avg;
    // (1 + 3 + 11 + 13) / 4 = 7.
    QTest::newRow("dilation 2 avg")
        << iota(5, 5, 1) << dilAvg << matrix(3, 3, {7, 8, 9, 12, 13, 14, 17, 18, 19});
    // Max with padding: padded cells act as −∞, so an all-negative corner keeps its value.
    PoolParams pad1 = params(PoolMode::Max, 2, 2);
    pad1.padding = {1, 1, 1, 1};
    QTest::newRow("padding never wins")
        << matrix(2, 2, {-5, -6, -7, -8}) << pad1 << matrix(2, 2, {-5, -6, -7, -8});
    // Average with padding 1 and count_include_pad (PyTorch default): corners divide by 4.
    PoolParams padAvg = pad1;
    padAvg.mode = PoolMode::Avg;
    QTest::newRow("avg include pad")
        << matrix(2, 2, {4, 8, 12, 16}) << padAvg << matrix(2, 2, {1, 2, 3, 4});
    PoolParams padAvgEx = padAvg;
    padAvgEx.countIncludePad = false;
    QTest::newRow("avg exclude pad")
        << matrix(2, 2, {4, 8, 12, 16}) << padAvgEx << matrix(2, 2, {4, 8, 12, 16});
    PoolParams divisor = params(PoolMode::Avg, 2);
    divisor.divisorOverride = 3;
    QTest::newRow("divisor override") << iota(2, 2, 1) << divisor << matrix(1, 1, {10.0f / 3.0f});
    // Ceil mode with padding: in = 5, k = 3, s = 2, p = 1: ⌈(5+2−3)/2⌉+1 = 3 windows
    // [−1,1], [1,3], [3,5]; the last covers 3, 4 and the padding row 5.
    PoolParams ceilPad = params(PoolMode::Avg, 3, 2);
    ceilPad.padding = {1, 1, 1, 1};
    ceilPad.ceilMode = true;
    // Row windows: {pad,0,1} {1,2,3} {3,4,pad}; on 1×… use a 5×5 of ones: every divisor is 9
    // (include pad), so outputs are (in-input count)/9.
    QTest::newRow("avg ceil pad ones")
        << matrix(5, 5, std::vector<float>(25, 1.0f)) << ceilPad
        << matrix(3, 3,
                  {4.f / 9, 6.f / 9, 4.f / 9, 6.f / 9, 1, 6.f / 9, 4.f / 9, 6.f / 9, 4.f / 9});
    // Ties: the first tap in row-major order wins (value check here, index in indices()).
    QTest::newRow("ties") << matrix(2, 2, {3, 3, 3, 3}) << params(PoolMode::Max, 2)
                          << matrix(1, 1, {3});
    // NaN propagates through max, min and avg.
    QTest::newRow("NaN max") << matrix(2, 2, {1, NaN, 3, 2}) << params(PoolMode::Max, 2)
                             << matrix(1, 1, {NaN});
    QTest::newRow("NaN avg") << matrix(2, 2, {1, NaN, 3, 2}) << params(PoolMode::Avg, 2)
                             << matrix(1, 1, {NaN});
    QTest::newRow("NaN min") << matrix(2, 2, {1, 5, NaN, 2}) << params(PoolMode::Min, 2)
                             << matrix(1, 1, {NaN});
    QTest::newRow("inf max") << matrix(2, 2, {-inf, -inf, -inf, -inf}) << params(PoolMode::Max, 2)
                             << matrix(1, 1, {-inf});
    // Min = −max(−x).
    QTest::newRow("min seed000") << convOutput << params(PoolMode::Min, 2)
                                 << matrix(2, 2, {4, 5, 3, 2});
    // Lp with p = 2: sqrt(3² + 4²) = 5; p = 1: sum of |x|.
    PoolParams l2 = params(PoolMode::Lp, 2);
    QTest::newRow("L2") << matrix(2, 2, {3, 0, 0, -4}) << l2 << matrix(1, 1, {5});
    PoolParams l1 = l2;
    l1.p = 1;
    QTest::newRow("L1") << matrix(2, 2, {3, -1, 0, -4}) << l1 << matrix(1, 1, {8});
    // Adaptive 5 → 3: bins [0,2), [1,4), [3,5) on 1..5 (1×5) average: 1.5, 3, 4.5; max: 2, 4, 5.
    PoolParams adAvg;
    adAvg.mode = PoolMode::Avg;
    adAvg.adaptiveOutput = Size2{1, 3};
    QTest::newRow("adaptive avg 5->3") << iota(1, 5, 1) << adAvg << matrix(1, 3, {1.5, 3, 4.5});
    PoolParams adMax = adAvg;
    adMax.mode = PoolMode::Max;
    QTest::newRow("adaptive max 5->3") << iota(1, 5, 1) << adMax << matrix(1, 3, {2, 4, 5});
    // Dilated window with no in-bounds tap: k = 2, d = 3, padding 2 on a 1×1 input → taps −2, 1 /
    // none are inside for the first window? in=1, pb=pe=2: ek=4, out=⌊(1+4−4)/1⌋+1 = 2 windows
    // starting at −2 (taps −2, 1: none in the input) and −1 (taps −1, 2: none) → −∞.
    PoolParams empty = params(PoolMode::Max, 2, 1);
    empty.dilation = {3, 3};
    empty.padding = {2, 2, 2, 2};
    QTest::newRow("no in-bounds tap")
        << matrix(1, 1, {7}) << empty << matrix(2, 2, {-inf, -inf, -inf, -inf});
    PoolParams emptyAvg = empty;
    emptyAvg.mode = PoolMode::Avg;
    QTest::newRow("empty avg window is 0")
        << matrix(1, 1, {7}) << emptyAvg << matrix(2, 2, {0, 0, 0, 0});
}

void TestPool::forward()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(Tensor, expected);
    const PoolResult r = poolviz::forward(input, params);
    POOLVIZ_COMPARE_TENSORS(r.values, expected, 1e-6);
    // The values-only path must give the same numbers.
    const PoolResult fast = poolviz::forward(input, params, false);
    POOLVIZ_COMPARE_TENSORS(fast.values, expected, 1e-6);
}

void TestPool::indices_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<IndexTensor>("expected");
    auto idx = [](int h, int w, std::initializer_list<std::int64_t> v) {
        IndexTensor t = IndexTensor::matrix(h, w);
        t.data().assign(v);
        return t;
    };
    // Seed 001's max positions: 16 at (2, 0) → 12, 17 at (1, 5) → 11, 14 at (5, 1) → 31, 19 at (3,
    // 5) → 23.
    QTest::newRow("seed001") << seed100 << params(PoolMode::Max, 3, 3)
                             << idx(2, 2, {12, 11, 31, 23});
    QTest::newRow("seed000 s1") << convOutput << params(PoolMode::Max, 2, 1)
                                << idx(3, 3, {1, 1, 7, 8, 9, 7, 8, 13, 10});
    // Ties: first in row-major order; the (2, 2) window of seed000 holds 7, 7 in its first row.
    QTest::newRow("ties first") << matrix(2, 2, {3, 3, 3, 3}) << params(PoolMode::Max, 2)
                                << idx(1, 1, {0});
    QTest::newRow("ties second row")
        << matrix(2, 2, {1, 2, 5, 5}) << params(PoolMode::Max, 2) << idx(1, 1, {2});
    // NaN: the index is the last NaN scanned.
    QTest::newRow("last NaN") << matrix(2, 2, {NaN, 1, NaN, 2}) << params(PoolMode::Max, 2)
                              << idx(1, 1, {2});
    // All −∞: PyTorch keeps the first in-bounds tap.
    QTest::newRow("all -inf") << matrix(2, 2, {-inf, -inf, -inf, -inf}) << params(PoolMode::Max, 2)
                              << idx(1, 1, {0});
    PoolParams pad1 = params(PoolMode::Max, 2, 2);
    pad1.padding = {1, 1, 1, 1};
    // With padding the first in-bounds tap of the corner window is (0, 0).
    QTest::newRow("padding first in-bounds")
        << matrix(2, 2, {-inf, 1, 2, 3}) << pad1 << idx(2, 2, {0, 1, 2, 3});
    QTest::newRow("min ties") << matrix(2, 2, {4, 1, 1, 9}) << params(PoolMode::Min, 2)
                              << idx(1, 1, {1});
    PoolParams empty = params(PoolMode::Max, 2, 1);
    empty.dilation = {3, 3};
    empty.padding = {2, 2, 2, 2};
    QTest::newRow("no in-bounds tap") << matrix(1, 1, {7}) << empty << idx(2, 2, {-1, -1, -1, -1});
    PoolParams gMax;
    gMax.global = true;
    QTest::newRow("global max") << iota(4, 4, 1) << gMax << idx(1, 1, {15});
    // Ceil mode, windows larger than the input: the overhang never wins.
    PoolParams ceilMin = params(PoolMode::Min, 2, 3);
    ceilMin.ceilMode = true;
    QTest::newRow("ceil min k2 s3 on 1x2") << matrix(1, 2, {3, -1}) << ceilMin << idx(1, 1, {1});
    PoolParams ceilDil;
    ceilDil.kernel = {5, 2};
    ceilDil.stride = Size2{5, 2};
    ceilDil.dilation = {2, 1};
    ceilDil.padding = {0, 0, 1, 1};
    ceilDil.ceilMode = true;
    QTest::newRow("ceil max 5x2 dilation 2x1") << iota(6, 2, 1) << ceilDil << idx(1, 2, {8, 9});
}

void TestPool::indices()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(IndexTensor, expected);
    const PoolResult r = poolviz::forward(input, params);
    QVERIFY2(r.indices == expected, (str(r.indices) + " vs " + str(expected)).c_str());
}

void TestPool::outputSize_data()
{
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("pad");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<bool>("ceil");
    QTest::addColumn<int>("out");
    // PyTorch's documented ceil-mode cases.
    QTest::newRow("in32 k1 s2 ceil") << 32 << 1 << 2 << 0 << 1 << true << 16;
    QTest::newRow("in9 k4 s4 p2 ceil") << 9 << 4 << 4 << 2 << 1 << true << 3;
    QTest::newRow("in32 k8 s4 ceil") << 32 << 8 << 4 << 0 << 1 << true << 7;
    QTest::newRow("in32 k8 s4 floor") << 32 << 8 << 4 << 0 << 1 << false << 7;
    QTest::newRow("in5 k2 s2 floor") << 5 << 2 << 2 << 0 << 1 << false << 2;
    QTest::newRow("in5 k2 s2 ceil") << 5 << 2 << 2 << 0 << 1 << true << 3;
    QTest::newRow("in224 k2 s2") << 224 << 2 << 2 << 0 << 1 << false << 112;
    QTest::newRow("in321 k2 s2") << 321 << 2 << 2 << 0 << 1 << false << 160;
    QTest::newRow("in481 k2 s2") << 481 << 2 << 2 << 0 << 1 << false << 240;
    QTest::newRow("in100 k3 s2") << 100 << 3 << 2 << 0 << 1 << false << 49;
    QTest::newRow("in7 k3 s1 d2") << 7 << 3 << 1 << 0 << 2 << false << 3;
    QTest::newRow("in7 k3 s2 p1 d2 ceil") << 7 << 3 << 2 << 1 << 2 << true << 3;
    // Windows larger than the input: ceil mode still gives ⌊(in + 2p − ek + s − 1)/s⌋ + 1.
    QTest::newRow("in1 k2 s2 ceil") << 1 << 2 << 2 << 0 << 1 << true << 1;
    QTest::newRow("in2 k5 s5 ceil") << 2 << 5 << 5 << 0 << 1 << true << 1;
    QTest::newRow("in3 k4 s2 ceil") << 3 << 4 << 2 << 0 << 1 << true << 1;
    QTest::newRow("in4 k3 s3 d2 ceil") << 4 << 3 << 3 << 0 << 2 << true << 1;
}

void TestPool::outputSize()
{
    QFETCH(int, in);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, pad);
    QFETCH(int, dilation);
    QFETCH(bool, ceil);
    QFETCH(int, out);
    const AxisGeometry a = computeAxis(in, kernel, stride, dilation, pad, pad, ceil);
    QCOMPARE(a.out, out);
    PoolParams p = params(PoolMode::Max, kernel, stride);
    p.padding = {pad, pad, pad, pad};
    p.dilation = {dilation, dilation};
    p.ceilMode = ceil;
    const PoolResult r = poolviz::forward(Tensor::matrix(in, in, 1.0f), p);
    QCOMPARE(r.values.w(), out);
    QCOMPARE(r.values.h(), out);
}

void TestPool::everyExampleReproducesItsSeed()
{
    QVERIFY(examples().size() >= 11);
    for (const Example &e : examples()) {
        const PoolResult r = poolviz::forward(e.input, e.params);
        QVERIFY2(sameValues(r.values, e.expected, 1e-6), (e.id + ": " + str(r.values)).c_str());
        QVERIFY(findExample(e.id) == &e);
    }
    QVERIFY(findExample("no-such-example") == nullptr);
}

void TestPool::photoPooled224to112()
{
    // Seed 000 pools a 224×224 grayscale photo with 2×2/2 to 112×112; TensorFlow's MaxPool2D
    // agrees with the block maxima. A deterministic "photo": a smooth pattern with noise.
    Tensor photo = Tensor::matrix(224, 224);
    unsigned state = 12345;
    for (int r = 0; r < 224; ++r)
        for (int c = 0; c < 224; ++c) {
            state = state * 1103515245u + 12345u;
            photo.at(r, c) = float((r * 3 + c * 5 + (state >> 16) % 40) % 256);
        }
    const PoolResult r = poolviz::forward(photo, params(PoolMode::Max, 2, 2));
    QCOMPARE(r.values.h(), 112);
    QCOMPARE(r.values.w(), 112);
    for (int y = 0; y < 112; ++y)
        for (int x = 0; x < 112; ++x) {
            const float m =
                std::max(std::max(photo.at(2 * y, 2 * x), photo.at(2 * y, 2 * x + 1)),
                         std::max(photo.at(2 * y + 1, 2 * x), photo.at(2 * y + 1, 2 * x + 1)));
            QCOMPARE(r.values.at(y, x), m);
        }
}

void TestPool::seed004Batch()
{
    // Seed 004: NumPyNet's batch of 5 RGB 100×100 images, size 3, stride 2, no padding: the last
    // row/column is cropped, giving 49×49 per plane; each output is its window's maximum.
    Tensor batch(5, 3, 100, 100);
    unsigned state = 7;
    for (float &v : batch.data()) {
        state = state * 1664525u + 1013904223u;
        v = float(state >> 8) / float(1u << 24);
    }
    const PoolResult r = poolviz::forward(batch, params(PoolMode::Max, 3, 2));
    QCOMPARE(r.values.shape(), (std::array<int, 4>{5, 3, 49, 49}));
    for (int n = 0; n < 5; ++n)
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 49; y += 6)
                for (int x = 0; x < 49; x += 5) {
                    float m = -inf;
                    std::int64_t at = -1;
                    for (int i = 0; i < 3; ++i)
                        for (int j = 0; j < 3; ++j)
                            if (batch.at(n, c, 2 * y + i, 2 * x + j) > m) {
                                m = batch.at(n, c, 2 * y + i, 2 * x + j);
                                at = (2 * y + i) * 100 + 2 * x + j;
                            }
                    QCOMPARE(r.values.at(n, c, y, x), m);
                    QCOMPARE(r.indices.at(n, c, y, x), at);
                }
}

void TestPool::channelsAreIndependent()
{
    Tensor t(2, 3, 4, 4);
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = float((i * 37) % 101);
    const PoolParams p = params(PoolMode::Max, 2, 1);
    const PoolResult all = poolviz::forward(t, p);
    for (int n = 0; n < 2; ++n)
        for (int c = 0; c < 3; ++c) {
            const PoolResult one = poolviz::forward(t.planeTensor(n, c), p);
            QCOMPARE(all.values.planeTensor(n, c), one.values);
        }
}

void TestPool::invalidParamsThrow()
{
    PoolParams p = params(PoolMode::Max, 5, 1);
    p.dilation = {2, 2};
    p.padding = {1, 1, 1, 1};
    try {
        [[maybe_unused]] const PoolResult r = poolviz::forward(Tensor::matrix(4, 4, 1.0f), p);
        QFAIL("forward accepted a kernel that does not fit");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QString::fromUtf8(
                     "kernel 5\u00d75 with dilation 2 spans 9\u00d79, larger than the padded "
                     "input 6\u00d76: no window fits"));
    }
}

void TestPool::geometryGiven_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Tensor>("expected");
    // Seed 000's conv_output [[10 12 8 7] [4 11 5 9] [18 13 7 7] [3 15 2 2]], windows by hand.
    QTest::newRow("max 2x2 stride 1")
        << params(PoolMode::Max, 2, 1) << matrix(3, 3, {12, 12, 9, 18, 13, 9, 18, 15, 7});
    QTest::newRow("min 2x2 stride 2") << params(PoolMode::Min, 2, 2) << matrix(2, 2, {4, 5, 3, 2});
    // (10 + 12 + 4 + 11) / 4 = 9.25, (8 + 7 + 5 + 9) / 4 = 7.25, 49 / 4, 18 / 4.
    QTest::newRow("avg 2x2 stride 2")
        << params(PoolMode::Avg, 2, 2) << matrix(2, 2, {9.25f, 7.25f, 12.25f, 4.5f});
    PoolParams divided = params(PoolMode::Avg, 2, 2);
    divided.divisorOverride = 2;
    QTest::newRow("avg divisor override 2") << divided << matrix(2, 2, {18.5f, 14.5f, 24.5f, 9});
}

void TestPool::geometryGiven()
{
    // forward and backward with a geometry the caller computed give what they give from the
    // parameters: the values above, the same indices and the same input gradient.
    QFETCH(PoolParams, params);
    QFETCH(Tensor, expected);
    const Geometry g = computeGeometry(params, convOutput.h(), convOutput.w());
    QVERIFY(g.ok());
    const PoolResult given = poolviz::forward(convOutput, g);
    POOLVIZ_COMPARE_TENSORS(given.values, expected, 0);
    const PoolResult fromParams = poolviz::forward(convOutput, params);
    QCOMPARE(given.values, fromParams.values);
    QCOMPARE(given.indices, fromParams.indices);
    QCOMPARE(given.indices.empty(), !params.hasArgmax());
    QCOMPARE(given.geometry.rows, g.rows);
    QCOMPARE(given.geometry.cols, g.cols);
    QVERIFY(given.geometry.params == params);
    const Tensor upstream = iota(expected.h(), expected.w(), 1);
    QCOMPARE(poolviz::backward(convOutput, g, upstream),
             poolviz::backward(convOutput, params, upstream));
}

void TestPool::geometryMismatchThrows()
{
    const PoolParams p = params(PoolMode::Max, 2, 1);
    const Geometry for3x3 = computeGeometry(p, 3, 3);
    try {
        const PoolResult r = poolviz::forward(convOutput, for3x3);
        QFAIL("forward took a geometry made for another input size");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QString::fromUtf8("the geometry was computed for a 3\u00d73 input, not 4\u00d74"));
    }
    const Geometry invalid = computeGeometry(params(PoolMode::Max, 5, 1), 4, 4);
    try {
        const Tensor grad = poolviz::backward(convOutput, invalid, Tensor::matrix(1, 1));
        QFAIL("backward took an invalid geometry");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromStdString(e.what()),
                 QString::fromStdString(invalid.validation.errorText()));
    }
}

QTEST_GUILESS_MAIN(TestPool)
#include "tst_pool.moc"
