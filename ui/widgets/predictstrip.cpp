#include "predictstrip.h"

#include "predict.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace poolviz {

PredictStrip::PredictStrip(PredictSession *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("predictStrip"));
    setAutoFillBackground(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.4); // read from the back of the room
    setFont(big);

    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("predictStripVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_answer = new QLineEdit;
    m_answer->setObjectName(QStringLiteral("predictStripAnswer"));
    m_answer->setAccessibleName(tr("Answer"));
    m_answer->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000000000")));
    m_submit = new QPushButton(tr("Answer"));
    m_submit->setObjectName(QStringLiteral("predictStripSubmit"));
    m_reveal = new QPushButton(tr("&Reveal"));
    m_reveal->setObjectName(QStringLiteral("predictStripReveal"));
    m_reveal->setToolTip(tr("Show the answer and the step (R)"));
    m_next = new QPushButton(tr("&Next question"));
    m_next->setObjectName(QStringLiteral("predictStripNext"));
    m_next->setToolTip(tr("Ask about the next step (N)"));
    m_stop = new QPushButton(tr("Stop predicting"));
    m_stop->setObjectName(QStringLiteral("predictStripStop"));
    m_score = new QLabel;
    m_score->setObjectName(QStringLiteral("predictStripScore"));
    QFont bold = m_score->font();
    bold.setBold(true);
    m_score->setFont(bold);
    for (QPushButton *b : {m_submit, m_reveal, m_next, m_stop})
        b->setFocusPolicy(Qt::NoFocus); // the keys stay with the answer field and the stage

    // R and N while the strip shows, also with the stage focused (letters typed into the
    // answer field stay there).
    const auto key = [this](QPushButton *button, Qt::Key k) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(k));
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, button, [button] {
            if (button->isEnabled())
                button->click();
        });
        addAction(a);
    };
    key(m_reveal, Qt::Key_R);
    key(m_next, Qt::Key_N);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_answer);
    controls->addWidget(m_submit);
    controls->addSpacing(12);
    controls->addWidget(m_reveal);
    controls->addWidget(m_next);
    controls->addStretch(1);
    controls->addWidget(m_score);
    controls->addSpacing(12);
    controls->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    layout->addWidget(m_verdict);
    layout->addLayout(controls);

    connect(m_submit, &QPushButton::clicked, this, [this] { answer(m_answer->text()); });
    connect(m_answer, &QLineEdit::returnPressed, this, [this] { answer(m_answer->text()); });
    connect(m_reveal, &QPushButton::clicked, m_session, &PredictSession::reveal);
    connect(m_next, &QPushButton::clicked, m_session, &PredictSession::next);
    connect(m_stop, &QPushButton::clicked, m_session, &PredictSession::stop);
    connect(m_session, &PredictSession::changed, this, &PredictStrip::refresh);
    refresh();
}

bool PredictStrip::answer(const QString &text)
{
    bool recorded = false;
    if (m_session->question().wantsCell()) {
        static const QRegularExpression cell(QStringLiteral("^\\s*(\\d+)\\s*[,; ]\\s*(\\d+)\\s*$"));
        const QRegularExpressionMatch m = cell.match(text);
        if (m.hasMatch()) {
            recorded = m_session->answerCell(m.captured(1).toInt(), m.captured(2).toInt());
        } else {
            m_verdict->setText(tr("“%1” is no cell: type its row and column, e.g. 1, 2, or "
                                  "click it on the stage.")
                                   .arg(text.trimmed()));
            return false;
        }
    } else {
        recorded = m_session->answerValue(text);
    }
    if (recorded)
        m_answer->clear();
    return recorded;
}

void PredictStrip::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // a value question takes the keys at once
}

void PredictStrip::refresh()
{
    using State = PredictSession::State;
    const State state = m_session->state();
    const Question &q = m_session->question();
    const bool asking = state == State::Asking && q.kind != QuestionKind::None;
    m_answer->setEnabled(asking);
    m_submit->setEnabled(asking);
    m_answer->setPlaceholderText(q.wantsCell() ? tr("row, column") : tr("e.g. 3.5 or 1/4"));
    if (asking && isVisible() && !m_answer->hasFocus() && !q.wantsCell())
        m_answer->setFocus(Qt::OtherFocusReason);

    // The verdict: a mark and a colour, so it reads without colour too. The step's caption is
    // on the stage already, so a revealed question shows the verdict alone.
    QString text = state == State::Revealed && !m_session->verdict().isEmpty()
                       ? m_session->verdict()
                       : m_session->feedback();
    QColor color = palette().color(QPalette::WindowText);
    if (state == State::Revealed && m_session->hasAnswer()) {
        color = m_session->lastRight() ? QColor(0x1b, 0x7a, 0x2f) : QColor(0xb3, 0x26, 0x1e);
        text = (m_session->lastRight() ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text;
    } else if (state == State::Finished) {
        text = m_session->prompt();
    } else if (asking && text.isEmpty()) {
        text = q.wantsCell() ? tr("Click the cell on the stage, or type its row and column.")
                             : tr("Type the answer and press Enter.");
    }
    QPalette verdict = m_verdict->palette();
    verdict.setColor(QPalette::WindowText, color);
    m_verdict->setPalette(verdict);
    m_verdict->setText(text);
    m_reveal->setEnabled(state == State::Asking || state == State::Waiting);
    m_next->setEnabled(state == State::Revealed);
    m_score->setText(tr("Score: %1 of %2").arg(m_session->right()).arg(m_session->answered()));
}

} // namespace poolviz
