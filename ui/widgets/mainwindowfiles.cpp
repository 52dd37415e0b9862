// The main window's files: opening matrices and images, saving, exporting the stage, the
// animation and the values, the clipboard and drag and drop.

#include "mainwindow.h"

#include "animationexportdialog.h"

#include <functional>

#include "bridgedocks.h"
#include "coremessage.h"
#include "examples.h"
#include "imageio.h"
#include "language.h"
#include "languagemenu.h"
#include "lessoncontroller.h"
#include "limitsdialog.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "parameterpanel.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "settings.h"
#include "stagerenderer.h"
#include "stagewidget.h"
#include "traceplayer.h"

#include "animationexport.h"

#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photodocument.h"
#include "photoworkspace.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QMimeData>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QUndoStack>

#include <algorithm>

namespace poolviz {

namespace {

QString suffixOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

} // namespace

// --- files --------------------------------------------------------------------------------------

bool MainWindow::isImageFile(const QString &path) const
{
    const QByteArray suffix = suffixOf(path).toLatin1();
    return !suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix);
}

bool MainWindow::isMatrixFile(const QString &path) const
{
    const QString suffix = suffixOf(path);
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") ||
           suffix == QLatin1String("npy");
}

void MainWindow::rememberDirectory(const QString &path)
{
    if (m_settings)
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
}

bool MainWindow::openFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (const QString special = specialFileProblem(path); !special.isEmpty()) {
        showError(tr("Cannot open “%1”: %2").arg(name, special));
        return false;
    }
    if (LessonController::isLessonFile(path))
        return m_lessons->openLesson(path);
    if (isMatrixFile(path)) {
        if (!maybeKeepEdits(tr("opening “%1”").arg(name)))
            return false;
        const IoResult<MatrixFile> r = readMatrixFile(path.toStdString());
        if (!r.ok()) {
            showError(tr("Cannot open “%1”: %2").arg(name, coreIoText(r.error)));
            return false;
        }
        const Tensor &tensor = r.value->tensor;
        showError({});
        m_document->setInput(tensor, name);
        m_savePath = path;
        rememberDirectory(path);
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        QString opened =
            tr("Opened %1 (%2).").arg(name, QString::fromStdString(tensor.shapeString()));
        for (const IoError &w : r.warnings)
            opened += QLatin1Char(' ') + tr("Warning: %1").arg(coreIoText(w));
        showMessage(opened);
        return true;
    }
    if (isImageFile(path)) {
        m_workspaceTabs->setCurrentWidget(m_photo);
        rememberDirectory(path);
        const bool ok = m_photoDocument->openImage(path);
        if (ok) {
            showError({});
            showMessage(tr("Opened the image %1.").arg(name));
        } else {
            // The photo tab shows why above its views; the status bar repeats it.
            showMessage(tr("Cannot open “%1”: %2").arg(name, m_photoDocument->message()), 0);
        }
        return ok;
    }
    showError(
        tr("Cannot open “%1”: PoolViz reads matrices (.csv, .txt, .npy) and images (%2)")
            .arg(name, QString::fromLatin1(QImageReader::supportedImageFormats().join(", "))));
    return false;
}

bool MainWindow::loadExample(const QString &id)
{
    const Example *ex = findExample(id.toStdString());
    if (!ex) {
        showMessage(tr("There is no example “%1”.").arg(id), 0);
        return false;
    }
    if (!maybeKeepEdits(tr("loading the example “%1”").arg(QString::fromStdString(ex->title))))
        return false;
    m_player->pause();
    m_document->loadExample(*ex);
    // Each example is a lesson: the backward ones open on the backward pass.
    setPhase(ex->backward ? Phase::Backward : Phase::Forward);
    m_document->setStep(0);
    m_savePath.clear();
    m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
    showMessage(QString::fromStdString(ex->source));
    return true;
}

QString MainWindow::askSavePath(const QString &title, const QString &filters, const QString &suffix)
{
    QFileDialog dialog(this, title, m_settings ? m_settings->lastDirectory() : QString(), filters);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    rememberDirectory(path);
    focusStage();
    return path;
}

bool MainWindow::saveMatrixAs()
{
    const QString path = askSavePath(
        tr("Save Matrix"), tr("NumPy arrays (*.npy);;CSV files (*.csv)"), QStringLiteral("npy"));
    return !path.isEmpty() && saveMatrix(path);
}

bool MainWindow::saveMatrix(const QString &path)
{
    const QString suffix = suffixOf(path);
    const QString name = QFileInfo(path).fileName();
    WriteError error;
    QString note;
    if (suffix == QLatin1String("npy")) {
        error = writeNpy(path.toStdString(), m_document->input());
    } else if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
        error = writeCsv(path.toStdString(), m_document->inputPlane());
        if (m_document->planeCount() > 1)
            note =
                tr(" CSV holds one matrix: only channel %1 of %2 was saved; .npy keeps them all.")
                    .arg(m_document->plane())
                    .arg(m_document->planeCount());
    } else {
        showMessage(tr("Cannot save “%1”: choose a .npy, .csv or .txt file name").arg(name), 0);
        return false;
    }
    if (!error.empty()) {
        showMessage(tr("Could not save “%1”: %2").arg(name, coreWriteText(error)), 0);
        return false;
    }
    m_savePath = path;
    m_document->markInputSaved(name);
    showMessage(tr("Saved %1.").arg(name) + note);
    return true;
}

bool MainWindow::exportStage(const QString &path)
{
    const auto trace = m_document->trace();
    const QString name = QFileInfo(path).fileName();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    StageView view = m_stage->view();
    view.motion = 1.0;
    view.hover.reset();
    const StageRenderer renderer(*trace);
    const QSize size = renderer.preferredSize();
    const QString suffix = suffixOf(path);
    QString error;
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2.0);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
        }
        image.setDevicePixelRatio(1.0);
        error = saveImage(image, path);
    } else if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            error = file.errorString();
        } else {
            if (suffix == QLatin1String("svg")) {
                QSvgGenerator svg;
                svg.setOutputDevice(&file);
                svg.setSize(size);
                svg.setViewBox(QRect(QPoint(0, 0), size));
                svg.setTitle(tr("PoolViz stage"));
                svg.setDescription(m_document->caption());
                QPainter painter(&svg);
                painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
                renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
            } else {
                QPdfWriter pdf(&file);
                pdf.setResolution(96);
                pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point, QString(),
                                          QPageSize::ExactMatch));
                pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
                pdf.setTitle(tr("PoolViz stage"));
                pdf.setCreator(QStringLiteral("PoolViz"));
                QPainter painter(&pdf);
                const QRectF target(0, 0, pdf.width(), pdf.height());
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.paint(painter, target, view);
            }
            if (!file.commit())
                error = file.errorString();
        }
    } else {
        showMessage(tr("Cannot export “%1”: choose a .png, .svg or .pdf file name").arg(name), 0);
        return false;
    }
    if (!error.isEmpty()) {
        showMessage(tr("Could not export “%1”: %2").arg(name, error), 0);
        return false;
    }
    showMessage(tr("Exported the stage to %1.").arg(name));
    return true;
}

bool MainWindow::exportAnimation(const QString &path)
{
    const auto trace = m_document->trace();
    const QString name = QFileInfo(path).fileName();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    const QString error = poolviz::exportAnimation(*trace, path, m_player->stepInterval());
    if (!error.isEmpty()) {
        showMessage(tr("Could not export the animation to “%1”: %2").arg(name, error), 0);
        return false;
    }
    showMessage(tr("Exported %n frame(s) to %1.", nullptr, int(trace->steps.size())).arg(name));
    return true;
}

void MainWindow::openAnimationExport(const QString &path)
{
    if (!m_document->trace()) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return;
    }
    AnimationSource source{m_document->input(), m_document->upstreamPlane(), m_document->params(),
                           m_document->plane(), m_document->phase()};
    auto *dialog =
        new AnimationExportDialog(std::move(source), path, m_player->stepInterval(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AnimationExportDialog::finished, this,
            [this](const QString &error, const QString &message) {
                showMessage(message, error.isEmpty() ? 6000 : 0);
            });
    dialog->open();
}

bool MainWindow::exportOutput(const QString &path)
{
    const auto trace = m_document->trace();
    if (!trace) {
        showMessage(tr("Nothing to export: %1").arg(m_document->traceError()), 0);
        return false;
    }
    return exportValues(
        path, tr("the output"),
        [this] { return forward(m_document->input(), m_document->params()).values; },
        trace->result.values);
}

bool MainWindow::exportInputGradient(const QString &path)
{
    const auto trace = m_document->trace();
    if (!trace || m_document->phase() != Phase::Backward) {
        showMessage(tr("The input gradient exists in the backward pass: choose View ▸ Backward "
                       "Pass first."),
                    0);
        return false;
    }
    return exportValues(
        path, tr("the input gradient"),
        [this] {
            return backward(m_document->input(), m_document->params(), m_document->upstream());
        },
        trace->inputGradient);
}

bool MainWindow::exportValues(const QString &path, const QString &what,
                              const std::function<Tensor()> &allPlanes, const Tensor &plane)
{
    const QString name = QFileInfo(path).fileName();
    const QString suffix = suffixOf(path);
    QString error;
    try {
        if (suffix == QLatin1String("npy")) {
            error = coreWriteText(writeNpy(path.toStdString(), allPlanes()));
        } else if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
            error = coreWriteText(writeCsv(path.toStdString(), plane));
        } else {
            showMessage(tr("Cannot export “%1”: choose a .npy or .csv file name").arg(name), 0);
            return false;
        }
    } catch (const std::exception &e) {
        error = coreErrorText(e);
    }
    if (!error.isEmpty()) {
        showMessage(tr("Could not export “%1”: %2").arg(name, error), 0);
        return false;
    }
    showMessage(tr("Exported %1 to %2.").arg(what, name));
    return true;
}

bool MainWindow::pasteFromClipboard()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime) {
        showMessage(tr("The clipboard is empty."));
        return false;
    }
    if (mime->hasImage()) {
        m_workspaceTabs->setCurrentWidget(m_photo);
        return m_photoDocument->setImage(qvariant_cast<QImage>(mime->imageData()),
                                         tr("Pasted image"));
    }
    if (mime->hasText()) {
        m_workspaceTabs->setCurrentWidget(m_matrixSplitter);
        m_editorTabs->setCurrentWidget(m_inputEditor);
        const bool ok = m_inputEditor->applyText(mime->text());
        if (!ok)
            showMessage(tr("The clipboard text is not a matrix: see the paste box."), 0);
        return ok;
    }
    showMessage(tr("The clipboard holds neither a matrix nor an image."));
    return false;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            const QString path = url.toLocalFile();
            if (!path.isEmpty() &&
                (isMatrixFile(path) || LessonController::isLessonFile(path) || isImageFile(path))) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    if (mime->hasImage())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() &&
            (isMatrixFile(path) || isImageFile(path) || LessonController::isLessonFile(path))) {
            event->acceptProposedAction();
            openFile(path);
            return;
        }
    }
    if (mime->hasImage()) {
        event->acceptProposedAction();
        m_workspaceTabs->setCurrentWidget(m_photo);
        m_photoDocument->setImage(qvariant_cast<QImage>(mime->imageData()), tr("Dropped image"));
    }
}

} // namespace poolviz
