#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace poolviz {

class PhotoDocument;
class PoolDocument;

/// What PyTorch, TensorFlow/Keras, ONNX and NumPy make of the document's parameters and input,
/// one row each (core/frameworks): the layer with PoolViz's settings under that API's names,
/// whether it takes them (native, workaround, differs, recipe, refused), its output size, and
/// where its numbers differ and why. For Lp pooling a line below states the difference for the
/// current window with its numbers. The panel only observes the document.
class FrameworksPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FrameworksPanel(PoolDocument *document, QWidget *parent = nullptr);

    /// Follows the Photo tab while `photo` is set: its setting A on the photo's size, the
    /// window note from its sliding window. Null: the matrix document again.
    void setPhoto(PhotoDocument *photo);
    /// A photo plane with more values is compared by its sizes and rules only, not cell by cell.
    static constexpr std::size_t kMaxComparedValues = 1'000'000;

    /// The table: columns Framework, Layer, Takes it, Output, Where it differs.
    QTableWidget *table() const { return m_table; }
    /// PoolViz's own result for the current parameters and input, one line.
    QLabel *headerLabel() const { return m_header; }
    /// The Lp difference for the current window (hidden where there is none).
    QLabel *windowNoteLabel() const { return m_windowNote; }
    /// The height that shows the header, every row of the table and the note at the panel's
    /// present width, without scrolling: the dock asks for no more, so the stage keeps the rest.
    int contentHeight() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void refreshWindowNote();

    const PoolDocument *traced() const;

    PoolDocument *m_document;
    QPointer<PhotoDocument> m_photo;
    QLabel *m_header = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_windowNote = nullptr;
    bool m_stale = false; ///< the document changed while the panel was hidden
};

} // namespace poolviz
