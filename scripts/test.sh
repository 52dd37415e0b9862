#!/usr/bin/env bash
# Installs what is missing (plus the test-only TEST_PACKAGES of common.sh), builds PoolViz and
# runs every test suite (offscreen, no display needed), then the same suite again built with
# AddressSanitizer + UndefinedBehaviorSanitizer (the dev-asan preset, halting at the first
# error), then every fuzz harness for POOLVIZ_FUZZ_SECONDS (default 60) over its corpus. Each
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
ASAN_OPTIONS=halt_on_error=1:detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --preset dev-asan -j "$(nproc)" --timeout 900
stage_done "dev-asan suite (ASan + UBSan)"

bash "$PROJECT_DIR/scripts/fuzz.sh" "${POOLVIZ_FUZZ_SECONDS:-60}"
stage_done "fuzzing"
