#pragma once

#include "trace.h"

#include <QObject>
#include <QString>

#include <optional>

namespace poolviz {

class PoolDocument;

/// What a predict-mode question asks.
enum class QuestionKind
{
    None,          ///< nothing to predict (a window without an input cell, backward or unpool)
    OutputsPerRow, ///< before the forward animation: how many outputs per row?
    WinningCell,   ///< forward max/min: which input cell wins? (click it)
    OutputValue,   ///< forward avg/Lp, or a window without input: what is the output? (type it)
    GradientCell,  ///< backward max/min: which input cell receives this gradient? (click it)
    GradientValue, ///< backward: what is the input gradient at (row, col) after this step?
    UnpoolCell,    ///< unpool max/min: where does this value go back to? (click it)
    UnpoolValue    ///< unpool avg/Lp: what does (row, col) hold after this step?
};

/// One question about one step of a trace, with its right answer. A plain value.
struct Question
{
    QuestionKind kind = QuestionKind::None;
    int step = -1; ///< the step whose result is hidden; −1 before the animation
    int row = -1;  ///< value questions about an input cell: that cell
    int col = -1;
    int answerRow = -1; ///< cell questions: the right cell (input coordinates)
    int answerCol = -1;
    double answer = 0; ///< value questions: the right value

    /// True when the student answers by clicking a cell (else by typing a value).
    bool wantsCell() const
    {
        return kind == QuestionKind::WinningCell || kind == QuestionKind::GradientCell ||
               kind == QuestionKind::UnpoolCell;
    }
    friend bool operator==(const Question &, const Question &) = default;
};

/// The question for step `step` of `trace` (−1: the forward pass's "how many outputs per row?";
/// the backward and unpool passes have no question before their first step and ask about step
/// 0 instead). Max/min ask for the winning cell (PyTorch's: the first in row-major order on a
/// tie, the last NaN scanned); average and Lp ask for the value; a window without an input cell
/// asks for its value forward (−∞, +∞ or 0) and has nothing to ask backward. Backward max/min
/// asks where the gradient goes, or, when that cell already holds gradient from an earlier
/// window, what it holds after the step. Backward and unpool value questions ask about the cell
/// the step writes that already held something (where the running sum or mean is the point),
/// else its first cell.
Question questionFor(const Trace &trace, int step);

/// The number `text` means: a decimal with "." or the locale's ",", a fraction "a/b", "∞",
/// "inf", "−∞", "-inf" or "NaN" (any case, surrounding spaces ignored); nothing when it is not a
/// number.
std::optional<double> parseAnswer(const QString &text);

/// Whether `given` answers `expected`: equal for integers, infinities and NaN; otherwise within
/// 0.5 % of |expected| (0.005 below 1), so "0.11" answers 1/9 and "37.8" answers 37.75, while
/// "4" does not answer 4.4.
bool answerMatches(double given, double expected);

/// Predict mode over a PoolDocument: the document's next result is hidden, the student answers,
/// PoolViz says right or wrong with the step's caption, and a score runs. With "hide answers"
/// (the teacher's projector) an answer is only recorded until reveal(). The session drives the
/// document's step; the stage asks concealed() and prompt(). No widgets: tests drive it directly.
class PredictSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Off,      ///< predict mode is off: the stage shows everything
        Asking,   ///< a question is open
        Waiting,  ///< answered with answers hidden: waiting for reveal()
        Revealed, ///< the step's result and the verdict are shown
        Finished  ///< every step was asked
    };

    explicit PredictSession(PoolDocument *document, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Off; }
    /// Starts (or restarts) at the first question of the current trace; the score is kept.
    void start();
    /// Leaves predict mode: nothing is hidden any more.
    void stop();

    /// The open (or last) question.
    const Question &question() const { return m_question; }
    /// The question in words, e.g. "Step 2 of 4: which input cell holds the maximum of this
    /// window? Click it."
    QString prompt() const;
    /// True while the stage must hide the current step's result (Asking, Waiting).
    bool concealed() const { return m_state == State::Asking || m_state == State::Waiting; }

    /// Answers a cell question with input cell (row, col); false (nothing recorded) when no
    /// cell question is open.
    bool answerCell(int row, int col);
    /// Answers a value question with typed `text`; false (nothing recorded, feedback() says
    /// why) when no value question is open or `text` is not a number.
    bool answerValue(const QString &text);
    /// Shows the answer: after a hidden answer, or without answering (not scored).
    void reveal();
    /// Goes on to the next step's question (Revealed → Asking, or Finished after the last).
    void next();

    /// Whether an answer is only recorded until reveal() (for the teacher's projector).
    bool hideAnswers() const { return m_hideAnswers; }
    void setHideAnswers(bool hide);

    /// Questions answered and answered right since the last resetScore().
    int answered() const { return m_answered; }
    int right() const { return m_right; }
    void resetScore();

    /// What the last answer earned, in words: "Right! …caption…", "Not quite: you chose input
    /// row 0, column 1. …caption…", "Answer recorded: …", or why a typed answer was refused.
    QString feedback() const { return m_feedback; }
    /// The verdict of the revealed question alone, without the step's caption ("Right! You said
    /// 2.", "Not quite: …", "Revealed: …"): for a view that shows the caption elsewhere. Empty
    /// until revealed.
    QString verdict() const { return m_state == State::Revealed ? m_verdict : QString(); }
    /// Whether the current question was answered (not only revealed or skipped).
    bool hasAnswer() const { return m_hasAnswer; }
    /// Whether that answer was right (meaningful once revealed).
    bool lastRight() const { return m_lastRight; }

signals:
    /// State, question, score, feedback or a setting changed.
    void changed();

private:
    void ask(int step);
    void record(bool right, const QString &given);
    void showVerdict();
    void onTraceChanged();
    void onStepChanged(int step);
    void setDocumentStep(int step);

    PoolDocument *m_document;
    State m_state = State::Off;
    Question m_question;
    bool m_hideAnswers = false;
    bool m_hasAnswer = false;
    bool m_lastRight = false;
    QString m_given;
    int m_answered = 0;
    int m_right = 0;
    QString m_feedback;
    QString m_verdict;
    bool m_movingStep = false;
};

} // namespace poolviz
