#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace poolviz {

class PoolDocument;

/// The playback controls under the stage: first / back / play-pause / forward / last (buttons for
/// the window's actions, so shortcuts and tooltips are shared with the menus), a scrub slider, the
/// step number, the speed (0.25×–4×), smooth or jumping motion and the forward/backward phase.
/// Its timer only moves the document's step index.
class PlaybackBar : public QWidget
{
    Q_OBJECT

public:
    /// The actions the bar shows as buttons (owned by the main window).
    struct Actions
    {
        QAction *first = nullptr;
        QAction *back = nullptr;
        QAction *play = nullptr;
        QAction *forward = nullptr;
        QAction *last = nullptr;
        QAction *smooth = nullptr;
        QAction *forwardPhase = nullptr;
        QAction *backwardPhase = nullptr;
    };

    explicit PlaybackBar(PoolDocument *document, QWidget *parent = nullptr);

    /// Shows `actions` as the bar's buttons.
    void setActions(const Actions &actions);

    /// The speeds offered, slowest first.
    static QList<double> speeds();
    /// The playback speed factor (1 = one step a second).
    double speed() const { return m_speed; }
    /// Sets the speed, snapped to the nearest offered one.
    void setSpeed(double speed);
    /// Milliseconds between steps at the current speed.
    int stepInterval() const;

    bool isPlaying() const;
    /// Starts playing (from the first step if at the end).
    void play();
    void pause();
    void togglePlay();

    QSlider *slider() const { return m_slider; }
    QLabel *stepLabel() const { return m_stepLabel; }
    QComboBox *speedCombo() const { return m_speedCombo; }

signals:
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void sync();
    void advance();

    PoolDocument *m_document;
    QTimer *m_timer;
    QSlider *m_slider;
    QLabel *m_stepLabel;
    QComboBox *m_speedCombo;
    QToolButton *m_buttons[8] = {};
    double m_speed = 1.0;
};

} // namespace poolviz
