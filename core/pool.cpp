#include "pool.h"

#include "kernels/backwardplanes.h"
#include "kernels/lpshares.h"
#include "kernels/planepool.h"
#include "kernels/spans.h"
#include "kernels/threads.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <string>

namespace poolviz {

namespace {

using kernels::AxisSpan;

std::atomic<int> g_threads{0};

Geometry checkedGeometry(const Tensor &input, const PoolParams &params)
{
    Geometry g = computeGeometry(params, input.h(), input.w());
    if (!g.ok())
        throw PoolError(g.validation.errors);
    return g;
}

/// Throws PoolError unless `g` is valid and made for the planes of `input`.
void checkGeometry(const Tensor &input, const Geometry &g)
{
    if (!g.ok())
        throw PoolError(g.validation.errors);
    if (g.inH() != input.h() || g.inW() != input.w())
        throw PoolError("the geometry was computed for a " + formatSize(g.inH(), g.inW()) +
                        " input, not " + formatSize(input.h(), input.w()));
}

} // namespace

void forward(const Tensor &input, const PoolParams &params, PoolResult &result, bool withIndices)
{
    result.geometry = checkedGeometry(input, params);
    forward(input, result.geometry, result, withIndices);
}

std::vector<Message> errorMessages(const std::exception &error)
{
    if (const auto *pool = dynamic_cast<const PoolError *>(&error);
        pool && !pool->messages().empty())
        return pool->messages();
    if (const auto *size = dynamic_cast<const TensorSizeError *>(&error))
        return {size->message()};
    return {Message{MessageId::InternalError, {error.what()}, 1}};
}

PoolResult forward(const Tensor &input, const PoolParams &params, bool withIndices)
{
    PoolResult r;
    forward(input, params, r, withIndices);
    return r;
}

PoolResult forward(const Tensor &input, const Geometry &geometry, bool withIndices)
{
    PoolResult r;
    forward(input, geometry, r, withIndices);
    return r;
}

void forward(const Tensor &input, const Geometry &geometry, PoolResult &result, bool withIndices)
{
    checkGeometry(input, geometry);
    if (&geometry != &result.geometry)
        result.geometry = geometry;
    const Geometry &g = result.geometry;
    const PoolParams &params = g.params;
    const std::array<int, 4> shape{input.n(), input.c(), g.outH(), g.outW()};
    // Every output cell is written by the kernels: a tensor of the right shape is reused as is.
    if (!result.values.sameShape(shape))
        result.values = Tensor(shape[0], shape[1], shape[2], shape[3], 0.0f, input.rank());
    result.values.setRank(input.rank());
    const bool argmax = withIndices && params.hasArgmax();
    if (!argmax)
        result.indices = IndexTensor();
    else if (!result.indices.sameShape(shape))
        result.indices = IndexTensor(shape[0], shape[1], shape[2], shape[3], -1, input.rank());
    if (argmax)
        result.indices.setRank(input.rank());
    kernels::poolPlanes(input, g, result.values, argmax ? &result.indices : nullptr, threadCount());
}

namespace {

/// Why forwardBytes cannot pool an input of h × w with `g` (empty when it can).
std::string whyNotBytes(const Geometry &g)
{
    const PoolParams &p = g.params;
    if (!p.hasArgmax())
        return std::string("8-bit pooling is max or min only, not ") + modeName(p.mode);
    if (!g.ok())
        return g.validation.errorText();
    auto hasEmptyWindow = [](const AxisGeometry &a) {
        for (const AxisSpan &s : kernels::axisSpans(a))
            if (s.count == 0)
                return true;
        return false;
    };
    if (hasEmptyWindow(g.rows) || hasEmptyWindow(g.cols))
        return "a window lies wholly in the padding, and its " +
               std::string(p.mode == PoolMode::Max ? "\u2212\u221e" : "+\u221e") +
               " has no 8-bit value";
    return {};
}

} // namespace

bool bytesPoolable(const PoolParams &params, int h, int w)
{
    return whyNotBytes(computeGeometry(params, h, w)).empty();
}

void forwardBytes(const ByteTensor &input, const PoolParams &params, ByteTensor &values)
{
    const Geometry g = computeGeometry(params, input.h(), input.w());
    if (const std::string why = whyNotBytes(g); !why.empty())
        throw PoolError(why);
    const std::array<int, 4> shape{input.n(), input.c(), g.outH(), g.outW()};
    if (!values.sameShape(shape))
        values = ByteTensor(shape[0], shape[1], shape[2], shape[3], 0, input.rank());
    values.setRank(input.rank());
    kernels::poolBytePlanes(input, g, values, threadCount());
}

std::optional<ByteTensor> exactBytes(const Tensor &t)
{
    ByteTensor bytes(t.n(), t.c(), t.h(), t.w(), 0, t.rank());
    const float *in = t.data().data();
    std::uint8_t *out = bytes.data().data();
    // Blocks of 4096 checked branch-free (the loop vectorises), a verdict per block.
    constexpr std::size_t kBlock = 4096;
    for (std::size_t b = 0; b < t.size(); b += kBlock) {
        const std::size_t e = std::min(t.size(), b + kBlock);
        bool ok = true;
        for (std::size_t i = b; i < e; ++i) {
            const float v = in[i];
            // NaN and values outside 0…255 become 0 before the cast (converting them is UB).
            const std::uint8_t byte = std::uint8_t(v >= 0.0f && v <= 255.0f ? v : 0.0f);
            ok &= float(byte) == v; // false for NaN, fractions and values outside 0…255
            out[i] = byte;
        }
        if (!ok)
            return std::nullopt;
    }
    return bytes;
}

Tensor widened(const ByteTensor &t)
{
    Tensor floats(t.n(), t.c(), t.h(), t.w(), 0.0f, t.rank());
    // Chunks of 1 Mi values over every thread (a 12 MP photo's pooled planes are ~9 Mi).
    constexpr std::size_t kChunk = std::size_t(1) << 20;
    const std::size_t n = t.size();
    const int chunks = int((n + kChunk - 1) / kChunk);
    const std::uint8_t *in = t.data().data();
    float *out = floats.data().data();
    kernels::parallelFor(chunks, threadCount(), [&](int chunk, int) {
        const std::size_t b = std::size_t(chunk) * kChunk, e = std::min(n, b + kChunk);
        std::transform(in + b, in + e, out + b, [](std::uint8_t v) { return float(v); });
    });
    return floats;
}

void setThreadCount(int threads)
{
    g_threads = std::max(threads, 0);
}

int threadCount()
{
    const int n = g_threads;
    return n > 0 ? n : kernels::hardwareThreads();
}

Tensor backward(const Tensor &input, const PoolParams &params, const Tensor &gradOutput)
{
    Tensor grad;
    backward(input, params, gradOutput, grad);
    return grad;
}

Tensor backward(const Tensor &input, const Geometry &g, const Tensor &gradOutput)
{
    Tensor grad;
    backward(input, g, gradOutput, grad);
    return grad;
}

void backward(const Tensor &input, const PoolParams &params, const Tensor &gradOutput, Tensor &grad)
{
    backward(input, checkedGeometry(input, params), gradOutput, grad);
}

void backward(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad)
{
    checkGeometry(input, g);
    const std::array<int, 4> expected{input.n(), input.c(), g.outH(), g.outW()};
    if (gradOutput.shape() != expected) {
        const Tensor shapeOnly(expected[0], expected[1], expected[2], expected[3], 0.0f,
                               input.rank());
        throw PoolError("the output gradient has shape " + gradOutput.shapeString() +
                        " but the pooled output is " + shapeOnly.shapeString());
    }
    // Every cell is written by the kernels: a tensor of the right shape is reused as is.
    if (!grad.sameShape(input.shape()))
        grad = Tensor(input.n(), input.c(), input.h(), input.w(), 0.0f, input.rank());
    grad.setRank(input.rank());
    kernels::backwardPlanes(input, g, gradOutput, grad, threadCount());
}

std::vector<GradientShare> windowGradient(const Tensor &plane, const PoolResult &pooled, int outRow,
                                          int outCol, float upstream)
{
    const Geometry &g = pooled.geometry;
    const PoolParams &params = g.params;
    const std::size_t o = std::size_t(outRow) * std::size_t(g.outW()) + std::size_t(outCol);
    std::vector<GradientShare> shares;
    if (params.hasArgmax()) {
        if (const std::int64_t at = pooled.indices.data()[o]; at >= 0)
            shares.push_back({at, upstream});
        return shares;
    }
    // The spans of this one window: O(taps), whatever the size of the plane.
    const AxisSpan r = kernels::axisSpan(g.rows, outRow), c = kernels::axisSpan(g.cols, outCol);
    if (r.count == 0 || c.count == 0)
        return shares;
    const int W = plane.w();
    if (params.mode == PoolMode::Avg) {
        const kernels::DivisorFactors div = kernels::divisorFactors(params, {r}, {c});
        const float share = upstream / float(div.rows[0] * div.cols[0]);
        for (int i = 0; i < r.count; ++i)
            for (int j = 0; j < c.count; ++j)
                shares.push_back(
                    {std::int64_t(r.first + i * r.step) * W + c.first + j * c.step, share});
        return shares;
    }
    kernels::generic::lpShares(plane.data().data(), W, r, c, pooled.values.data()[o], upstream,
                               params.p, 0, plane.h(), [&](std::int64_t at, float amount) {
                                   shares.push_back({at, amount});
                               });
    return shares;
}

Tensor maxUnpool(const Tensor &pooled, const IndexTensor &indices, int outH, int outW)
{
    if (pooled.shape() != indices.shape())
        throw PoolError("the indices have shape " + indices.shapeString() +
                        " but the pooled values " + pooled.shapeString());
    if (outH < 1 || outW < 1)
        throw PoolError("output size " + formatSize(outH, outW) + " must be at least 1\u00d71");
    Tensor out(pooled.n(), pooled.c(), outH, outW, 0.0f, pooled.rank());
    const std::int64_t planeSize = std::int64_t(outH) * outW;
    for (int p = 0; p < pooled.planeCount(); ++p) {
        const float *v = pooled.planeData(p);
        const std::int64_t *idx = indices.planeData(p);
        float *o = out.planeData(p);
        for (std::size_t i = 0; i < pooled.planeSize(); ++i) {
            if (idx[i] < 0 || idx[i] >= planeSize) {
                const int row = int(i / std::size_t(pooled.w())),
                          col = int(i % std::size_t(pooled.w()));
                throw PoolError("index " + std::to_string(idx[i]) + " at pooled row " +
                                std::to_string(row) + ", column " + std::to_string(col) +
                                " of plane " + std::to_string(p) + " lies outside the " +
                                formatSize(outH, outW) + " output");
            }
            o[idx[i]] = v[i];
        }
    }
    return out;
}

std::int64_t defaultUnpoolSize(int pooledSize, int kernel, int stride, int padBefore, int padAfter)
{
    return (std::int64_t(pooledSize) - 1) * stride - padBefore - padAfter + kernel;
}

Tensor avgUnpool(const Tensor &pooled, const PoolParams &params, int outH, int outW)
{
    const Geometry g = computeGeometry(params, outH, outW);
    if (!g.ok())
        throw PoolError(g.validation.errors);
    if (pooled.h() != g.outH() || pooled.w() != g.outW())
        throw PoolError("the pooled input is " + formatSize(pooled.h(), pooled.w()) +
                        " but pooling a " + formatSize(outH, outW) + " plane gives " +
                        formatSize(g.outH(), g.outW()));
    // Every in-input tap of a window receives the window's value (seed 001's unpoolingAvg);
    // where windows overlap, the values are averaged; cells no window covers stay 0.
    Tensor out(pooled.n(), pooled.c(), outH, outW, 0.0f, pooled.rank());
    const std::vector<AxisSpan> rs = kernels::axisSpans(g.rows), cs = kernels::axisSpans(g.cols);
    for (int p = 0; p < pooled.planeCount(); ++p) {
        const float *v = pooled.planeData(p);
        float *o = out.planeData(p);
        for (int oy = 0; oy < g.outH(); ++oy)
            for (int ox = 0; ox < g.outW(); ++ox) {
                const AxisSpan &r = rs[std::size_t(oy)], &c = cs[std::size_t(ox)];
                for (int i = 0; i < r.count; ++i)
                    for (int j = 0; j < c.count; ++j)
                        o[(r.first + i * r.step) * outW + c.first + j * c.step] +=
                            v[oy * g.outW() + ox];
            }
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x)
                if (const int n = g.coverage(y, x); n > 1)
                    o[y * outW + x] /= float(n);
    }
    return out;
}

} // namespace poolviz
