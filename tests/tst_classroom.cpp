// Classroom readiness: numbers that never mislead (one precision per grid, "≈", fractions, the
// locale's decimal separator), legible contrast, a legend, motion that never passes through a
// window that does not exist, and the window as a teacher drives it (presenter mode, fitting the
// screen, focus back to the stage, examples grouped by idea, honest titles, inline errors).

#include "examples.h"
#include "mainwindow.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "numberformat.h"
#include "parameterpanel.h"
#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photoview.h"
#include "photoworkspace.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "stagerenderer.h"
#include "stagewidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

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

std::unique_ptr<MainWindow> openWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w.get()))
        qWarning("window did not become active");
    return w;
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

class TestClassroom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // Numbers
    void numberFormat_data();
    void numberFormat();
    void fractions_data();
    void fractions();
    void localeDecimalSeparator();
    void onePrecisionPerGrid_data();
    void onePrecisionPerGrid();
    void quarterStaysExactAt1280x720();
    // Stage drawing
    void textContrast();
    void windowNeverSlidesDiagonally();
    void legendNamesWhatIsDrawn();
    void uncountedPaddingIsNotBoxed();
    void largeMatricesShowFilledOutputs();
    // The window
    void opensWithinTheScreen_data();
    void opensWithinTheScreen();
    void presenterMode();
    void panelsFoldBeforeNumbersShrink();
    void clickerKeysStep();
    void focusReturnsToStage();
    void examplesGroupedByIdea();
    void newRandomAdvancesSeed();
    void titleAfterPaste();
    void openErrorInBanner();
    void pasteErrorNamesTheRow();
    void stageTitleNamesTheChannel();
    void photoClickPlacesCrop();
    void helpShowsNoInternalTags();
};

void TestClassroom::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::numberFormat_data()
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

void TestClassroom::numberFormat()
{
    QFETCH(int, decimals);
    QFETCH(float, value);
    QFETCH(QString, text);
    const NumberFormat f(decimals);
    QCOMPARE(f.text(value), text);
    QCOMPARE(f.isExact(value), !text.startsWith(QStringLiteral("≈")));
}

void TestClassroom::fractions_data()
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

void TestClassroom::fractions()
{
    QFETCH(float, value);
    QFETCH(QString, text);
    QCOMPARE(NumberFormat::fraction(value), text);
    const NumberFormat f(3, NumberFormat::Style::Fraction);
    if (!text.isEmpty())
        QCOMPARE(f.text(value), text);
}

void TestClassroom::localeDecimalSeparator()
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
    QLocale::setDefault(QLocale::c());
    QCOMPARE(stage.numberText(StageGrid::Output, 37.75, QRectF(0, 0, 1920, 1080)),
             QStringLiteral("37.75"));
}

void TestClassroom::onePrecisionPerGrid_data()
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

void TestClassroom::onePrecisionPerGrid()
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

void TestClassroom::quarterStaysExactAt1280x720()
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

void TestClassroom::textContrast()
{
    const auto pairs = StageRenderer::textColours();
    QVERIFY(pairs.size() >= 10);
    for (const auto &[text, background] : pairs)
        QVERIFY2(contrast(text, background) >= 4.5,
                 qPrintable(QStringLiteral("%1 on %2: %3:1")
                                .arg(text.name(), background.name())
                                .arg(contrast(text, background), 0, 'f', 2)));
}

void TestClassroom::windowNeverSlidesDiagonally()
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

void TestClassroom::legendNamesWhatIsDrawn()
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

void TestClassroom::uncountedPaddingIsNotBoxed()
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

void TestClassroom::largeMatricesShowFilledOutputs()
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

void TestClassroom::opensWithinTheScreen_data()
{
    QTest::addColumn<QSize>("available");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1920×1080") << QSize(1920, 1040) << QSize(1600, 984);
    QTest::newRow("1280×720 projector") << QSize(1280, 690) << QSize(1256, 634);
    QTest::newRow("2× on 1920×1080") << QSize(960, 510) << QSize(936, 454);
}

void TestClassroom::opensWithinTheScreen()
{
    QFETCH(QSize, available);
    QFETCH(QSize, expected);
    QCOMPARE(MainWindow::fittingSize(available), expected);
    QVERIFY(MainWindow::fittingSize(available).width() <= available.width());
    // The window may be made that small: its minimum width is at most 1024 logical px, and it
    // honours --size 960x540.
    auto w = openWindow();
    QVERIFY2(w->minimumSizeHint().width() <= 960,
             qPrintable(QString::number(w->minimumSizeHint().width())));
    QVERIFY(w->minimumWidth() <= 1024);
    w->resize(960, 540);
    QTRY_COMPARE(w->size(), QSize(960, 540));
    QVERIFY(w->playbackBar()->geometry().bottom() < 540);
}

void TestClassroom::presenterMode()
{
    auto w = openWindow();
    auto *dock = w->findChild<QDockWidget *>(QStringLiteral("parametersDock"));
    QVERIFY(dock && dock->isVisible());
    QVERIFY(!w->action(QStringLiteral("leaveFullScreen"))->isEnabled());
    // F11 is full screen where the platform has no key of its own: never an empty shortcut.
    QVERIFY(!w->action(QStringLiteral("fullScreen"))->shortcut().isEmpty());
    QTest::keyClick(w.get(), Qt::Key_F5);
    QVERIFY(w->isPresenting());
    QTRY_VERIFY(w->isFullScreen());
    QVERIFY(!dock->isVisible());
    QVERIFY(!w->inputEditor()->isVisible());
    QVERIFY(!w->menuBar()->isVisible());
    QVERIFY(!w->statusBar()->isVisible());
    QVERIFY(!w->playbackBar()->isVisible());
    QVERIFY(w->stage()->legendShown());
    QVERIFY(w->action(QStringLiteral("leaveFullScreen"))->isEnabled());
    QTRY_VERIFY(w->stage()->hasFocus());
    QTest::keyClick(w->stage(), Qt::Key_Escape);
    QVERIFY(!w->isPresenting());
    QTRY_VERIFY(!w->isFullScreen());
    QVERIFY(dock->isVisible());
    QVERIFY(w->inputEditor()->isVisible());
    QVERIFY(w->menuBar()->isVisible());
    QVERIFY(w->playbackBar()->isVisible());
    QVERIFY(!w->stage()->legendShown());
    QVERIFY(!w->action(QStringLiteral("presenter"))->isChecked());
}

void TestClassroom::panelsFoldBeforeNumbersShrink()
{
    // Mean 2×2 on the 8×8 matrix, backward, at 1280×720: with the panels, 0.25 and 37.75 would
    // lose digits; the panels fold first and every number is exact.
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("mean-8x8")));
    w->action(QStringLiteral("backwardPhase"))->trigger();
    w->resize(1280, 720);
    QTRY_COMPARE(w->size(), QSize(1280, 720));
    QVERIFY(w->stage()->numbersCramped());
    w->fitPanelsToNumbers();
    QTRY_VERIFY(!w->upstreamEditor()->isVisible()); // backward: the gradient's editor
    QVERIFY(!w->action(QStringLiteral("showPanels"))->isChecked());
    QTRY_VERIFY(!w->stage()->numbersCramped());
    const QRectF target = w->stage()->stageRect();
    QCOMPARE(w->stage()->renderer()->numberText(StageGrid::InputGradient, 0.25, target,
                                                w->stage()->view()),
             QStringLiteral("0.25"));
    // A window wide enough for panels and exact numbers brings them back.
    w->resize(1920, 1080);
    QTRY_COMPARE(w->size(), QSize(1920, 1080));
    w->fitPanelsToNumbers();
    QTRY_VERIFY(w->upstreamEditor()->isVisible());
    QTRY_VERIFY(!w->stage()->numbersCramped());
    w->fitPanelsToNumbers();
    QVERIFY(w->action(QStringLiteral("showPanels"))->isChecked());
}

void TestClassroom::clickerKeysStep()
{
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("stride-1")));
    w->stage()->setFocus();
    const int start = w->document()->step();
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(w->document()->step(), start + 1);
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(w->document()->step(), start + 2);
    QTest::keyClick(w->stage(), Qt::Key_PageUp);
    QCOMPARE(w->document()->step(), start + 1);
}

void TestClassroom::focusReturnsToStage()
{
    auto w = openWindow();
    // "Use Matrix" in the paste box.
    MatrixEditor *editor = w->inputEditor();
    editor->pasteEdit()->setFocus();
    editor->pasteEdit()->setPlainText(QStringLiteral("1 2 3; 4 5 6; 7 8 9"));
    QTRY_VERIFY(editor->applyPasteButton()->isEnabled());
    QTest::mouseClick(editor->applyPasteButton(), Qt::LeftButton);
    QCOMPARE(w->document()->input().h(), 3);
    QTRY_VERIFY(w->stage()->hasFocus());
    // Enter in a parameter's spin box.
    QSpinBox *kernel = w->parameterPanel()->kernelEdit()->heightSpin();
    kernel->setFocus();
    QVERIFY(kernel->hasFocus());
    kernel->selectAll();
    QTest::keyClicks(kernel, QStringLiteral("1"));
    QTest::keyClick(kernel, Qt::Key_Return);
    QCOMPARE(w->document()->params().kernel.h, 1); // 9 windows of 1×1
    QTRY_VERIFY(w->stage()->hasFocus());
    // Space plays from the stage again.
    QTest::keyClick(w->stage(), Qt::Key_Space);
    QVERIFY(w->playbackBar()->isPlaying());
    w->playbackBar()->pause();
}

void TestClassroom::examplesGroupedByIdea()
{
    auto w = openWindow();
    const QList<QAction *> top = w->examplesMenu()->actions();
    QStringList groups;
    for (QAction *a : top)
        if (a->menu())
            groups << a->menu()->title();
    QCOMPARE(groups,
             (QStringList{"Stride", "Padding and SAME", "Ceil mode", "Dilation", "Max vs Average",
                          "Backward and unpooling", "Adaptive and global"}));
    int count = 0;
    for (QAction *g : top)
        for (QAction *a : g->menu()->actions()) {
            ++count;
            QVERIFY2(!a->text().contains(QStringLiteral("seed"), Qt::CaseInsensitive),
                     qPrintable(a->text()));
            QVERIFY2(!a->toolTip().contains(QStringLiteral("seed"), Qt::CaseInsensitive),
                     qPrintable(a->toolTip()));
        }
    QCOMPARE(count, int(examples().size()));
    for (const Example &e : examples()) {
        QVERIFY(!QString::fromStdString(e.id).contains(QStringLiteral("seed")));
        for (const std::string &alias : e.aliases)
            QCOMPARE(findExample(alias), &e);
    }
    // The title says what is shown, without internal tags.
    QVERIFY(w->loadExample(QStringLiteral("seed000-stride2")));
    QCOMPARE(w->windowTitle(),
             QStringLiteral("Example: Max 2×2, stride 2: 4 pools, no overlap[*] — PoolViz"));
}

void TestClassroom::newRandomAdvancesSeed()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    editor->seedSpin()->setValue(100);
    QUndoStack *stack = w->document()->undoStack();
    const int before = stack->count();
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    const Tensor first = w->document()->input();
    QCOMPARE(editor->seedSpin()->value(), 101);
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    const Tensor second = w->document()->input();
    QCOMPARE(editor->seedSpin()->value(), 102);
    QVERIFY(!identicalTensors(first, second));
    QCOMPARE(stack->count(), before + 2); // two steps, neither empty
    QCOMPARE(first, randomIntegers(4, 4, editor->randomLowSpin()->value(),
                                   editor->randomHighSpin()->value(), 100));
    QVERIFY(w->windowTitle().contains(QStringLiteral("seed 101")));
}

void TestClassroom::titleAfterPaste()
{
    auto w = openWindow();
    QVERIFY(w->inputEditor()->applyText(QStringLiteral("1 2 3 4\n5 6 7 8\n9 10 11 12\n0 0 0 0")));
    QCOMPARE(w->windowTitle(), QStringLiteral("4×4 pasted matrix[*] — PoolViz"));
    QVERIFY(w->isWindowModified());
}

void TestClassroom::openErrorInBanner()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1,2,3\n4,five,6\n");
    f.close();
    auto w = openWindow();
    const Tensor before = w->document()->input();
    QVERIFY(!w->openFile(path));
    const QString banner = w->bannerText();
    QVERIFY2(banner.contains(QStringLiteral("broken.csv")) &&
                 banner.contains(QStringLiteral("line 2")) &&
                 banner.contains(QStringLiteral("five")),
             qPrintable(banner));
    QVERIFY(identicalTensors(w->document()->input(), before));
    // A file that opens clears it.
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("1,2\n3,4\n");
    g.close();
    QVERIFY(w->openFile(good));
    QVERIFY(w->bannerText().isEmpty());
}

void TestClassroom::pasteErrorNamesTheRow()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QVERIFY(!editor->applyText(QStringLiteral("1 2 3\n4 5\n7 8 9")));
    const QString status = editor->findChild<QLabel *>(QStringLiteral("pasteStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("row 2")), qPrintable(status));
}

void TestClassroom::stageTitleNamesTheChannel()
{
    auto w = openWindow();
    Tensor rgb(1, 3, 2, 2, 1.0f, 3);
    w->document()->setInput(rgb, QStringLiteral("three channels"));
    w->document()->setPlane(2);
    QCOMPARE(w->stage()->view().planeName, QStringLiteral("channel 2"));
    QVERIFY(w->document()->caption().contains(QStringLiteral("(channel 2)")) ||
            w->document()->step() < 0);
}

void TestClassroom::photoClickPlacesCrop()
{
    auto w = openWindow();
    auto *photo = qobject_cast<PhotoWorkspace *>(w->photoWorkspace());
    QVERIFY(photo);
    w->workspaceTabs()->setCurrentWidget(photo);
    QImage image(64, 48, QImage::Format_Grayscale8);
    for (int r = 0; r < 48; ++r)
        for (int c = 0; c < 64; ++c)
            image.scanLine(r)[c] = uchar((r * 5 + c * 3) % 256);
    QVERIFY(photo->setImage(image, QStringLiteral("ramp")));
    // The tooltips name the crop in use, not a fixed 16×16.
    photo->setCropSize(6);
    auto *button = photo->findChild<QPushButton *>(QStringLiteral("photoWindowButton"));
    QVERIFY(button);
    QVERIFY2(button->toolTip().contains(QStringLiteral("6×6")), qPrintable(button->toolTip()));
    // A click on pixel (row 20, column 40) of the picture places the crop there.
    PhotoView *view = photo->originalView();
    QTRY_VERIFY(view->pixelAt(view->toWidget(QPointF(40.5, 20.5))).has_value());
    const QPoint at = view->toWidget(QPointF(40.5, 20.5)).toPoint();
    QCOMPARE(view->pixelAt(QPointF(at)), std::optional<QPoint>(QPoint(40, 20)));
    QTest::mouseClick(view, Qt::LeftButton, {}, at);
    const QRect crop = photo->windowCrop();
    QCOMPARE(crop.size(), QSize(6, 6));
    QVERIFY2(crop.contains(QPoint(40, 20)), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                           .arg(crop.x())
                                                           .arg(crop.y())
                                                           .arg(crop.width())
                                                           .arg(crop.height())));
}

void TestClassroom::helpShowsNoInternalTags()
{
    QProcess process;
    process.start(QStringLiteral(POOLVIZ_BINARY), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY(help.contains(QStringLiteral("stride-1")));
    QVERIFY(help.contains(QStringLiteral("--presenter")));
    QVERIFY2(!help.contains(QStringLiteral("seed"), Qt::CaseInsensitive), qPrintable(help));
}

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"
