#include "playbackbar.h"

#include "pooldocument.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace poolviz {

PlaybackBar::PlaybackBar(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_timer(new QTimer(this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_stepLabel(new QLabel(this)),
      m_speedCombo(new QComboBox(this))
{
    setObjectName(QStringLiteral("playbackBar"));
    // Two rows: the scrub slider with the step number and speed, then phase, transport and
    // reduced motion.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 6);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    auto *bottom = new QHBoxLayout;
    layout->addLayout(top);
    layout->addLayout(bottom);
    for (int i = 0; i < 8; ++i) {
        m_buttons[i] = new QToolButton(this);
        m_buttons[i]->setAutoRaise(true);
        m_buttons[i]->setIconSize(QSize(28, 28));
        m_buttons[i]->setFocusPolicy(Qt::TabFocus);
    }
    m_slider->setObjectName(QStringLiteral("scrubSlider"));
    m_slider->setAccessibleName(tr("Step"));
    m_slider->setToolTip(tr("Drag to any step (0: before the first)"));
    m_slider->setPageStep(1);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setFocusPolicy(Qt::TabFocus);
    top->addWidget(m_slider, 1);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    QFont bold = m_stepLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_stepLabel->setFont(bold);
    m_stepLabel->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(tr("Step 8888 of 8888")) + 8);
    m_stepLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_stepLabel);
    // The speed sits by the slider, so the bar stays narrow enough for a 960-pixel-wide window.
    auto *speedLabel = new QLabel(tr("Spee&d"), this);
    speedLabel->setBuddy(m_speedCombo);
    top->addSpacing(12);
    top->addWidget(speedLabel);
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    m_speedCombo->setToolTip(tr("Playback speed: 1× is one step a second ([ slower, ] faster)"));
    for (double s : speeds())
        m_speedCombo->addItem(QLocale().toString(s) + QStringLiteral("×"), s);
    m_speedCombo->setCurrentIndex(int(speeds().indexOf(1.0)));
    top->addWidget(m_speedCombo);

    for (int i : {6, 7}) {
        // A two-way switch: both framed, the chosen one pressed.
        m_buttons[i]->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_buttons[i]->setAutoRaise(false);
        bottom->addWidget(m_buttons[i]);
    }
    bottom->addStretch(1);
    for (int i = 0; i < 5; ++i)
        bottom->addWidget(m_buttons[i]);
    bottom->addStretch(1);
    m_buttons[5]->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons[5]->setAutoRaise(false); // a switch: framed, pressed when motion is reduced
    bottom->addWidget(m_buttons[5]);

    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &PlaybackBar::advance);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) { m_document->setStep(v - 1); });
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        m_speed = m_speedCombo->itemData(index).toDouble();
        m_timer->setInterval(stepInterval());
        emit speedChanged(m_speed);
    });
    connect(document, &PoolDocument::stepChanged, this, &PlaybackBar::sync);
    connect(document, &PoolDocument::traceChanged, this, &PlaybackBar::sync);
    m_timer->setInterval(stepInterval());
    sync();
}

QList<double> PlaybackBar::speeds()
{
    return {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};
}

void PlaybackBar::setSpeed(double speed)
{
    const QList<double> all = speeds();
    int best = 0;
    for (int i = 1; i < all.size(); ++i)
        if (std::abs(std::log(all[i] / speed)) < std::abs(std::log(all[best] / speed)))
            best = i;
    m_speedCombo->setCurrentIndex(best);
}

int PlaybackBar::stepInterval() const
{
    return int(std::lround(1000.0 / m_speed));
}

void PlaybackBar::setActions(const Actions &actions)
{
    QAction *list[8] = {actions.first, actions.back,   actions.play,         actions.forward,
                        actions.last,  actions.smooth, actions.forwardPhase, actions.backwardPhase};
    for (int i = 0; i < 8; ++i) {
        m_buttons[i]->setDefaultAction(list[i]);
        m_buttons[i]->setVisible(list[i] != nullptr);
    }
}

bool PlaybackBar::isPlaying() const
{
    return m_timer->isActive();
}

void PlaybackBar::play()
{
    if (m_document->stepCount() == 0 || isPlaying())
        return;
    if (m_document->step() >= m_document->stepCount() - 1)
        m_document->setStep(-1);
    m_timer->start(stepInterval());
    emit playingChanged(true);
    advance();
}

void PlaybackBar::pause()
{
    if (!isPlaying())
        return;
    m_timer->stop();
    emit playingChanged(false);
}

void PlaybackBar::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlaybackBar::advance()
{
    if (m_document->step() >= m_document->stepCount() - 1) {
        pause();
        return;
    }
    m_document->setStep(m_document->step() + 1);
    if (m_document->step() >= m_document->stepCount() - 1)
        pause();
}

void PlaybackBar::sync()
{
    const int count = m_document->stepCount();
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, count);
    m_slider->setValue(m_document->step() + 1);
    m_slider->setEnabled(count > 0);
    if (count == 0)
        m_stepLabel->setText(tr("No steps"));
    else if (m_document->step() < 0)
        m_stepLabel->setText(tr("Start · %1 steps").arg(count));
    else
        m_stepLabel->setText(tr("Step %1 of %2").arg(m_document->step() + 1).arg(count));
    if (count == 0)
        pause();
}

} // namespace poolviz
