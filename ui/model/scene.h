#pragma once

#include "imageio.h"
#include "poolparams.h"
#include "tensor.h"
#include "trace.h"

#include <QByteArray>
#include <QList>
#include <QRect>
#include <QString>

namespace poolviz {

/// Which tab of the window a scene shows.
enum class SceneTab
{
    Matrix,
    Photo
};

/// The photo of a scene on the Photo tab: a file, or the image itself (embedded), and the part
/// of it that the sliding window shows.
struct ScenePhoto
{
    /// The photo's file as an absolute path once read (a lesson file stores it relative to the
    /// lesson's folder). Empty when the photo is embedded and came from no file.
    QString path;
    /// The photo as PNG bytes when it is embedded in the lesson; empty when it is read from path.
    QByteArray png;
    /// The crop the sliding window shows, in photo pixels; empty: the sliding window is closed.
    QRect crop;
    /// The channel the sliding window traces (0-based, an index into the planes `channels`
    /// gives).
    int channel = 0;
    /// How the photo becomes planes (the Photo tab's channel choice) and, in colour, whether
    /// its alpha channel is kept as a fourth plane.
    ChannelMode channels = ChannelMode::Color;
    bool keepAlpha = false;
    /// Set by the reader when neither the file nor an embedded image is there.
    bool missing = false;
    friend bool operator==(const ScenePhoto &, const ScenePhoto &) = default;
};

/// Everything on screen, as a value: the tab, the input, the upstream gradient, the parameters,
/// phase, plane and step, the photo with its crop, and the teacher's note shown on the stage.
/// A lesson file stores a list of these; capturing and restoring one is the window's job.
/// On a photo scene, input, parameters, phase, plane and step are the sliding window's: the
/// crop's pixels (all channels, `plane` the traced one) and the Photo tab's own parameters, so
/// the scene still traces (and prints in a handout) when its photo is missing.
struct Scene
{
    QString title;                   ///< the name in the scene list, e.g. "Stride 2"
    QString note;                    ///< what the teacher says, shown on the stage
    SceneTab tab = SceneTab::Matrix; ///< the tab shown
    Tensor input;                    ///< the matrix (rank 2–4); never empty in a valid scene
    QString inputDescription;        ///< what the input is ("Example: …", a file name)
    Tensor upstream;                 ///< the output gradient; empty: ones
    PoolParams params;               ///< all of PoolParams
    Phase phase = Phase::Forward;
    int plane = 0; ///< the traced plane n·C + c
    /// The step shown: 0 before the first step, n after step n (as `poolviz --step n`).
    int step = 0;
    ScenePhoto photo; ///< used when tab is Photo

    /// Every field equal; tensors bit for bit (a NaN equals a NaN), rank included.
    friend bool operator==(const Scene &a, const Scene &b);
};

/// An ordered list of scenes with a title: what a teacher prepares once and presents many times.
struct Lesson
{
    QString title;
    QList<Scene> scenes;
    friend bool operator==(const Lesson &, const Lesson &) = default;
};

} // namespace poolviz
