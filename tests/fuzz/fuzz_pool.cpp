// libFuzzer harness: random parameters and a small random tensor through forward, backward,
// unpooling and the trace. Each call either throws the documented error (PoolError, or
// std::length_error for a tensor above the limits) or returns the documented shape; the output
// size is checked against DESIGN.md's formula computed here in 128-bit arithmetic.
#include "fuzzcheck.h"
#include "pool.h"
#include "trace.h"

#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace {

using namespace poolviz;

/// Reads the fuzzer's bytes in order, zeros once they run out.
class Bytes
{
public:
    Bytes(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
    std::uint8_t next() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    /// Mostly small sizes 0–7, sometimes an extreme one.
    int size()
    {
        const std::uint8_t b = next();
        static const int extremes[] = {1 << 20, 1000000, INT_MAX, 65536, -1, 46341, 1 << 30, 3};
        return b < 224 ? b % 8 : extremes[b % 8];
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

using Big = __int128;

Big floorDiv(Big a, Big b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// DESIGN.md "Output size", independently of the core.
Big expectedOut(Big in, Big k, Big s, Big d, Big pb, Big pe, bool ceil)
{
    const Big ek = d * (k - 1) + 1;
    Big out = floorDiv(in + pb + pe - ek + (ceil ? s - 1 : 0), s) + 1;
    if (ceil && out > 0 && (out - 1) * s >= in + pb)
        --out;
    return out;
}

bool documentedError(const std::exception &e)
{
    return dynamic_cast<const PoolError *>(&e) || dynamic_cast<const std::length_error *>(&e);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::useTinyLimits();
    Bytes in(data, size);
    PoolParams p;
    p.mode = PoolMode(in.next() % 4);
    const std::uint8_t flags = in.next();
    p.ceilMode = flags & 1;
    p.countIncludePad = flags & 2;
    p.paddingMode = PaddingMode((flags >> 2) % 4);
    p.kernel = {in.size(), in.size()};
    if (flags & 16)
        p.stride = Size2{in.size(), in.size()};
    p.dilation = {in.size() % 4 == 0 ? 1 : in.size(), in.size() % 4 == 0 ? 1 : in.size()};
    p.padding = {in.size(), in.size(), in.size(), in.size()};
    if (flags & 32)
        p.divisorOverride = in.size();
    if ((flags & 192) == 64)
        p.adaptiveOutput = Size2{in.size(), in.size()};
    else if ((flags & 192) == 128)
        p.global = true;
    if (p.mode == PoolMode::Lp)
        p.p = 0.5 + in.next() % 8;
    const int n = 1 + in.next() % 2, c = 1 + in.next() % 2;
    const int h = in.next() % 9, w = in.next() % 9;
    Tensor x(n, c, h, w);
    for (float &v : x.data()) {
        const std::uint8_t b = in.next();
        v = b == 255   ? std::numeric_limits<float>::quiet_NaN()
            : b == 254 ? -std::numeric_limits<float>::infinity()
                       : float(int(b % 16) - 8) / 2.0f;
    }

    const Validation v = validate(p, h, w, x.planeCount());
    PoolResult r;
    try {
        r = forward(x, p, true);
    } catch (const std::exception &e) {
        fuzz::check(documentedError(e), "forward threw an undocumented exception");
        fuzz::check(!v.ok(), "forward refused what validate accepted");
        return 0;
    }
    fuzz::check(v.ok(), "forward accepted what validate refused");
    // The documented shape.
    Big outH = 0, outW = 0;
    if (p.isAdaptive()) {
        outH = p.adaptiveSize().h;
        outW = p.adaptiveSize().w;
    } else {
        const Size2 s = p.effectiveStride();
        if (p.paddingMode == PaddingMode::SameUpper || p.paddingMode == PaddingMode::SameLower) {
            outH = (Big(h) + s.h - 1) / s.h;
            outW = (Big(w) + s.w - 1) / s.w;
        } else {
            const Padding q = p.paddingMode == PaddingMode::Valid ? Padding{} : p.padding;
            const bool ceil = p.ceilMode;
            outH = expectedOut(h, p.kernel.h, s.h, p.dilation.h, q.top, q.bottom, ceil);
            outW = expectedOut(w, p.kernel.w, s.w, p.dilation.w, q.left, q.right, ceil);
        }
    }
    fuzz::check(r.values.n() == n && r.values.c() == c && r.values.h() == outH &&
                    r.values.w() == outW,
                "forward output shape differs from DESIGN.md's formula");
    const bool extreme = p.mode == PoolMode::Max || p.mode == PoolMode::Min;
    fuzz::check(r.indices.empty() != extreme, "indices present exactly for max and min");

    try {
        const Tensor ones(n, c, int(outH), int(outW), 1.0f);
        const Tensor g = backward(x, p, ones);
        fuzz::check(g.shape() == x.shape(), "backward shape differs from the input's");
        if (extreme) {
            try {
                const Tensor u = maxUnpool(r.values, r.indices, h, w);
                fuzz::check(u.shape() == x.shape(), "max-unpool shape differs");
            } catch (const PoolError &) {
                // −1 indices (windows without an input cell) are refused: documented.
            }
        }
        if (p.mode == PoolMode::Avg) {
            const Tensor u = avgUnpool(r.values, p, h, w);
            fuzz::check(u.shape() == x.shape(), "avg-unpool shape differs");
        }
        for (const Phase phase : {Phase::Forward, Phase::Backward}) {
            try {
                const Trace t = makeTrace(x, p, phase, x.planeCount() - 1);
                fuzz::check(std::int64_t(t.steps.size()) == std::int64_t(outH * outW),
                            "trace steps differ from the output cells");
            } catch (const PoolError &) {
                // Above the step or tap limit: refused with a message, documented.
            }
        }
    } catch (const std::exception &e) {
        fuzz::check(documentedError(e), "an undocumented exception after a valid forward");
    }
    return 0;
}
