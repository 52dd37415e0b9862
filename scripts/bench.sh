#!/usr/bin/env bash
# Builds and runs the pooling benchmark and prints one table: PoolViz single-threaded and on every
# core, each time as a multiple of the memory floor (bytes read and written at the warm-copy rate
# of the same run), next to OpenCV (libopencv-dev, installed here: a benchmark-only dependency)
# and to the core as it stood at an earlier commit (POOLVIZ_BENCH_BEFORE_COMMIT, default the last
# commit before the van Herk kernels). Then the 8-bit photo case, the kernel-size scaling and the
# GUI latencies (Photo tab parameter change to paint, 64×64 trace) and the cold start to the first
# paint.
# Extra arguments go to Google Benchmark, e.g. --benchmark_filter=max or --benchmark_repetitions=9.
source "$(dirname "$0")/common.sh"
install_missing_packages
install_missing_packages "${BENCH_PACKAGES[@]}"

before_commit=${POOLVIZ_BENCH_BEFORE_COMMIT:-b26ea81}
before_dir="$PROJECT_DIR/build/bench-before"
before_flag="-DPOOLVIZ_BENCH_BEFORE="
if git -C "$PROJECT_DIR" cat-file -e "$before_commit^{commit}" 2>/dev/null; then
    mkdir -p "$before_dir"
    for f in tensor.h poolparams.h poolparams.cpp geometry.h geometry.cpp pool.h pool.cpp; do
        git -C "$PROJECT_DIR" show "$before_commit:core/$f" >"$before_dir/$f"
    done
    before_flag="-DPOOLVIZ_BENCH_BEFORE=$before_dir"
else
    echo "poolviz: commit $before_commit is not in this clone: no \"before\" column" >&2
fi

cd "$PROJECT_DIR"
cmake --preset release "$before_flag" >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_pool bench_gui poolviz
echo "load before the run: $(uptime)"
"$BUILD_DIR/tests/bench/bench_pool" --benchmark_repetitions=5 --benchmark_min_time=0.05 "$@"
echo
QT_QPA_PLATFORM=offscreen "$BUILD_DIR/tests/bench/bench_gui"
# Cold start to first paint: the program started, its window laid out and painted once into a
# screenshot, and gone (offscreen), median of 11 runs.
shot_dir=$(mktemp -d)
trap 'rm -rf "$shot_dir"' EXIT
startup=()
for _ in $(seq 11); do
    start=$(date +%s%N)
    QT_QPA_PLATFORM=offscreen "$BUILD_DIR/app/poolviz" --preset stride-1 \
        --screenshot "$shot_dir/start.png" >/dev/null 2>&1
    startup+=($((($(date +%s%N) - start) / 1000000)))
done
median=$(printf '%s\n' "${startup[@]}" | sort -n | sed -n 6p)
echo "  Cold start to first paint (poolviz --preset stride-1 --screenshot, offscreen): ${median} ms" \
    "(median of 11; all: ${startup[*]})"
echo "load after the run: $(uptime)"
