#include "codepanel.h"

#include "coremessage.h"
#include "photodocument.h"
#include "pool.h"
#include "pooldocument.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace poolviz {

CodePanel::CodePanel(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("codePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Language:"), this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("codeLanguage"));
    m_language->addItem(tr("PyTorch"), int(CodeLanguage::PyTorch));
    m_language->addItem(tr("TensorFlow / Keras"), int(CodeLanguage::TensorFlow));
    m_language->addItem(tr("NumPy"), int(CodeLanguage::NumPy));
    m_language->addItem(tr("ONNX (onnxruntime)"), int(CodeLanguage::Onnx));
    m_language->setToolTip(tr("The framework the script uses; its layer gets PoolViz's settings "
                              "under that API's argument names"));
    label->setBuddy(m_language);
    m_copy = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("codeCopy"));
    m_copy->setToolTip(tr("Copy the script to the clipboard"));
    m_export = new QPushButton(QIcon::fromTheme(QStringLiteral("document-save-as")),
                               tr("E&xport .py…"), this);
    m_export->setObjectName(QStringLiteral("codeExport"));
    m_export->setToolTip(tr("Save the script as a Python file"));
    bar->addWidget(label);
    bar->addWidget(m_language);
    bar->addStretch(1);
    bar->addWidget(m_copy);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("codeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("codeText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Generated script"));
    layout->addWidget(m_text, 1);

    connect(m_language, &QComboBox::currentIndexChanged, this, &CodePanel::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &CodePanel::copyToClipboard);
    connect(m_export, &QPushButton::clicked, this, &CodePanel::exportWithDialog);
    // traceChanged follows every change of input or parameters, after the geometry.
    connect(document, &PoolDocument::traceChanged, this, &CodePanel::regenerate);
    regenerate();
}

void CodePanel::setPhoto(PhotoDocument *photo)
{
    if (photo == m_photo)
        return;
    if (m_photo)
        m_photo->disconnect(this);
    m_photo = photo;
    if (photo) {
        connect(photo, &PhotoDocument::inputChanged, this, &CodePanel::regenerate);
        connect(photo, &PhotoDocument::paramsChanged, this, &CodePanel::regenerate);
        connect(photo, &PhotoDocument::settingsChanged, this, &CodePanel::regenerate);
    }
    regenerate();
}

QString CodePanel::photoScript(QString *problem) const
{
    if (!m_photo->hasInput()) {
        *problem = tr("No script: open a photo on the Photo tab first.");
        return {};
    }
    if (m_photo->inputPath().isEmpty()) {
        *problem = tr("No script: “%1” was pasted or dropped, so a script cannot load it. Save "
                      "it as a file and open that.")
                       .arg(m_photo->inputName());
        return {};
    }
    // The script reads the photo with its own channels (gray as one plane, RGB as three).
    if (m_photo->channelMode() != ChannelMode::Color || m_photo->input().c() == 4) {
        *problem = tr("No script: the script loads the photo with its own channels; choose "
                      "Channels: Colour (without alpha) on the Photo tab.");
        return {};
    }
    try {
        return QString::fromStdString(
            generateCode(language(), m_photo->paramsA(),
                         {m_photo->input(), m_photo->inputPath().toStdString()}));
    } catch (const std::exception &e) {
        *problem = tr("No script: %1").arg(QString::fromUtf8(e.what()));
    }
    return {};
}

CodeLanguage CodePanel::language() const
{
    return CodeLanguage(m_language->currentData().toInt());
}

void CodePanel::setLanguage(CodeLanguage language)
{
    m_language->setCurrentIndex(m_language->findData(int(language)));
}

void CodePanel::regenerate()
{
    // A hidden panel waits: showEvent() catches up (a large input makes a long literal).
    m_stale = !isVisible();
    if (m_stale)
        return;
    m_script.clear();
    QString problem;
    const std::size_t values = m_document->input().size();
    if (m_photo) {
        m_script = photoScript(&problem);
    } else if (values > kMaxLiteralValues) {
        problem = tr("No script: the input has %1 values, too many to write out as a literal "
                     "(at most %2). Export it as .npy and load it with np.load, or use "
                     "poolviz-cli code on the file.")
                      .arg(values)
                      .arg(kMaxLiteralValues);
    } else if (!m_document->geometry().ok()) {
        problem = tr("No script: %1").arg(coreMessageText(m_document->validation().errors));
    } else {
        try {
            m_script = QString::fromStdString(
                generateCode(language(), m_document->params(), {m_document->input(), {}}));
        } catch (const std::exception &e) {
            problem = tr("No script: %1").arg(coreErrorText(e));
        }
    }
    m_text->setPlainText(m_script);
    m_message->setText(problem);
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b01e1e;"));
    m_message->setVisible(!problem.isEmpty());
    m_copy->setEnabled(!m_script.isEmpty());
    m_export->setEnabled(!m_script.isEmpty());
}

int CodePanel::heightFor(int lines) const
{
    const QMargins margins = layout()->contentsMargins();
    const int spacing = layout()->spacing();
    int h = margins.top() + margins.bottom() + layout()->itemAt(0)->sizeHint().height() + spacing;
    if (!m_message->isHidden())
        h += m_message->heightForWidth(std::max(1, width() - margins.left() - margins.right())) +
             spacing;
    const int text = lines * m_text->fontMetrics().lineSpacing() +
                     2 * (m_text->frameWidth() + int(m_text->document()->documentMargin()));
    return h + text + m_text->horizontalScrollBar()->sizeHint().height();
}

QSize CodePanel::sizeHint() const
{
    return {QWidget::sizeHint().width(), heightFor(kShownLines)};
}

QSize CodePanel::minimumSizeHint() const
{
    return {QWidget::minimumSizeHint().width(), heightFor(kMinimumLines)};
}

void CodePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        regenerate();
}

void CodePanel::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(m_script);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Copied %1 lines to the clipboard.").arg(m_script.count('\n')));
    m_message->show();
}

bool CodePanel::exportTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    const bool ok = !m_script.isEmpty() && file.open(QIODevice::WriteOnly) &&
                    file.write(m_script.toUtf8()) == m_script.toUtf8().size() && file.commit();
    if (!ok && error)
        *error = m_script.isEmpty() ? tr("there is no script to export")
                                    : tr("cannot write %1: %2").arg(path, file.errorString());
    return ok;
}

void CodePanel::exportWithDialog()
{
    const QString names[] = {QStringLiteral("poolviz_pytorch.py"),
                             QStringLiteral("poolviz_tensorflow.py"),
                             QStringLiteral("poolviz_numpy.py"), QStringLiteral("poolviz_onnx.py")};
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Script"), names[int(language())], tr("Python scripts (*.py)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportTo(path, &error);
    m_message->setStyleSheet(ok ? QString() : QStringLiteral("color: #b01e1e;"));
    m_message->setText(ok ? tr("Saved %1.").arg(QFileInfo(path).fileName())
                          : tr("Not saved: %1").arg(error));
    m_message->show();
}

} // namespace poolviz
