#pragma once

#include "trace.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class QPushButton;

namespace poolviz {

class StageRenderer;

/// The sliding window on a crop of the photo: the crop's trace drawn by StageRenderer, with
/// first / back / play / forward / last, a scrub slider, "follow the window" and "send to the
/// matrix tab". The timer only moves the step index; every number comes from the trace.
class PhotoStage : public QWidget
{
    Q_OBJECT

public:
    explicit PhotoStage(QWidget *parent = nullptr);
    ~PhotoStage() override;

    /// Shows `trace` from its first step; `description` says where the crop lies; `planeName`
    /// (e.g. "channel G"), when not empty, is named in the grid titles as on the Matrix tab.
    void setTrace(Trace trace, const QString &description, const QString &planeName = {});
    /// The trace shown, null before setTrace().
    const Trace *trace() const { return m_trace.get(); }
    /// The current step (0 … steps − 1).
    int step() const { return m_step; }
    /// Moves to `step` (clamped).
    void setStep(int step);
    /// Number of steps of the trace.
    int stepCount() const;
    bool isPlaying() const;
    /// Starts or stops playback (one step per interval, stopping at the last step).
    void setPlaying(bool playing);
    /// Milliseconds per step while playing.
    void setInterval(int milliseconds);
    /// True when the views should pan to the window as it moves.
    bool follows() const;
    /// The caption of the current step (the trace's words for it).
    QString caption() const;
    /// The description given with the trace.
    QString description() const { return m_description; }
    /// The channel named in the grid titles ("" for a one-channel photo).
    QString planeName() const { return m_planeName; }

signals:
    /// The step changed (by the controls, the timer or setStep).
    void stepChanged(int step);
    /// "Send to matrix tab" was pressed.
    void sendToMatrixRequested();
    /// The panel's close button was pressed.
    void closeRequested();

private:
    void updateControls();

    std::unique_ptr<Trace> m_trace;
    std::unique_ptr<StageRenderer> m_renderer;
    QString m_description;
    QString m_planeName;
    int m_step = 0;

    QLabel *m_header = nullptr;
    QWidget *m_canvas = nullptr;
    QLabel *m_caption = nullptr;
    QToolButton *m_first = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_forward = nullptr;
    QToolButton *m_last = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_stepLabel = nullptr;
    QCheckBox *m_follow = nullptr;
    QPushButton *m_send = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_timer = nullptr;

    friend class PhotoStageCanvas;
};

} // namespace poolviz
