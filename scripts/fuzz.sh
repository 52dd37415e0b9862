#!/usr/bin/env bash
# Builds the libFuzzer harnesses (the fuzz preset: clang, ASan + UBSan) and runs each for
# SECONDS (default 60) over a working copy of its seed corpus, with its dictionary, at the lowest
# CPU priority. Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
# Harnesses: npy text image options pool lesson (all by default; pool's input is raw bytes, no
# dictionary; lesson also starts from the sample lessons in resources/lessons). A crash stops with the input saved
# as build/fuzz/crashes/<harness>/crash-*; copy it to tests/fuzz/regressions/<harness>/ once
# fixed, so that the normal suite replays it. Needs clang, libfuzzer-14-dev, libclang-rt-14-dev.
source "$(dirname "$0")/common.sh"
install_missing_packages
install_missing_packages "${TEST_PACKAGES[@]}"

# POOLVIZ_FUZZ_RUNS=N, or POOLVIZ_FUZZ_RUNS_<harness>=N for one harness (scripts/test.sh sets
# these), runs each harness for N inputs from the seed POOLVIZ_FUZZ_SEED (default 1) instead of
# for SECONDS: a bounded, repeatable-in-length run (libFuzzer's inputs still vary a little).
# -timeout=60: on a shared machine at nice 19 a run can wait seconds for the CPU; a real hang
# still shows as a timeout.
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(npy text image options pool lesson)

cd "$PROJECT_DIR"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

fuzz="$PROJECT_DIR/tests/fuzz"
work="$PROJECT_DIR/build/fuzz/work"
status=0
for h in "${harnesses[@]}"; do
    corpus="$work/corpus/$h"
    crashes="$work/crashes/$h"
    mkdir -p "$corpus" "$crashes"
    cp -n "$fuzz/corpus/$h"/* "$corpus/" 2>/dev/null || true
    if [ "$h" = lesson ]; then
        cp -n "$PROJECT_DIR/resources/lessons"/*.poolviz "$corpus/" 2>/dev/null || true
    fi
    if [ -d "$fuzz/regressions/$h" ]; then
        cp -n "$fuzz/regressions/$h"/* "$corpus/" 2>/dev/null || true
    fi
    log="$work/$h.log"
    dict=()
    [ -f "$fuzz/dictionaries/$h.dict" ] && dict=(-dict="$fuzz/dictionaries/$h.dict")
    # Lessons are JSON of a few kilobytes per scene: the sample lessons are 9-10 kB.
    max_len=4096
    [ "$h" = lesson ] && max_len=16384
    budget=(-max_total_time="$seconds")
    runs_var="POOLVIZ_FUZZ_RUNS_$h"
    runs=${!runs_var:-${POOLVIZ_FUZZ_RUNS:-}}
    if [ -n "$runs" ]; then
        budget=(-runs="$runs" -seed="${POOLVIZ_FUZZ_SEED:-1}")
        echo "fuzz: $h for $runs inputs (seed ${POOLVIZ_FUZZ_SEED:-1})"
    else
        echo "fuzz: $h for ${seconds}s"
    fi
    if QT_QPA_PLATFORM=offscreen nice -n 19 "$PROJECT_DIR/build/fuzz/tests/fuzz/fuzz_$h" \
        "${budget[@]}" -timeout=60 -rss_limit_mb=2048 -max_len="$max_len" \
        "${dict[@]}" -artifact_prefix="$crashes/" \
        -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        echo "fuzz: $h: ${runs:-?} executions, no crash (log $log)"
    else
        status=1
        echo "fuzz: $h: CRASH, see $log and $crashes" >&2
        tail -30 "$log" >&2
    fi
done
exit $status
