#pragma once

#include "trace.h"

#include <QSize>
#include <QString>

#include <functional>

namespace poolviz {

/// Which frames an animation export writes and how.
struct AnimationOptions
{
    int firstStep = 0; ///< first step written (0-based)
    int lastStep = -1; ///< last step written; −1: the trace's last
    int frameMs = 700; ///< delay between frames (GIF)
    QSize size;        ///< frame size; invalid: StageRenderer::preferredSize()
};

/// What an export would write, known before it starts.
struct AnimationEstimate
{
    int frames = 0;
    QSize size;
    qint64 bytes = 0; ///< estimated from one sample frame encoded as the export would
};

/// Frames, frame size and an estimate of the bytes for exporting `trace` with `options` as a GIF
/// (`gif`) or as PNG frames. Renders and encodes one sample frame (the middle one of the range);
/// needs a QGuiApplication (fonts). Thread-safe: touches no shared state.
AnimationEstimate estimateAnimation(const Trace &trace, const AnimationOptions &options, bool gif);

/// Called after each frame with the frames done and the total; returning false cancels the
/// export (nothing is left behind for a GIF; PNG frames already written stay).
using AnimationProgress = std::function<bool(int done, int total)>;

/// Writes the frames of `trace` exactly as the stage shows them (one frame per step, frame i
/// showing step firstStep + i): an animated GIF (giflib) when `path` ends in .gif, otherwise
/// numbered PNGs `frame_000.png`… in the folder `path` (created if needed). Writes are atomic.
/// Returns an error message, empty on success ("cancelled" when `progress` stopped it). Needs a
/// QGuiApplication (fonts) but no GUI thread: dialogs run it on a worker thread.
QString exportAnimation(const Trace &trace, const QString &path, const AnimationOptions &options,
                        const AnimationProgress &progress = {});

/// All steps with `frameMs` between frames at `size` (invalid: the preferred size).
QString exportAnimation(const Trace &trace, const QString &path, int frameMs = 700,
                        QSize size = {});

/// The name of PNG frame `index` of `count`: "frame_007.png", zero-padded to at least three
/// digits and to as many as the last index needs ("frame_0042.png" of 1200 frames). Frames of
/// an earlier, longer export named this way are removed from the folder.
QString frameFileName(int index, int count);

} // namespace poolviz
