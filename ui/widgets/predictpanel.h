#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace poolviz {

class PredictSession;

/// The controls of predict mode: start/stop, the question, a field for typed answers, the
/// verdict with the step's caption, Reveal and Next, the running score with a reset, and the
/// "hide answers until revealed" setting for the teacher's projector. Cell answers come from
/// clicks on the stage (wired by addTeachingDocks). It only shows and forwards: the session
/// holds the state and judges.
class PredictPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PredictPanel(PredictSession *session, QWidget *parent = nullptr);

    /// As narrow as the panel can be (its prompt and verdict wrap): at 1280×720 the dock then
    /// leaves the parameter panel its full width instead of taking the width of an unwrapped
    /// prompt.
    QSize sizeHint() const override;

private:
    void refresh();
    void submit();

    PredictSession *m_session;
    QPushButton *m_start = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_answer = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_feedback = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_score = nullptr;
    QPushButton *m_resetScore = nullptr;
    QCheckBox *m_hide = nullptr;
};

} // namespace poolviz
