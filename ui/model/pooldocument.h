#pragma once

#include "examples.h"
#include "geometry.h"
#include "poolparams.h"
#include "tensor.h"
#include "trace.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QUndoStack;

namespace poolviz {

class ParamsCommand;
class InputCommand;
class CropToMatrixCommand;
class UpstreamCommand;

/// The one document of a PoolViz window: the input tensor, the pooling parameters, the phase, the
/// traced plane, the upstream gradient and the current step, plus what core derives from them
/// (Geometry, Validation, Trace). Every user change of the input, parameters or upstream gradient
/// is one QUndoCommand on undoStack(); widgets observe the change signals and never compute
/// pooling themselves. Phase, plane and step are view choices and are not undoable.
class PoolDocument : public QObject
{
    Q_OBJECT

public:
    /// Starts with the 4×4 matrix 1…16 and PyTorch's default 2×2 max pooling.
    explicit PoolDocument(QObject *parent = nullptr);
    ~PoolDocument() override;

    /// The undo stack holding every input, parameter and gradient change.
    QUndoStack *undoStack() const { return m_undoStack; }

    // --- input --------------------------------------------------------------------------------
    /// The input tensor (N, C, H, W); never empty.
    const Tensor &input() const { return m_input; }
    /// What the input is: "Example: …", a file name, "Typed matrix", a photo crop…
    QString inputDescription() const { return m_inputDescription; }
    /// Undoably replaces the input (a loaded file, a photo crop, random numbers). The new input
    /// counts as saved: it is not an unsaved typed edit. Empty tensors are refused.
    void setInput(const Tensor &t, const QString &description);
    /// Undoably replaces the input with a matrix the user authored (typed, pasted, resized,
    /// cleared): it counts as an unsaved edit until saved. `text` names the undo step; edits
    /// with the same `mergeKey` (≥ 0) merge until closeMergeWindow(), like setParams. The input
    /// keeps its description, marked "(edited)", unless `description` names what replaced it
    /// (a paste: "4×4 pasted matrix").
    void editInput(const Tensor &t, const QString &text, int mergeKey = -1,
                   const QString &description = {});
    /// Undoably sets one value of the current plane (typed into a cell).
    void setInputValue(int row, int col, float value);
    /// True when the input holds typed edits that were never saved to a file.
    bool isInputModified() const;
    /// Records that the input was saved (to `description`, e.g. the file name).
    void markInputSaved(const QString &description);

    /// Number of (n, c) planes of the input.
    int planeCount() const { return m_input.planeCount(); }
    /// The traced plane, n·C + c.
    int plane() const { return m_plane; }
    /// Chooses the traced plane (clamped to the input's planes).
    void setPlane(int plane);
    /// Names for the input's channels in the stage's titles ("R", "G", "B" for a photo crop);
    /// empty (the default) numbers them. Kept until replaced.
    QStringList channelNames() const { return m_channelNames; }
    void setChannelNames(const QStringList &names);
    /// The current plane of the input as a rank-2 matrix.
    Tensor inputPlane() const;

    // --- parameters ---------------------------------------------------------------------------
    /// The pooling parameters.
    const PoolParams &params() const { return m_params; }
    /// Undoably sets the parameters. Consecutive calls with the same `mergeKey` (≥ 0) merge into
    /// one undo step until closeMergeWindow() (so a spin-box or slider drag is one step).
    void setParams(const PoolParams &params, const QString &text, int mergeKey = -1);
    /// Ends the current run of mergeable edits (parameters or input): the next change starts a
    /// new undo step.
    void closeMergeWindow() { ++m_mergeSerial; }
    /// Sets the parameters without an undo step: for a document that follows another's (the
    /// Photo tab's window while it uses the matrix tab's parameters).
    void followParams(const PoolParams &params);
    /// Replaces the input without an undo step and keeps the undo history (the Photo tab's
    /// window moving to another crop). Empty tensors are refused.
    void replaceInput(const Tensor &t, const QString &description);
    /// Undoably loads a built-in example: its input and parameters in one undo step.
    void loadExample(const Example &example);

    // --- phase, upstream gradient, step -------------------------------------------------------
    Phase phase() const { return m_phase; }
    /// Shows the forward or backward pass (the step index is kept where possible).
    void setPhase(Phase phase);
    /// The upstream gradient ∂L/∂y for every plane, shaped like the forward output: the edited
    /// one if its shape still fits, else ones. Empty while the parameters are invalid.
    Tensor upstream() const;
    /// The upstream gradient of the current plane (rank 2).
    Tensor upstreamPlane() const;
    /// Undoably replaces the whole upstream gradient (must have the output's shape).
    void setUpstream(const Tensor &gradient, const QString &text);
    /// Undoably sets one upstream gradient value of the current plane.
    void setUpstreamValue(int row, int col, float value);
    /// Undoably sets the current plane's upstream gradient (must have the plane's output shape).
    void setUpstreamPlane(const Tensor &plane, const QString &text);

    // --- what core derives --------------------------------------------------------------------
    /// The geometry of the current parameters for the input's H × W (validation included).
    const Geometry &geometry() const { return m_geometry; }
    const Validation &validation() const { return m_geometry.validation; }
    /// The trace of the current plane and phase, or null when the parameters are invalid or
    /// tracing failed (then traceError() says why).
    std::shared_ptr<const Trace> trace() const { return m_trace; }
    /// Why there is no trace: the core's messages; empty when there is one.
    QString traceError() const { return m_traceError; }

    /// The current step, −1 (before the first) … stepCount()−1.
    int step() const { return m_step; }
    /// Number of steps of the trace (0 without one).
    int stepCount() const;
    /// Moves to `step` (clamped to −1 … stepCount()−1). The playback timer calls only this.
    void setStep(int step);
    /// The caption of the current step, or what the stage shows before the first step.
    QString caption() const;

    /// Recomputes geometry and trace, e.g. after the limits (core's currentLimits) changed.
    void refresh() { recompute(); }

    /// Replaces everything without an undo step and clears the undo history (start-up).
    void reset(const Tensor &input, const QString &description, const PoolParams &params);

signals:
    /// The input's values or shape changed.
    void inputChanged();
    /// The input became modified (unsaved typed edits) or saved.
    void inputModifiedChanged(bool modified);
    /// The parameters changed.
    void paramsChanged();
    void phaseChanged();
    void planeChanged();
    /// The upstream gradient changed (edited, or reset to ones by a new output shape).
    void upstreamChanged();
    /// Geometry, validation and trace were recomputed.
    void traceChanged();
    /// The step index changed from `previous` to `step`.
    void stepChanged(int step, int previous);

private:
    friend class ParamsCommand;
    friend class InputCommand;
    friend class CropToMatrixCommand;
    friend class UpstreamCommand;

    void applyInput(const Tensor &t, const QString &description);
    void applyParams(const PoolParams &params);
    void applyUpstream(const Tensor &gradient);
    void applyClean(const Tensor &clean);
    void recompute();
    Tensor onesUpstream() const;

    QUndoStack *m_undoStack = nullptr;
    Tensor m_input;
    Tensor m_cleanInput;
    QString m_inputDescription;
    PoolParams m_params;
    Phase m_phase = Phase::Forward;
    int m_plane = 0;
    QStringList m_channelNames;
    Tensor m_upstream;
    Geometry m_geometry;
    std::shared_ptr<const Trace> m_trace;
    QString m_traceError;
    int m_step = 0;
    int m_mergeSerial = 0;
    bool m_lastModified = false;
};

/// Bitwise equality of two tensors (shape, rank and every value, so NaN equals NaN).
bool identicalTensors(const Tensor &a, const Tensor &b);

} // namespace poolviz
