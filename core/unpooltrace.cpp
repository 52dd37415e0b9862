#include "unpooltrace.h"

#include "tracecaption.h"

#include <string>

namespace poolviz {

Trace makeUnpoolTrace(const Tensor &input, const PoolParams &params, int plane)
{
    Trace t = makeForwardSteps(input, params, plane);
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
        // The forward step's "Step 2 of 9: " prefix, with the unpool sentence as its body.
        s.captionParts = stepCaption(s, t.steps.size(), input, unpoolCaption(s, params));
        s.caption = s.captionParts.text();
    }
    t.inputGradient = placed;
    return t;
}

} // namespace poolviz
