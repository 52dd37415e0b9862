// The thread pool behind every parallel loop of the core (core/kernels/threads.h): each task runs
// exactly once with a worker id of its own thread, the first exception reaches the caller, calls
// from inside a task and from two threads at once (the GUI pools from worker threads) finish,
// and pooling gives the same bits on 1…N threads while another thread pools too.

#include "kernels/threads.h"
#include "pool.h"
#include "testutil.h"

#include <QTest>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace poolviz;
using poolviz::kernels::parallelFor;
using poolviz::test::sameFloat;

namespace {

/// Runs `body` on a thread of its own and says whether it returned; a deadlock aborts the suite
/// with a message after a minute instead of hanging it (a hung thread could not be joined, nor
/// the pool's helpers at exit). `body` must own what it uses.
bool finishes(std::function<void()> body)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> result = done->get_future();
    std::thread([body = std::move(body), done] {
        try {
            body();
            done->set_value();
        } catch (...) {
            done->set_exception(std::current_exception());
        }
    }).detach();
    if (result.wait_for(std::chrono::seconds(60)) != std::future_status::ready)
        qFatal("a parallelFor call did not return within a minute: deadlock");
    result.get(); // rethrows what the body threw
    return true;
}

/// `x` after `steps` steps of Knuth's MMIX linear congruential generator.
std::uint64_t lcg(std::uint64_t x, int steps)
{
    for (int i = 0; i < steps; ++i)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x;
}

/// A 3×301×257 input with values spread over −50…50.
Tensor randomInput()
{
    Tensor input(1, 3, 301, 257);
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> dist(-50.0f, 50.0f);
    for (float &v : input.data())
        v = dist(rng);
    return input;
}

PoolParams paramsOf(PoolMode mode, int kernel, int stride)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    p.padding = {kernel / 2, kernel / 2, kernel / 2, kernel / 2};
    return p;
}

bool sameBits(const Tensor &a, const Tensor &b)
{
    if (a.shape() != b.shape())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameFloat(a.data()[i], b.data()[i]))
            return false;
    return true;
}

} // namespace

class TestThreads : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { setThreadCount(0); }
    void everyTaskOnce_data();
    void everyTaskOnce();
    void exceptionReachesCaller_data();
    void exceptionReachesCaller();
    void nestedCallsFinish();
    void callsFromTwoThreadsFinish();
    void manyShortCallsFinish();
    void poolingWhileAnotherThreadPools();
};

void TestThreads::everyTaskOnce_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("threads");
    QTest::newRow("no task") << 0 << 2;
    QTest::newRow("one task, four threads") << 1 << 4;
    QTest::newRow("fewer tasks than threads") << 3 << 8;
    QTest::newRow("5 tasks, 2 threads") << 5 << 2;
    QTest::newRow("1000 tasks, 2 threads") << 1000 << 2;
    QTest::newRow("1000 tasks, 3 threads") << 1000 << 3;
    QTest::newRow("997 tasks, 8 threads") << 997 << 8;
    QTest::newRow("threads clamped to 256") << 300 << 100000;
}

void TestThreads::everyTaskOnce()
{
    QFETCH(int, tasks);
    QFETCH(int, threads);
    std::vector<std::atomic<int>> runs(std::size_t(std::max(tasks, 0)));
    std::vector<std::uint64_t> results(runs.size());
    std::mutex mutex;
    std::map<int, std::thread::id> threadOf; // worker id → the one thread that used it
    bool shared = false, outOfRange = false;
    parallelFor(tasks, threads, [&](int task, int worker) {
        ++runs[std::size_t(task)];
        {
            const std::lock_guard lock(mutex);
            outOfRange |= worker < 0 || worker >= std::min(threads, kernels::kMaxThreads);
            const auto [it, added] = threadOf.emplace(worker, std::this_thread::get_id());
            shared |= !added && it->second != std::this_thread::get_id();
        }
        // Some work (tens of microseconds), so that the helpers take tasks before the caller
        // has done them all.
        results[std::size_t(task)] = lcg(std::uint64_t(task), 20000);
    });
    for (int t = 0; t < tasks; ++t) {
        QCOMPARE(runs[std::size_t(t)].load(), 1);
        QCOMPARE(results[std::size_t(t)], lcg(std::uint64_t(t), 20000));
    }
    QVERIFY2(!outOfRange, "a worker id outside [0, threads)");
    QVERIFY2(!shared, "two threads of one call shared a worker id");
}

void TestThreads::exceptionReachesCaller_data()
{
    QTest::addColumn<int>("failing");
    QTest::addColumn<int>("threads");
    QTest::newRow("first task, 1 thread") << 0 << 1;
    QTest::newRow("first task, 2 threads") << 0 << 2;
    QTest::newRow("task 517, 2 threads") << 517 << 2;
    QTest::newRow("last task, 4 threads") << 999 << 4;
}

void TestThreads::exceptionReachesCaller()
{
    QFETCH(int, failing);
    QFETCH(int, threads);
    std::atomic<int> ran{0};
    QString what;
    try {
        parallelFor(1000, threads, [&](int task, int) {
            ++ran;
            if (task == failing)
                throw std::runtime_error("task " + std::to_string(task) + " failed");
        });
        QFAIL("the task's exception did not reach the caller");
    } catch (const std::runtime_error &e) {
        what = QString::fromUtf8(e.what());
    }
    QCOMPARE(what, QStringLiteral("task %1 failed").arg(failing));
    QVERIFY(ran.load() >= 1 && ran.load() <= 1000);
    // The pool is whole afterwards: the next call runs every task.
    std::atomic<int> after{0};
    parallelFor(100, threads, [&](int, int) { ++after; });
    QCOMPARE(after.load(), 100);
}

void TestThreads::nestedCallsFinish()
{
    // Every outer task pools again on all threads, as a parallel export step pooling a frame
    // would: the inner calls find the helpers busy and must not wait for them.
    auto sum = std::make_shared<std::atomic<std::int64_t>>(0);
    QVERIFY(finishes([sum] {
        parallelFor(8, 4, [&](int outer, int) {
            parallelFor(50, 4, [&](int inner, int) {
                parallelFor(3, 2, [&](int innermost, int) {
                    *sum += std::int64_t(outer) * 10000 + inner * 10 + innermost;
                });
            });
        });
    }));
    // Σ over outer 0…7, inner 0…49, innermost 0…2 of outer·10⁴ + inner·10 + innermost.
    const std::int64_t expected = 150LL * 28 * 10000 + 24LL * 1225 * 10 + 400LL * 3;
    QCOMPARE(sum->load(), expected);
}

void TestThreads::callsFromTwoThreadsFinish()
{
    // Two threads (the window's and a pooling worker's) each make many calls at once.
    auto sums = std::make_shared<std::array<std::atomic<std::int64_t>, 2>>();
    QVERIFY(finishes([sums] {
        auto caller = [sums](int which) {
            for (int call = 0; call < 300; ++call)
                parallelFor(16, 2, [&](int task, int) { (*sums)[std::size_t(which)] += task; });
        };
        std::jthread other(caller, 1);
        caller(0);
    }));
    QCOMPARE((*sums)[0].load(), 300LL * 120);
    QCOMPARE((*sums)[1].load(), 300LL * 120);
}

void TestThreads::manyShortCallsFinish()
{
    // Thousands of calls with barely any work: a lost wake-up or a helper still holding a
    // finished call would hang or corrupt a later one.
    auto total = std::make_shared<std::atomic<std::int64_t>>(0);
    QVERIFY(finishes([total] {
        for (int call = 0; call < 5000; ++call)
            parallelFor(2 + call % 3, 2 + call % 2, [&](int task, int) { *total += task + 1; });
    }));
    // Calls with 2, 3, 4 tasks in turn add 3, 6, 10.
    std::int64_t expected = 0;
    for (int call = 0; call < 5000; ++call) {
        const int n = 2 + call % 3;
        expected += n * (n + 1) / 2;
    }
    QCOMPARE(total->load(), expected);
}

void TestThreads::poolingWhileAnotherThreadPools()
{
    // On 1…N+3 threads, one thread pools max (values, indices and the gradient) while a worker
    // pools average at the same time, as the Photo tab's worker does next to the window: each
    // gives the bits it gives alone on one thread (tst_kernels checks the thread counts one call
    // at a time). Two calls sharing a worker's scratch would differ, crash or hang.
    auto differences = std::make_shared<QStringList>();
    QVERIFY(finishes([differences] {
        const Tensor input = randomInput();
        const PoolParams max = paramsOf(PoolMode::Max, 3, 1), avg = paramsOf(PoolMode::Avg, 5, 2);
        setThreadCount(1);
        const PoolResult maxAlone = forward(input, max), avgAlone = forward(input, avg);
        const Tensor gradAlone = backward(input, max, maxAlone.values);
        for (int threads = 1; threads <= kernels::hardwareThreads() + 3; ++threads) {
            setThreadCount(threads);
            auto worker = std::async(std::launch::async, [&] { return forward(input, avg); });
            const PoolResult maxNow = forward(input, max);
            const Tensor gradNow = backward(input, max, maxAlone.values);
            const PoolResult avgNow = worker.get();
            const auto differs = [&](bool same, const char *what) {
                if (!same)
                    differences->append(QStringLiteral("%1 on %2 threads").arg(what).arg(threads));
            };
            differs(sameBits(maxNow.values, maxAlone.values), "max values");
            differs(maxNow.indices == maxAlone.indices, "max indices");
            differs(sameBits(gradNow, gradAlone), "max gradient");
            differs(sameBits(avgNow.values, avgAlone.values), "avg values");
        }
    }));
    QCOMPARE(*differences, QStringList());
}

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
