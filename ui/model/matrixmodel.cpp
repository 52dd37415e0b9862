#include "matrixmodel.h"

#include "matrixio.h"
#include "numbertext.h"
#include "pooldocument.h"
#include "trace.h"

#include <QColor>
#include <QPalette>

#include <charconv>
#include <cmath>

namespace poolviz {

MatrixModel::MatrixModel(PoolDocument *document, Source source, QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_source(source), m_plane(currentPlane())
{
    connect(document, &PoolDocument::planeChanged, this, &MatrixModel::refresh);
    if (source == Source::Input) {
        connect(document, &PoolDocument::inputChanged, this, &MatrixModel::refresh);
    } else {
        connect(document, &PoolDocument::upstreamChanged, this, &MatrixModel::refresh);
        connect(document, &PoolDocument::traceChanged, this, &MatrixModel::refresh);
    }
}

Tensor MatrixModel::currentPlane() const
{
    return m_source == Source::Input ? m_document->inputPlane() : m_document->upstreamPlane();
}

void MatrixModel::refresh()
{
    Tensor next = currentPlane();
    if (identicalTensors(next, m_plane))
        return;
    if (next.h() == m_plane.h() && next.w() == m_plane.w()) {
        m_plane = std::move(next);
        if (m_plane.h() > 0 && m_plane.w() > 0)
            emit dataChanged(index(0, 0), index(m_plane.h() - 1, m_plane.w() - 1),
                             {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
        return;
    }
    beginResetModel();
    m_plane = std::move(next);
    endResetModel();
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_plane.h();
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_plane.w();
}

QString MatrixModel::exactText(float v)
{
    if (std::isnan(v) || std::isinf(v))
        return QString::fromStdString(formatNumber(v));
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, int(r.ptr - buf));
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const float v = m_plane.at(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return screenNumber(v);
    case Qt::EditRole:
        return screenNumber(exactText(v));
    case Qt::ToolTipRole:
        return m_source == Source::Input
                   ? tr("Input row %1, column %2: %3")
                         .arg(index.row())
                         .arg(index.column())
                         .arg(screenNumber(exactText(v)))
                   : tr("Upstream gradient ∂L/∂y at output row %1, column %2: %3")
                         .arg(index.row())
                         .arg(index.column())
                         .arg(screenNumber(exactText(v)));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    default:
        return {};
    }
}

bool MatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    float v = 0;
    bool ok = false;
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float ||
        value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong) {
        v = value.toFloat(&ok);
    } else {
        // "1,5" in German is one number, 1.5 (a matrix pasted as text keeps ',' between values).
        const QString text = typedNumber(value.toString().trimmed());
        if (text.isEmpty()) {
            v = 0;
            ok = true;
        } else {
            const IoResult<Tensor> parsed = parseMatrixText(text.toStdString());
            ok = parsed.ok() && parsed.value->size() == 1;
            if (ok)
                v = parsed.value->data()[0];
        }
        if (!ok) {
            emit editRejected(
                tr("“%1” is not a number: type a value such as 3, -1.5, nan or -inf").arg(text));
            return false;
        }
    }
    if (!ok)
        return false;
    if (m_source == Source::Input)
        m_document->setInputValue(index.row(), index.column(), v);
    else
        m_document->setUpstreamValue(index.row(), index.column(), v);
    return true;
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole)
        return QString::number(section);
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Horizontal ? tr("Column %1").arg(section)
                                             : tr("Row %1").arg(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace poolviz
