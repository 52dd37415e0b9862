#include "pooldocument.h"

#include "language.h"
#include "undocommands.h"

#include <QUndoStack>

#include <algorithm>
#include <cstring>

namespace poolviz {

namespace {

Tensor defaultInput()
{
    Tensor t = Tensor::matrix(4, 4);
    for (int i = 0; i < 16; ++i)
        t.data()[std::size_t(i)] = float(i + 1);
    return t;
}

QString editedDescription(const QString &description)
{
    const QString suffix = PoolDocument::tr(" (edited)");
    if (description.isEmpty())
        return PoolDocument::tr("Typed matrix");
    return description.endsWith(suffix) ? description : description + suffix;
}

} // namespace

bool identicalTensors(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape() && a.rank() == b.rank() &&
           (a.empty() ||
            std::memcmp(a.data().data(), b.data().data(), a.size() * sizeof(float)) == 0);
}

PoolDocument::PoolDocument(QObject *parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_input(defaultInput()),
      m_cleanInput(m_input), m_inputDescription(tr("The 4×4 matrix 1…16"))
{
    recompute();
}

PoolDocument::~PoolDocument() = default;

void PoolDocument::reset(const Tensor &input, const QString &description, const PoolParams &params)
{
    if (input.empty())
        return;
    m_undoStack->clear();
    m_cleanInput = input;
    m_params = params;
    m_upstream = Tensor();
    applyInput(input, description);
    emit paramsChanged();
    emit upstreamChanged();
}

// --- input ------------------------------------------------------------------------------------

void PoolDocument::setInput(const Tensor &t, const QString &description)
{
    // The same numbers under the same name would only add an empty undo step.
    if (t.empty() || (identicalTensors(t, m_input) && description == m_inputDescription))
        return;
    m_undoStack->push(new InputCommand(this, m_input, m_inputDescription, m_cleanInput, t,
                                       description, true, tr("Load %1").arg(description)));
}

void PoolDocument::editInput(const Tensor &t, const QString &text, int mergeKey,
                             const QString &description)
{
    if (t.empty() || identicalTensors(t, m_input))
        return;
    m_undoStack->push(new InputCommand(this, m_input, m_inputDescription, m_cleanInput, t,
                                       description.isEmpty() ? editedDescription(m_inputDescription)
                                                             : description,
                                       false, text, mergeKey, m_mergeSerial));
}

void PoolDocument::setInputValue(int row, int col, float value)
{
    if (row < 0 || col < 0 || row >= m_input.h() || col >= m_input.w())
        return;
    Tensor t = m_input;
    const int n = m_plane / std::max(1, m_input.c());
    const int c = m_plane % std::max(1, m_input.c());
    t.at(n, c, row, col) = value;
    editInput(t, tr("Edit cell (%1, %2)").arg(row).arg(col));
}

bool PoolDocument::isInputModified() const
{
    return !identicalTensors(m_input, m_cleanInput);
}

void PoolDocument::markInputSaved(const QString &description)
{
    m_cleanInput = m_input;
    m_inputDescription = description;
    if (m_lastModified) {
        m_lastModified = false;
        emit inputModifiedChanged(false);
    }
    emit inputChanged();
}

void PoolDocument::setChannelNames(const QStringList &names)
{
    if (names == m_channelNames)
        return;
    m_channelNames = names;
    emit traceChanged(); // the stage's titles name the channel
}

void PoolDocument::setPlane(int plane)
{
    plane = std::clamp(plane, 0, std::max(0, planeCount() - 1));
    if (plane == m_plane)
        return;
    m_plane = plane;
    emit planeChanged();
    emit upstreamChanged();
    recompute();
}

Tensor PoolDocument::inputPlane() const
{
    const int c = std::max(1, m_input.c());
    return m_input.planeTensor(m_plane / c, m_plane % c);
}

// --- parameters -------------------------------------------------------------------------------

void PoolDocument::setParams(const PoolParams &params, const QString &text, int mergeKey)
{
    if (params == m_params)
        return;
    m_undoStack->push(new ParamsCommand(this, m_params, params, text, mergeKey, m_mergeSerial));
}

void PoolDocument::loadExample(const Example &example)
{
    if (example.input.empty())
        return;
    const QString description = tr("Example: %1").arg(exampleText(example.title));
    auto *macro = new QUndoCommand(tr("Load example %1").arg(QString::fromStdString(example.id)));
    new InputCommand(this, m_input, m_inputDescription, m_cleanInput, example.input, description,
                     true, macro->text(), -1, 0, macro);
    new ParamsCommand(this, m_params, example.params, macro->text(), -1, m_mergeSerial, macro);
    m_undoStack->push(macro);
    closeMergeWindow();
}

// --- phase, upstream, step --------------------------------------------------------------------

void PoolDocument::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged();
    recompute();
}

Tensor PoolDocument::onesUpstream() const
{
    if (!m_geometry.ok())
        return Tensor();
    return Tensor(m_input.n(), m_input.c(), m_geometry.outH(), m_geometry.outW(), 1.0f,
                  m_input.rank());
}

Tensor PoolDocument::upstream() const
{
    if (!m_geometry.ok())
        return Tensor();
    const std::array<int, 4> shape{m_input.n(), m_input.c(), m_geometry.outH(), m_geometry.outW()};
    if (!m_upstream.empty() && m_upstream.sameShape(shape))
        return m_upstream;
    return onesUpstream();
}

Tensor PoolDocument::upstreamPlane() const
{
    const Tensor g = upstream();
    if (g.empty())
        return g;
    const int c = std::max(1, g.c());
    return g.planeTensor(m_plane / c, m_plane % c);
}

void PoolDocument::setUpstream(const Tensor &gradient, const QString &text)
{
    const Tensor current = upstream();
    if (current.empty() || !gradient.sameShape(current.shape()) ||
        identicalTensors(gradient, current))
        return;
    Tensor g = gradient;
    g.setRank(current.rank());
    m_undoStack->push(new UpstreamCommand(this, m_upstream, g, text));
}

void PoolDocument::setUpstreamValue(int row, int col, float value)
{
    Tensor g = upstream();
    if (g.empty() || row < 0 || col < 0 || row >= g.h() || col >= g.w())
        return;
    const int c = std::max(1, g.c());
    g.at(m_plane / c, m_plane % c, row, col) = value;
    setUpstream(g, tr("Edit gradient (%1, %2)").arg(row).arg(col));
}

void PoolDocument::setUpstreamPlane(const Tensor &plane, const QString &text)
{
    Tensor g = upstream();
    if (g.empty() || plane.h() != g.h() || plane.w() != g.w() || plane.planeCount() != 1)
        return;
    const int c = std::max(1, g.c());
    g.plane(m_plane / c, m_plane % c) = plane.plane(0, 0);
    setUpstream(g, text);
}

int PoolDocument::stepCount() const
{
    return m_trace ? int(m_trace->steps.size()) : 0;
}

void PoolDocument::setStep(int step)
{
    step = std::clamp(step, -1, stepCount() - 1);
    if (step == m_step)
        return;
    const int previous = m_step;
    m_step = step;
    emit stepChanged(m_step, previous);
}

QString PoolDocument::caption() const
{
    if (!m_trace)
        return m_traceError;
    if (m_step < 0 || m_step >= stepCount())
        return m_phase == Phase::Forward
                   ? tr("Before the first step: %1 windows will slide over the %2 input.")
                         .arg(stepCount())
                         .arg(QString::fromStdString(m_trace->input.shapeString()))
                   : tr("Before the first step: the gradient of each of the %1 outputs will flow "
                        "back to the input.")
                         .arg(stepCount());
    return QString::fromStdString(m_trace->steps[std::size_t(m_step)].caption);
}

// --- applying state (undo commands) ------------------------------------------------------------

void PoolDocument::applyInput(const Tensor &t, const QString &description)
{
    m_input = t;
    m_inputDescription = description;
    const int plane = std::clamp(m_plane, 0, std::max(0, planeCount() - 1));
    const bool planeMoved = plane != m_plane;
    m_plane = plane;
    emit inputChanged();
    if (planeMoved)
        emit planeChanged();
    recompute();
    const bool modified = isInputModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit inputModifiedChanged(modified);
    }
}

void PoolDocument::followParams(const PoolParams &params)
{
    if (params != m_params)
        applyParams(params);
}

void PoolDocument::replaceInput(const Tensor &t, const QString &description)
{
    if (t.empty() || (identicalTensors(t, m_input) && description == m_inputDescription))
        return;
    m_cleanInput = t;
    applyInput(t, description);
}

void PoolDocument::applyParams(const PoolParams &params)
{
    m_params = params;
    emit paramsChanged();
    recompute();
}

void PoolDocument::applyUpstream(const Tensor &gradient)
{
    m_upstream = gradient;
    emit upstreamChanged();
    recompute();
}

void PoolDocument::applyClean(const Tensor &clean)
{
    m_cleanInput = clean;
}

void PoolDocument::recompute()
{
    const std::array<int, 2> oldOut{m_geometry.outH(), m_geometry.outW()};
    m_geometry = computeGeometry(m_params, m_input.h(), m_input.w());
    m_trace.reset();
    m_traceError.clear();
    if (m_geometry.ok()) {
        try {
            m_trace = std::make_shared<const Trace>(
                makeTrace(m_input, m_params, m_phase, m_plane,
                          m_phase == Phase::Backward ? upstreamPlane() : Tensor()));
        } catch (const std::exception &e) {
            m_traceError = QString::fromStdString(e.what());
        }
    } else {
        m_traceError = QString::fromStdString(m_geometry.validation.errorText());
    }
    if (oldOut != std::array<int, 2>{m_geometry.outH(), m_geometry.outW()})
        emit upstreamChanged(); // the ones (or the edited gradient) now have another shape
    const int previous = m_step;
    m_step = std::clamp(m_step, -1, stepCount() - 1);
    if (!m_trace)
        m_step = -1;
    emit traceChanged();
    if (m_step != previous)
        emit stepChanged(m_step, previous);
}

} // namespace poolviz
