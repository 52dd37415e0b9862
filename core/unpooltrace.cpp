#include "unpooltrace.h"

#include <string>

namespace poolviz {

namespace {

std::string cell(int r, int c)
{
    return "row " + formatNumber(r) + ", column " + formatNumber(c);
}

std::string value(double v)
{
    return shownExactly(v) ? formatNumber(v) : "\u2248" + formatNumber(v);
}

/// The step in words; every caption of the unpool phase is made here.
std::string unpoolCaption(const Step &s, const PoolParams &params)
{
    const std::string what = "value " + value(s.output) + " of output " + cell(s.outRow, s.outCol);
    const bool extreme = params.hasArgmax();
    const char *fn = params.mode == PoolMode::Min ? "min" : "max";
    if (s.contributions.empty())
        return what + (extreme ? std::string(" has no ") + fn + " position" : std::string()) +
               " (the window holds no input cell): nothing is placed";
    if (extreme) {
        const Contribution &c = s.contributions.front();
        return what + " goes back to where its " + fn + " was, input " + cell(c.row, c.col) +
               "; the other cells of the window stay 0";
    }
    std::string text = what + " is copied to the " + std::to_string(s.contributions.size()) +
                       " input cell" + (s.contributions.size() == 1 ? "" : "s") + " of its window";
    int shared = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++shared;
    if (shared > 0)
        text += "; " + std::to_string(shared) + " of them already held values from earlier " +
                "windows and now hold the mean of what they received";
    return text;
}

} // namespace

Trace makeUnpoolTrace(const Tensor &input, const PoolParams &params, int plane)
{
    Trace t = makeTrace(input, params, Phase::Forward, plane);
    t.phase = Phase::Unpool;
    t.upstream = t.result.values;
    const int H = t.input.h(), W = t.input.w();
    const bool extreme = params.hasArgmax();
    // Sums and counts per cell: the running mean uses the same float additions, in the same
    // window order, as avgUnpool, so the last step's value is avgUnpool's to the bit.
    Tensor sum = Tensor::matrix(H, W, 0.0f);
    std::vector<int> received(std::size_t(H) * std::size_t(W), 0);
    Tensor placed = Tensor::matrix(H, W, 0.0f);
    for (Step &s : t.steps) {
        s.phase = Phase::Unpool;
        s.upstream = s.output;
        if (extreme) {
            if (s.argmax >= 0) {
                const int row = int(s.argmax / W), col = int(s.argmax % W);
                placed.at(row, col) = s.output; // MaxUnpool2d assigns; it never adds
                s.contributions.push_back({row, col, s.output, s.output});
            }
        } else {
            for (const Tap &tap : s.taps) {
                if (tap.kind != TapKind::Input)
                    continue;
                float &total = sum.at(tap.row, tap.col);
                total += s.output;
                int &n = received[std::size_t(tap.row) * std::size_t(W) + std::size_t(tap.col)];
                ++n;
                const float mean = n > 1 ? total / float(n) : total;
                placed.at(tap.row, tap.col) = mean;
                s.contributions.push_back({tap.row, tap.col, s.output, mean});
            }
        }
        const std::string caption = s.caption;
        const std::size_t colon = caption.find(": ");
        s.caption = caption.substr(0, colon == std::string::npos ? 0 : colon + 2) +
                    unpoolCaption(s, params);
    }
    t.inputGradient = placed;
    return t;
}

} // namespace poolviz
