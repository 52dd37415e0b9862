#!/usr/bin/env bash
# Installs what is missing (plus the test-only TEST_PACKAGES of common.sh), builds PoolViz and
# runs every test suite (offscreen, no display needed).
source "$(dirname "$0")/common.sh"
install_missing_packages
install_missing_packages "${TEST_PACKAGES[@]}"
build_poolviz
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)"
