// poolviz_render: the stage painted from a Trace (pixels checked through the layout), hit
// testing, GIF and PNG-frame export, image loading and saving.

#include "animationexport.h"
#include "examples.h"
#include "gifwriter.h"
#include "imageio.h"
#include "stagerenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

#include <gif_lib.h>

#include <array>
#include <cmath>
#include <limits>

using namespace poolviz;

Q_DECLARE_METATYPE(poolviz::PoolParams)
Q_DECLARE_METATYPE(poolviz::Tensor)

namespace {

/// Seed 000's conv_output matrix.
Tensor seedMatrix()
{
    return Tensor::fromRows({{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}});
}

PoolParams maxPool(int k, int s)
{
    PoolParams p;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

Tensor ramp(int h, int w)
{
    Tensor t = Tensor::matrix(h, w);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            t.at(r, c) = float((r * 7 + c * 3) % 23);
    return t;
}

const QSize kStage(1280, 720);
const QRectF kTarget(QPointF(0, 0), QSizeF(kStage));

bool close(QRgb px, const QColor &c, int tolerance)
{
    return std::abs(qRed(px) - c.red()) <= tolerance &&
           std::abs(qGreen(px) - c.green()) <= tolerance &&
           std::abs(qBlue(px) - c.blue()) <= tolerance;
}

/// Pixels of `image` inside `outer` but outside `inner` (inner may be empty): {matching, total}.
std::pair<int, int> countIn(const QImage &image, const QRectF &outer, const QRectF &inner,
                            const QColor &color, int tolerance = 40)
{
    int match = 0, total = 0;
    for (int y = int(std::ceil(outer.top())); y < int(outer.bottom()); ++y)
        for (int x = int(std::ceil(outer.left())); x < int(outer.right()); ++x) {
            const QPointF p(x + 0.5, y + 0.5);
            if (!inner.isEmpty() && inner.contains(p))
                continue;
            ++total;
            if (close(image.pixel(x, y), color, tolerance))
                ++match;
        }
    return {match, total};
}

/// Pixels clearly bluer than red: the window colour, alone or blended over warm cell fills.
int bluish(const QImage &image, const QRectF &outer, const QRectF &inner)
{
    int n = 0;
    for (int y = int(std::ceil(outer.top())); y < int(outer.bottom()); ++y)
        for (int x = int(std::ceil(outer.left())); x < int(outer.right()); ++x) {
            if (inner.contains(QPointF(x + 0.5, y + 0.5)))
                continue;
            const QRgb px = image.pixel(x, y);
            if (qBlue(px) - qRed(px) > 40)
                ++n;
        }
    return n;
}

/// Pixels in the annulus r0..r1 (fractions of the cell) around the centre of `cell`.
std::pair<int, int> countRing(const QImage &image, const QRectF &cell, double r0, double r1,
                              const QColor &color)
{
    int match = 0, total = 0;
    const QPointF c = cell.center();
    const double s = cell.width();
    for (int y = int(cell.top()); y < int(cell.bottom()); ++y)
        for (int x = int(cell.left()); x < int(cell.right()); ++x) {
            const double d = std::hypot(x + 0.5 - c.x(), y + 0.5 - c.y()) / s;
            if (d < r0 || d > r1)
                continue;
            ++total;
            if (close(image.pixel(x, y), color, 40))
                ++match;
        }
    return {match, total};
}

/// Variance of the luminance in `rect`.
double variance(const QImage &image, const QRectF &rect)
{
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int y = int(std::ceil(rect.top())); y < int(rect.bottom()); ++y)
        for (int x = int(std::ceil(rect.left())); x < int(rect.right()); ++x) {
            const double v = qGray(image.pixel(x, y));
            sum += v;
            sum2 += v * v;
            ++n;
        }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    return sum2 / n - mean * mean;
}

QRectF inset(const QRectF &r, double fraction)
{
    const double d = r.width() * fraction;
    return r.adjusted(d, d, -d, -d);
}

/// PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320).
quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char b : bytes)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void putBigEndian(QByteArray &bytes, int at, quint32 v)
{
    bytes[at] = char(v >> 24);
    bytes[at + 1] = char(v >> 16);
    bytes[at + 2] = char(v >> 8);
    bytes[at + 3] = char(v);
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT
private slots:
    void windowAndWinner_data();
    void windowAndWinner();
    void averageMarksEveryTap();
    void dilatedTapsOnly();
    void motionSlidesTheWindow();
    void outputFillsStepByStep();
    void hatchesUncoveredCells();
    void paddingRingAndOverhang();
    void hoverOutputShowsWindow();
    void hoverInputShowsOutputs();
    void backwardContributions();
    void hitTestRoundTrip_data();
    void hitTestRoundTrip();
    void preferredSize_data();
    void preferredSize();
    void extremesRender_data();
    void extremesRender();
    void readyCaption_data();
    void readyCaption();
    void linkAvoidsText_data();
    void linkAvoidsText();
    void linkAlwaysShown();
    void smallCellsKeepTheirNumbers();
    void edgesStayClear_data();
    void edgesStayClear();
    void captionBreaksBetweenTerms_data();
    void captionBreaksBetweenTerms();

    void gifExport();
    void gifWriterExactColours();
    void gifWriterErrors();
    void pngFrames();
    void pngFramesManySteps();
    void frameFileNames_data();
    void frameFileNames();
    void exportErrors();

    void imageRoundTrip_data();
    void imageRoundTrip();
    void grayscaleLuma_data();
    void grayscaleLuma();
    void singleChannels();
    void tensorToImageClampsAndScales();
    void loadColourPng();
    void loadBrokenFiles();
    void loadRefusesHugeHeader();
    void loadRefusesAboveCustomLimit();
    void saveImageErrors();
};

// ---------------------------------------------------------------------------------------------
// The stage

void TestRender::windowAndWinner_data()
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

void TestRender::windowAndWinner()
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

void TestRender::averageMarksEveryTap()
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

void TestRender::dilatedTapsOnly()
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

void TestRender::motionSlidesTheWindow()
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

void TestRender::outputFillsStepByStep()
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

void TestRender::hatchesUncoveredCells()
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

void TestRender::paddingRingAndOverhang()
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

void TestRender::hoverOutputShowsWindow()
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

void TestRender::hoverInputShowsOutputs()
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

void TestRender::backwardContributions()
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

void TestRender::hitTestRoundTrip_data()
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

void TestRender::hitTestRoundTrip()
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

void TestRender::preferredSize_data()
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

void TestRender::preferredSize()
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

void TestRender::extremesRender_data()
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

void TestRender::extremesRender()
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

void TestRender::readyCaption_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<QString>("caption");
    QTest::newRow("seed stride 1")
        << maxPool(2, 1) << false
        << "Ready: 9 windows of 2×2, stride 1, over a 4×4 input. Each window's maximum becomes "
           "one cell of the 3×3 output.";
    QTest::newRow("seed stride 2")
        << maxPool(2, 2) << false
        << "Ready: 4 windows of 2×2, stride 2, over a 4×4 input. Each window's maximum becomes "
           "one cell of the 2×2 output.";
    PoolParams avg = maxPool(3, 1);
    avg.mode = PoolMode::Avg;
    avg.padding = {1, 1, 1, 1};
    QTest::newRow("avg padding 1")
        << avg << false
        << "Ready: 16 windows of 3×3, stride 1, padding 1, over a 4×4 input. Each window's "
           "average becomes one cell of the 4×4 output.";
    QTest::newRow("backward max")
        << maxPool(2, 2) << true
        << "Ready for the backward pass: 4 windows of 2×2, stride 2, over a 4×4 input. The "
           "gradient of each of the 4 output cells flows back through its window; only the cell "
           "that held the window's maximum receives it.";
}

void TestRender::readyCaption()
{
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(QString, caption);
    const Trace trace =
        makeTrace(seedMatrix(), params, backward ? Phase::Backward : Phase::Forward);
    QCOMPARE(StageRenderer(trace).readyCaption(), caption);
}

void TestRender::linkAvoidsText_data()
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

void TestRender::linkAvoidsText()
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

void TestRender::linkAlwaysShown()
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

void TestRender::smallCellsKeepTheirNumbers()
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

void TestRender::edgesStayClear_data()
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

void TestRender::edgesStayClear()
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

void TestRender::captionBreaksBetweenTerms_data()
{
    QTest::addColumn<QString>("caption");
    QTest::newRow("max") << QStringLiteral("Step 2 of 4: window rows 0–2, columns 3–5 → max(15, "
                                           "16, 10, 14, 2, 17, 11, 16, 9) = 17 at row 1, column 5");
    QTest::newRow("Lp") << QStringLiteral("Step 1 of 4: window rows 0–1, columns 0–1 → (|1|^3 + "
                                          "|2|^3 + |4|^3 + |5|^3)^(1/3) = 5.828");
    QTest::newRow("backward average")
        << QStringLiteral("Step 1 of 1: gradient 1 of output row 0, column 0 is spread as 1 / 16 = "
                          "0.0625 over 16 cells");
    QTest::newRow("average, negative") << QStringLiteral(
        "Step 3 of 9: window rows −1–0, columns 1–2 → (−3.5 + 4 + −7 + 8) / 4 = 0.375 (the "
        "divisor counts 2 padding cells)");
}

void TestRender::captionBreaksBetweenTerms()
{
    QFETCH(QString, caption);
    const QString shown = StageRenderer::captionForDisplay(caption);
    // Lossless: only joiners added and spaces made unbreakable.
    QString back = shown;
    back.remove(QChar(0x2060));
    back.replace(QChar(0x00a0), QLatin1Char(' '));
    QCOMPARE(back, caption);

    const QStringList terms = caption.split(QLatin1Char(' '));
    // Words that must not end a line (their number follows) and operators (their operand
    // follows on the same line).
    // An operator keeps its operand ("= 17"), a word its number ("row 1") and a count its
    // noun ("16 cells").
    const QStringList operators{"→", "=", "+", "/", "×", "−"};
    QFont font;
    font.setPixelSize(20);
    for (int width = 60; width <= 700; width += 7) {
        QTextLayout layout(shown, font);
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout.setTextOption(option);
        layout.beginLayout();
        QStringList lines;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            QString text = shown.mid(line.textStart(), line.textLength());
            text.remove(QChar(0x2060));
            text.replace(QChar(0x00a0), QLatin1Char(' '));
            lines << text.trimmed();
        }
        layout.endLayout();
        // The lines are whole terms, in order.
        QStringList rejoined;
        const QRegularExpression number(QStringLiteral("^[0-9.−]+$"));
        const QRegularExpression numberStart(QStringLiteral("^−?[0-9]"));
        const QRegularExpression word(QStringLiteral("^\\p{L}+$"));
        for (int i = 0; i < lines.size(); ++i) {
            const QStringList words = lines[i].split(QLatin1Char(' '));
            rejoined += words;
            if (i + 1 == lines.size())
                continue;
            const QString next = lines[i + 1].section(QLatin1Char(' '), 0, 0);
            const QString last = words.last();
            QVERIFY2(!operators.contains(last) &&
                         !(word.match(last).hasMatch() && numberStart.match(next).hasMatch()) &&
                         !(number.match(last).hasMatch() && word.match(next).hasMatch()),
                     qPrintable(QStringLiteral("width %1: line \"%2\"").arg(width).arg(lines[i])));
        }
        QVERIFY2(rejoined == terms,
                 qPrintable(QStringLiteral("width %1: %2").arg(width).arg(lines.join(" | "))));
    }
}

// ---------------------------------------------------------------------------------------------
// Animation export

void TestRender::gifExport()
{
    QVERIFY(QImageReader::supportedImageFormats().contains("gif"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QString path = dir.filePath("seed.gif");
    const QSize size(480, 300);
    QCOMPARE(exportAnimation(trace, path, 100, size), QString());
    QVERIFY(!QFile::exists(path + ".tmp"));

    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("gif"));
    QCOMPARE(reader.imageCount(), 9);
    QCOMPARE(reader.size(), size);
    // Frame i is step i at rest, colours preserved within quantization.
    const StageRenderer stage(trace);
    for (int i = 0; i < 9; ++i) {
        const QImage frame = reader.read().convertToFormat(QImage::Format_RGB32);
        QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
        StageView view;
        view.step = i;
        const QImage expected = stage.render(size, view).convertToFormat(QImage::Format_RGB32);
        double diff = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                const QRgb a = frame.pixel(x, y), b = expected.pixel(x, y);
                diff += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                        std::abs(qBlue(a) - qBlue(b));
            }
        diff /= 3.0 * size.width() * size.height();
        QVERIFY2(diff < 2.0,
                 qPrintable(QStringLiteral("frame %1: mean difference %2").arg(i).arg(diff)));
        QCOMPARE(frame.pixel(0, 0), qRgb(255, 255, 255));
    }

    // giflib's own view: 9 images, the NETSCAPE2.0 loop extension (0 = forever), 1/10 s delays.
    int error = 0;
    GifFileType *gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    QVERIFY(gif);
    QCOMPARE(DGifSlurp(gif), GIF_OK);
    QCOMPARE(gif->ImageCount, 9);
    QCOMPARE(gif->SWidth, 480);
    QCOMPARE(gif->SHeight, 300);
    bool loop = false;
    const SavedImage &first = gif->SavedImages[0];
    for (int i = 0; i + 1 < first.ExtensionBlockCount; ++i) {
        const ExtensionBlock &b = first.ExtensionBlocks[i];
        if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11 &&
            QByteArray(reinterpret_cast<const char *>(b.Bytes), 11) == "NETSCAPE2.0") {
            const ExtensionBlock &data = first.ExtensionBlocks[i + 1];
            QCOMPARE(data.Function, CONTINUE_EXT_FUNC_CODE);
            QCOMPARE(data.ByteCount, 3);
            QCOMPARE(int(data.Bytes[0]), 1);
            QCOMPARE(int(data.Bytes[1]) | (int(data.Bytes[2]) << 8), 0);
            loop = true;
        }
    }
    QVERIFY(loop);
    for (int i = 0; i < 9; ++i) {
        GraphicsControlBlock gcb;
        QCOMPARE(DGifSavedExtensionToGCB(gif, i, &gcb), GIF_OK);
        QCOMPARE(gcb.DelayTime, 10);
    }
    DGifCloseFile(gif, &error);
}

void TestRender::gifWriterExactColours()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("rgb.gif");
    GifWriter gif(path);
    QVERIFY(gif.open(QSize(16, 8), 3));
    const QList<QColor> colours{QColor(255, 0, 0), QColor(0, 200, 0), QColor(10, 20, 250)};
    for (const QColor &c : colours) {
        QImage frame(16, 8, QImage::Format_RGB32);
        frame.fill(c);
        frame.setPixel(15, 7, qRgb(255, 255, 255));
        QVERIFY2(gif.addFrame(frame, 250), qPrintable(gif.errorString()));
    }
    QVERIFY(!QFile::exists(path)); // nothing appears before finish()
    QVERIFY2(gif.finish(), qPrintable(gif.errorString()));
    QCOMPARE(gif.frameCount(), 3);

    QImageReader reader(path);
    QCOMPARE(reader.imageCount(), 3);
    QCOMPARE(reader.loopCount(), 3);
    for (const QColor &c : colours) {
        const QImage frame = reader.read();
        QCOMPARE(reader.nextImageDelay(), 250);
        QCOMPARE(QColor(frame.pixel(3, 3)), c);
        QCOMPARE(QColor(frame.pixel(15, 7)), QColor(Qt::white));
    }
    QCOMPARE(GifWriter::delayCentiseconds(700), 70);
    QCOMPARE(GifWriter::delayCentiseconds(14), 2); // browsers ignore delays below 2/100 s
    QCOMPARE(GifWriter::delayCentiseconds(125), 13);

    // A photo-like frame with thousands of colours: median cut, then exact palette means.
    QImage noisy(64, 64, QImage::Format_RGB32);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            noisy.setPixel(x, y, qRgb(x * 4, y * 4, (x * y) % 256));
    noisy.setPixel(0, 0, qRgb(255, 255, 255));
    const QString photo = dir.filePath("photo.gif");
    GifWriter g2(photo);
    QVERIFY(g2.open(noisy.size()));
    QVERIFY(g2.addFrame(noisy, 100));
    QVERIFY(g2.finish());
    const QImage back = QImage(photo).convertToFormat(QImage::Format_RGB32);
    double diff = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            diff += std::abs(qRed(back.pixel(x, y)) - qRed(noisy.pixel(x, y))) +
                    std::abs(qGreen(back.pixel(x, y)) - qGreen(noisy.pixel(x, y)));
    QVERIFY2(diff / (2 * 64 * 64) < 12, qPrintable(QString::number(diff / (2 * 64 * 64))));
}

void TestRender::gifWriterErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.gif");
    {
        GifWriter gif(path);
        QVERIFY(gif.open(QSize(16, 16)));
        QImage small(8, 8, QImage::Format_RGB32);
        small.fill(Qt::black);
        QVERIFY(!gif.addFrame(small, 100));
        QCOMPARE(gif.errorString(),
                 QStringLiteral("cannot write GIF \"%1\": frame 1 is 8×8, but the GIF is 16×16")
                     .arg(path));
    }
    QVERIFY(!QFile::exists(path));
    {
        GifWriter gif(path);
        QVERIFY(gif.open(QSize(16, 16)));
        QVERIFY(!gif.finish());
        QVERIFY(gif.errorString().contains("at least one frame"));
    }
    QVERIFY(!QFile::exists(path));
    {
        GifWriter gif(path);
        QVERIFY(!gif.open(QSize(0, 16)));
        QVERIFY(gif.errorString().contains("0×16"));
    }
    const QString nowhere = dir.filePath("missing/folder/x.gif");
    GifWriter gif(nowhere);
    QVERIFY(!gif.open(QSize(4, 4)));
    QVERIFY2(gif.errorString().startsWith(QStringLiteral("cannot write GIF \"%1\": ").arg(nowhere)),
             qPrintable(gif.errorString()));
}

void TestRender::pngFrames()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath("frames");
    QVERIFY(QDir().mkpath(folder));
    // Left from an earlier, longer export, and a file of the user's.
    QImage stale(4, 4, QImage::Format_RGB32);
    stale.fill(Qt::red);
    QVERIFY(stale.save(folder + "/frame_012.png"));
    QFile notes(folder + "/notes.txt");
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("keep me");
    notes.close();

    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QSize size(400, 260);
    QCOMPARE(exportAnimation(trace, folder, 700, size), QString());
    const QStringList frames = QDir(folder).entryList({"*.png"}, QDir::Files, QDir::Name);
    QStringList expected;
    for (int i = 0; i < 9; ++i)
        expected << QStringLiteral("frame_00%1.png").arg(i);
    QCOMPARE(frames, expected);
    QVERIFY(QFile::exists(folder + "/notes.txt"));
    const StageRenderer stage(trace);
    for (int i = 0; i < 9; ++i) {
        const QImage frame(folder + "/" + expected[i]);
        QCOMPARE(frame.size(), size);
        StageView view;
        view.step = i;
        QCOMPARE(frame.convertToFormat(QImage::Format_RGB32),
                 stage.render(size, view).convertToFormat(QImage::Format_RGB32));
    }
}

void TestRender::pngFramesManySteps()
{
    // 33×33 with kernel 1: 1089 steps, so names need four digits.
    QTemporaryDir dir;
    const Trace trace = makeTrace(ramp(33, 33), maxPool(1, 1), Phase::Forward);
    QCOMPARE(int(trace.steps.size()), 1089);
    QCOMPARE(exportAnimation(trace, dir.path(), 50, QSize(96, 64)), QString());
    const QStringList frames = QDir(dir.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
    QCOMPARE(frames.size(), 1089);
    QCOMPARE(frames.first(), QStringLiteral("frame_0000.png"));
    QCOMPARE(frames.last(), QStringLiteral("frame_1088.png"));
}

void TestRender::frameFileNames_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name");
    QTest::newRow("first of 9") << 0 << 9 << "frame_000.png";
    QTest::newRow("last of 9") << 8 << 9 << "frame_008.png";
    QTest::newRow("last of 1000") << 999 << 1000 << "frame_999.png";
    QTest::newRow("42 of 1200") << 42 << 1200 << "frame_0042.png";
    QTest::newRow("last of 1001") << 1000 << 1001 << "frame_1000.png";
    QTest::newRow("of 100000") << 7 << 100000 << "frame_00007.png";
}

void TestRender::frameFileNames()
{
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(QString, name);
    QCOMPARE(frameFileName(index, count), name);
}

void TestRender::exportErrors()
{
    QTemporaryDir dir;
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QString file = dir.filePath("plain.txt");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const QString error = exportAnimation(trace, file, 700, QSize(200, 100));
    QVERIFY2(error.contains("not a folder") && error.contains(file), qPrintable(error));

    const QString gif = dir.filePath("no/such/dir/a.gif");
    const QString gifError = exportAnimation(trace, gif, 700, QSize(200, 100));
    QVERIFY2(gifError.contains(gif), qPrintable(gifError));
    QVERIFY(!QFile::exists(gif));

    const Trace empty;
    QVERIFY(exportAnimation(empty, dir.filePath("e.gif")).contains("no steps"));
}

// ---------------------------------------------------------------------------------------------
// Image I/O

void TestRender::imageRoundTrip_data()
{
    QTest::addColumn<int>("planes");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("keepAlpha");
    QTest::newRow("grayscale") << 1 << int(ChannelMode::Grayscale) << false;
    QTest::newRow("rgb") << 3 << int(ChannelMode::Color) << false;
    QTest::newRow("rgba") << 4 << int(ChannelMode::Color) << true;
}

void TestRender::imageRoundTrip()
{
    QFETCH(int, planes);
    QFETCH(int, mode);
    QFETCH(bool, keepAlpha);
    Tensor t(1, planes, 7, 9);
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = float((i * 37 + 11) % 256);
    if (planes == 4)
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 9; ++x)
                t.at(0, 3, y, x) = 255; // fully opaque keeps RGB exact through any premultiply
    const QImage image = tensorToImage(t);
    QCOMPARE(image.size(), QSize(9, 7));
    ImageLoadOptions options;
    options.channels = ChannelMode(mode);
    options.keepAlpha = keepAlpha;
    const LoadedImage back = imageToTensor(image, options);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.tensor.shape(), t.shape());
    QCOMPARE(back.tensor.data(), t.data());
    QCOMPARE(back.tensor.rank(), planes == 1 ? 2 : 3);
    QCOMPARE(back.grayscaleSource, planes == 1);
}

void TestRender::grayscaleLuma_data()
{
    QTest::addColumn<QColor>("colour");
    QTest::addColumn<float>("luma");
    // round(0.299 R + 0.587 G + 0.114 B)
    QTest::newRow("200,100,50") << QColor(200, 100, 50) << 124.0f; // 124.2
    QTest::newRow("red") << QColor(255, 0, 0) << 76.0f;            // 76.245
    QTest::newRow("green") << QColor(0, 255, 0) << 150.0f;         // 149.685
    QTest::newRow("blue") << QColor(0, 0, 255) << 29.0f;           // 29.07
    QTest::newRow("white") << QColor(255, 255, 255) << 255.0f;
    QTest::newRow("10,20,30") << QColor(10, 20, 30) << 18.0f; // 17.15
}

void TestRender::grayscaleLuma()
{
    QFETCH(QColor, colour);
    QFETCH(float, luma);
    QImage image(2, 1, QImage::Format_RGB32);
    image.fill(colour);
    ImageLoadOptions options;
    options.channels = ChannelMode::Grayscale;
    const LoadedImage loaded = imageToTensor(image, options);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.tensor.shape(), (std::array<int, 4>{1, 1, 1, 2}));
    QCOMPARE(loaded.tensor.at(0, 0), luma);
    QCOMPARE(loaded.tensor.at(0, 1), luma);
}

void TestRender::singleChannels()
{
    QImage image(1, 1, QImage::Format_ARGB32);
    image.setPixel(0, 0, qRgba(10, 20, 30, 40));
    const std::array<std::pair<ChannelMode, float>, 4> cases{{{ChannelMode::Red, 10},
                                                              {ChannelMode::Green, 20},
                                                              {ChannelMode::Blue, 30},
                                                              {ChannelMode::Alpha, 40}}};
    for (const auto &[mode, value] : cases) {
        ImageLoadOptions options;
        options.channels = mode;
        const LoadedImage loaded = imageToTensor(image, options);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.tensor.c(), 1);
        QCOMPARE(loaded.tensor.at(0, 0), value);
        QVERIFY(loaded.alphaSource);
    }
    ImageLoadOptions rgba;
    rgba.keepAlpha = true;
    const LoadedImage loaded = imageToTensor(image, rgba);
    QCOMPARE(loaded.tensor.data(), (std::vector<float>{10, 20, 30, 40}));
    QVERIFY(!imageToTensor(QImage()).ok());
}

void TestRender::tensorToImageClampsAndScales()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const Tensor t = Tensor::fromRows({{-5, 300}, {nan, 127.5f}});
    const QImage image = tensorToImage(t);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(image.pixel(0, 0)), 0);
    QCOMPARE(qGray(image.pixel(1, 0)), 255);
    QCOMPARE(qGray(image.pixel(0, 1)), 0);
    QCOMPARE(qGray(image.pixel(1, 1)), 128);
    const QImage big = tensorToImage(t, 0, 3);
    QCOMPARE(big.size(), QSize(6, 6));
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 6; ++x)
            QCOMPARE(big.pixel(x, y), image.pixel(x / 3, y / 3));
    // (2, 1, 1, 2): the second batch entry.
    Tensor batch(2, 3, 1, 2, 0.0f, 4);
    batch.at(1, 0, 0, 1) = 9;
    batch.at(1, 2, 0, 1) = 250;
    QCOMPARE(tensorToImage(batch, 1).pixel(1, 0), qRgb(9, 0, 250));
    QVERIFY(tensorToImage(batch, 2).isNull());
    QVERIFY(tensorToImage(Tensor(1, 2, 2, 2)).isNull());
}

void TestRender::loadColourPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("rgb.png");
    QImage image(3, 2, QImage::Format_RGB32);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x)
            image.setPixel(x, y, qRgb(x * 100, y * 50 + 5, 7));
    QCOMPARE(saveImage(image, path), QString());
    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.size, QSize(3, 2));
    QCOMPARE(loaded.tensor.shape(), (std::array<int, 4>{1, 3, 2, 3}));
    QCOMPARE(loaded.tensor.at(0, 0, 1, 2), 200.0f);
    QCOMPARE(loaded.tensor.at(0, 1, 1, 2), 55.0f);
    QCOMPARE(loaded.tensor.at(0, 2, 1, 2), 7.0f);
    QVERIFY(!loaded.grayscaleSource);
}

void TestRender::loadBrokenFiles()
{
    QTemporaryDir dir;
    // Truncated: a valid noisy PNG cut in half.
    const QString truncated = dir.filePath("truncated.png");
    QImage noisy(64, 64, QImage::Format_RGB32);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            noisy.setPixel(x, y,
                           qRgb((x * 73 + y * 151) % 256, (x * y * 31) % 256, (x + y * 17) % 256));
    QVERIFY(noisy.save(truncated, "PNG"));
    QFile f(truncated);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 full = f.size();
    QVERIFY(f.resize(full / 2));
    f.close();
    const LoadedImage cut = loadImage(truncated);
    QVERIFY(!cut.ok());
    QVERIFY2(cut.error.contains(truncated), qPrintable(cut.error));

    // Not an image at all.
    const QString text = dir.filePath("notes.png");
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("this is not a PNG, just text\n");
    t.close();
    const LoadedImage junk = loadImage(text);
    QVERIFY(!junk.ok());
    QVERIFY2(junk.error.startsWith(QStringLiteral("cannot read image \"%1\": ").arg(text)),
             qPrintable(junk.error));

    const QString missing = dir.filePath("nothing.png");
    QCOMPARE(loadImage(missing).error,
             QStringLiteral("cannot open image \"%1\": the file does not exist").arg(missing));
}

void TestRender::loadRefusesHugeHeader()
{
    // A 1×1 PNG whose IHDR claims 20000×20000 (CRC recomputed so the header is valid).
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.png");
    QImage one(1, 1, QImage::Format_RGB32);
    one.fill(Qt::blue);
    QByteArray bytes;
    {
        QFile tmp(dir.filePath("one.png"));
        QVERIFY(one.save(tmp.fileName(), "PNG"));
        QVERIFY(tmp.open(QIODevice::ReadOnly));
        bytes = tmp.readAll();
    }
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    QCOMPARE(crc32(bytes.mid(12, 17)),
             quint32(quint8(bytes[29])) << 24 | quint32(quint8(bytes[30])) << 16 |
                 quint32(quint8(bytes[31])) << 8 | quint32(quint8(bytes[32])));
    putBigEndian(bytes, 16, 20000);
    putBigEndian(bytes, 20, 20000);
    putBigEndian(bytes, 29, crc32(bytes.mid(12, 17)));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    QCOMPARE(QImageReader(path).size(), QSize(20000, 20000));

    QElapsedTimer timer;
    timer.start();
    const LoadedImage loaded = loadImage(path);
    QVERIFY(timer.elapsed() < 1000); // refused from the header, nothing decoded
    QCOMPARE(loaded.error,
             QStringLiteral("cannot load \"%1\": the image is 20000×20000 = 400 megapixels, "
                            "above the limit of 100 megapixels")
                 .arg(path));
    QVERIFY(loaded.tensor.empty());
    QCOMPARE(loaded.size, QSize(20000, 20000));
}

void TestRender::loadRefusesAboveCustomLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("forty.png");
    QImage image(40, 40, QImage::Format_Grayscale8);
    image.fill(3);
    QVERIFY(image.save(path));
    ImageLoadOptions options;
    options.maxPixels = 1000;
    QCOMPARE(
        loadImage(path, options).error,
        QStringLiteral(
            "cannot load \"%1\": the image is 40×40 = 1600 pixels, above the limit of 1000 pixels")
            .arg(path));
    options.maxPixels = 1600;
    const LoadedImage ok = loadImage(path, options);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    QCOMPARE(ok.tensor.c(), 3);
    QCOMPARE(ok.tensor.at(0, 1, 39, 39), 3.0f);
    QVERIFY(ok.grayscaleSource);
    // Qt's own allocation limit is raised to fit maxPixels at 8 bytes per pixel.
    options.maxPixels = 100'000'000;
    QVERIFY(loadImage(path, options).ok());
    QVERIFY(QImageReader::allocationLimit() >= 763);
}

void TestRender::saveImageErrors()
{
    QTemporaryDir dir;
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::green);
    const QString xyz = dir.filePath("a.xyz");
    QCOMPARE(saveImage(image, xyz),
             QStringLiteral("cannot save \"%1\": Qt cannot write .xyz images").arg(xyz));
    QVERIFY(!QFile::exists(xyz));
    const QString bare = dir.filePath("noextension");
    QVERIFY(saveImage(image, bare).contains("no extension"));
    const QString nowhere = dir.filePath("missing/a.png");
    QVERIFY(
        saveImage(image, nowhere).startsWith(QStringLiteral("cannot write \"%1\": ").arg(nowhere)));
    QVERIFY(saveImage(QImage(), dir.filePath("b.png")).contains("empty"));
    const QString jpg = dir.filePath("c.jpg");
    QCOMPARE(saveImage(image, jpg, 95), QString());
    QCOMPARE(QImageReader(jpg).format(), QByteArray("jpeg"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"c.jpg"});
}

QTEST_MAIN(TestRender)
#include "tst_render.moc"
