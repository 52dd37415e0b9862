// The Photo tab's views: the layout, the document's signals turned into view content, the marks
// over the photo, zoom, drag and drop. The controls are in
// photocontrols.cpp, the export dialogs in photoexport.cpp, the sliding window panel in
// photowindowpanel.cpp; the state is the PhotoDocument's.

#include "photoworkspace.h"

#include "paramstext.h"
#include "photocamera.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "stagewidget.h"
#include "traceplayer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

/// Progress appears only for jobs that take longer than this (milliseconds).
constexpr int kProgressDelay = 300;

QString channelModeName(ChannelMode mode)
{
    switch (mode) {
    case ChannelMode::Color:
        return PhotoWorkspace::tr("colour");
    case ChannelMode::Grayscale:
        return PhotoWorkspace::tr("grayscale");
    case ChannelMode::Red:
        return PhotoWorkspace::tr("red channel");
    case ChannelMode::Green:
        return PhotoWorkspace::tr("green channel");
    case ChannelMode::Blue:
        return PhotoWorkspace::tr("blue channel");
    case ChannelMode::Alpha:
        return PhotoWorkspace::tr("alpha channel");
    }
    return {};
}

/// The style of an inline banner: red for errors, green for confirmations, amber for warnings.
QString bannerStyle(const char *background, const char *text, const char *border)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                          "border-radius: 3px; padding: 4px; }")
        .arg(QLatin1String(background), QLatin1String(text), QLatin1String(border));
}

} // namespace

// --- construction -------------------------------------------------------------------------------

PhotoWorkspace::PhotoWorkspace(PhotoDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setAcceptDrops(true);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(kProgressDelay);

    createActions();

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName("photoMessage");
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setVisible(false);
    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName("photoWarnings");
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warningLabel->setStyleSheet(bannerStyle("#fff4d6", "#5c4100", "#e0c27a"));
    m_warningLabel->setVisible(false);

    PhotoCamera *cam = camera();
    m_originalView = new PhotoView(cam, tr("Original"), this);
    m_originalView->setObjectName("photoOriginalView");
    m_pooledView = new PhotoView(cam, tr("A"), this);
    m_pooledView->setObjectName("photoPooledView");
    m_comparedView = new PhotoView(cam, tr("B"), this);
    m_comparedView->setObjectName("photoComparedView");
    m_differenceView = new PhotoView(cam, tr("|A − B|"), this);
    m_differenceView->setObjectName("photoDifferenceView");
    m_originalView->clearContent(
        tr("Open a photo, drop one here or paste one (%1).")
            .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    m_pooledView->clearContent(tr("The pooled photo appears here."));

    auto *viewArea = new QWidget(this);
    auto *viewGrid = new QGridLayout(viewArea);
    viewGrid->setContentsMargins(0, 0, 0, 0);
    viewGrid->setSpacing(4);
    viewGrid->addWidget(m_originalView, 0, 0);
    viewGrid->addWidget(m_pooledView, 0, 1);
    viewGrid->addWidget(m_comparedView, 1, 0);
    viewGrid->addWidget(m_differenceView, 1, 1);
    m_comparedView->setVisible(false);
    m_differenceView->setVisible(false);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(viewArea);
    m_splitter->addWidget(createStagePanel());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    m_hoverLabel = new QLabel(this);
    m_hoverLabel->setObjectName("photoHover");
    m_hoverLabel->setMinimumWidth(100);
    m_hoverLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_differenceLabel = new QLabel(this);
    m_differenceLabel->setObjectName("photoDifferenceSummary");
    m_differenceLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_differenceLabel->setTextFormat(Qt::RichText);
    m_differenceLabel->setWordWrap(true);
    connect(m_differenceLabel, &QLabel::linkActivated, this,
            &PhotoWorkspace::showLargestDifference);
    m_differenceLabel->setVisible(false);
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName("photoNote");
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName("photoProgress");
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("Pooling %p%"));
    m_progress->setVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName("photoCancel");
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setVisible(false);

    auto *status = new QHBoxLayout;
    status->setContentsMargins(0, 0, 0, 0);
    status->addWidget(m_hoverLabel, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(createControls());
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_differenceLabel);
    layout->addWidget(m_noteLabel);
    layout->addLayout(status);

    for (PhotoView *view : {m_originalView, m_pooledView, m_comparedView, m_differenceView})
        connect(view, &PhotoView::hoverText, m_hoverLabel, &QLabel::setText);
    m_originalView->installEventFilter(this);
    // A click on the picture places the sliding window's crop there.
    connect(m_originalView, &PhotoView::pixelClicked, this, &PhotoWorkspace::placeCrop);
    connect(cam, &PhotoCamera::changed, this, [this] {
        if (!m_fitting)
            m_fitMode = false;
        const double zoom = camera()->zoom();
        m_zoomLabel->setText(tr("%1%").arg(zoom * 100, 0, 'f', zoom < 0.1 ? 1 : 0));
    });
    connect(m_progressTimer, &QTimer::timeout, this, &PhotoWorkspace::showProgress);
    connect(m_cancelButton, &QToolButton::clicked, m_document, &PhotoDocument::cancelPooling);

    // Document → widgets.
    connect(m_document, &PhotoDocument::inputChanged, this, &PhotoWorkspace::onInputChanged);
    connect(m_document, &PhotoDocument::poolingStarted, this, &PhotoWorkspace::onPoolingStarted);
    connect(m_document, &PhotoDocument::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_document, &PhotoDocument::poolingStopped, this, [this] {
        m_progressTimer->stop();
        m_progress->setVisible(false);
        m_cancelButton->setVisible(false);
        if (m_document->isPooling())
            return;
        if (m_document->result()) {
            refreshViews(); // drops the "updating…" from the titles
        } else {
            for (PhotoView *view : {m_pooledView, m_comparedView, m_differenceView})
                view->clearContent(tr("Pooling cancelled: change a setting to pool again."));
        }
    });
    connect(m_document, &PhotoDocument::resultApplied, this, [this] {
        const PhotoResult *result = m_document->result();
        m_noteLabel->setText(result->note);
        m_noteLabel->setVisible(!result->note.isEmpty());
        onSettingsChanged();
    });
    connect(m_document, &PhotoDocument::messageChanged, this, &PhotoWorkspace::showMessage);
    connect(m_document, &PhotoDocument::settingsChanged, this, &PhotoWorkspace::onSettingsChanged);
    connect(m_document, &PhotoDocument::paramsChanged, this, [this] {
        refreshParamsLabel();
        updateMarks();
    });
    connect(m_document, &PhotoDocument::linkedChanged, m_linkCheck, &QCheckBox::setChecked);
    connect(m_document, &PhotoDocument::windowChanged, this, &PhotoWorkspace::onWindowChanged);
    PoolDocument *window = m_document->windowDocument();
    connect(window, &PoolDocument::stepChanged, this, [this] {
        updateMarks();
        // Playing follows the window: the views pan to it.
        const QRectF scene = windowScene();
        if (follows() && !scene.isNull())
            camera()->setCentre(scene.center());
    });
    connect(window, &PoolDocument::traceChanged, this, &PhotoWorkspace::updateMarks);

    refreshParamsLabel();
    onSettingsChanged();
    updateActions();
}

PhotoWorkspace::~PhotoWorkspace()
{
    // The document's signals must not reach a half-destroyed workspace.
    if (m_document) {
        m_document->disconnect(this);
        m_document->windowDocument()->disconnect(this);
        camera()->disconnect(this);
    }
}

PhotoCamera *PhotoWorkspace::camera() const
{
    return m_document->camera();
}

bool PhotoWorkspace::follows() const
{
    return m_followCheck->isChecked();
}

void PhotoWorkspace::setProgressDelay(int ms)
{
    m_progressTimer->setInterval(std::max(ms, 0));
}

// --- loading ------------------------------------------------------------------------------------

bool PhotoWorkspace::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasImage())
        return m_document->setImage(qvariant_cast<QImage>(mime->imageData()), tr("Pasted image"));
    if (mime && mime->hasUrls()) {
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                return m_document->openImage(url.toLocalFile());
    }
    m_document->setMessage(tr("The clipboard holds no image to paste."), true);
    return false;
}

void PhotoWorkspace::openDialog()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.%1").arg(QString::fromLatin1(format));
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Photo"), m_document->settings().lastDirectory(),
        tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty())
        m_document->openImage(path);
}

void PhotoWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasImage() ||
        (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()))
        event->acceptProposedAction();
}

void PhotoWorkspace::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) {
        m_document->openImage(mime->urls().first().toLocalFile());
        event->acceptProposedAction();
    } else if (mime->hasImage()) {
        m_document->setImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped image"));
        event->acceptProposedAction();
    }
}

void PhotoWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_document->hasInput() && !m_triedSample) {
        // First start: show a real photo rather than an empty tab.
        m_triedSample = true;
        const QString first = PhotoDocument::firstSample();
        if (!first.isEmpty())
            QTimer::singleShot(0, this, [this, first] {
                if (!m_document->hasInput())
                    m_document->openImage(first);
            });
    } else if (m_document->hasInput() && camera()->zoom() == 1 && camera()->centre().isNull()) {
        fitToView();
    }
}

void PhotoWorkspace::showMessage(const QString &message, bool error)
{
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(error ? bannerStyle("#fde2e1", "#7a1010", "#e0a0a0")
                                        : bannerStyle("#e6f2e6", "#1d4d1d", "#a8cfa8"));
    m_messageLabel->setVisible(!message.isEmpty());
}

void PhotoWorkspace::onInputChanged()
{
    const Tensor &input = m_document->input();
    const QString name = m_document->inputName();
    const QStringList channels = m_document->channelNames();
    {
        const QSignalBlocker block(m_windowChannelCombo);
        m_windowChannelCombo->clear();
        m_windowChannelCombo->addItems(channels);
        m_windowChannelCombo->setCurrentIndex(m_document->windowChannel());
    }
    m_originalView->setContent(
        m_document->sharedInput(), m_document->inputImage(), PhotoMapping{},
        tr("Original · %1 · %2 · %3")
            .arg(name, photoShapeText(input), channelModeName(m_document->channelMode())),
        channels);
    // The loader's warnings stay above the views as long as this photo is shown.
    const QStringList warnings = m_document->warnings();
    m_warningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!warnings.isEmpty());
    // Nothing of the previous photo stays on screen while the new one pools.
    m_noteLabel->clear();
    m_noteLabel->setVisible(false);
    m_pooledView->clearContent(tr("Pooling…"));
    m_comparedView->clearContent(tr("Pooling…"));
    m_differenceView->clearContent(tr("Pooling…"));
    // The titles name the new photo at once, not the previous one's result.
    m_pooledView->setTitle(tr("A · pooling %1…").arg(name));
    m_comparedView->setTitle(tr("B · pooling %1…").arg(name));
    m_differenceView->setTitle(tr("|A − B| · pooling %1…").arg(name));
    m_hoverLabel->clear();
    m_differenceLabel->clear();
    if (m_document->windowCrop().isEmpty())
        fitToView();
    updateActions();
}

// --- pooling ------------------------------------------------------------------------------------

void PhotoWorkspace::onPoolingStarted()
{
    const Tensor &input = m_document->input();
    m_progress->setValue(0);
    m_progress->setToolTip(tr("Pooling %1 × %2 channel(s)")
                               .arg(photoSizeText(input.h(), input.w()))
                               .arg(input.planeCount()));
    m_progressTimer->start();
    for (PhotoView *view : {m_pooledView, m_comparedView, m_differenceView})
        if (view->hasContent() && !view->title().endsWith(tr(" · updating…")))
            view->setTitle(view->title() + tr(" · updating…"));
}

void PhotoWorkspace::showProgress()
{
    if (!m_document->isPooling())
        return;
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
}

void PhotoWorkspace::onSettingsChanged()
{
    // The controls show the document's values (without writing them back).
    const QSignalBlocker b1(m_channelCombo), b2(m_alphaCheck), b3(m_levelsSpin), b4(m_compareCheck),
        b5(m_bModeCombo), b6(m_bKernelSpin), b7(m_bStrideSpin), b8(m_cropSpin),
        b9(m_windowChannelCombo), b10(m_limitSpin);
    m_channelCombo->setCurrentIndex(m_channelCombo->findData(int(m_document->channelMode())));
    m_alphaCheck->setChecked(m_document->keepAlpha());
    m_limitSpin->setValue(m_document->maxMegapixels());
    m_levelsSpin->setValue(m_document->levels());
    const bool comparing = m_document->isComparing();
    m_compareCheck->setChecked(comparing);
    m_comparedView->setVisible(comparing);
    m_differenceView->setVisible(comparing);
    m_differenceLabel->setVisible(comparing);
    const PhotoCompare compare = m_document->compare();
    m_bModeCombo->setCurrentIndex(m_bModeCombo->findData(int(compare.mode)));
    m_bKernelSpin->setValue(compare.kernel);
    m_bStrideSpin->setValue(compare.stride);
    m_cropSpin->setValue(m_document->cropSize());
    m_windowChannelCombo->setCurrentIndex(m_document->windowChannel());
    updateLevelChoices();
    refreshViews();
    updateActions();
}

void PhotoWorkspace::updateLevelChoices()
{
    const QSignalBlocker block(m_levelCombo);
    m_levelCombo->clear();
    const PhotoResult *result = m_document->result();
    const int computed = result ? int(result->a.size()) : 0;
    const int count = m_document->levelChoices();
    for (int i = 0; i < count; ++i) {
        QString label = tr("level %1").arg(i + 1);
        if (i < computed) {
            const Tensor &v = *result->a[std::size_t(i)].values;
            label += QStringLiteral(" · ") + photoSizeText(v.h(), v.w());
        }
        m_levelCombo->addItem(label);
    }
    m_levelCombo->setCurrentIndex(m_document->shownLevel() - 1);
    m_levelCombo->setEnabled(count > 1);
}

void PhotoWorkspace::refreshViews()
{
    const PhotoResult *result = m_document->result();
    if (!result)
        return;
    const QStringList channels = m_document->channelNames();
    if (result->a.empty()) {
        const QString why = result->error.isEmpty() ? tr("No result.") : result->error;
        m_pooledView->clearContent(why);
        m_comparedView->clearContent(why);
        m_differenceView->clearContent(why);
        m_differenceLabel->clear();
        updateMarks();
        return;
    }
    const std::size_t level =
        std::size_t(std::min<int>(m_document->shownLevel(), int(result->a.size())) - 1);
    const QString levelText = result->a.size() > 1 || m_document->levels() > 1
                                  ? tr(" · level %1").arg(level + 1)
                                  : QString();
    const PhotoLevel &a = result->a[level];
    m_pooledView->setContent(
        a.values, a.image, a.mapping,
        tr("A · %1%2 · %3")
            .arg(ParamsText::describe(result->request.a), levelText, photoShapeText(*a.values)),
        channels);

    if (result->request.b && level < result->b.size()) {
        const PhotoLevel &b = result->b[level];
        m_comparedView->setContent(b.values, b.image, b.mapping,
                                   tr("B · %1%2 · %3")
                                       .arg(ParamsText::describe(*result->request.b), levelText,
                                            photoShapeText(*b.values)),
                                   channels);
    } else {
        m_comparedView->clearContent(result->note.isEmpty() ? tr("No B result at this level.")
                                                            : result->note);
    }
    if (level < result->diff.size()) {
        const PhotoComparison &cmp = result->diff[level];
        const PhotoDifference &d = *cmp.difference;
        QString title = tr("|A − B|%1 · %2").arg(levelText, photoShapeText(d.values));
        if (cmp.stretch > 1.0001)
            title += tr(" · shown ×%1").arg(cmp.stretch, 0, 'f', 1);
        m_differenceView->setContent(std::make_shared<const Tensor>(d.values), cmp.image, d.mapping,
                                     title, channels);
    } else {
        m_differenceView->clearContent(tr("No difference at this level."));
    }
    const QString summary = m_document->differenceSummary();
    const bool linkable =
        level < result->diff.size() && result->diff[level].difference->hasLargest();
    m_differenceLabel->setText(summary.isEmpty() || !linkable
                                   ? summary.toHtmlEscaped()
                                   : summary.toHtmlEscaped() +
                                         tr(" — <a href=\"largest\">show it</a>"));
    updateMarks();
}

void PhotoWorkspace::refreshParamsLabel()
{
    m_paramsLabel->setText(tr("A: %1").arg(ParamsText::describe(m_document->paramsA())));
}

// --- views --------------------------------------------------------------------------------------

void PhotoWorkspace::fitToView()
{
    if (!m_document->hasInput())
        return;
    QSizeF viewport = m_originalView->size();
    if (!m_originalView->isVisible() || viewport.isEmpty())
        viewport = m_originalView->sizeHint();
    const Tensor &input = m_document->input();
    m_fitting = true;
    camera()->fit(QRectF(0, 0, input.w(), input.h()), viewport);
    m_fitting = false;
    m_fitMode = true; // until the user zooms or pans, resizing the views fits again
}

bool PhotoWorkspace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_originalView && event->type() == QEvent::Resize && m_fitMode)
        QTimer::singleShot(0, this, [this] {
            if (m_fitMode)
                fitToView();
        });
    return QWidget::eventFilter(watched, event);
}

void PhotoWorkspace::zoomActual()
{
    camera()->setView(1.0, camera()->centre());
}

void PhotoWorkspace::showLargestDifference()
{
    const PhotoResult *result = m_document->result();
    if (!result || !m_document->isComparing())
        return;
    const std::size_t level = std::size_t(m_document->shownLevel() - 1);
    if (level >= result->diff.size() || !result->diff[level].difference->hasLargest())
        return;
    const PhotoDifference &d = *result->diff[level].difference;
    const QRectF spot = d.mapping.pixelRect(d.row, d.col);
    // Zoom in until the compared pixels show their values, never out.
    const double pixel = std::min(result->a[level].mapping.scaleX, result->b[level].mapping.scaleX);
    const double zoom = std::max(camera()->zoom(), 40.0 / std::min(pixel, spot.width()));
    camera()->setView(zoom, spot.center());
}

} // namespace poolviz
