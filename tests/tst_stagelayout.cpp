// The stage's layout (ui/render/stagelayout.cpp): hit testing against the drawn cells, the
// preferred size, extreme shapes that still lay out, small cells that keep their numbers, and
// nothing drawn past the edges.
#include "renderutil.h"

#include "stagerenderer.h"
#include <QTest>
#include <cmath>
#include <limits>

using namespace poolviz;
using namespace poolviz::test;

class TestStageLayout : public QObject
{
    Q_OBJECT
private slots:
    void hitTestRoundTrip_data();
    void hitTestRoundTrip();
    void preferredSize_data();
    void preferredSize();
    void extremesRender_data();
    void extremesRender();
    void smallCellsKeepTheirNumbers();
    void edgesStayClear_data();
    void edgesStayClear();
};

void TestStageLayout::hitTestRoundTrip_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<QRect>("inputRange"); // x = first col, y = first row, width × height
    QTest::addColumn<QRectF>("target");

    const QRectF wide(0, 0, 1280, 720);
    const QRectF offset(37, 51, 900, 700);
    QTest::newRow("seed 2x2 s1") << seedMatrix() << maxPool(2, 1) << false << QRect(0, 0, 4, 4)
                                 << wide;
    QTest::newRow("seed 2x2 s1, offset target")
        << seedMatrix() << maxPool(2, 1) << false << QRect(0, 0, 4, 4) << offset;
    PoolParams pad1 = maxPool(2, 2);
    pad1.padding = {1, 1, 1, 1};
    QTest::newRow("padding 1") << seedMatrix() << pad1 << false << QRect(-1, -1, 6, 6) << wide;
    PoolParams asym = maxPool(3, 2);
    asym.padding = {0, 1, 1, 0};
    QTest::newRow("padding t0 b1 l1 r0")
        << ramp(5, 6) << asym << false << QRect(-1, 0, 7, 6) << offset;
    PoolParams same = maxPool(2, 2);
    same.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("SAME 5x5") << ramp(5, 5) << same << false << QRect(0, 0, 6, 6) << wide;
    PoolParams ceil = maxPool(2, 2);
    ceil.ceilMode = true;
    QTest::newRow("ceil overhang") << ramp(5, 5) << ceil << false << QRect(0, 0, 6, 6) << wide;
    QTest::newRow("backward 3x3 s2")
        << ramp(5, 5) << maxPool(3, 2) << true << QRect(0, 0, 5, 5) << wide;
    QTest::newRow("backward, offset")
        << seedMatrix() << pad1 << true << QRect(-1, -1, 6, 6) << offset;
    QTest::newRow("1x1") << Tensor::fromRows({{5}}) << maxPool(1, 1) << false << QRect(0, 0, 1, 1)
                         << wide;
    QTest::newRow("64x64") << ramp(64, 64) << maxPool(2, 2) << false << QRect(0, 0, 64, 64)
                           << QRectF(0, 0, 1920, 1080);
}

void TestStageLayout::hitTestRoundTrip()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(QRect, inputRange);
    QFETCH(QRectF, target);
    const Trace trace = makeTrace(input, params, backward ? Phase::Backward : Phase::Forward);
    const StageRenderer stage(trace);
    const int outH = trace.geometry().outH(), outW = trace.geometry().outW();

    struct Range
    {
        StageGrid grid;
        int row0, col0, rows, cols;
    };
    std::vector<Range> ranges{
        {StageGrid::Input, inputRange.y(), inputRange.x(), inputRange.height(), inputRange.width()},
        {StageGrid::Output, 0, 0, outH, outW}};
    if (backward) {
        ranges.push_back({StageGrid::Upstream, 0, 0, outH, outW});
        ranges.push_back({StageGrid::InputGradient, 0, 0, input.h(), input.w()});
    } else {
        QVERIFY(stage.cellRect({StageGrid::Upstream, 0, 0}, target).isEmpty());
        QVERIFY(stage.cellRect({StageGrid::InputGradient, 0, 0}, target).isEmpty());
    }
    for (const Range &g : ranges) {
        for (int r = g.row0; r < g.row0 + g.rows; ++r)
            for (int c = g.col0; c < g.col0 + g.cols; ++c) {
                const StageCell cell{g.grid, r, c};
                const QRectF rect = stage.cellRect(cell, target);
                QVERIFY(!rect.isEmpty());
                QVERIFY(target.contains(rect));
                QCOMPARE(rect.width(), rect.height());
                for (const QPointF &p : {rect.center(), rect.topLeft() + QPointF(0.25, 0.25),
                                         rect.bottomRight() - QPointF(0.25, 0.25)}) {
                    const auto hit = stage.hitTest(p, target);
                    QVERIFY2(
                        hit && *hit == cell,
                        qPrintable(
                            QStringLiteral("grid %1 (%2, %3)").arg(int(g.grid)).arg(r).arg(c)));
                }
            }
        // One past each end is not a cell of this grid.
        QVERIFY(stage.cellRect({g.grid, g.row0 - 1, g.col0}, target).isEmpty());
        QVERIFY(stage.cellRect({g.grid, g.row0 + g.rows, g.col0}, target).isEmpty());
        QVERIFY(stage.cellRect({g.grid, g.row0, g.col0 - 1}, target).isEmpty());
        QVERIFY(stage.cellRect({g.grid, g.row0, g.col0 + g.cols}, target).isEmpty());
    }
    QVERIFY(!stage.hitTest(target.topLeft() + QPointF(1, 1), target));
    QVERIFY(!stage.hitTest(target.bottomRight() - QPointF(1, 1), target));
}

void TestStageLayout::preferredSize_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<bool>("fullCells"); // 56 px cells fit the screen

    QTest::newRow("seed forward") << seedMatrix() << maxPool(2, 1) << false << true;
    QTest::newRow("seed backward") << seedMatrix() << maxPool(2, 1) << true << true;
    QTest::newRow("1x1") << Tensor::fromRows({{5}}) << maxPool(1, 1) << false << true;
    QTest::newRow("64x64 forward") << ramp(64, 64) << maxPool(2, 2) << false << false;
    QTest::newRow("64x64 backward") << ramp(64, 64) << maxPool(3, 1) << true << false;
}

void TestStageLayout::preferredSize()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(bool, fullCells);
    const Trace trace = makeTrace(input, params, backward ? Phase::Backward : Phase::Forward);
    const StageRenderer stage(trace);
    const QSize size = stage.preferredSize();
    QVERIFY(size.width() <= 1920 && size.height() <= 1080);
    QVERIFY(size.width() >= 320 && size.height() >= 200);
    const double s = stage.cellSize(QRectF(QPointF(0, 0), QSizeF(size)));
    if (fullCells)
        QCOMPARE(s, 56.0);
    else
        QVERIFY2(s < 56 && s >= 5, qPrintable(QString::number(s)));
    // Everything lies inside the preferred size.
    const QRectF target(QPointF(0, 0), QSizeF(size));
    QVERIFY(
        target.contains(stage.cellRect({StageGrid::Input, input.h() - 1, input.w() - 1}, target)));
}

void TestStageLayout::extremesRender_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QTest::newRow("NaN and inf") << Tensor::fromRows({{1, nan, 3}, {inf, -inf, 2}, {0, 5, -1}})
                                 << maxPool(2, 1) << false;
    PoolParams avg = maxPool(3, 1);
    avg.mode = PoolMode::Avg;
    avg.padding = {1, 1, 1, 1};
    QTest::newRow("avg padding, long numbers") << ramp(4, 4) << avg << false;
    PoolParams lp = maxPool(2, 1);
    lp.mode = PoolMode::Lp;
    QTest::newRow("lp backward") << ramp(3, 3) << lp << true;
    QTest::newRow("1x1") << Tensor::fromRows({{7}}) << maxPool(1, 1) << true;
    QTest::newRow("64x64 colours only") << ramp(64, 64) << maxPool(2, 2) << false;
    PoolParams global;
    global.global = true;
    QTest::newRow("global") << ramp(6, 6) << global << true;
}

void TestStageLayout::extremesRender()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    const Trace trace = makeTrace(input, params, backward ? Phase::Backward : Phase::Forward);
    const StageRenderer stage(trace);
    for (int step : {-1, 0, int(trace.steps.size()) - 1}) {
        for (double motion : {0.3, 1.0}) {
            StageView view;
            view.step = step;
            view.motion = motion;
            view.hover = StageCell{StageGrid::Input, 0, 0};
            const QImage image = stage.render(stage.preferredSize(), view);
            QCOMPARE(image.size(), stage.preferredSize());
            // Something was drawn in the first input cell.
            const QRectF cell = stage.cellRect({StageGrid::Input, 0, 0},
                                               QRectF(QPointF(0, 0), QSizeF(image.size())), view);
            QVERIFY(!cell.isEmpty());
        }
    }
}

void TestStageLayout::smallCellsKeepTheirNumbers()
{
    // 16×16 adaptive average to 3×3, backward, on 1280×720: cells of about 27 px. The gradient
    // 1/36 = 0.02778 is too long to be readable there, so the cell shows fewer digits rather
    // than nothing; 0 stays 0.
    Tensor big = Tensor::matrix(16, 16);
    for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
            big.at(r, c) = float((r * 37 + c * 11) % 100);
    PoolParams params;
    params.mode = PoolMode::Avg;
    params.adaptiveOutput = Size2{3, 3};
    const Trace trace = makeTrace(big, params, Phase::Backward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 4; // output (1, 1)
    const QImage image = stage.render(kStage, view);
    const double s = stage.cellSize(kTarget, view);
    QVERIFY2(s >= 16 && s < 32, qPrintable(QString::number(s)));
    QCOMPARE(trace.gradientAfter(4).at(0, 0), 1.0f / 36);
    auto ink = [&](StageGrid grid, int r, int c) {
        const QRectF cell = inset(stage.cellRect({grid, r, c}, kTarget, view), 0.12);
        int n = 0;
        for (int y = int(cell.top()); y < int(cell.bottom()); ++y)
            for (int x = int(cell.left()); x < int(cell.right()); ++x)
                n += qGray(image.pixel(x, y)) < 110;
        return n;
    };
    QVERIFY2(ink(StageGrid::InputGradient, 0, 0) > 8,
             qPrintable(QString::number(ink(StageGrid::InputGradient, 0, 0))));
    QVERIFY(ink(StageGrid::Output, 0, 0) > 8); // 46.61…
}

void TestStageLayout::edgesStayClear_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<QSize>("size");
    // A 1×1 backward stage is as wide as its titles: "∂L/∂input 1×1, running sum" used to end
    // 3 px from the right edge (titles are centred on the cells, right of the column's middle).
    QTest::newRow("1x1 backward") << Tensor::fromRows({{7}}) << maxPool(1, 1) << true
                                  << QSize(1280, 720);
    QTest::newRow("seed backward, square")
        << seedMatrix() << maxPool(2, 1) << true << QSize(800, 820);
    QTest::newRow("seed forward, narrow")
        << seedMatrix() << maxPool(2, 2) << false << QSize(420, 900);
    QTest::newRow("64x64") << ramp(64, 64) << maxPool(2, 2) << false << QSize(1920, 1080);
}

void TestStageLayout::edgesStayClear()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(QSize, size);
    const Trace trace = makeTrace(input, params, backward ? Phase::Backward : Phase::Forward);
    const StageRenderer stage(trace);
    for (int step : {-1, 0}) {
        StageView view;
        view.step = step;
        const QImage image = stage.render(size, view);
        // Nothing is drawn within 6 px of the edges.
        const QRect inner = image.rect().adjusted(6, 6, -6, -6);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (!inner.contains(x, y) && image.pixel(x, y) != qRgb(255, 255, 255))
                    QFAIL(qPrintable(
                        QStringLiteral("step %1: ink at (%2, %3)").arg(step).arg(x).arg(y)));
    }
}

QTEST_MAIN(TestStageLayout)
#include "tst_stagelayout.moc"
