#pragma once
// Shared by the libFuzzer harnesses: a property check that stops the run with a message (so that
// libFuzzer saves the input as a crash), small limits that keep every run cheap, and the Qt start
// of the harnesses that decode images.

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
/// are what the harnesses exercise): 2¹⁸ values, 512 animation steps, 2¹⁶ traced taps. Every
/// valid file under libFuzzer's 4096-byte inputs fits.
inline void useSmallLimits()
{
    setCurrentLimits({1 << 18, 512, 1 << 16});
}

/// Tighter limits for the harnesses whose cost grows with the output they are allowed to build
/// (pooling, image decoding): 2¹² values, 64 steps, 2¹² traced taps. Outputs of several
/// 64-row bands, multi-step traces and every refusal stay reachable; a run costs at most a few
/// thousand cells instead of a quarter of a million.
inline void useTinyLimits()
{
    setCurrentLimits({1 << 12, 64, 1 << 12});
}

/// For LLVMFuzzerInitialize of the harnesses that decode images: starts one offscreen
/// QGuiApplication for the run and caps image decoding at 2 MiB. Defined in fuzzgui.cpp, which
/// only those harnesses link (the others stay free of Qt).
void startGuiApplication(int *argc, char ***argv);

} // namespace poolviz::fuzz
