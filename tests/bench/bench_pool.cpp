// Forward pooling on a 3×2160×3840 float tensor (a 4K RGB frame), timed against a plain copy of
// the same tensor in the same run. Pooling reads the same bytes as the copy and writes fewer, so
// the copy is the natural yardstick: the program prints each pooling time as a multiple of it.
// Single-threaded. Run: bench_pool [--benchmark_repetitions=N] [--benchmark_min_time=S]

#include "pool.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>

using namespace poolviz;

namespace {

const Tensor &frame()
{
    static const Tensor t = [] {
        Tensor x(1, 3, 2160, 3840);
        std::mt19937 gen(42);
        std::uniform_real_distribution<float> dist(0.0f, 255.0f);
        for (float &v : x.data())
            v = dist(gen);
        return x;
    }();
    return t;
}

PoolParams params(PoolMode mode, int k, int s)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

void BM_Copy(benchmark::State &state)
{
    const Tensor &in = frame();
    for (auto _ : state) {
        Tensor copy = in;
        benchmark::DoNotOptimize(copy.data().data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) *
                            std::int64_t(in.size() * sizeof(float)));
}

void BM_Pool(benchmark::State &state, PoolMode mode, int k, int s, bool withIndices)
{
    const Tensor &in = frame();
    const PoolParams p = params(mode, k, s);
    for (auto _ : state) {
        PoolResult r = forward(in, p, withIndices);
        benchmark::DoNotOptimize(r.values.data().data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) *
                            std::int64_t(in.size() * sizeof(float)));
}

/// Records the mean real time per iteration of each benchmark while printing as usual.
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &r : runs)
            if (r.run_type == Run::RT_Iteration || r.aggregate_name == "mean")
                m_times[r.run_name.function_name] = r.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    const std::map<std::string, double> &times() const { return m_times; }

private:
    std::map<std::string, double> m_times;
};

} // namespace

BENCHMARK(BM_Copy)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, max_2x2_s2, PoolMode::Max, 2, 2, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, avg_2x2_s2, PoolMode::Avg, 2, 2, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, max_3x3_s1, PoolMode::Max, 3, 1, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, avg_3x3_s1, PoolMode::Avg, 3, 1, false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, max_2x2_s2_indices, PoolMode::Max, 2, 2, true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Pool, max_3x3_s1_indices, PoolMode::Max, 3, 1, true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    frame(); // build the input before timing
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    const auto &t = reporter.times();
    const auto copy = t.find("BM_Copy");
    if (copy != t.end() && copy->second > 0) {
        std::printf(
            "\nTime as a multiple of copying the same 3x2160x3840 float tensor (%.2f ms):\n",
            copy->second);
        for (const auto &[name, time] : t)
            if (name != "BM_Copy")
                std::printf("  %-28s %6.2fx\n", name.c_str(), time / copy->second);
    }
    benchmark::Shutdown();
    return 0;
}
