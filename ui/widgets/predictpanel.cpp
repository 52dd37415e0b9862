#include "predictpanel.h"

#include "predict.h"
#include "wraplayout.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace poolviz {

PredictPanel::PredictPanel(PredictSession *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("predictPanel"));
    auto *layout = new QVBoxLayout(this);

    m_start = new QPushButton(tr("Start predicting"));
    m_start->setObjectName(QStringLiteral("predictStart"));
    m_start->setCheckable(true);
    m_start->setToolTip(tr("Hide each result until the class has guessed it"));

    m_prompt = new QLabel;
    m_prompt->setObjectName(QStringLiteral("predictPrompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    QFont big = m_prompt->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_prompt->setFont(big);

    m_answer = new QLineEdit;
    m_answer->setObjectName(QStringLiteral("predictAnswer"));
    m_answer->setPlaceholderText(tr("Your answer, e.g. 3.5 or 1/4"));
    m_answer->setAccessibleName(tr("Answer"));
    m_submit = new QPushButton(tr("Answer"));
    m_submit->setObjectName(QStringLiteral("predictSubmit"));
    // The field shows its hint whole; the button goes under it where the dock is narrow.
    m_answer->setMinimumWidth(
        m_answer->fontMetrics().horizontalAdvance(m_answer->placeholderText()) + 24);
    m_answer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *answerRow = new WrapLayout;
    answerRow->addWidget(m_answer);
    answerRow->addWidget(m_submit);

    m_feedback = new QLabel;
    m_feedback->setObjectName(QStringLiteral("predictFeedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText);
    m_feedback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont verdictFont = m_feedback->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.15);
    m_feedback->setFont(verdictFont);

    m_reveal = new QPushButton(tr("Reveal"));
    m_reveal->setObjectName(QStringLiteral("predictReveal"));
    m_reveal->setToolTip(tr("Show the answer and the step (not scored without an answer)"));
    m_next = new QPushButton(tr("Next question"));
    m_next->setObjectName(QStringLiteral("predictNext"));
    auto *stepRow = new QHBoxLayout;
    stepRow->addWidget(m_reveal);
    stepRow->addWidget(m_next);

    m_score = new QLabel;
    m_score->setObjectName(QStringLiteral("predictScore"));
    m_resetScore = new QPushButton(tr("Reset score"));
    m_resetScore->setObjectName(QStringLiteral("predictResetScore"));
    // The score above its reset button, not beside it: German's "Punktestand: 3 von 4" and
    // "Punkte zurücksetzen" side by side made the dock too wide for a 1280×720 projector.
    auto *scoreRow = new QVBoxLayout;
    scoreRow->addWidget(m_score);
    scoreRow->addWidget(m_resetScore, 0, Qt::AlignLeft);

    m_hide = new QCheckBox(tr("Hide answers until revealed"));
    m_hide->setObjectName(QStringLiteral("predictHide"));
    m_hide->setToolTip(tr("For the projector: answers are recorded, and only Reveal shows "
                          "whether they were right"));

    layout->addWidget(m_start);
    layout->addWidget(m_prompt);
    layout->addLayout(answerRow);
    layout->addWidget(m_feedback);
    layout->addLayout(stepRow);
    layout->addLayout(scoreRow);
    layout->addWidget(m_hide);
    layout->addStretch(1);

    connect(m_start, &QPushButton::toggled, this, [this](bool on) {
        if (on && !m_session->isActive())
            m_session->start();
        else if (!on)
            m_session->stop();
        refresh();
    });
    connect(m_submit, &QPushButton::clicked, this, &PredictPanel::submit);
    connect(m_answer, &QLineEdit::returnPressed, this, &PredictPanel::submit);
    connect(m_reveal, &QPushButton::clicked, m_session, &PredictSession::reveal);
    connect(m_next, &QPushButton::clicked, m_session, &PredictSession::next);
    connect(m_resetScore, &QPushButton::clicked, m_session, &PredictSession::resetScore);
    connect(m_hide, &QCheckBox::toggled, m_session, &PredictSession::setHideAnswers);
    connect(m_session, &PredictSession::changed, this, &PredictPanel::refresh);
    refresh();
}

QSize PredictPanel::sizeHint() const
{
    return {minimumSizeHint().width(), QWidget::sizeHint().height()};
}

void PredictPanel::submit()
{
    if (m_session->answerValue(m_answer->text()))
        m_answer->clear();
}

void PredictPanel::refresh()
{
    using State = PredictSession::State;
    const State state = m_session->state();
    const bool active = m_session->isActive();
    {
        const QSignalBlocker block(m_start);
        m_start->setChecked(active);
    }
    m_start->setText(active ? tr("Stop predicting") : tr("Start predicting"));
    {
        const QSignalBlocker block(m_hide);
        m_hide->setChecked(m_session->hideAnswers());
    }
    m_prompt->setText(active ? m_session->prompt()
                             : tr("Predict mode hides the next result: click the cell you think "
                                  "wins, or type the value, before the stage shows it."));
    const bool typing = state == State::Asking && !m_session->question().wantsCell() &&
                        m_session->question().kind != QuestionKind::None;
    m_answer->setEnabled(typing);
    m_submit->setEnabled(typing);
    if (typing && isVisible())
        m_answer->setFocus();

    // The verdict: a mark and a colour, so it reads without colour too.
    QString feedback = m_session->feedback();
    QColor color = palette().color(QPalette::WindowText);
    if (state == State::Revealed && m_session->hasAnswer()) {
        color = m_session->lastRight() ? QColor(0x1b, 0x7a, 0x2f) : QColor(0xb3, 0x26, 0x1e);
        feedback =
            (m_session->lastRight() ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + feedback;
    }
    QPalette verdict = m_feedback->palette();
    verdict.setColor(QPalette::WindowText, color);
    m_feedback->setPalette(verdict);
    m_feedback->setText(feedback);
    m_reveal->setEnabled(state == State::Asking || state == State::Waiting);
    m_next->setEnabled(state == State::Revealed);
    m_score->setText(tr("Score: %1 of %2").arg(m_session->right()).arg(m_session->answered()));
    m_resetScore->setEnabled(m_session->answered() > 0);
}

} // namespace poolviz
