// The stage's cells (ui/render/stagecells.cpp): the window and its winner, every tap of an average,
// dilated taps, the sliding motion, the output filling step by step, hatched uncovered cells, the
// padding ring and ceil overhang, hover, and the backward pass's contributions, checked through the
// pixels.
#include "renderutil.h"

#include "stagerenderer.h"
#include <QTest>
#include <cmath>

using namespace poolviz;
using namespace poolviz::test;

class TestStageCells : public QObject
{
    Q_OBJECT
private slots:
    void windowAndWinner_data();
    void windowAndWinner();
    void winnerNumberUncovered_data();
    void winnerNumberUncovered();
    void averageMarksEveryTap();
    void dilatedTapsOnly();
    void motionSlidesTheWindow();
    void outputFillsStepByStep();
    void hatchesUncoveredCells();
    void paddingRingAndOverhang();
    void hoverOutputShowsWindow();
    void hoverInputShowsOutputs();
    void backwardContributions();
};

void TestStageCells::windowAndWinner_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QRect>("window");  // x = col0, y = row0, w × h cells
    QTest::addColumn<QPoint>("winner"); // (col, row)
    QTest::addColumn<QPoint>("tied");   // (col, row), (-1, -1) if none
    QTest::addColumn<QPoint>("loser");  // a window cell that is not the max
    QTest::addColumn<QPoint>("far");    // a cell away from the window and the link arrow
    // 2×2 windows at stride 1 over [[10 12 8 7] [4 11 5 9] [18 13 7 7] [3 15 2 2]].
    QTest::newRow("step 0: max 12")
        << 0 << QRect(0, 0, 2, 2) << QPoint(1, 0) << QPoint(-1, -1) << QPoint(0, 1) << QPoint(3, 3);
    QTest::newRow("step 1: max 12")
        << 1 << QRect(1, 0, 2, 2) << QPoint(1, 0) << QPoint(-1, -1) << QPoint(2, 1) << QPoint(0, 3);
    QTest::newRow("step 2: max 9")
        << 2 << QRect(2, 0, 2, 2) << QPoint(3, 1) << QPoint(-1, -1) << QPoint(2, 0) << QPoint(0, 3);
    QTest::newRow("step 3: max 18")
        << 3 << QRect(0, 1, 2, 2) << QPoint(0, 2) << QPoint(-1, -1) << QPoint(1, 1) << QPoint(3, 3);
    QTest::newRow("step 4: max 13")
        << 4 << QRect(1, 1, 2, 2) << QPoint(1, 2) << QPoint(-1, -1) << QPoint(2, 1) << QPoint(3, 3);
    QTest::newRow("step 5: max 9")
        << 5 << QRect(2, 1, 2, 2) << QPoint(3, 1) << QPoint(-1, -1) << QPoint(2, 2) << QPoint(0, 3);
    QTest::newRow("step 6: max 18")
        << 6 << QRect(0, 2, 2, 2) << QPoint(0, 2) << QPoint(-1, -1) << QPoint(0, 3) << QPoint(3, 0);
    QTest::newRow("step 7: max 15")
        << 7 << QRect(1, 2, 2, 2) << QPoint(1, 3) << QPoint(-1, -1) << QPoint(2, 2) << QPoint(0, 0);
    QTest::newRow("step 8: tie 7 = 7")
        << 8 << QRect(2, 2, 2, 2) << QPoint(2, 2) << QPoint(3, 2) << QPoint(2, 3) << QPoint(0, 0);
}

void TestStageCells::windowAndWinner()
{
    QFETCH(int, step);
    QFETCH(QRect, window);
    QFETCH(QPoint, winner);
    QFETCH(QPoint, tied);
    QFETCH(QPoint, loser);
    QFETCH(QPoint, far);

    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = step;
    const QImage image = stage.render(kStage, view);
    auto cell = [&](QPoint p) {
        return stage.cellRect({StageGrid::Input, p.y(), p.x()}, kTarget, view);
    };
    const double s = stage.cellSize(kTarget, view);
    QVERIFY(s >= 40);

    // The window outline: a band straddling the border of the window's span.
    const QRectF span = cell(window.topLeft()).united(cell(window.bottomRight()));
    const auto [onBorder, border] = countIn(
        image, span.adjusted(-0.12 * s, -0.12 * s, 0.12 * s, 0.12 * s),
        span.adjusted(0.02 * s, 0.02 * s, -0.02 * s, -0.02 * s), StageRenderer::windowColor());
    QVERIFY2(onBorder > border / 4,
             qPrintable(QStringLiteral("%1 of %2").arg(onBorder).arg(border)));
    // ...and nowhere near a far cell.
    const QRectF farCell = cell(far);
    QCOMPARE(countIn(image, inset(farCell, 0.1), inset(farCell, 0.35), StageRenderer::windowColor())
                 .first,
             0);

    // The winner's ring (its shape: an annulus around the centre) in the winner colour.
    const auto [ring, ringTotal] =
        countRing(image, cell(winner), 0.41, 0.47, StageRenderer::winnerColor());
    QVERIFY2(ring > ringTotal / 2, qPrintable(QStringLiteral("%1 of %2").arg(ring).arg(ringTotal)));
    QCOMPARE(countRing(image, cell(loser), 0.3, 0.45, StageRenderer::winnerColor()).first, 0);
    QCOMPARE(countRing(image, cell(far), 0.0, 0.45, StageRenderer::winnerColor()).first, 0);
    if (tied.x() >= 0) {
        // A tied tap: a dashed ring, so partly coloured.
        const auto [dashes, total] =
            countRing(image, cell(tied), 0.42, 0.46, StageRenderer::winnerColor());
        QVERIFY2(dashes > total / 10 && dashes < total * 9 / 10,
                 qPrintable(QStringLiteral("%1 of %2").arg(dashes).arg(total)));
    }

    // The output cell this step fills is framed in the window colour.
    const QRectF out = stage.cellRect({StageGrid::Output, trace.steps[std::size_t(step)].outRow,
                                       trace.steps[std::size_t(step)].outCol},
                                      kTarget, view);
    QVERIFY(!out.isEmpty());
    QVERIFY(countIn(image, out, inset(out, 0.15), StageRenderer::windowColor()).first > int(s));
}

void TestStageCells::winnerNumberUncovered_data()
{
    QTest::addColumn<QSize>("size");
    // A 12×16 matrix, max 3×3 stride 2, on stages from a narrow docked one (the 1280×720
    // window with its panels beside it: cells of about 20 px) to a full projector screen. The
    // "max" badge sat on the winner's top edge and, in cells under about 25 px, covered the top
    // of its digits: the one number the step is about.
    for (const QSize size :
         {QSize(680, 500), QSize(720, 520), QSize(800, 560), QSize(900, 600), QSize(1280, 720)})
        QTest::addRow("%d×%d", size.width(), size.height()) << size;
}

void TestStageCells::winnerNumberUncovered()
{
    QFETCH(QSize, size);
    Tensor input = ramp(12, 16);
    input.at(2, 8) = 99; // the maximum of step 4 (window rows 0–2, columns 8–10), its bottom row
    const Trace trace = makeTrace(input, maxPool(3, 2), Phase::Forward);
    const StageRenderer stage(trace);
    const QRectF target(QPointF(0, 0), QSizeF(size));
    StageView view;
    view.step = 4;
    QCOMPARE(trace.steps[4].outCol, 4);
    const double s = stage.cellSize(target, view);
    QVERIFY2(s >= 20, qPrintable(QString::number(s)));
    const QRectF cell = stage.cellRect({StageGrid::Input, 2, 8}, target, view);
    QVERIFY(!cell.isEmpty());
    // The number's strokes: dark grey pixels in the cell's middle. At step 0 the cell is far from
    // the window and shows "99" plainly; as the winner the ring and the badge go around it.
    const QRectF digits = cell.adjusted(0.1 * s, 0.15 * s, -0.1 * s, -0.15 * s);
    auto strokes = [&](const QImage &image) {
        int n = 0;
        for (int y = int(std::ceil(digits.top())); y < int(digits.bottom()); ++y)
            for (int x = int(std::ceil(digits.left())); x < int(digits.right()); ++x) {
                const QRgb px = image.pixel(x, y); // dark grey, not the ring's red
                n += qGray(px) < 160 && std::abs(qRed(px) - qBlue(px)) < 40;
            }
        return n;
    };
    StageView plain = view;
    plain.step = 0;
    QCOMPARE(stage.cellRect({StageGrid::Input, 2, 8}, target, plain), cell);
    const int before = strokes(stage.render(size, plain));
    const QImage image = stage.render(size, view);
    const int after = strokes(image);
    QVERIFY2(before >= 10, qPrintable(QString::number(before)));
    QVERIFY2(after >= before * 19 / 20,
             qPrintable(QStringLiteral("the winner's number keeps %1 of its %2 dark pixels in a "
                                       "%3 px cell")
                            .arg(after)
                            .arg(before)
                            .arg(s)));
    // The badge is still there, just above the number.
    const QRectF above(cell.center().x() - 0.5 * s, cell.top() - 0.4 * s, s, 0.6 * s);
    QVERIFY(countIn(image, above, {}, StageRenderer::winnerColor()).first > int(s));
}

void TestStageCells::averageMarksEveryTap()
{
    PoolParams p = maxPool(2, 2);
    p.mode = PoolMode::Avg;
    const Trace trace = makeTrace(seedMatrix(), p, Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 3; // window rows 2–3, columns 2–3: (7 + 7 + 2 + 2) / 4
    QCOMPARE(trace.steps[3].divisor, 4.0);
    const QImage image = stage.render(kStage, view);
    const double s = stage.cellSize(kTarget, view);
    // Every tap carries the tap frame (window colour just inside the cell); no winner ring.
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::Input, r, c}, kTarget, view);
            // The outline of the window lies just outside its span, so neighbours are checked
            // further in than the tap frame.
            if (r >= 2 && c >= 2) {
                const int marks = bluish(image, inset(cell, 0.08), inset(cell, 0.14));
                QVERIFY2(marks > int(s),
                         qPrintable(QStringLiteral("(%1,%2): %3").arg(r).arg(c).arg(marks)));
            } else {
                QCOMPARE(bluish(image, inset(cell, 0.16), inset(cell, 0.3)), 0);
            }
            QCOMPARE(countRing(image, cell, 0.3, 0.45, StageRenderer::winnerColor()).first, 0);
        }
}

void TestStageCells::dilatedTapsOnly()
{
    // 5×5, kernel 2, dilation 2: the first window spans rows/columns 0–2 but reads only 0 and 2.
    PoolParams p = maxPool(2, 1);
    p.dilation = {2, 2};
    const Trace trace = makeTrace(ramp(5, 5), p, Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 0;
    const QImage image = stage.render(kStage, view);
    const double s = stage.cellSize(kTarget, view);
    // Taps (0,0) 0, (0,2) 6, (2,0) 14 get the tap frame; the max 20 at (2,2) its ring.
    QCOMPARE(trace.steps[0].winners, std::vector<int>{3});
    QVERIFY(countRing(image, stage.cellRect({StageGrid::Input, 2, 2}, kTarget, view), 0.41, 0.47,
                      StageRenderer::winnerColor())
                .first > 0);
    for (int r = 0; r <= 2; ++r)
        for (int c = 0; c <= 2; ++c) {
            if (r == 2 && c == 2)
                continue;
            const QRectF cell = stage.cellRect({StageGrid::Input, r, c}, kTarget, view);
            const int marks = bluish(image, inset(cell, 0.08), inset(cell, 0.14));
            const bool tapped = r != 1 && c != 1;
            if (tapped)
                QVERIFY2(marks > int(s),
                         qPrintable(QStringLiteral("(%1,%2): %3").arg(r).arg(c).arg(marks)));
            else
                QVERIFY2(marks == 0,
                         qPrintable(QStringLiteral("(%1,%2): %3").arg(r).arg(c).arg(marks)));
        }
}

void TestStageCells::motionSlidesTheWindow()
{
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 2; // from columns 1–2 (step 1) to columns 2–3
    const double s = stage.cellSize(kTarget, view);
    // The left edge of the outline, sampled at the boundary between rows 0 and 1.
    auto leftEdgeAt = [&](double motion, double col) {
        view.motion = motion;
        const QImage image = stage.render(kStage, view);
        const QRectF c00 = stage.cellRect({StageGrid::Input, 1, 0}, kTarget, view);
        const double x = c00.left() + col * s - 0.05 * s;
        const QRectF probe(x - 0.05 * s, c00.top() - 0.1 * s, 0.1 * s, 0.2 * s);
        return countIn(image, probe, {}, StageRenderer::windowColor()).first;
    };
    QVERIFY(leftEdgeAt(0.0, 1.0) > 0); // at the previous window
    QCOMPARE(leftEdgeAt(0.0, 2.0), 0);
    QVERIFY(leftEdgeAt(0.5, 1.5) > 0); // halfway
    QCOMPARE(leftEdgeAt(0.5, 1.0), 0);
    QCOMPARE(leftEdgeAt(0.5, 2.0), 0);
    QVERIFY(leftEdgeAt(1.0, 2.0) > 0); // at rest
    QCOMPARE(leftEdgeAt(1.0, 1.0), 0);
}

void TestStageCells::outputFillsStepByStep()
{
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 2), Phase::Forward);
    const StageRenderer stage(trace);
    // Output cells reached show their heat colour; cells not reached stay white.
    for (int step = -1; step < 4; ++step) {
        StageView view;
        view.step = step;
        const QImage image = stage.render(kStage, view);
        for (int i = 0; i < 4; ++i) {
            const QRectF cell = stage.cellRect({StageGrid::Output, i / 2, i % 2}, kTarget, view);
            // The corner patch, away from text and frames.
            const QRectF patch(cell.left() + 0.18 * cell.width(), cell.top() + 0.18 * cell.width(),
                               0.1 * cell.width(), 0.1 * cell.width());
            const bool white = countIn(image, patch, {}, Qt::white, 2).first ==
                               countIn(image, patch, {}, Qt::white, 255).first;
            QVERIFY2(white == (i > step),
                     qPrintable(QStringLiteral("step %1 cell %2").arg(step).arg(i)));
        }
    }
}

void TestStageCells::hatchesUncoveredCells()
{
    // 5×5, kernel 2, stride 2: row 4 and column 4 are never read.
    const Trace trace = makeTrace(ramp(5, 5), maxPool(2, 2), Phase::Forward);
    const StageRenderer stage(trace);
    const StageView view; // before the first step: no window drawn
    const QImage image = stage.render(kStage, view);
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 5; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::Input, r, c}, kTarget, view);
            const double s = cell.width();
            const QRectF patch(cell.left() + 0.06 * s, cell.top() + 0.06 * s, 0.24 * s, 0.24 * s);
            const double v = variance(image, patch);
            if (r == 4 || c == 4)
                QVERIFY2(v > 100,
                         qPrintable(QStringLiteral("(%1,%2) variance %3").arg(r).arg(c).arg(v)));
            else
                QVERIFY2(v < 1,
                         qPrintable(QStringLiteral("(%1,%2) variance %3").arg(r).arg(c).arg(v)));
        }
}

void TestStageCells::paddingRingAndOverhang()
{
    // Ceil mode, 5×5, kernel 2, stride 2, padding 0: the last window reads column 4 and overhangs
    // into column 5, which is drawn (dashed) only while that window is current.
    PoolParams p = maxPool(2, 2);
    p.ceilMode = true;
    const Trace trace = makeTrace(ramp(5, 5), p, Phase::Forward);
    QCOMPARE(trace.geometry().outW(), 3);
    const StageRenderer stage(trace);
    StageView view;
    const QRectF overhang = stage.cellRect({StageGrid::Input, 0, 5}, kTarget, view);
    QVERIFY(!overhang.isEmpty());
    // Gray ink (the dashed border and its "past edge" note; the link arrow is blue on white).
    auto ink = [&](int step) {
        view.step = step;
        const QImage image = stage.render(kStage, view);
        int n = 0;
        for (int y = int(overhang.top()) + 3; y < int(overhang.bottom()) - 3; ++y)
            for (int x = int(overhang.left()) + 3; x < int(overhang.right()) - 3; ++x) {
                const QRgb px = image.pixel(x, y);
                const int hi = std::max({qRed(px), qGreen(px), qBlue(px)});
                const int lo = std::min({qRed(px), qGreen(px), qBlue(px)});
                if (hi - lo < 24 && qGray(px) < 200)
                    ++n;
            }
        return n;
    };
    QCOMPARE(ink(-1), 0);
    QCOMPARE(ink(0), 0);
    QCOMPARE(ink(4), 0);
    QVERIFY(ink(2) > 0); // window (0, 2) reaches column 5

    // Padding 1: the ring cells exist at −1 and 4 and are drawn muted, unlike input cells.
    PoolParams padded = maxPool(2, 2);
    padded.padding = {1, 1, 1, 1};
    const Trace t2 = makeTrace(seedMatrix(), padded, Phase::Forward);
    const StageRenderer s2(t2);
    const QImage image = s2.render(kStage, StageView{});
    const QRectF ring = s2.cellRect({StageGrid::Input, -1, -1}, kTarget);
    const QRectF ring2 = s2.cellRect({StageGrid::Input, 4, 2}, kTarget);
    QVERIFY(!ring.isEmpty() && !ring2.isEmpty());
    QVERIFY(s2.cellRect({StageGrid::Input, -2, 0}, kTarget).isEmpty());
    // Hatched (the muted ring style): the corner patch varies.
    for (const QRectF &r : {ring, ring2}) {
        const QRectF patch(r.left() + 0.06 * r.width(), r.top() + 0.06 * r.width(),
                           0.24 * r.width(), 0.24 * r.width());
        QVERIFY(variance(image, patch) > 1);
    }
}

void TestStageCells::hoverOutputShowsWindow()
{
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.hover = StageCell{StageGrid::Output, 2, 2};
    const QImage image = stage.render(kStage, view);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::Input, r, c}, kTarget, view);
            // The tap frames lie just inside the cell; the span's dashed outline may touch the
            // outer edge of neighbours, so absence is checked a little further in.
            const QColor violet = StageRenderer::hoverColor();
            if (r >= 2 && c >= 2)
                QVERIFY2(countIn(image, inset(cell, 0.02), inset(cell, 0.12), violet).first > 0,
                         qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
            else
                QVERIFY2(countIn(image, inset(cell, 0.1), inset(cell, 0.3), violet).first == 0,
                         qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
        }
}

void TestStageCells::hoverInputShowsOutputs()
{
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.hover = StageCell{StageGrid::Input, 1, 1}; // read by outputs (0..1, 0..1)
    const QImage image = stage.render(kStage, view);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::Output, r, c}, kTarget, view);
            const int marks =
                countIn(image, cell, inset(cell, 0.2), StageRenderer::hoverColor()).first;
            if (r <= 1 && c <= 1)
                QVERIFY2(marks > 0, qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
            else
                QVERIFY2(marks == 0, qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
        }
}

void TestStageCells::backwardContributions()
{
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Backward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 5; // output (1, 2): its max 9 at (1, 3) gets its second unit of gradient
    QCOMPARE(trace.steps[5].contributions.size(), std::size_t(1));
    QCOMPARE(trace.steps[5].contributions[0].running, 2.0f);
    const QImage image = stage.render(kStage, view);
    const QColor green = StageRenderer::gradientColor();
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::InputGradient, r, c}, kTarget, view);
            QVERIFY(!cell.isEmpty());
            const int marks = countIn(image, inset(cell, 0.04), inset(cell, 0.12), green).first;
            if (r == 1 && c == 3)
                QVERIFY2(marks > int(cell.width()), qPrintable(QString::number(marks)));
            else if (r >= 2) // (the arrow from the upstream cell arrives over row 0)
                QVERIFY2(marks == 0, qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
        }
    // The upstream cell of this step is framed in the same colour, the others are not.
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const QRectF cell = stage.cellRect({StageGrid::Upstream, r, c}, kTarget, view);
            const int marks = countIn(image, cell, inset(cell, 0.15), green).first;
            if (r == 1 && c == 2)
                QVERIFY(marks > int(cell.width()));
            else
                QVERIFY2(marks == 0, qPrintable(QStringLiteral("(%1,%2)").arg(r).arg(c)));
        }
}

QTEST_MAIN(TestStageCells)
#include "tst_stagecells.moc"
