#pragma once
// Shared by the libFuzzer harnesses: a property check that stops the run with a message (so that
// libFuzzer saves the input as a crash), and small limits that keep every run cheap.

#include "sizelimits.h"

#include <cstdio>
#include <cstdlib>

namespace poolviz::fuzz {

/// Aborts with `what` when `ok` is false: the harness found a contract violation.
inline void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz property violated: %s\n", what);
        std::abort();
    }
}

/// Limits small enough that no input can make one run slow or large (the refusals themselves
/// are what the harnesses exercise): 2¹⁸ values, 512 animation steps, 2¹⁶ traced taps.
inline void useSmallLimits()
{
    setCurrentLimits({1 << 18, 512, 1 << 16});
}

} // namespace poolviz::fuzz
