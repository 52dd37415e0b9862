#pragma once

#include "codegen.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace poolviz {

class PhotoDocument;
class PoolDocument;

/// A short runnable script that reproduces the document's pooling in PyTorch, TensorFlow, NumPy
/// or ONNX (core/codegen): the input as a literal, the layer with PoolViz's settings, the call,
/// and PoolViz's output beside it. Copy puts it on the clipboard; Export writes a .py file
/// atomically. The panel only observes the document.
class CodePanel : public QWidget
{
    Q_OBJECT

public:
    explicit CodePanel(PoolDocument *document, QWidget *parent = nullptr);

    QComboBox *languageCombo() const { return m_language; }
    QPlainTextEdit *editor() const { return m_text; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *exportButton() const { return m_export; }
    /// Inline messages: why there is no script, or where the last export went.
    QLabel *messageLabel() const { return m_message; }

    /// Follows the Photo tab while `photo` is set: the script loads the photo by its path and
    /// pools it with the tab's setting A. Null: the matrix document again.
    void setPhoto(PhotoDocument *photo);

    /// The language shown.
    CodeLanguage language() const;
    void setLanguage(CodeLanguage language);
    /// The script shown (empty while the parameters are invalid).
    QString script() const { return m_script; }
    /// Writes the script to `path` through QSaveFile; false and `error` set on failure.
    bool exportTo(const QString &path, QString *error = nullptr);

    /// Room for the controls, the message and kShownLines lines of the script; the minimum
    /// keeps the controls and kMinimumLines (the rest scrolls).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    static constexpr int kShownLines = 12;
    static constexpr int kMinimumLines = 4;

    /// Inputs with more values are not written out as a literal (the panel says so).
    static constexpr std::size_t kMaxLiteralValues = 65536;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void regenerate();
    /// The panel's height with `lines` lines of the script in view.
    int heightFor(int lines) const;
    QString photoScript(QString *problem) const;
    void copyToClipboard();
    void exportWithDialog();

    PoolDocument *m_document;
    QPointer<PhotoDocument> m_photo;
    QComboBox *m_language = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QString m_script;
    bool m_stale = false; ///< the document changed while the panel was hidden
};

} // namespace poolviz
