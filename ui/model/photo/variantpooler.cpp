#include "variantpooler.h"

#include "photopooler.h"
#include "pool.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace poolviz {

VariantPooler::VariantPooler(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<VariantResult>();
    // A cancelled job finishes its current plane; a second thread lets the newest start at once.
    m_threads.setMaxThreadCount(2);
}

VariantPooler::~VariantPooler()
{
    cancel();
    m_threads.waitForDone();
}

std::optional<std::vector<VariantTile>> VariantPooler::compute(const VariantRequest &request,
                                                               const Proceed &proceed)
{
    std::vector<VariantTile> tiles;
    if (!request.input || request.input->empty())
        return tiles;
    const Tensor &photo = *request.input;
    for (const PoolingVariant &v :
         poolingVariants(request.params, photo.h(), photo.w(), request.axis)) {
        if (proceed && !proceed())
            return std::nullopt;
        VariantTile tile;
        tile.variant = v;
        if (v.ok()) {
            PhotoRequest one;
            one.input = request.input;
            one.a = v.params;
            const std::optional<PhotoResult> pooled =
                PhotoPooler::compute(one, [&proceed](double) { return !proceed || proceed(); });
            if (!pooled)
                return std::nullopt;
            if (!pooled->error.isEmpty() || pooled->a.empty())
                tile.error = pooled->error;
            else
                tile.pooledImage = pooled->a.front().image;
        }
        // Measured here, so the GUI thread neither copies nor scans the photo-sized map.
        tile.summaryText = VariantTilePainter::summary(tile.variant);
        std::vector<int>().swap(tile.variant.coverage.counts);
        tiles.push_back(std::move(tile));
    }
    return tiles;
}

quint64 VariantPooler::start(VariantRequest request)
{
    cancel();
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<VariantResult>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer job replaced this one
        m_watcher = nullptr;
        const QFuture<VariantResult> future = watcher->future();
        if (!future.isCanceled() && future.resultCount() > 0) {
            VariantResult result = future.result();
            result.generation = generation;
            emit finished(result);
        }
    });
    watcher->setFuture(QtConcurrent::run(
        &m_threads, [request = std::move(request)](QPromise<VariantResult> &promise) {
            VariantResult result;
            result.request = request;
            try {
                std::optional<std::vector<VariantTile>> tiles =
                    compute(request, [&promise] { return !promise.isCanceled(); });
                if (!tiles)
                    return;
                result.tiles = std::move(*tiles);
            } catch (const std::exception &e) {
                // A series core cannot even measure: one tile that says why.
                VariantTile failed;
                failed.variant.params = request.params;
                failed.variant.errors = errorMessages(e);
                result.tiles.push_back(std::move(failed));
            }
            promise.addResult(std::move(result));
        }));
    return generation;
}

void VariantPooler::cancel()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher = nullptr;
    }
    ++m_generation; // whatever is still running is stale now
}

} // namespace poolviz
