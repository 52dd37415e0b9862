#include "spans.h"

#include <algorithm>
#include <cstdint>

namespace poolviz::kernels {

namespace {

/// ⌊a / b⌋ for b > 0 and any sign of a.
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

std::vector<AxisSpan> axisSpans(const AxisGeometry &a)
{
    std::vector<AxisSpan> spans(std::size_t(std::max(a.out, 0)));
    for (int o = 0; o < a.out; ++o)
        spans[std::size_t(o)] = axisSpan(a, o);
    return spans;
}

AxisSpan axisSpan(const AxisGeometry &a, int o)
{
    AxisSpan s;
    if (a.adaptive) {
        // Exact integer arithmetic: start = ⌊o·in/out⌋, end = ⌈(o+1)·in/out⌉.
        const std::int64_t start = std::int64_t(o) * a.in / a.out;
        const std::int64_t end = (std::int64_t(o + 1) * a.in + a.out - 1) / a.out;
        s.first = int(start);
        s.count = int(end - start);
        s.padded = s.count;
        return s;
    }
    const std::int64_t d = a.dilation, k = a.kernel;
    const std::int64_t start = std::int64_t(o) * a.stride - a.padBefore;
    // Taps j with 0 ≤ start + j·d < in, and with start + j·d < in + pe for the padded count
    // (start ≥ −pb always holds, so no tap lies before the leading padding).
    const std::int64_t lo = start >= 0 ? 0 : (-start + d - 1) / d;
    const std::int64_t hi = std::min(k - 1, floorDiv(a.in - 1 - start, d));
    const std::int64_t paddedHi = std::min(k - 1, floorDiv(std::int64_t(a.in) + a.padAfter - 1 - start, d));
    s.step = a.dilation;
    s.count = int(std::max<std::int64_t>(hi - lo + 1, 0));
    s.first = s.count > 0 ? int(start + lo * d) : 0;
    s.padded = int(std::max<std::int64_t>(paddedHi + 1, 0));
    return s;
}

Interior interior(const AxisGeometry &a, const std::vector<AxisSpan> &spans)
{
    Interior r;
    if (a.adaptive)
        return r;
    auto full = [&](int o) {
        const AxisSpan &s = spans[std::size_t(o)];
        return s.count == a.kernel &&
               std::int64_t(s.first) == std::int64_t(o) * a.stride - a.padBefore;
    };
    int o = 0;
    while (o < a.out && !full(o))
        ++o;
    r.begin = o;
    while (o < a.out && full(o))
        ++o;
    r.end = o;
    return r;
}

DivisorFactors divisorFactors(const PoolParams &params, const std::vector<AxisSpan> &rows,
                              const std::vector<AxisSpan> &cols)
{
    const bool override = params.effectiveDivisorOverride().has_value();
    const bool includePad = params.divisorCountsPadding();
    auto factors = [&](const std::vector<AxisSpan> &spans, bool first) {
        std::vector<double> f(spans.size());
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const int n = includePad ? spans[i].padded : spans[i].count;
            f[i] =
                override ? (first ? double(*params.divisorOverride) : 1.0) : double(n == 0 ? 1 : n);
        }
        return f;
    };
    return {factors(rows, true), factors(cols, false)};
}

} // namespace poolviz::kernels
