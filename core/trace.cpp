#include "trace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace poolviz {

namespace {

std::string num(double v)
{
    return formatNumber(v);
}

/// A value as a caption shows it: "0.25", or "≈0.1111" when the digits shown are not the value.
std::string val(double v)
{
    return shownExactly(v) ? formatNumber(v) : "\u2248" + formatNumber(v);
}

/// " = 0.25", or " ≈ 0.1111" when the digits shown are not the value.
std::string equals(double v)
{
    return (shownExactly(v) ? " = " : " \u2248 ") + formatNumber(v);
}

/// "row 1, column 3".
std::string cell(int r, int c)
{
    return "row " + num(r) + ", column " + num(c);
}

/// "rows 0–1" or "row 2"; negative rows (padding) read "rows −1 to 0".
std::string span(const char *one, const char *many, int first, int last)
{
    if (first == last)
        return std::string(one) + " " + num(first);
    const char *sep = (first < 0 || last < 0) ? " to " : "\u2013";
    return std::string(many) + " " + num(first) + sep + num(last);
}

/// The values as a comma list, abbreviated for large windows.
std::string valueList(const std::vector<float> &values, const char *joiner)
{
    if (values.size() > 12)
        return std::to_string(values.size()) + " values";
    std::string s;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            s += joiner;
        s += val(values[i]);
    }
    return s;
}

/// "Step 2 of 9: ", with the channel ("(channel 1)") or sample and channel ("(sample 0,
/// channel 2)") when the input has more than one plane.
std::string stepPrefix(const Step &s, std::size_t total, const Tensor &input)
{
    std::string p = "Step " + std::to_string(s.index + 1) + " of " + std::to_string(total);
    const int channels = std::max(1, input.c());
    if (input.planeCount() > 1) {
        p += input.n() > 1 ? " (sample " + std::to_string(s.plane / channels) + ", channel " +
                                 std::to_string(s.plane % channels) + ")"
                           : " (channel " + std::to_string(s.plane % channels) + ")";
    }
    return p + ": ";
}

/// `n` in superscript digits ("³", "¹²"); empty when n is not a whole number from 0 to 999.
std::string superscript(double n)
{
    static const char *const digits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    if (!(n >= 0 && n < 1000 && n == std::floor(n)))
        return {};
    std::string s;
    for (char c : std::to_string(int(n)))
        s += digits[c - '0'];
    return s;
}

/// "x" raised to p as a caption writes it: "|3|³", else "|3|^2.5".
std::string power(const std::string &base, double p)
{
    const std::string sup = superscript(p);
    return sup.empty() ? base + "^" + num(p) : base + sup;
}

/// The p-th root of `body` ("(…)"): "√(…)", "∛(…)", "∜(…)", "⁵√(…)", else "(…)^(1/2.5)".
std::string root(const std::string &body, double p)
{
    if (p == 2)
        return "\u221a" + body;
    if (p == 3)
        return "\u221b" + body;
    if (p == 4)
        return "\u221c" + body;
    const std::string sup = superscript(p);
    return sup.empty() ? body + "^(1/" + num(p) + ")" : sup + "\u221a" + body;
}

std::string forwardCaption(const Step &s, const Window &w, const PoolParams &params)
{
    // Both ends, so students never read an input position as the output's: "input rows 0–1,
    // columns 2–3: max(…) = 9, found at input row 1, column 3 → output row 0, column 2".
    const std::string where = "input " + span("row", "rows", w.rowFirst, w.rowLast) + ", " +
                              span("column", "columns", w.colFirst, w.colLast) + ": ";
    const std::string to = " \u2192 output " + cell(s.outRow, s.outCol);
    std::vector<float> shown;
    int paddingTaps = 0;
    for (std::size_t i = 0; i < s.taps.size(); ++i) {
        if (s.taps[i].kind == TapKind::Input)
            shown.push_back(s.values[i]);
        else if (s.taps[i].kind == TapKind::Padding)
            ++paddingTaps;
    }
    const bool extreme = params.hasArgmax();
    const char *fn = params.mode == PoolMode::Min ? "min" : "max";
    if (s.rule == StepRule::NoInput)
        return where + "the window holds no input cell (only padding), so the output is " +
               num(s.output) + to;
    if (extreme) {
        std::vector<float> all;
        for (std::size_t i = 0; i < s.taps.size(); ++i)
            if (s.taps[i].kind != TapKind::Overhang)
                all.push_back(s.values[i]);
        std::string text = where + fn + "(" + valueList(all, ", ") + ")" + equals(s.output);
        const Tap &win = s.taps[std::size_t(s.winners.front())];
        if (s.rule == StepRule::NaN)
            return text +
                   ": a NaN in the window propagates; the index is the last NaN scanned, at "
                   "input " +
                   cell(win.row, win.col) + to;
        text += ", found at input " + cell(win.row, win.col);
        if (s.rule == StepRule::Tie) {
            text += " (tie with ";
            for (std::size_t i = 1; i < s.winners.size(); ++i) {
                const Tap &t = s.taps[std::size_t(s.winners[i])];
                text += (i > 1 ? "; " : "") + cell(t.row, t.col);
            }
            text += ": the first in row-major order wins)";
        }
        text += to;
        if (paddingTaps > 0)
            text += "; padding counts as " +
                    std::string(params.mode == PoolMode::Min ? "+\u221e" : "\u2212\u221e") +
                    " and never wins";
        return text;
    }
    if (params.mode == PoolMode::Avg) {
        std::string text =
            where + "(" + valueList(shown, " + ") + ") / " + num(s.divisor) + equals(s.output) + to;
        const int inputs = int(shown.size());
        if (const std::optional<int> d = params.effectiveDivisorOverride())
            text += " (divisor override " + num(*d) + ")";
        else if (s.divisor > inputs)
            text += " (the divisor counts " + num(s.divisor - inputs) + " padding cell" +
                    (s.divisor - inputs == 1 ? "" : "s") + ")";
        else if (paddingTaps > 0)
            text += " (padding is not counted)";
        return text;
    }
    std::string sum;
    if (shown.size() > 12)
        sum = "\u03a3 " + power("|x|", params.p) + " over " + std::to_string(shown.size()) +
              " values";
    else
        for (std::size_t i = 0; i < shown.size(); ++i)
            sum += (i ? " + " : "") + power("|" + val(shown[i]) + "|", params.p);
    return where + root("(" + sum + ")", params.p) + equals(s.output) + to;
}

std::string backwardCaption(const Step &s, const PoolParams &params)
{
    std::string text = "gradient " + val(s.upstream) + " of output " + cell(s.outRow, s.outCol);
    if (s.contributions.empty())
        return text + " reaches no input cell (the window holds only padding)";
    if (params.hasArgmax()) {
        const Contribution &c = s.contributions.front();
        return text + " goes to its " + (params.mode == PoolMode::Min ? "min" : "max") +
               " at input " + cell(c.row, c.col) + "; the input gradient there is now " +
               val(c.running);
    }
    if (params.mode == PoolMode::Avg) {
        text += " is spread as " + val(s.upstream) + " / " + num(s.divisor) +
                equals(s.contributions.front().amount) + " over " +
                std::to_string(s.contributions.size()) + " input cell" +
                (s.contributions.size() == 1 ? "" : "s");
    } else {
        text += " is shared by the derivative sign(x)\u00b7" + power("|x|", params.p - 1) + " / " +
                power("y", params.p - 1) + " over " + std::to_string(s.contributions.size()) +
                " cells";
    }
    int overlaps = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++overlaps;
    if (overlaps > 0)
        text += "; " + std::to_string(overlaps) +
                " of them already held gradient from earlier windows and add up";
    return text;
}

} // namespace

bool shownExactly(double v, int precision)
{
    if (!std::isfinite(v))
        return true;
    std::string s = formatNumber(v, precision);
    if (s.rfind("\u2212", 0) == 0)
        s = "-" + s.substr(3);
    // The value is a float: the digits are exact when they read back as the same float.
    return std::strtof(s.c_str(), nullptr) == float(v);
}

std::string formatNumber(double v, int precision)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "\u221e" : "\u2212\u221e";
    std::string s;
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        s = std::to_string((long long)v);
    } else {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        s = buf;
    }
    if (!s.empty() && s[0] == '-')
        s = "\u2212" + s.substr(1);
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
        throw PoolError(g.validation.errorText());
    const std::int64_t steps = std::int64_t(g.outH()) * g.outW();
    if (steps > limits.steps)
        throw PoolError(Message{
            MessageId::TraceTooManySteps,
            {formatCount(double(steps), double(limits.steps)), formatCount(double(limits.steps))}}
                            .text());
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
                     formatCount(double(limits.traceTaps))}}
                .text());
}

Trace makeTrace(const Tensor &input, const PoolParams &params, Phase phase, int plane,
                const Tensor &upstream)
{
    if (plane < 0 || plane >= input.planeCount())
        throw PoolError("plane " + std::to_string(plane) + " does not exist: the input has " +
                        std::to_string(input.planeCount()) + " plane(s)");
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
                throw PoolError("the upstream gradient is " + upstream.shapeString() +
                                " but the pooled output is " + std::to_string(outH) + "\u00d7" +
                                std::to_string(outW));
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
            const Window w = g.window(oy, ox);
            Step s;
            s.phase = phase;
            s.index = int(t.steps.size());
            s.plane = plane;
            s.outRow = oy;
            s.outCol = ox;
            s.taps = w.taps;
            s.values.reserve(w.taps.size());
            for (const Tap &tap : w.taps)
                s.values.push_back(tap.kind == TapKind::Input ? t.input.at(tap.row, tap.col)
                                                              : padValue);
            s.output = t.result.values.at(oy, ox);
            if (extreme) {
                s.argmax = t.result.indices.at(oy, ox);
                if (w.inputCount == 0 || s.argmax < 0) {
                    s.rule = StepRule::NoInput;
                } else {
                    const int ar = int(s.argmax / W), ac = int(s.argmax % W);
                    for (std::size_t i = 0; i < w.taps.size(); ++i)
                        if (w.taps[i].kind == TapKind::Input && w.taps[i].row == ar &&
                            w.taps[i].col == ac)
                            s.winners.push_back(int(i));
                    if (std::isnan(s.output)) {
                        s.rule = StepRule::NaN;
                    } else {
                        for (std::size_t i = 0; i < w.taps.size(); ++i)
                            if (int(i) != s.winners.front() && w.taps[i].kind == TapKind::Input &&
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
                for (const GradientShare &share :
                     windowGradient(t.input, t.result, oy, ox, s.upstream)) {
                    const int row = int(share.index / W), col = int(share.index % W);
                    running.at(row, col) += share.amount;
                    s.contributions.push_back({row, col, share.amount, running.at(row, col)});
                }
            }
            t.steps.push_back(std::move(s));
        }
    }
    for (Step &s : t.steps) {
        const Window w = g.window(s.outRow, s.outCol);
        const std::string body =
            phase == Phase::Forward ? forwardCaption(s, w, params) : backwardCaption(s, params);
        s.caption = stepPrefix(s, t.steps.size(), input) + body;
    }
    return t;
}

} // namespace poolviz
