// libFuzzer harness: the CSV / whitespace / NumPy-repr matrix parser (typed, pasted or read from
// .csv/.txt). Any text gives a matrix or an error with a message; control bytes in a message
// are escaped.
#include "fuzzcheck.h"
#include "matrixio.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace poolviz;
    fuzz::useSmallLimits();
    const std::string text(reinterpret_cast<const char *>(data), size);
    const IoResult<Tensor> r = parseMatrixText(text);
    if (!r.ok()) {
        const std::string message = r.error.toString();
        fuzz::check(!r.error.message.text().empty(), "a parse error without a message");
        fuzz::check(message.find('\0') == std::string::npos, "a raw NUL byte in a message");
        return 0;
    }
    const Tensor &t = *r.value;
    fuzz::check(t.size() == std::size_t(t.n()) * t.c() * t.h() * t.w(),
                "tensor size differs from its shape");
    return 0;
}
