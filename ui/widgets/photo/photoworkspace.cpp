#include "photoworkspace.h"

#include "datadir.h"
#include "matrixio.h"
#include "numbertext.h"
#include "paramstext.h"
#include "photocamera.h"
#include "photosettings.h"
#include "photostage.h"
#include "pool.h"
#include "pyramidstrip.h"
#include "trace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

/// The crop the sliding window runs on is at most this many pixels a side (default 8: its
/// numbers stay readable in the panel).
constexpr int kMaxCropSize = 16;
constexpr int kDefaultCropSize = 8;
/// The pyramid has at most this many levels.
constexpr int kMaxLevels = 8;
/// Progress appears only for jobs that take longer than this (milliseconds).
constexpr int kProgressDelay = 300;
/// An export is at most this many pixels a side.
constexpr int kMaxExportSide = 32768;

const Tensor kEmptyTensor;

QString modeLabel(PoolMode mode)
{
    return QString::fromStdString(modeName(mode));
}

QString channelModeName(ChannelMode mode)
{
    switch (mode) {
    case ChannelMode::Color:
        return QObject::tr("colour");
    case ChannelMode::Grayscale:
        return QObject::tr("grayscale");
    case ChannelMode::Red:
        return QObject::tr("red channel");
    case ChannelMode::Green:
        return QObject::tr("green channel");
    case ChannelMode::Blue:
        return QObject::tr("blue channel");
    case ChannelMode::Alpha:
        return QObject::tr("alpha channel");
    }
    return {};
}

QStringList channelNamesFor(ChannelMode mode, int planes)
{
    switch (mode) {
    case ChannelMode::Color:
        return planes >= 4 ? QStringList{"R", "G", "B", "A"}
                           : (planes == 1 ? QStringList{"gray"} : QStringList{"R", "G", "B"});
    case ChannelMode::Grayscale:
        return {"gray"};
    case ChannelMode::Red:
        return {"R"};
    case ChannelMode::Green:
        return {"G"};
    case ChannelMode::Blue:
        return {"B"};
    case ChannelMode::Alpha:
        return {"A"};
    }
    return {};
}

/// "rows×columns", the order PyTorch and the seeds print shapes in.
QString sizeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

/// "C×H×W" for several channels, "H×W" for one.
QString shapeText(const Tensor &t)
{
    return t.planeCount() > 1
               ? QStringLiteral("%1×%2").arg(t.planeCount()).arg(sizeText(t.h(), t.w()))
               : sizeText(t.h(), t.w());
}

/// Image formats offered for export, as (suffixes, label), filtered to what Qt can write here.
QList<QPair<QStringList, QString>> exportFormats()
{
    const QList<QByteArray> writable = QImageWriter::supportedImageFormats();
    const QList<QPair<QStringList, QString>> all = {
        {{"png"}, "PNG"},          {{"jpg", "jpeg"}, "JPEG"}, {{"webp"}, "WebP"},
        {{"tif", "tiff"}, "TIFF"}, {{"bmp"}, "BMP"},
    };
    QList<QPair<QStringList, QString>> formats;
    for (const auto &f : all)
        if (writable.contains(f.first.first().toLatin1()))
            formats << f;
    return formats;
}

QString suffixOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

/// Adds the selected filter's first suffix when the user typed a name without one.
QString withSuffix(const QString &path, const QString &selectedFilter)
{
    if (!QFileInfo(path).suffix().isEmpty())
        return path;
    const int star = selectedFilter.indexOf(QLatin1String("*."));
    if (star < 0)
        return path;
    const int end = selectedFilter.indexOf(QRegularExpression("[ )]"), star);
    return path + QLatin1Char('.') + selectedFilter.mid(star + 2, end - star - 2);
}

/// Why a JPEG file is truncated, or nothing. Qt's JPEG reader decodes a truncated file with only
/// a warning and fills the missing rows with grey, so this looks at the bytes: in JPEG scan data
/// every 0xFF byte is followed by 0x00 or a restart marker, so a complete file has its end marker
/// FF D9 after its last start-of-scan marker FF DA, and a truncated one has not.
QString jpegTruncation(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.peek(3) != QByteArray("\xFF\xD8\xFF", 3))
        return {};
    const QByteArray bytes = file.readAll();
    const qsizetype scan = bytes.lastIndexOf(QByteArray("\xFF\xDA", 2));
    if (scan >= 0 && bytes.indexOf(QByteArray("\xFF\xD9", 2), scan + 2) >= 0)
        return {};
    return PhotoWorkspace::tr("cannot read image \"%1\": the JPEG data stops before its end "
                              "marker (the file is truncated)")
        .arg(QDir::toNativeSeparators(path));
}

/// Lays out its items left to right and wraps them onto new rows when the width runs out, so
/// the controls never hide behind a toolbar's overflow arrow (after Qt's flow layout example).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent) : QLayout(parent) { setContentsMargins(0, 0, 0, 0); }
    ~FlowLayout() override
    {
        while (QLayoutItem *item = takeAt(0))
            delete item;
    }
    void addItem(QLayoutItem *item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        return size;
    }

private:
    int arrange(const QRect &rect, bool apply) const
    {
        const int hGap = 14, vGap = 2;
        int x = rect.x(), y = rect.y(), rowHeight = 0;
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            const QSize hint = item->sizeHint();
            if (x > rect.x() && x + hint.width() > rect.right() + 1) {
                x = rect.x();
                y += rowHeight + vGap;
                rowHeight = 0;
            }
            if (apply)
                item->setGeometry(QRect(QPoint(x, y), hint));
            x += hint.width() + hGap;
            rowHeight = std::max(rowHeight, hint.height());
        }
        return y + rowHeight - rect.y();
    }
    QList<QLayoutItem *> m_items;
};

/// Builds the control strip: groups of related controls that stay together on one row.
class ControlStrip
{
public:
    explicit ControlStrip(QWidget *container) : m_container(container)
    {
        m_flow = new FlowLayout(container);
        newGroup();
    }
    /// A tool button for `action`.
    QToolButton *addAction(QAction *action)
    {
        auto *button = new QToolButton(m_group);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        addWidget(button);
        return button;
    }
    void addWidget(QWidget *widget)
    {
        widget->setParent(m_group);
        m_row->addWidget(widget);
    }
    QLabel *addLabel(const QString &text)
    {
        auto *label = new QLabel(text, m_group);
        addWidget(label);
        return label;
    }
    /// Starts a new group (the flow may wrap before it).
    void newGroup()
    {
        if (m_row && m_row->count() == 0)
            return;
        m_group = new QWidget(m_container);
        m_row = new QHBoxLayout(m_group);
        m_row->setContentsMargins(0, 0, 0, 0);
        m_row->setSpacing(4);
        m_flow->addWidget(m_group);
    }
    QWidget *group() const { return m_group; }

private:
    QWidget *m_container;
    FlowLayout *m_flow = nullptr;
    QWidget *m_group = nullptr;
    QHBoxLayout *m_row = nullptr;
};

/// Asks for the export upscale factor and, for JPEG/WebP, the quality.
class ExportOptionsDialog : public QDialog
{
    Q_DECLARE_TR_FUNCTIONS(poolviz::ExportOptionsDialog) // its own context, not QDialog's

public:
    ExportOptionsDialog(QWidget *parent, QSize size, bool lossy, int scale, int quality)
        : QDialog(parent), m_size(size)
    {
        setWindowTitle(tr("Export Options"));
        m_scale = new QSpinBox(this);
        m_scale->setRange(1, 64);
        m_scale->setPrefix(QStringLiteral("×"));
        m_scale->setValue(scale);
        m_scale->setToolTip(tr("Upscale with nearest neighbour, so slides show the blocks"));
        m_sizeLabel = new QLabel(this);
        m_quality = new QSpinBox(this);
        m_quality->setRange(1, 100);
        m_quality->setValue(quality);
        m_quality->setEnabled(lossy);
        auto *form = new QFormLayout;
        form->addRow(tr("Upscale:"), m_scale);
        form->addRow(tr("Size:"), m_sizeLabel);
        form->addRow(tr("Quality:"), m_quality);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(buttons);
        connect(m_scale, &QSpinBox::valueChanged, this, [this] { updateSize(); });
        updateSize();
    }
    int scale() const { return m_scale->value(); }
    int quality() const { return m_quality->value(); }

private:
    void updateSize()
    {
        const int s = m_scale->value();
        m_sizeLabel->setText(
            tr("%1 pixels").arg(sizeText(m_size.height() * s, m_size.width() * s)));
    }
    QSize m_size;
    QSpinBox *m_scale;
    QSpinBox *m_quality;
    QLabel *m_sizeLabel;
};

} // namespace

// --- construction
// ----------------------------------------------------------------------------------

PhotoWorkspace::PhotoWorkspace(PhotoParamSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_settings(std::make_unique<PhotoSettings>())
{
    if (m_source)
        m_source->setParent(this);
    setAcceptDrops(true);
    m_pooler = new PhotoPooler(this);
    m_camera = new PhotoCamera(this);
    m_poolTimer = new QTimer(this);
    m_poolTimer->setSingleShot(true);
    m_poolTimer->setInterval(0);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(kProgressDelay);

    createActions();

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName("photoMessage");
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setVisible(false);

    m_originalView = new PhotoView(m_camera, tr("Original"), this);
    m_originalView->setObjectName("photoOriginalView");
    m_pooledView = new PhotoView(m_camera, tr("A"), this);
    m_pooledView->setObjectName("photoPooledView");
    m_comparedView = new PhotoView(m_camera, tr("B"), this);
    m_comparedView->setObjectName("photoComparedView");
    m_differenceView = new PhotoView(m_camera, tr("|A − B|"), this);
    m_differenceView->setObjectName("photoDifferenceView");
    m_originalView->clearContent(
        tr("Open a photo, drop one here or paste one (%1).")
            .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    m_pooledView->clearContent(tr("The pooled photo appears here."));

    auto *viewArea = new QWidget(this);
    m_viewGrid = new QGridLayout(viewArea);
    m_viewGrid->setContentsMargins(0, 0, 0, 0);
    m_viewGrid->setSpacing(4);
    m_viewGrid->addWidget(m_originalView, 0, 0);
    m_viewGrid->addWidget(m_pooledView, 0, 1);
    m_viewGrid->addWidget(m_comparedView, 1, 0);
    m_viewGrid->addWidget(m_differenceView, 1, 1);
    m_comparedView->setVisible(false);
    m_differenceView->setVisible(false);

    m_stage = new PhotoStage(this);
    m_stage->setObjectName("photoStage");
    m_stage->setVisible(false);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(viewArea);
    m_splitter->addWidget(m_stage);
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
    m_pyramid = new PyramidStrip(this);
    m_pyramid->setVisible(false);
    connect(m_pyramid, &PyramidStrip::levelChosen, this, &PhotoWorkspace::setShownLevel);
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
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_pyramid);
    layout->addWidget(m_differenceLabel);
    layout->addWidget(m_noteLabel);
    layout->addLayout(status);

    for (PhotoView *view : {m_originalView, m_pooledView, m_comparedView, m_differenceView})
        connect(view, &PhotoView::hoverText, m_hoverLabel, &QLabel::setText);
    m_originalView->installEventFilter(this);
    // A click on the picture places the sliding window's crop there.
    connect(m_originalView, &PhotoView::pixelClicked, this, &PhotoWorkspace::placeCrop);
    connect(m_camera, &PhotoCamera::changed, this, [this] {
        if (!m_fitting)
            m_fitMode = false;
        m_zoomLabel->setText(
            tr("%1%").arg(m_camera->zoom() * 100, 0, 'f', m_camera->zoom() < 0.1 ? 1 : 0));
    });
    connect(m_poolTimer, &QTimer::timeout, this, &PhotoWorkspace::startPooling);
    connect(m_progressTimer, &QTimer::timeout, this, &PhotoWorkspace::showProgress);
    connect(m_pooler, &PhotoPooler::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_pooler, &PhotoPooler::finished, this, &PhotoWorkspace::applyResult);
    connect(m_pooler, &PhotoPooler::busyChanged, this, [this](bool busy) {
        if (!busy) {
            m_progressTimer->stop();
            m_progress->setVisible(false);
            m_cancelButton->setVisible(false);
        }
    });
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        m_pooler->cancel();
        if (m_result) {
            refreshViews(); // drops the "updating…" from the titles
        } else {
            for (PhotoView *view : {m_pooledView, m_comparedView, m_differenceView})
                view->clearContent(tr("Pooling cancelled: change a setting to pool again."));
        }
        setMessage(tr("Pooling cancelled; the views keep the last complete result."), false);
    });
    if (m_source)
        connect(m_source, &PhotoParamSource::poolParamsChanged, this, [this] {
            refreshParamsLabel();
            schedulePooling();
            if (!m_stageCrop.isEmpty())
                rebuildTrace(true);
        });
    connect(m_stage, &PhotoStage::stepChanged, this, [this] {
        updateMarks();
        // Playing follows the window: the views pan to it.
        const QRectF window = windowScene();
        if (m_stage->follows() && !window.isNull())
            m_camera->setCentre(window.center());
    });
    connect(m_stage, &PhotoStage::closeRequested, this, &PhotoWorkspace::closeStage);
    connect(m_stage, &PhotoStage::sendToMatrixRequested, this, &PhotoWorkspace::sendCropToMatrix);

    refreshParamsLabel();
    updateActions();
}

PhotoWorkspace::~PhotoWorkspace()
{
    // The pooler and the stage are children destroyed after this body; their last signals (a
    // cancelled job, a stopped timer) must not reach this half-destroyed workspace.
    m_pooler->disconnect(this);
    m_stage->disconnect(this);
    m_camera->disconnect(this);
}

void PhotoWorkspace::createActions()
{
    m_openAction = new QAction(QIcon::fromTheme("document-open"), tr("&Open Photo…"), this);
    m_openAction->setToolTip(tr("Open a photo in any format Qt reads (PNG, JPEG, WebP, TIFF, …)"));
    connect(m_openAction, &QAction::triggered, this, &PhotoWorkspace::openDialog);

    m_recentMenu = new QMenu(tr("Recent &Photos"), this);
    m_recentAction = m_recentMenu->menuAction();
    connect(m_recentMenu, &QMenu::aboutToShow, this, &PhotoWorkspace::updateRecentMenu);

    m_pasteAction = new QAction(QIcon::fromTheme("edit-paste"), tr("&Paste Photo"), this);
    m_pasteAction->setShortcut(QKeySequence::Paste);
    m_pasteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_pasteAction, &QAction::triggered, this, &PhotoWorkspace::paste);

    m_exportMenu = new QMenu(tr("&Export Photo"), this);
    m_exportAction = m_exportMenu->menuAction();
    m_exportAction->setIcon(QIcon::fromTheme("document-save-as"));
    m_exportPooledImage = m_exportMenu->addAction(tr("Pooled &Image…"));
    m_exportPooledValues = m_exportMenu->addAction(tr("Pooled &Values (CSV, .npy)…"));
    m_exportMenu->addSeparator();
    m_exportComparedImage = m_exportMenu->addAction(tr("&B Image…"));
    m_exportDifferenceImage = m_exportMenu->addAction(tr("&Difference Image |A − B|…"));
    m_exportDifferenceValues = m_exportMenu->addAction(tr("Difference V&alues (CSV, .npy)…"));
    connect(m_exportPooledImage, &QAction::triggered, this,
            [this] { exportImageDialog(PhotoLayer::Pooled); });
    connect(m_exportPooledValues, &QAction::triggered, this,
            [this] { exportValuesDialog(PhotoLayer::Pooled); });
    connect(m_exportComparedImage, &QAction::triggered, this,
            [this] { exportImageDialog(PhotoLayer::Compared); });
    connect(m_exportDifferenceImage, &QAction::triggered, this,
            [this] { exportImageDialog(PhotoLayer::Difference); });
    connect(m_exportDifferenceValues, &QAction::triggered, this,
            [this] { exportValuesDialog(PhotoLayer::Difference); });

    m_fitAction = new QAction(QIcon::fromTheme("zoom-fit-best"), tr("Fit"), this);
    m_fitAction->setToolTip(tr("Fit the photo into the view"));
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, this, &PhotoWorkspace::fitToView);
    m_actualAction = new QAction(QIcon::fromTheme("zoom-original"), tr("1:1"), this);
    m_actualAction->setToolTip(tr("One screen pixel per photo pixel"));
    m_actualAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_actualAction, &QAction::triggered, this, &PhotoWorkspace::zoomActual);
    m_zoomInAction = new QAction(QIcon::fromTheme("zoom-in"), tr("Zoom In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this,
            [this] { m_camera->zoomAbout(m_camera->centre(), 2.0); });
    m_zoomOutAction = new QAction(QIcon::fromTheme("zoom-out"), tr("Zoom Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this,
            [this] { m_camera->zoomAbout(m_camera->centre(), 0.5); });

    m_windowAction = new QAction(tr("Sliding Window Here"), this);
    connect(m_windowAction, &QAction::triggered, this, &PhotoWorkspace::showSlidingWindow);
    m_sendAction = new QAction(tr("Send Crop to Matrix"), this);
    connect(m_sendAction, &QAction::triggered, this, &PhotoWorkspace::sendCropToMatrix);

    for (QAction *a :
         {m_pasteAction, m_fitAction, m_actualAction, m_zoomInAction, m_zoomOutAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
}

QWidget *PhotoWorkspace::createControls()
{
    auto *controls = new QWidget(this);
    controls->setObjectName("photoControls");
    ControlStrip strip(controls);
    QWidget *bar = controls;
    strip.addAction(m_openAction);
    auto *recentButton = new QToolButton(bar);
    recentButton->setText(tr("Recent"));
    recentButton->setMenu(m_recentMenu);
    recentButton->setPopupMode(QToolButton::InstantPopup);
    recentButton->setAutoRaise(true);
    strip.addWidget(recentButton);
    strip.addAction(m_pasteAction);
    m_exportButton = new QToolButton(bar);
    m_exportButton->setObjectName("photoExport");
    m_exportButton->setText(tr("Export"));
    m_exportButton->setIcon(m_exportAction->icon());
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setMenu(m_exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setAutoRaise(true);
    strip.addWidget(m_exportButton);

    m_sampleCombo = new QComboBox(bar);
    m_sampleCombo->setObjectName("photoSamples");
    m_sampleCombo->setToolTip(tr("Bundled sample photos"));
    m_sampleCombo->addItem(tr("Samples…"));
    for (const QString &sample : samplePhotos())
        m_sampleCombo->addItem(QFileInfo(sample).fileName(), sample);
    connect(m_sampleCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            openImage(m_sampleCombo->itemData(index).toString());
        m_sampleCombo->setCurrentIndex(0);
    });
    strip.addWidget(m_sampleCombo);
    strip.newGroup();

    strip.addLabel(tr("Channels"));
    m_channelCombo = new QComboBox(bar);
    m_channelCombo->setObjectName("photoChannels");
    m_channelCombo->setAccessibleName(tr("Channels"));
    const std::pair<ChannelMode, QString> modes[] = {
        {ChannelMode::Color, tr("Colour")}, {ChannelMode::Grayscale, tr("Grayscale")},
        {ChannelMode::Red, tr("Red")},      {ChannelMode::Green, tr("Green")},
        {ChannelMode::Blue, tr("Blue")},    {ChannelMode::Alpha, tr("Alpha")},
    };
    for (const auto &[mode, label] : modes)
        m_channelCombo->addItem(label, int(mode));
    connect(m_channelCombo, &QComboBox::activated, this, [this](int index) {
        setChannelMode(ChannelMode(m_channelCombo->itemData(index).toInt()));
    });
    strip.addWidget(m_channelCombo);
    m_alphaCheck = new QCheckBox(tr("Keep alpha"), bar);
    m_alphaCheck->setObjectName("photoKeepAlpha");
    m_alphaCheck->setToolTip(tr("Colour: pool the alpha channel as a fourth channel"));
    connect(m_alphaCheck, &QCheckBox::toggled, this, &PhotoWorkspace::setKeepAlpha);
    strip.addWidget(m_alphaCheck);

    strip.addLabel(tr("Limit"));
    m_limitSpin = new QDoubleSpinBox(bar);
    m_limitSpin->setObjectName("photoLimit");
    m_limitSpin->setAccessibleName(tr("Size limit"));
    m_limitSpin->setToolTip(tr("Photos with more pixels are refused before they are decoded"));
    m_limitSpin->setRange(0.01, 10000);
    m_limitSpin->setDecimals(2);
    m_limitSpin->setSuffix(tr(" MP"));
    m_limitSpin->setValue(m_settings->maxMegapixels());
    connect(m_limitSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { m_settings->setMaxMegapixels(v); });
    strip.addWidget(m_limitSpin);

    strip.addLabel(tr("Threads"));
    auto *threads = new QSpinBox(bar);
    threads->setObjectName("photoThreads");
    threads->setAccessibleName(tr("Pooling threads"));
    threads->setToolTip(tr("How many processor cores pool the photo (the result is the same)"));
    threads->setRange(0, 256);
    threads->setSpecialValueText(tr("All cores"));
    threads->setValue(m_settings->threads());
    setThreadCount(m_settings->threads());
    connect(threads, &QSpinBox::valueChanged, this, [this](int n) {
        m_settings->setThreads(n);
        setThreadCount(n);
    });
    strip.addWidget(threads);
    strip.newGroup();

    strip.addAction(m_fitAction);
    strip.addAction(m_actualAction);
    strip.addAction(m_zoomOutAction);
    strip.addAction(m_zoomInAction);
    m_zoomLabel = new QLabel(QStringLiteral("100%"), bar);
    m_zoomLabel->setObjectName("photoZoom");
    m_zoomLabel->setMinimumWidth(48);
    m_zoomLabel->setToolTip(tr("Screen pixels per photo pixel; from %1 up each pixel shows "
                               "its values")
                                .arg(PhotoView::valueZoom));
    strip.addWidget(m_zoomLabel);
    strip.newGroup();
    m_paramsLabel = new QLabel(bar);
    m_paramsLabel->setObjectName("photoParamsA");
    m_paramsLabel->setToolTip(tr("Setting A is the Parameters panel's pooling"));
    strip.addWidget(m_paramsLabel);
    strip.newGroup();

    strip.addLabel(tr("Levels"));
    m_levelsSpin = new QSpinBox(bar);
    m_levelsSpin->setObjectName("photoLevels");
    m_levelsSpin->setAccessibleName(tr("Levels"));
    m_levelsSpin->setToolTip(tr("Apply the pooling this many times (a pyramid)"));
    m_levelsSpin->setRange(1, kMaxLevels);
    connect(m_levelsSpin, &QSpinBox::valueChanged, this, [this] {
        updateLevelChoices();
        schedulePooling();
    });
    strip.addWidget(m_levelsSpin);
    m_levelCombo = new QComboBox(bar);
    m_levelCombo->setObjectName("photoShownLevel");
    m_levelCombo->setAccessibleName(tr("Level shown"));
    m_levelCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_pyramid->setCurrentLevel(shownLevel());
        refreshViews();
        updateMarks();
    });
    strip.addWidget(m_levelCombo);
    strip.newGroup();

    m_compareCheck = new QCheckBox(tr("Compare with B:"), bar);
    m_compareCheck->setObjectName("photoCompare");
    m_compareCheck->setToolTip(tr("Pool with a second setting B (A's padding, dilation and "
                                  "rounding) and show |A − B|"));
    strip.addWidget(m_compareCheck);
    m_bModeCombo = new QComboBox(bar);
    m_bModeCombo->setObjectName("photoBMode");
    m_bModeCombo->setAccessibleName(tr("B mode"));
    for (PoolMode mode : {PoolMode::Max, PoolMode::Avg, PoolMode::Min, PoolMode::Lp})
        m_bModeCombo->addItem(modeLabel(mode), int(mode));
    m_bModeCombo->setCurrentIndex(1);
    strip.addWidget(m_bModeCombo);
    strip.addLabel(tr("kernel"));
    m_bKernelSpin = new QSpinBox(bar);
    m_bKernelSpin->setObjectName("photoBKernel");
    m_bKernelSpin->setAccessibleName(tr("B kernel"));
    m_bKernelSpin->setRange(1, 64);
    m_bKernelSpin->setValue(2);
    strip.addWidget(m_bKernelSpin);
    strip.addLabel(tr("stride"));
    m_bStrideSpin = new QSpinBox(bar);
    m_bStrideSpin->setObjectName("photoBStride");
    m_bStrideSpin->setAccessibleName(tr("B stride"));
    m_bStrideSpin->setRange(1, 64);
    m_bStrideSpin->setValue(2);
    strip.addWidget(m_bStrideSpin);
    connect(m_compareCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_comparedView->setVisible(on);
        m_differenceView->setVisible(on);
        m_differenceLabel->setVisible(on);
        updateActions();
        schedulePooling();
    });
    for (QSpinBox *spin : {m_bKernelSpin, m_bStrideSpin})
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            if (isComparing())
                schedulePooling();
        });
    connect(m_bModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (isComparing())
            schedulePooling();
    });
    strip.newGroup();

    m_windowButton = new QPushButton(m_windowAction->text(), bar);
    m_windowButton->setObjectName("photoWindowButton");
    m_windowButton->setToolTip(m_windowAction->toolTip());
    connect(m_windowButton, &QPushButton::clicked, m_windowAction, &QAction::trigger);
    strip.addWidget(m_windowButton);
    strip.addLabel(tr("on"));
    m_windowChannelCombo = new QComboBox(bar);
    m_windowChannelCombo->setObjectName("photoWindowChannel");
    m_windowChannelCombo->setAccessibleName(tr("Window channel"));
    connect(m_windowChannelCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_stageCrop.isEmpty())
            rebuildTrace(true);
    });
    strip.addWidget(m_windowChannelCombo);
    strip.addLabel(tr("crop"));
    m_cropSpin = new QSpinBox(bar);
    m_cropSpin->setObjectName("photoCropSize");
    m_cropSpin->setAccessibleName(tr("Crop size"));
    m_cropSpin->setToolTip(tr("The sliding window runs on this many pixels a side around the "
                              "centre of the views"));
    m_cropSpin->setRange(2, kMaxCropSize);
    m_cropSpin->setValue(kDefaultCropSize);
    m_cropSpin->setSuffix(tr(" px"));
    strip.addWidget(m_cropSpin);
    // The tooltips name the crop size in use.
    const auto cropTips = [this](int n) {
        const QString size = sizeText(n, n);
        m_windowAction->setToolTip(tr("Run the sliding window of A on the %1 crop at the centre "
                                      "of the views (or click the picture where it should go)")
                                       .arg(size));
        m_sendAction->setToolTip(
            tr("Make the %1 crop at the centre the matrix tab's input").arg(size));
        if (m_windowButton)
            m_windowButton->setToolTip(m_windowAction->toolTip());
    };
    connect(m_cropSpin, &QSpinBox::valueChanged, this, cropTips);
    cropTips(m_cropSpin->value());
    strip.addAction(m_sendAction);

    return controls;
}

QList<QAction *> PhotoWorkspace::fileActions() const
{
    auto *separator = new QAction(const_cast<PhotoWorkspace *>(this));
    separator->setSeparator(true);
    return {m_openAction, m_recentAction, m_pasteAction, separator, m_exportAction};
}

void PhotoWorkspace::updateActions()
{
    const bool input = hasInput();
    const bool pooled = m_result && !m_result->a.empty();
    const bool compared = pooled && isComparing() && !m_result->diff.empty();
    m_exportPooledImage->setEnabled(pooled);
    m_exportPooledValues->setEnabled(pooled);
    m_exportComparedImage->setEnabled(compared);
    m_exportDifferenceImage->setEnabled(compared);
    m_exportDifferenceValues->setEnabled(compared);
    m_exportButton->setEnabled(pooled);
    for (QAction *a : {m_fitAction, m_actualAction, m_zoomInAction, m_zoomOutAction, m_windowAction,
                       m_sendAction})
        a->setEnabled(input);
    m_windowButton->setEnabled(input);
    m_alphaCheck->setEnabled(m_channelMode == ChannelMode::Color);
}

void PhotoWorkspace::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (const QString &file : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(file).fileName());
        a->setToolTip(file);
        connect(a, &QAction::triggered, this, [this, file] { openImage(file); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent photos"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear Recent Photos")), &QAction::triggered, this,
            [this] { m_settings->clearRecentFiles(); });
}

QStringList PhotoWorkspace::samplePhotos()
{
    QStringList samples;
    const QString folder = dataPath(QStringLiteral("photos"));
    if (folder.isEmpty())
        return samples;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        if (!name.endsWith(QLatin1String(".txt")))
            samples << dir.filePath(name);
    return samples;
}

// --- loading
// ---------------------------------------------------------------------------------------

ImageLoadOptions PhotoWorkspace::loadOptions() const
{
    ImageLoadOptions options;
    options.channels = m_channelMode;
    options.keepAlpha = m_keepAlpha;
    options.maxPixels = qint64(std::llround(maxMegapixels() * 1e6));
    return options;
}

double PhotoWorkspace::maxMegapixels() const
{
    return m_limitSpin->value();
}

void PhotoWorkspace::setMaxMegapixels(double megapixels)
{
    m_limitSpin->setValue(megapixels);
}

bool PhotoWorkspace::openImage(const QString &path)
{
    if (const QString truncated = jpegTruncation(path); !truncated.isEmpty()) {
        setMessage(truncated, true);
        return false;
    }
    const LoadedImage loaded = decode(path, QImage());
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    // The bundled samples are always a click away: they stay out of Recent and the last folder.
    const QString samples = dataPath(QStringLiteral("photos"));
    const bool bundled = !samples.isEmpty() &&
                         QFileInfo(path).canonicalPath() == QFileInfo(samples).canonicalFilePath();
    if (!bundled) {
        m_settings->addRecentFile(path);
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    }
    return applyLoaded(loaded, QFileInfo(path).fileName(), path, QImage());
}

bool PhotoWorkspace::setImage(const QImage &image, const QString &name)
{
    if (image.isNull()) {
        setMessage(tr("“%1” holds no image.").arg(name), true);
        return false;
    }
    const LoadedImage loaded = decode(QString(), image);
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    return applyLoaded(loaded, name, QString(), image);
}

LoadedImage PhotoWorkspace::decode(const QString &path, const QImage &image) const
{
    auto load = [&](const ImageLoadOptions &options) {
        return path.isEmpty() ? imageToTensor(image, options) : loadImage(path, options);
    };
    LoadedImage loaded = load(loadOptions());
    // Colour means the photo's own colours: a photo with only gray pixels (R = G = B) becomes
    // one gray plane rather than three equal ones.
    if (loaded.ok() && m_channelMode == ChannelMode::Color && loaded.grayscaleSource &&
        !(m_keepAlpha && loaded.alphaSource)) {
        ImageLoadOptions options = loadOptions();
        options.channels = ChannelMode::Grayscale;
        LoadedImage gray = load(options);
        if (gray.ok())
            return gray;
    }
    return loaded;
}

bool PhotoWorkspace::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasImage())
        return setImage(qvariant_cast<QImage>(mime->imageData()), tr("Pasted image"));
    if (mime && mime->hasUrls()) {
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                return openImage(url.toLocalFile());
    }
    setMessage(tr("The clipboard holds no image to paste."), true);
    return false;
}

bool PhotoWorkspace::applyLoaded(const LoadedImage &loaded, const QString &name,
                                 const QString &path, const QImage &source)
{
    const bool samePhoto = hasInput() && name == m_inputName && path == m_sourcePath &&
                           loaded.tensor.h() == m_input->h() && loaded.tensor.w() == m_input->w();
    m_input = std::make_shared<const Tensor>(loaded.tensor);
    m_inputImage = tensorToImage(*m_input);
    m_inputName = name;
    m_sourcePath = path;
    m_sourceImage = source;
    m_channels = channelNamesFor(m_channelMode, m_input->planeCount());
    {
        const QSignalBlocker block(m_windowChannelCombo);
        const int previous = m_windowChannelCombo->currentIndex();
        m_windowChannelCombo->clear();
        m_windowChannelCombo->addItems(m_channels);
        m_windowChannelCombo->setCurrentIndex(std::clamp(previous, 0, int(m_channels.size()) - 1));
    }
    m_originalView->setContent(m_input, m_inputImage, PhotoMapping{},
                               tr("Original · %1 · %2 · %3")
                                   .arg(name, shapeText(*m_input), channelModeName(m_channelMode)),
                               m_channels);
    m_result.reset();
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
    if (samePhoto && !m_stageCrop.isEmpty()) {
        rebuildTrace(true);
    } else {
        closeStage();
        fitToView();
    }
    setMessage(QString(), false);
    updateLevelChoices();
    updateActions();
    emit inputChanged();
    schedulePooling();
    return true;
}

bool PhotoWorkspace::reload()
{
    if (!hasInput())
        return false;
    const LoadedImage loaded = m_sourcePath.isEmpty() ? imageToTensor(m_sourceImage, loadOptions())
                                                      : loadImage(m_sourcePath, loadOptions());
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    return applyLoaded(loaded, m_inputName, m_sourcePath, m_sourceImage);
}

void PhotoWorkspace::setChannelMode(ChannelMode mode)
{
    if (mode == m_channelMode)
        return;
    const ChannelMode previous = m_channelMode;
    m_channelMode = mode;
    if (hasInput() && !reload())
        m_channelMode = previous;
    const QSignalBlocker block(m_channelCombo);
    m_channelCombo->setCurrentIndex(m_channelCombo->findData(int(m_channelMode)));
    updateActions();
}

void PhotoWorkspace::setKeepAlpha(bool keep)
{
    if (keep == m_keepAlpha)
        return;
    m_keepAlpha = keep;
    if (hasInput() && !reload())
        m_keepAlpha = !keep;
    const QSignalBlocker block(m_alphaCheck);
    m_alphaCheck->setChecked(m_keepAlpha);
}

const Tensor &PhotoWorkspace::input() const
{
    return m_input ? *m_input : kEmptyTensor;
}

void PhotoWorkspace::setMessage(const QString &message, bool error)
{
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fde2e1; color: #7a1010; border: 1px solid "
                               "#e0a0a0; border-radius: 3px; padding: 4px; }")
              : QStringLiteral("QLabel { background: #e6f2e6; color: #1d4d1d; border: 1px solid "
                               "#a8cfa8; border-radius: 3px; padding: 4px; }"));
    m_messageLabel->setVisible(!message.isEmpty());
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged(message);
}

void PhotoWorkspace::openDialog()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.%1").arg(QString::fromLatin1(format));
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Photo"), m_settings->lastDirectory(),
        tr("Images (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty())
        openImage(path);
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
        openImage(mime->urls().first().toLocalFile());
        event->acceptProposedAction();
    } else if (mime->hasImage()) {
        setImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped image"));
        event->acceptProposedAction();
    }
}

void PhotoWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!hasInput() && !m_triedSample) {
        // First start: show a real photo rather than an empty tab.
        m_triedSample = true;
        const QStringList samples = samplePhotos();
        QString first = samples.value(0);
        for (const QString &s : samples)
            if (s.contains(QLatin1String("lake")))
                first = s; // the colour one: the best first impression
        if (!first.isEmpty())
            QTimer::singleShot(0, this, [this, first] {
                if (!hasInput())
                    openImage(first);
            });
    } else if (hasInput() && m_camera->zoom() == 1 && m_camera->centre().isNull()) {
        fitToView();
    }
}

// --- pooling
// ---------------------------------------------------------------------------------------

PoolParams PhotoWorkspace::paramsA() const
{
    return m_source ? m_source->poolParams() : PoolParams{};
}

PoolParams PhotoWorkspace::paramsB() const
{
    PoolParams b = paramsA();
    b.mode = PoolMode(m_bModeCombo->currentData().toInt());
    b.kernel = {m_bKernelSpin->value(), m_bKernelSpin->value()};
    b.stride = Size2{m_bStrideSpin->value(), m_bStrideSpin->value()};
    b.adaptiveOutput.reset();
    b.global = false;
    return b;
}

int PhotoWorkspace::levels() const
{
    return m_levelsSpin->value();
}

void PhotoWorkspace::setLevels(int levels)
{
    m_levelsSpin->setValue(levels);
}

int PhotoWorkspace::shownLevel() const
{
    return std::max(m_levelCombo->currentIndex(), 0) + 1;
}

void PhotoWorkspace::setShownLevel(int level)
{
    m_levelCombo->setCurrentIndex(std::clamp(level, 1, m_levelCombo->count()) - 1);
}

bool PhotoWorkspace::isComparing() const
{
    return m_compareCheck->isChecked();
}

void PhotoWorkspace::setComparing(bool compare)
{
    m_compareCheck->setChecked(compare);
}

void PhotoWorkspace::setCompareSettings(PoolMode mode, int kernel, int stride)
{
    const QSignalBlocker b1(m_bModeCombo), b2(m_bKernelSpin), b3(m_bStrideSpin);
    m_bModeCombo->setCurrentIndex(m_bModeCombo->findData(int(mode)));
    m_bKernelSpin->setValue(kernel);
    m_bStrideSpin->setValue(stride);
    if (isComparing())
        schedulePooling();
}

bool PhotoWorkspace::isPooling() const
{
    return m_pooler->isBusy() || m_poolTimer->isActive();
}

void PhotoWorkspace::setProgressDelay(int ms)
{
    m_progressTimer->setInterval(std::max(ms, 0));
}

void PhotoWorkspace::schedulePooling()
{
    if (!hasInput())
        return;
    // Coalesce bursts (a spin box held down) into one job; the running job is cancelled now.
    m_pooler->cancel();
    m_poolTimer->start();
}

void PhotoWorkspace::startPooling()
{
    if (!hasInput())
        return;
    PhotoRequest request;
    request.input = m_input;
    request.a = paramsA();
    if (isComparing())
        request.b = paramsB();
    request.levels = levels();
    const quint64 generation = m_pooler->start(std::move(request));
    m_progress->setValue(0);
    m_progress->setToolTip(tr("Pooling %1 × %2 channel(s)")
                               .arg(sizeText(m_input->h(), m_input->w()))
                               .arg(m_input->planeCount()));
    m_progressTimer->start();
    for (PhotoView *view : {m_pooledView, m_comparedView, m_differenceView})
        if (view->hasContent() && !view->title().endsWith(tr(" · updating…")))
            view->setTitle(view->title() + tr(" · updating…"));
    emit poolingStarted(generation);
}

void PhotoWorkspace::showProgress()
{
    if (!m_pooler->isBusy())
        return;
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
}

void PhotoWorkspace::applyResult(const PhotoResult &result)
{
    m_result = std::make_shared<const PhotoResult>(result);
    if (!result.error.isEmpty())
        setMessage(result.error, true);
    else if (m_messageLabel->styleSheet().contains(QLatin1String("#fde2e1")) &&
             m_message.contains(QLatin1String("cannot pool")))
        setMessage(QString(), false);
    m_noteLabel->setText(result.note);
    m_noteLabel->setVisible(!result.note.isEmpty());
    updateLevelChoices();
    refreshViews();
    updateMarks();
    updateActions();
    emit resultApplied(result.generation);
}

void PhotoWorkspace::updateLevelChoices()
{
    const QSignalBlocker block(m_levelCombo);
    const int previous = m_levelCombo->currentIndex();
    m_levelCombo->clear();
    const int computed = m_result ? int(m_result->a.size()) : 0;
    const int count = std::max(1, std::min(levels(), std::max(computed, 1)));
    for (int i = 0; i < count; ++i) {
        QString label = tr("level %1").arg(i + 1);
        if (i < computed) {
            const Tensor &v = *m_result->a[std::size_t(i)].values;
            label += QStringLiteral(" · ") + sizeText(v.h(), v.w());
        }
        m_levelCombo->addItem(label);
    }
    m_levelCombo->setCurrentIndex(std::clamp(previous, 0, count - 1));
    m_levelCombo->setEnabled(count > 1);
    // The strip: the photo and every level computed, side by side.
    std::vector<QImage> images;
    for (int i = 0; i < computed; ++i)
        images.push_back(m_result->a[std::size_t(i)].image);
    m_pyramid->setLevels(m_inputImage, images);
    m_pyramid->setCurrentLevel(shownLevel());
    m_pyramid->setVisible(computed > 1);
}

void PhotoWorkspace::refreshViews()
{
    if (!m_result)
        return;
    if (m_result->a.empty()) {
        const QString why = m_result->error.isEmpty() ? tr("No result.") : m_result->error;
        m_pooledView->clearContent(why);
        m_comparedView->clearContent(why);
        m_differenceView->clearContent(why);
        m_differenceLabel->clear();
        return;
    }
    const std::size_t level = std::size_t(std::min<int>(shownLevel(), int(m_result->a.size())) - 1);
    const QString levelText =
        m_result->a.size() > 1 || levels() > 1 ? tr(" · level %1").arg(level + 1) : QString();
    const PhotoLevel &a = m_result->a[level];
    m_pooledView->setContent(
        a.values, a.image, a.mapping,
        tr("A · %1%2 · %3")
            .arg(ParamsText::describe(m_result->request.a), levelText, shapeText(*a.values)),
        m_channels);

    if (m_result->request.b && level < m_result->b.size()) {
        const PhotoLevel &b = m_result->b[level];
        m_comparedView->setContent(
            b.values, b.image, b.mapping,
            tr("B · %1%2 · %3")
                .arg(ParamsText::describe(*m_result->request.b), levelText, shapeText(*b.values)),
            m_channels);
    } else {
        m_comparedView->clearContent(m_result->note.isEmpty() ? tr("No B result at this level.")
                                                              : m_result->note);
    }
    if (level < m_result->diff.size()) {
        const PhotoComparison &cmp = m_result->diff[level];
        const PhotoDifference &d = *cmp.difference;
        QString title = tr("|A − B|%1 · %2").arg(levelText, shapeText(d.values));
        if (cmp.stretch > 1.0001)
            title += tr(" · shown ×%1").arg(cmp.stretch, 0, 'f', 1);
        m_differenceView->setContent(std::make_shared<const Tensor>(d.values), cmp.image, d.mapping,
                                     title, m_channels);
    } else {
        m_differenceView->clearContent(tr("No difference at this level."));
    }
    const QString summary = differenceSummary();
    const bool linkable =
        level < m_result->diff.size() && m_result->diff[level].difference->hasLargest();
    m_differenceLabel->setText(summary.isEmpty() || !linkable
                                   ? summary.toHtmlEscaped()
                                   : summary.toHtmlEscaped() +
                                         tr(" — <a href=\"largest\">show it</a>"));
    updateMarks();
}

QString PhotoWorkspace::differenceSummary() const
{
    const std::size_t level = std::size_t(shownLevel() - 1);
    if (!m_result || !m_result->request.b || level >= m_result->diff.size())
        return {};
    const PhotoDifference &d = *m_result->diff[level].difference;
    // Name the sides by their modes when these differ ("max 201 vs avg 114"), else A and B.
    QString nameA = modeLabel(m_result->request.a.mode);
    QString nameB = modeLabel(m_result->request.b->mode);
    if (nameA == nameB) {
        nameA = QStringLiteral("A");
        nameB = QStringLiteral("B");
    }
    if (!d.hasLargest())
        return tr("A and B share no pixel to compare.");
    if (d.largest == 0)
        return tr("A and B are equal everywhere%1.")
            .arg(d.resampled ? tr(" (compared on the photo's pixels)") : QString());
    const QString channel = d.channel < m_channels.size() && m_channels.size() > 1
                                ? tr(" (channel %1)").arg(m_channels[d.channel])
                                : QString();
    QString text = tr("Largest difference %1 at row %2, column %3%4: %5 %6 vs %7 %8")
                       .arg(screenNumber(d.largest))
                       .arg(d.row)
                       .arg(d.col)
                       .arg(channel, nameA, screenNumber(d.a), nameB, screenNumber(d.b));
    if (d.resampled)
        text += tr(" — A and B differ in size, so both are compared on the photo's %1 pixels, "
                   "each pixel taking the pooled pixel drawn over it")
                    .arg(sizeText(d.values.h(), d.values.w()));
    return text;
}

void PhotoWorkspace::refreshParamsLabel()
{
    m_paramsLabel->setText(tr("A: %1").arg(ParamsText::describe(paramsA())));
}

// --- views
// -----------------------------------------------------------------------------------------

void PhotoWorkspace::fitToView()
{
    if (!hasInput())
        return;
    QSizeF viewport = m_originalView->size();
    if (!m_originalView->isVisible() || viewport.isEmpty())
        viewport = m_originalView->sizeHint();
    m_fitting = true;
    m_camera->fit(QRectF(0, 0, m_input->w(), m_input->h()), viewport);
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
    m_camera->setView(1.0, m_camera->centre());
}

// --- sliding window
// --------------------------------------------------------------------------------

int PhotoWorkspace::cropSize() const
{
    return m_cropSpin->value();
}

void PhotoWorkspace::setCropSize(int pixels)
{
    m_cropSpin->setValue(pixels);
}

int PhotoWorkspace::windowChannel() const
{
    return std::max(m_windowChannelCombo->currentIndex(), 0);
}

void PhotoWorkspace::setWindowChannel(int channel)
{
    m_windowChannelCombo->setCurrentIndex(channel);
}

bool PhotoWorkspace::cropIsAligned() const
{
    const PoolParams a = paramsA();
    if (a.isAdaptive())
        return false;
    if (a.paddingMode == PaddingMode::Valid)
        return true;
    return a.paddingMode == PaddingMode::Explicit && a.padding == Padding{};
}

QRect PhotoWorkspace::cropAroundCentre() const
{
    if (!hasInput())
        return {};
    const int H = m_input->h();
    const int W = m_input->w();
    const int h = std::min(cropSize(), H);
    const int w = std::min(cropSize(), W);
    const QPointF c = m_camera->centre();
    int x0 = std::clamp(int(std::lround(c.x() - w / 2.0)), 0, W - w);
    int y0 = std::clamp(int(std::lround(c.y() - h / 2.0)), 0, H - h);
    if (cropIsAligned()) {
        // Start on the stride grid, so the crop's windows are the photo's windows.
        const Size2 s = paramsA().effectiveStride();
        x0 -= x0 % s.w;
        y0 -= y0 % s.h;
    }
    return QRect(x0, y0, w, h);
}

Tensor PhotoWorkspace::cropTensor(const QRect &crop) const
{
    const Tensor &in = *m_input;
    Tensor out(1, in.c(), crop.height(), crop.width(), 0.0f, 4);
    for (int c = 0; c < in.c(); ++c)
        for (int r = 0; r < crop.height(); ++r)
            for (int col = 0; col < crop.width(); ++col)
                out.at(0, c, r, col) = in.at(0, c, crop.y() + r, crop.x() + col);
    return out;
}

bool PhotoWorkspace::placeCrop(const QPoint &pixel)
{
    if (!hasInput())
        return showSlidingWindow();
    m_camera->setCentre(QPointF(pixel) + QPointF(0.5, 0.5));
    return showSlidingWindow();
}

bool PhotoWorkspace::showSlidingWindow()
{
    if (!hasInput()) {
        setMessage(tr("Open a photo first: the sliding window runs on a crop of it."), true);
        return false;
    }
    const QRect previous = m_stageCrop;
    m_stageCrop = cropAroundCentre();
    rebuildTrace(false);
    if (!m_stage->trace()) {
        m_stageCrop = previous;
        return false;
    }
    if (!m_stage->isVisible()) {
        m_stage->setVisible(true);
        const int total = std::max(m_splitter->height(), 400);
        m_splitter->setSizes({total / 2, total - total / 2});
    }
    // Zoom so the crop fills the original view, and at least until every pixel shows its values
    // (the views then follow the window).
    QSizeF viewport = m_originalView->size();
    if (viewport.isEmpty())
        viewport = m_originalView->sizeHint();
    m_camera->fit(QRectF(m_stageCrop).adjusted(-0.5, -0.5, 0.5, 0.5), viewport);
    if (m_camera->zoom() < PhotoView::valueZoom)
        m_camera->setView(PhotoView::valueZoom, m_camera->centre());
    updateMarks();
    return true;
}

void PhotoWorkspace::rebuildTrace(bool keepStep)
{
    if (!hasInput() || m_stageCrop.isEmpty())
        return;
    const int channel = std::min(windowChannel(), m_input->c() - 1);
    const Tensor crop = cropTensor(m_stageCrop);
    const PoolParams params = paramsA();
    try {
        Trace trace = makeTrace(crop, params, Phase::Forward, channel);
        const int step = m_stage->step();
        const QString where = tr("rows %1–%2, columns %3–%4")
                                  .arg(m_stageCrop.top())
                                  .arg(m_stageCrop.bottom())
                                  .arg(m_stageCrop.left())
                                  .arg(m_stageCrop.right());
        QString description =
            tr("<b>Sliding window</b> of A (%1) on %2 of %3, channel %4.")
                .arg(ParamsText::describe(params), where, m_inputName, m_channels.value(channel));
        description += cropIsAligned()
                           ? tr(" The crop starts on the stride grid, so each output cell is "
                                "the pooled pixel outlined in A.")
                           : tr(" The crop is pooled as a matrix of its own (with its own "
                                "padding or bins), so its outputs may differ from A's pixels.");
        // The titles name the channel, as the Matrix tab's do for a multi-channel input.
        const QString planeName =
            m_input->c() > 1 ? tr("channel %1").arg(m_channels.value(channel)) : QString();
        m_stage->setTrace(std::move(trace), description, planeName);
        if (keepStep)
            m_stage->setStep(step);
    } catch (const std::exception &e) {
        setMessage(tr("The sliding window cannot run on the %1 crop: %2")
                       .arg(sizeText(m_stageCrop.height(), m_stageCrop.width()),
                            QString::fromUtf8(e.what())),
                   true);
        closeStage();
        return;
    }
    updateMarks();
}

void PhotoWorkspace::closeStage()
{
    m_stage->setPlaying(false);
    m_stage->setVisible(false);
    m_stageCrop = QRect();
    updateMarks();
}

QRectF PhotoWorkspace::windowScene() const
{
    const Trace *trace = m_stage->trace();
    if (m_stageCrop.isEmpty() || !trace || trace->steps.empty())
        return {};
    const Step &step =
        trace->steps[std::size_t(std::clamp(m_stage->step(), 0, int(trace->steps.size()) - 1))];
    QRectF window;
    for (const Tap &tap : step.taps) {
        const QRectF cell(QPointF(m_stageCrop.x() + tap.col, m_stageCrop.y() + tap.row),
                          QSizeF(1, 1));
        window = window.isNull() ? cell : window.united(cell);
    }
    return window;
}

void PhotoWorkspace::updateMarks()
{
    std::vector<PhotoMark> original, pooled, compared, difference;

    // The sliding window: the crop, the window's taps and winner, the pooled pixel it fills.
    const Trace *trace = m_stage->trace();
    if (!m_stageCrop.isEmpty() && trace && !trace->steps.empty()) {
        const Step &step =
            trace->steps[std::size_t(std::clamp(m_stage->step(), 0, int(trace->steps.size()) - 1))];
        const QPointF origin(m_stageCrop.x(), m_stageCrop.y());
        const PhotoMark crop{PhotoMark::Crop, QRectF(m_stageCrop)};
        original.push_back(crop);
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
        pooled.push_back(crop);
        if (cropIsAligned() && shownLevel() == 1 && m_result && !m_result->a.empty() &&
            m_result->request.a == paramsA()) {
            const Size2 s = paramsA().effectiveStride();
            const int row = m_stageCrop.y() / s.h + step.outRow;
            const int col = m_stageCrop.x() / s.w + step.outCol;
            const PhotoLevel &a = m_result->a.front();
            if (row < a.values->h() && col < a.values->w())
                pooled.push_back({PhotoMark::Output, a.mapping.pixelRect(row, col)});
        }
    }

    // The most different pixel, ringed in A, B and |A − B|.
    if (isComparing() && m_result) {
        const std::size_t level = std::size_t(shownLevel() - 1);
        if (level < m_result->diff.size() && m_result->diff[level].difference->hasLargest()) {
            const PhotoDifference &d = *m_result->diff[level].difference;
            const QRectF spot = d.mapping.pixelRect(d.row, d.col);
            difference.push_back({PhotoMark::Largest, spot});
            if (!d.resampled) {
                pooled.push_back({PhotoMark::Largest, spot});
                compared.push_back({PhotoMark::Largest, spot});
            } else {
                pooled.push_back(
                    {PhotoMark::Largest,
                     m_result->a[level].mapping.pixelRect(
                         int(std::floor(m_result->a[level].mapping.toImage(spot.center()).y())),
                         int(std::floor(m_result->a[level].mapping.toImage(spot.center()).x())))});
                compared.push_back(
                    {PhotoMark::Largest,
                     m_result->b[level].mapping.pixelRect(
                         int(std::floor(m_result->b[level].mapping.toImage(spot.center()).y())),
                         int(std::floor(m_result->b[level].mapping.toImage(spot.center()).x())))});
            }
        }
    }
    m_originalView->setMarks(original);
    m_pooledView->setMarks(pooled);
    m_comparedView->setMarks(compared);
    m_differenceView->setMarks(difference);
}

void PhotoWorkspace::showLargestDifference()
{
    if (!m_result || !isComparing())
        return;
    const std::size_t level = std::size_t(shownLevel() - 1);
    if (level >= m_result->diff.size() || !m_result->diff[level].difference->hasLargest())
        return;
    const PhotoDifference &d = *m_result->diff[level].difference;
    const QRectF spot = d.mapping.pixelRect(d.row, d.col);
    // Zoom in until the compared pixels show their values, never out.
    const double pixel =
        std::min(m_result->a[level].mapping.scaleX, m_result->b[level].mapping.scaleX);
    const double zoom = std::max(m_camera->zoom(), 40.0 / std::min(pixel, spot.width()));
    m_camera->setView(zoom, spot.center());
}

bool PhotoWorkspace::sendCropToMatrix()
{
    if (!hasInput()) {
        setMessage(tr("Open a photo first: a crop of it goes to the matrix tab."), true);
        return false;
    }
    const QRect crop = m_stageCrop.isEmpty() ? cropAroundCentre() : m_stageCrop;
    const int channel = std::min(windowChannel(), m_input->c() - 1);
    const Tensor matrix = cropTensor(crop).planeTensor(0, channel);
    const QString description = tr("Photo crop: %1, rows %2–%3, columns %4–%5 (%6)")
                                    .arg(m_inputName)
                                    .arg(crop.top())
                                    .arg(crop.bottom())
                                    .arg(crop.left())
                                    .arg(crop.right())
                                    .arg(m_channels.value(channel));
    if (m_source)
        m_source->sendToMatrix(matrix, description);
    setMessage(tr("Sent the %1 crop (rows %2–%3, columns %4–%5, %6) to the matrix tab.")
                   .arg(sizeText(crop.height(), crop.width()))
                   .arg(crop.top())
                   .arg(crop.bottom())
                   .arg(crop.left())
                   .arg(crop.right())
                   .arg(m_channels.value(channel)),
               false);
    return true;
}

// --- export
// ----------------------------------------------------------------------------------------

const PhotoLevel *PhotoWorkspace::levelOf(PhotoLayer layer) const
{
    if (!m_result)
        return nullptr;
    const std::size_t level = std::size_t(shownLevel() - 1);
    const std::vector<PhotoLevel> &levels =
        layer == PhotoLayer::Compared ? m_result->b : m_result->a;
    return level < levels.size() ? &levels[level] : nullptr;
}

QString PhotoWorkspace::exportImage(const QString &path, PhotoLayer layer, int scale,
                                    int quality) const
{
    const QString suffix = suffixOf(path);
    QStringList known;
    for (const auto &f : exportFormats())
        known << f.first;
    if (!known.contains(suffix))
        return tr("Cannot export “%1”: “%2” is not an image format PoolViz writes (use %3).")
            .arg(QFileInfo(path).fileName(), suffix.isEmpty() ? tr("no suffix") : suffix,
                 known.join(QStringLiteral(", ")));
    if (scale < 1)
        return tr("Cannot export “%1”: the upscale factor must be at least 1, not %2.")
            .arg(QFileInfo(path).fileName())
            .arg(scale);

    const Tensor *values = nullptr;
    double stretch = 1;
    if (layer == PhotoLayer::Difference) {
        const std::size_t level = std::size_t(shownLevel() - 1);
        if (!m_result || level >= m_result->diff.size())
            return tr("Cannot export the difference: turn on “Compare with B” and wait for the "
                      "result.");
        values = &m_result->diff[level].difference->values;
        stretch = m_result->diff[level].stretch;
    } else {
        const PhotoLevel *level = levelOf(layer);
        if (!level)
            return layer == PhotoLayer::Compared
                       ? tr("Cannot export B: turn on “Compare with B” and wait for the result.")
                       : tr("Cannot export: there is no pooled photo yet.");
        values = level->values.get();
    }
    const qint64 outW = qint64(values->w()) * scale;
    const qint64 outH = qint64(values->h()) * scale;
    if (outW > kMaxExportSide || outH > kMaxExportSide)
        return tr("Cannot export “%1”: ×%2 makes %3 pixels, more than %4 pixels a side.")
            .arg(QFileInfo(path).fileName())
            .arg(scale)
            .arg(QStringLiteral("%1×%2").arg(outH).arg(outW))
            .arg(kMaxExportSide);
    QImage image;
    if (stretch != 1.0) {
        Tensor shown = *values;
        for (float &v : shown.data())
            v = float(v * stretch);
        image = tensorToImage(shown, 0, scale);
    } else {
        image = tensorToImage(*values, 0, scale);
    }
    return saveImage(image, path, quality);
}

QStringList PhotoWorkspace::valueFiles(const QString &path, PhotoLayer layer) const
{
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("npy") || m_channels.size() <= 1)
        return {path};
    Q_UNUSED(layer);
    const QFileInfo info(path);
    QStringList files;
    for (const QString &channel : m_channels)
        files << info.dir().filePath(
            QStringLiteral("%1-%2.%3").arg(info.completeBaseName(), channel, info.suffix()));
    return files;
}

QString PhotoWorkspace::exportValues(const QString &path, PhotoLayer layer) const
{
    const Tensor *values = nullptr;
    if (layer == PhotoLayer::Difference) {
        const std::size_t level = std::size_t(shownLevel() - 1);
        if (m_result && level < m_result->diff.size())
            values = &m_result->diff[level].difference->values;
    } else if (const PhotoLevel *level = levelOf(layer)) {
        values = level->values.get();
    }
    if (!values)
        return tr("Cannot export values: there is no %1 result yet.")
            .arg(layer == PhotoLayer::Pooled ? tr("pooled") : tr("compared"));

    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("npy")) {
        Tensor t = *values;
        t.setRank(t.planeCount() == 1 ? 2 : 3);
        const std::string error = writeNpy(path.toStdString(), t);
        return error.empty() ? QString()
                             : tr("Cannot write “%1”: %2")
                                   .arg(QFileInfo(path).fileName(), QString::fromStdString(error));
    }
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
        const QStringList files = valueFiles(path, layer);
        for (int p = 0; p < files.size(); ++p) {
            const std::string error = writeCsv(
                files[p].toStdString(), values->planeTensor(0, std::min(p, values->c() - 1)));
            if (!error.empty())
                return tr("Cannot write “%1”: %2")
                    .arg(QFileInfo(files[p]).fileName(), QString::fromStdString(error));
        }
        return {};
    }
    return tr("Cannot export values to “%1”: use .npy (all channels, float32) or .csv.")
        .arg(QFileInfo(path).fileName());
}

QString PhotoWorkspace::suggestedName(PhotoLayer layer) const
{
    QString base = QFileInfo(m_inputName).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("photo");
    base.replace(QLatin1Char(' '), QLatin1Char('-'));
    auto shortParams = [](const PoolParams &p) {
        const Size2 s = p.effectiveStride();
        if (p.isAdaptive())
            return QStringLiteral("%1-adaptive").arg(modeLabel(p.mode));
        return QStringLiteral("%1%2x%3s%4")
            .arg(modeLabel(p.mode))
            .arg(p.kernel.h)
            .arg(p.kernel.w)
            .arg(s.h == s.w ? QString::number(s.h) : QStringLiteral("%1x%2").arg(s.h).arg(s.w));
    };
    const QString level =
        shownLevel() > 1 ? QStringLiteral("-level%1").arg(shownLevel()) : QString();
    switch (layer) {
    case PhotoLayer::Pooled:
        return base + QLatin1Char('-') + shortParams(paramsA()) + level;
    case PhotoLayer::Compared:
        return base + QLatin1Char('-') + shortParams(paramsB()) + level;
    case PhotoLayer::Difference:
        return base + QStringLiteral("-diff-") + shortParams(paramsA()) + QStringLiteral("-vs-") +
               shortParams(paramsB()) + level;
    }
    return base;
}

void PhotoWorkspace::exportImageDialog(PhotoLayer layer)
{
    QStringList filters;
    for (const auto &f : exportFormats()) {
        QStringList globs;
        for (const QString &s : f.first)
            globs << QStringLiteral("*.") + s;
        filters << QStringLiteral("%1 (%2)").arg(f.second, globs.join(QLatin1Char(' ')));
    }
    QString dir = m_settings->lastDirectory();
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString selected = filters.value(0);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), QDir(dir).filePath(suggestedName(layer) + QStringLiteral(".png")),
        filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected);
    const QString suffix = suffixOf(path);
    const bool lossy = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ||
                       suffix == QLatin1String("webp");
    QSize size;
    if (layer == PhotoLayer::Difference) {
        const std::size_t level = std::size_t(shownLevel() - 1);
        if (m_result && level < m_result->diff.size())
            size = m_result->diff[level].image.size();
    } else if (const PhotoLevel *level = levelOf(layer)) {
        size = level->image.size();
    }
    ExportOptionsDialog options(this, size, lossy, m_settings->exportScale(),
                                m_settings->exportQuality());
    if (options.exec() != QDialog::Accepted)
        return;
    m_settings->setExportScale(options.scale());
    if (lossy)
        m_settings->setExportQuality(options.quality());
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    const QString error = exportImage(path, layer, options.scale(), lossy ? options.quality() : -1);
    if (!error.isEmpty()) {
        setMessage(error, true);
        return;
    }
    setMessage(tr("Saved %1 (%2 pixels).")
                   .arg(QDir::toNativeSeparators(path),
                        sizeText(size.height() * options.scale(), size.width() * options.scale())),
               false);
}

void PhotoWorkspace::exportValuesDialog(PhotoLayer layer)
{
    QString dir = m_settings->lastDirectory();
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString selected;
    const QString npy = tr("NumPy array, all channels (*.npy)");
    const QString csv = tr("CSV, one file per channel (*.csv)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Values"),
        QDir(dir).filePath(suggestedName(layer) + QStringLiteral(".npy")),
        npy + QStringLiteral(";;") + csv, &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected);
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    // The dialog asked about `path`; per-channel CSV files get their own question.
    const QStringList files = valueFiles(path, layer);
    if (files.size() > 1) {
        QStringList existing;
        for (const QString &f : files)
            if (QFileInfo::exists(f))
                existing << QFileInfo(f).fileName();
        if (!existing.isEmpty() &&
            QMessageBox::question(this, tr("Replace Files?"),
                                  tr("These files exist already:\n%1\nReplace them?")
                                      .arg(existing.join(QLatin1Char('\n')))) != QMessageBox::Yes)
            return;
    }
    const QString error = exportValues(path, layer);
    if (!error.isEmpty()) {
        setMessage(error, true);
        return;
    }
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    setMessage(tr("Saved %1.").arg(names.join(QStringLiteral(", "))), false);
}

} // namespace poolviz
