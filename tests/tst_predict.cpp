// Predict mode's model without widgets: the question each step asks with its right answer
// (worked out by hand from the matrices below), how typed answers are read and judged, and a
// whole session over a document: score, hidden answers, reveal, reset and restarts.

#include "pooldocument.h"
#include "predict.h"
#include "testutil.h"
#include "unpooltrace.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace poolviz;
using namespace poolviz::test;

Q_DECLARE_METATYPE(poolviz::Question)
Q_DECLARE_METATYPE(poolviz::Trace)

namespace {

const double kInf = std::numeric_limits<double>::infinity();

Question cellQuestion(QuestionKind kind, int step, int row, int col)
{
    Question q;
    q.kind = kind;
    q.step = step;
    q.answerRow = row;
    q.answerCol = col;
    return q;
}

Question valueQuestion(QuestionKind kind, int step, double answer, int row = -1, int col = -1)
{
    Question q;
    q.kind = kind;
    q.step = step;
    q.answer = answer;
    q.row = row;
    q.col = col;
    return q;
}

} // namespace

class TestPredict : public QObject
{
    Q_OBJECT
private slots:
    void questions_data();
    void questions();
    void parsing_data();
    void parsing();
    void judging_data();
    void judging();
    void sessionScoresRightAndWrong();
    void hiddenAnswersWaitForReveal();
    void revealWithoutAnswerIsNotScored();
    void refusedTextKeepsTheQuestionOpen();
    void newParametersRestartTheQuestions();
    void backwardAsksWhereTheGradientGoes();
    void finishesAfterTheLastStep();
};

void TestPredict::questions_data()
{
    QTest::addColumn<Trace>("trace");
    QTest::addColumn<int>("step");
    QTest::addColumn<Question>("expected");

    // 1 2 3 4 / 5 6 7 8 / 9 10 11 12 / 13 14 15 16, 2×2 windows at stride 2.
    const Tensor m = iota(4, 4, 1);
    const Trace maxTrace = makeTrace(m, params(PoolMode::Max, 2), Phase::Forward);
    // ⌊(4 − 2) / 2⌋ + 1 = 2 outputs per row.
    QTest::newRow("outputs per row")
        << maxTrace << -1 << valueQuestion(QuestionKind::OutputsPerRow, -1, 2);
    // max(1, 2, 5, 6) = 6 at (1, 1); max(11, 12, 15, 16) = 16 at (3, 3).
    QTest::newRow("max step 1") << maxTrace << 0
                                << cellQuestion(QuestionKind::WinningCell, 0, 1, 1);
    QTest::newRow("max step 4") << maxTrace << 3
                                << cellQuestion(QuestionKind::WinningCell, 3, 3, 3);
    // min(3, 4, 7, 8) = 3 at (0, 2).
    QTest::newRow("min step 2") << makeTrace(m, params(PoolMode::Min, 2), Phase::Forward) << 1
                                << cellQuestion(QuestionKind::WinningCell, 1, 0, 2);
    // (9 + 10 + 13 + 14) / 4 = 11.5.
    QTest::newRow("avg step 3") << makeTrace(m, params(PoolMode::Avg, 2), Phase::Forward) << 2
                                << valueQuestion(QuestionKind::OutputValue, 2, 11.5);
    // A tie of 5 and 5: PyTorch's first in row-major order, (0, 0), is the answer.
    QTest::newRow("tie: the first wins")
        << makeTrace(matrix(2, 2, {5, 5, 1, 2}), params(PoolMode::Max, 2), Phase::Forward) << 0
        << cellQuestion(QuestionKind::WinningCell, 0, 0, 0);
    // 1×1 windows over a 2×2 input padded by 1: window (0, 0) is all padding and outputs −∞.
    PoolParams ring = params(PoolMode::Max, 1, 1);
    ring.padding = {1, 1, 1, 1};
    const Tensor small = matrix(2, 2, {5, 6, 7, 8});
    QTest::newRow("padding only: the value −∞")
        << makeTrace(small, ring, Phase::Forward) << 0
        << valueQuestion(QuestionKind::OutputValue, 0, -kInf);
    QTest::newRow("padding only backward: nothing to ask")
        << makeTrace(small, ring, Phase::Backward) << 0 << valueQuestion(QuestionKind::None, 0, 0);
    // Backward of max: the gradient of output (0, 1) goes to max(3, 4, 7, 8) = 8 at (1, 3).
    QTest::newRow("max backward step 2") << makeTrace(m, params(PoolMode::Max, 2), Phase::Backward)
                                         << 1 << cellQuestion(QuestionKind::GradientCell, 1, 1, 3);
    // The 9 in the centre wins all four 2×2 windows at stride 1: step 2's gradient 1 lands
    // where step 1's already is, so the question is the running sum, 1 + 1 = 2.
    const Tensor centre = matrix(3, 3, {1, 2, 3, 4, 9, 5, 6, 7, 8});
    QTest::newRow("max backward overlap: the running sum")
        << makeTrace(centre, params(PoolMode::Max, 2, 1), Phase::Backward) << 1
        << valueQuestion(QuestionKind::GradientValue, 1, 2, 1, 1);
    QTest::newRow("max backward first window: the cell")
        << makeTrace(centre, params(PoolMode::Max, 2, 1), Phase::Backward) << 0
        << cellQuestion(QuestionKind::GradientCell, 0, 1, 1);
    // Before the first backward step there is no output-size question: step 0 is asked.
    QTest::newRow("backward starts at step 1")
        << makeTrace(m, params(PoolMode::Max, 2), Phase::Backward) << -1
        << cellQuestion(QuestionKind::GradientCell, 0, 1, 1);
    // Avg 2×2 stride 1 over 3×3, upstream ones: step 2 adds ¼ to (0,1), (0,2), (1,1), (1,2);
    // (0, 1) already held ¼ from step 1, so it is asked: ¼ + ¼ = 0.5.
    const Tensor nine = iota(3, 3, 1);
    QTest::newRow("avg backward overlap")
        << makeTrace(nine, params(PoolMode::Avg, 2, 1), Phase::Backward) << 1
        << valueQuestion(QuestionKind::GradientValue, 1, 0.5, 0, 1);
    // Avg-unpool of the same: the second value, 4, meets 3 at (0, 1): mean 3.5.
    QTest::newRow("avg unpool overlap") << makeUnpoolTrace(nine, params(PoolMode::Avg, 2, 1)) << 1
                                        << valueQuestion(QuestionKind::UnpoolValue, 1, 3.5, 0, 1);
    // Max-unpool: 6 goes back to (1, 1).
    QTest::newRow("max unpool") << makeUnpoolTrace(m, params(PoolMode::Max, 2)) << 0
                                << cellQuestion(QuestionKind::UnpoolCell, 0, 1, 1);
}

void TestPredict::questions()
{
    QFETCH(Trace, trace);
    QFETCH(int, step);
    QFETCH(Question, expected);
    const Question q = questionFor(trace, step);
    QCOMPARE(int(q.kind), int(expected.kind));
    QCOMPARE(q.step, expected.step);
    QCOMPARE(q.answerRow, expected.answerRow);
    QCOMPARE(q.answerCol, expected.answerCol);
    QCOMPARE(q.row, expected.row);
    QCOMPARE(q.col, expected.col);
    QCOMPARE(q.answer, expected.answer);
}

void TestPredict::parsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << "3" << true << 3.0;
    QTest::newRow("spaces") << "  7 " << true << 7.0;
    QTest::newRow("decimal point") << "2.5" << true << 2.5;
    QTest::newRow("decimal comma") << "2,5" << true << 2.5;
    QTest::newRow("fraction") << "1/4" << true << 0.25;
    QTest::newRow("negative fraction") << "-3/4" << true << -0.75;
    QTest::newRow("minus sign") << "\u22121.5" << true << -1.5;
    QTest::newRow("minus infinity sign") << "\u2212\u221e" << true << -kInf;
    QTest::newRow("-inf") << "-inf" << true << -kInf;
    QTest::newRow("infinity") << "\u221e" << true << kInf;
    QTest::newRow("not a number") << "abc" << false << 0.0;
    QTest::newRow("division by zero") << "1/0" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("two numbers") << "1 2" << false << 0.0;
}

void TestPredict::parsing()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const std::optional<double> parsed = parseAnswer(text);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, value);
    QVERIFY(std::isnan(parseAnswer(QStringLiteral("NaN")).value_or(0)));
}

void TestPredict::judging_data()
{
    QTest::addColumn<double>("given");
    QTest::addColumn<double>("expected");
    QTest::addColumn<bool>("right");
    QTest::newRow("1/9 as 0.11") << 0.11 << 1.0 / 9 << true; // off by 0.0011 < 0.005
    QTest::newRow("1/9 as 0.1") << 0.1 << 1.0 / 9 << false;  // off by 0.011
    QTest::newRow("4.4 as 4") << 4.0 << 4.4 << false;        // off by 0.4 > 0.022
    QTest::newRow("37.75 as 37.8") << 37.8 << 37.75 << true; // off by 0.05 < 0.189
    QTest::newRow("integer exactly") << 3.0 << 3.0 << true;
    QTest::newRow("integer off by 0.01") << 3.01 << 3.0 << false;
    QTest::newRow("−∞") << -kInf << -kInf << true;
    QTest::newRow("−∞ for a large number") << -1e30 << -kInf << false;
}

void TestPredict::judging()
{
    QFETCH(double, given);
    QFETCH(double, expected);
    QFETCH(bool, right);
    QCOMPARE(answerMatches(given, expected), right);
}

void TestPredict::sessionScoresRightAndWrong()
{
    PoolDocument doc; // 4×4 matrix 1…16, max 2×2
    PredictSession session(&doc);
    QSignalSpy changed(&session, &PredictSession::changed);
    session.start();
    QCOMPARE(session.state(), PredictSession::State::Asking);
    QCOMPARE(session.question().kind, QuestionKind::OutputsPerRow);
    QCOMPARE(doc.step(), -1);
    QVERIFY(session.concealed());
    QVERIFY(!changed.isEmpty());

    QVERIFY(!session.answerCell(0, 0)); // a value question: clicks do not count
    QVERIFY(session.answerValue(QStringLiteral("3")));
    QCOMPARE(session.state(), PredictSession::State::Revealed);
    QVERIFY(!session.concealed());
    QCOMPARE(session.answered(), 1);
    QCOMPARE(session.right(), 0);
    QCOMPARE(session.feedback(),
             QStringLiteral("Not quite: you said 3, each row has 2 outputs: out = "
                            "\u230a(4 + 0 + 0 \u2212 2) / 2\u230b + 1 = 2."));

    session.next();
    QCOMPARE(session.state(), PredictSession::State::Asking);
    QCOMPARE(doc.step(), 0);
    QCOMPARE(session.prompt(),
             QStringLiteral("Step 1 of 4: which input cell holds the maximum of this window? "
                            "Click it."));
    QVERIFY(!session.answerValue(QStringLiteral("6"))); // a cell question: typing does not count
    QVERIFY(session.answerCell(1, 1));
    QVERIFY(session.lastRight());
    QCOMPARE(session.answered(), 2);
    QCOMPARE(session.right(), 1);
    QCOMPARE(session.feedback(),
             QStringLiteral("Right! You said input row 1, column 1. Step 1 of 4: input rows "
                            "0\u20131, columns 0\u20131: max(1, 2, 5, 6) = 6, found at input row "
                            "1, column 1 \u2192 output row 0, column 0"));

    session.next();
    QCOMPARE(doc.step(), 1);
    QVERIFY(session.answerCell(0, 3)); // max(3, 4, 7, 8) = 8 is at (1, 3)
    QVERIFY(!session.lastRight());
    QVERIFY2(session.feedback().startsWith(QStringLiteral(
                 "Not quite: you said input row 0, column 3, the answer is input row 1, "
                 "column 3. Step 2 of 4:")),
             qPrintable(session.feedback()));
    QCOMPARE(session.answered(), 3);
    QCOMPARE(session.right(), 1);

    session.resetScore();
    QCOMPARE(session.answered(), 0);
    QCOMPARE(session.right(), 0);
}

void TestPredict::hiddenAnswersWaitForReveal()
{
    PoolDocument doc;
    PredictSession session(&doc);
    session.setHideAnswers(true);
    session.start();
    session.answerValue(QStringLiteral("2"));
    QCOMPARE(session.state(), PredictSession::State::Waiting);
    QVERIFY(session.concealed()); // the projector still hides the result
    QCOMPARE(session.feedback(),
             QStringLiteral("Answer recorded. Reveal it when everyone has answered."));
    QCOMPARE(session.answered(), 1);
    session.next(); // not before the reveal
    QCOMPARE(session.state(), PredictSession::State::Waiting);
    session.reveal();
    QCOMPARE(session.state(), PredictSession::State::Revealed);
    QVERIFY(session.feedback().startsWith(QStringLiteral("Right! You said 2.")));
    QCOMPARE(session.right(), 1);
}

void TestPredict::revealWithoutAnswerIsNotScored()
{
    PoolDocument doc;
    PredictSession session(&doc);
    session.start();
    session.reveal();
    session.next();
    session.reveal();
    QCOMPARE(session.answered(), 0);
    QVERIFY2(session.feedback().startsWith(
                 QStringLiteral("Revealed: the answer is input row 1, column 1. Step 1 of 4:")),
             qPrintable(session.feedback()));
}

void TestPredict::refusedTextKeepsTheQuestionOpen()
{
    PoolDocument doc;
    PredictSession session(&doc);
    session.start();
    QVERIFY(!session.answerValue(QStringLiteral("two")));
    QCOMPARE(session.state(), PredictSession::State::Asking);
    QCOMPARE(session.answered(), 0);
    QCOMPARE(session.feedback(),
             QStringLiteral("\u201ctwo\u201d is not a number: type e.g. 3, 2.5, 1/4 or "
                            "\u2212\u221e."));
}

void TestPredict::newParametersRestartTheQuestions()
{
    PoolDocument doc;
    PredictSession session(&doc);
    session.start();
    session.answerValue(QStringLiteral("2"));
    session.next();
    QCOMPARE(doc.step(), 0);
    PoolParams p = doc.params();
    p.stride = Size2{1, 1};
    doc.setParams(p, QStringLiteral("stride 1"));
    // ⌊(4 − 2) / 1⌋ + 1 = 3 outputs per row; the score is kept.
    QCOMPARE(session.question().kind, QuestionKind::OutputsPerRow);
    QCOMPARE(session.question().answer, 3.0);
    QCOMPARE(session.answered(), 1);
    QCOMPARE(doc.step(), -1);
    session.stop();
    QCOMPARE(session.state(), PredictSession::State::Off);
    QVERIFY(!session.concealed());
}

void TestPredict::backwardAsksWhereTheGradientGoes()
{
    PoolDocument doc;
    doc.setPhase(Phase::Backward);
    PredictSession session(&doc);
    session.start();
    QCOMPARE(doc.step(), 0);
    QCOMPARE(session.question().kind, QuestionKind::GradientCell);
    QCOMPARE(session.prompt(),
             QStringLiteral("Step 1 of 4: which input cell receives the gradient 1 of output row "
                            "0, column 0? Click it."));
    QVERIFY(session.answerCell(1, 1));
    QVERIFY(session.lastRight());
}

void TestPredict::finishesAfterTheLastStep()
{
    PoolDocument doc;
    PredictSession session(&doc);
    session.start();
    for (int i = 0; i < 5; ++i) { // the size question and 4 steps
        session.reveal();
        session.next();
    }
    QCOMPARE(session.state(), PredictSession::State::Finished);
    QCOMPARE(doc.step(), 3);
    QCOMPARE(session.prompt(), QStringLiteral("Every step has been predicted. Score: 0 of 0."));
}

QTEST_MAIN(TestPredict)
#include "tst_predict.moc"
