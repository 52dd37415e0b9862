// Chooses the copy of the kernels compiled for the best instruction set this CPU runs: the
// baseline x86-64 (SSE2) copy runs everywhere, the AVX2 copy (twice the vector width) where the
// CPU has AVX2. Both compute the same bits: no FMA, and the same operations in the same order.
#include "backwardplanes.h"
#include "planepool.h"

#include <cstdlib>
#include <string_view>

namespace poolviz::kernels {

namespace generic {
void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads);
void poolBytePlanes(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads);
void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads);
} // namespace generic
#ifdef POOLVIZ_HAVE_AVX2_KERNELS
namespace avx2 {
void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads);
void poolBytePlanes(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads);
void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads);
} // namespace avx2
#endif

namespace {

/// Whether to run the AVX2 copy. POOLVIZ_KERNELS=generic forces the baseline copy (the tests run
/// both copies).
[[maybe_unused]] bool useAvx2()
{
#ifdef POOLVIZ_HAVE_AVX2_KERNELS
    static const bool avx2 = [] {
        const char *forced = std::getenv("POOLVIZ_KERNELS");
        return __builtin_cpu_supports("avx2") &&
               std::string_view(forced ? forced : "") != "generic";
    }();
    return avx2;
#else
    return false;
#endif
}

} // namespace

void poolPlanes(const Tensor &input, const Geometry &g, Tensor &values, IndexTensor *indices,
                int threads)
{
#ifdef POOLVIZ_HAVE_AVX2_KERNELS
    if (useAvx2())
        return avx2::poolPlanes(input, g, values, indices, threads);
#endif
    generic::poolPlanes(input, g, values, indices, threads);
}

void poolBytePlanes(const ByteTensor &input, const Geometry &g, ByteTensor &values, int threads)
{
#ifdef POOLVIZ_HAVE_AVX2_KERNELS
    if (useAvx2())
        return avx2::poolBytePlanes(input, g, values, threads);
#endif
    generic::poolBytePlanes(input, g, values, threads);
}

void backwardPlanes(const Tensor &input, const Geometry &g, const Tensor &gradOutput, Tensor &grad,
                    int threads)
{
#ifdef POOLVIZ_HAVE_AVX2_KERNELS
    if (useAvx2())
        return avx2::backwardPlanes(input, g, gradOutput, grad, threads);
#endif
    generic::backwardPlanes(input, g, gradOutput, grad, threads);
}

} // namespace poolviz::kernels
