// Property test of the fast pooling paths (core/kernels): random shapes up to 80×80, kernels
// 1–31, strides, dilations, paddings, SAME, ceil mode, adaptive bins, NaN/±∞ and ties, each
// compared with the independent tap-by-tap reference in reference.h. The van Herk scheme down
// the rows and the doubling levels along the columns (stride 1, k ≥ 4), the tap loops, the band
// cuts and the thread split must all give the reference's values and indices; the thread count and
// buffer reuse must not change a single bit.

#include "kernels/exactsums.h"
#include "pool.h"
#include "reference.h"
#include "testutil.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace poolviz;
using poolviz::test::closeTo;
using poolviz::test::Random;
using poolviz::test::sameFloat;
using poolviz::test::toRef;

Q_DECLARE_METATYPE(poolviz::Tensor)
Q_DECLARE_METATYPE(poolviz::PoolParams)
Q_DECLARE_METATYPE(std::vector<float>)

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// What kind of values fill the input.
enum class Values
{
    Integers, ///< −9…9: sums are exact, so avg must match bit for bit
    Ties,     ///< 0…2: many equal maxima
    Specials, ///< integers with NaN, +∞ and −∞ sprinkled in
    Reals,    ///< uniform reals: sums agree within float rounding
    Bytes,    ///< 0…255, a third of them 0 or 255 (ties at both ends)
    Tiny, ///< integers, one in 20 a tiny real (±m·2⁻³⁰): the windows that hold one have no
          ///< exact sum in double, the others do (sliding sums switch between the two)
    Wide ///< ±m·2^e for e across float's range (denormals, 2⁻⁶⁰ beside 10³⁰), ±0, ties, and
         ///< one in 30 NaN, +∞ or −∞: sums of four such floats round even in double
};

/// A value of kind `values` (Integers, Ties, Specials, Reals, Tiny or Wide).
float randomValue(Random &rnd, Values values)
{
    switch (values) {
    case Values::Integers:
        return float(rnd.between(-9, 9));
    case Values::Ties:
        return float(rnd.between(0, 2));
    case Values::Specials: {
        const int s = rnd.between(0, 29);
        return s == 0 ? kNaN : s == 1 ? kInf : s == 2 ? -kInf : float(rnd.between(-5, 5));
    }
    case Values::Reals:
        return std::uniform_real_distribution<float>(-100.0f, 100.0f)(rnd.rng);
    case Values::Tiny:
        return rnd.between(0, 19) == 0 ? std::ldexp(float(rnd.between(-999, 999)), -30)
                                       : float(rnd.between(-9, 9));
    case Values::Wide: {
        const int s = rnd.between(0, 29);
        if (s < 3)
            return s == 0 ? kNaN : s == 1 ? kInf : -kInf;
        if (s < 6)
            return s == 3 ? 0.0f : s == 4 ? -0.0f : 1.0f;
        // Mantissas of 1 to 24 bits, exponents from denormal to near the largest float.
        const float m = float(rnd.between(-(1 << rnd.between(0, 23)), 1 << rnd.between(0, 23)));
        return std::ldexp(m, rnd.between(-170, 100));
    }
    case Values::Bytes:
        break;
    }
    const int s = rnd.between(0, 5);
    return s == 0 ? 0.0f : s == 1 ? 255.0f : float(rnd.between(0, 255));
}

struct Case
{
    PoolParams params;
    Tensor input;
};

std::string describeCase(const Case &c)
{
    const PoolParams &p = c.params;
    std::ostringstream os;
    os << modeName(p.mode) << " input " << c.input.shapeString();
    if (p.adaptiveOutput) {
        os << " adaptive " << p.adaptiveOutput->h << "x" << p.adaptiveOutput->w;
    } else {
        const Size2 s = p.effectiveStride();
        os << " kernel " << p.kernel.h << "x" << p.kernel.w << " stride " << s.h << "x" << s.w
           << " dilation " << p.dilation.h << "x" << p.dilation.w << " padding(t,b,l,r) "
           << p.padding.top << "," << p.padding.bottom << "," << p.padding.left << ","
           << p.padding.right << " paddingMode " << int(p.paddingMode) << " ceil " << p.ceilMode;
    }
    os << " countIncludePad " << p.countIncludePad << " p " << p.p;
    return os.str();
}

/// A random case whose parameters are valid for its input. Strides are mostly 1 (the van Herk
/// path) and kernels span 1–31 per axis.
Case randomCase(Random &rnd, PoolMode mode, Values values)
{
    auto between = [&](int lo, int hi) { return rnd.between(lo, hi); };
    for (;;) {
        Case c;
        PoolParams &p = c.params;
        p.mode = mode;
        p.p = between(0, 1) ? 2.0 : 3.0;
        const int h = between(1, 80), w = between(1, 80);
        if (between(0, 9) == 0) {
            p.adaptiveOutput = Size2{between(1, h), between(1, w)};
        } else {
            p.kernel = {between(1, 31), between(1, 31)};
            p.stride = Size2{between(0, 3) ? 1 : between(2, 4), between(0, 3) ? 1 : between(2, 4)};
            p.dilation = {between(0, 2) ? 1 : between(2, 3), between(0, 2) ? 1 : between(2, 3)};
            const int style = between(0, 5);
            if (style == 0) {
                p.paddingMode = PaddingMode::SameUpper;
            } else if (style == 1) {
                p.paddingMode = PaddingMode::SameLower;
            } else if (style <= 3) {
                // Explicit padding up to half the dilated kernel on each side.
                auto pad = [&](int k, int d) { return between(0, (d * (k - 1) + 1) / 2); };
                p.padding = {pad(p.kernel.h, p.dilation.h), pad(p.kernel.h, p.dilation.h),
                             pad(p.kernel.w, p.dilation.w), pad(p.kernel.w, p.dilation.w)};
            }
            p.ceilMode = between(0, 2) == 0;
            p.countIncludePad = between(0, 1) == 1;
        }
        if (!validate(p, h, w).ok())
            continue;
        c.input = Tensor(1, between(1, 2), h, w, 0.0f, 3);
        for (float &v : c.input.data())
            v = randomValue(rnd, values);
        return c;
    }
}

/// The values of `t` (integers 0…255) as bytes.
ByteTensor toBytes(const Tensor &t)
{
    ByteTensor b(t.n(), t.c(), t.h(), t.w(), 0, t.rank());
    for (std::size_t i = 0; i < t.size(); ++i)
        b.data()[i] = std::uint8_t(t.data()[i]);
    return b;
}

/// Where `got` (pooled from `input` with `plan`'s parameters) differs from the reference: a
/// value (bit for bit when `exact`, else within float rounding) or an index. Empty when none.
QString differenceFromReference(const Tensor &input, const ref::Plan &plan, const PoolResult &got,
                                bool exact)
{
    for (int p = 0; p < input.planeCount(); ++p) {
        const ref::Forward e = ref::forward(plan, input.planeData(p));
        for (std::size_t o = 0; o < e.values.size(); ++o) {
            const float v = got.values.planeData(p)[o];
            const bool ok = exact ? sameFloat(v, e.values[o]) : closeTo(v, e.values[o], 2e-6);
            if (!ok || (!got.indices.empty() && got.indices.planeData(p)[o] != e.index[o]))
                return QStringLiteral("plane %1 output %2: expected %3 at %4, got %5 at %6")
                    .arg(p)
                    .arg(o)
                    .arg(double(e.values[o]))
                    .arg(e.index.empty() ? -1 : e.index[o])
                    .arg(double(v))
                    .arg(got.indices.empty() ? -1 : got.indices.planeData(p)[o]);
        }
    }
    return {};
}

/// Where one output plane (values, and indices unless `index` is null) differs from the
/// reference `e`: the plane, thread count, whether indices were asked for and the output's row
/// and column (outW of them a row), bit for bit (any NaN matching any NaN). Empty when none.
QString planeDifference(const ref::Forward &e, const float *values, const std::int64_t *index,
                        int outW, int plane, int threads, bool indices)
{
    for (std::size_t o = 0; o < e.values.size(); ++o)
        if (!sameFloat(values[o], e.values[o]) || (index && index[o] != e.index[o]))
            return QStringLiteral("plane %1, %2 thread(s), indices %3, output (%4, %5): "
                                  "expected %6 at %7, got %8 at %9")
                .arg(plane)
                .arg(threads)
                .arg(indices)
                .arg(o / std::size_t(outW))
                .arg(o % std::size_t(outW))
                .arg(double(e.values[o]))
                .arg(e.index.empty() ? -1 : e.index[o])
                .arg(double(values[o]))
                .arg(index ? index[o] : -1);
    return {};
}

} // namespace

class TestKernels : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { setThreadCount(0); }
    void agreesWithReference_data();
    void agreesWithReference();
    void threadCountChangesNothing_data();
    void threadCountChangesNothing();
    void reusedResultIsRewritten();
    void bytesAgreeWithReference_data();
    void bytesAgreeWithReference();
    void bytesMatchFloatsOnLargePlanes_data();
    void bytesMatchFloatsOnLargePlanes();
    void bytesRefuseWhatTheyCannotHold();
    void exactBytesOnlyForWholeBytes_data();
    void exactBytesOnlyForWholeBytes();
    void classicWindowsAgreeWithReference_data();
    void classicWindowsAgreeWithReference();
    void tilingWindowsAgreeWithReference_data();
    void tilingWindowsAgreeWithReference();
    void tilingWindowsMatchTheGeneralKernels_data();
    void tilingWindowsMatchTheGeneralKernels();
    void tilingBlocksAgreeWithReference_data();
    void tilingBlocksAgreeWithReference();
    void averagesOfZerosArePositive_data();
    void averagesOfZerosArePositive();
    void slidingSumsKeepDirectSumValues_data();
    void slidingSumsKeepDirectSumValues();
    void slidingRowSumsAgreeWithReference_data();
    void slidingRowSumsAgreeWithReference();
    void exactSumsOfSquares_data();
    void exactSumsOfSquares();
    void slackCoversSlidingSteps_data();
    void slackCoversSlidingSteps();
    void inexactSumsKeepTheirOrder_data();
    void inexactSumsKeepTheirOrder();
    void largePlanesAgreeWithReference_data();
    void largePlanesAgreeWithReference();
    void tasksAcrossPlanesAgreeWithReference_data();
    void tasksAcrossPlanesAgreeWithReference();
    void wideRowsAgreeWithReference_data();
    void wideRowsAgreeWithReference();
    void blockedRowsAgreeWithReference_data();
    void blockedRowsAgreeWithReference();
    void windowGradientsSumToBackward_data();
    void windowGradientsSumToBackward();
};

void TestKernels::agreesWithReference_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("values");
    QTest::addColumn<int>("threads");
    const struct
    {
        const char *name;
        PoolMode mode;
        Values values;
    } rows[] = {
        {"max integers", PoolMode::Max, Values::Integers},
        {"max ties", PoolMode::Max, Values::Ties},
        {"max NaN and infinities", PoolMode::Max, Values::Specials},
        {"max reals", PoolMode::Max, Values::Reals},
        {"min integers", PoolMode::Min, Values::Integers},
        {"min ties", PoolMode::Min, Values::Ties},
        {"min NaN and infinities", PoolMode::Min, Values::Specials},
        {"avg integers", PoolMode::Avg, Values::Integers},
        {"avg NaN and infinities", PoolMode::Avg, Values::Specials},
        {"avg reals", PoolMode::Avg, Values::Reals},
        {"avg tiny among integers", PoolMode::Avg, Values::Tiny},
        {"lp tiny among integers", PoolMode::Lp, Values::Tiny},
        {"lp integers", PoolMode::Lp, Values::Integers},
        {"lp reals", PoolMode::Lp, Values::Reals},
    };
    for (const auto &r : rows)
        for (int threads : {1, 3})
            QTest::newRow(qPrintable(
                QStringLiteral("%1, %2 thread(s)").arg(QLatin1String(r.name)).arg(threads)))
                << int(r.mode) << int(r.values) << threads;
}

void TestKernels::agreesWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, values);
    QFETCH(int, threads);
    setThreadCount(threads);
    Random rnd(std::uint32_t(1000 + mode * 10 + values));
    for (int n = 0; n < 40; ++n) {
        const Case c = randomCase(rnd, PoolMode(mode), Values(values));
        const ref::Plan plan = ref::plan(toRef(c.params), c.input.h(), c.input.w());
        QVERIFY2(plan.possible(), describeCase(c).c_str());
        const PoolResult got = forward(c.input, c.params);
        QCOMPARE(got.values.h(), plan.rows.out);
        QCOMPARE(got.values.w(), plan.cols.out);
        // Exact where sums are exact; reals within float rounding (lp: pow's last bit).
        const bool exact = Values(values) != Values::Reals && Values(values) != Values::Tiny &&
                           PoolMode(mode) != PoolMode::Lp;
        const QString diff = differenceFromReference(c.input, plan, got, exact);
        if (!diff.isEmpty())
            QFAIL(qPrintable(QString::fromStdString(describeCase(c)) + QStringLiteral("\n  ") +
                             diff));
    }
}

void TestKernels::threadCountChangesNothing_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("wide"); ///< values of wildly different magnitude (sums round)
    QTest::newRow("max 2x2/2") << int(PoolMode::Max) << 2 << 2 << false;
    QTest::newRow("max 15x15/1") << int(PoolMode::Max) << 15 << 1 << false;
    QTest::newRow("min 3x3/1") << int(PoolMode::Min) << 3 << 1 << false;
    QTest::newRow("avg 7x7/1") << int(PoolMode::Avg) << 7 << 1 << false;
    QTest::newRow("avg 3x3/2") << int(PoolMode::Avg) << 3 << 2 << false;
    QTest::newRow("lp 5x5/1") << int(PoolMode::Lp) << 5 << 1 << false;
    // Windows taller than sliding sums go (van Herk blocks down the rows) on values whose sums
    // round in double: the blocks must not depend on where a thread's rows start.
    for (const int k : {33, 36, 40})
        QTest::newRow(qPrintable(QStringLiteral("avg %1x%1/1, 1e8 beside 1e-8").arg(k)))
            << int(PoolMode::Avg) << k << 1 << true;
    QTest::newRow("avg 7x7/1, 1e8 beside 1e-8") << int(PoolMode::Avg) << 7 << 1 << true;
}

void TestKernels::threadCountChangesNothing()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(bool, wide);
    // Large enough to be cut into many bands and spread over threads.
    Tensor input(1, 3, 301, 257);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> dist(-50.0f, 50.0f);
    for (float &v : input.data()) {
        v = dist(rng);
        // ±1e8·u or ±1e-8·u: a double holds no sum of both, so the order of additions shows.
        if (wide)
            v *= rng() % 2 ? 2e6f : 2e-10f;
    }
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    p.padding = {kernel / 2, kernel / 2, kernel / 2, kernel / 2};
    setThreadCount(1);
    QCOMPARE(threadCount(), 1);
    const PoolResult one = forward(input, p);
    const Tensor gradOne = backward(input, p, one.values);
    for (int threads : {2, 3, 8}) {
        setThreadCount(threads);
        QCOMPARE(threadCount(), threads);
        const PoolResult many = forward(input, p);
        QVERIFY(many.values.shape() == one.values.shape());
        for (std::size_t i = 0; i < one.values.size(); ++i)
            QVERIFY2(sameFloat(many.values.data()[i], one.values.data()[i]),
                     qPrintable(QStringLiteral("%1 threads, value %2").arg(threads).arg(i)));
        QVERIFY(many.indices == one.indices);
        const Tensor grad = backward(input, p, one.values);
        for (std::size_t i = 0; i < grad.size(); ++i)
            QVERIFY(sameFloat(grad.data()[i], gradOne.data()[i]));
    }
    setThreadCount(0);
    QVERIFY(threadCount() >= 1);
}

void TestKernels::reusedResultIsRewritten()
{
    // A result pooled before (other values, then another mode and size) is overwritten in full.
    const Tensor a = Tensor::fromRows({{1, 5, 2, 0}, {3, 4, 9, 1}, {0, 0, 7, 8}, {6, 2, 1, 3}});
    PoolParams max;
    PoolResult r;
    forward(Tensor::matrix(6, 6, 1.0f), max, r); // another size first
    forward(a, max, r);
    QCOMPARE(r.values, Tensor::fromRows({{5, 9}, {6, 8}}));
    QCOMPARE(r.indices, (IndexTensor::fromRows({{1, 6}, {12, 11}})));
    PoolParams avg;
    avg.mode = PoolMode::Avg;
    avg.kernel = {3, 3};
    avg.stride = Size2{1, 1};
    forward(a, avg, r);
    // (1+5+2 + 3+4+9 + 0+0+7) / 9 = 31/9; likewise 36/9, 32/9 and 35/9.
    QCOMPARE(r.values, Tensor::fromRows({{31.0f / 9, 36.0f / 9}, {32.0f / 9, 35.0f / 9}}));
    QVERIFY(r.indices.empty());
}

void TestKernels::bytesAgreeWithReference_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("max") << int(PoolMode::Max);
    QTest::newRow("min") << int(PoolMode::Min);
}

void TestKernels::bytesAgreeWithReference()
{
    // 8-bit max/min pick one of the window's values: the reference's float result, exactly.
    QFETCH(int, mode);
    Random rnd(std::uint32_t(500 + mode));
    int pooled = 0, refused = 0;
    for (int n = 0; n < 80; ++n) {
        const Case c = randomCase(rnd, PoolMode(mode), Values::Bytes);
        const ref::Plan plan = ref::plan(toRef(c.params), c.input.h(), c.input.w());
        const ByteTensor in = toBytes(c.input);
        ByteTensor got;
        if (!bytesPoolable(c.params, c.input.h(), c.input.w())) {
            // Only a window with no input cell may be refused; its float result is ∓∞.
            QVERIFY_THROWS_EXCEPTION(PoolError, forwardBytes(in, c.params, got));
            const ref::Forward e = ref::forward(plan, c.input.planeData(0));
            QVERIFY2(std::any_of(e.values.begin(), e.values.end(),
                                 [](float v) { return std::isinf(v); }),
                     describeCase(c).c_str());
            ++refused;
            continue;
        }
        forwardBytes(in, c.params, got);
        QCOMPARE(got.h(), plan.rows.out);
        QCOMPARE(got.w(), plan.cols.out);
        for (int p = 0; p < c.input.planeCount(); ++p) {
            const ref::Forward e = ref::forward(plan, c.input.planeData(p));
            for (std::size_t o = 0; o < e.values.size(); ++o)
                if (float(got.planeData(p)[o]) != e.values[o])
                    QFAIL(qPrintable(QStringLiteral("%1\n  plane %2 output %3: expected %4, got %5")
                                         .arg(QString::fromStdString(describeCase(c)))
                                         .arg(p)
                                         .arg(o)
                                         .arg(double(e.values[o]))
                                         .arg(int(got.planeData(p)[o]))));
        }
        ++pooled;
    }
    QVERIFY2(pooled >= 60, qPrintable(QStringLiteral("only %1 cases pooled").arg(pooled)));
    Q_UNUSED(refused);
}

void TestKernels::bytesMatchFloatsOnLargePlanes_data()
{
    // Padded by k / 2 (the general kernels), and unpadded k×k/k (the one-pass tiling path).
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("padded");
    QTest::addColumn<int>("threads");
    const struct
    {
        const char *name;
        PoolMode mode;
        int kernel, stride;
        bool padded;
    } rows[] = {
        {"max 2x2/2", PoolMode::Max, 2, 2, true},
        {"max 3x3/1", PoolMode::Max, 3, 1, true},
        {"min 15x15/1", PoolMode::Min, 15, 1, true},
        {"max 31x31/1", PoolMode::Max, 31, 1, true},
        {"max 2x2/2 unpadded", PoolMode::Max, 2, 2, false},
        {"min 3x3/3 unpadded", PoolMode::Min, 3, 3, false},
        {"max 4x4/4 unpadded", PoolMode::Max, 4, 4, false},
    };
    for (int threads : {1, 3})
        for (const auto &r : rows)
            QTest::newRow(qPrintable(
                QStringLiteral("%1, %2 thread(s)").arg(QLatin1String(r.name)).arg(threads)))
                << int(r.mode) << r.kernel << r.stride << r.padded << threads;
}

void TestKernels::bytesMatchFloatsOnLargePlanes()
{
    // Planes large enough for many bands and threads: the byte path gives the float path's
    // values (itself checked against the reference above), bit for bit.
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(bool, padded);
    QFETCH(int, threads);
    setThreadCount(threads);
    Tensor input(1, 3, 301, 257);
    std::mt19937 rng(11);
    for (float &v : input.data())
        v = float(rng() % 256);
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    if (padded)
        p.padding = {kernel / 2, kernel / 2, kernel / 2, kernel / 2};
    const PoolResult floats = forward(input, p, false);
    ByteTensor bytes;
    forwardBytes(toBytes(input), p, bytes);
    QVERIFY(bytes.shape() == floats.values.shape());
    for (std::size_t i = 0; i < bytes.size(); ++i)
        QVERIFY2(float(bytes.data()[i]) == floats.values.data()[i],
                 qPrintable(QStringLiteral("value %1").arg(i)));
}

void TestKernels::bytesRefuseWhatTheyCannotHold()
{
    const ByteTensor in(1, 1, 4, 4, 7);
    ByteTensor out;
    PoolParams avg;
    avg.mode = PoolMode::Avg;
    QVERIFY(!bytesPoolable(avg, 4, 4));
    try {
        forwardBytes(in, avg, out);
        QFAIL("avg pooled as bytes");
    } catch (const PoolError &e) {
        QVERIFY2(std::string(e.what()).find("avg") != std::string::npos, e.what());
    }
    // A 1-wide input, kernel 2 dilated by 3 and padded by 2 on the left and right: the taps of
    // both windows (−2, 1 and −1, 2) all fall in the padding, so both floats are −∞.
    PoolParams empty;
    empty.kernel = {1, 2};
    empty.stride = Size2{1, 1};
    empty.dilation = {1, 3};
    empty.padding = {0, 0, 2, 2};
    const PoolResult floats = forward(Tensor::matrix(1, 1, 5.0f), empty);
    QCOMPARE(floats.values, Tensor::fromRows({{-kInf, -kInf}}));
    QVERIFY(!bytesPoolable(empty, 1, 1));
    try {
        forwardBytes(ByteTensor(1, 1, 1, 1, 5, 2), empty, out);
        QFAIL("a window in the padding pooled as bytes");
    } catch (const PoolError &e) {
        QVERIFY2(std::string(e.what()).find("padding") != std::string::npos, e.what());
    }
    // Max 2×2/2 of bytes, by hand.
    ByteTensor a(1, 1, 2, 4, 0, 2);
    const std::uint8_t values[] = {1, 200, 255, 3, 17, 0, 254, 255};
    std::copy(std::begin(values), std::end(values), a.data().begin());
    PoolParams max;
    forwardBytes(a, max, out);
    QCOMPARE(out.h(), 1);
    QCOMPARE(out.w(), 2);
    QCOMPARE(int(out.data()[0]), 200);
    QCOMPARE(int(out.data()[1]), 255);
}

void TestKernels::exactBytesOnlyForWholeBytes_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<bool>("isByte");
    QTest::newRow("0") << 0.0f << true;
    QTest::newRow("255") << 255.0f << true;
    QTest::newRow("17") << 17.0f << true;
    QTest::newRow("-0") << -0.0f << true;
    QTest::newRow("0.5") << 0.5f << false;
    QTest::newRow("254.99") << 254.99f << false;
    QTest::newRow("256") << 256.0f << false;
    QTest::newRow("-1") << -1.0f << false;
    QTest::newRow("NaN") << kNaN << false;
    QTest::newRow("+inf") << kInf << false;
    QTest::newRow("-inf") << -kInf << false;
}

void TestKernels::exactBytesOnlyForWholeBytes()
{
    // One odd value among 5000 whole bytes (past the first 4096-value block) decides.
    QFETCH(float, value);
    QFETCH(bool, isByte);
    Tensor t(1, 1, 50, 100, 0.0f, 2);
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = float(i % 256);
    t.data()[4321] = value;
    const std::optional<ByteTensor> bytes = exactBytes(t);
    QCOMPARE(bytes.has_value(), isByte);
    if (!bytes)
        return;
    QVERIFY(bytes->shape() == t.shape());
    QCOMPARE(bytes->rank(), 2);
    QCOMPARE(int(bytes->data()[4321]), int(value));
    QCOMPARE(int(bytes->data()[300]), 300 % 256);
    const Tensor back = widened(*bytes);
    QVERIFY(back.shape() == t.shape());
    QCOMPARE(back.rank(), 2);
    for (std::size_t i = 0; i < t.size(); ++i)
        QVERIFY(back.data()[i] == t.data()[i]); // -0 widens to +0, equal as floats
}

void TestKernels::classicWindowsAgreeWithReference_data()
{
    // 2×2/2 and 3×3/2 have loops of their own along the row (without indices, as the Photo
    // tab and forward(…, false) ask); NaN, ±∞ and ties included, padded and not.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("padding");
    for (const PoolMode mode : {PoolMode::Max, PoolMode::Min, PoolMode::Avg})
        for (const int kernel : {2, 3})
            for (const int padding : {0, 1})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2x%2/2 padding %3")
                                             .arg(QString::fromStdString(modeName(mode)))
                                             .arg(kernel)
                                             .arg(padding)))
                    << int(mode) << kernel << padding;
}

void TestKernels::classicWindowsAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, padding);
    Random rnd(std::uint32_t(77 + mode * 10 + kernel + padding));
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.stride = Size2{2, 2};
    p.padding = {padding, padding, padding, padding};
    Tensor input(1, 2, 37, 41, 0.0f, 3);
    for (float &v : input.data()) {
        const int s = rnd.between(0, 29);
        v = s == 0 ? kNaN : s == 1 ? kInf : s == 2 ? -kInf : float(rnd.between(-3, 3));
    }
    const ref::Plan plan = ref::plan(toRef(p), input.h(), input.w());
    const PoolResult got = forward(input, p, false);
    for (int plane = 0; plane < input.planeCount(); ++plane) {
        const ref::Forward e = ref::forward(plan, input.planeData(plane));
        for (std::size_t o = 0; o < e.values.size(); ++o)
            QVERIFY2(sameFloat(got.values.planeData(plane)[o], e.values[o]),
                     qPrintable(QStringLiteral("plane %1 output %2: expected %3, got %4")
                                    .arg(plane)
                                    .arg(o)
                                    .arg(double(e.values[o]))
                                    .arg(double(got.values.planeData(plane)[o]))));
    }
}

void TestKernels::tilingWindowsAgreeWithReference_data()
{
    // Kernel = stride = 2, 3 or 4 without padding (the classic downsamplings) have a one-pass
    // path of their own (core/kernels/tilingpool.cpp), indices included. Sizes that are not
    // multiples of k leave input rows and columns no window reads.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("values");
    const struct
    {
        const char *name;
        Values values;
    } kinds[] = {{"integers", Values::Integers},
                 {"ties", Values::Ties},
                 {"NaN and infinities", Values::Specials},
                 {"reals", Values::Reals},
                 {"wide magnitudes", Values::Wide}};
    for (const PoolMode mode : {PoolMode::Max, PoolMode::Min, PoolMode::Avg})
        for (const int kernel : {2, 3, 4})
            for (const auto &kind : kinds)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2x%2/%2 %3")
                                             .arg(QString::fromStdString(modeName(mode)))
                                             .arg(kernel)
                                             .arg(QLatin1String(kind.name))))
                    << int(mode) << kernel << int(kind.values);
}

void TestKernels::tilingWindowsAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, values);
    Random rnd(std::uint32_t(300 + mode * 100 + kernel * 10 + values));
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.countIncludePad = rnd.chance(50);
    for (int n = 0; n < 12; ++n) {
        // Up to 300 000 cells, so that large planes are also cut into bands over threads.
        const int h = rnd.between(kernel, n < 9 ? 40 : 400),
                  w = rnd.between(kernel, n < 9 ? 40 : 700);
        Tensor input(1, rnd.between(1, 2), h, w, 0.0f, 3);
        for (float &v : input.data())
            v = randomValue(rnd, Values(values));
        setThreadCount(n % 3 + 1);
        const ref::Plan plan = ref::plan(toRef(p), h, w);
        const PoolResult got = forward(input, p, true);
        QCOMPARE(got.values.h(), plan.rows.out);
        QCOMPARE(got.values.w(), plan.cols.out);
        QCOMPARE(got.indices.empty(), PoolMode(mode) == PoolMode::Avg);
        // Max and min pick a value: exactly the reference's. An average is the exact sum
        // divided (integers, ties, ±∞ and NaN), or within float rounding of it.
        const bool exact = PoolMode(mode) != PoolMode::Avg || Values(values) == Values::Integers ||
                           Values(values) == Values::Ties || Values(values) == Values::Specials;
        const QString diff = differenceFromReference(input, plan, got, exact);
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1x%2, ").arg(h).arg(w) + diff));
    }
}

void TestKernels::averagesOfZerosArePositive_data()
{
    // PyTorch's average starts its sum from 0, so a window of zeros gives +0 whatever their
    // signs (0 + −0 is +0; divisors are ≥ 1). The kernels' sums start from the first tap, where
    // −0 + −0 is −0: each path must add the 0. QCOMPARE(-0.0f, 0.0f) passes, so the sign bit is
    // checked itself. One row per way an average is computed.
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("padding");
    QTest::addColumn<bool>("adaptive");
    QTest::addRow("tiling 2x2/2 (vector row)") << 40 << 300 << 2 << 2 << 1 << 0 << false;
    QTest::addRow("tiling 2x2/2 (narrow)") << 6 << 7 << 2 << 2 << 1 << 0 << false;
    QTest::addRow("tiling 3x3/3") << 30 << 200 << 3 << 3 << 1 << 0 << false;
    QTest::addRow("tiling 4x4/4") << 32 << 64 << 4 << 4 << 1 << 0 << false;
    QTest::addRow("1x1/1") << 5 << 9 << 1 << 1 << 1 << 0 << false;
    QTest::addRow("sliding sums 3x3/1") << 40 << 300 << 3 << 1 << 1 << 0 << false;
    QTest::addRow("sliding sums 5x5/1 padded") << 40 << 300 << 5 << 1 << 1 << 2 << false;
    QTest::addRow("sliding sums 31x31/1") << 80 << 600 << 31 << 1 << 1 << 0 << false;
    QTest::addRow("van Herk sums 33x33/1") << 80 << 300 << 33 << 1 << 1 << 0 << false;
    QTest::addRow("3x3/2 padded") << 41 << 77 << 3 << 2 << 1 << 1 << false;
    QTest::addRow("3x3/1 dilation 2") << 41 << 77 << 3 << 1 << 2 << 0 << false;
    QTest::addRow("adaptive") << 41 << 77 << 1 << 1 << 1 << 0 << true;
}

void TestKernels::averagesOfZerosArePositive()
{
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(int, padding);
    QFETCH(bool, adaptive);
    PoolParams p;
    p.mode = PoolMode::Avg;
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    p.dilation = {dilation, dilation};
    p.padding = {padding, padding, padding, padding};
    if (adaptive)
        p.adaptiveOutput = Size2{h / 3, w / 4};
    Random rnd(std::uint32_t(h * 1000 + w));
    for (const bool mixed : {false, true}) {
        for (const bool countPad : {true, false}) {
            p.countIncludePad = countPad;
            Tensor input(1, 2, h, w, -0.0f, 3);
            if (mixed) // both signs: a window of −0s and one of +0s, next to each other
                for (float &v : input.data())
                    v = rnd.chance(50) ? -0.0f : 0.0f;
            for (const int threads : {1, 2}) {
                setThreadCount(threads);
                const PoolResult got = forward(input, p, false);
                QVERIFY(!got.values.data().empty());
                const auto &out = got.values.data();
                const auto negative = std::find_if(
                    out.begin(), out.end(), [](float v) { return v != 0.0f || std::signbit(v); });
                if (negative != out.end())
                    QFAIL(qPrintable(
                        QStringLiteral("%1 %2, %3 thread(s): output %4 is %5, not +0")
                            .arg(mixed ? "mixed zeros" : "all -0")
                            .arg(countPad ? "counting padding" : "not counting padding")
                            .arg(threads)
                            .arg(negative - out.begin())
                            .arg(std::signbit(*negative) ? QStringLiteral("-0")
                                                         : QString::number(double(*negative)))));
            }
        }
    }
}

void TestKernels::tilingWindowsMatchTheGeneralKernels_data()
{
    // The one-pass path must give the general kernels' bits, also where the double sums of an
    // average round (2⁻⁶⁰ beside 1, 10³⁰ beside denormals). Ceil mode on a size of k·n + 1
    // sends the same windows, plus a partial last one, through the general kernels.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    for (const PoolMode mode : {PoolMode::Max, PoolMode::Min, PoolMode::Avg})
        for (const int kernel : {2, 3, 4})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2x%2/%2")
                                         .arg(QString::fromStdString(modeName(mode)))
                                         .arg(kernel)))
                << int(mode) << kernel;
}

void TestKernels::tilingWindowsMatchTheGeneralKernels()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    Random rnd(std::uint32_t(900 + mode * 10 + kernel));
    const int oh = 23, ow = 137; // whole windows, across blocks of 64 outputs
    Tensor wider(1, 2, oh * kernel + 1, ow * kernel + 1);
    for (float &v : wider.data())
        v = randomValue(rnd, Values::Wide);
    // Every third window cancels: rows alternately start with +b and −b, then values far below
    // b's last place. Adding each row first loses those; adding each column first would keep
    // them. Only the general kernels' order (rows first) gives their bits.
    for (int plane = 0; plane < 2; ++plane)
        for (int y = 0; y < oh; ++y)
            for (int x = (y + plane) % 3; x < ow; x += 3) {
                const int e = rnd.between(-60, 60);
                for (int dy = 0; dy < kernel; ++dy)
                    for (int dx = 0; dx < kernel; ++dx)
                        wider.at(0, plane, y * kernel + dy, x * kernel + dx) =
                            dx == 0 ? std::ldexp(dy % 2 ? -1.0f : 1.0f, e)
                                    : std::ldexp(float(rnd.between(1, 99)), e - 70);
            }
    Tensor whole(1, 2, oh * kernel, ow * kernel);
    for (int plane = 0; plane < 2; ++plane)
        for (int y = 0; y < whole.h(); ++y)
            for (int x = 0; x < whole.w(); ++x)
                whole.at(0, plane, y, x) = wider.at(0, plane, y, x);
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    const PoolResult tiled = forward(whole, p, true);
    p.ceilMode = true;
    const PoolResult general = forward(wider, p, true);
    QCOMPARE(tiled.values.h(), oh);
    QCOMPARE(general.values.h(), oh + 1);
    int rounded = 0; // averages whose double sum is not the exact one
    for (int plane = 0; plane < 2; ++plane)
        for (int y = 0; y < oh; ++y)
            for (int x = 0; x < ow; ++x) {
                const float t = tiled.values.at(0, plane, y, x);
                const float g = general.values.at(0, plane, y, x);
                QVERIFY2(sameFloat(t, g),
                         qPrintable(QStringLiteral("plane %1 (%2, %3): %4, general "
                                                   "kernels %5")
                                        .arg(plane)
                                        .arg(y)
                                        .arg(x)
                                        .arg(double(t))
                                        .arg(double(g))));
                if (!tiled.indices.empty()) {
                    // Flat indices h·W + w of planes of different widths: compare (h, w).
                    const std::int64_t ti = tiled.indices.at(0, plane, y, x);
                    const std::int64_t gi = general.indices.at(0, plane, y, x);
                    QCOMPARE(ti / whole.w(), gi / wider.w());
                    QCOMPARE(ti % whole.w(), gi % wider.w());
                }
                if (std::isfinite(t) && p.mode == PoolMode::Avg) {
                    // 2⁻⁶⁰ of the largest magnitude is below half its double's last place: a
                    // smaller non-zero value in the window makes the double sum round.
                    float lo = kInf, hi = 0;
                    for (int dy = 0; dy < kernel; ++dy)
                        for (int dx = 0; dx < kernel; ++dx) {
                            const float a =
                                std::fabs(whole.at(0, plane, y * kernel + dy, x * kernel + dx));
                            hi = std::max(hi, a);
                            if (a > 0)
                                lo = std::min(lo, a);
                        }
                    rounded += hi > 0 && double(lo) < std::ldexp(double(hi), -60);
                }
            }
    // The data must reach the cases where the order of the double additions matters.
    if (p.mode == PoolMode::Avg)
        QVERIFY2(rounded > 0, "no window whose double sum rounds: the test data is too tame");
}

void TestKernels::tilingBlocksAgreeWithReference_data()
{
    // The tiling path does each output row in blocks of 64 outputs (and the AVX2 average 2×2/2
    // eight at a time within a block): output widths around and across those borders, the
    // input wider than a whole number of windows or not, ±∞, NaN and ties on every border.
    // The same rows as tilingWindowsMatchTheGeneralKernels: max, min, avg × k = 2, 3, 4.
    tilingWindowsMatchTheGeneralKernels_data();
}

void TestKernels::tilingBlocksAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    Random rnd(std::uint32_t(1700 + mode * 10 + kernel));
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    const float specials[] = {kNaN, kInf, -kInf, 2.0f, 2.0f, -0.0f};
    for (const int ow : {1, 7, 8, 9, 63, 64, 65, 71, 127, 128, 129, 200, 333}) {
        const int h = 3 * kernel + rnd.between(0, kernel - 1);
        const int w = ow * kernel + rnd.between(0, kernel - 1);
        Tensor input(1, 2, h, w);
        for (float &v : input.data())
            v = randomValue(rnd, rnd.chance(50) ? Values::Ties : Values::Integers);
        // A special value in a window on each side of every block border, at a random tap.
        for (int plane = 0; plane < 2; ++plane)
            for (int oy = 0; oy < 3; ++oy)
                for (int ox = 0; ox < ow; ++ox)
                    if (ox % 64 == 0 || ox % 64 == 63 || ox % 8 == 0 || ox % 8 == 7)
                        if (rnd.chance(40))
                            input.at(0, plane, oy * kernel + rnd.between(0, kernel - 1),
                                     ox * kernel + rnd.between(0, kernel - 1)) =
                                specials[rnd.between(0, 5)];
        setThreadCount(1);
        const ref::Plan plan = ref::plan(toRef(p), h, w);
        const PoolResult got = forward(input, p, PoolMode(mode) != PoolMode::Avg);
        QCOMPARE(got.values.w(), ow);
        // Integers, ties and specials: every average is the exact sum divided, so exact here.
        const QString diff = differenceFromReference(input, plan, got, true);
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1x%2, ").arg(h).arg(w) + diff));
    }
}

void TestKernels::slidingSumsKeepDirectSumValues_data()
{
    // Stride-1 sums slide (each window the one before, plus a value, minus another) only where
    // that is exact in double. A huge value leaving a window, ±∞ and NaN must not leave a trace
    // in the windows after them: each row is checked along a row and down a column.
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Tensor>("expected");
    const float inf = kInf, nan = kNaN;
    auto pooling = [](PoolMode mode, int k, double p = 2.0) {
        PoolParams params;
        params.mode = mode;
        params.kernel = {1, k};
        params.stride = Size2{1, 1};
        params.p = p;
        return params;
    };
    auto transposed = [](const Tensor &t) {
        Tensor u = Tensor::matrix(t.w(), t.h());
        for (int y = 0; y < t.h(); ++y)
            for (int x = 0; x < t.w(); ++x)
                u.at(0, 0, x, y) = t.at(0, 0, y, x);
        return u;
    };
    auto add = [&](const char *name, const Tensor &in, PoolParams params, const Tensor &out) {
        QTest::newRow(qPrintable(QStringLiteral("%1, along a row").arg(QLatin1String(name))))
            << in << params << out;
        std::swap(params.kernel.h, params.kernel.w);
        QTest::newRow(qPrintable(QStringLiteral("%1, down a column").arg(QLatin1String(name))))
            << transposed(in) << params << transposed(out);
    };
    // (10³⁰ + 1 + 1) / 3 is 10³⁰/3 in float; the windows after it hold ones only.
    add("avg 3 after 1e30", Tensor::fromRows({{1e30f, 1, 1, 1, 1, 1, 1}}),
        pooling(PoolMode::Avg, 3), Tensor::fromRows({{1e30f / 3, 1, 1, 1, 1}}));
    add("avg 2 after +inf", Tensor::fromRows({{inf, 1, 2, 3, 4}}), pooling(PoolMode::Avg, 2),
        Tensor::fromRows({{inf, 1.5f, 2.5f, 3.5f}}));
    add("avg 2 over +inf and -inf", Tensor::fromRows({{inf, -inf, 1, 2}}),
        pooling(PoolMode::Avg, 2), Tensor::fromRows({{nan, -inf, 1.5f}}));
    add("avg 2 after NaN", Tensor::fromRows({{1, nan, 2, 3, 4}}), pooling(PoolMode::Avg, 2),
        Tensor::fromRows({{nan, nan, 2.5f, 3.5f}}));
    // √(10⁴⁰ + 1) is 10²⁰ in float; then √2.
    add("lp p=2 after 1e20", Tensor::fromRows({{1e20f, 1, 1, 1}}), pooling(PoolMode::Lp, 2),
        Tensor::fromRows({{1e20f, std::sqrt(2.0f), std::sqrt(2.0f)}}));
    add("lp p=1 after 1e30", Tensor::fromRows({{-1e30f, 1, -1, 1}}), pooling(PoolMode::Lp, 2, 1.0),
        Tensor::fromRows({{1e30f, 2, 2}}));
    // A long row: it is cut into four runs that slide side by side; 10³⁰ sits in the third.
    Tensor longRow = Tensor::matrix(1, 100, 1.0f), longOut = Tensor::matrix(1, 98, 1.0f);
    longRow.at(0, 0, 0, 60) = 1e30f;
    for (int x = 58; x <= 60; ++x)
        longOut.at(0, 0, 0, x) = 1e30f / 3;
    add("avg 3 over a long row with 1e30", longRow, pooling(PoolMode::Avg, 3), longOut);
    // Down the rows, exactness is decided per chunk of output columns: a wide plane where one
    // chunk holds 10³⁰, another a value without an exact sum beside the ones (2⁻⁴⁰), and the
    // rest ones. Each window is its three values' mean; the chunks do not disturb each other,
    // nor the windows after 10³⁰ has left.
    for (const int kernelW : {1, 3}) {
        Tensor wide = Tensor::matrix(10, 700, 1.0f);
        wide.at(0, 0, 0, 200) = -inf;
        wide.at(0, 0, 2, 450) = 1e30f;
        wide.at(0, 0, 7, 10) = std::ldexp(1.0f, -40);
        Tensor means = Tensor::matrix(8, 700 - kernelW + 1);
        for (int y = 0; y < means.h(); ++y)
            for (int x = 0; x < means.w(); ++x) {
                double sum = 0;
                for (int dy = 0; dy < 3; ++dy)
                    for (int dx = 0; dx < kernelW; ++dx)
                        sum += wide.at(0, 0, y + dy, x + dx);
                means.at(0, 0, y, x) = float(sum / (3 * kernelW));
            }
        PoolParams params = pooling(PoolMode::Avg, kernelW);
        params.kernel.h = 3;
        QTest::newRow(qPrintable(QStringLiteral("avg 3x%1 down a plane 700 wide, 1e30, 2^-40 and "
                                                "-inf in different chunks")
                                     .arg(kernelW)))
            << wide << params << means;
    }
}

void TestKernels::slidingSumsKeepDirectSumValues()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(Tensor, expected);
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        const PoolResult got = forward(input, params);
        QCOMPARE(got.values.h(), expected.h());
        QCOMPARE(got.values.w(), expected.w());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(closeTo(got.values.data()[i], expected.data()[i], 1e-6),
                     qPrintable(QStringLiteral("output %1: expected %2, got %3")
                                    .arg(i)
                                    .arg(double(expected.data()[i]))
                                    .arg(double(got.values.data()[i]))));
    }
}

void TestKernels::slidingRowSumsAgreeWithReference_data()
{
    // Stride-1 sums along a row slide four windows at a time in four runs side by side, each run
    // a multiple of four windows long and started by a direct sum; what is left after the runs
    // slides one window at a time, and rows of fewer than 32 windows take no runs. Rows whose
    // values have no exact sliding sum (one tiny value, NaN or ±∞) keep the direct sums. Widths
    // here put the window count on each side of those edges; the values are integers (exact
    // sums: averages bit for bit), with one special value in one row when `special` says so.
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<float>("special"); ///< 0: none; else this value at row 3, column width/2
    QTest::addColumn<int>("values");
    auto pooling = [](PoolMode mode, int kh, int kw, double p = 2.0) {
        PoolParams params;
        params.mode = mode;
        params.kernel = {kh, kw};
        params.stride = Size2{1, 1};
        params.p = p;
        return params;
    };
    auto row = [](const QString &name, const PoolParams &params, int height, int width,
                  float special = 0.0f, Values values = Values::Integers) {
        QTest::newRow(qPrintable(name)) << params << height << width << special << int(values);
    };
    for (const int kw : {4, 5, 8, 9, 17, 31})
        for (const int windows : {31, 32, 33, 35, 36, 37, 51, 200}) {
            const int width = windows + kw - 1;
            row(QStringLiteral("avg 3x%1, %2 windows").arg(kw).arg(windows),
                pooling(PoolMode::Avg, 3, kw), 9, width);
        }
    for (const int kw : {4, 9, 31}) {
        row(QStringLiteral("avg 1x%1 row of 400").arg(kw), pooling(PoolMode::Avg, 1, kw), 2, 400);
        row(QStringLiteral("lp p=1 5x%1").arg(kw), pooling(PoolMode::Lp, 5, kw, 1.0), 12, 300);
        // Squares of integers are integers: exactSums judges squares by the lowest set bit of
        // any value, so these slide (photos of 0…255 included).
        row(QStringLiteral("lp p=2 3x%1, values 0 to 2").arg(kw), pooling(PoolMode::Lp, 3, kw, 2.0),
            12, 300, 0.0f, Values::Ties);
        row(QStringLiteral("lp p=2 4x%1, values 0 to 255").arg(kw),
            pooling(PoolMode::Lp, 4, kw, 2.0), 12, 300, 0.0f, Values::Bytes);
        row(QStringLiteral("lp p=1 4x%1, values 0 to 255").arg(kw),
            pooling(PoolMode::Lp, 4, kw, 1.0), 12, 300, 0.0f, Values::Bytes);
        row(QStringLiteral("lp p=2 5x%1").arg(kw), pooling(PoolMode::Lp, 5, kw, 2.0), 12, 300);
        row(QStringLiteral("lp p=3 5x%1 (pow: no sliding)").arg(kw),
            pooling(PoolMode::Lp, 5, kw, 3.0), 12, 300);
        row(QStringLiteral("avg 3x%1, a tiny value in one row").arg(kw),
            pooling(PoolMode::Avg, 3, kw), 9, 300, std::ldexp(1.0f, -40));
        row(QStringLiteral("avg 3x%1, NaN in one row").arg(kw), pooling(PoolMode::Avg, 3, kw), 9,
            300, kNaN);
        row(QStringLiteral("avg 3x%1, +inf in one row").arg(kw), pooling(PoolMode::Avg, 3, kw), 9,
            300, kInf);
        row(QStringLiteral("lp p=2 3x%1, 1e20 in one row").arg(kw),
            pooling(PoolMode::Lp, 3, kw, 2.0), 9, 300, 1e20f);
        PoolParams padded = pooling(PoolMode::Avg, 3, kw);
        padded.padding = {1, 1, kw / 2, kw / 2};
        row(QStringLiteral("avg 3x%1 padded, count_include_pad").arg(kw), padded, 9, 300);
        padded.countIncludePad = false;
        padded.ceilMode = true;
        row(QStringLiteral("avg 3x%1 padded, ceil mode, padding not counted").arg(kw), padded, 9,
            301);
        PoolParams divided = pooling(PoolMode::Avg, 3, kw);
        divided.divisorOverride = 7;
        row(QStringLiteral("avg 3x%1 divisor_override 7").arg(kw), divided, 9, 300);
        PoolParams dilated = pooling(PoolMode::Avg, 3, kw);
        dilated.dilation = {1, 2};
        row(QStringLiteral("avg 3x%1 dilation 2 (no sliding)").arg(kw), dilated, 9, 300);
    }
    // Windows wider than a chunk of 128 output columns (a chunk's magnitudes then span three
    // blocks of input columns), with and without a value that sends a few chunks to the direct
    // sums, and back once it has left the windows.
    row(QStringLiteral("avg 3x140, wider than a chunk"), pooling(PoolMode::Avg, 3, 140), 9, 600);
    row(QStringLiteral("avg 3x140, wider than a chunk, a tiny value in one row"),
        pooling(PoolMode::Avg, 3, 140), 9, 600, std::ldexp(1.0f, -40));
    row(QStringLiteral("lp p=2 4x140, 0 to 255, NaN in one row"),
        pooling(PoolMode::Lp, 4, 140, 2.0), 9, 600, kNaN, Values::Bytes);
    // Kernels larger than the rows slide (down to kSlidingRowsUpTo taps) down: 32 taps.
    row(QStringLiteral("avg 32x32 on 40x200"), pooling(PoolMode::Avg, 32, 32), 40, 200);
    // Rows of several chunks (kSumChunk = 128 output columns), the special value at column
    // width / 2 = 256, the first input column of chunk 2 and the last ones of chunk 1's windows:
    // both chunks go to the direct sums while it is in their windows and slide again after, next
    // to chunks that slide throughout (runs of exact chunks broken and joined again). Windows
    // wider than 64 and than a chunk included; with padding, ceil mode, divisors, dilation, Lp.
    // "4 chunks" is the input's width: unpadded, 5×70 has 443 outputs (4 chunks) and 5×130 has
    // 383 (3 chunks, every one of them reading column 256, so none slides throughout).
    for (const int kw : {3, 9, 31, 70, 130}) {
        const int width = 512 + (kw % 2);
        row(QStringLiteral("avg 5x%1, 4 chunks, a tiny value at a chunk edge").arg(kw),
            pooling(PoolMode::Avg, 5, kw), 12, width, std::ldexp(1.0f, -40));
        row(QStringLiteral("avg 5x%1, 4 chunks, NaN at a chunk edge").arg(kw),
            pooling(PoolMode::Avg, 5, kw), 12, width, kNaN);
        row(QStringLiteral("avg 5x%1, 4 chunks, -inf at a chunk edge").arg(kw),
            pooling(PoolMode::Avg, 5, kw), 12, width, -kInf);
        row(QStringLiteral("avg 5x%1, 4 chunks, reals").arg(kw), pooling(PoolMode::Avg, 5, kw), 12,
            width, 0.0f, Values::Reals);
        row(QStringLiteral("avg 5x%1, 4 chunks, tiny values sprinkled").arg(kw),
            pooling(PoolMode::Avg, 5, kw), 12, width, 0.0f, Values::Tiny);
        for (const double p : {1.0, 2.0, 3.0})
            row(QStringLiteral("lp p=%1 4x%2, 4 chunks, 1e-30 at a chunk edge").arg(p).arg(kw),
                pooling(PoolMode::Lp, 4, kw, p), 12, width, 1e-30f);
        PoolParams padded = pooling(PoolMode::Avg, 5, kw);
        padded.padding = {2, 2, kw / 2, kw / 2};
        row(QStringLiteral("avg 5x%1 padded, 4 chunks, a tiny value").arg(kw), padded, 12, width,
            std::ldexp(1.0f, -40));
        padded.countIncludePad = false;
        padded.ceilMode = true;
        padded.stride = Size2{1, 1};
        row(QStringLiteral("avg 5x%1 padded, ceil, padding not counted, 4 chunks, NaN").arg(kw),
            padded, 12, width + 1, kNaN);
        PoolParams divided = pooling(PoolMode::Avg, 5, kw);
        divided.divisorOverride = 3;
        row(QStringLiteral("avg 5x%1 divisor_override 3, 4 chunks, a tiny value").arg(kw), divided,
            12, width, std::ldexp(1.0f, -40));
        PoolParams dilated = pooling(PoolMode::Avg, 5, kw);
        dilated.dilation = {1, 3};
        if ((kw - 1) * 3 < width)
            row(QStringLiteral("avg 5x%1 dilation 3, 4 chunks, a tiny value").arg(kw), dilated, 12,
                width, std::ldexp(1.0f, -40));
    }
}

void TestKernels::slidingRowSumsAgreeWithReference()
{
    QFETCH(PoolParams, params);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(float, special);
    QFETCH(int, values);
    Random rnd(std::uint32_t(height * 1000 + width));
    Tensor input(2, 1, height, width);
    for (float &v : input.data())
        v = randomValue(rnd, Values(values));
    if (special != 0.0f)
        input.at(1, 0, 3, width / 2) = special;
    const ref::Plan plan = ref::plan(toRef(params), height, width);
    QVERIFY(plan.possible());
    // Exact sums make averages bit for bit; Lp's root (and windows beside the special value or
    // over reals, summed in another order than the reference's) within float rounding.
    const bool exact = params.mode == PoolMode::Avg && special == 0.0f &&
                       Values(values) != Values::Reals && Values(values) != Values::Tiny;
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        const PoolResult got = forward(input, params);
        QCOMPARE(got.values.h(), plan.rows.out);
        QCOMPARE(got.values.w(), plan.cols.out);
        const QString diff = differenceFromReference(input, plan, got, exact);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestKernels::exactSumsOfSquares_data()
{
    // Sums of squares (Lp, p = 2) slide where exactSums says they are exact in double: the
    // square of x = m·2^e (m odd) is a multiple of 2^2e, so the grid is the square of the lowest
    // set bit of any value, not of the smallest value's last place (which sent 0…255 photos,
    // 1 having the last place 2⁻²³, to the direct sums).
    QTest::addColumn<std::vector<float>>("values");
    QTest::addColumn<double>("terms");
    QTest::addColumn<bool>("exact");
    std::vector<float> bytes(256);
    for (int i = 0; i < 256; ++i)
        bytes[std::size_t(i)] = float(i);
    QTest::newRow("0 to 255, 31x39 terms") << bytes << 31.0 * 39.0 << true;
    QTest::newRow("0.5 and 255") << std::vector<float>{0.5f, 255.0f} << 1000.0 << true;
    // 1 + 2⁻²³: squares on the grid 2⁻⁴⁶, 255² · 1000 needs more than 53 bits of it.
    QTest::newRow("1 + 2^-23 and 255")
        << std::vector<float>{1.0f + std::ldexp(1.0f, -23), 255.0f} << 1000.0 << false;
    // 3·2²⁰ squared is 9·2⁴⁰: two of them fit 53 bits of the grid 1, 1209 do not.
    QTest::newRow("3*2^20 and 1, 2 terms")
        << std::vector<float>{3.0f * 1048576.0f, 1.0f} << 2.0 << true;
    QTest::newRow("3*2^20 and 1, 1209 terms")
        << std::vector<float>{3.0f * 1048576.0f, 1.0f} << 1209.0 << false;
    // A denormal's lowest bit: 2⁻¹⁴⁹ squared is below any double's grid for 1.
    QTest::newRow("denormal and 1")
        << std::vector<float>{std::ldexp(1.0f, -149), 1.0f} << 2.0 << false;
    QTest::newRow("denormals alone")
        << std::vector<float>{std::ldexp(3.0f, -149), std::ldexp(1.0f, -148)} << 9.0 << true;
    QTest::newRow("zeros") << std::vector<float>{0.0f, -0.0f} << 1e9 << true;
    QTest::newRow("+inf") << std::vector<float>{1.0f, kInf} << 2.0 << false;
    QTest::newRow("NaN") << std::vector<float>{kNaN, 1.0f} << 2.0 << false;
}

void TestKernels::exactSumsOfSquares()
{
    QFETCH(std::vector<float>, values);
    QFETCH(double, terms);
    QFETCH(bool, exact);
    using namespace poolviz::kernels::generic;
    QCOMPARE(exactSums(Range::of(values.data(), int(values.size()), true), terms, true), exact);
}

void TestKernels::slackCoversSlidingSteps_data()
{
    // Sliding sums hold, besides the windows' sums, sums of up to four steps (along a row: each
    // adds one value and subtracts another; down the rows, of column sums). They slide only
    // where sums of k + kSlidingSlack values (per row) are exact in double. The values here sit
    // on the grid 2⁻²³ (1 to 2, every bit of the significand used) beside ±B, B chosen so that
    // sums of the windows' own values, and of one value more per row, are exact, but not sums
    // of 8 more: four steps from −B to +B then round, and a slack too small lets that error
    // into the windows that follow (the averages here are bit for bit those of the direct
    // sums, which are exact).
    QTest::addColumn<int>("kernelH");
    QTest::addColumn<int>("kernelW");
    QTest::addColumn<float>("big");
    auto row = [](int kh, int kw, float big) {
        QTest::newRow(qPrintable(QStringLiteral("avg %1x%2/1, B = %3").arg(kh).arg(kw).arg(big)))
            << kh << kw << big;
    };
    // Along a row (one input row per window): exact up to 2³⁰ (grid 2⁻²³, 53 bits), so
    // 5·B ≤ 2³⁰ < 12·B.
    row(1, 4, 2e8f);
    row(1, 5, 1.7e8f);
    // Down the rows too: (kh + 1)·(kw + 1)·B ≤ 2³⁰ < (kh + 1)·(kw + 8)·B, and four steps of
    // column sums reach 8·kh·B > 2³⁰.
    row(6, 5, 2.5e7f);
    row(7, 5, 2.2e7f);
}

void TestKernels::slackCoversSlidingSteps()
{
    QFETCH(int, kernelH);
    QFETCH(int, kernelW);
    QFETCH(float, big);
    Random rnd(std::uint32_t(31 * kernelH + kernelW));
    const int height = 40, width = 600;
    Tensor input(1, 2, height, width);
    for (int plane = 0; plane < 2; ++plane) {
        // Runs of kernelW values −B then kernelW of +B (four steps that add 8·B per row), in
        // the same columns of every row (column sums of ±kh·B), between values from 1 to 2
        // with all 24 bits of their significand.
        std::vector<float> pattern(std::size_t(width), 0.0f);
        for (int x = 0; x + 2 * kernelW <= width; ++x)
            if (rnd.between(0, 15) == 0) {
                const float sign = rnd.between(0, 1) ? 1.0f : -1.0f;
                for (int j = 0; j < 2 * kernelW; ++j)
                    pattern[std::size_t(x++)] = j < kernelW ? -sign * big : sign * big;
            }
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                input.at(0, plane, y, x) =
                    pattern[std::size_t(x)] != 0.0f
                        ? pattern[std::size_t(x)]
                        : std::ldexp(float((1 << 23) + rnd.between(0, (1 << 23) - 1)), -23);
    }
    PoolParams p;
    p.mode = PoolMode::Avg;
    p.kernel = {kernelH, kernelW};
    p.stride = Size2{1, 1};
    const ref::Plan plan = ref::plan(toRef(p), height, width);
    QVERIFY(plan.possible());
    for (const int threads : {1, 2}) {
        setThreadCount(threads);
        const PoolResult got = forward(input, p);
        const QString diff = differenceFromReference(input, plan, got, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestKernels::inexactSumsKeepTheirOrder_data()
{
    // Sums that are not exact in double depend on the order of their additions, and results
    // promise to stay the same bits from one version to the next (and for any thread count):
    // windows of more than 8 taps along a row add doubling levels in one fixed order
    // (kernels/doublingsums.h), reached from the sliding sums' fallback (stride 1 down the rows)
    // and from the band pooler (stride 2 down the rows). The values make the order visible in
    // float: each group of three columns is X, a small s, −X (X from 2¹⁰ to 2²¹, s from 2⁻²⁰ to
    // 2⁻⁹), so a window's big values cancel and its mean is made of the small ones, which a
    // different association rounds against the big partial sums differently. The hashes were
    // recorded with the core of commit 5a3c83b, before the doubling levels were shared (the same
    // with the baseline and the AVX2 kernels). Two changes of order, each fails the rows marked
    // with its letter: (a) a window's odd first tap added after its levels, (b) level 4 summed
    // as a + (b + (c + d)) rather than (a + b) + (c + d).
    QTest::addColumn<int>("kernelH");
    QTest::addColumn<int>("kernelW");
    QTest::addColumn<int>("strideH");
    QTest::addColumn<int>("dilationW");
    QTest::addColumn<quint64>("hash");
    auto row = [](int kh, int kw, int sh, int dw, quint64 hash) {
        QTest::newRow(qPrintable(QStringLiteral("avg %1x%2, stride %3x1, dilation 1x%4")
                                     .arg(kh)
                                     .arg(kw)
                                     .arg(sh)
                                     .arg(dw)))
            << kh << kw << sh << dw << hash;
    };
    row(9, 15, 1, 1, 0xcd106d397bcd0df9ull);  // a, b
    row(3, 9, 2, 1, 0xcab3afa4751dfe62ull);   // b
    row(5, 27, 1, 2, 0xd2ff1ab99d200385ull);  // a, b
    row(5, 45, 2, 1, 0xe200516a4e21777full);  // a, b
    row(31, 45, 1, 1, 0x9fd133a3dce055d3ull); // a, b
    row(4, 63, 1, 1, 0x7014fb46308ded41ull);  // a, b
}

void TestKernels::inexactSumsKeepTheirOrder()
{
    QFETCH(int, kernelH);
    QFETCH(int, kernelW);
    QFETCH(int, strideH);
    QFETCH(int, dilationW);
    QFETCH(quint64, hash);
    const int height = 40, width = 600;
    Tensor input(1, 1, height, width);
    float *v = input.data().data();
    Random rnd(42);
    for (int i = 0; i < height * width; ++i) {
        const float significand = 1.0f + float(rnd.between(0, (1 << 24) - 1)) / 16777216.0f;
        const float sign = rnd.between(0, 1) ? -1.0f : 1.0f;
        const int scale = rnd.between(0, 10);
        switch (i % width % 3) {
        case 0:
            v[i] = sign * std::ldexp(significand, 10 + scale);
            break;
        case 1:
            v[i] = sign * std::ldexp(significand, -20 + scale);
            break;
        default:
            v[i] = -v[i - 2];
        }
    }
    PoolParams p;
    p.mode = PoolMode::Avg;
    p.kernel = {kernelH, kernelW};
    p.stride = Size2{strideH, 1};
    p.dilation = {1, dilationW};
    for (const int threads : {1, 2}) {
        setThreadCount(threads);
        const PoolResult got = forward(input, p, false);
        std::uint64_t h = 1469598103934665603ull; // FNV-1a over the results' bytes
        for (const float value : got.values.data())
            for (int byte = 0; byte < 4; ++byte) {
                h ^= (std::bit_cast<std::uint32_t>(value) >> (8 * byte)) & 0xFF;
                h *= 1099511628211ull;
            }
        QCOMPARE(quint64(h), hash);
    }
}

void TestKernels::largePlanesAgreeWithReference_data()
{
    // Planes of 2100×2100 floats: an output of 16 MB or more is written with non-temporal
    // stores, and bands of hundreds of rows run through the ring of reduced rows (and of block
    // prefixes and suffixes, k ≥ 4). Max and min rows without NaN take a NaN-free form of the
    // reduction: the rows here hold ties and ±0 everywhere, NaN and ±∞ only in a few rows (and
    // one column), so that windows mix rows of both kinds.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("max 3x3/1, streamed (rows combined directly)")
        << int(PoolMode::Max) << 3 << 1 << 1 << 0 << 2100 << 2100;
    QTest::newRow("min 5x5/1 padded, streamed (van Herk rows)")
        << int(PoolMode::Min) << 5 << 1 << 1 << 2 << 2100 << 2100;
    QTest::newRow("max 4x4/1 dilation 3 padded, streamed (van Herk, three phases)")
        << int(PoolMode::Max) << 4 << 1 << 3 << 4 << 2100 << 2100;
    QTest::newRow("avg 3x3/1, large (sliding sums, stored directly)")
        << int(PoolMode::Avg) << 3 << 1 << 1 << 0 << 2100 << 2100;
    QTest::newRow("max 15x15/1 (van Herk rows, blocks across bands)")
        << int(PoolMode::Max) << 15 << 1 << 1 << 0 << 1100 << 900;
    QTest::newRow("max 3x3/2 padded (rows skipped)")
        << int(PoolMode::Max) << 3 << 2 << 1 << 1 << 1000 << 1000;
    QTest::newRow("max 5x5/2 padded (three rows, then two, per combine pass)")
        << int(PoolMode::Max) << 5 << 2 << 1 << 2 << 1000 << 600;
    QTest::newRow("min 4x4/3 dilation 2 (three rows, then one)")
        << int(PoolMode::Min) << 4 << 3 << 2 << 3 << 1000 << 600;
}

void TestKernels::largePlanesAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(int, padding);
    QFETCH(int, height);
    QFETCH(int, width);
    Random rnd(std::uint32_t(500 + mode * 100 + kernel));
    Tensor input(1, 1, height, width, 0.0f);
    float *v = input.planeData(0);
    const std::size_t w = std::size_t(width);
    for (std::size_t i = 0; i < input.size(); ++i) {
        const int s = rnd.between(0, 9);
        v[i] = s == 0 ? 0.0f : s == 1 ? -0.0f : float(rnd.between(-3, 3));
    }
    // NaN, +∞ and −∞ in rows 700, 701 and 850 (in different places), a column of NaN from
    // row 600 to 610, and an all-NaN row 800 (negative NaN).
    v[700 * w + 5] = kNaN;
    v[700 * w + w - 101] = kInf;
    v[701 * w + 500] = -kInf;
    v[850 * w + w - 1] = kNaN;
    for (std::size_t y = 600; y <= 610; ++y)
        v[y * w + 333] = std::numeric_limits<float>::signaling_NaN();
    for (std::size_t x = 0; x < w; ++x)
        v[800 * w + x] = -kNaN;
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    p.dilation = {dilation, dilation};
    p.padding = {padding, padding, padding, padding};
    const ref::Plan plan = ref::plan(toRef(p), height, width);
    const ref::Forward e = ref::forward(plan, v);
    const bool extreme = p.mode != PoolMode::Avg;
    for (const bool indices : {false, true}) {
        if (indices && !extreme)
            continue;
        for (const int threads : {1, 2}) {
            setThreadCount(threads);
            const PoolResult got = forward(input, p, indices);
            QCOMPARE(got.values.h(), plan.rows.out);
            QCOMPARE(got.values.w(), plan.cols.out);
            for (std::size_t o = 0; o < e.values.size(); ++o) {
                const bool ok = sameFloat(got.values.data()[o], e.values[o]) &&
                                (!indices || got.indices.data()[o] == e.index[o]);
                if (!ok)
                    QFAIL(qPrintable(
                        QStringLiteral("%1 thread(s), indices %2, output %3: expected %4 at %5, "
                                       "got %6 at %7")
                            .arg(threads)
                            .arg(indices)
                            .arg(o)
                            .arg(double(e.values[o]))
                            .arg(e.index.empty() ? -1 : e.index[o])
                            .arg(double(got.values.data()[o]))
                            .arg(indices ? got.indices.data()[o] : -1)));
            }
        }
    }
}

void TestKernels::wideRowsAgreeWithReference_data()
{
    // Rows of 1000 to 3000 windows through the doubling levels along the row (stride 1, k ≥ 4;
    // without indices k > 8 or a dilation): the extreme values, ties, NaN and ±∞ sit on and
    // around the edges of blocks of 1024 windows (or of four window extents, when that is more),
    // and one window extent beyond them, where a blocked or chunked pass over the row would cut
    // it. Each row: mode, kernel, dilation (along the rows), padding, ceil mode, width.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("padding");
    QTest::addColumn<bool>("ceil");
    QTest::addColumn<int>("width");
    QTest::newRow("max 9x9/1 (doubling, three blocks)")
        << int(PoolMode::Max) << 9 << 1 << 0 << false << 2600;
    QTest::newRow("min 31x31/1 padded (van Herk rows, doubling)")
        << int(PoolMode::Min) << 31 << 1 << 15 << false << 3100;
    QTest::newRow("max 4x4/1 dilation 3 (short windows, long halo)")
        << int(PoolMode::Max) << 4 << 3 << 0 << false << 2200;
    QTest::newRow("max 5x5/1 dilation 100 padded (blocks four extents wide)")
        << int(PoolMode::Max) << 5 << 100 << 200 << true << 2600;
    QTest::newRow("max 9x9/1 dilation 150 (one block: the extent dwarfs 1024)")
        << int(PoolMode::Max) << 9 << 150 << 0 << false << 2600;
    QTest::newRow("min 40x40/1, width one window more than a block")
        << int(PoolMode::Min) << 40 << 1 << 0 << false << 1024 + 40;
    QTest::newRow("max 17x17/1 padded, ceil mode, width not a multiple of anything")
        << int(PoolMode::Max) << 17 << 1 << 8 << true << 2053;
}

void TestKernels::wideRowsAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, dilation);
    QFETCH(int, padding);
    QFETCH(bool, ceil);
    QFETCH(int, width);
    const int height = 3 * kernel + 9;
    Random rnd(std::uint32_t(1300 + kernel * 7 + dilation));
    Tensor input(1, 2, height, width, 0.0f);
    for (float &v : input.data()) {
        const int s = rnd.between(0, 9);
        v = s == 0 ? 0.0f : s == 1 ? -0.0f : float(rnd.between(-3, 3));
    }
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel};
    p.stride = Size2{1, 1};
    // Down the rows a dilation of at most 2 (what matters here is along the rows).
    p.dilation = {std::min(dilation, 2), dilation};
    p.padding = {padding, padding, padding, padding};
    p.ceilMode = ceil;
    // Around each block edge (input column 1024·j: the first interior window starts at column
    // 0 whatever the padding, and block j at window 1024·j of the interior): a tie of
    // two extremes, a lone extreme, NaN (also one that is alone in its row), ±∞, in rows of
    // their own, at the edge, just before it and at the far end of the halo.
    const float extreme = p.mode == PoolMode::Min ? -50.0f : 50.0f;
    const int halo = (kernel - 1) * dilation;
    const int block = std::max(1024, 4 * halo);
    int row = 1;
    for (int edge = block; edge < width; edge += block)
        for (const int at : {edge - 1, edge, edge + halo - 1, edge + halo}) {
            if (at < 0 || at >= width)
                continue;
            const int y = row++ % height;
            input.at(0, 0, y, at) = extreme;
            input.at(0, 0, (y + 2) % height, at) = extreme;
            input.at(0, 0, (y + 2) % height, std::min(at + 1, width - 1)) = extreme;
            input.at(0, 1, y, at) = kNaN;
            input.at(0, 1, (y + 3) % height, at) = at % 2 ? kInf : -kInf;
            input.at(0, 1, (y + 5) % height, at) = -kNaN;
        }
    const ref::Plan plan = ref::plan(toRef(p), height, width);
    QVERIFY(plan.possible());
    for (int plane = 0; plane < 2; ++plane) {
        const ref::Forward e = ref::forward(plan, input.planeData(plane));
        for (const bool indices : {false, true})
            for (const int threads : {1, 2}) {
                setThreadCount(threads);
                const PoolResult got = forward(input, p, indices);
                QCOMPARE(got.values.h(), plan.rows.out);
                QCOMPARE(got.values.w(), plan.cols.out);
                const float *values = got.values.planeData(plane);
                const std::int64_t *index = indices ? got.indices.planeData(plane) : nullptr;
                const QString diff =
                    planeDifference(e, values, index, plan.cols.out, plane, threads, indices);
                if (!diff.isEmpty())
                    QFAIL(qPrintable(diff));
            }
    }
}

void TestKernels::tasksAcrossPlanesAgreeWithReference_data()
{
    // Several planes, large enough for threads: the output rows of all planes are cut into tasks
    // of equal height, which end inside one plane and start inside the next (the van Herk ring
    // restarts there; with one thread it runs through whole planes). Each row: mode, kernel,
    // stride, dilation, padding, planes, height, width.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("planes");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("max 31x31/1 (van Herk, blocks cut by tasks)")
        << int(PoolMode::Max) << 31 << 1 << 1 << 0 << 3 << 157 << 149;
    QTest::newRow("min 5x5/1 padded (van Herk)")
        << int(PoolMode::Min) << 5 << 1 << 1 << 2 << 5 << 97 << 139;
    QTest::newRow("max 4x4/1 dilation 2 (van Herk, two phases)")
        << int(PoolMode::Max) << 4 << 1 << 2 << 0 << 3 << 131 << 173;
    QTest::newRow("max 40x3/1, kernel taller than a task")
        << int(PoolMode::Max) << 40 << 1 << 1 << 0 << 7 << 61 << 157;
    QTest::newRow("max 3x3/1 (rows combined directly)")
        << int(PoolMode::Max) << 3 << 1 << 1 << 1 << 4 << 113 << 151;
    QTest::newRow("min 3x3/2 padded (rows skipped)")
        << int(PoolMode::Min) << 3 << 2 << 1 << 1 << 3 << 211 << 129;
}

void TestKernels::tasksAcrossPlanesAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(int, padding);
    QFETCH(int, planes);
    QFETCH(int, height);
    QFETCH(int, width);
    Random rnd(std::uint32_t(900 + kernel * 10 + planes));
    Tensor input(1, planes, height, width, 0.0f);
    QVERIFY(input.size() >= std::size_t(1) << 16); // enough for the threads to start
    for (float &v : input.data()) {
        const int s = rnd.between(0, 199);
        v = s == 0   ? kNaN
            : s == 1 ? kInf
            : s == 2 ? -kInf
            : s < 40 ? (s % 2 ? 0.0f : -0.0f)
                     : float(rnd.between(-3, 3));
    }
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernel, kernel == 40 ? 3 : kernel};
    p.stride = Size2{stride, stride};
    p.dilation = {dilation, dilation};
    p.padding = {padding, padding, padding, padding};
    const ref::Plan plan = ref::plan(toRef(p), height, width);
    QVERIFY(plan.possible());
    std::vector<ref::Forward> expected; // per plane, computed once (slow under the sanitizers)
    for (int c = 0; c < planes; ++c)
        expected.push_back(ref::forward(plan, input.planeData(c)));
    for (const int threads : {1, 2, 7})
        for (const bool indices : {false, true}) {
            setThreadCount(threads);
            const PoolResult got = forward(input, p, indices);
            QCOMPARE(got.values.h(), plan.rows.out);
            QCOMPARE(got.values.w(), plan.cols.out);
            QCOMPARE(got.indices.empty(), !indices);
            for (int c = 0; c < planes; ++c) {
                const ref::Forward &e = expected[std::size_t(c)];
                for (std::size_t o = 0; o < e.values.size(); ++o) {
                    const float v = got.values.planeData(c)[o];
                    const std::int64_t i = indices ? got.indices.planeData(c)[o] : e.index[o];
                    if (!sameFloat(v, e.values[o]) || i != e.index[o])
                        QFAIL(
                            qPrintable(QStringLiteral("%1 thread(s), indices %2, plane %3 "
                                                      "output %4: expected %5 at %6, got %7 at %8")
                                           .arg(threads)
                                           .arg(indices)
                                           .arg(c)
                                           .arg(o)
                                           .arg(double(e.values[o]))
                                           .arg(e.index[o])
                                           .arg(double(v))
                                           .arg(i)));
                }
            }
        }
}

void TestKernels::blockedRowsAgreeWithReference_data()
{
    // Max and min without indices, stride-1 undilated rows of 4 to 25 taps: four output rows at
    // a time from the k + 3 reduced rows they read (blockOfFour: unrolled up to 16 taps, a loop
    // beyond), and along the columns a first pass that finds NaN itself (smallInterior for
    // undilated k ≤ 8, else doubling's level 2). Whole vectors and a tail of columns, heights
    // that leave one to three output rows after the groups, padding (windows clipped at the top
    // and bottom: row by row), NaN, ±∞ and ±0 ties at vector edges, in the interior's last
    // k − 1 columns (read by no window's first tap) and in the padded border columns. Each row:
    // mode, kernel (rows × columns), column dilation, padding, height, width, bytes.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernelRows");
    QTest::addColumn<int>("kernelCols");
    QTest::addColumn<int>("dilationCols");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("bytes");
    const auto max = int(PoolMode::Max), min = int(PoolMode::Min);
    QTest::newRow("max 4x4/1, 37 wide") << max << 4 << 4 << 1 << 0 << 20 << 37 << false;
    QTest::newRow("max 5x5/1, 203 wide") << max << 5 << 5 << 1 << 0 << 27 << 203 << false;
    QTest::newRow("min 5x5/1 padded") << min << 5 << 5 << 1 << 2 << 30 << 61 << false;
    QTest::newRow("max 7x7/1, 1001 wide") << max << 7 << 7 << 1 << 0 << 22 << 1001 << false;
    QTest::newRow("min 7x7/1 padded, 8 wide") << min << 7 << 7 << 1 << 3 << 19 << 8 << false;
    QTest::newRow("max 5x3/1 (columns of 3 taps)") << max << 5 << 3 << 1 << 0 << 26 << 45 << false;
    QTest::newRow("max 6x8/1") << max << 6 << 8 << 1 << 1 << 25 << 77 << false;
    QTest::newRow("min 9x9/1 (doubling columns)") << min << 9 << 9 << 1 << 0 << 33 << 299 << false;
    QTest::newRow("max 8x5/1 column dilation 2") << max << 8 << 5 << 2 << 0 << 24 << 90 << false;
    QTest::newRow("max 16x16/1 padded") << max << 16 << 16 << 1 << 5 << 41 << 131 << false;
    QTest::newRow("min 17x17/1 (not unrolled)") << min << 17 << 17 << 1 << 0 << 42 << 100 << false;
    QTest::newRow("max 25x25/1 padded") << max << 25 << 25 << 1 << 12 << 58 << 333 << false;
    QTest::newRow("max 26x26/1 (van Herk rows)") << max << 26 << 26 << 1 << 0 << 60 << 70 << false;
    QTest::newRow("bytes max 7x7/1") << max << 7 << 7 << 1 << 0 << 23 << 101 << true;
    QTest::newRow("bytes min 20x20/1 padded") << min << 20 << 20 << 1 << 4 << 47 << 70 << true;
}

void TestKernels::blockedRowsAgreeWithReference()
{
    QFETCH(int, mode);
    QFETCH(int, kernelRows);
    QFETCH(int, kernelCols);
    QFETCH(int, dilationCols);
    QFETCH(int, padding);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(bool, bytes);
    Random rnd(std::uint32_t(1700 + kernelRows * 31 + kernelCols + width));
    // Plane 0: numbers only, +0 and −0 the extreme of most windows (the first in row-major
    // order must win, so the combines' order shows); plane 1: the same with NaN, ±∞ and extremes
    // at chosen columns in some rows, so that groups of four rows mix rows with and without
    // NaN; plane 2 (floats): NaN only in a row's last or first columns.
    const int planes = bytes ? 2 : 3;
    Tensor input(1, planes, height, width, 0.0f);
    const float away = mode == int(PoolMode::Min) ? 1.0f : -1.0f; // from the extreme
    for (float &v : input.data()) {
        const int s = rnd.between(0, 5);
        v = bytes ? float(rnd.between(0, 3) * 85)
                  : (s == 0   ? 0.0f
                     : s == 1 ? -0.0f
                              : away * float(rnd.between(1, 3)));
    }
    const float extreme = bytes ? (mode == int(PoolMode::Min) ? 0.0f : 255.0f)
                                : (mode == int(PoolMode::Min) ? -50.0f : 50.0f);
    const int halo = (kernelCols - 1) * dilationCols;
    for (int y = 0; y < height; y += 3)
        for (const int x : {0, 1, 7, 8, 15, 16, width / 2, width - halo - 1, width - halo,
                            width - 2, width - 1}) {
            if (x < 0 || x >= width)
                continue;
            const int kind = (x + y) % 5;
            input.at(0, 1, y, x) = bytes       ? extreme
                                   : kind == 0 ? kNaN
                                   : kind == 1 ? -kNaN
                                   : kind == 2 ? kInf
                                   : kind == 3 ? -kInf
                                               : extreme;
        }
    if (!bytes)
        for (int y = 1; y < height; y += 5)
            input.at(0, 2, y, y % 2 ? width - 1 - (y / 5) % std::max(halo, 1) : (y / 5) % 3) = kNaN;
    PoolParams p;
    p.mode = PoolMode(mode);
    p.kernel = {kernelRows, kernelCols};
    p.stride = Size2{1, 1};
    p.dilation = {1, dilationCols};
    p.padding = {padding, padding, padding, padding};
    const ref::Plan plan = ref::plan(toRef(p), height, width);
    QVERIFY(plan.possible());
    for (int plane = 0; plane < planes; ++plane) {
        const ref::Forward e = ref::forward(plan, input.planeData(plane));
        for (const bool indices : {false, true})
            for (const int threads : {1, 2}) {
                if (bytes && indices)
                    continue;
                setThreadCount(threads);
                std::vector<float> values;
                std::vector<std::int64_t> index;
                if (bytes) {
                    ByteTensor got;
                    forwardBytes(toBytes(input), p, got);
                    QCOMPARE(got.h(), plan.rows.out);
                    QCOMPARE(got.w(), plan.cols.out);
                    values.assign(got.planeData(plane), got.planeData(plane) + e.values.size());
                } else {
                    const PoolResult got = forward(input, p, indices);
                    QCOMPARE(got.values.h(), plan.rows.out);
                    QCOMPARE(got.values.w(), plan.cols.out);
                    values.assign(got.values.planeData(plane),
                                  got.values.planeData(plane) + e.values.size());
                    if (indices)
                        index.assign(got.indices.planeData(plane),
                                     got.indices.planeData(plane) + e.index.size());
                }
                const QString diff =
                    planeDifference(e, values.data(), index.empty() ? nullptr : index.data(),
                                    plan.cols.out, plane, threads, indices);
                if (!diff.isEmpty())
                    QFAIL(qPrintable(diff));
            }
    }
}

void TestKernels::windowGradientsSumToBackward_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("max") << int(PoolMode::Max);
    QTest::newRow("min") << int(PoolMode::Min);
    QTest::newRow("avg") << int(PoolMode::Avg);
    QTest::newRow("lp") << int(PoolMode::Lp);
}

void TestKernels::windowGradientsSumToBackward()
{
    QFETCH(int, mode);
    Random rnd(std::uint32_t(77 + mode));
    for (int n = 0; n < 60; ++n) {
        Case c = randomCase(rnd, PoolMode(mode), Values::Integers);
        const Tensor plane = c.input.planeTensor(0, 0);
        const PoolResult pooled = forward(plane, c.params);
        Tensor up = Tensor::matrix(pooled.values.h(), pooled.values.w());
        for (float &u : up.data())
            u = float(rnd.between(-3, 3));
        // Adding every window's shares in output order is what backward does, up to the
        // order of float additions where windows overlap.
        std::vector<double> sum(plane.size(), 0.0);
        for (int oy = 0; oy < up.h(); ++oy)
            for (int ox = 0; ox < up.w(); ++ox)
                for (const GradientShare &s : windowGradient(plane, pooled, oy, ox, up.at(oy, ox)))
                    sum[std::size_t(s.index)] += s.amount;
        const Tensor grad = backward(plane, c.params, up);
        for (std::size_t i = 0; i < grad.size(); ++i)
            QVERIFY2(closeTo(grad.data()[i], sum[i], 1e-5),
                     qPrintable(QStringLiteral("%1\n  cell %2: backward %3, window shares %4")
                                    .arg(QString::fromStdString(describeCase(c)))
                                    .arg(i)
                                    .arg(double(grad.data()[i]))
                                    .arg(sum[i])));
    }
}

QTEST_GUILESS_MAIN(TestKernels)
#include "tst_kernels.moc"
