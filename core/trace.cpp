#include "trace.h"

#include "tracecaption.h"
#include "unpooltrace.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace poolviz {

bool shownExactly(double v, int precision)
{
    return !std::isfinite(v) || shownExactly(v, formatNumber(v, precision));
}

bool shownExactly(double v, const std::string &digits)
{
    if (!std::isfinite(v))
        return true;
    // Whole numbers are written digit for digit (formatNumber's integer branch): they read back
    // as the same float whatever they are, since both sides round the same number.
    if (v == std::floor(v) && std::fabs(v) < 1e15 && digits.find_first_of(".e") == digits.npos)
        return true;
    // The value is a float: the digits are exact when they read back as the same float.
    // std::from_chars reads them as strtof does in the "C" locale, without a copy; anything it
    // refuses (out of range) is read by strtof as before.
    const bool minus = digits.rfind("\u2212", 0) == 0;
    const char *first = digits.data() + (minus ? 3 : 0), *last = digits.data() + digits.size();
    float read = 0;
    if (const auto [end, error] = std::from_chars(first, last, read);
        error == std::errc() && end == last)
        return (minus ? -read : read) == float(v);
    // Appended (GCC 12 warns falsely, -Wrestrict, on "-" + std::string&&).
    std::string ascii = minus ? "-" : "";
    ascii.append(first, last);
    return std::strtof(ascii.c_str(), nullptr) == float(v);
}

std::string formatNumber(double v, int precision)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "\u221e" : "\u2212\u221e";
    // std::to_chars writes what printf's "%lld" and "%.*g" write in the "C" locale, with no
    // locale lookup (the GUI's locale never turns the point into a comma) and no temporaries: a
    // 64×64 trace formats tens of thousands of numbers.
    char buf[80];
    std::to_chars_result r{buf, std::errc()};
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        r = std::to_chars(buf, buf + sizeof buf, (long long)v);
    else if (precision >= 0 && precision <= 40)
        r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, precision);
    else // printf's reading of unusual precisions (negative: 6), cut at the buffer as before
        r.ptr = buf + std::clamp(std::snprintf(buf, sizeof buf, "%.*g", precision, v), 0,
                                 int(sizeof buf) - 1);
    if (r.ec != std::errc())
        return {};
    std::string s;
    const bool minus = buf[0] == '-';
    s.reserve(std::size_t(r.ptr - buf) + (minus ? 2 : 0));
    if (minus)
        s += "\u2212";
    s.append(buf + (minus ? 1 : 0), r.ptr);
    return s;
}

Tensor Trace::outputAfter(int i) const
{
    Tensor out = Tensor::matrix(geometry().outH(), geometry().outW(),
                                std::numeric_limits<float>::quiet_NaN());
    if (phase != Phase::Forward) {
        // Backward and unpool start from the complete forward result.
        out = result.values.planeTensor(0, 0);
        return out;
    }
    for (int k = 0; k <= i && k < int(steps.size()); ++k)
        out.at(steps[std::size_t(k)].outRow, steps[std::size_t(k)].outCol) =
            steps[std::size_t(k)].output;
    return out;
}

std::vector<bool> Trace::filledAfter(int i) const
{
    std::vector<bool> filled(std::size_t(geometry().outH()) * std::size_t(geometry().outW()),
                             phase != Phase::Forward);
    if (phase != Phase::Forward)
        return filled;
    for (int k = 0; k <= i && k < int(steps.size()); ++k)
        filled[std::size_t(steps[std::size_t(k)].outRow) * std::size_t(geometry().outW()) +
               std::size_t(steps[std::size_t(k)].outCol)] = true;
    return filled;
}

Tensor Trace::gradientAfter(int i) const
{
    Tensor g = Tensor::matrix(input.h(), input.w(), 0.0f);
    for (int k = 0; k <= i && k < int(steps.size()); ++k)
        for (const Contribution &c : steps[std::size_t(k)].contributions)
            g.at(c.row, c.col) = c.running;
    return g;
}

void checkTraceLimits(const Geometry &g, const Limits &limits)
{
    if (!g.ok())
        throw PoolError(g.validation.errors);
    const std::int64_t steps = std::int64_t(g.outH()) * g.outW();
    if (steps > limits.steps)
        throw PoolError(Message{
            MessageId::TraceTooManySteps,
            {formatCount(double(steps), double(limits.steps)), formatCount(double(limits.steps))}});
    // Each step keeps its window's taps and values: Σ over windows of taps = (Σ row taps)·(Σ
    // column taps).
    std::int64_t rowTaps = 0, colTaps = 0;
    for (int r = 0; r < g.outH(); ++r)
        rowTaps += g.rows.tapCount(r);
    for (int c = 0; c < g.outW(); ++c)
        colTaps += g.cols.tapCount(c);
    if (saturatedMul(rowTaps, colTaps) > limits.traceTaps)
        throw PoolError(
            Message{MessageId::TraceTooManyTaps,
                    {formatCount(double(rowTaps) * double(colTaps), double(limits.traceTaps)),
                     formatCount(double(limits.traceTaps))}});
}

namespace {

/// The steps of plane `plane`: everything but the captions when `captions` is false (the unpool
/// phase captions the forward steps itself). One pass over the windows; each step's taps are its
/// window's, moved, not copied.
Trace buildTrace(const Tensor &input, const PoolParams &params, Phase phase, int plane,
                 const Tensor &upstream, bool captions)
{
    if (plane < 0 || plane >= input.planeCount())
        throw PoolError(Message{MessageId::PlaneMissing,
                                {std::to_string(plane), std::to_string(input.planeCount())}});
    const Geometry geometry = computeGeometry(params, input.h(), input.w());
    checkTraceLimits(geometry, currentLimits());
    Trace t;
    t.phase = phase;
    t.plane = plane;
    t.input = input.planeTensor(plane / input.c(), plane % input.c());
    t.result = forward(t.input, geometry, true);
    const Geometry &g = t.result.geometry;
    const int outH = g.outH(), outW = g.outW();
    if (phase == Phase::Backward) {
        if (upstream.empty()) {
            t.upstream = Tensor::matrix(outH, outW, 1.0f);
        } else {
            if (upstream.h() != outH || upstream.w() != outW)
                throw PoolError(Message{MessageId::UpstreamShape,
                                        {upstream.shapeString(),
                                         std::to_string(outH) + "\u00d7" + std::to_string(outW)}});
            t.upstream = upstream.planeTensor(0, 0);
        }
        t.inputGradient = backward(t.input, params, t.upstream);
    }

    const bool extreme = params.hasArgmax();
    const float padValue = params.mode == PoolMode::Max   ? -std::numeric_limits<float>::infinity()
                           : params.mode == PoolMode::Min ? std::numeric_limits<float>::infinity()
                                                          : 0.0f;
    const std::size_t total = std::size_t(outH) * std::size_t(outW);
    Tensor running = Tensor::matrix(t.input.h(), t.input.w(), 0.0f);
    const int W = t.input.w();
    t.steps.reserve(total);
    for (int oy = 0; oy < outH; ++oy) {
        for (int ox = 0; ox < outW; ++ox) {
            Window w = g.window(oy, ox);
            Step &s = t.steps.emplace_back();
            s.phase = phase;
            s.index = int(t.steps.size()) - 1;
            s.plane = plane;
            s.outRow = oy;
            s.outCol = ox;
            s.taps = std::move(w.taps); // the caption reads them from the step
            const std::vector<Tap> &taps = s.taps;
            s.values.reserve(taps.size());
            for (const Tap &tap : taps)
                s.values.push_back(tap.kind == TapKind::Input ? t.input.at(tap.row, tap.col)
                                                              : padValue);
            s.output = t.result.values.at(oy, ox);
            if (extreme) {
                s.argmax = t.result.indices.at(oy, ox);
                if (w.inputCount == 0 || s.argmax < 0) {
                    s.rule = StepRule::NoInput;
                } else {
                    const int ar = int(s.argmax / W), ac = int(s.argmax % W);
                    for (std::size_t i = 0; i < taps.size(); ++i)
                        if (taps[i].kind == TapKind::Input && taps[i].row == ar &&
                            taps[i].col == ac)
                            s.winners.push_back(int(i));
                    if (std::isnan(s.output)) {
                        s.rule = StepRule::NaN;
                    } else {
                        for (std::size_t i = 0; i < taps.size(); ++i)
                            if (int(i) != s.winners.front() && taps[i].kind == TapKind::Input &&
                                s.values[i] == s.output)
                                s.winners.push_back(int(i));
                        s.rule = s.winners.size() > 1 ? StepRule::Tie : StepRule::Single;
                    }
                }
            } else {
                s.rule = w.inputCount == 0
                             ? StepRule::NoInput
                             : (params.mode == PoolMode::Avg ? StepRule::Average : StepRule::Lp);
                if (params.mode == PoolMode::Avg)
                    s.divisor = g.avgDivisor(oy, ox);
            }
            if (phase == Phase::Backward) {
                s.upstream = t.upstream.at(oy, ox);
                // This window's share of the gradient, exactly what the core's backward adds
                // for it: O(taps) per window, so the whole trace is one pass.
                const std::vector<GradientShare> shares =
                    windowGradient(t.input, t.result, oy, ox, s.upstream);
                s.contributions.reserve(shares.size());
                for (const GradientShare &share : shares) {
                    const int row = int(share.index / W), col = int(share.index % W);
                    float &cell = running.at(row, col);
                    cell += share.amount;
                    s.contributions.push_back({row, col, share.amount, cell});
                }
            }
            if (!captions)
                continue;
            // The caption here, while the window is at hand (no second window() per step).
            s.captionParts = stepCaption(s, total, input,
                                         phase == Phase::Forward ? forwardCaption(s, w, params)
                                                                 : backwardCaption(s, params));
            s.caption = s.captionParts.text();
        }
    }
    return t;
}

} // namespace

Trace makeTrace(const Tensor &input, const PoolParams &params, Phase phase, int plane,
                const Tensor &upstream)
{
    if (phase == Phase::Unpool)
        return makeUnpoolTrace(input, params, plane); // built on the forward steps
    return buildTrace(input, params, phase, plane, upstream, true);
}

Trace makeForwardSteps(const Tensor &input, const PoolParams &params, int plane)
{
    return buildTrace(input, params, Phase::Forward, plane, {}, false);
}

} // namespace poolviz
