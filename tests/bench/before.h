#pragma once

// The pooling core of an earlier commit ("before"), compiled into its own namespace so that the
// benchmark can time it in the same run as the current core. Built only when scripts/bench.sh has
// extracted that commit's core sources (see CMakeLists.txt); the interface is plain C++ so that
// the two cores' types never meet in one translation unit.

#include <memory>

namespace bench_before {

/// One prepared operation: the input (and for backward the output gradient) already copied into
/// the earlier core's tensors, so that only the pooling is timed.
class Job;

/// mode: 0 max, 1 avg, 2 min, 3 lp (PoolMode's order). Plane data (c, h, w) in C order.
std::shared_ptr<Job> prepare(const float *data, int c, int h, int w, int mode, int kernel,
                             int stride, bool indices, bool backward);
/// Runs the job once (forward, or backward with a gradient of ones).
void run(Job &job);

} // namespace bench_before
