#include "traceplayer.h"

#include "pooldocument.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace poolviz {

TracePlayer::TracePlayer(PoolDocument *document, QObject *parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(stepInterval());
    connect(m_timer, &QTimer::timeout, this, &TracePlayer::advance);
    // A trace without steps (invalid parameters) stops the playback.
    connect(document, &PoolDocument::traceChanged, this, [this] {
        if (m_document->stepCount() == 0)
            pause();
    });
}

QList<double> TracePlayer::speeds()
{
    return {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};
}

void TracePlayer::setSpeed(double speed)
{
    const QList<double> all = speeds();
    int best = 0;
    for (int i = 1; i < all.size(); ++i)
        if (std::abs(std::log(all[i] / speed)) < std::abs(std::log(all[best] / speed)))
            best = i;
    if (all[best] == m_speed)
        return;
    m_speed = all[best];
    m_timer->setInterval(stepInterval());
    emit speedChanged(m_speed);
}

double TracePlayer::fasterSpeed() const
{
    const QList<double> s = speeds();
    const auto it = std::upper_bound(s.begin(), s.end(), m_speed);
    return it == s.end() ? m_speed : *it;
}

double TracePlayer::slowerSpeed() const
{
    const QList<double> s = speeds();
    const auto it = std::lower_bound(s.begin(), s.end(), m_speed);
    return it == s.begin() ? m_speed : *(it - 1);
}

int TracePlayer::stepInterval() const
{
    return int(std::lround(1000.0 / m_speed));
}

bool TracePlayer::isPlaying() const
{
    return m_timer->isActive();
}

void TracePlayer::play()
{
    if (m_document->stepCount() == 0 || isPlaying())
        return;
    if (m_document->step() >= m_document->stepCount() - 1)
        m_document->setStep(-1);
    m_timer->start(stepInterval());
    emit playingChanged(true);
    advance();
}

void TracePlayer::pause()
{
    if (!isPlaying())
        return;
    m_timer->stop();
    emit playingChanged(false);
}

void TracePlayer::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void TracePlayer::first()
{
    pause();
    m_document->setStep(-1);
}

void TracePlayer::back()
{
    pause();
    m_document->setStep(m_document->step() - 1);
}

void TracePlayer::forward()
{
    pause();
    m_document->setStep(m_document->step() + 1);
}

void TracePlayer::last()
{
    pause();
    m_document->setStep(m_document->stepCount() - 1);
}

void TracePlayer::advance()
{
    if (m_document->step() >= m_document->stepCount() - 1) {
        pause();
        return;
    }
    m_document->setStep(m_document->step() + 1);
    if (m_document->step() >= m_document->stepCount() - 1)
        pause();
}

} // namespace poolviz
