// The backward kernels' entry (see backwardplanes.h) and Lp backward; max/min are in
// backwardmax.cpp and backwardstride2.cpp, average in backwardaverage.cpp and
// backwardsmallaverage.cpp, what they share in backwardbands.h. Compiled twice, like every kernel
// source (baseline and AVX2, see isa.h and core/CMakeLists.txt).
#include "backwardplanes.h"

#include "backwardbands.h"
#include "lpshares.h"
#include "planepool.h"

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

namespace {

void lpBackward(const Tensor &input, const Plan &plan, const Tensor &gradOutput, Tensor &grad,
                int threads)
{
    const Geometry &g = *plan.g;
    Tensor y(input.n(), input.c(), g.outH(), g.outW());
    poolPlanes(input, g, y, nullptr, threads);
    const int W = input.w(), outW = g.outW();
    overBands(input, plan, threads, [&](int p, int r0, int r1, int) {
        const float *x = input.planeData(p), *go = gradOutput.planeData(p), *yp = y.planeData(p);
        float *gi = grad.planeData(p);
        ZeroFrontier(gi, W, r0).upTo(r1);
        const auto [oy0, oy1] = plan.outputRange(r0, r1);
        for (int oy = oy0; oy <= oy1; ++oy)
            for (int ox = 0; ox < outW; ++ox) {
                const std::size_t o = std::size_t(oy) * std::size_t(outW) + std::size_t(ox);
                lpShares(x, W, plan.rows[std::size_t(oy)], plan.cols[std::size_t(ox)], yp[o], go[o],
                         g.params.p, r0, r1,
                         [&](std::int64_t at, float amount) { gi[at] += amount; });
            }
    });
}

} // namespace

void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads)
{
    if (input.planeCount() == 0 || input.h() == 0 || input.w() == 0)
        return;
    const Plan plan = makePlan(g);
    switch (g.params.mode) {
    case PoolMode::Max:
        extremeBackward<Extreme::Max>(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Min:
        extremeBackward<Extreme::Min>(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Avg:
        averageBackward(input, plan, gradOutput, grad, threads);
        break;
    case PoolMode::Lp:
        lpBackward(input, plan, gradOutput, grad, threads);
        break;
    }
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END
