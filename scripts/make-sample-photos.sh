#!/bin/sh
# Renders the bundled sample photos into resources/photos/ (see scripts/samplephotos.cpp).
# Needs g++ and Qt 6 Gui development files (pkg-config Qt6Gui).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
g++ -std=c++20 -O2 -fPIC "$here/samplephotos.cpp" -o "$build/samplephotos" \
    $(pkg-config --cflags --libs Qt6Gui)
QT_QPA_PLATFORM=offscreen "$build/samplephotos" "$root/resources/photos"
