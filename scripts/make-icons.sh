#!/bin/sh
# Renders the application icon (resources/icons/poolviz.svg) into resources/icons/hicolor/NxN.png
# (see scripts/iconpngs.cpp). Needs g++ and Qt 6 Gui and Svg development files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
g++ -std=c++20 -O2 -fPIC "$here/iconpngs.cpp" -o "$build/iconpngs" \
    $(pkg-config --cflags --libs Qt6Gui Qt6Svg)
mkdir -p "$root/resources/icons/hicolor"
QT_QPA_PLATFORM=offscreen "$build/iconpngs" "$root/resources/icons/poolviz.svg" \
    "$root/resources/icons/hicolor"
