#pragma once

#include "poolparams.h"
#include "tensor.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <type_traits>

namespace poolviz {

/// What the photo workspace needs from the rest of the window: the current pooling parameters
/// (setting A), a signal when they change, and a way to hand a crop to the matrix tab. The
/// window's document implements it through DocumentParamSource, tests through a small fake, so
/// poolviz_photo never links the widgets library that links it.
class PhotoParamSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The parameters the photo is pooled with (setting A).
    virtual PoolParams poolParams() const = 0;
    /// Makes `matrix` (rank 2) the matrix tab's input, described by `description`.
    virtual void sendToMatrix(const Tensor &matrix, const QString &description) = 0;

signals:
    /// poolParams() changed.
    void poolParamsChanged();
};

/// A PhotoParamSource over any document with `params()`, a `paramsChanged()` signal and
/// `setInput(const Tensor &, const QString &)` (PoolDocument). The document is not owned; once it
/// is destroyed the source reports default parameters and drops crops.
template <class Doc> class DocumentParamSource : public PhotoParamSource
{
public:
    /// Forwards `document`'s paramsChanged() as poolParamsChanged().
    explicit DocumentParamSource(Doc *document, QObject *parent = nullptr)
        : PhotoParamSource(parent), m_document(document)
    {
        if (document)
            QObject::connect(document, &Doc::paramsChanged, this,
                             &PhotoParamSource::poolParamsChanged);
    }

    /// The document's parameters.
    PoolParams poolParams() const override
    {
        return m_document ? m_document->params() : PoolParams{};
    }
    /// Calls the document's setInput (one undo step there).
    void sendToMatrix(const Tensor &matrix, const QString &description) override
    {
        if (m_document)
            m_document->setInput(matrix, description);
    }

private:
    QPointer<Doc> m_document;
};

/// True for document types DocumentParamSource can wrap (and that are not sources already).
template <class Doc>
concept PhotoDocument = !std::is_base_of_v<PhotoParamSource, Doc> && requires(Doc * d, Tensor t)
{
    {
        d->params()
        } -> std::convertible_to<PoolParams>;
    d->setInput(t, QString());
};

} // namespace poolviz
