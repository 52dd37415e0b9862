#include "threads.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace poolviz::kernels {

namespace {

/// One parallelFor call: its tasks, handed out one at a time to the caller and to the helpers
/// that join it.
struct Job
{
    const std::function<void(int, int)> *task = nullptr;
    int tasks = 0;
    std::atomic<int> next{0};     ///< the next task to hand out
    std::atomic<int> nextId{1};   ///< the next helper's worker id (the caller is 0)
    std::mutex mutex;             ///< guards active, failure
    std::condition_variable idle; ///< signalled when the last helper leaves
    int active = 0;               ///< helpers that joined and have not left
    std::exception_ptr failure;   ///< the first exception a task threw

    /// Runs tasks until none is left; the first exception stops the others at their next task.
    void work(int worker)
    {
        try {
            for (int t = next++; t < tasks; t = next++)
                (*task)(t, worker);
        } catch (...) {
            next = tasks;
            const std::lock_guard lock(mutex);
            if (!failure)
                failure = std::current_exception();
        }
    }
};

/// Helper threads started once and kept (starting threads per call cost tens of microseconds
/// and left the caller waiting for the slowest start). A call queues one entry per helper it
/// wants; an idle helper takes an entry and joins that job. The caller works on its own job
/// too and, once no task is left, withdraws the entries nobody took and waits only for the
/// helpers that joined: it never waits for a helper to become free, so calls from several
/// threads at once, or from inside a task, cannot deadlock (a busy pool just leaves the caller
/// with more of its own tasks).
class Pool
{
public:
    ~Pool()
    {
        {
            const std::lock_guard lock(m_mutex);
            for (std::jthread &t : m_threads)
                t.request_stop();
        }
        m_wake.notify_all();
    } // the jthreads join here

    void run(Job &job, int helpers)
    {
        {
            const std::lock_guard lock(m_mutex);
            while (int(m_threads.size()) < helpers)
                m_threads.emplace_back([this](std::stop_token stop) { serve(stop); });
            for (int h = 0; h < helpers; ++h)
                m_queue.push_back(&job);
        }
        if (helpers == 1)
            m_wake.notify_one();
        else
            m_wake.notify_all();
        job.work(0);
        {
            const std::lock_guard lock(m_mutex);
            std::erase(m_queue, &job);
        }
        std::unique_lock lock(job.mutex);
        job.idle.wait(lock, [&] { return job.active == 0; });
    }

private:
    void serve(std::stop_token stop)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, stop, [&] { return !m_queue.empty(); });
            if (stop.stop_requested())
                return;
            Job *job = m_queue.front();
            m_queue.pop_front();
            // Joined while the pool's lock is held: the caller, which withdraws the entries
            // under the same lock, then sees this helper as active and waits for it.
            {
                const std::lock_guard jobLock(job->mutex);
                ++job->active;
            }
            lock.unlock();
            job->work(job->nextId++);
            {
                // Notified under the job's lock: the caller cannot return (and destroy the job)
                // before this helper has let go of it.
                const std::lock_guard jobLock(job->mutex);
                if (--job->active == 0)
                    job->idle.notify_all();
            }
            lock.lock();
        }
    }

    std::mutex m_mutex;                 ///< guards m_queue, m_threads
    std::condition_variable_any m_wake; ///< an entry was queued, or stop
    std::deque<Job *> m_queue;          ///< one entry per helper a job still wants
    std::vector<std::jthread> m_threads;
};

Pool &pool()
{
    static Pool p;
    return p;
}

} // namespace

int hardwareThreads()
{
    return std::max(1, int(std::thread::hardware_concurrency()));
}

void parallelFor(int tasks, int threads, const std::function<void(int task, int worker)> &task)
{
    threads = std::clamp(threads, 1, std::clamp(tasks, 1, kMaxThreads));
    if (threads == 1) {
        for (int t = 0; t < tasks; ++t)
            task(t, 0);
        return;
    }
    Job job;
    job.task = &task;
    job.tasks = tasks;
    pool().run(job, threads - 1);
    if (job.failure)
        std::rethrow_exception(job.failure);
}

} // namespace poolviz::kernels
