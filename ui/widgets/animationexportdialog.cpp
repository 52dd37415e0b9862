#include "animationexportdialog.h"

#include "coremessage.h"
#include "stagerenderer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace poolviz {

namespace {

/// "1 frame", "25 frames".
QString framesText(int n)
{
    return n == 1 ? AnimationExportDialog::tr("1 frame")
                  : AnimationExportDialog::tr("%1 frames").arg(n);
}

} // namespace

QString byteSize(qint64 bytes)
{
    if (bytes < 1000)
        return bytes == 1 ? AnimationExportDialog::tr("1 byte")
                          : AnimationExportDialog::tr("%1 bytes").arg(bytes);
    // Decimals with the locale's separator ("1,5 MB" in German).
    const QLocale locale;
    if (bytes < 1000 * 1000)
        return AnimationExportDialog::tr("%1 kB").arg(
            locale.toString(double(bytes) / 1e3, 'f', bytes < 10000 ? 1 : 0));
    if (bytes < qint64(1000) * 1000 * 1000)
        return AnimationExportDialog::tr("%1 MB").arg(
            locale.toString(double(bytes) / 1e6, 'f', bytes < 10000000 ? 1 : 0));
    return AnimationExportDialog::tr("%1 GB").arg(locale.toString(double(bytes) / 1e9, 'f', 1));
}

AnimationExportDialog::AnimationExportDialog(AnimationSource source, const QString &path,
                                             int frameMs, QWidget *parent)
    : QDialog(parent), m_source(std::move(source)), m_path(path),
      m_gif(QFileInfo(path).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0)
{
    setObjectName("animationExportDialog");
    setWindowTitle(m_gif ? tr("Export Animation as GIF") : tr("Export Animation as PNG Frames"));
    setWindowModality(Qt::WindowModal);

    auto *form = new QFormLayout;
    form->addRow(
        tr("To:"),
        new QLabel(QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName(), this));
    m_phase = new QComboBox(this);
    m_phase->setObjectName("animationPhase");
    m_phase->addItem(tr("Forward"), int(Phase::Forward));
    m_phase->addItem(tr("Backward"), int(Phase::Backward));
    m_phase->addItem(tr("Unpool"), int(Phase::Unpool));
    m_phase->setCurrentIndex(std::max(0, m_phase->findData(int(m_source.phase))));
    form->addRow(tr("&Phase:"), m_phase);

    auto *steps = new QHBoxLayout;
    m_from = new QSpinBox(this);
    m_from->setObjectName("animationFrom");
    m_to = new QSpinBox(this);
    m_to->setObjectName("animationTo");
    steps->addWidget(m_from);
    steps->addWidget(new QLabel(tr("to"), this));
    steps->addWidget(m_to);
    steps->addStretch();
    auto *stepsLabel = new QLabel(tr("&Steps:"), this);
    stepsLabel->setBuddy(m_from);
    form->addRow(stepsLabel, steps);

    auto *size = new QHBoxLayout;
    m_width = new QSpinBox(this);
    m_width->setObjectName("animationWidth");
    m_height = new QSpinBox(this);
    m_height->setObjectName("animationHeight");
    for (QSpinBox *s : {m_width, m_height}) {
        s->setRange(16, 7680);
        s->setSuffix(tr(" px"));
    }
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    size->addWidget(m_height);
    size->addStretch();
    auto *sizeLabel = new QLabel(tr("Frame si&ze:"), this);
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, size);

    m_frameMs = new QSpinBox(this);
    m_frameMs->setObjectName("animationFrameMs");
    m_frameMs->setRange(20, 10000);
    m_frameMs->setSingleStep(50);
    m_frameMs->setSuffix(tr(" ms"));
    m_frameMs->setValue(std::clamp(frameMs, 20, 10000));
    m_frameMs->setEnabled(m_gif); // PNG frames carry no timing
    form->addRow(tr("Frame &time:"), m_frameMs);

    m_estimateLabel = new QLabel(this);
    m_estimateLabel->setObjectName("animationEstimate");
    form->addRow(tr("Writes:"), m_estimateLabel);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName("animationProgress");
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName("animationStatus");
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName("animationExport");
    exportButton->setDefault(true);
    connect(exportButton, &QPushButton::clicked, this, &AnimationExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnimationExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    // The estimate renders and encodes one frame: wait until the controls rest.
    m_estimateTimer = new QTimer(this);
    m_estimateTimer->setSingleShot(true);
    m_estimateTimer->setInterval(150);
    connect(m_estimateTimer, &QTimer::timeout, this, &AnimationExportDialog::updateEstimate);
    auto changed = [this] {
        if (!isExporting())
            m_estimateTimer->start();
    };
    connect(m_phase, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateRanges();
        changed();
    });
    for (QSpinBox *s : {m_from, m_to, m_width, m_height, m_frameMs})
        connect(s, &QSpinBox::valueChanged, this, changed);
    connect(m_from, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_to->value() < v)
            m_to->setValue(v);
    });
    connect(m_to, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_from->value() > v)
            m_from->setValue(v);
    });
    updateRanges();
    updateEstimate();
}

AnimationExportDialog::~AnimationExportDialog()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

std::shared_ptr<const Trace> AnimationExportDialog::traceFor(Phase phase)
{
    try {
        return std::make_shared<const Trace>(
            makeTrace(m_source.input, m_source.params, phase, m_source.plane, m_source.upstream));
    } catch (const std::exception &e) {
        m_status->setText(tr("Cannot build the animation: %1").arg(coreErrorText(e)));
        return {};
    }
}

void AnimationExportDialog::updateRanges()
{
    m_trace = traceFor(phase());
    const int steps = m_trace ? int(m_trace->steps.size()) : 0;
    for (QSpinBox *s : {m_from, m_to}) {
        const QSignalBlocker block(s);
        s->setRange(steps > 0 ? 1 : 0, steps);
    }
    m_from->setValue(steps > 0 ? 1 : 0);
    m_to->setValue(steps);
    if (m_trace && m_width->value() == m_width->minimum()) {
        const QSize preferred = StageRenderer(*m_trace).preferredSize();
        const QSignalBlocker bw(m_width), bh(m_height);
        m_width->setValue(preferred.width());
        m_height->setValue(preferred.height());
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
}

AnimationOptions AnimationExportDialog::options() const
{
    AnimationOptions o;
    o.firstStep = std::max(m_from->value() - 1, 0);
    o.lastStep = std::max(m_to->value() - 1, 0);
    o.frameMs = m_frameMs->value();
    o.size = QSize(m_width->value(), m_height->value());
    return o;
}

Phase AnimationExportDialog::phase() const
{
    return Phase(m_phase->currentData().toInt());
}

void AnimationExportDialog::updateEstimate()
{
    if (!m_trace || m_trace->steps.empty()) {
        m_estimate = {};
        m_estimateLabel->setText(tr("nothing: the animation has no steps"));
        return;
    }
    m_estimate = estimateAnimation(*m_trace, options(), m_gif);
    m_estimateLabel->setText(tr("%1 of %2 × %3 px, about %4")
                                 .arg(framesText(m_estimate.frames))
                                 .arg(m_estimate.size.width())
                                 .arg(m_estimate.size.height())
                                 .arg(byteSize(m_estimate.bytes)));
}

bool AnimationExportDialog::isExporting() const
{
    return m_watcher != nullptr;
}

void AnimationExportDialog::setExporting(bool exporting)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_phase, m_from, m_to, m_width, m_height})
        w->setEnabled(!exporting);
    m_frameMs->setEnabled(!exporting && m_gif);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(exporting ? tr("&Stop") : tr("Cancel"));
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!exporting);
    m_progress->setVisible(exporting);
}

void AnimationExportDialog::startExport()
{
    if (isExporting() || !m_trace || m_trace->steps.empty())
        return;
    m_estimateTimer->stop();
    const AnimationOptions opts = options();
    const int frames = opts.lastStep - opts.firstStep + 1;
    m_progress->setRange(0, frames);
    m_progress->setValue(0);
    m_status->setText(tr("Writing %1…").arg(framesText(frames)));
    setExporting(true);
    m_watcher = new QFutureWatcher<QString>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, frames] {
        const QFuture<QString> future = m_watcher->future();
        const QString error =
            future.resultCount() > 0 ? future.result() : QStringLiteral("cancelled");
        m_watcher->deleteLater();
        m_watcher = nullptr;
        setExporting(false);
        const QString name = QFileInfo(m_path).fileName();
        QString message;
        if (error.isEmpty())
            message = tr("Exported %1 to %2.").arg(framesText(frames), name);
        else if (error == QLatin1String("cancelled"))
            message = tr("Stopped the export to %1.").arg(name);
        else
            message = tr("Could not export the animation to “%1”: %2").arg(name, error);
        m_status->setText(message);
        emit finished(error, message);
        if (error.isEmpty())
            accept();
    });
    m_watcher->setFuture(
        QtConcurrent::run([trace = m_trace, path = m_path, opts](QPromise<QString> &promise) {
            const int total = opts.lastStep - opts.firstStep + 1;
            promise.setProgressRange(0, total);
            promise.addResult(exportAnimation(*trace, path, opts, [&promise](int done, int) {
                promise.setProgressValue(done);
                return !promise.isCanceled();
            }));
        }));
}

void AnimationExportDialog::reject()
{
    if (isExporting()) {
        m_status->setText(tr("Stopping…"));
        m_watcher->cancel(); // the worker stops after its current frame
        return;
    }
    QDialog::reject();
}

} // namespace poolviz
