#pragma once

#include <functional>

namespace poolviz::kernels {

/// Runs task(t, worker) for every t in [0, tasks) on up to `threads` threads (the calling thread
/// included), each task exactly once; `worker` in [0, threads) identifies the thread so that it
/// can keep its own scratch buffers. Returns when all tasks are done; rethrows the first
/// exception a task threw. Plain std::jthread: the core stays free of Qt and of other libraries.
void parallelFor(int tasks, int threads, const std::function<void(int task, int worker)> &task);

/// The number of threads the hardware runs at once (at least 1).
int hardwareThreads();

} // namespace poolviz::kernels
