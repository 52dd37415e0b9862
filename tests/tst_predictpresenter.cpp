// Predict mode in presenter mode, offscreen in a whole window at 1280×720: F6 (the
// "predictMode" action) starts the quiz while every dock is hidden, the strip under the stage
// takes typed answers (a value, or "row, column"), the stage takes clicks, R reveals and N asks
// the next question, and leaving presenter mode hands the quiz back to the Predict dock. The
// answers are worked out by hand for the 4×4 matrix 1…16 with max 2×2 pooling: 2 outputs per
// row; the windows' maxima 6, 8, 14, 16 at (1,1), (1,3), (3,1), (3,3).

#include "mainwindow.h"
#include "pooldocument.h"
#include "predictstrip.h"
#include "stagerenderer.h"
#include "stagewidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace poolviz;

class TestPredictPresenter : public QObject
{
    Q_OBJECT
private slots:
    void quizInPresenterMode();
};

namespace {

void clickInput(StageWidget *stage, int row, int col)
{
    const QRectF r = stage->renderer()->cellRect({StageGrid::Input, row, col}, stage->stageRect(),
                                                 stage->view());
    QTest::mouseClick(stage, Qt::LeftButton, {}, r.center().toPoint());
}

/// Saves the window to $POOLVIZ_SCREENSHOT_DIR/NAME.png when that variable is set (for the
/// issue's screenshots; the test never reads it back).
void snapshot(QWidget *window, const char *name)
{
    const QString dir = qEnvironmentVariable("POOLVIZ_SCREENSHOT_DIR");
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + ".png");
}

} // namespace

void TestPredictPresenter::quizInPresenterMode()
{
    MainWindow w;
    w.setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    PoolDocument *doc = w.document();
    doc->setInput(Tensor::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}),
                  QStringLiteral("1…16"));
    PoolParams p;
    p.kernel = {2, 2};
    doc->setParams(p, QStringLiteral("k2"));
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.setPresenting(true, false);
    StageWidget *stage = w.stage();
    stage->setSmoothMotion(false);
    auto *strip = w.findChild<PredictStrip *>(QStringLiteral("predictStrip"));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("predictDock"));
    QVERIFY(strip && dock);
    QVERIFY(!strip->isVisible());

    // F6 starts predicting where the class sees it: the strip, not the (hidden) dock.
    QTest::keyClick(stage, Qt::Key_F6);
    QVERIFY(strip->isVisible());
    QVERIFY(dock->isHidden());
    QVERIFY(stage->isConcealed());
    QCOMPARE(stage->view().prompt,
             QStringLiteral("Before the animation: how many outputs will each row of the output "
                            "have? Type the number."));
    auto *answer = strip->findChild<QLineEdit *>(QStringLiteral("predictStripAnswer"));
    auto *verdict = strip->findChild<QLabel *>(QStringLiteral("predictStripVerdict"));
    auto *score = strip->findChild<QLabel *>(QStringLiteral("predictStripScore"));
    QTRY_VERIFY(answer->hasFocus());               // a value question takes the keys
    QTest::keyClicks(answer, QStringLiteral("2")); // ⌊(4 − 2)/2⌋ + 1
    QTest::keyClick(answer, Qt::Key_Return);
    QVERIFY2(
        verdict->text().startsWith(QStringLiteral("✔ Right! You said 2. Each row has 2 outputs: ")),
        qPrintable(verdict->text()));
    QCOMPARE(score->text(), QStringLiteral("Score: 1 of 1"));

    // N: step 1 asks for the winning cell; a click on the stage answers it.
    QTest::keyClick(stage, Qt::Key_N);
    QCOMPARE(doc->step(), 0);
    QVERIFY(stage->isConcealed());
    QCOMPARE(answer->placeholderText(), QStringLiteral("row, column"));
    clickInput(stage, 1, 1); // max(1, 2, 5, 6) = 6
    // The verdict alone: the step's caption is on the stage.
    QCOMPARE(verdict->text(), QStringLiteral("✔ Right! You said input row 1, column 1."));
    QCOMPARE(score->text(), QStringLiteral("Score: 2 of 2"));
    QVERIFY(!stage->isConcealed());
    snapshot(&w, "presenter-predict-right");

    // Step 2 typed from the keyboard, wrong: max(3, 4, 7, 8) = 8 is at row 1, column 3.
    QTest::keyClick(stage, Qt::Key_N);
    QCOMPARE(doc->step(), 1);
    answer->setFocus();
    QTest::keyClicks(answer, QStringLiteral("0, 2"));
    QTest::keyClick(answer, Qt::Key_Return);
    QCOMPARE(verdict->text(), QStringLiteral("✘ Not quite: you said input row 0, column 2, the "
                                             "answer is input row 1, column 3."));
    QCOMPARE(score->text(), QStringLiteral("Score: 2 of 3"));
    snapshot(&w, "presenter-predict-wrong");

    // Something that is no cell is refused and not scored.
    QTest::keyClick(stage, Qt::Key_N);
    answer->setFocus();
    QTest::keyClicks(answer, QStringLiteral("three"));
    QTest::keyClick(answer, Qt::Key_Return);
    QCOMPARE(verdict->text(), QStringLiteral("“three” is no cell: type its row and column, e.g. "
                                             "1, 2, or click it on the stage."));
    QCOMPARE(score->text(), QStringLiteral("Score: 2 of 3"));
    // R reveals without scoring: max(9, 10, 13, 14) = 14 at row 3, column 1.
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_R);
    QCOMPARE(verdict->text(), QStringLiteral("Revealed: the answer is input row 3, column 1."));
    QCOMPARE(score->text(), QStringLiteral("Score: 2 of 3"));

    // Leaving presenter mode hands the quiz to the Predict dock; F6 ends it.
    w.setPresenting(false);
    QVERIFY(!strip->isVisible());
    QVERIFY(dock->isVisible());
    QVERIFY(w.findChild<QAction *>(QStringLiteral("predictMode"))->isChecked());
    w.findChild<QAction *>(QStringLiteral("predictMode"))->trigger();
    QVERIFY(!stage->isConcealed());
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("predictMode"))->isChecked());
}

QTEST_MAIN(TestPredictPresenter)
#include "tst_predictpresenter.moc"
