#pragma once

#include "poolparams.h"
#include "tensor.h"

#include <QString>
#include <QUndoCommand>

namespace poolviz {

class PoolDocument;

/// Changes the pooling parameters. Commands with the same merge key and merge serial fuse, so a
/// spin-box or slider drag is one undo step; a run that returns to where it began drops out.
class ParamsCommand : public QUndoCommand
{
public:
    ParamsCommand(PoolDocument *document, const PoolParams &before, const PoolParams &after,
                  const QString &text, int mergeKey, int mergeSerial,
                  QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    /// −1 (never merge) or a value derived from the merge key.
    int id() const override;
    /// Takes over `other`'s result when it edits the same field in the same run.
    bool mergeWith(const QUndoCommand *other) override;

    const PoolParams &after() const { return m_after; }

private:
    PoolDocument *m_document;
    PoolParams m_before;
    PoolParams m_after;
    int m_mergeKey;
    int m_mergeSerial;
};

/// Replaces the input tensor. A "clean" replacement (a file, an example, a photo crop) also moves
/// the saved reference, so it is not reported as an unsaved edit; an authored one (typed) is.
class InputCommand : public QUndoCommand
{
public:
    InputCommand(PoolDocument *document, const Tensor &before, const QString &beforeDescription,
                 const Tensor &beforeClean, const Tensor &after, const QString &afterDescription,
                 bool clean, const QString &text, int mergeKey = -1, int mergeSerial = 0,
                 QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    /// −1 (never merge) or a value derived from the merge key.
    int id() const override;
    /// Fuses a run of authored edits with the same key (a size spin-box drag).
    bool mergeWith(const QUndoCommand *other) override;

private:
    PoolDocument *m_document;
    int m_mergeKey;
    int m_mergeSerial;
    Tensor m_before;
    QString m_beforeDescription;
    Tensor m_beforeClean;
    Tensor m_after;
    QString m_afterDescription;
    bool m_clean;
};

/// Makes a crop of the Photo tab's photo the matrix tab's input: one undo step on the matrix
/// document's stack, named for the crop, that counts as a clean (saved) input like a loaded file.
class CropToMatrixCommand : public QUndoCommand
{
public:
    /// Replaces `matrix`'s input with `crop` (rank 2), described by `description`.
    CropToMatrixCommand(PoolDocument *matrix, const Tensor &crop, const QString &description,
                        QUndoCommand *parent = nullptr);

    /// The crop's description ("Photo crop: lake.jpg, rows 8–15, …").
    QString description() const { return m_description; }

private:
    QString m_description;
};

/// Replaces the upstream gradient of the backward pass.
class UpstreamCommand : public QUndoCommand
{
public:
    UpstreamCommand(PoolDocument *document, const Tensor &before, const Tensor &after,
                    const QString &text, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    PoolDocument *m_document;
    Tensor m_before;
    Tensor m_after;
};

} // namespace poolviz
