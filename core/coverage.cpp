#include "coverage.h"

#include "pool.h"

#include <algorithm>

namespace poolviz {

int CoverageMap::maxCount() const
{
    return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

std::int64_t CoverageMap::skipped() const
{
    return std::count(counts.begin(), counts.end(), 0);
}

CoverageMap coverageMap(const Geometry &g, const Limits &limits)
{
    if (!g.ok())
        throw PoolError(g.validation.errors);
    const std::int64_t cells = std::int64_t(g.inH()) * g.inW();
    if (cells > limits.values)
        throw PoolError(Message{MessageId::InputTooLarge,
                                {std::to_string(g.inH()) + "\u00d7" + std::to_string(g.inW()),
                                 formatCount(double(cells), double(limits.values)),
                                 formatCount(double(limits.values))}}
                            .text());
    CoverageMap map;
    map.rows = g.inH();
    map.cols = g.inW();
    map.counts.reserve(std::size_t(cells));
    for (int r = 0; r < map.rows; ++r)
        for (int c = 0; c < map.cols; ++c)
            map.counts.push_back(g.coverage(r, c));
    return map;
}

std::vector<PoolingVariant> poolingVariants(const PoolParams &params, int inH, int inW,
                                            VariantAxis axis, const Limits &limits)
{
    std::vector<PoolingVariant> series;
    if (params.isAdaptive())
        return series;
    const int largest = std::max(params.kernel.h, params.kernel.w) + 1;
    for (int n = 1; n <= largest; ++n) {
        PoolingVariant v;
        v.params = params;
        if (axis == VariantAxis::Stride)
            v.params.stride = Size2{n, n};
        else
            v.params.kernel = Size2{n, n};
        const Geometry g = computeGeometry(v.params, inH, inW, limits);
        if (!g.ok()) {
            v.errors = g.validation.errors;
        } else {
            try {
                v.coverage = coverageMap(g, limits);
                v.outH = g.outH();
                v.outW = g.outW();
            } catch (const PoolError &e) {
                v.errors = errorMessages(e);
            }
        }
        series.push_back(std::move(v));
    }
    return series;
}

} // namespace poolviz
