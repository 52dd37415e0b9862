#include "photostage.h"

#include "coremessage.h"
#include "stagerenderer.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace poolviz {

/// Paints the stage of the PhotoStage it belongs to.
class PhotoStageCanvas : public QWidget
{
public:
    explicit PhotoStageCanvas(PhotoStage *stage) : QWidget(stage), m_stage(stage)
    {
        setMinimumSize(240, 160);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        if (!m_stage->m_renderer)
            return;
        // The caption goes into the label below, so the grids get the whole height.
        StageView view;
        view.step = m_stage->m_step;
        view.showCaption = false;
        view.showFormula = false;
        view.planeName = m_stage->m_planeName;
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        m_stage->m_renderer->paint(painter, QRectF(rect()), view);
    }

private:
    PhotoStage *m_stage;
};

namespace {

QToolButton *makeButton(QWidget *parent, QStyle::StandardPixmap icon, const QString &tip,
                        const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PhotoStage::PhotoStage(QWidget *parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_canvas = new PhotoStageCanvas(this);
    m_caption = new QLabel(this);
    m_caption->setObjectName("photoStageCaption");
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setWordWrap(true);
    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 1.15);
    m_caption->setFont(captionFont);

    m_first = makeButton(this, QStyle::SP_MediaSkipBackward, tr("First step"), "photoStageFirst");
    m_back = makeButton(this, QStyle::SP_MediaSeekBackward, tr("Previous step"), "photoStageBack");
    m_play = makeButton(this, QStyle::SP_MediaPlay, tr("Play"), "photoStagePlay");
    m_forward = makeButton(this, QStyle::SP_MediaSeekForward, tr("Next step"), "photoStageForward");
    m_last = makeButton(this, QStyle::SP_MediaSkipForward, tr("Last step"), "photoStageLast");
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName("photoStageSlider");
    m_slider->setAccessibleName(tr("Step"));
    m_stepLabel = new QLabel(this);
    m_stepLabel->setMinimumWidth(90);
    m_follow = new QCheckBox(tr("Follow the window"), this);
    m_follow->setObjectName("photoStageFollow");
    m_follow->setToolTip(tr("Pan the photo views to the window as it moves"));
    m_follow->setChecked(true);
    m_send = new QPushButton(tr("Send crop to matrix tab"), this);
    m_send->setObjectName("photoStageSend");
    m_close = makeButton(this, QStyle::SP_TitleBarCloseButton, tr("Close the sliding window"),
                         "photoStageClose");
    m_timer = new QTimer(this);
    m_timer->setInterval(700);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_first), static_cast<QWidget *>(m_back),
                       static_cast<QWidget *>(m_play), static_cast<QWidget *>(m_forward),
                       static_cast<QWidget *>(m_last)})
        controls->addWidget(w);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_stepLabel);
    controls->addWidget(m_follow);
    controls->addWidget(m_send);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_header, 1);
    top->addWidget(m_close, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_caption);
    layout->addLayout(controls);

    connect(m_first, &QToolButton::clicked, this, [this] { setStep(0); });
    connect(m_back, &QToolButton::clicked, this, [this] { setStep(m_step - 1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { setStep(m_step + 1); });
    connect(m_last, &QToolButton::clicked, this, [this] { setStep(stepCount() - 1); });
    connect(m_play, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
    connect(m_slider, &QSlider::valueChanged, this, &PhotoStage::setStep);
    connect(m_send, &QPushButton::clicked, this, &PhotoStage::sendToMatrixRequested);
    connect(m_close, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        emit closeRequested();
    });
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_step + 1 >= stepCount()) {
            setPlaying(false);
            return;
        }
        setStep(m_step + 1);
    });
    updateControls();
}

PhotoStage::~PhotoStage() = default;

void PhotoStage::setTrace(Trace trace, const QString &description, const QString &planeName)
{
    m_planeName = planeName;
    setPlaying(false);
    m_renderer.reset(); // it refers to the old trace
    m_trace = std::make_unique<Trace>(std::move(trace));
    m_renderer = std::make_unique<StageRenderer>(*m_trace);
    m_description = description;
    m_header->setText(description);
    m_step = -1;
    setStep(0);
    updateControls();
    m_canvas->update();
}

int PhotoStage::stepCount() const
{
    return m_trace ? int(m_trace->steps.size()) : 0;
}

void PhotoStage::setStep(int step)
{
    step = std::clamp(step, 0, std::max(stepCount() - 1, 0));
    if (step == m_step)
        return;
    m_step = step;
    updateControls();
    m_canvas->update();
    emit stepChanged(step);
}

bool PhotoStage::isPlaying() const
{
    return m_timer->isActive();
}

void PhotoStage::setPlaying(bool playing)
{
    if (playing == isPlaying())
        return;
    if (playing) {
        if (m_step + 1 >= stepCount())
            setStep(0);
        m_timer->start();
    } else {
        m_timer->stop();
    }
    updateControls();
}

void PhotoStage::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

QString PhotoStage::caption() const
{
    return m_caption->text();
}

bool PhotoStage::follows() const
{
    return m_follow->isChecked();
}

void PhotoStage::updateControls()
{
    const int count = stepCount();
    const bool has = count > 0;
    m_first->setEnabled(has && m_step > 0);
    m_back->setEnabled(has && m_step > 0);
    m_forward->setEnabled(has && m_step + 1 < count);
    m_last->setEnabled(has && m_step + 1 < count);
    m_play->setEnabled(count > 1);
    m_play->setIcon(
        style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(isPlaying() ? tr("Pause") : tr("Play"));
    m_send->setEnabled(has);
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(count - 1, 0));
    m_slider->setValue(m_step);
    m_stepLabel->setText(has ? tr("step %1 of %2").arg(m_step + 1).arg(count) : QString());
    m_caption->setText(has ? captionText(m_trace->steps[std::size_t(m_step)].captionParts)
                           : QString());
}

} // namespace poolviz
