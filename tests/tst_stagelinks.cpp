// The stage's link arrow (ui/render/stagelinks.cpp, linkrouter.cpp): it keeps clear of every text
// and always shows.
#include "renderutil.h"

#include "examples.h"
#include "stagerenderer.h"
#include <QTest>
#include <cmath>

using namespace poolviz;
using namespace poolviz::test;

class TestStageLinks : public QObject
{
    Q_OBJECT
private slots:
    void linkAvoidsText_data();
    void linkAvoidsText();
    void linkAlwaysShown();
};

void TestStageLinks::linkAvoidsText_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<QSize>("size");
    auto example = [](const char *id) {
        const Example *e = findExample(id);
        Q_ASSERT(e);
        return std::pair{e->input, e->params};
    };
    const QSize wide(1280, 720), square(800, 820), narrow(500, 900);
    const auto [seed001, seed001Params] = example("seed001-max");
    const auto [seed002, avg] = example("seed002-avg");
    const auto [same, sameParams] = example("same-max");
    const auto [dilated, dilatedParams] = example("dilation");
    // The lead's two reports: seed 001 step 2 ran across output (0,0)'s "16"; seed 000 stride 1
    // backward step 5 started on the upstream grid's row index "1".
    QTest::newRow("seed001 max") << seed001 << seed001Params << false << wide;
    QTest::newRow("seed000 stride 1 backward") << seedMatrix() << maxPool(2, 1) << true << wide;
    QTest::newRow("seed000 stride 1 backward, 2x2 arrangement")
        << seedMatrix() << maxPool(2, 1) << true << square;
    QTest::newRow("seed002 avg") << seed002 << avg << false << wide;
    QTest::newRow("seed002 avg, output below input") << seed002 << avg << false << narrow;
    QTest::newRow("seed002 avg backward") << seed002 << avg << true << square;
    QTest::newRow("SAME max") << same << sameParams << false << wide;
    QTest::newRow("dilation") << dilated << dilatedParams << false << wide;
    Tensor big = Tensor::matrix(16, 16);
    for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
            big.at(r, c) = float((r * 37 + c * 11) % 100);
    QTest::newRow("16x16 k3 s2") << big << maxPool(3, 2) << false << QSize(1920, 1080);
}

void TestStageLinks::linkAvoidsText()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(QSize, size);
    const Trace trace = makeTrace(input, params, backward ? Phase::Backward : Phase::Forward);
    const Geometry &g = trace.geometry();
    const StageRenderer stage(trace);
    const QRectF target(QPointF(0, 0), QSizeF(size));
    StageView view;
    QVERIFY(stage.linkPath(target, view).isEmpty()); // before the first step: no link
    const double s = stage.cellSize(target, view);
    QVERIFY2(s >= 34, qPrintable(QString::number(s))); // numbers and indices are drawn
    const Padding pad = g.resolvedPadding();

    struct Shown
    {
        StageGrid grid;
        int rows, cols; ///< real cells, which carry indices
        int row0, col0; ///< first row/column drawn (the padding ring included)
        int rowN, colN; ///< one past the last drawn
    };
    const int inH = input.h(), inW = input.w(), outH = g.outH(), outW = g.outW();
    std::vector<Shown> grids{
        {StageGrid::Input, inH, inW, -pad.top, -pad.left, inH + pad.bottom, inW + pad.right},
        {StageGrid::Output, outH, outW, 0, 0, outH, outW}};
    if (backward) {
        grids.push_back({StageGrid::Upstream, outH, outW, 0, 0, outH, outW});
        grids.push_back({StageGrid::InputGradient, inH, inW, 0, 0, inH, inW});
    }

    for (int step = 0; step < int(trace.steps.size()); ++step) {
        view.step = step;
        const Step &st = trace.steps[std::size_t(step)];
        const QPainterPath link = stage.linkPath(target, view);
        const QString where = QStringLiteral("step %1").arg(step + 1);
        QVERIFY2(!link.isEmpty(), qPrintable(where));

        // The cells the link joins.
        const Window w = g.window(st.outRow, st.outCol);
        auto isEnd = [&](StageGrid grid, int r, int c) {
            if (!backward)
                return (grid == StageGrid::Input && r >= w.rowFirst && r <= w.rowLast &&
                        c >= w.colFirst && c <= w.colLast) ||
                       (grid == StageGrid::Output && r == st.outRow && c == st.outCol);
            if (grid == StageGrid::Upstream)
                return r == st.outRow && c == st.outCol;
            if (grid == StageGrid::InputGradient)
                return std::any_of(st.contributions.begin(), st.contributions.end(),
                                   [&](const Contribution &k) { return k.row == r && k.col == c; });
            return false;
        };
        // It reaches both ends.
        const StageGrid fromGrid = backward ? StageGrid::Upstream : StageGrid::Input;
        bool touchesFrom = false, touchesTo = false;
        for (const Shown &sh : grids)
            for (int r = sh.row0; r < sh.rowN; ++r)
                for (int c = sh.col0; c < sh.colN; ++c) {
                    if (!isEnd(sh.grid, r, c))
                        continue;
                    const QRectF cell = stage.cellRect({sh.grid, r, c}, target, view);
                    const bool touches =
                        link.intersects(cell.adjusted(-0.1 * s, -0.1 * s, 0.1 * s, 0.1 * s));
                    (sh.grid == fromGrid ? touchesFrom : touchesTo) |= touches;
                }
        QVERIFY2(touchesFrom && touchesTo, qPrintable(where));

        for (const Shown &sh : grids) {
            // Every other cell's number (the middle of the cell, where its digits are).
            for (int r = sh.row0; r < sh.rowN; ++r)
                for (int c = sh.col0; c < sh.colN; ++c) {
                    if (isEnd(sh.grid, r, c))
                        continue;
                    const QRectF cell = stage.cellRect({sh.grid, r, c}, target, view);
                    QVERIFY(!cell.isEmpty());
                    const QRectF digits(cell.center() - QPointF(0.25 * s, 0.15 * s),
                                        QSizeF(0.5 * s, 0.3 * s));
                    QVERIFY2(!link.intersects(digits),
                             qPrintable(QStringLiteral("%1: number of grid %2 cell (%3, %4)")
                                            .arg(where)
                                            .arg(int(sh.grid))
                                            .arg(r)
                                            .arg(c)));
                }
            // Row indices left of the grid, column indices above it, the title above those.
            const QRectF topLeft = stage.cellRect({sh.grid, sh.row0, sh.col0}, target, view);
            const QRectF bottomRight =
                stage.cellRect({sh.grid, sh.rowN - 1, sh.colN - 1}, target, view);
            for (int r = 0; r < sh.rows; ++r) {
                const double cy = stage.cellRect({sh.grid, r, 0}, target, view).center().y();
                const QRectF index(topLeft.left() - 0.3 * s, cy - 0.08 * s, 0.18 * s, 0.16 * s);
                QVERIFY2(!link.intersects(index),
                         qPrintable(QStringLiteral("%1: row index %2 of grid %3")
                                        .arg(where)
                                        .arg(r)
                                        .arg(int(sh.grid))));
            }
            for (int c = 0; c < sh.cols; ++c) {
                const double cx = stage.cellRect({sh.grid, 0, c}, target, view).center().x();
                const QRectF index(cx - 0.07 * s, topLeft.top() - 0.3 * s, 0.14 * s, 0.2 * s);
                QVERIFY2(!link.intersects(index),
                         qPrintable(QStringLiteral("%1: column index %2 of grid %3")
                                        .arg(where)
                                        .arg(c)
                                        .arg(int(sh.grid))));
            }
            const QRectF title(topLeft.left(), topLeft.top() - 1.1 * s,
                               bottomRight.right() - topLeft.left(), 0.48 * s);
            QVERIFY2(
                !link.intersects(title),
                qPrintable(QStringLiteral("%1: title of grid %2").arg(where).arg(int(sh.grid))));
        }
    }
}

void TestStageLinks::linkAlwaysShown()
{
    // Every built-in example, both passes, every step, down to 640×360 (cells of about 20 px,
    // too small for the gaps between numbers): there is always a link.
    int links = 0;
    for (const Example &e : examples()) {
        const Tensor input = e.input.rank() == 3 ? e.input.planeTensor(0, 0) : e.input;
        for (Phase phase : {Phase::Forward, Phase::Backward}) {
            const Trace trace = makeTrace(input, e.params, phase);
            const StageRenderer stage(trace);
            for (QSize size : {QSize(1280, 720), QSize(500, 900), QSize(640, 360)}) {
                const QRectF target(QPointF(0, 0), QSizeF(size));
                for (int step = 0; step < int(trace.steps.size()); ++step) {
                    StageView view;
                    view.step = step;
                    QVERIFY2(!stage.linkPath(target, view).isEmpty(),
                             qPrintable(QStringLiteral("%1 %2 %3×%4 step %5")
                                            .arg(QString::fromStdString(e.id))
                                            .arg(phase == Phase::Forward ? "forward" : "backward")
                                            .arg(size.width())
                                            .arg(size.height())
                                            .arg(step + 1)));
                    ++links;
                }
            }
        }
    }
    QVERIFY(links > 300);
}

QTEST_MAIN(TestStageLinks)
#include "tst_stagelinks.moc"
