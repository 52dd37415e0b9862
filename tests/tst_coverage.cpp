// The coverage map (how many windows read each input cell) and the stride explorer's series of
// variants. Every expected map is counted by hand from the windows' taps, written out below the
// row; none comes from the core's own per-axis coverage.

#include "coverage.h"
#include "pool.h"
#include "testutil.h"

#include <QTest>

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {

PoolParams strided(Size2 kernel, Size2 stride, Size2 dilation = {1, 1})
{
    PoolParams p;
    p.kernel = kernel;
    p.stride = stride;
    p.dilation = dilation;
    return p;
}

QString mapText(const CoverageMap &m)
{
    QString s;
    for (int r = 0; r < m.rows; ++r) {
        for (int c = 0; c < m.cols; ++c)
            s += QString::number(m.at(r, c)) + (c + 1 < m.cols ? " " : "");
        s += r + 1 < m.rows ? " | " : "";
    }
    return s;
}

} // namespace

class TestCoverage : public QObject
{
    Q_OBJECT
private slots:
    void handCountedMaps_data();
    void handCountedMaps();
    void refusedAboveTheLimit();
    void invalidParametersAreRefused();
    void strideSeries();
    void kernelSeries();
    void impossibleVariantSaysWhy();
    void adaptiveHasNoSeries();
};

void TestCoverage::handCountedMaps_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("inH");
    QTest::addColumn<int>("inW");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("maxCount");

    // Windows [0,2] and [2,4] per axis: position 2 is read twice, so the centre 2·2 = 4 times.
    QTest::newRow("5x5 k3 s2: corners 1, centre 4")
        << strided({3, 3}, {2, 2}) << 5 << 5
        << "1 1 2 1 1 | 1 1 2 1 1 | 2 2 4 2 2 | 1 1 2 1 1 | 1 1 2 1 1" << 0 << 4;
    // Windows [0,1] and [3,4]: position 2 lies between them, so row 2 and column 2 are never
    // read (9 cells).
    QTest::newRow("5x5 k2 s3: skipped cells 0")
        << strided({2, 2}, {3, 3}) << 5 << 5
        << "1 1 0 1 1 | 1 1 0 1 1 | 0 0 0 0 0 | 1 1 0 1 1 | 1 1 0 1 1" << 9 << 1;
    // Windows [0,1], [2,3]; the last cell is left over without ceil mode.
    QTest::newRow("5x5 k2 s2 floor: last row and column skipped")
        << strided({2, 2}, {2, 2}) << 5 << 5
        << "1 1 1 1 0 | 1 1 1 1 0 | 1 1 1 1 0 | 1 1 1 1 0 | 0 0 0 0 0" << 9 << 1;
    // Ceil mode adds window [4,5]: 4 in the input, 5 overhang (not a cell, not counted).
    PoolParams ceil = strided({2, 2}, {2, 2});
    ceil.ceilMode = true;
    QTest::newRow("5x5 k2 s2 ceil: overhang window reads the last cell once")
        << ceil << 5 << 5 << "1 1 1 1 1 | 1 1 1 1 1 | 1 1 1 1 1 | 1 1 1 1 1 | 1 1 1 1 1" << 0 << 1;
    // Padding 1, k3 s1 on 4: windows [−1,1], [0,2], [1,3], [2,4]; position 0 is in two of them,
    // 1 and 2 in three, 3 in two. Padding cells −1 and 4 are not part of the map.
    PoolParams padded = strided({3, 3}, {1, 1});
    padded.padding = {1, 1, 1, 1};
    QTest::newRow("4x4 k3 s1 pad 1: overlap 4, 6, 9")
        << padded << 4 << 4 << "4 6 6 4 | 6 9 9 6 | 6 9 9 6 | 4 6 6 4" << 0 << 9;
    // Dilation 2, k2 s2 on 5: taps {0, 2} and {2, 4}; cells 1 and 3 lie between taps and are
    // never read, cell 2 is read by both windows.
    QTest::newRow("5x5 k2 d2 s2: holes between dilated taps")
        << strided({2, 2}, {2, 2}, {2, 2}) << 5 << 5
        << "1 0 2 0 1 | 0 0 0 0 0 | 2 0 4 0 2 | 0 0 0 0 0 | 1 0 2 0 1" << 16 << 4;
    // Non-square: rows k1 s1 (every row once), columns k3 s1 on 4: [0,2], [1,3] → 1 2 2 1.
    QTest::newRow("2x4 k1x3 s1") << strided({1, 3}, {1, 1}) << 2 << 4 << "1 2 2 1 | 1 2 2 1" << 0
                                 << 2;
}

void TestCoverage::handCountedMaps()
{
    QFETCH(PoolParams, params);
    QFETCH(int, inH);
    QFETCH(int, inW);
    QFETCH(QString, expected);
    QFETCH(int, skipped);
    QFETCH(int, maxCount);
    const CoverageMap m = coverageMap(computeGeometry(params, inH, inW));
    QCOMPARE(m.rows, inH);
    QCOMPARE(m.cols, inW);
    QCOMPARE(mapText(m), expected);
    QCOMPARE(m.skipped(), std::int64_t(skipped));
    QCOMPARE(m.maxCount(), maxCount);
    QCOMPARE(m.at(-1, 0), 0);
    QCOMPARE(m.at(0, inW), 0);
}

void TestCoverage::refusedAboveTheLimit()
{
    const Geometry g = computeGeometry(strided({2, 2}, {2, 2}), 5, 5);
    Limits tight;
    tight.values = 24;
    try {
        (void)coverageMap(g, tight);
        QFAIL("a 25-cell map was made under a limit of 24");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromStdString(e.what()),
                 QStringLiteral("input 5\u00d75 = 25 values is above the limit of 24"));
    }
    tight.values = 25;
    QCOMPARE(coverageMap(g, tight).counts.size(), std::size_t(25));
}

void TestCoverage::invalidParametersAreRefused()
{
    const Geometry g = computeGeometry(strided({4, 4}, {1, 1}), 3, 3);
    QVERIFY(!g.ok());
    QVERIFY_THROWS_EXCEPTION(PoolError, (void)coverageMap(g));
}

void TestCoverage::strideSeries()
{
    PoolParams p; // max 2×2, stride unset (= kernel)
    const std::vector<PoolingVariant> series = poolingVariants(p, 5, 5, VariantAxis::Stride);
    QCOMPARE(series.size(), std::size_t(3)); // strides 1, 2 and 3 = k + 1
    // out = ⌊(5 − 2)/s⌋ + 1: 4, 2, 2.
    const int outs[] = {4, 2, 2};
    // s1: axis 1 2 2 2 1, none skipped, centre 2·2; s2: [0,1], [2,3], cell 4 left over: 25 − 16;
    // s3: [0,1], [3,4], cell 2 skipped: 25 − 16.
    const int skipped[] = {0, 9, 9};
    const int maxCount[] = {4, 1, 1};
    for (int i = 0; i < 3; ++i) {
        const PoolingVariant &v = series[std::size_t(i)];
        QVERIFY2(v.ok(), v.errorText().c_str());
        QCOMPARE(v.params.effectiveStride(), (Size2{i + 1, i + 1}));
        QCOMPARE(v.params.kernel, (Size2{2, 2}));
        QCOMPARE(v.outH, outs[i]);
        QCOMPARE(v.outW, outs[i]);
        QCOMPARE(v.coverage.skipped(), std::int64_t(skipped[i]));
        QCOMPARE(v.coverage.maxCount(), maxCount[i]);
    }
    QCOMPARE(series[2].coverage.at(2, 0), 0);
    QCOMPARE(series[0].coverage.at(2, 2), 4);
}

void TestCoverage::kernelSeries()
{
    PoolParams p;
    p.kernel = {2, 2};
    p.stride = Size2{2, 2};
    const std::vector<PoolingVariant> series = poolingVariants(p, 5, 5, VariantAxis::Kernel);
    QCOMPARE(series.size(), std::size_t(3)); // kernels 1, 2, 3
    // k1 s2 reads 0, 2, 4 per axis: 3×3 outputs, 25 − 9 skipped.
    QCOMPARE(series[0].outH, 3);
    QCOMPARE(series[0].coverage.skipped(), std::int64_t(16));
    QCOMPARE(series[1].outH, 2);
    QCOMPARE(series[1].coverage.skipped(), std::int64_t(9));
    // k3 s2: [0,2], [2,4]: nothing skipped, cell (2, 2) read by 4 windows.
    QCOMPARE(series[2].outH, 2);
    QCOMPARE(series[2].coverage.skipped(), std::int64_t(0));
    QCOMPARE(series[2].coverage.at(2, 2), 4);
    for (const PoolingVariant &v : series)
        QCOMPARE(v.params.effectiveStride(), (Size2{2, 2}));
}

void TestCoverage::impossibleVariantSaysWhy()
{
    PoolParams p;
    p.kernel = {2, 2};
    const std::vector<PoolingVariant> series = poolingVariants(p, 2, 2, VariantAxis::Kernel);
    QCOMPARE(series.size(), std::size_t(3));
    QVERIFY(series[1].ok());
    QCOMPARE(series[1].outH, 1);
    // A 3×3 kernel does not fit a 2×2 input: the entry says so and holds no map.
    QVERIFY(!series[2].ok());
    QVERIFY2(
        QString::fromStdString(series[2].errorText()).contains(QStringLiteral("kernel 3\u00d73")),
        series[2].errorText().c_str());
    QCOMPARE(series[2].outH, 0);
    QVERIFY(series[2].coverage.counts.empty());
}

void TestCoverage::adaptiveHasNoSeries()
{
    PoolParams p;
    p.global = true;
    QVERIFY(poolingVariants(p, 4, 4, VariantAxis::Stride).empty());
}

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"
