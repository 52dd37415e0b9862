#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace poolviz {

class TracePlayer;

/// The playback controls under the stage: first / back / play-pause / forward / last (buttons for
/// the window's actions, so shortcuts and tooltips are shared with the menus), a scrub slider, the
/// step number, the speed (0.25×–4×), smooth or jumping motion and the forward/backward phase.
/// It shows and drives a TracePlayer, whose timer only moves the document's step index.
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

    explicit PlaybackBar(TracePlayer *player, QWidget *parent = nullptr);

    /// Shows `actions` as the bar's buttons; null ones are hidden.
    void setActions(const Actions &actions);
    /// The player the bar drives.
    TracePlayer *player() const { return m_player; }

    QSlider *slider() const { return m_slider; }
    QLabel *stepLabel() const { return m_stepLabel; }
    QComboBox *speedCombo() const { return m_speedCombo; }

private:
    void sync();

    TracePlayer *m_player;
    QSlider *m_slider;
    QLabel *m_stepLabel;
    QComboBox *m_speedCombo;
    QToolButton *m_buttons[8] = {};
};

} // namespace poolviz
