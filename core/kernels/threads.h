#pragma once

#include <functional>

namespace poolviz::kernels {

/// The most threads one parallelFor call uses (more are clamped to it).
inline constexpr int kMaxThreads = 256;

/// Runs task(t, worker) for every t in [0, tasks) on up to `threads` threads (the calling thread
/// included), each task exactly once; `worker` in [0, threads) identifies the thread so that it
/// can keep its own scratch buffers (no two threads of one call share a worker id). Returns when
/// all tasks are done; rethrows the first exception a task threw (the other threads stop taking
/// tasks). The helpers are a persistent pool of std::jthread (started on first use, grown to the
/// largest `threads` asked for, joined at exit): the core stays free of Qt and of other
/// libraries. Safe to call from several threads at once and from inside a task: a caller never
/// waits for a busy helper, it runs the tasks nobody took itself.
void parallelFor(int tasks, int threads, const std::function<void(int task, int worker)> &task);

/// The number of threads the hardware runs at once (at least 1).
int hardwareThreads();

} // namespace poolviz::kernels
