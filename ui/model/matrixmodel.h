#pragma once

#include "tensor.h"

#include <QAbstractTableModel>

namespace poolviz {

class PoolDocument;

/// An editable table over one plane of the document: the input matrix, or the upstream gradient
/// of the backward pass. Edits go to the document as undoable commands; the model only mirrors it.
class MatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Source
    {
        Input,
        Upstream
    };

    MatrixModel(PoolDocument *document, Source source, QObject *parent = nullptr);

    Source source() const { return m_source; }
    /// The plane shown (a copy of the document's current plane).
    const Tensor &plane() const { return m_plane; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    /// Display: the value as captions show it; Edit: the exact value (shortest round trip).
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Accepts a number (or text parseMatrixText reads as one value: "nan", "-inf", "−∞");
    /// anything else is refused and reported through editRejected().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Row and column numbers from 0, as in the captions and NumPy.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The exact text of a value: integers without a decimal point, else the shortest text that
    /// reads back as the same float.
    static QString exactText(float v);

signals:
    /// A typed value was not a number; `message` names the text.
    void editRejected(const QString &message);

private:
    void refresh();
    Tensor currentPlane() const;

    PoolDocument *m_document;
    Source m_source;
    Tensor m_plane;
};

} // namespace poolviz
