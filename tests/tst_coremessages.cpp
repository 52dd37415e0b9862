// Core's messages and step captions as the window shows them (ui/render/coremessage.h): English
// exactly as core writes it when no translation is installed, German with decimal commas when
// it is, in the parameter panel, on the stage, in image-load errors, in the matrix readers' and
// writers' errors and in the stride explorer alike.

#include "animationexportdialog.h"
#include "conventions.h"
#include "coremessage.h"
#include "coverage.h"
#include "frameworkspanel.h"
#include "imageio.h"
#include "language.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "parameterpanel.h"
#include "pooldocument.h"
#include "stagewidget.h"
#include "testutil.h"
#include "trace.h"
#include "unpooltrace.h"
#include "varianttiles.h"
#include "windowrules.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>

#include <cerrno>
#include <cmath>
#include <fstream>
#include <limits>
#include <system_error>

using namespace poolviz;
using poolviz::test::iota;
using poolviz::test::matrix;

Q_DECLARE_METATYPE(poolviz::Tensor)
Q_DECLARE_METATYPE(poolviz::PoolParams)
Q_DECLARE_METATYPE(poolviz::Phase)

namespace {

PoolParams pool(PoolMode mode, int k, int s = 0, int pad = 0)
{
    PoolParams p = test::params(mode, k, s);
    p.padding = {pad, pad, pad, pad};
    return p;
}

/// Kernel 1 with padding 10000 on a 4×4 input: a 20004×20004 output, above the 10⁸ values limit.
PoolParams tooLarge()
{
    return pool(PoolMode::Max, 1, 1, 10000);
}

} // namespace

class TstCoreMessages : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void englishAsCoreWritesIt_data();
    void englishAsCoreWritesIt();
    void everyTemplateTranslated();
    void unpoolCaptions();
    void captionsInGerman_data();
    void captionsInGerman();
    void messagesInGerman_data();
    void messagesInGerman();
    void formulasInGerman_data();
    void formulasInGerman();
    void poolErrorInGerman();
    void parameterPanelInGerman();
    void stageCaptionInGerman();
    void frameworksPanelInGerman();
    void imageLoadErrorInGerman();
    void byteSizesInGerman();
    void placeholdersFilledOnce();
    void parseErrorsInGerman_data();
    void parseErrorsInGerman();
    void npyMessagesInGerman();
    void fileErrorsInGerman();
    void tensorLimitInGerman();
    void strideExplorerInGerman();
    void matrixEditorInGerman();
};

void TstCoreMessages::init()
{
    // Each test starts in English with the C locale's numbers.
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::c());
}

void TstCoreMessages::englishAsCoreWritesIt_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Phase>("phase");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const Tensor decimals = Tensor::fromRows({{1.5f, 2.5f}, {0.5f, 2.5f}});
    PoolParams lp = pool(PoolMode::Lp, 4);
    lp.p = 2.5;
    PoolParams override = pool(PoolMode::Avg, 2, 1, 1);
    override.divisorOverride = 3;
    Tensor channels(1, 2, 3, 3, 1.0f, 3);
    QTest::newRow("max ties, padding")
        << decimals << pool(PoolMode::Max, 2, 1, 1) << Phase::Forward;
    QTest::newRow("min ties, padding")
        << decimals << pool(PoolMode::Min, 2, 1, 1) << Phase::Forward;
    QTest::newRow("max NaN") << matrix(2, 2, {1, nan, 3, 4}) << pool(PoolMode::Max, 2)
                             << Phase::Forward;
    QTest::newRow("avg counts padding")
        << iota(4, 4, 1) << pool(PoolMode::Avg, 3, 2, 1) << Phase::Forward;
    QTest::newRow("avg divisor override") << iota(3, 3) << override << Phase::Forward;
    QTest::newRow("lp 2.5, 16 values") << iota(5, 5, 1) << lp << Phase::Forward;
    QTest::newRow("lp 3") << iota(3, 3, 1) << pool(PoolMode::Lp, 2, 1) << Phase::Backward;
    QTest::newRow("max backward") << iota(4, 4) << pool(PoolMode::Max, 3, 1) << Phase::Backward;
    QTest::newRow("min backward") << iota(4, 4) << pool(PoolMode::Min, 2) << Phase::Backward;
    QTest::newRow("avg backward overlaps")
        << iota(4, 4) << pool(PoolMode::Avg, 3, 1, 1) << Phase::Backward;
    QTest::newRow("only padding") << iota(2, 2) << pool(PoolMode::Max, 1, 3, 1) << Phase::Backward;
    QTest::newRow("channels") << channels << pool(PoolMode::Max, 2, 1) << Phase::Forward;
}

void TstCoreMessages::englishAsCoreWritesIt()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(Phase, phase);
    for (int plane = 0; plane < input.planeCount(); ++plane) {
        const Trace t = makeTrace(input, params, phase, plane);
        for (const Step &s : t.steps) {
            QCOMPARE(captionText(s.captionParts), QString::fromStdString(s.caption));
            QCOMPARE(captionText(s.captionParts, QLocale(QLocale::English, QLocale::UnitedStates)),
                     QString::fromStdString(s.caption));
        }
    }
}

void TstCoreMessages::everyTemplateTranslated()
{
    // Every template core marks is found in the German catalogue under its own bytes (a "×"
    // written \u00d7 reached lupdate as another text once, and never matched).
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    int messages = 0;
    for (int i = 0;; ++i) {
        const char *templ = messageTemplate(MessageId(i));
        if (!*templ)
            break;
        ++messages;
        QVERIFY2(QCoreApplication::translate("poolviz::Message", templ) != QString::fromUtf8(templ),
                 templ);
    }
    QCOMPARE(messages, int(MessageId::NoEffectDivisorAdaptive) + 1);
    int captions = 0;
    for (int i = int(CaptionId::Step);; ++i) {
        const char *templ = captionTemplate(CaptionId(i));
        if (!*templ)
            break;
        ++captions;
        QVERIFY2(QCoreApplication::translate("poolviz::Caption", templ) != QString::fromUtf8(templ),
                 templ);
    }
    QCOMPARE(captions, int(CaptionId::FormulaAdaptive) - int(CaptionId::Step) + 1);
}

void TstCoreMessages::unpoolCaptions()
{
    // 0…15, max 2×2, unpooled: 5 goes back to its argmax (1, 1). Average 3×3 stride 1 on 0…15:
    // the second value reaches 9 cells, 6 of which the first window filled.
    const Trace max = makeUnpoolTrace(iota(4, 4), pool(PoolMode::Max, 2));
    const Trace avg = makeUnpoolTrace(iota(4, 4), pool(PoolMode::Avg, 3, 1));
    for (const Trace *t : {&max, &avg})
        for (const Step &s : t->steps)
            QCOMPARE(captionText(s.captionParts), QString::fromStdString(s.caption));
    QCOMPARE(
        QString::fromStdString(max.steps[0].caption),
        QStringLiteral("Step 1 of 4: value 5 of output row 0, column 0 goes back to where its "
                       "max was, input row 1, column 1; the other cells of the window stay 0"));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(captionText(max.steps[0].captionParts),
             QStringLiteral("Schritt 1 von 4: Wert 5 von Ausgabe Zeile 0, Spalte 0 geht dorthin "
                            "zurück, wo sein Maximum war, Eingabe Zeile 1, Spalte 1; die anderen "
                            "Zellen des Fensters bleiben 0"));
    QCOMPARE(captionText(avg.steps[1].captionParts),
             QStringLiteral("Schritt 2 von 4: Wert 6 von Ausgabe Zeile 0, Spalte 1 wird in die 9 "
                            "Eingabezellen seines Fensters kopiert; 6 davon hatten schon Werte aus "
                            "früheren Fenstern und enthalten jetzt den Mittelwert des Erhaltenen"));
}

void TstCoreMessages::captionsInGerman_data()
{
    QTest::addColumn<Tensor>("input");
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<Phase>("phase");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    // 1…16, average 2×2: each output's gradient 1 is spread as 1/4 over its window.
    QTest::newRow("avg backward")
        << iota(4, 4, 1) << pool(PoolMode::Avg, 2) << Phase::Backward << 0
        << "Step 1 of 4: gradient 1 of output row 0, column 0 is spread as 1 / 4 = 0.25 over 4 "
           "input cells"
        << "Schritt 1 von 4: Gradient 1 von Ausgabe Zeile 0, Spalte 0 wird als 1 / 4 = 0,25 auf "
           "4 Eingabezellen verteilt";
    // A tie of 2.5 at (0, 1) and (1, 1): the first in row-major order wins. In German the list
    // takes semicolons, so "1,5; 2,5" reads as two values.
    QTest::newRow("max tie with decimals")
        << Tensor::fromRows({{1.5f, 2.5f}, {0.5f, 2.5f}}) << pool(PoolMode::Max, 2)
        << Phase::Forward << 0
        << "Step 1 of 1: input rows 0–1, columns 0–1: max(1.5, 2.5, 0.5, 2.5) = 2.5, found at "
           "input row 0, column 1 (tie with row 1, column 1: the first in row-major order wins) "
           "→ output row 0, column 0"
        << "Schritt 1 von 1: Eingabe Zeilen 0–1, Spalten 0–1: max(1,5; 2,5; 0,5; 2,5) = 2,5, "
           "gefunden bei Eingabe Zeile 0, Spalte 1 (Gleichstand mit Zeile 1, Spalte 1: das erste "
           "in zeilenweiser Reihenfolge gewinnt) → Ausgabe Zeile 0, Spalte 0";
    // [[1, 2], [3, 4]] with padding 1, stride 1: the first window holds only the 1 and PyTorch's
    // default divisor counts the three padding cells: 1 / 4.
    QTest::newRow("avg counts padding")
        << iota(2, 2, 1) << pool(PoolMode::Avg, 2, 1, 1) << Phase::Forward << 0
        << "Step 1 of 9: input rows −1 to 0, columns −1 to 0: (1) / 4 = 0.25 → output row 0, "
           "column 0 (the divisor counts 3 padding cells)"
        << "Schritt 1 von 9: Eingabe Zeilen −1 bis 0, Spalten −1 bis 0: (1) / 4 = 0,25 → Ausgabe "
           "Zeile 0, Spalte 0 (der Divisor zählt 3 Padding-Zellen mit)";
    // 0…15, max 2×2: output (1, 1)'s gradient goes to 15 at input (3, 3).
    QTest::newRow("max backward")
        << iota(4, 4) << pool(PoolMode::Max, 2) << Phase::Backward << 3
        << "Step 4 of 4: gradient 1 of output row 1, column 1 goes to its max at input row 3, "
           "column 3; the input gradient there is now 1"
        << "Schritt 4 von 4: Gradient 1 von Ausgabe Zeile 1, Spalte 1 geht an sein Maximum bei "
           "Eingabe Zeile 3, Spalte 3; der Eingabegradient dort ist jetzt 1";
}

void TstCoreMessages::captionsInGerman()
{
    QFETCH(Tensor, input);
    QFETCH(PoolParams, params);
    QFETCH(Phase, phase);
    QFETCH(int, step);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const Trace t = makeTrace(input, params, phase);
    const Caption &c = t.steps[std::size_t(step)].captionParts;
    QCOMPARE(QString::fromStdString(t.steps[std::size_t(step)].caption), english);
    QCOMPARE(captionText(c), english);
    installTranslations(QStringLiteral("de"));
    QCOMPARE(captionText(c), german);
    // Core's English text is untouched: the CLI and the tests still read it.
    QCOMPARE(QString::fromStdString(c.text()), english);
}

void TstCoreMessages::messagesInGerman_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("kernel too large")
        << pool(PoolMode::Max, 5) << "kernel 5×5 is larger than the input 4×4: no window fits"
        << "Kernel 5×5 ist größer als die Eingabe 4×4: kein Fenster passt";
    // 4 + 2·10000 = 20004 per side; 20004² = 400160016 values, shown as 4.0·10⁸.
    QTest::newRow("output above the limit")
        << tooLarge() << "output would be 20004×20004 = 4.0·10⁸ values, above the limit of 10⁸"
        << "die Ausgabe hätte 20004×20004 = 4,0·10⁸ Werte, über der Grenze von 10⁸";
    PoolParams negative = pool(PoolMode::Avg, 2);
    negative.padding = {1, -1, 0, 2};
    QTest::newRow("negative padding")
        << negative << "padding 1,-1,0,2 (top, bottom, left, right) must not be negative"
        << "Padding 1, -1, 0, 2 (oben, unten, links, rechts) darf nicht negativ sein";
}

void TstCoreMessages::messagesInGerman()
{
    QFETCH(PoolParams, params);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const Validation v = validate(params, 4, 4);
    QCOMPARE(QString::fromStdString(v.errorText()), english);
    QCOMPARE(coreMessageText(v.errors), english);
    installTranslations(QStringLiteral("de"));
    QCOMPARE(coreMessageText(v.errors), german);
}

void TstCoreMessages::formulasInGerman_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<int>("in");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    // SAME, k 3, s 4 on 6: ⌈6/4⌉ = 2 outputs need (2−1)·4 + 3 − 6 = 1 padding, TensorFlow puts
    // the odd one after. In German the list inside max(…) takes a semicolon.
    PoolParams same = pool(PoolMode::Max, 3, 4);
    same.paddingMode = PaddingMode::SameUpper;
    QTest::newRow("same")
        << same << 6
        << QStringLiteral("out = ⌈6 / 4⌉ = 2; padding max((2 − 1)·4 + 3 − 6, 0) = 1: 0 before, "
                          "1 after")
        << QStringLiteral("out = ⌈6 / 4⌉ = 2; Padding max((2 − 1)·4 + 3 − 6; 0) = 1: 0 davor, "
                          "1 danach");
    // Ceil mode, k 2, s 2, padding 1 on 5: ⌊(5+1+1−2+1)/2⌋ + 1 = 4, but the 4th window would
    // start at 3·2 = 6 ≥ 5 + 1, inside the right padding, so PyTorch drops it: 3.
    PoolParams ceil = pool(PoolMode::Max, 2, 2, 1);
    ceil.ceilMode = true;
    QTest::newRow("ceil, last window dropped")
        << ceil << 5
        << QStringLiteral("out = ⌊(5 + 1 + 1 − 2 + 1) / 2⌋ + 1 = 4; last window would start at "
                          "6 ≥ 5 + 1, so out = 3")
        << QStringLiteral("out = ⌊(5 + 1 + 1 − 2 + 1) / 2⌋ + 1 = 4; das letzte Fenster würde "
                          "bei 6 ≥ 5 + 1 beginnen, also out = 3");
    PoolParams adaptive;
    adaptive.adaptiveOutput = Size2{3, 3};
    QTest::newRow("adaptive 3 on 5")
        << adaptive << 5
        << QStringLiteral("adaptive: 3 bins over 5, bin i = [⌊i·5/3⌋, ⌈(i+1)·5/3⌉)")
        << QStringLiteral("adaptiv: 3 Bins über 5, Bin i = [⌊i·5/3⌋; ⌈(i+1)·5/3⌉)");
}

void TstCoreMessages::formulasInGerman()
{
    QFETCH(PoolParams, params);
    QFETCH(int, in);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const Caption c = outputSizeFormulaCaption(params, in, in, Axis::Rows);
    QCOMPARE(QString::fromStdString(outputSizeFormula(params, in, in, Axis::Rows)), english);
    QCOMPARE(captionText(c), english);
    installTranslations(QStringLiteral("de"));
    QCOMPARE(captionText(c), german);
    QCOMPARE(QString::fromStdString(c.text()), english);
}

void TstCoreMessages::poolErrorInGerman()
{
    // A refused animation throws its message, so the window can translate it; other exceptions
    // pass through as they are.
    installTranslations(QStringLiteral("de"));
    try {
        (void)makeTrace(iota(4, 4), pool(PoolMode::Max, 2), Phase::Forward, 3);
        QFAIL("plane 3 of a one-plane input was accepted");
    } catch (const PoolError &e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QStringLiteral("plane 3 does not exist: the input has 1 plane(s)"));
        QCOMPARE(coreErrorText(e),
                 QStringLiteral("Ebene 3 gibt es nicht: die Eingabe hat 1 Ebene(n)"));
    }
    const std::runtime_error other("disk full");
    QCOMPARE(coreErrorText(other), QStringLiteral("disk full"));
}

void TstCoreMessages::parameterPanelInGerman()
{
    installTranslations(QStringLiteral("de"));
    PoolDocument document;
    document.setInput(iota(4, 4, 1), QStringLiteral("1…16"));
    ParameterPanel panel(&document);
    document.setParams(tooLarge(), QStringLiteral("too large"));
    auto *error = panel.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    QTRY_COMPARE(error->text(),
                 QStringLiteral("die Ausgabe hätte 20004×20004 = 4,0·10⁸ Werte, über der Grenze "
                                "von 10⁸"));
    // Max pooling has no divisor: the disabled control's tooltip says why, in German too.
    document.setParams(pool(PoolMode::Max, 2), QStringLiteral("max 2×2"));
    const auto *divisor = panel.findChild<QCheckBox *>(QStringLiteral("divisorOverride"));
    QVERIFY(divisor);
    QTRY_VERIFY(!divisor->isEnabled());
    QVERIFY2(divisor->toolTip().endsWith(
                 QStringLiteral("\n\nHier ohne Wirkung: der feste Divisor gilt für "
                                "Mittelwert-Pooling; max-Pooling hat keinen Divisor")),
             qPrintable(divisor->toolTip()));
    QCOMPARE(QString::fromStdString(noEffectReason(pool(PoolMode::Max, 2), Setting::Divisor)),
             QStringLiteral("the divisor override applies to average pooling; max pooling has "
                            "no divisor"));
}

void TstCoreMessages::stageCaptionInGerman()
{
    installTranslations(QStringLiteral("de"));
    PoolDocument document;
    document.setInput(iota(4, 4, 1), QStringLiteral("1…16"));
    document.setParams(pool(PoolMode::Avg, 2), QStringLiteral("avg 2×2"));
    document.setPhase(Phase::Backward);
    StageWidget stage(&document);
    document.setStep(1);
    const QString german = QStringLiteral("Schritt 2 von 4: Gradient 1 von Ausgabe Zeile 0, "
                                          "Spalte 1 wird als 1 / 4 = 0,25 auf 4 Eingabezellen "
                                          "verteilt");
    QCOMPARE(document.caption(), german);
    QTRY_COMPARE(stage.accessibleDescription(), german);
}

void TstCoreMessages::frameworksPanelInGerman()
{
    installTranslations(QStringLiteral("de"));
    // L2 2×5, stride 2×5, ceil mode on the 6×2 matrix 1…12: the last window (rows 4–5) holds
    // 9, 10, 11, 12, 4 of the kernel's 10 taps. PoolViz: √(81 + 100 + 121 + 144) = √446 = 21.12;
    // PyTorch scales by 10/4: √1115 = 33.39.
    PoolDocument document;
    document.reset(iota(6, 2, 1), QStringLiteral("1…12"), test::lpCeil2x5());
    FrameworksPanel panel(&document);
    panel.show();
    const QTableWidget *table = panel.table();
    const QString torch = table->item(0, 4)->text();
    QVERIFY2(torch.startsWith(QStringLiteral("3 von 3 Zellen weichen von PoolViz ab\n")),
             qPrintable(torch));
    QVERIFY2(torch.contains(QStringLiteral("Zelle (2, 0): PoolViz 21,12, PyTorch 33,39")),
             qPrintable(torch));
    document.setStep(2);
    QCOMPARE(panel.windowNoteLabel()->text(),
             QStringLiteral("Ausgabe (2, 0): Dieses Fenster enthält 4 der 10 Kernel-Positionen: "
                            "LPPool2d von PyTorch berechnet (446 · 10/4)^(1/2) = 33,39, PoolViz "
                            "(446)^(1/2) = 21,12 (wie LpPool von ONNX)."));
    // TensorFlow has no Lp layer: the words in the layer column are German too.
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("(kein Lp-Pooling)"));
    // Min pooling: every framework's reason in German.
    PoolParams min = pool(PoolMode::Min, 2);
    document.setParams(min, QStringLiteral("min 2×2"));
    QVERIFY2(table->item(0, 4)->text().contains(QStringLiteral(
                 "• PyTorch hat kein Min-Pooling: der Code berechnet −max_pool(−x)")),
             qPrintable(table->item(0, 4)->text()));
}

void TstCoreMessages::imageLoadErrorInGerman()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.png"));
    QImage big(2000, 1000, QImage::Format_Grayscale8);
    big.fill(0);
    QVERIFY(big.save(path));
    ImageLoadOptions options;
    options.maxPixels = 1'500'000;
    QCOMPARE(loadImage(path, options).error,
             QStringLiteral("cannot load \"%1\": the image is 2000×1000 = 2 megapixels, above the "
                            "limit of 1.5 megapixels")
                 .arg(path));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(loadImage(path, options).error,
             QStringLiteral("„%1“ lässt sich nicht laden: das Bild hat 2000×1000 = 2 Megapixel, "
                            "über der Grenze von 1,5 Megapixel")
                 .arg(path));
    QCOMPARE(loadImage(dir.filePath(QStringLiteral("none.png"))).error,
             QStringLiteral("Bild „%1“ lässt sich nicht öffnen: die Datei existiert nicht")
                 .arg(dir.filePath(QStringLiteral("none.png"))));
}

void TstCoreMessages::byteSizesInGerman()
{
    // The animation export's size estimate: German units and decimal commas.
    installTranslations(QStringLiteral("de"));
    QCOMPARE(byteSize(1), QStringLiteral("1 Byte"));
    QCOMPARE(byteSize(12), QStringLiteral("12 Bytes"));
    QCOMPARE(byteSize(8500), QStringLiteral("8,5 kB"));
    QCOMPARE(byteSize(2500000000), QStringLiteral("2,5 GB"));
}

void TstCoreMessages::placeholdersFilledOnce()
{
    // An argument that holds "%2" is not filled again; a placeholder without an argument stays.
    QCOMPARE(fillPlaceholders(QStringLiteral("%1 and %2 then %3"),
                              {QStringLiteral("50%2"), QStringLiteral("x")}),
             QStringLiteral("50%2 and x then %3"));
}

void TstCoreMessages::parseErrorsInGerman_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("not a number") << QByteArray("1 2\n3 x")
                                  << "line 2, column 3: \"x\" is not a number"
                                  << "Zeile 2, Spalte 3: „x“ ist keine Zahl";
    // The token keeps its '.' in German: it is what was typed, not a number PoolViz writes; the
    // largest float in the sentence is PoolViz's, with a decimal comma.
    QTest::newRow("beyond float range")
        << QByteArray("1.5e39 2")
        << "line 1, column 1: \"1.5e39\" is too large for a 32-bit float (largest 3.4028235e+38)"
        << "Zeile 1, Spalte 1: „1.5e39“ ist zu groß für eine 32-Bit-Gleitkommazahl (höchstens "
           "3,4028235e+38)";
    // MATLAB rows on one line: row 2 holds one value, so "1 value", "1 Wert".
    QTest::newRow("one value") << QByteArray("1 2; 3")
                               << "line 1: row 2 has 1 value, but row 1 has 2"
                               << "Zeile 1: Zeile 2 hat 1 Wert, Zeile 1 aber 2";
    QTest::newRow("two values") << QByteArray("1 2 3 4\n5 6")
                                << "line 2: row 2 has 2 values, but row 1 has 4"
                                << "Zeile 2: Zeile 2 hat 2 Werte, Zeile 1 aber 4";
    // The ')' at column 15 meets the '[' opened at column 10.
    QTest::newRow("mismatched bracket")
        << QByteArray("[[1, 2], [3, 4)]")
        << "line 1, column 15: unbalanced brackets: \")\" does not match \"[\" at line 1, column 10"
        << "Zeile 1, Spalte 15: unausgeglichene Klammern: „)“ passt nicht zu „[“ in Zeile 1, "
           "Spalte 10";
    // Two samples: the second has 1 channel, the first 2.
    QTest::newRow("one channel") << QByteArray("[[[[1]], [[2]]], [[[3]]]]")
                                 << "line 1: sample has 1 channel, but sample 1 has 2"
                                 << "Zeile 1: Sample hat 1 Kanal, Sample 1 aber 2";
}

void TstCoreMessages::parseErrorsInGerman()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const IoResult<Tensor> r = parseMatrixText(text.toStdString());
    QVERIFY(!r.ok());
    // The CLI's text, and the window's without a translation, stay core's English.
    QCOMPARE(QString::fromStdString(r.error.toString()), english);
    QCOMPARE(coreIoText(r.error), english);
    installTranslations(QStringLiteral("de"));
    QCOMPARE(coreIoText(r.error), german);
}

void TstCoreMessages::npyMessagesInGerman()
{
    // 4 of the 6 magic bytes; then 1 byte: "1 Byte", not "1 Bytes".
    const IoResult<NpyArray> four = parseNpy(std::string("\x93NUM", 4));
    const IoResult<NpyArray> one = parseNpy(std::string("\x93", 1));
    QCOMPARE(QString::fromStdString(four.error.toString()),
             QStringLiteral("truncated .npy file: it ends after 4 bytes, inside the 10-byte "
                            "prefix"));
    QCOMPARE(QString::fromStdString(one.error.toString()),
             QStringLiteral("truncated .npy file: it ends after 1 byte, inside the 10-byte "
                            "prefix"));
    // int64 1 and 2^24 + 1 = 16777217: float32 rounds the second to 16777216 (ties to even).
    IndexTensor big = IndexTensor::matrix(1, 2);
    big.data() = {1, 16777217};
    const IoResult<NpyArray> rounded = parseNpy(npyIndexBytes(big));
    QVERIFY(rounded.ok());
    QCOMPARE(rounded.warnings.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(rounded.warnings[0].toString()),
             QStringLiteral("int64 value 16777217 at index [0, 1] is read as 16777216: 32-bit "
                            "floats hold whole numbers exactly only up to 2^24 = 16777216 (1 "
                            "value of 2 changed)"));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(coreIoText(four.error),
             QStringLiteral("abgeschnittene .npy-Datei: sie endet nach 4 Bytes, innerhalb des "
                            "10-Byte-Präfixes"));
    QCOMPARE(coreIoText(one.error),
             QStringLiteral("abgeschnittene .npy-Datei: sie endet nach 1 Byte, innerhalb des "
                            "10-Byte-Präfixes"));
    QCOMPARE(coreIoText(rounded.warnings[0]),
             QStringLiteral("int64-Wert 16777217 an Index [0, 1] wird als 16777216 gelesen: "
                            "32-Bit-Gleitkommazahlen halten ganze Zahlen nur bis 2^24 = 16777216 "
                            "exakt (1 Wert von 2 geändert)"));
}

void TstCoreMessages::fileErrorsInGerman()
{
    // File names keep their dots in German; the OS's reason is the system's own text.
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("m.v2.csv"));
    std::ofstream(bad.toStdString()) << "1 2\n3 x\n";
    const QString missing = dir.filePath(QStringLiteral("none.csv"));
    const QString unwritable = dir.filePath(QStringLiteral("no/such.csv"));
    const QString noEntry = QString::fromStdString(std::generic_category().message(ENOENT));
    const IoResult<MatrixFile> parsed = readMatrixFile(bad.toStdString());
    const IoResult<MatrixFile> absent = readMatrixFile(missing.toStdString());
    const WriteError write = writeCsv(unwritable.toStdString(), test::iota(2, 2));
    QCOMPARE(QString::fromStdString(parsed.error.toString()),
             QStringLiteral("line 2, column 3: \"x\" is not a number (in \"%1\")").arg(bad));
    QCOMPARE(QString::fromStdString(absent.error.toString()),
             QStringLiteral("cannot read \"%1\": %2").arg(missing, noEntry));
    QCOMPARE(QString::fromStdString(write.text()),
             QStringLiteral("cannot write \"%1\": %2").arg(unwritable, noEntry));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(coreIoText(parsed.error),
             QStringLiteral("Zeile 2, Spalte 3: „x“ ist keine Zahl (in „%1“)").arg(bad));
    QCOMPARE(coreIoText(absent.error),
             QStringLiteral("„%1“ lässt sich nicht lesen: %2").arg(missing, noEntry));
    QCOMPARE(coreWriteText(write),
             QStringLiteral("„%1“ lässt sich nicht schreiben: %2").arg(unwritable, noEntry));
    QCOMPARE(coreWriteText(WriteError{}), QString());
}

void TstCoreMessages::tensorLimitInGerman()
{
    // 20000² = 4·10⁸ values, above the default limit of 10⁸.
    try {
        (void)Tensor::matrix(20000, 20000);
        QFAIL("a 20000×20000 tensor was allocated");
    } catch (const std::length_error &e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QStringLiteral("a 20000×20000 array would hold 4.0·10⁸ values, above the limit "
                                "of 10⁸"));
        installTranslations(QStringLiteral("de"));
        QCOMPARE(coreErrorText(e), QStringLiteral("ein 20000×20000-Array hätte 4,0·10⁸ Werte, "
                                                  "über der Grenze von 10⁸"));
    }
}

void TstCoreMessages::strideExplorerInGerman()
{
    // Kernel 5×5 on a 4×4 input: no stride gives a window, and each tile says why.
    const std::vector<PoolingVariant> series =
        poolingVariants(pool(PoolMode::Max, 5), 4, 4, VariantAxis::Stride);
    QCOMPARE(series.size(), std::size_t(6));
    QCOMPARE(QString::fromStdString(series[0].errorText()),
             QStringLiteral("kernel 5×5 is larger than the input 4×4: no window fits"));
    QCOMPARE(VariantTilePainter::summary(series[0]),
             QStringLiteral("kernel 5×5 is larger than the input 4×4: no window fits"));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(VariantTilePainter::summary(series[0]),
             QStringLiteral("Kernel 5×5 ist größer als die Eingabe 4×4: kein Fenster passt"));
}

void TstCoreMessages::matrixEditorInGerman()
{
    installTranslations(QStringLiteral("de"));
    PoolDocument document;
    document.setInput(iota(4, 4, 1), QStringLiteral("1…16"));
    MatrixEditor editor(&document, MatrixModel::Source::Input);
    editor.pasteEdit()->setPlainText(QStringLiteral("1 2\n3 x"));
    QTextDocument status;
    status.setHtml(editor.pasteStatus()->text());
    QCOMPARE(status.toPlainText(), QStringLiteral("Zeile 2, Spalte 3: „x“ ist keine Zahl"));
}

QTEST_MAIN(TstCoreMessages)
#include "tst_coremessages.moc"
