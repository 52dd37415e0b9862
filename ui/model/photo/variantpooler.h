#pragma once

#include "coverage.h"
#include "tensor.h"
#include "varianttiles.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace poolviz {

/// What the stride explorer pools for a photo: the photo, the setting it varies, and the axis.
struct VariantRequest
{
    std::shared_ptr<const Tensor> input; ///< (1, C, H, W), 0–255
    PoolParams params;
    VariantAxis axis = VariantAxis::Stride;
};

/// The photo tiles of one request, built off the GUI thread. Plain data.
struct VariantResult
{
    quint64 generation = 0;
    VariantRequest request;
    /// One per setting of the series; `current` left false, the summary measured and the
    /// coverage counts dropped (VariantTile::summaryText).
    std::vector<VariantTile> tiles;
};

/// Pools the stride explorer's photo tiles off the GUI thread, as PhotoPooler pools the Photo
/// tab's result (each setting through PhotoPooler::compute): each start() cancels the previous
/// job, and a job's result is delivered only if it completed and is still the latest, so a 12 MP
/// photo never freezes the window and stale tiles never replace newer ones.
class VariantPooler : public QObject
{
    Q_OBJECT

public:
    explicit VariantPooler(QObject *parent = nullptr);
    /// Cancels the running job and waits for it to stop (at its next plane).
    ~VariantPooler() override;

    /// Starts pooling `request` (cancelling any running job) and returns its generation.
    quint64 start(VariantRequest request);
    /// Cancels the running job; nothing is delivered for it.
    void cancel();
    /// True while the latest job runs.
    bool isBusy() const { return m_watcher != nullptr; }

    /// Asked between planes; returns false to stop.
    using Proceed = std::function<bool()>;
    /// The tiles of `request` on the calling thread: the series from core (poolingVariants) and
    /// each possible setting's pooled photo; a setting core refuses keeps its error. Nothing
    /// when `proceed` stopped it.
    static std::optional<std::vector<VariantTile>> compute(const VariantRequest &request,
                                                           const Proceed &proceed = {});

signals:
    /// The latest job completed.
    void finished(const poolviz::VariantResult &result);

private:
    QThreadPool m_threads;
    QFutureWatcher<VariantResult> *m_watcher = nullptr;
    quint64 m_generation = 0;
};

} // namespace poolviz

Q_DECLARE_METATYPE(poolviz::VariantResult)
