// Objects that tests/isa_symbols.sh must reject (ctest isa_symbols_rejects_*), so that check can
// fail. Each breaks one rule: built with -mavx2, the shared function uses AVX instructions outside
// the avx2 copy of the kernels (as an inline std:: function emitted there would); built for the
// baseline, a function of the copy holds no AVX instruction.

#include <cstddef>

namespace poolviz {

float isaSharedSum(const float *values, std::size_t count)
{
    float sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += values[i];
    return sum;
}

#ifndef __AVX2__
namespace kernels::avx2 {

void isaScale(float (&values)[64], float factor)
{
    for (float &value : values)
        value *= factor;
}

} // namespace kernels::avx2
#endif

} // namespace poolviz
