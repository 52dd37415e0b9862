// The Photo tab's actions and control strip: every control writes to the PhotoDocument; the
// document's signals set them back (PhotoWorkspace::onSettingsChanged).

#include "photoworkspace.h"

#include "controlstrip.h"
#include "paramstext.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>

namespace poolviz {

namespace {

QString modeLabel(PoolMode mode)
{
    return QString::fromStdString(modeName(mode));
}

} // namespace

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
            [this] { camera()->zoomAbout(camera()->centre(), 2.0); });
    m_zoomOutAction = new QAction(QIcon::fromTheme("zoom-out"), tr("Zoom Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this,
            [this] { camera()->zoomAbout(camera()->centre(), 0.5); });

    m_windowAction = new QAction(tr("Sliding Window Here"), this);
    connect(m_windowAction, &QAction::triggered, this, [this] { showSlidingWindow(); });
    m_sendAction = new QAction(tr("Send Crop to Matrix"), this);
    connect(m_sendAction, &QAction::triggered, m_document, &PhotoDocument::sendCropToMatrix);

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
    for (const QString &sample : PhotoDocument::samplePhotos())
        m_sampleCombo->addItem(QFileInfo(sample).fileName(), sample);
    connect(m_sampleCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            m_document->openImage(m_sampleCombo->itemData(index).toString());
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
        m_document->setChannelMode(ChannelMode(m_channelCombo->itemData(index).toInt()));
    });
    strip.addWidget(m_channelCombo);
    m_alphaCheck = new QCheckBox(tr("Keep alpha"), bar);
    m_alphaCheck->setObjectName("photoKeepAlpha");
    m_alphaCheck->setToolTip(tr("Colour: pool the alpha channel as a fourth channel"));
    connect(m_alphaCheck, &QCheckBox::toggled, m_document, &PhotoDocument::setKeepAlpha);
    strip.addWidget(m_alphaCheck);

    strip.addLabel(tr("Limit"));
    m_limitSpin = new QDoubleSpinBox(bar);
    m_limitSpin->setObjectName("photoLimit");
    m_limitSpin->setAccessibleName(tr("Size limit"));
    m_limitSpin->setToolTip(tr("Photos with more pixels are refused before they are decoded"));
    m_limitSpin->setRange(0.01, 10000);
    m_limitSpin->setDecimals(2);
    m_limitSpin->setSuffix(tr(" MP"));
    m_limitSpin->setValue(m_document->maxMegapixels());
    connect(m_limitSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { m_document->setMaxMegapixels(v); });
    strip.addWidget(m_limitSpin);

    strip.addLabel(tr("Threads"));
    auto *threads = new QSpinBox(bar);
    threads->setObjectName("photoThreads");
    threads->setAccessibleName(tr("Pooling threads"));
    threads->setToolTip(tr("How many processor cores pool the photo (the result is the same)"));
    threads->setRange(0, 256);
    threads->setSpecialValueText(tr("All cores"));
    threads->setValue(m_document->threads());
    connect(threads, &QSpinBox::valueChanged, m_document, &PhotoDocument::setThreads);
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
    m_linkCheck = new QCheckBox(tr("Same as the matrix"), bar);
    m_linkCheck->setObjectName("photoLinkParams");
    m_linkCheck->setToolTip(tr("Pool the photo with the Matrix tab's parameters: editing either "
                               "tab's then edits both. Off, each tab keeps its own."));
    m_linkCheck->setChecked(m_document->linked());
    connect(m_linkCheck, &QCheckBox::toggled, m_document, &PhotoDocument::setLinked);
    strip.addWidget(m_linkCheck);
    strip.newGroup();

    strip.addLabel(tr("Levels"));
    m_levelsSpin = new QSpinBox(bar);
    m_levelsSpin->setObjectName("photoLevels");
    m_levelsSpin->setAccessibleName(tr("Levels"));
    m_levelsSpin->setToolTip(tr("Apply the pooling this many times (a pyramid)"));
    m_levelsSpin->setRange(1, PhotoDocument::maxLevels);
    connect(m_levelsSpin, &QSpinBox::valueChanged, m_document, &PhotoDocument::setLevels);
    strip.addWidget(m_levelsSpin);
    m_levelCombo = new QComboBox(bar);
    m_levelCombo->setObjectName("photoShownLevel");
    m_levelCombo->setAccessibleName(tr("Level shown"));
    m_levelCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_document->setShownLevel(m_levelCombo->currentIndex() + 1); });
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
    m_bModeCombo->setCurrentIndex(m_bModeCombo->findData(int(m_document->compare().mode)));
    strip.addWidget(m_bModeCombo);
    strip.addLabel(tr("kernel"));
    m_bKernelSpin = new QSpinBox(bar);
    m_bKernelSpin->setObjectName("photoBKernel");
    m_bKernelSpin->setAccessibleName(tr("B kernel"));
    m_bKernelSpin->setRange(1, 64);
    m_bKernelSpin->setValue(m_document->compare().kernel);
    strip.addWidget(m_bKernelSpin);
    strip.addLabel(tr("stride"));
    m_bStrideSpin = new QSpinBox(bar);
    m_bStrideSpin->setObjectName("photoBStride");
    m_bStrideSpin->setAccessibleName(tr("B stride"));
    m_bStrideSpin->setRange(1, 64);
    m_bStrideSpin->setValue(m_document->compare().stride);
    strip.addWidget(m_bStrideSpin);
    connect(m_compareCheck, &QCheckBox::toggled, m_document, &PhotoDocument::setComparing);
    const auto writeCompare = [this] {
        m_document->setCompare({PoolMode(m_bModeCombo->currentData().toInt()),
                                m_bKernelSpin->value(), m_bStrideSpin->value()});
    };
    for (QSpinBox *spin : {m_bKernelSpin, m_bStrideSpin})
        connect(spin, &QSpinBox::valueChanged, this, writeCompare);
    connect(m_bModeCombo, &QComboBox::currentIndexChanged, this, writeCompare);
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
    connect(m_windowChannelCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_document->setWindowChannel(index);
    });
    strip.addWidget(m_windowChannelCombo);
    strip.addLabel(tr("crop"));
    m_cropSpin = new QSpinBox(bar);
    m_cropSpin->setObjectName("photoCropSize");
    m_cropSpin->setAccessibleName(tr("Crop size"));
    m_cropSpin->setToolTip(tr("The sliding window runs on this many pixels a side around the "
                              "centre of the views"));
    m_cropSpin->setRange(2, PhotoDocument::maxCropSize);
    m_cropSpin->setValue(m_document->cropSize());
    connect(m_cropSpin, &QSpinBox::valueChanged, m_document, &PhotoDocument::setCropSize);
    m_cropSpin->setSuffix(tr(" px"));
    strip.addWidget(m_cropSpin);
    // The tooltips name the crop size in use.
    const auto cropTips = [this](int n) {
        const QString size = photoSizeText(n, n);
        m_windowAction->setToolTip(tr("Run the sliding window of A on the %1 crop at the centre "
                                      "of the views (or click the picture where it should go)")
                                       .arg(size));
        m_sendAction->setToolTip(
            tr("Make the %1 crop at the centre the matrix tab's input").arg(size));
        if (m_windowButton)
            m_windowButton->setToolTip(m_windowAction->toolTip());
    };
    connect(m_document, &PhotoDocument::settingsChanged, this,
            [this, cropTips] { cropTips(m_document->cropSize()); });
    cropTips(m_document->cropSize());
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
    const bool input = m_document->hasInput();
    const PhotoResult *result = m_document->result();
    const bool pooled = result && !result->a.empty();
    const bool compared = pooled && m_document->isComparing() && !result->diff.empty();
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
    m_alphaCheck->setEnabled(m_document->channelMode() == ChannelMode::Color);
}

void PhotoWorkspace::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_document->settings().recentFiles();
    for (const QString &file : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(file).fileName());
        a->setToolTip(file);
        connect(a, &QAction::triggered, this, [this, file] { m_document->openImage(file); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent photos"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear Recent Photos")), &QAction::triggered, this,
            [this] { m_document->settings().clearRecentFiles(); });
}

} // namespace poolviz
