// The Photo tab's sliding window: the panel under the views (the Matrix tab's StageWidget,
// TracePlayer and PlaybackBar on the window's document), placing the crop, and the marks it
// draws over the photo views.

#include "photoworkspace.h"

#include "paramstext.h"
#include "photocamera.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "stagewidget.h"
#include "traceplayer.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace poolviz {

QWidget *PhotoWorkspace::createStagePanel()
{
    m_stagePanel = new QWidget(this);
    m_stagePanel->setObjectName("photoStage");
    m_stagePanel->setVisible(false);
    m_stageHeader = new QLabel(m_stagePanel);
    m_stageHeader->setObjectName("photoStageHeader");
    m_stageHeader->setWordWrap(true);
    m_stageHeader->setTextFormat(Qt::RichText);
    m_followCheck = new QCheckBox(tr("Follow the window"), m_stagePanel);
    m_followCheck->setObjectName("photoFollow");
    m_followCheck->setChecked(true);
    m_followCheck->setToolTip(tr("Pan the views to the window as it moves"));
    auto *send = new QPushButton(tr("Send crop to matrix tab"), m_stagePanel);
    send->setObjectName("photoStageSend");
    send->setToolTip(tr("Make this crop the matrix tab's input (one undo step there)"));
    connect(send, &QPushButton::clicked, m_document, &PhotoDocument::sendCropToMatrix);
    auto *close = new QToolButton(m_stagePanel);
    close->setObjectName("photoStageClose");
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close the sliding window"));
    close->setAccessibleName(tr("Close the sliding window"));
    connect(close, &QToolButton::clicked, m_document, &PhotoDocument::closeWindow);

    // The same stage, player and bar as the Matrix tab, on the window's document.
    PoolDocument *window = m_document->windowDocument();
    m_stage = new StageWidget(window, m_stagePanel);
    m_stage->setObjectName("photoStageView");
    m_stage->setCaptionShown(false);
    m_stageCaption = new QLabel(m_stagePanel);
    m_stageCaption->setObjectName("photoStageCaption");
    m_stageCaption->setWordWrap(true);
    m_stageCaption->setAlignment(Qt::AlignCenter);
    m_stageCaption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const auto showCaption = [this, window] { m_stageCaption->setText(window->caption()); };
    connect(window, &PoolDocument::stepChanged, this, showCaption);
    connect(window, &PoolDocument::traceChanged, this, showCaption);
    auto *player = new TracePlayer(window, this);
    m_playback = new PlaybackBar(player, m_stagePanel);
    m_playback->setObjectName("photoPlaybackBar");
    const struct
    {
        const char *icon;
        QStyle::StandardPixmap fallback;
        QString text;
        void (TracePlayer::*slot)();
    } transport[] = {
        {"media-skip-backward", QStyle::SP_MediaSkipBackward, tr("First step"),
         &TracePlayer::first},
        {"media-seek-backward", QStyle::SP_MediaSeekBackward, tr("Step back"), &TracePlayer::back},
        {"media-playback-start", QStyle::SP_MediaPlay, tr("Play"), &TracePlayer::togglePlay},
        {"media-seek-forward", QStyle::SP_MediaSeekForward, tr("Step forward"),
         &TracePlayer::forward},
        {"media-skip-forward", QStyle::SP_MediaSkipForward, tr("Last step"), &TracePlayer::last},
    };
    for (int i = 0; i < 5; ++i) {
        const auto &t = transport[i];
        m_playActions[i] =
            new QAction(QIcon::fromTheme(QLatin1String(t.icon), style()->standardIcon(t.fallback)),
                        t.text, this);
        m_playActions[i]->setToolTip(t.text);
        connect(m_playActions[i], &QAction::triggered, player, t.slot);
    }
    QAction *play = m_playActions[2];
    connect(player, &TracePlayer::playingChanged, this, [this, play](bool playing) {
        play->setText(playing ? tr("Pause") : tr("Play"));
        play->setToolTip(play->text());
        play->setIcon(QIcon::fromTheme(
            playing ? "media-playback-pause" : "media-playback-start",
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay)));
    });
    m_playback->setActions(
        {m_playActions[0], m_playActions[1], m_playActions[2], m_playActions[3], m_playActions[4]});
    const auto syncMotion = [this, player] {
        m_stage->setMotionDuration(std::min(450, player->stepInterval() * 45 / 100));
    };
    connect(player, &TracePlayer::speedChanged, this, syncMotion);
    syncMotion();

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_stageHeader, 1);
    header->addWidget(m_followCheck);
    header->addWidget(send);
    header->addWidget(close);
    auto *layout = new QVBoxLayout(m_stagePanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_stage, 1);
    layout->addWidget(m_stageCaption);
    layout->addWidget(m_playback);
    return m_stagePanel;
}

bool PhotoWorkspace::placeCrop(const QPoint &pixel)
{
    if (m_document->hasInput())
        camera()->setCentre(QPointF(pixel) + QPointF(0.5, 0.5));
    return showSlidingWindow();
}

bool PhotoWorkspace::showSlidingWindow()
{
    return showSlidingWindow(m_document->cropAroundCentre());
}

bool PhotoWorkspace::showSlidingWindow(const QRect &crop)
{
    if (!m_document->setWindowCrop(crop))
        return false;
    if (!m_stagePanel->isVisible()) {
        m_stagePanel->setVisible(true);
        const int total = std::max(m_splitter->height(), 400);
        m_splitter->setSizes({total / 2, total - total / 2});
    }
    // Zoom so the crop fills the original view, and at least until every pixel shows its values
    // (the views then follow the window).
    QSizeF viewport = m_originalView->size();
    if (viewport.isEmpty())
        viewport = m_originalView->sizeHint();
    camera()->fit(QRectF(m_document->windowCrop()).adjusted(-0.5, -0.5, 0.5, 0.5), viewport);
    if (camera()->zoom() < PhotoView::valueZoom)
        camera()->setView(PhotoView::valueZoom, camera()->centre());
    m_stage->setFocus(Qt::OtherFocusReason);
    return true;
}

void PhotoWorkspace::setPresenting(bool on)
{
    if (QWidget *controls = findChild<QWidget *>(QStringLiteral("photoControls")))
        controls->setVisible(!on);
    m_hoverLabel->setVisible(!on);
    if (on) {
        m_sizesBeforePresenting = m_splitter->sizes();
        const int total = std::max(m_splitter->height(), 300);
        m_splitter->setSizes({total / 3, total - total / 3});
    } else if (!m_sizesBeforePresenting.isEmpty()) {
        m_splitter->setSizes(m_sizesBeforePresenting);
        m_sizesBeforePresenting.clear();
    }
}

void PhotoWorkspace::onWindowChanged()
{
    const QRect crop = m_document->windowCrop();
    if (crop.isEmpty()) {
        m_playback->player()->pause();
        m_stagePanel->setVisible(false);
        updateMarks();
        return;
    }
    const int channel = std::min(m_document->windowChannel(), m_document->input().c() - 1);
    const QString where = tr("rows %1–%2, columns %3–%4")
                              .arg(crop.top())
                              .arg(crop.bottom())
                              .arg(crop.left())
                              .arg(crop.right());
    QString description =
        tr("<b>Sliding window</b> of A (%1) on %2 of %3, channel %4.")
            .arg(ParamsText::describe(m_document->paramsA()), where, m_document->inputName(),
                 m_document->channelNames().value(channel));
    description += m_document->cropIsAligned()
                       ? tr(" The crop starts on the stride grid, so each output cell is "
                            "the pooled pixel outlined in A.")
                       : tr(" The crop is pooled as a matrix of its own (with its own "
                            "padding or bins), so its outputs may differ from A's pixels.");
    m_stageHeader->setText(description);
    updateMarks();
}

QRectF PhotoWorkspace::windowScene() const
{
    const QRect crop = m_document->windowCrop();
    QRectF window;
    if (crop.isEmpty())
        return window;
    for (const Tap &tap : m_stage->currentWindow()) {
        const QRectF cell(QPointF(crop.x() + tap.col, crop.y() + tap.row), QSizeF(1, 1));
        window = window.isNull() ? cell : window.united(cell);
    }
    return window;
}

void PhotoWorkspace::updateMarks()
{
    std::vector<PhotoMark> original, pooled, compared, difference;
    const PhotoResult *result = m_document->result();
    const PoolDocument *window = m_document->windowDocument();

    // The sliding window: the crop, the window's taps and winner, the pooled pixel it fills.
    const QRect crop = m_document->windowCrop();
    const std::shared_ptr<const Trace> trace = window->trace();
    if (!crop.isEmpty()) {
        const PhotoMark cropMark{PhotoMark::Crop, QRectF(crop)};
        original.push_back(cropMark);
        pooled.push_back(cropMark);
    }
    if (!crop.isEmpty() && trace && window->step() >= 0 && window->step() < window->stepCount()) {
        const Step &step = trace->steps[std::size_t(window->step())];
        const QPointF origin(crop.x(), crop.y());
        for (const Tap &tap : step.taps)
            if (tap.kind == TapKind::Input)
                original.push_back(
                    {PhotoMark::Tap, QRectF(origin + QPointF(tap.col, tap.row), QSizeF(1, 1))});
        const bool hasWinner =
            !step.winners.empty() && (step.rule == StepRule::Single || step.rule == StepRule::Tie ||
                                      step.rule == StepRule::NaN);
        if (hasWinner) {
            const Tap &w = step.taps[std::size_t(step.winners.front())];
            if (w.kind == TapKind::Input)
                original.push_back(
                    {PhotoMark::Winner, QRectF(origin + QPointF(w.col, w.row), QSizeF(1, 1))});
        }
        if (m_document->cropIsAligned() && m_document->shownLevel() == 1 && result &&
            !result->a.empty() && result->request.a == m_document->paramsA()) {
            const Size2 s = m_document->paramsA().effectiveStride();
            const int row = crop.y() / s.h + step.outRow;
            const int col = crop.x() / s.w + step.outCol;
            const PhotoLevel &a = result->a.front();
            if (row < a.values->h() && col < a.values->w())
                pooled.push_back({PhotoMark::Output, a.mapping.pixelRect(row, col)});
        }
    }

    // The most different pixel, ringed in A, B and |A − B|.
    const std::size_t level = std::size_t(m_document->shownLevel() - 1);
    if (m_document->isComparing() && result && level < result->diff.size() &&
        result->diff[level].difference->hasLargest()) {
        const PhotoDifference &d = *result->diff[level].difference;
        const QRectF spot = d.mapping.pixelRect(d.row, d.col);
        difference.push_back({PhotoMark::Largest, spot});
        if (!d.resampled) {
            pooled.push_back({PhotoMark::Largest, spot});
            compared.push_back({PhotoMark::Largest, spot});
        } else {
            // Sizes differ: ring the pooled pixel of each side drawn over the spot.
            const auto ring = [&spot](const PhotoMapping &m) {
                const QPointF p = m.toImage(spot.center());
                return PhotoMark{PhotoMark::Largest,
                                 m.pixelRect(int(std::floor(p.y())), int(std::floor(p.x())))};
            };
            pooled.push_back(ring(result->a[level].mapping));
            compared.push_back(ring(result->b[level].mapping));
        }
    }
    m_originalView->setMarks(original);
    m_pooledView->setMarks(pooled);
    m_comparedView->setMarks(compared);
    m_differenceView->setMarks(difference);
}

} // namespace poolviz
