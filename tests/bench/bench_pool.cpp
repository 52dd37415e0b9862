// Pooling on a 3×2160×3840 float32 frame (a 4K RGB frame) and on a 12 MP 8-bit RGB photo, timed
// side by side in one run: PoolViz, OpenCV (when built with it) and the core of an earlier commit
// ("before", when scripts/bench.sh extracted it), single-threaded and on every core. Each time is
// the minimum over the repetitions. The "floor" of a case is the bytes it must read and write at
// the rate of a warm copy (a copy into an already-allocated buffer of a tensor's storage, huge
// pages included) measured in the same run with the same number of threads. OpenCV writes into
// memory of that kind too; the "before" core keeps its outputs in plain std::vector (ordinary
// pages), so its column measures page size as well as kernels. Run: bash scripts/bench.sh, or
// bench_pool [benchmark flags].

#include "kernels/threads.h"
#include "pool.h"

#ifdef POOLVIZ_BENCH_BEFORE
#include "before.h"
#endif
#ifdef POOLVIZ_BENCH_OPENCV
#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#endif

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace poolviz;

namespace {

constexpr int kPlanes = 3, kH = 2160, kW = 3840;
constexpr int kPhotoH = 3000, kPhotoW = 4000; // 12 MP

const Tensor &frame()
{
    static const Tensor t = [] {
        Tensor x(1, kPlanes, kH, kW);
        std::mt19937 gen(42);
        std::uniform_real_distribution<float> dist(0.0f, 255.0f);
        for (float &v : x.data())
            v = dist(gen);
        return x;
    }();
    return t;
}

/// An interleaved 8-bit RGB photo.
const std::vector<std::uint8_t> &photo()
{
    static const std::vector<std::uint8_t> p = [] {
        std::vector<std::uint8_t> x(std::size_t(kPhotoH) * kPhotoW * 3);
        std::mt19937 gen(7);
        for (auto &v : x)
            v = std::uint8_t(gen() & 0xff);
        return x;
    }();
    return p;
}

/// One row of the table.
struct Case
{
    std::string name; ///< e.g. "max 3×3/1"
    PoolMode mode;
    int kernel;
    int stride;
    bool indices = false;
    bool backward = false;
};

std::vector<Case> tableCases()
{
    std::vector<Case> cases = {
        {"max 2x2/2", PoolMode::Max, 2, 2},
        {"avg 2x2/2", PoolMode::Avg, 2, 2},
    };
    for (int k : {3, 5, 7, 15, 31}) {
        const std::string kk = std::to_string(k) + "x" + std::to_string(k) + "/1";
        cases.push_back({"max " + kk, PoolMode::Max, k, 1});
        cases.push_back({"avg " + kk, PoolMode::Avg, k, 1});
    }
    cases.push_back({"max 2x2/2 indices", PoolMode::Max, 2, 2, true});
    cases.push_back({"max 3x3/2 backward", PoolMode::Max, 3, 2, false, true});
    cases.push_back({"avg 3x3/1 backward", PoolMode::Avg, 3, 1, false, true});
    cases.push_back({"avg 2x2/2 backward", PoolMode::Avg, 2, 2, false, true});
    return cases;
}

PoolParams paramsOf(const Case &c)
{
    PoolParams p;
    p.mode = c.mode;
    p.kernel = {c.kernel, c.kernel};
    p.stride = Size2{c.stride, c.stride};
    return p;
}

/// Bytes a case must read and write at least.
double floorBytes(const Case &c)
{
    const double in = double(kPlanes) * kH * kW;
    const double out =
        double(kPlanes) * ((kH - c.kernel) / c.stride + 1) * ((kW - c.kernel) / c.stride + 1);
    if (c.backward) // read input and output gradient, write the input gradient
        return 4.0 * (2 * in + out);
    return 4.0 * (in + out) + (c.indices ? 8.0 * out : 0.0);
}

void timeIt(benchmark::State &state, const std::function<void()> &body)
{
    for (auto _ : state) {
        body();
        benchmark::ClobberMemory();
    }
}

// ---- PoolViz -------------------------------------------------------------------------------

void pooled(benchmark::State &state, const Case &c, int threads)
{
    setThreadCount(threads);
    const Tensor &in = frame();
    const PoolParams p = paramsOf(c);
    PoolResult r;
    forward(in, p, r, c.indices); // warm: the result's buffers exist before timing
    if (c.backward) {
        const Tensor grad(1, kPlanes, r.values.h(), r.values.w(), 1.0f);
        Tensor g;
        backward(in, p, grad, g); // warm: the gradient's buffer exists before timing
        timeIt(state, [&] {
            backward(in, p, grad, g);
            benchmark::DoNotOptimize(g.data().data());
        });
    } else {
        timeIt(state, [&] {
            forward(in, p, r, c.indices);
            benchmark::DoNotOptimize(r.values.data().data());
        });
    }
}

/// The floor: a copy of the frame into an already-allocated buffer of a tensor's own kind of
/// storage (Tensor::Storage, on huge pages at this size like the kernels' inputs and outputs),
/// so that the ratios compare the kernels with the best copy this machine does with the same
/// memory, not with a copy slowed by 4 KiB pages.
void warmCopy(benchmark::State &state, int threads)
{
    const Tensor &in = frame();
    Tensor::Storage out(in.size());
    const std::size_t n = in.size(), chunk = (n + 63) / 64;
    timeIt(state, [&] {
        kernels::parallelFor(64, threads, [&](int t, int) {
            const std::size_t b = std::size_t(t) * chunk, e = std::min(n, b + chunk);
            if (b < e)
                std::copy(in.data().data() + b, in.data().data() + e, out.data() + b);
        });
        benchmark::DoNotOptimize(out.data());
    });
}

/// The photo as the app pools it: 8-bit → float planes, max 2×2/2, → 8-bit (rounded, clamped).
void photoThroughFloat(benchmark::State &state, int threads)
{
    setThreadCount(threads);
    const std::vector<std::uint8_t> &src = photo();
    Tensor planes(1, 3, kPhotoH, kPhotoW);
    PoolParams p;
    PoolResult r;
    std::vector<std::uint8_t> out;
    timeIt(state, [&] {
        for (int c = 0; c < 3; ++c) {
            float *dst = planes.planeData(0, c);
            for (std::size_t i = 0; i < planes.planeSize(); ++i)
                dst[i] = float(src[3 * i + std::size_t(c)]);
        }
        forward(planes, p, r, false);
        const std::size_t n = r.values.planeSize();
        out.resize(3 * n);
        for (int c = 0; c < 3; ++c) {
            const float *v = r.values.planeData(0, c);
            for (std::size_t i = 0; i < n; ++i)
                out[3 * i + std::size_t(c)] = std::uint8_t(std::clamp(std::lround(v[i]), 0L, 255L));
        }
        benchmark::DoNotOptimize(out.data());
    });
}

/// The photo's channels as the Photo tab holds them (planes, float or 8-bit), max 2×2/2: the
/// float planes pooled by `forward`, or the byte planes by `forwardBytes` (no widening).
void photoPlanes(benchmark::State &state, int threads, bool bytes)
{
    setThreadCount(threads);
    const std::vector<std::uint8_t> &src = photo();
    Tensor planes(1, 3, kPhotoH, kPhotoW);
    ByteTensor bytePlanes(1, 3, kPhotoH, kPhotoW);
    for (int c = 0; c < 3; ++c)
        for (std::size_t i = 0; i < planes.planeSize(); ++i) {
            planes.planeData(0, c)[i] = float(src[3 * i + std::size_t(c)]);
            bytePlanes.planeData(0, c)[i] = src[3 * i + std::size_t(c)];
        }
    PoolParams p;
    PoolResult r;
    ByteTensor out;
    timeIt(state, [&] {
        if (bytes) {
            forwardBytes(bytePlanes, p, out);
            benchmark::DoNotOptimize(out.data().data());
        } else {
            forward(planes, p, r, false);
            benchmark::DoNotOptimize(r.values.data().data());
        }
    });
}

/// The same max 2×2/2 on the 8-bit pixels directly (no widening: max of bytes is exact).
void photoDirect(benchmark::State &state)
{
    const std::vector<std::uint8_t> &src = photo();
    const int oh = kPhotoH / 2, ow = kPhotoW / 2;
    std::vector<std::uint8_t> out(std::size_t(oh) * ow * 3);
    timeIt(state, [&] {
        for (int y = 0; y < oh; ++y) {
            const std::uint8_t *a = &src[std::size_t(2 * y) * kPhotoW * 3];
            const std::uint8_t *b = a + std::size_t(kPhotoW) * 3;
            std::uint8_t *o = &out[std::size_t(y) * ow * 3];
            for (int x = 0; x < ow; ++x)
                for (int c = 0; c < 3; ++c) {
                    const int i = 6 * x + c;
                    o[3 * x + c] = std::max(std::max(a[i], a[i + 3]), std::max(b[i], b[i + 3]));
                }
        }
        benchmark::DoNotOptimize(out.data());
    });
}

// ---- OpenCV --------------------------------------------------------------------------------

#ifdef POOLVIZ_BENCH_OPENCV
/// Max/min as cv::dilate + subsampling, average as cv::blur or cv::resize(INTER_AREA), per plane.
bool opencvSupports(const Case &c)
{
    return !c.indices && !c.backward && (c.mode == PoolMode::Max || c.mode == PoolMode::Avg) &&
           (c.stride == 1 || c.kernel == c.stride);
}

void opencv(benchmark::State &state, const Case &c, int threads)
{
    cv::setNumThreads(threads);
    Tensor &in = const_cast<Tensor &>(frame());
    const int oh = (kH - c.kernel) / c.stride + 1, ow = (kW - c.kernel) / c.stride + 1;
    // OpenCV writes into memory of the same kind as PoolViz's outputs (huge pages included): a
    // Mat of the right size and type over it is kept by cv::blur, cv::dilate and cv::resize.
    std::vector<Tensor::Storage> tmpMem(kPlanes), outMem(kPlanes);
    std::vector<cv::Mat> tmp(kPlanes), out(kPlanes);
    for (std::size_t p = 0; p < std::size_t(kPlanes); ++p) {
        tmpMem[p].resize(std::size_t(kH) * kW);
        outMem[p].resize(std::size_t(oh) * ow);
        tmp[p] = cv::Mat(kH, kW, CV_32F, tmpMem[p].data());
        out[p] = cv::Mat(oh, ow, CV_32F, outMem[p].data());
    }
    const cv::Mat box = cv::getStructuringElement(cv::MORPH_RECT, {c.kernel, c.kernel});
    timeIt(state, [&] {
        for (int p = 0; p < kPlanes; ++p) {
            const cv::Mat src(kH, kW, CV_32F, in.planeData(0, p));
            cv::Mat &t = tmp[std::size_t(p)], &o = out[std::size_t(p)];
            if (c.mode == PoolMode::Avg) {
                if (c.stride == 1)
                    cv::blur(src, t, {c.kernel, c.kernel});
                else
                    cv::resize(src, o, {ow, oh}, 0, 0, cv::INTER_AREA);
                continue;
            }
            cv::dilate(src, t, box);
            if (c.stride > 1)
                for (int y = 0; y < oh; ++y) {
                    const float *row = t.ptr<float>(y * c.stride);
                    float *dst = o.ptr<float>(y);
                    for (int x = 0; x < ow; ++x)
                        dst[x] = row[x * c.stride];
                }
        }
        benchmark::DoNotOptimize(tmp[0].data);
    });
    for (std::size_t p = 0; p < std::size_t(kPlanes); ++p)
        if (tmp[p].data != reinterpret_cast<uchar *>(tmpMem[p].data()) ||
            out[p].data != reinterpret_cast<uchar *>(outMem[p].data()))
            state.SkipWithError("OpenCV reallocated its output: not the same memory as PoolViz's");
}

void opencvPhoto(benchmark::State &state, int threads)
{
    cv::setNumThreads(threads);
    std::vector<std::uint8_t> &src = const_cast<std::vector<std::uint8_t> &>(photo());
    const cv::Mat img(kPhotoH, kPhotoW, CV_8UC3, src.data());
    ByteTensor::Storage tMem(std::size_t(kPhotoH) * kPhotoW * 3),
        oMem(std::size_t(kPhotoH / 2) * (kPhotoW / 2) * 3);
    cv::Mat t(kPhotoH, kPhotoW, CV_8UC3, tMem.data()),
        o(kPhotoH / 2, kPhotoW / 2, CV_8UC3, oMem.data());
    const cv::Mat box = cv::getStructuringElement(cv::MORPH_RECT, {2, 2});
    timeIt(state, [&] {
        cv::dilate(img, t, box);
        cv::resize(t, o, o.size(), 0, 0, cv::INTER_NEAREST);
        benchmark::DoNotOptimize(o.data);
    });
    if (t.data != tMem.data() || o.data != oMem.data())
        state.SkipWithError("OpenCV reallocated its output: not the same memory as PoolViz's");
}
#endif

/// Collects the minimum real time per iteration of each benchmark over its repetitions; prints
/// the machine context (CPUs, caches, load) as Google Benchmark does.
class MinReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &r : runs) {
            if (r.run_type != Run::RT_Iteration || r.error_occurred)
                continue;
            const double t = r.GetAdjustedRealTime(), c = r.GetAdjustedCPUTime();
            auto [it, inserted] = m_times.emplace(r.run_name.function_name, t);
            if (!inserted)
                it->second = std::min(it->second, t);
            auto [ct, cinserted] = m_cpu.emplace(r.run_name.function_name, c);
            if (!cinserted)
                ct->second = std::min(ct->second, c);
        }
        // The table at the end replaces the per-run lines: one dot per run shows progress.
        std::fputc('.', stderr);
    }
    /// Milliseconds, or a negative number when the benchmark did not run.
    double ms(const std::string &name) const
    {
        const auto it = m_times.find(name);
        return it == m_times.end() ? -1.0 : it->second;
    }

    /// The process's CPU time per iteration (all threads), minimum over the repetitions.
    double cpuMs(const std::string &name) const
    {
        const auto it = m_cpu.find(name);
        return it == m_cpu.end() ? -1.0 : it->second;
    }

private:
    std::map<std::string, double> m_times;
    std::map<std::string, double> m_cpu;
};

std::string cell(double v, const char *fmt)
{
    if (!(v > 0) || !std::isfinite(v))
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

void reg(const std::string &name, const std::function<void(benchmark::State &)> &fn)
{
    benchmark::RegisterBenchmark(name.c_str(), fn)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    frame();
    photo();
    const int all = kernels::hardwareThreads();
    std::vector<int> threadCounts{1};
    if (all > 1)
        threadCounts.push_back(all);
    const std::vector<Case> cases = tableCases();
    for (int t : threadCounts) {
        const std::string ts = "/t" + std::to_string(t);
        reg("copy" + ts, [t](benchmark::State &s) { warmCopy(s, t); });
        for (const Case &c : cases) {
            reg("poolviz/" + c.name + ts, [c, t](benchmark::State &s) { pooled(s, c, t); });
#ifdef POOLVIZ_BENCH_OPENCV
            if (opencvSupports(c))
                reg("opencv/" + c.name + ts, [c, t](benchmark::State &s) { opencv(s, c, t); });
#endif
#ifdef POOLVIZ_BENCH_BEFORE
            if (t == 1) { // the earlier core is single-threaded
                reg("before/" + c.name + ts, [c](benchmark::State &s) {
                    const Tensor &in = frame();
                    auto job = bench_before::prepare(in.data().data(), kPlanes, kH, kW, int(c.mode),
                                                     c.kernel, c.stride, c.indices, c.backward);
                    timeIt(s, [&] { bench_before::run(*job); });
                });
            }
#endif
        }
        reg("poolviz/photo u8 max 2x2/2" + ts,
            [t](benchmark::State &s) { photoThroughFloat(s, t); });
        reg("floatplanes/photo u8 max 2x2/2" + ts,
            [t](benchmark::State &s) { photoPlanes(s, t, false); });
        reg("byteplanes/photo u8 max 2x2/2" + ts,
            [t](benchmark::State &s) { photoPlanes(s, t, true); });
#ifdef POOLVIZ_BENCH_OPENCV
        reg("opencv/photo u8 max 2x2/2" + ts, [t](benchmark::State &s) { opencvPhoto(s, t); });
#endif
    }
    reg("u8direct/photo u8 max 2x2/2/t1", [](benchmark::State &s) { photoDirect(s); });
    for (const char *mode : {"max", "avg"})
        for (int k = 3; k <= 31; k += 2) {
            const Case c{std::string(mode) + " " + std::to_string(k) + "x" + std::to_string(k) +
                             "/1",
                         mode[0] == 'm' ? PoolMode::Max : PoolMode::Avg, k, 1};
            reg("scaling/" + c.name, [c](benchmark::State &s) { pooled(s, c, 1); });
        }

    MinReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    std::printf("\n3x%dx%d float32 frame; times in ms, minimum over the repetitions.\n", kH, kW);
    std::printf("floor = bytes read and written at the warm-copy rate of the same thread count;\n"
                "vs OpenCV < 1 means PoolViz is faster; speed-up = before / PoolViz.\n\n");
    std::printf("| case | threads | PoolViz | floor | PoolViz/floor | OpenCV | PoolViz/OpenCV | "
                "before | speed-up |\n|---|---|---|---|---|---|---|---|---|\n");
    const double inBytes = 4.0 * kPlanes * kH * kW;
    for (int t : threadCounts) {
        const std::string ts = "/t" + std::to_string(t);
        const double copy = reporter.ms("copy" + ts);
        const double rate = copy > 0 ? 2.0 * inBytes / copy : -1; // bytes per ms
        for (const Case &c : cases) {
            const double pv = reporter.ms("poolviz/" + c.name + ts);
            const double fl = rate > 0 ? floorBytes(c) / rate : -1;
            const double cv = reporter.ms("opencv/" + c.name + ts);
            const double bf = reporter.ms("before/" + c.name + ts);
            std::printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", c.name.c_str(), t,
                        cell(pv, "%.1f").c_str(), cell(fl, "%.1f").c_str(),
                        cell(pv / fl, "%.2fx").c_str(), cell(cv, "%.1f").c_str(),
                        cell(cv > 0 ? pv / cv : -1, "%.2f").c_str(), cell(bf, "%.1f").c_str(),
                        cell(bf > 0 ? bf / pv : -1, "%.1fx").c_str());
        }
        std::printf("| warm copy | %d | %s | | | | | | |\n", t, cell(copy, "%.1f").c_str());
    }
    const double direct = reporter.ms("u8direct/photo u8 max 2x2/2/t1");
    std::printf("\n12 MP 8-bit RGB photo, max 2x2/2 (8-bit in, 8-bit out):\n");
    for (int t : threadCounts) {
        const std::string ts = "/t" + std::to_string(t);
        const double pv = reporter.ms("poolviz/photo u8 max 2x2/2" + ts);
        std::printf("  %d thread(s): through float %s ms, OpenCV %s ms", t,
                    cell(pv, "%.1f").c_str(),
                    cell(reporter.ms("opencv/photo u8 max 2x2/2" + ts), "%.1f").c_str());
        if (t == 1)
            std::printf(", direct 8-bit loop %s ms, float path / 8-bit = %s",
                        cell(direct, "%.1f").c_str(),
                        cell(direct > 0 ? pv / direct : -1, "%.2fx").c_str());
        const double fp = reporter.ms("floatplanes/photo u8 max 2x2/2" + ts);
        const double bp = reporter.ms("byteplanes/photo u8 max 2x2/2" + ts);
        std::printf(
            "\n    planes as the Photo tab holds them: float %s ms, 8-bit (forwardBytes) %s "
            "ms, float / 8-bit = %s",
            cell(fp, "%.1f").c_str(), cell(bp, "%.1f").c_str(),
            cell(bp > 0 ? fp / bp : -1, "%.2fx").c_str());
        std::printf("\n");
    }
    std::printf("\nKernel scaling, stride 1, one thread (ms; ratio to k = 3):\n");
    for (const char *mode : {"max", "avg", "max cpu", "avg cpu"}) {
        const bool cpu = std::string(mode).size() > 3;
        const std::string m = std::string(mode).substr(0, 3);
        const auto ms = [&](const std::string &name) {
            return cpu ? reporter.cpuMs(name) : reporter.ms(name);
        };
        const double k3 = ms("scaling/" + m + " 3x3/1");
        std::printf("  %s:", mode);
        for (int k = 3; k <= 31; k += 2) {
            const double v =
                ms("scaling/" + m + " " + std::to_string(k) + "x" + std::to_string(k) + "/1");
            std::printf(" k%d %s", k, cell(v, "%.1f").c_str());
        }
        const double k31 = ms("scaling/" + m + " 31x31/1");
        std::printf("  (k31/k3 = %s)\n", cell(k3 > 0 ? k31 / k3 : -1, "%.2f").c_str());
    }
    benchmark::Shutdown();
    return 0;
}
