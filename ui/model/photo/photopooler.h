#pragma once

#include "photodifference.h"
#include "poolparams.h"
#include "tensor.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace poolviz {

/// What to pool: a photo, setting A, optionally setting B, and how many times (a pyramid).
struct PhotoRequest
{
    std::shared_ptr<const Tensor> input; ///< (1, C, H, W), 0–255
    PoolParams a;
    std::optional<PoolParams> b; ///< compare with this setting too
    int levels = 1;              ///< apply the pooling 1..levels times
};

/// One level of a pyramid: the pooled values, their picture and where they lie over the photo.
struct PhotoLevel
{
    std::shared_ptr<const Tensor> values; ///< (1, C, h, w), not rounded
    QImage image;                         ///< values rounded and clamped to 0–255
    PhotoMapping mapping;
};

/// One level of the comparison of A and B.
struct PhotoComparison
{
    std::shared_ptr<const PhotoDifference> difference;
    QImage image;       ///< |A − B| stretched so the largest difference is white
    double stretch = 1; ///< the factor applied for `image` (255 / largest, at least 1)
};

/// Everything pooled for one request. Plain data, built off the GUI thread.
struct PhotoResult
{
    quint64 generation = 0;
    PhotoRequest request;
    std::vector<PhotoLevel> a;         ///< level 1 … n of setting A
    std::vector<PhotoLevel> b;         ///< same for B (empty without a comparison)
    std::vector<PhotoComparison> diff; ///< per level present in both
    QString note;                      ///< e.g. why the pyramid stopped before the requested level
    QString error;                     ///< why nothing could be pooled (then a is empty)
};

/// Pools photos off the GUI thread. Each start() cancels the previous job; a job's result is
/// delivered only if it completed and is still the latest, so stale results never replace newer
/// ones. Pooling goes plane by plane (core `forward` on each channel), which gives the progress
/// steps and the points where a cancelled job stops.
class PhotoPooler : public QObject
{
    Q_OBJECT

public:
    explicit PhotoPooler(QObject *parent = nullptr);
    /// Cancels running jobs and waits for them to stop (at their next plane).
    ~PhotoPooler() override;

    /// Starts pooling `request` (cancelling any running job) and returns its generation.
    quint64 start(PhotoRequest request);
    /// Cancels the running job; nothing is delivered for it.
    void cancel();
    /// True while the latest job runs.
    bool isBusy() const { return m_busy; }
    /// The generation of the latest start().
    quint64 generation() const { return m_generation; }

    /// Called between planes with the fraction done (0–1); returns false to stop.
    using Progress = std::function<bool(double)>;
    /// Pools `request` on the calling thread. Returns nothing when `progress` stopped it; a
    /// result with `error` set when setting A is invalid for the photo.
    static std::optional<PhotoResult> compute(const PhotoRequest &request,
                                              const Progress &progress = {});
    /// |A − B| as a picture: every value multiplied by `stretch`, rounded, clamped to 0–255.
    static QImage differenceImage(const Tensor &difference, double stretch);

    /// Makes the C library keep large freed blocks for the next allocation rather than give
    /// them back to the system (glibc only; elsewhere nothing happens). Each parameter change
    /// on a 12 MP photo allocates tens of megabytes of planes and pictures: returned and
    /// fetched again, every page faults in and is zeroed by the kernel, which measured (bench_gui)
    /// as half of the time from a change to the painted result. Call once, at start-up; the
    /// process then keeps its peak memory.
    static void reuseLargeBuffers();

signals:
    /// A job for `generation` started.
    void started(quint64 generation);
    /// The latest job has done `permille` of its work.
    void progressChanged(int permille);
    /// The latest job completed.
    void finished(const poolviz::PhotoResult &result);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);
    void dropJob();

    QThreadPool m_threads;
    QFutureWatcher<PhotoResult> *m_watcher = nullptr;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace poolviz

Q_DECLARE_METATYPE(poolviz::PhotoResult)
