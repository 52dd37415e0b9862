// libFuzzer harness: the pool-option parser shared by poolviz-cli and poolviz, then validation
// and geometry of what it accepted. Arguments are the input split at newlines or NUL bytes.
// Every argument list is either refused with a message or gives parameters that validate
// answers at once: a refusal with a message, or a geometry whose size matches the formula.
#include "fuzzcheck.h"
#include "geometry.h"
#include "pooloptions.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace poolviz;
    fuzz::useSmallLimits();
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        const char c = char(data[i]);
        if (c == '\n' || c == '\0')
            args.emplace_back();
        else
            args.back() += c;
    }
    if (args.size() > 64)
        return 0;
    PoolOptionParser parser;
    for (std::size_t i = 0; i < args.size() && parser.error().empty(); ++i)
        if (!parser.consume(args, i))
            continue;
    if (parser.error().empty())
        parser.finish();
    if (!parser.error().empty())
        return 0;
    const PoolParams &params = parser.params();
    for (const auto &[h, w] : {std::pair{5, 5}, std::pair{1, 7}, std::pair{300, 2}}) {
        const Geometry g = computeGeometry(params, h, w);
        if (!g.ok()) {
            fuzz::check(!g.validation.errorText().empty(), "a refusal without a message");
            fuzz::check(g.outH() == 0 && g.outW() == 0, "a refused geometry with an output");
            continue;
        }
        fuzz::check(g.outH() >= 1 && g.outW() >= 1, "an accepted geometry without output");
        fuzz::check(std::int64_t(g.outH()) * g.outW() <= currentLimits().values,
                    "an accepted output above the limit");
        if (!params.isAdaptive()) {
            const Padding pad = g.resolvedPadding();
            const Size2 s = params.effectiveStride();
            const bool ceil = ceilModeApplies(params);
            fuzz::check(g.outH() == axisOutputSize(h, params.kernel.h, s.h, params.dilation.h,
                                                   pad.top, pad.bottom, ceil),
                        "rows differ from the output-size formula");
        }
    }
    return 0;
}
