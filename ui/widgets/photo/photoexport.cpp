// The Photo tab's export dialogs: where to, the upscale factor and the quality. The document
// writes the files; these only ask.

#include "photoworkspace.h"

#include "photodocument.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace poolviz {

namespace {

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
            tr("%1 pixels").arg(photoSizeText(m_size.height() * s, m_size.width() * s)));
    }
    QSize m_size;
    QSpinBox *m_scale;
    QSpinBox *m_quality;
    QLabel *m_sizeLabel;
};

} // namespace

void PhotoWorkspace::exportImageDialog(PhotoLayer layer)
{
    QStringList filters;
    for (const auto &f : PhotoDocument::exportFormats()) {
        QStringList globs;
        for (const QString &s : f.first)
            globs << QStringLiteral("*.") + s;
        filters << QStringLiteral("%1 (%2)").arg(f.second, globs.join(QLatin1Char(' ')));
    }
    QString dir = m_document->settings().lastDirectory();
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString selected = filters.value(0);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"),
        QDir(dir).filePath(m_document->suggestedName(layer) + QStringLiteral(".png")),
        filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected);
    const QString suffix = suffixOf(path);
    const bool lossy = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ||
                       suffix == QLatin1String("webp");
    QSize size;
    if (const Tensor *values = m_document->valuesOf(layer))
        size = QSize(values->w(), values->h());
    ExportOptionsDialog options(this, size, lossy, m_document->settings().exportScale(),
                                m_document->settings().exportQuality());
    if (options.exec() != QDialog::Accepted)
        return;
    m_document->settings().setExportScale(options.scale());
    if (lossy)
        m_document->settings().setExportQuality(options.quality());
    m_document->settings().setLastDirectory(QFileInfo(path).absolutePath());
    const QString error =
        m_document->exportImage(path, layer, options.scale(), lossy ? options.quality() : -1);
    if (!error.isEmpty()) {
        m_document->setMessage(error, true);
        return;
    }
    m_document->setMessage(
        tr("Saved %1 (%2 pixels).")
            .arg(QDir::toNativeSeparators(path),
                 photoSizeText(size.height() * options.scale(), size.width() * options.scale())),
        false);
}

void PhotoWorkspace::exportValuesDialog(PhotoLayer layer)
{
    QString dir = m_document->settings().lastDirectory();
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString selected;
    const QString npy = tr("NumPy array, all channels (*.npy)");
    const QString csv = tr("CSV, one file per channel (*.csv)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Values"),
        QDir(dir).filePath(m_document->suggestedName(layer) + QStringLiteral(".npy")),
        npy + QStringLiteral(";;") + csv, &selected);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selected);
    m_document->settings().setLastDirectory(QFileInfo(path).absolutePath());
    // The dialog asked about `path`; per-channel CSV files get their own question.
    const QStringList files = m_document->valueFiles(path);
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
    const QString error = m_document->exportValues(path, layer);
    if (!error.isEmpty()) {
        m_document->setMessage(error, true);
        return;
    }
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    m_document->setMessage(tr("Saved %1.").arg(names.join(QStringLiteral(", "))), false);
}

} // namespace poolviz
