#include "undocommands.h"

#include "pooldocument.h"

namespace poolviz {

namespace {
constexpr int kParamsIdBase = 0x504f0000; // "PO": keeps ids clear of other command families
constexpr int kInputIdBase = 0x494e0000;  // "IN"
} // namespace

ParamsCommand::ParamsCommand(PoolDocument *document, const PoolParams &before,
                             const PoolParams &after, const QString &text, int mergeKey,
                             int mergeSerial, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_before(before), m_after(after),
      m_mergeKey(mergeKey), m_mergeSerial(mergeSerial)
{
}

void ParamsCommand::undo()
{
    m_document->applyParams(m_before);
}

void ParamsCommand::redo()
{
    m_document->applyParams(m_after);
}

int ParamsCommand::id() const
{
    return m_mergeKey < 0 ? -1 : kParamsIdBase + m_mergeKey;
}

bool ParamsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const ParamsCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_mergeSerial != m_mergeSerial ||
        o->m_document != m_document)
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

InputCommand::InputCommand(PoolDocument *document, const Tensor &before,
                           const QString &beforeDescription, const Tensor &beforeClean,
                           const Tensor &after, const QString &afterDescription, bool clean,
                           const QString &text, int mergeKey, int mergeSerial, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_mergeKey(mergeKey),
      m_mergeSerial(mergeSerial), m_before(before), m_beforeDescription(beforeDescription),
      m_beforeClean(beforeClean), m_after(after), m_afterDescription(afterDescription),
      m_clean(clean)
{
}

void InputCommand::undo()
{
    if (m_clean)
        m_document->applyClean(m_beforeClean);
    m_document->applyInput(m_before, m_beforeDescription);
}

void InputCommand::redo()
{
    if (m_clean)
        m_document->applyClean(m_after);
    m_document->applyInput(m_after, m_afterDescription);
}

int InputCommand::id() const
{
    return m_mergeKey < 0 ? -1 : kInputIdBase + m_mergeKey;
}

bool InputCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const InputCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_mergeSerial != m_mergeSerial ||
        o->m_document != m_document || o->m_clean != m_clean)
        return false;
    m_after = o->m_after;
    m_afterDescription = o->m_afterDescription;
    setObsolete(identicalTensors(m_after, m_before));
    return true;
}

CropToMatrixCommand::CropToMatrixCommand(PoolDocument *matrix, const Tensor &crop,
                                         const QString &description, QUndoCommand *parent)
    : QUndoCommand(PoolDocument::tr("Send %1").arg(description), parent), m_description(description)
{
    // The child does the work: QUndoCommand redoes and undoes its children.
    new InputCommand(matrix, matrix->m_input, matrix->m_inputDescription, matrix->m_cleanInput,
                     crop, description, true, text(), -1, 0, this);
}

UpstreamCommand::UpstreamCommand(PoolDocument *document, const Tensor &before, const Tensor &after,
                                 const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_before(before), m_after(after)
{
}

void UpstreamCommand::undo()
{
    m_document->applyUpstream(m_before);
}

void UpstreamCommand::redo()
{
    m_document->applyUpstream(m_after);
}

} // namespace poolviz
