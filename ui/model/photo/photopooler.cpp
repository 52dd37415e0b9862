#include "photopooler.h"

#include "coremessage.h"
#include "geometry.h"
#include "imageio.h"
#include "pool.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace poolviz {

namespace {

/// The geometries of levels 1..n, stopping at the first level the parameters cannot pool.
struct PyramidPlan
{
    std::vector<Geometry> levels;
    QString error; ///< level 1 impossible
    QString note;  ///< a later level impossible
};

PyramidPlan planPyramid(const PoolParams &params, int h, int w, int levels, const QString &name)
{
    PyramidPlan plan;
    for (int level = 1; level <= levels; ++level) {
        Geometry g = computeGeometry(params, h, w);
        if (!g.ok()) {
            const QString why = coreMessageText(g.validation.errors);
            if (level == 1)
                plan.error = PhotoPooler::tr("%1 cannot pool the %2×%3 photo: %4")
                                 .arg(name)
                                 .arg(h)
                                 .arg(w)
                                 .arg(why);
            else
                plan.note = PhotoPooler::tr("%1 stops at level %2: level %3 would pool %4×%5, "
                                            "but %6")
                                .arg(name)
                                .arg(level - 1)
                                .arg(level)
                                .arg(h)
                                .arg(w)
                                .arg(why);
            break;
        }
        h = g.outH();
        w = g.outW();
        plan.levels.push_back(std::move(g));
    }
    return plan;
}

/// Counts work done (input values pooled) and asks the progress callback whether to go on.
class WorkCounter
{
public:
    WorkCounter(double total, const PhotoPooler::Progress &progress)
        : m_total(std::max(total, 1.0)), m_progress(progress)
    {
    }
    bool proceed() const { return !m_progress || m_progress(std::min(m_done / m_total, 1.0)); }
    void add(double amount) { m_done += amount; }

private:
    double m_total;
    double m_done = 0;
    const PhotoPooler::Progress &m_progress;
};

double pyramidWork(const Tensor &input, const PyramidPlan &plan)
{
    double work = 0;
    for (const Geometry &g : plan.levels)
        work += double(g.inH()) * g.inW() * input.planeCount();
    return work;
}

/// The photo's channels as bytes when they are whole numbers 0–255 (an 8-bit photo), else null.
/// Converted once per photo: the bytes of the last photo asked for are kept.
std::shared_ptr<const ByteTensor> photoBytes(const std::shared_ptr<const Tensor> &photo)
{
    static std::mutex mutex;
    static std::weak_ptr<const Tensor> lastPhoto;
    static std::shared_ptr<const ByteTensor> lastBytes;
    const std::lock_guard lock(mutex);
    if (lastPhoto.lock() != photo) {
        std::optional<ByteTensor> bytes = exactBytes(*photo);
        lastPhoto = photo;
        lastBytes = bytes ? std::make_shared<const ByteTensor>(std::move(*bytes)) : nullptr;
    }
    return lastBytes;
}

/// Pools all planes of `input` in one call (the core spreads planes and row bands over every
/// core). Max and min of 8-bit values (`bytes`, when not null) pool the bytes without widening
/// them, and leave the pooled bytes in `bytes` for the next level; otherwise `bytes` becomes
/// null. A stop is honoured before the call; the call itself takes milliseconds.
std::optional<Tensor> poolPlanes(const Tensor &input, std::shared_ptr<const ByteTensor> &bytes,
                                 const PoolParams &params, WorkCounter &counter)
{
    if (!counter.proceed())
        return std::nullopt;
    Tensor values;
    if (bytes && bytesPoolable(params, input.h(), input.w())) {
        auto pooled = std::make_shared<ByteTensor>();
        forwardBytes(*bytes, params, *pooled);
        values = widened(*pooled);
        bytes = std::move(pooled);
    } else {
        bytes = nullptr;
        PoolResult pooled;
        forward(input, params, pooled, false);
        values = std::move(pooled.values);
    }
    counter.add(double(input.size()));
    return values;
}

/// Pools the pyramid of `plan`; nothing when stopped.
std::optional<std::vector<PhotoLevel>> poolPyramid(const std::shared_ptr<const Tensor> &input,
                                                   const PoolParams &params,
                                                   const PyramidPlan &plan, WorkCounter &counter)
{
    std::vector<PhotoLevel> levels;
    std::shared_ptr<const Tensor> current = input;
    std::shared_ptr<const ByteTensor> bytes =
        bytesPoolable(params, input->h(), input->w()) ? photoBytes(input) : nullptr;
    PhotoMapping mapping;
    for (const Geometry &g : plan.levels) {
        std::optional<Tensor> pooled = poolPlanes(*current, bytes, params, counter);
        if (!pooled)
            return std::nullopt;
        PhotoLevel level;
        level.mapping = mapping = mapping.pooled(g);
        level.values = std::make_shared<const Tensor>(std::move(*pooled));
        // The pooled bytes, when the level was pooled as bytes, draw the same picture from a
        // quarter of the memory.
        level.image = bytes ? tensorToImage(*bytes) : tensorToImage(*level.values);
        current = level.values;
        levels.push_back(std::move(level));
    }
    return levels;
}

} // namespace

PhotoPooler::PhotoPooler(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<PhotoResult>();
    // Cancelled jobs finish their current plane before they stop; a few threads let the newest
    // job start at once meanwhile.
    m_threads.setMaxThreadCount(std::max(QThread::idealThreadCount(), 3));
}

PhotoPooler::~PhotoPooler()
{
    cancel();
    m_threads.waitForDone();
}

std::optional<PhotoResult> PhotoPooler::compute(const PhotoRequest &request,
                                                const Progress &progress)
{
    PhotoResult result;
    result.request = request;
    if (!request.input || request.input->empty()) {
        result.error = tr("There is no photo to pool.");
        return result;
    }
    const Tensor &input = *request.input;
    const int levels = std::max(request.levels, 1);
    const PyramidPlan planA = planPyramid(request.a, input.h(), input.w(), levels,
                                          request.b ? QStringLiteral("A") : tr("The pooling"));
    if (!planA.error.isEmpty()) {
        result.error = planA.error;
        return result;
    }
    PyramidPlan planB;
    if (request.b) {
        planB = planPyramid(*request.b, input.h(), input.w(), levels, QStringLiteral("B"));
        if (!planB.error.isEmpty())
            result.note = planB.error;
        else if (!planB.note.isEmpty())
            result.note = planB.note;
    }
    if (!planA.note.isEmpty())
        result.note =
            result.note.isEmpty() ? planA.note : planA.note + QLatin1Char('\n') + result.note;

    WorkCounter counter(pyramidWork(input, planA) + pyramidWork(input, planB), progress);
    std::optional<std::vector<PhotoLevel>> a =
        poolPyramid(request.input, request.a, planA, counter);
    if (!a)
        return std::nullopt;
    result.a = std::move(*a);
    if (request.b && planB.error.isEmpty()) {
        std::optional<std::vector<PhotoLevel>> b =
            poolPyramid(request.input, *request.b, planB, counter);
        if (!b)
            return std::nullopt;
        result.b = std::move(*b);
        const std::size_t both = std::min(result.a.size(), result.b.size());
        for (std::size_t i = 0; i < both; ++i) {
            if (!counter.proceed())
                return std::nullopt;
            PhotoComparison cmp;
            auto diff = std::make_shared<PhotoDifference>(
                absoluteDifference(*result.a[i].values, result.a[i].mapping, *result.b[i].values,
                                   result.b[i].mapping, input.h(), input.w()));
            cmp.stretch = diff->largest > 0 ? std::max(1.0, 255.0 / diff->largest) : 1.0;
            cmp.image = differenceImage(diff->values, cmp.stretch);
            cmp.difference = std::move(diff);
            result.diff.push_back(std::move(cmp));
        }
    }
    if (progress)
        progress(1.0);
    return result;
}

void PhotoPooler::reuseLargeBuffers()
{
#ifdef __GLIBC__
    // Neither threshold may be left to adapt: blocks of any size come from the heap and stay.
    mallopt(M_MMAP_THRESHOLD, INT_MAX);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

QImage PhotoPooler::differenceImage(const Tensor &difference, double stretch)
{
    Tensor shown = difference;
    for (float &v : shown.data())
        v = float(v * stretch);
    return tensorToImage(shown);
}

quint64 PhotoPooler::start(PhotoRequest request)
{
    dropJob();
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<PhotoResult>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, generation](int value) {
                if (generation == m_generation)
                    emit progressChanged(value);
            });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer job replaced this one
        m_watcher = nullptr;
        const QFuture<PhotoResult> future = watcher->future();
        const bool complete = !future.isCanceled() && future.resultCount() > 0;
        setBusy(false);
        if (complete) {
            PhotoResult result = future.result();
            result.generation = generation;
            emit finished(result);
        }
    });
    QFuture<PhotoResult> future = QtConcurrent::run(
        &m_threads, [request = std::move(request)](QPromise<PhotoResult> &promise) {
            promise.setProgressRange(0, 1000);
            try {
                std::optional<PhotoResult> result = compute(request, [&promise](double fraction) {
                    promise.setProgressValue(int(fraction * 1000));
                    return !promise.isCanceled();
                });
                if (result)
                    promise.addResult(std::move(*result));
            } catch (const std::exception &e) {
                PhotoResult failed;
                failed.request = request;
                failed.error = tr("Pooling failed: %1").arg(coreErrorText(e));
                promise.addResult(std::move(failed));
            }
        });
    watcher->setFuture(future);
    setBusy(true);
    emit started(generation);
    return generation;
}

void PhotoPooler::cancel()
{
    dropJob();
    setBusy(false);
}

void PhotoPooler::dropJob()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher = nullptr;
    }
    ++m_generation; // whatever is still running is stale now
}

void PhotoPooler::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace poolviz
