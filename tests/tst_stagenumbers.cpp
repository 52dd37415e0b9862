// The stage's numbers and marks as a class reads them: one precision per grid (exact or marked
// "≈"), fractions, the locale's decimal separator, text contrast, a legend and notes, motion that
// never passes through a window that does not exist, uncounted padding left unboxed, and which
// outputs are filled when cells are too small for numbers.

#include "examples.h"
#include "numberformat.h"
#include "stagerenderer.h"

#include <QLocale>
#include <QTest>

#include <cmath>
#include <limits>

using namespace poolviz;

namespace {

/// WCAG 2 relative luminance and contrast ratio, written from the definition (not the app's).
double luminance(const QColor &c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// What a cell shows, read back as a number: the value itself unless marked "≈".
bool readsBack(const QString &text, float value)
{
    if (text.startsWith(QStringLiteral("≈")))
        return true;
    QString plain = text;
    plain.replace(QChar(0x2212), QLatin1Char('-'));
    bool ok = false;
    const double v = QLocale().toDouble(plain, &ok);
    return ok && float(v) == value;
}

} // namespace

class TestStageNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void numberFormat_data();
    void numberFormat();
    void fractions_data();
    void fractions();
    void localeDecimalSeparator();
    void onePrecisionPerGrid_data();
    void onePrecisionPerGrid();
    void quarterStaysExactAt1280x720();
    void textContrast();
    void badgesNoSmallerThanIndices_data();
    void badgesNoSmallerThanIndices();
    void windowNeverSlidesDiagonally();
    void legendNamesWhatIsDrawn();
    void uncountedPaddingIsNotBoxed();
    void largeMatricesShowFilledOutputs();
};

void TestStageNumbers::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestStageNumbers::numberFormat_data()
{
    QTest::addColumn<int>("decimals");
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole") << 2 << 12.0f << QStringLiteral("12");
    QTest::newRow("quarter") << 2 << 0.25f << QStringLiteral("0.25");
    QTest::newRow("trailing zero dropped") << 2 << 18.5f << QStringLiteral("18.5");
    QTest::newRow("37.75 at 2") << 2 << 37.75f << QStringLiteral("37.75");
    // Fewer decimals than the value needs: marked, never silently rounded.
    QTest::newRow("37.75 at 1") << 1 << 37.75f << QStringLiteral("≈37.8");
    QTest::newRow("quarter at 1") << 1 << 0.25f << QStringLiteral("≈0.3");
    QTest::newRow("ninth") << 3 << 1.0f / 9.0f << QStringLiteral("≈0.111");
    QTest::newRow("negative") << 2 << -2.5f << QStringLiteral("−2.5");
    QTest::newRow("minus infinity")
        << 2 << -std::numeric_limits<float>::infinity() << QStringLiteral("−∞");
    QTest::newRow("tenth") << 1 << 0.1f << QStringLiteral("0.1");
}

void TestStageNumbers::numberFormat()
{
    QFETCH(int, decimals);
    QFETCH(float, value);
    QFETCH(QString, text);
    const NumberFormat f(decimals);
    QCOMPARE(f.text(value), text);
    QCOMPARE(f.isExact(value), !text.startsWith(QStringLiteral("≈")));
}

void TestStageNumbers::fractions_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("quarter") << 0.25f << QStringLiteral("¼");
    QTest::newRow("37¾") << 37.75f << QStringLiteral("37¾");
    QTest::newRow("4/9") << 4.0f / 9.0f << QStringLiteral("4/9");
    QTest::newRow("13/9") << 13.0f / 9.0f << QStringLiteral("13/9");
    QTest::newRow("third") << 1.0f / 3.0f << QStringLiteral("⅓");
    QTest::newRow("−1½") << -1.5f << QStringLiteral("−1½");
    QTest::newRow("3/10") << 0.3f << QStringLiteral("3/10");
    QTest::newRow("whole: no fraction") << 4.0f << QString();
    QTest::newRow("√2: no fraction") << float(std::sqrt(2.0)) << QString();
}

void TestStageNumbers::fractions()
{
    QFETCH(float, value);
    QFETCH(QString, text);
    QCOMPARE(NumberFormat::fraction(value), text);
    const NumberFormat f(3, NumberFormat::Style::Fraction);
    if (!text.isEmpty())
        QCOMPARE(f.text(value), text);
}

void TestStageNumbers::localeDecimalSeparator()
{
    // The screen follows the locale; files keep "." (they never use NumberFormat).
    const NumberFormat german(2, NumberFormat::Style::Decimal, QLocale(QLocale::German));
    QCOMPARE(german.text(0.25), QStringLiteral("0,25"));
    QCOMPARE(german.text(-37.75), QStringLiteral("−37,75"));
    QCOMPARE(german.text(12345), QStringLiteral("12345")); // no group separator in a cell
    QCOMPARE(german.text(1.0 / 9.0).left(2), QStringLiteral("≈0"));
    QCOMPARE(german.text(1.0f / 9.0f), QStringLiteral("≈0,11"));
    QCOMPARE(NumberFormat::exactDecimals({0.25f, 37.75f, 12.0f}), 2);
    QCOMPARE(NumberFormat::exactDecimals({0.1f, 3.0f}), 1);
    QCOMPARE(NumberFormat::exactDecimals({1.0f / 9.0f}), -1);
    // The stage writes its cells with the default locale.
    QLocale::setDefault(QLocale(QLocale::German));
    const Example *ex = findExample("mean-8x8");
    const Trace trace = makeTrace(ex->input, ex->params, Phase::Forward);
    const StageRenderer stage(trace);
    QCOMPARE(stage.numberText(StageGrid::Output, 37.75, QRectF(0, 0, 1920, 1080)),
             QStringLiteral("37,75"));
    // Captions and formulas drawn beside the cells use the same separator.
    QCOMPARE(StageRenderer::localeNumbers(QStringLiteral("rows 0–1: 1 / 4 = 0.25. Done")),
             QStringLiteral("rows 0–1: 1 / 4 = 0,25. Done"));
    QLocale::setDefault(QLocale::c());
    QCOMPARE(stage.numberText(StageGrid::Output, 37.75, QRectF(0, 0, 1920, 1080)),
             QStringLiteral("37.75"));
    QCOMPARE(StageRenderer::localeNumbers(QStringLiteral("= 0.25")), QStringLiteral("= 0.25"));
}

void TestStageNumbers::onePrecisionPerGrid_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("phase");
    QTest::addColumn<QSize>("size");
    for (const Example &e : examples())
        for (Phase phase : {Phase::Forward, Phase::Backward})
            for (QSize size : {QSize(1920, 1080), QSize(1280, 720), QSize(960, 540)})
                QTest::addRow("%s %s %dx%d", e.id.c_str(),
                              phase == Phase::Forward ? "forward" : "backward", size.width(),
                              size.height())
                    << QString::fromStdString(e.id) << int(phase) << size;
}

void TestStageNumbers::onePrecisionPerGrid()
{
    // Every value of every grid is shown exactly or marked "≈"; the marked ones of a grid all
    // have the same number of decimals.
    QFETCH(QString, id);
    QFETCH(int, phase);
    QFETCH(QSize, size);
    const Example *ex = findExample(id.toStdString());
    const Tensor input = ex->input.rank() == 3 ? ex->input.planeTensor(0, 0) : ex->input;
    const Trace trace = makeTrace(input, ex->params, Phase(phase));
    const StageRenderer stage(trace);
    const QRectF target(QPointF(0, 0), QSizeF(size));
    const std::vector<std::pair<StageGrid, const Tensor *>> grids{
        {StageGrid::Input, &trace.input},
        {StageGrid::Output, &trace.result.values},
        {StageGrid::Upstream, &trace.upstream},
        {StageGrid::InputGradient, &trace.inputGradient}};
    for (const auto &[grid, values] : grids) {
        int decimals = -1;
        for (float v : values->data()) {
            const QString text = stage.numberText(grid, v, target);
            if (text.isEmpty())
                continue; // cells too small for numbers
            QVERIFY2(
                readsBack(text, v),
                qPrintable(QStringLiteral("%1 shown as %2").arg(double(v), 0, 'g', 9).arg(text)));
            if (text.startsWith(QStringLiteral("≈"))) {
                const int d = int(text.size() - text.indexOf(QLatin1Char('.')) - 1);
                if (decimals < 0)
                    decimals = d;
                QCOMPARE(d, decimals);
            }
        }
    }
}

void TestStageNumbers::quarterStaysExactAt1280x720()
{
    // The repro: mean 2×2 on the 8×8 matrix, backward, at 1280×720. Every 0.25 was drawn
    // "0.2" and 37.75 "37.8" while the caption said 1/4 = 0.25.
    const Example *ex = findExample("seed003-mean"); // the old id still works
    QVERIFY(ex);
    const Trace trace = makeTrace(ex->input, ex->params, Phase::Backward);
    const StageRenderer stage(trace);
    const QRectF target(0, 0, 1280, 620); // the stage of a 1280×720 window
    QCOMPARE(stage.numberText(StageGrid::InputGradient, 0.25, target), QStringLiteral("0.25"));
    QCOMPARE(stage.numberText(StageGrid::Output, 37.75, target), QStringLiteral("37.75"));
    QCOMPARE(stage.numberText(StageGrid::Output, 18.5, target), QStringLiteral("18.5"));
    StageView fractions;
    fractions.fractions = true;
    QCOMPARE(stage.numberText(StageGrid::InputGradient, 0.25, target, fractions),
             QStringLiteral("¼"));
    QCOMPARE(stage.numberText(StageGrid::Output, 37.75, target, fractions), QStringLiteral("37¾"));
    QVERIFY(QString::fromStdString(trace.steps[4].caption).contains("1 / 4 = 0.25"));
}

void TestStageNumbers::textContrast()
{
    const auto pairs = StageRenderer::textColours();
    QVERIFY(pairs.size() >= 10);
    for (const auto &[text, background] : pairs)
        QVERIFY2(contrast(text, background) >= 4.5,
                 qPrintable(QStringLiteral("%1 on %2: %3:1")
                                .arg(text.name(), background.name())
                                .arg(contrast(text, background), 0, 'f', 2)));
}

void TestStageNumbers::badgesNoSmallerThanIndices_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QSize>("size");
    for (const char *id : {"stride-1", "padding-ceil", "ceil-avg", "overlap-avg", "mean-8x8"})
        for (QSize size : {QSize(1920, 1080), QSize(1280, 720), QSize(960, 540)})
            QTest::addRow("%s %dx%d", id, size.width(), size.height())
                << QString::fromLatin1(id) << size;
}

void TestStageNumbers::badgesNoSmallerThanIndices()
{
    // ×2, +0.25, ÷ 4, "max" and "past edge" read from the back of the room as well as the
    // indices do: none is drawn smaller.
    QFETCH(QString, id);
    QFETCH(QSize, size);
    const Example *ex = findExample(id.toStdString());
    const Trace trace = makeTrace(ex->input, ex->params, Phase::Backward);
    const StageRenderer::TextSizes t =
        StageRenderer(trace).textSizes(QRectF(QPointF(0, 0), QSizeF(size)));
    QVERIFY(t.index > 0);
    QVERIFY2(t.winnerBadge >= t.index && t.windowBadge >= t.index && t.count >= t.index &&
                 t.pastEdge >= t.index,
             qPrintable(QStringLiteral("index %1: max %2, window %3, ×n %4, past edge %5")
                            .arg(t.index)
                            .arg(t.winnerBadge)
                            .arg(t.windowBadge)
                            .arg(t.count)
                            .arg(t.pastEdge)));
    if (t.amount > 0)
        QVERIFY2(t.amount >= t.index - 1e-9,
                 qPrintable(QStringLiteral("index %1, +amount %2").arg(t.index).arg(t.amount)));
}

void TestStageNumbers::windowNeverSlidesDiagonally()
{
    // Max 2×2 stride 1 on 4×4: step 3 (index 2) is output (0, 2), step 4 (index 3) output
    // (1, 0): a row wrap. Halfway through the slide, an in-row step is between its two windows;
    // the wrap shows the new window at once (rows 1–2, columns 0–1).
    const Example *ex = findExample("stride-1");
    const Trace trace = makeTrace(ex->input, ex->params, Phase::Forward);
    const StageRenderer stage(trace);
    const QRectF target(0, 0, 1280, 720);
    StageView view;
    view.motion = 0.5;
    view.step = 1;
    const QRectF half = stage.windowSpan(target, view);
    const QRectF first = stage.cellRect({StageGrid::Input, 0, 0}, target);
    const QRectF second = stage.cellRect({StageGrid::Input, 0, 1}, target);
    QVERIFY(half.left() > first.left() + 1 && half.left() < second.left() - 1);
    QCOMPARE(half.top(), first.top());
    view.step = 3;
    const QRectF wrap = stage.windowSpan(target, view);
    const QRectF rest = stage.cellRect({StageGrid::Input, 1, 0}, target)
                            .united(stage.cellRect({StageGrid::Input, 2, 1}, target));
    QCOMPARE(wrap, rest);
}

void TestStageNumbers::legendNamesWhatIsDrawn()
{
    // 5×5 input, max 2×2 stride 2, padding 0: row 4 and column 4 are read by no window.
    PoolParams p;
    p.kernel = {2, 2};
    const Trace plain = makeTrace(Tensor::matrix(5, 5, 1.0f), p, Phase::Forward);
    const QStringList entries = StageRenderer(plain).legendEntries(StageView{});
    QVERIFY(entries.contains(QStringLiteral("window")));
    QVERIFY(entries.contains(QStringLiteral("ring: the maximum")));
    QVERIFY(entries.contains(QStringLiteral("hatched: no window reads this cell")));
    QVERIFY(!entries.join(QLatin1Char(' ')).contains(QStringLiteral("padding")));
    // Average with padding 1 that is not counted; padding 2 > k/2 draws PyTorch's refusal note.
    PoolParams avg;
    avg.mode = PoolMode::Avg;
    avg.kernel = {3, 3};
    avg.stride = Size2{1, 1};
    avg.padding = {1, 1, 1, 1};
    avg.countIncludePad = false;
    const Trace padded = makeTrace(Tensor::matrix(4, 4, 1.0f), avg, Phase::Forward);
    const QStringList avgEntries = StageRenderer(padded).legendEntries(StageView{});
    QVERIFY(avgEntries.contains(QStringLiteral("grey: padding, 0, not counted (not boxed)")));
    QVERIFY(!avgEntries.join(QLatin1Char(' ')).contains(QStringLiteral("ring")));
    avg.padding = {2, 2, 2, 2};
    avg.kernel = {2, 2};
    const Trace wide = makeTrace(Tensor::matrix(4, 4, 1.0f), avg, Phase::Forward);
    QVERIFY(!StageRenderer(wide).notes().isEmpty());
    // Framework differences are named on the stage too: TensorFlow has no ceil mode.
    PoolParams ceil;
    ceil.mode = PoolMode::Avg;
    ceil.kernel = {2, 2};
    ceil.stride = Size2{3, 3};
    ceil.ceilMode = true;
    const QStringList ceilNotes =
        StageRenderer(makeTrace(Tensor::matrix(7, 7, 1.0f), ceil, Phase::Forward)).notes();
    QVERIFY2(ceilNotes.join(QLatin1Char('\n')).contains(QStringLiteral("TensorFlow")),
             qPrintable(ceilNotes.join(QLatin1Char('\n'))));
    QVERIFY(ceilNotes.size() <= 4);
    // Drawn only when asked (presenter mode): the legend changes the picture.
    StageView view;
    view.step = 0;
    const QImage without = StageRenderer(wide).render(QSize(1280, 720), view);
    view.legend = true;
    QVERIFY(StageRenderer(wide).render(QSize(1280, 720), view) != without);
}

void TestStageNumbers::uncountedPaddingIsNotBoxed()
{
    // Average 3×3 stride 1 with padding 1 on 4×4, step 1: the window covers padding row −1 and
    // column −1. Counted, the padding cell (−1, −1) gets the tap frame in the window colour; not
    // counted it stays unboxed: the two averages look different.
    PoolParams p;
    p.mode = PoolMode::Avg;
    p.kernel = {3, 3};
    p.stride = Size2{1, 1};
    p.padding = {1, 1, 1, 1};
    auto windowInk = [&](bool counted) {
        p.countIncludePad = counted;
        const Trace trace = makeTrace(Tensor::matrix(4, 4, 1.0f), p, Phase::Forward);
        const StageRenderer stage(trace);
        StageView view;
        view.step = 0;
        const QImage image = stage.render(QSize(1280, 720), view);
        const QRectF cell = stage.cellRect({StageGrid::Input, -1, -1}, QRectF(0, 0, 1280, 720));
        const double s = cell.width();
        int blue = 0;
        const QRect inner = cell.adjusted(0.15 * s, 0.15 * s, -0.15 * s, -0.15 * s).toRect();
        const QRect frame = cell.adjusted(0.06 * s, 0.06 * s, -0.06 * s, -0.06 * s).toRect();
        for (int y = frame.top(); y <= frame.bottom(); ++y)
            for (int x = frame.left(); x <= frame.right(); ++x) {
                if (inner.contains(x, y))
                    continue;
                const QColor c = image.pixelColor(x, y);
                if (c.blue() > c.red() + 40)
                    ++blue;
            }
        return blue;
    };
    const int counted = windowInk(true);
    const int uncounted = windowInk(false);
    QVERIFY2(counted > 20, qPrintable(QString::number(counted)));
    QCOMPARE(uncounted, 0);
}

void TestStageNumbers::largeMatricesShowFilledOutputs()
{
    // 64×64 input at 1280×720: cells far under 16 px, so no numbers. After step 1, output (0, 0)
    // is filled (a grey of its value) and output (5, 5) is not: pale blue, no grey takes it.
    Tensor big = Tensor::matrix(64, 64);
    for (int r = 0; r < 64; ++r)
        for (int c = 0; c < 64; ++c)
            big.at(r, c) = float((r * 31 + c * 17) % 97);
    PoolParams p;
    p.kernel = {2, 2};
    const Trace trace = makeTrace(big, p, Phase::Forward);
    const StageRenderer stage(trace);
    const QRectF target(0, 0, 1280, 720);
    QVERIFY(stage.cellSize(target) < 16);
    StageView view;
    view.step = 0;
    const QImage image = stage.render(QSize(1280, 720), view);
    const QColor empty =
        image.pixelColor(stage.cellRect({StageGrid::Output, 5, 5}, target).center().toPoint());
    QCOMPARE(empty, QColor(0xe7, 0xf5, 0xff));
    const QColor filled =
        image.pixelColor(stage.cellRect({StageGrid::Output, 0, 0}, target).center().toPoint());
    QCOMPARE(filled.red(), filled.blue()); // a grey
}

QTEST_MAIN(TestStageNumbers)
#include "tst_stagenumbers.moc"
