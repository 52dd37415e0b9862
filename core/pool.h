#pragma once

#include "geometry.h"
#include "tensor.h"

#include <optional>

namespace poolviz {

/// The forward pass: pooled values and, for max and min, PyTorch's argmax indices (`h·W + w`
/// within each (n, c) plane; −1 where a window has no in-bounds tap).
struct [[nodiscard]] PoolResult
{
    Tensor values;
    IndexTensor indices; ///< empty for avg and lp
    Geometry geometry;
};

/// Thrown by the pooling functions when parameters or shapes are invalid; `what()` is the
/// readable message naming the numbers. Errors that reach the GUI are thrown with their messages,
/// so that it can show them translated (`messages()`; empty for the others).
class PoolError : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;
    /// `what()` is the messages' English texts joined with "; ".
    explicit PoolError(std::vector<Message> messages)
        : std::invalid_argument(joinedText(messages)), m_messages(std::move(messages))
    {
    }
    explicit PoolError(Message message) : PoolError(std::vector<Message>{std::move(message)}) {}

    const std::vector<Message> &messages() const { return m_messages; }

private:
    std::vector<Message> m_messages;
};

/// What `error` says, as messages with ids: a PoolError's messages, a TensorSizeError's message,
/// else its what() as an InternalError (verbatim).
std::vector<Message> errorMessages(const std::exception &error);

/// Pools every (n, c) plane of `input`. Throws PoolError when `validate` reports errors.
/// Max: padding acts as −∞, ties go to the first tap in row-major order, NaN propagates (index of
/// the last NaN scanned), no in-bounds tap gives −∞. Min: −max(−x). Avg: PyTorch's divisor.
/// Lp: (Σ|x|^p)^(1/p) over in-input taps. Adaptive and global as in DESIGN.md.
/// `withIndices` = false skips the argmax (values only, faster).
[[nodiscard]] PoolResult forward(const Tensor &input, const PoolParams &params,
                                 bool withIndices = true);

/// The same into `result`, reusing its tensors' memory when their shapes already fit (a GUI or
/// a benchmark pooling again with the same sizes allocates nothing). `result.indices` is left
/// empty for avg and lp or when `withIndices` is false.
void forward(const Tensor &input, const PoolParams &params, PoolResult &result,
             bool withIndices = true);

/// The same with `geometry` already computed for this input: `computeGeometry(params,
/// input.h(), input.w())` of the parameters to pool with, which it carries. Saves computing it
/// again. Throws PoolError when the geometry reports errors or was made for another plane size.
PoolResult forward(const Tensor &input, const Geometry &geometry, bool withIndices = true);
/// The same into `result` (see above), reusing its tensors' memory.
void forward(const Tensor &input, const Geometry &geometry, PoolResult &result,
             bool withIndices = true);

/// Whether `forwardBytes` pools an input of h × w with `params`: max or min, valid parameters,
/// and every window holding at least one input cell (an empty window's −∞ or +∞ has no 8-bit
/// value).
bool bytesPoolable(const PoolParams &params, int h, int w);

/// Max or min pooling of 8-bit planes (a photo's channels) without widening them to float: the
/// result of a window is one of its values, so it equals `forward` of the same values as floats
/// bit for bit, at a quarter of the memory traffic. Reuses `values` when its shape fits. Throws
/// PoolError, naming the reason, when `bytesPoolable` is false.
void forwardBytes(const ByteTensor &input, const PoolParams &params, ByteTensor &values);

/// The values of `t` as bytes when every one is a whole number 0…255 (an 8-bit photo's
/// channels), else nothing. One pass, stopping at the first value that is not a byte.
std::optional<ByteTensor> exactBytes(const Tensor &t);
/// Bytes widened to floats, same shape and rank.
Tensor widened(const ByteTensor &t);

/// How many threads pooling (forward and backward) may use: `threads` ≥ 1, or 0 (the default)
/// for every core the hardware runs at once. Planes and bands of output rows are spread over
/// them; the results do not depend on the count. Thread-safe.
void setThreadCount(int threads);
/// The thread count in effect (≥ 1): the one set, or every core.
int threadCount();

/// The input gradient for upstream gradient `gradOutput` (the shape of the forward output).
/// Max/min add g at the argmax; avg adds g/divisor to every in-input tap; lp uses
/// ∂y/∂x = sign(x)·|x|^(p−1)·y^(1−p) (0 where y = 0); overlapping windows accumulate.
[[nodiscard]] Tensor backward(const Tensor &input, const PoolParams &params,
                              const Tensor &gradOutput);
/// The same with `geometry` already computed for this input (see forward).
[[nodiscard]] Tensor backward(const Tensor &input, const Geometry &geometry,
                              const Tensor &gradOutput);
/// The same into `grad`, reusing its memory when its shape already fits (a GUI or a benchmark
/// taking the gradient again with the same sizes allocates nothing); every cell is written.
/// Planes and bands of input rows are spread over `threadCount()` threads; the result does not
/// depend on the count.
void backward(const Tensor &input, const PoolParams &params, const Tensor &gradOutput,
              Tensor &grad);
/// The same with `geometry` already computed for this input, into `grad`.
void backward(const Tensor &input, const Geometry &geometry, const Tensor &gradOutput,
              Tensor &grad);

/// One addition to the input gradient: `amount` added at flat index `index` (h·W + w).
struct GradientShare
{
    std::int64_t index = 0;
    float amount = 0;
    friend bool operator==(const GradientShare &, const GradientShare &) = default;
};

/// What the window of output (outRow, outCol) adds to the input gradient of `plane` (a rank-2
/// tensor) for upstream gradient `upstream`, in tap order: exactly the amounts `backward` adds
/// for that window (max/min: `upstream` at the argmax of `pooled`, nothing without one; avg:
/// upstream / divisor at every in-input tap; lp: the derivative times `upstream`). `pooled` is
/// `forward(plane, params)` with indices. O(taps of the window).
std::vector<GradientShare> windowGradient(const Tensor &plane, const PoolResult &pooled, int outRow,
                                          int outCol, float upstream);

/// MaxUnpool2d: scatters `pooled` to `indices` in a zero plane of outH × outW per (n, c).
/// Throws PoolError for shape mismatch or an index outside the plane.
Tensor maxUnpool(const Tensor &pooled, const IndexTensor &indices, int outH, int outW);

/// The default max-unpool size along an axis: (in−1)·s − pb − pe + k, in 64-bit (it may exceed
/// `int` or be < 1; the caller refuses such sizes).
std::int64_t defaultUnpoolSize(int pooledSize, int kernel, int stride, int padBefore, int padAfter);

/// Average-unpool: spreads each pooled value evenly over the in-input taps of its window of an
/// outH × outW plane pooled with `params` (seed 001's unpoolingAvg when windows tile the input).
Tensor avgUnpool(const Tensor &pooled, const PoolParams &params, int outH, int outW);

} // namespace poolviz
