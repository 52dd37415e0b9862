#pragma once

#include "trace.h"

#include <QSize>
#include <QString>

namespace poolviz {

/// Writes the frames of `trace` exactly as the stage shows them (exactly one frame per step,
/// frame i showing step i): an animated GIF (giflib) when `path` ends in .gif, otherwise
/// numbered PNGs `frame_000.png`… in the folder `path` (created if needed). `frameMs` is the
/// delay between frames. Writes are atomic. Returns an error message, empty on success.
/// An invalid `size` means StageRenderer::preferredSize(). Needs a QGuiApplication (fonts).
QString exportAnimation(const Trace &trace, const QString &path, int frameMs = 700,
                        QSize size = {});

/// The name of PNG frame `index` of `count`: "frame_007.png", zero-padded to at least three
/// digits and to as many as the last index needs ("frame_0042.png" of 1200 frames). Frames of
/// an earlier, longer export named this way are removed from the folder.
QString frameFileName(int index, int count);

} // namespace poolviz
