#include "threads.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace poolviz::kernels {

int hardwareThreads()
{
    return std::max(1, int(std::thread::hardware_concurrency()));
}

void parallelFor(int tasks, int threads, const std::function<void(int task, int worker)> &task)
{
    threads = std::clamp(threads, 1, std::max(tasks, 1));
    if (threads == 1) {
        for (int t = 0; t < tasks; ++t)
            task(t, 0);
        return;
    }
    std::atomic<int> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&](int worker) {
        try {
            for (int t = next++; t < tasks; t = next++)
                task(t, worker);
        } catch (...) {
            next = tasks; // the others stop at their next task
            const std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> helpers;
        helpers.reserve(std::size_t(threads - 1));
        for (int w = 1; w < threads; ++w)
            helpers.emplace_back(work, w);
        work(0);
    } // the jthreads join here
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace poolviz::kernels
