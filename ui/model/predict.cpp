#include "predict.h"

#include "coremessage.h"
#include "numbertext.h"
#include "pooldocument.h"
#include "windowrules.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace poolviz {

namespace {

bool extremeMode(const Trace &t)
{
    const PoolMode mode = t.geometry().params.mode;
    return mode == PoolMode::Max || mode == PoolMode::Min;
}

/// The cell a backward or unpool step writes that is most worth asking about: one that already
/// held something (overlap), else the first.
const Contribution &askedContribution(const Step &s)
{
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            return c;
    return s.contributions.front();
}

} // namespace

Question questionFor(const Trace &trace, int step)
{
    Question q;
    const int count = int(trace.steps.size());
    if (count == 0)
        return q;
    if (step < 0 && trace.phase == Phase::Forward) {
        q.kind = QuestionKind::OutputsPerRow;
        q.answer = trace.geometry().outW();
        return q;
    }
    q.step = std::clamp(step, 0, count - 1);
    const Step &s = trace.steps[std::size_t(q.step)];
    const bool extreme = extremeMode(trace);
    if (trace.phase == Phase::Forward) {
        if (extreme && s.rule != StepRule::NoInput && !s.winners.empty()) {
            const Tap &t = s.taps[std::size_t(s.winners.front())];
            q.kind = QuestionKind::WinningCell;
            q.answerRow = t.row;
            q.answerCol = t.col;
        } else {
            q.kind = QuestionKind::OutputValue;
            q.answer = s.output;
        }
        return q;
    }
    if (s.contributions.empty())
        return q; // nothing reaches the input: kind None
    const bool unpool = trace.phase == Phase::Unpool;
    // Max/min: "which cell receives it?", unless that cell already holds gradient from an
    // earlier window: then the running sum is the point ("what is it here after this step?").
    if (extreme && s.contributions.size() == 1 &&
        s.contributions.front().running == s.contributions.front().amount) {
        q.kind = unpool ? QuestionKind::UnpoolCell : QuestionKind::GradientCell;
        q.answerRow = s.contributions.front().row;
        q.answerCol = s.contributions.front().col;
        return q;
    }
    const Contribution &c = askedContribution(s);
    q.kind = unpool ? QuestionKind::UnpoolValue : QuestionKind::GradientValue;
    q.row = c.row;
    q.col = c.col;
    q.answer = c.running;
    return q;
}

std::optional<double> parseAnswer(const QString &text)
{
    QString t = text.trimmed().toLower();
    t.replace(QChar(0x2212), QLatin1Char('-')); // the minus sign the stage writes
    if (t.isEmpty())
        return std::nullopt;
    if (t == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    bool negative = false;
    QString body = t;
    if (body.startsWith(QLatin1Char('-')) || body.startsWith(QLatin1Char('+'))) {
        negative = body.startsWith(QLatin1Char('-'));
        body = body.mid(1);
    }
    if (body == QStringLiteral("\u221e") || body == QLatin1String("inf") ||
        body == QLatin1String("infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    auto number = [](QString s) -> std::optional<double> {
        s.replace(QLatin1Char(','), QLatin1Char('.'));
        bool ok = false;
        const double v = s.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return std::nullopt;
        return v;
    };
    double value = 0;
    if (const qsizetype slash = body.indexOf(QLatin1Char('/')); slash >= 0) {
        const auto num = number(body.left(slash)), den = number(body.mid(slash + 1));
        if (!num || !den || *den == 0)
            return std::nullopt;
        value = *num / *den;
    } else {
        const auto v = number(body);
        if (!v)
            return std::nullopt;
        value = *v;
    }
    return negative ? -value : value;
}

bool answerMatches(double given, double expected)
{
    if (std::isnan(expected) || std::isnan(given))
        return std::isnan(expected) && std::isnan(given);
    if (std::isinf(expected) || std::isinf(given) || expected == std::floor(expected))
        return given == expected;
    return std::fabs(given - expected) <= 0.005 * std::max(1.0, std::fabs(expected));
}

// --- the session ------------------------------------------------------------------------------

PredictSession::PredictSession(PoolDocument *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    connect(document, &PoolDocument::traceChanged, this, &PredictSession::onTraceChanged);
    connect(document, &PoolDocument::stepChanged, this,
            [this](int step, int) { onStepChanged(step); });
}

void PredictSession::start()
{
    const auto trace = m_document->trace();
    if (!trace || trace->steps.empty()) {
        m_state = State::Off;
        m_feedback = tr("Nothing to predict: %1").arg(m_document->traceError());
        emit changed();
        return;
    }
    ask(trace->phase == Phase::Forward ? -1 : 0);
}

void PredictSession::stop()
{
    if (m_state == State::Off)
        return;
    m_state = State::Off;
    m_feedback.clear();
    emit changed();
}

void PredictSession::ask(int step)
{
    const auto trace = m_document->trace();
    if (!trace || trace->steps.empty()) {
        stop();
        return;
    }
    m_question = questionFor(*trace, step);
    m_hasAnswer = false;
    m_given.clear();
    m_feedback.clear();
    m_verdict.clear();
    setDocumentStep(m_question.step);
    if (m_question.kind == QuestionKind::None) {
        m_state = State::Revealed;
        m_feedback = tr("Nothing to predict here.") + QLatin1Char(' ') + m_document->caption();
    } else {
        m_state = State::Asking;
    }
    emit changed();
}

QString PredictSession::prompt() const
{
    const auto trace = m_document->trace();
    if (m_state == State::Off || !trace)
        return {};
    if (m_state == State::Finished)
        return tr("Every step has been predicted. Score: %1 of %2.").arg(m_right).arg(m_answered);
    const Question &q = m_question;
    const QString stepText =
        tr("Step %1 of %2:").arg(q.step + 1).arg(int(trace->steps.size())) + QLatin1Char(' ');
    const PoolMode mode = trace->geometry().params.mode;
    switch (q.kind) {
    case QuestionKind::None:
        return stepText + tr("this window holds no input cell.");
    case QuestionKind::OutputsPerRow:
        return tr("Before the animation: how many outputs will each row of the output have? "
                  "Type the number.");
    case QuestionKind::WinningCell:
        return stepText +
               (mode == PoolMode::Min
                    ? tr("which input cell holds the minimum of this window? Click it.")
                    : tr("which input cell holds the maximum of this window? Click it."));
    case QuestionKind::OutputValue:
        if (mode == PoolMode::Avg)
            return stepText + tr("what is the average of this window? Type the value.");
        if (mode == PoolMode::Lp)
            return stepText + tr("what is the Lp norm of this window? Type the value.");
        return stepText + tr("what does this window output? Type the value.");
    case QuestionKind::GradientCell: {
        const Step &s = trace->steps[std::size_t(q.step)];
        return stepText + tr("which input cell receives the gradient %1 of output row %2, "
                             "column %3? Click it.")
                              .arg(screenNumber(s.upstream))
                              .arg(s.outRow)
                              .arg(s.outCol);
    }
    case QuestionKind::GradientValue:
        return stepText + tr("what is the input gradient at row %1, column %2 after this step? "
                             "Type the value.")
                              .arg(q.row)
                              .arg(q.col);
    case QuestionKind::UnpoolCell: {
        const Step &s = trace->steps[std::size_t(q.step)];
        return stepText + tr("where does the value %1 go back to? Click the input cell.")
                              .arg(screenNumber(s.output));
    }
    case QuestionKind::UnpoolValue:
        return stepText + tr("what does row %1, column %2 of the unpooled plane hold after "
                             "this step? Type the value.")
                              .arg(q.row)
                              .arg(q.col);
    }
    return {};
}

bool PredictSession::answerCell(int row, int col)
{
    if (m_state != State::Asking || !m_question.wantsCell())
        return false;
    record(row == m_question.answerRow && col == m_question.answerCol,
           tr("input row %1, column %2").arg(row).arg(col));
    return true;
}

bool PredictSession::answerValue(const QString &text)
{
    if (m_state != State::Asking || m_question.wantsCell() || m_question.kind == QuestionKind::None)
        return false;
    const std::optional<double> value = parseAnswer(text);
    if (!value) {
        m_feedback = tr("“%1” is not a number: type e.g. 3, 2.5, 1/4 or −∞.").arg(text.trimmed());
        emit changed();
        return false;
    }
    record(answerMatches(*value, m_question.answer), screenNumber(*value));
    return true;
}

void PredictSession::record(bool right, const QString &given)
{
    m_hasAnswer = true;
    m_lastRight = right;
    m_given = given;
    ++m_answered;
    if (right)
        ++m_right;
    if (m_hideAnswers) {
        m_state = State::Waiting;
        m_feedback = tr("Answer recorded. Reveal it when everyone has answered.");
        emit changed();
        return;
    }
    showVerdict();
}

void PredictSession::reveal()
{
    if (m_state != State::Asking && m_state != State::Waiting)
        return;
    showVerdict();
}

void PredictSession::showVerdict()
{
    m_state = State::Revealed;
    const auto trace = m_document->trace();
    QString rightAnswer;
    if (m_question.kind == QuestionKind::OutputsPerRow && trace)
        rightAnswer = tr("each row has %1 outputs: %2")
                          .arg(trace->geometry().outW())
                          .arg(captionText(outputSizeFormulaCaption(
                              trace->geometry().params, trace->geometry().inH(),
                              trace->geometry().inW(), Axis::Cols)));
    else if (m_question.wantsCell())
        rightAnswer = tr("the answer is input row %1, column %2")
                          .arg(m_question.answerRow)
                          .arg(m_question.answerCol);
    else
        rightAnswer = tr("the answer is %1").arg(screenNumber(m_question.answer));
    const QString why =
        m_question.kind == QuestionKind::OutputsPerRow ? QString() : m_document->caption();
    QString verdict;
    if (!m_hasAnswer)
        verdict = tr("Revealed: %1.").arg(rightAnswer);
    else if (m_lastRight)
        verdict = tr("Right! You said %1.").arg(m_given);
    else
        verdict = tr("Not quite: you said %1, %2.").arg(m_given, rightAnswer);
    if (m_hasAnswer && m_lastRight && m_question.kind == QuestionKind::OutputsPerRow)
        verdict +=
            QLatin1Char(' ') + rightAnswer.at(0).toUpper() + rightAnswer.mid(1) + QLatin1Char('.');
    m_verdict = verdict;
    m_feedback = why.isEmpty() ? verdict : verdict + QLatin1Char(' ') + why;
    emit changed();
}

void PredictSession::next()
{
    const auto trace = m_document->trace();
    if (m_state != State::Revealed || !trace)
        return;
    const int following = m_question.kind == QuestionKind::OutputsPerRow ? 0 : m_question.step + 1;
    if (following >= int(trace->steps.size())) {
        m_state = State::Finished;
        m_feedback.clear();
        emit changed();
        return;
    }
    ask(following);
}

void PredictSession::setHideAnswers(bool hide)
{
    if (hide == m_hideAnswers)
        return;
    m_hideAnswers = hide;
    emit changed();
}

void PredictSession::resetScore()
{
    m_answered = 0;
    m_right = 0;
    emit changed();
}

void PredictSession::setDocumentStep(int step)
{
    m_movingStep = true;
    m_document->setStep(step);
    m_movingStep = false;
}

void PredictSession::onTraceChanged()
{
    // New parameters, input or phase: the questions start again for the new trace.
    if (m_state != State::Off)
        start();
}

void PredictSession::onStepChanged(int step)
{
    // Playback or a click on the stage moved the step: ask about where it is now.
    if (m_movingStep || m_state == State::Off)
        return;
    const auto trace = m_document->trace();
    if (!trace)
        return;
    if (step < 0 && trace->phase != Phase::Forward)
        step = 0;
    if (step == m_question.step && m_state != State::Finished)
        return;
    ask(step);
}

} // namespace poolviz
