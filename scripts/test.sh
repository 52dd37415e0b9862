#!/usr/bin/env bash
# Installs what is missing (plus the test-only TEST_PACKAGES of common.sh), builds PoolViz and
# runs every test suite (offscreen, no display needed), then the same suite again built with
# AddressSanitizer + UndefinedBehaviorSanitizer (the dev-asan preset, halting at the first
# error), then every fuzz harness for a fixed number of inputs from a fixed seed over its corpus. Each
# stage prints how long it took.
source "$(dirname "$0")/common.sh"
install_missing_packages
install_missing_packages "${TEST_PACKAGES[@]}"
export QT_QPA_PLATFORM=offscreen

stage_start=$SECONDS
stage_done() {
    echo "poolviz: stage \"$1\" took $((SECONDS - stage_start)) s"
    stage_start=$SECONDS
}

build_poolviz
stage_done "release build"
ctest --preset release -j "$(nproc)"
stage_done "release suite"

cd "$PROJECT_DIR"
cmake --preset dev-asan
cmake --build --preset dev-asan -j "$(nproc)"
stage_done "dev-asan build"
# Leak checking stays off: Qt's plugins and fontconfig keep process-lifetime caches that
# LeakSanitizer reports at exit; every other ASan and UBSan error stops the test that hits it.
# Qt Test's own watchdog (300 s per test function) would stop a slow instrumented suite on a busy
# machine before ctest's limit does: ctest's --timeout is the one limit here.
ASAN_OPTIONS=halt_on_error=1:detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    QTEST_FUNCTION_TIMEOUT=900000 \
    ctest --preset dev-asan -j "$(nproc)" --timeout 900
stage_done "dev-asan suite (ASan + UBSan)"

# A fixed seed and a fixed number of inputs per harness (under a minute of fuzzing in all on two
# idle cores, plus the build). libFuzzer does not repeat itself exactly even so (ASan's addresses
# feed its comparisons), so a new crash can still surface here; it fails the run with the input
# saved. Longer fuzzing is scripts/fuzz.sh SECONDS. The counts follow each harness's speed
# (executions per CPU second with ASan + UBSan: npy ~33000, text ~22000, options ~11000,
# image ~5000, pool ~2400, lesson ~1700), about ten seconds each.
export POOLVIZ_FUZZ_SEED=${POOLVIZ_FUZZ_SEED:-1}
export POOLVIZ_FUZZ_RUNS_npy=${POOLVIZ_FUZZ_RUNS_npy:-200000}
export POOLVIZ_FUZZ_RUNS_text=${POOLVIZ_FUZZ_RUNS_text:-200000}
export POOLVIZ_FUZZ_RUNS_options=${POOLVIZ_FUZZ_RUNS_options:-100000}
export POOLVIZ_FUZZ_RUNS_image=${POOLVIZ_FUZZ_RUNS_image:-50000}
export POOLVIZ_FUZZ_RUNS_pool=${POOLVIZ_FUZZ_RUNS_pool:-20000}
export POOLVIZ_FUZZ_RUNS_lesson=${POOLVIZ_FUZZ_RUNS_lesson:-15000}
bash "$PROJECT_DIR/scripts/fuzz.sh"
stage_done "fuzzing"
