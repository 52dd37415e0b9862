#include "playbackbar.h"

#include "pooldocument.h"
#include "traceplayer.h"
#include "wraplayout.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QToolButton>

#include <iterator>

namespace poolviz {

PlaybackBar::PlaybackBar(TracePlayer *player, QWidget *parent)
    : QWidget(parent), m_player(player), m_slider(new QSlider(Qt::Horizontal, this)),
      m_stepLabel(new QLabel(this)), m_speedCombo(new QComboBox(this))
{
    setObjectName(QStringLiteral("playbackBar"));
    // The scrub slider with the step number, and the speed; then the phase switch, the transport
    // and reduced motion. Each group stays whole; a narrow stage column (a side panel open at
    // 1280×720) wraps groups onto further lines instead of widening the window.
    auto *layout = new WrapLayout(this);
    layout->setContentsMargins(10, 4, 10, 6);
    layout->setVerticalSpacing(2);
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
    m_slider->setMinimumWidth(80);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    QFont bold = m_stepLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_stepLabel->setFont(bold);
    m_stepLabel->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(tr("Step 8888 of 8888")) + 8);
    m_stepLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QWidget *scrub = wrapGroup(this, {m_slider, m_stepLabel});
    scrub->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(scrub);

    auto *speedLabel = new QLabel(tr("Spee&d"), this);
    speedLabel->setBuddy(m_speedCombo);
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    m_speedCombo->setToolTip(tr("Playback speed: 1× is one step a second ([ slower, ] faster)"));
    for (double s : TracePlayer::speeds())
        m_speedCombo->addItem(QLocale().toString(s) + QStringLiteral("×"), s);
    m_speedCombo->setCurrentIndex(int(TracePlayer::speeds().indexOf(player->speed())));
    layout->addWidget(wrapGroup(this, {speedLabel, m_speedCombo}));

    layout->addBreak();
    for (int i : {6, 7}) {
        // A two-way switch: both framed, the chosen one pressed.
        m_buttons[i]->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_buttons[i]->setAutoRaise(false);
    }
    layout->addWidget(wrapGroup(this, {m_buttons[6], m_buttons[7]}));
    layout->addWidget(
        wrapGroup(this, {m_buttons[0], m_buttons[1], m_buttons[2], m_buttons[3], m_buttons[4]}));
    layout->setAlignment(layout->itemAt(layout->count() - 1)->widget(), Qt::AlignHCenter);
    m_buttons[5]->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons[5]->setAutoRaise(false); // a switch: framed, pressed when motion is reduced
    layout->addWidget(m_buttons[5]);
    // Tab walks the controls as they read, whichever groups hold them.
    QWidget *order[] = {m_slider,     m_speedCombo, m_buttons[6], m_buttons[7], m_buttons[0],
                        m_buttons[1], m_buttons[2], m_buttons[3], m_buttons[4], m_buttons[5]};
    for (std::size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    PoolDocument *document = player->document();
    connect(m_slider, &QSlider::valueChanged, this,
            [document](int v) { document->setStep(v - 1); });
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_player->setSpeed(m_speedCombo->itemData(index).toDouble());
    });
    connect(player, &TracePlayer::speedChanged, this, [this](double speed) {
        m_speedCombo->setCurrentIndex(int(TracePlayer::speeds().indexOf(speed)));
    });
    connect(document, &PoolDocument::stepChanged, this, &PlaybackBar::sync);
    connect(document, &PoolDocument::traceChanged, this, &PlaybackBar::sync);
    sync();
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

void PlaybackBar::sync()
{
    const PoolDocument *document = m_player->document();
    const int count = document->stepCount();
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, count);
    m_slider->setValue(document->step() + 1);
    m_slider->setEnabled(count > 0);
    if (count == 0)
        m_stepLabel->setText(tr("No steps"));
    else if (document->step() < 0)
        m_stepLabel->setText(tr("Start · %1 steps").arg(count));
    else
        m_stepLabel->setText(tr("Step %1 of %2").arg(document->step() + 1).arg(count));
}

} // namespace poolviz
