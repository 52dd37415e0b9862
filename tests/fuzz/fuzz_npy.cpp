// libFuzzer harness: the .npy reader. Any bytes either give a clear error or a tensor whose
// shape matches its values; nothing crashes, nothing allocates beyond the limits.
#include "fuzzcheck.h"
#include "matrixio.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace poolviz;
    fuzz::useSmallLimits();
    const std::string bytes(reinterpret_cast<const char *>(data), size);
    const IoResult<NpyArray> r = parseNpy(bytes);
    if (!r.ok()) {
        fuzz::check(!r.error.message.text().empty(), "an .npy error without a message");
        return 0;
    }
    const Tensor &t = r.value->tensor;
    fuzz::check(t.size() == std::size_t(t.n()) * t.c() * t.h() * t.w(),
                "tensor size differs from its shape");
    fuzz::check(std::int64_t(t.size()) <= currentLimits().values, "tensor above the value limit");
    fuzz::check(t.rank() >= 2 && t.rank() <= 4, "rank outside 2-4");
    return 0;
}
