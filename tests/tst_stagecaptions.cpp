// The stage's words (ui/render/stagecaptions.cpp): the ready caption and where captions may break.
#include "renderutil.h"

#include "examples.h"
#include "stagerenderer.h"
#include <QRegularExpression>
#include <QTest>
#include <QTextLayout>
#include <cmath>

using namespace poolviz;
using namespace poolviz::test;

class TestStageCaptions : public QObject
{
    Q_OBJECT
private slots:
    void readyCaption_data();
    void readyCaption();
    void captionBreaksBetweenTerms_data();
    void captionBreaksBetweenTerms();
    void formulaReadable_data();
    void formulaReadable();
};

void TestStageCaptions::readyCaption_data()
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

void TestStageCaptions::readyCaption()
{
    QFETCH(PoolParams, params);
    QFETCH(bool, backward);
    QFETCH(QString, caption);
    const Trace trace =
        makeTrace(seedMatrix(), params, backward ? Phase::Backward : Phase::Forward);
    QCOMPARE(StageRenderer(trace).readyCaption(), caption);
}

void TestStageCaptions::captionBreaksBetweenTerms_data()
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

void TestStageCaptions::captionBreaksBetweenTerms()
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

void TestStageCaptions::formulaReadable_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("legend");
    // The stage pane of a 1280×720 window is about 550×580; SAME's formula is the longest.
    for (const char *preset : {"stride-1", "same-avg", "same-max", "padding-ceil", "dilation"})
        for (const QSize size : {QSize(1280, 720), QSize(550, 580), QSize(420, 360)})
            QTest::addRow("%s %dx%d", preset, size.width(), size.height())
                << QString::fromLatin1(preset) << size << false;
    QTest::newRow("same-avg presenter 1280x720") << "same-avg" << QSize(1280, 720) << true;
}

void TestStageCaptions::formulaReadable()
{
    // The output-size formula is never drawn below 15 px (the legend's and notes' size): a
    // formula too wide wraps onto more lines, and the layout keeps room for them, so nothing
    // runs past the bottom of the stage.
    QFETCH(QString, preset);
    QFETCH(QSize, size);
    QFETCH(bool, legend);
    const Example *ex = findExample(preset.toStdString());
    QVERIFY(ex);
    const Trace trace = makeTrace(ex->input, ex->params, Phase::Forward);
    const StageRenderer stage(trace);
    StageView view;
    view.step = 1;
    view.legend = legend;
    const QRectF target(QPointF(0, 0), QSizeF(size));
    const StageRenderer::TextSizes sizes = stage.textSizes(target, view);
    QVERIFY2(sizes.formula >= 15.0, qPrintable(QString::number(sizes.formula)));
    QVERIFY(stage.cellSize(target, view) > 0);
    const QImage image = stage.render(size, view);
    for (int y = size.height() - 3; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            QVERIFY2(image.pixel(x, y) == qRgb(255, 255, 255),
                     qPrintable(QStringLiteral("ink at (%1, %2)").arg(x).arg(y)));
    // Switching the formula off gives its lines back to the cells, never takes any.
    StageView without = view;
    without.showFormula = false;
    QVERIFY(stage.cellSize(target, without) >= stage.cellSize(target, view));
}

QTEST_MAIN(TestStageCaptions)
#include "tst_stagecaptions.moc"
