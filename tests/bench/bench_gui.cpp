// GUI latency, offscreen: how long from a parameter change on the Photo tab until the pooled image
// is painted (1 MP and 12 MP RGB photos), and how long building the trace of a 64×64 matrix takes
// (forward, backward and unpool; max, min, avg, Lp). Each figure is the median of 20 runs. A
// timing, never a test. Run: QT_QPA_PLATFORM=offscreen bench_gui

#include "photodocument.h"
#include "photopooler.h"
#include "photoview.h"
#include "photoworkspace.h"
#include "pool.h"
#include "pooldocument.h"
#include "trace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace poolviz;

namespace {

constexpr int kRuns = 20;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// A photo-like RGB image: smooth gradients plus noise.
QImage photo(int w, int h)
{
    QImage img(w, h, QImage::Format_RGB888);
    std::mt19937 gen(3);
    for (int y = 0; y < h; ++y) {
        uchar *line = img.scanLine(y);
        for (int x = 0; x < w; ++x) {
            line[3 * x] = uchar((x * 255 / w + int(gen() % 16)) & 0xff);
            line[3 * x + 1] = uchar((y * 255 / h + int(gen() % 16)) & 0xff);
            line[3 * x + 2] = uchar(((x + y) * 127 / (w + h) + int(gen() % 16)) & 0xff);
        }
    }
    return img;
}

PoolParams params(PoolMode mode, int k, int s)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

/// Milliseconds from a change of setting A to the pooled view painted with its result.
double photoLatency(int w, int h)
{
    PhotoDocument document(nullptr);
    PhotoWorkspace workspace(&document);
    workspace.resize(1280, 800);
    workspace.show();
    workspace.setProgressDelay(1000000); // no progress bar flashes into the timing
    quint64 applied = 0;
    QObject::connect(&document, &PhotoDocument::resultApplied,
                     [&](quint64 generation) { applied = generation; });
    document.setImage(photo(w, h), QStringLiteral("bench"));
    while (document.isPooling())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // Changes among the classroom settings (kernel 2 or 3, stride 2; max, avg, min).
    const PoolParams settings[] = {params(PoolMode::Max, 3, 2), params(PoolMode::Max, 2, 2),
                                   params(PoolMode::Avg, 2, 2), params(PoolMode::Min, 2, 2)};
    std::vector<double> times;
    for (int run = 0; run < kRuns; ++run) {
        const quint64 before = applied;
        QElapsedTimer timer;
        timer.start();
        document.windowDocument()->setParams(settings[run % 4], QStringLiteral("bench"));
        while (applied == before || document.isPooling())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        workspace.pooledView()->repaint(); // paint now, as the next frame would
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

double traceTime(Phase phase, const PoolParams &p)
{
    Tensor m = Tensor::matrix(64, 64);
    std::mt19937 gen(5);
    for (float &v : m.data())
        v = float(gen() % 10);
    std::vector<double> times;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Trace t = makeTrace(m, p, phase);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (t.steps.empty())
            std::printf("empty trace\n");
    }
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    PhotoPooler::reuseLargeBuffers(); // as the app does
    QApplication app(argc, argv);
    std::printf("GUI latency (offscreen, median of %d, %d threads)\n", kRuns, threadCount());
    std::printf(
        "  Photo tab, parameter change -> pooled image painted, 1 MP (1152x864):  %.1f ms\n",
        photoLatency(1152, 864));
    std::printf(
        "  Photo tab, parameter change -> pooled image painted, 12 MP (4000x3000): %.1f ms\n",
        photoLatency(4000, 3000));
    // Every mode and every phase the GUI builds (the stage animates forward, backward, unpool);
    // Lp with p = 2, the default.
    for (const auto &[name, p] : {std::pair{"max 2x2/2", params(PoolMode::Max, 2, 2)},
                                  std::pair{"max 3x3/1", params(PoolMode::Max, 3, 1)},
                                  std::pair{"min 3x3/1", params(PoolMode::Min, 3, 1)},
                                  std::pair{"avg 3x3/1", params(PoolMode::Avg, 3, 1)},
                                  std::pair{"lp 3x3/1 ", params(PoolMode::Lp, 3, 1)}}) {
        std::printf("  64x64 trace, %s: forward %5.2f ms, backward %5.2f ms, unpool %5.2f ms\n",
                    name, traceTime(Phase::Forward, p), traceTime(Phase::Backward, p),
                    traceTime(Phase::Unpool, p));
    }
    return 0;
}
