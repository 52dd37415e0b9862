#pragma once

#include <QList>
#include <QObject>

class QTimer;

namespace poolviz {

class PoolDocument;

/// Plays a document's trace: the transport (first, back, forward, last, play and pause) and the
/// speed. Its timer only moves the document's step index, one step per stepInterval(); every
/// number on the stage comes from the trace. Both tabs use one: the Matrix tab's on the matrix
/// document, the Photo tab's on the sliding window's document.
class TracePlayer : public QObject
{
    Q_OBJECT

public:
    /// Plays `document` (not owned; it outlives the player).
    explicit TracePlayer(PoolDocument *document, QObject *parent = nullptr);

    PoolDocument *document() const { return m_document; }

    /// The speeds offered, slowest first.
    static QList<double> speeds();
    /// The speed factor (1 = one step a second).
    double speed() const { return m_speed; }
    /// Sets the speed, snapped to the nearest offered one.
    void setSpeed(double speed);
    /// The next offered speed up (or down), the same at either end.
    double fasterSpeed() const;
    double slowerSpeed() const;
    /// Milliseconds between steps at the current speed: round(1000 / speed).
    int stepInterval() const;

    bool isPlaying() const;
    /// Starts playing (from before the first step if at the end); nothing without steps.
    void play();
    void pause();
    void togglePlay();
    /// Pause, then: before the first step, one step back, one forward, the last step.
    void first();
    void back();
    void forward();
    void last();

signals:
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void advance();

    PoolDocument *m_document;
    QTimer *m_timer;
    double m_speed = 1.0;
};

} // namespace poolviz
