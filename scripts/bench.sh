#!/usr/bin/env bash
# Builds PoolViz and runs the pooling benchmark: each time is printed as a multiple of a plain copy
# of the same tensor, measured in the same run. Pass Google Benchmark flags through, e.g.
# scripts/bench.sh --benchmark_repetitions=5
source "$(dirname "$0")/common.sh"
install_missing_packages
build_poolviz
"$BUILD_DIR/tests/bench/bench_pool" "$@"
