// Property test of the pooling engine: thousands of random parameter sets and inputs from a fixed
// seed, each checked against the independent tap-by-tap reference in reference.h (written from
// DESIGN.md, not from core/*.cpp). A failure prints the parameters, the input and the first value
// where core and the reference disagree.

#include "geometry.h"
#include "pool.h"
#include "reference.h"
#include "testutil.h"
#include "trace.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>

using namespace poolviz;
using poolviz::test::closeTo;
using poolviz::test::Random;
using poolviz::test::sameFloat;
using poolviz::test::toRef;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::string num(double v)
{
    std::ostringstream os;
    os.precision(9);
    os << v;
    return os.str();
}

std::string size2(const Size2 &s)
{
    return std::to_string(s.h) + "x" + std::to_string(s.w);
}

/// Every field of the parameters, so that a failing case can be rebuilt by hand.
std::string dump(const PoolParams &p)
{
    std::ostringstream os;
    os << "mode=" << modeName(p.mode);
    if (p.mode == PoolMode::Lp)
        os << " p=" << p.p;
    if (p.global) {
        os << " global";
    } else if (p.adaptiveOutput) {
        os << " adaptive=" << size2(*p.adaptiveOutput);
    } else {
        os << " kernel=" << size2(p.kernel)
           << " stride=" << (p.stride ? size2(*p.stride) : std::string("unset"))
           << " dilation=" << size2(p.dilation);
        switch (p.paddingMode) {
        case PaddingMode::Explicit:
            os << " padding(t,b,l,r)=" << p.padding.top << "," << p.padding.bottom << ","
               << p.padding.left << "," << p.padding.right;
            break;
        case PaddingMode::SameUpper:
            os << " SAME";
            break;
        case PaddingMode::SameLower:
            os << " SAME_LOWER";
            break;
        case PaddingMode::Valid:
            os << " VALID";
            break;
        }
        os << " ceil=" << p.ceilMode;
    }
    os << " countIncludePad=" << p.countIncludePad
       << " divisor=" << (p.divisorOverride ? std::to_string(*p.divisorOverride) : "none");
    return os.str();
}

std::string dump(const Tensor &t)
{
    std::ostringstream os;
    os << t.shapeString() << " [";
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i && i % t.planeSize() == 0)
            os << " ||"; // next (n, c) plane
        else if (i && i % std::size_t(t.w()) == 0)
            os << " |";
        os << " " << num(t.data()[i]);
    }
    return os.str() + " ]";
}

struct Case
{
    PoolParams params;
    Tensor input;
    bool specials = false;
};

Case randomCase(Random &rnd)
{
    Case c;
    PoolParams &p = c.params;
    p.mode = PoolMode(rnd.between(0, 3));
    const double orders[] = {1.0, 1.5, 2.0, 3.0};
    p.p = orders[rnd.between(0, 3)];
    const int h = rnd.between(1, 12), w = rnd.between(1, 12);
    const bool batched = rnd.chance(15);
    c.input = batched ? Tensor(2, 3, h, w, 0.0f, 4) : Tensor::matrix(h, w);

    const int kind = rnd.between(0, 19);
    if (kind <= 2) {
        p.adaptiveOutput = Size2{rnd.between(1, h + 1), rnd.between(1, w + 1)};
    } else if (kind == 3) {
        p.global = true;
    } else {
        const int k = rnd.between(1, 6);
        p.kernel = rnd.chance(50) ? Size2{k, k} : Size2{k, rnd.between(1, 6)};
        if (rnd.chance(75))
            p.stride = Size2{rnd.between(1, 5), rnd.between(1, 5)};
        if (rnd.chance(40))
            p.dilation = Size2{rnd.between(1, 3), rnd.between(1, 3)};
        const int pad = rnd.between(0, 9);
        p.paddingMode = pad <= 5   ? PaddingMode::Explicit
                        : pad == 6 ? PaddingMode::SameUpper
                        : pad == 7 ? PaddingMode::SameLower
                                   : PaddingMode::Valid;
        const int style = rnd.between(0, 9);
        if (style >= 4 && style <= 6) {
            const int a = rnd.between(0, 4), b = rnd.between(0, 4);
            p.padding = {a, a, b, b};
        } else if (style >= 7) {
            p.padding = {rnd.between(0, 4), rnd.between(0, 4), rnd.between(0, 4),
                         rnd.between(0, 4)};
        }
        p.ceilMode = rnd.chance(50);
    }
    p.countIncludePad = rnd.chance(50);
    if (rnd.chance(15))
        p.divisorOverride = rnd.between(1, 9);

    const int values = rnd.between(0, 9);
    for (float &v : c.input.data()) {
        if (values <= 5) {
            v = float(rnd.between(-9, 9));
        } else if (values <= 7) {
            v = float(rnd.between(0, 2)); // many ties
        } else {
            v = float(rnd.between(-5, 5));
            const int s = rnd.between(0, 19);
            if (s == 0)
                v = kNaN;
            else if (s == 1)
                v = kInf;
            else if (s == 2)
                v = -kInf;
        }
    }
    c.specials = values >= 8;
    return c;
}

} // namespace

class TestProperty : public QObject
{
    Q_OBJECT
private slots:
    void randomCasesAgreeWithReference();

private:
    void checkInvalid(const Case &c, const Validation &v, const ref::Plan &plan);
    void checkValid(const Case &c, const Validation &v, const ref::Plan &plan, Phase phase,
                    Random &rnd);

    std::string m_context;
    std::map<std::string, int> m_counts;
};

// Like QVERIFY2, but the message (which names the case) is only built when the check fails.
#define CHECK(cond, what)                                                                          \
    do {                                                                                           \
        if (!(cond))                                                                               \
            QFAIL(qPrintable(QString::fromStdString(m_context + "\n  " + std::string(what) +       \
                                                    "\n  failed: " #cond)));                       \
    } while (false)

void TestProperty::checkInvalid(const Case &c, const Validation &v, const ref::Plan &plan)
{
    // Parameters are generated in range, so the only reason to refuse is the one DESIGN.md
    // names: the output-size formula gives less than 1 (a window larger than the padded input is
    // no reason by itself: ceil mode may still give an output).
    CHECK(!plan.possible(),
          "validate() refused (" + v.errorText() + ") but the reference finds output " +
              std::to_string(plan.rows.out) + "x" + std::to_string(plan.cols.out));
    const Geometry g = computeGeometry(c.params, c.input.h(), c.input.w());
    CHECK(!g.ok() && g.outH() == 0 && g.outW() == 0, "computeGeometry() of refused parameters");
    bool threw = false;
    std::string what;
    try {
        [[maybe_unused]] const PoolResult r = forward(c.input, c.params);
    } catch (const PoolError &e) {
        threw = true;
        what = e.what();
    }
    CHECK(threw, "forward() of refused parameters did not throw PoolError");
    CHECK(what == v.errorText(),
          "forward() threw \"" + what + "\", validate() says \"" + v.errorText() + "\"");
    ++m_counts["refused (validate errors)"];
}

void TestProperty::checkValid(const Case &c, const Validation &v, const ref::Plan &plan,
                              Phase phase, Random &rnd)
{
    const PoolParams &p = c.params;
    const int inH = c.input.h(), inW = c.input.w();
    const int outH = plan.rows.out, outW = plan.cols.out;

    // Output size and resolved padding.
    CHECK(outH >= 1 && outW >= 1, "validate() accepted, but the formula gives output " +
                                      std::to_string(outH) + "x" + std::to_string(outW));
    const Geometry g = computeGeometry(p, inH, inW);
    CHECK(g.ok(), "computeGeometry() not ok: " + g.validation.errorText());
    CHECK(g.outH() == outH && g.outW() == outW,
          "output size: expected " + std::to_string(outH) + "x" + std::to_string(outW) + ", got " +
              std::to_string(g.outH()) + "x" + std::to_string(g.outW()));
    if (!plan.params.adaptive) {
        const Padding pad = g.resolvedPadding();
        CHECK((pad == Padding{plan.rows.padBefore, plan.rows.padAfter, plan.cols.padBefore,
                              plan.cols.padAfter}),
              "resolved padding: expected " + std::to_string(plan.rows.padBefore) + "," +
                  std::to_string(plan.rows.padAfter) + "," + std::to_string(plan.cols.padBefore) +
                  "," + std::to_string(plan.cols.padAfter) + ", got " + std::to_string(pad.top) +
                  "," + std::to_string(pad.bottom) + "," + std::to_string(pad.left) + "," +
                  std::to_string(pad.right));
    }

    // Every window, tap by tap.
    for (int r = 0; r < outH; ++r) {
        for (int col = 0; col < outW; ++col) {
            const std::string cell =
                "window (" + std::to_string(r) + "," + std::to_string(col) + ")";
            const Window win = g.window(r, col);
            const std::vector<ref::Tap> taps = ref::windowTaps(plan, r, col);
            CHECK(win.outRow == r && win.outCol == col, cell + ": wrong outRow/outCol");
            CHECK(win.taps.size() == taps.size(), cell + ": expected " +
                                                      std::to_string(taps.size()) + " taps, got " +
                                                      std::to_string(win.taps.size()));
            for (std::size_t i = 0; i < taps.size(); ++i) {
                const Tap &t = win.taps[i];
                CHECK(t.row == taps[i].row && t.col == taps[i].col &&
                          int(t.kind) == int(taps[i].kind),
                      cell + " tap " + std::to_string(i) + ": expected (" +
                          std::to_string(taps[i].row) + "," + std::to_string(taps[i].col) +
                          ") kind " + std::to_string(int(taps[i].kind)) + ", got (" +
                          std::to_string(t.row) + "," + std::to_string(t.col) + ") kind " +
                          std::to_string(int(t.kind)));
            }
            const ref::Counts n = ref::counts(plan, r, col);
            CHECK(win.paddedCount == n.padded && win.inputCount == n.input,
                  cell + ": counts expected padded " + std::to_string(n.padded) + " input " +
                      std::to_string(n.input) + ", got " + std::to_string(win.paddedCount) + " " +
                      std::to_string(win.inputCount));
            CHECK(win.rowFirst == taps.front().row && win.rowLast == taps.back().row &&
                      win.colFirst == taps.front().col && win.colLast == taps.back().col,
                  cell + ": first/last row/col");
            if (p.mode == PoolMode::Avg) {
                const double div = ref::avgDivisor(plan, r, col);
                CHECK(g.avgDivisor(r, col) == div, cell + ": avgDivisor expected " + num(div) +
                                                       ", got " + num(g.avgDivisor(r, col)));
            }
        }
    }

    // Windows without an input cell must be announced.
    const int empty = ref::emptyWindows(plan);
    const auto warning =
        std::find_if(v.warnings.begin(), v.warnings.end(), [](const std::string &w) {
            return w.find("hold no input cell") != std::string::npos;
        });
    if (empty > 0) {
        CHECK(warning != v.warnings.end(),
              std::to_string(empty) + " windows hold no input cell but no warning says so");
        const std::string head =
            std::to_string(empty) + " of " + std::to_string(outH * outW) + " windows";
        CHECK(warning->text().rfind(head, 0) == 0,
              "warning \"" + warning->text() + "\" should start \"" + head + "\"");
        ++m_counts["with windows holding no input cell"];
    } else {
        CHECK(warning == v.warnings.end(),
              "no window is empty, yet a warning says \"" +
                  (warning == v.warnings.end() ? std::string() : warning->text()) + "\"");
    }

    // Coverage and the reverse map.
    const std::vector<int> cover = ref::coverage(plan);
    const auto readers = ref::readers(plan);
    for (int r = 0; r < inH; ++r) {
        for (int col = 0; col < inW; ++col) {
            const std::size_t i = std::size_t(r) * inW + col;
            const std::string cell =
                "input (" + std::to_string(r) + "," + std::to_string(col) + ")";
            CHECK(g.coverage(r, col) == cover[i], cell + ": coverage expected " +
                                                      std::to_string(cover[i]) + ", got " +
                                                      std::to_string(g.coverage(r, col)));
            CHECK(g.outputsReading(r, col) == readers[i],
                  cell + ": outputsReading differs from the windows that read it (" +
                      std::to_string(readers[i].size()) + " expected, " +
                      std::to_string(g.outputsReading(r, col).size()) + " got)");
        }
    }

    // Forward, plane by plane.
    const PoolResult res = forward(c.input, p);
    const bool argmax = p.mode == PoolMode::Max || p.mode == PoolMode::Min;
    CHECK((res.values.shape() == std::array<int, 4>{c.input.n(), c.input.c(), outH, outW}),
          "forward() values shape " + res.values.shapeString());
    CHECK(res.values.rank() == c.input.rank(), "forward() lost the input's rank");
    if (argmax)
        CHECK(res.indices.shape() == res.values.shape(),
              "indices shape " + res.indices.shapeString());
    else
        CHECK(res.indices.empty(), "avg/lp forward() returned indices");
    const PoolResult fast = forward(c.input, p, false);
    std::vector<ref::Forward> expected;
    for (int plane = 0; plane < c.input.planeCount(); ++plane) {
        expected.push_back(ref::forward(plan, c.input.planeData(plane)));
        const ref::Forward &e = expected.back();
        for (std::size_t o = 0; o < e.values.size(); ++o) {
            const float got = res.values.planeData(plane)[o];
            const std::string at = "plane " + std::to_string(plane) + " output (" +
                                   std::to_string(int(o) / outW) + "," +
                                   std::to_string(int(o) % outW) + ")";
            // Lp goes through pow(), whose last bit is the library's choice: 1e-6 relative.
            const bool ok = p.mode == PoolMode::Lp ? closeTo(got, e.values[o], 1e-6)
                                                   : sameFloat(got, e.values[o]);
            CHECK(ok, at + ": expected " + num(e.values[o]) + ", got " + num(got));
            CHECK(sameFloat(fast.values.planeData(plane)[o], got),
                  at + ": forward(withIndices = false) gives " +
                      num(fast.values.planeData(plane)[o]));
            if (argmax)
                CHECK(res.indices.planeData(plane)[o] == e.index[o],
                      at + ": index expected " + std::to_string(e.index[o]) + ", got " +
                          std::to_string(res.indices.planeData(plane)[o]));
        }
    }

    // Backward against the definition, with small integer upstream gradients.
    Tensor up(c.input.n(), c.input.c(), outH, outW, 0.0f, c.input.rank());
    for (float &u : up.data())
        u = float(rnd.between(-3, 3));
    const Tensor grad = backward(c.input, p, up);
    CHECK(grad.shape() == c.input.shape(), "backward() shape " + grad.shapeString());
    // Lp's derivative is undefined at ±∞/NaN inputs: compare it on finite inputs only.
    const bool compareGrad = p.mode != PoolMode::Lp || !c.specials;
    for (int plane = 0; compareGrad && plane < c.input.planeCount(); ++plane) {
        const std::vector<double> e =
            ref::backward(plan, c.input.planeData(plane), up.planeData(plane));
        for (std::size_t i = 0; i < e.size(); ++i) {
            const float got = grad.planeData(plane)[i];
            // max/min add small integers (exact); avg/lp divide and accumulate in any order.
            const bool ok = argmax ? got == float(e[i])
                                   : closeTo(got, e[i], p.mode == PoolMode::Avg ? 1e-5 : 1e-4);
            CHECK(ok, "upstream " + dump(up) + "\n  plane " + std::to_string(plane) +
                          " gradient at (" + std::to_string(int(i) / inW) + "," +
                          std::to_string(int(i) % inW) + "): expected " + num(e[i]) + ", got " +
                          num(got));
        }
    }

    // The trace of one plane (forward or backward, alternating between cases to halve the run
    // time): one step per output cell, row-major, each with its window and forward value.
    const int plane = rnd.between(0, c.input.planeCount() - 1);
    const Tensor upPlane = up.planeTensor(plane / c.input.c(), plane % c.input.c());
    const Trace trace = phase == Phase::Forward ? makeTrace(c.input, p, phase, plane)
                                                : makeTrace(c.input, p, phase, plane, upPlane);
    const std::string name = phase == Phase::Forward ? "forward trace" : "backward trace";
    CHECK(trace.phase == phase && trace.plane == plane, name + ": phase/plane");
    CHECK(int(trace.steps.size()) == outH * outW,
          name + " has " + std::to_string(trace.steps.size()) + " steps");
    for (int i = 0; i < int(trace.steps.size()); ++i) {
        const Step &s = trace.steps[std::size_t(i)];
        const std::string at = name + " step " + std::to_string(i);
        CHECK(s.phase == phase && s.index == i && s.outRow == i / outW && s.outCol == i % outW &&
                  s.plane == plane,
              at + ": phase/index/plane/outRow/outCol");
        CHECK(s.taps == g.window(s.outRow, s.outCol).taps,
              at + ": taps differ from geometry.window()");
        CHECK(sameFloat(s.output, res.values.planeData(plane)[i]),
              at + ": output " + num(s.output) + ", forward gives " +
                  num(res.values.planeData(plane)[i]));
        if (argmax)
            CHECK(s.argmax == res.indices.planeData(plane)[i],
                  at + ": argmax " + std::to_string(s.argmax));
        if (p.mode == PoolMode::Avg)
            CHECK(s.divisor == ref::avgDivisor(plan, s.outRow, s.outCol),
                  at + ": divisor " + num(s.divisor));
        if (phase == Phase::Backward)
            CHECK(s.upstream == upPlane.data()[std::size_t(i)],
                  at + ": upstream " + num(s.upstream));
    }
    if (phase == Phase::Backward) {
        const Tensor last = trace.gradientAfter(int(trace.steps.size()) - 1);
        CHECK(last.h() == inH && last.w() == inW,
              "gradientAfter(last) shape " + last.shapeString());
        for (std::size_t i = 0; i < last.size(); ++i) {
            const float core = grad.planeData(plane)[i];
            const bool ok =
                argmax ? sameFloat(last.data()[i], core) : closeTo(last.data()[i], core, 1e-5);
            CHECK(ok, "upstream " + dump(upPlane) + "\n  gradientAfter(last) at " +
                          std::to_string(i) + " is " + num(last.data()[i]) + ", backward() gives " +
                          num(core));
        }
    }
    ++m_counts[name + "s"];

    // Tally what was covered.
    ++m_counts["checked (valid)"];
    ++m_counts["mode " + modeName(p.mode)];
    if (p.global)
        ++m_counts["global"];
    else if (p.adaptiveOutput)
        ++m_counts["adaptive"];
    else {
        const char *pads[] = {"padding explicit", "padding SAME", "padding SAME_LOWER",
                              "padding VALID"};
        ++m_counts[pads[int(p.paddingMode)]];
        if (p.ceilMode)
            ++m_counts["ceil mode"];
        if (plan.rows.ek > inH + plan.rows.padBefore + plan.rows.padAfter ||
            plan.cols.ek > inW + plan.cols.padBefore + plan.cols.padAfter)
            ++m_counts["ceil window larger than the padded input"];
        if (p.dilation.h > 1 || p.dilation.w > 1)
            ++m_counts["dilated"];
        if (!p.stride)
            ++m_counts["stride unset"];
        if (p.mode == PoolMode::Avg && p.divisorOverride)
            ++m_counts["avg with divisor override"];
        if (p.mode == PoolMode::Avg && !p.countIncludePad)
            ++m_counts["avg excluding padding"];
    }
    if (c.input.rank() == 4)
        ++m_counts["batched 2x3xHxW"];
    if (c.specials)
        ++m_counts["with NaN/inf"];
}

void TestProperty::randomCasesAgreeWithReference()
{
    Random rnd;
    const int cases = 4000;
    for (int i = 0; i < cases; ++i) {
        const Case c = randomCase(rnd);
        m_context =
            "case " + std::to_string(i) + ": " + dump(c.params) + "\n  input " + dump(c.input);
        const Validation v = validate(c.params, c.input.h(), c.input.w());
        const ref::Plan plan = ref::plan(toRef(c.params), c.input.h(), c.input.w());
        if (v.ok())
            checkValid(c, v, plan, i % 2 ? Phase::Backward : Phase::Forward, rnd);
        else
            checkInvalid(c, v, plan);
        if (QTest::currentTestFailed())
            return;
    }
    for (const auto &[what, n] : m_counts)
        qInfo("%6d %s", n, what.c_str());
    QVERIFY(m_counts["checked (valid)"] >= 3000);
    QVERIFY(m_counts["refused (validate errors)"] > 0);
    for (const char *m :
         {"mode max", "mode avg", "mode min", "mode lp", "global", "adaptive", "padding SAME",
          "padding SAME_LOWER", "padding VALID", "ceil mode",
          "ceil window larger than the padded input", "with windows holding no input cell",
          "with NaN/inf", "batched 2x3xHxW", "forward traces", "backward traces"})
        QVERIFY2(m_counts[m] >= 50, m);
}

QTEST_GUILESS_MAIN(TestProperty)
#include "tst_property.moc"
