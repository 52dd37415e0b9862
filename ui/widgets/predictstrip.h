#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace poolviz {

class PredictSession;

/// Predict mode in presenter mode, under the stage in presenter sizes: the answer field (a
/// value, or "row, column" for a cell question; clicking the cell on the stage answers too),
/// the right/wrong verdict with the step's caption, the running score, Reveal (R), Next
/// question (N) and Stop. The question itself is on the stage, in place of the caption. It only
/// shows and forwards: the session holds the state and judges.
class PredictStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PredictStrip(PredictSession *session, QWidget *parent = nullptr);

    /// Answers the open question with typed `text`: "row, column" (or "row column") for a cell
    /// question, a value otherwise. False (the verdict line says why) when nothing was recorded.
    bool answer(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    PredictSession *m_session;
    QLabel *m_verdict = nullptr;
    QLineEdit *m_answer = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_score = nullptr;
};

} // namespace poolviz
