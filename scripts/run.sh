#!/usr/bin/env bash
# Installs what is missing, builds PoolViz and starts it on a bundled example. With no display
# it says so and writes a screenshot and a pooled example instead of waiting for a window.
source "$(dirname "$0")/common.sh"
install_missing_packages
build_poolviz

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$BUILD_DIR/app/poolviz" --preset stride-1 "$@"
fi

OUT="$PROJECT_DIR/build/headless"
mkdir -p "$OUT"
echo "poolviz: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open."
echo "poolviz: writing a screenshot and pooled examples to $OUT instead."
"$BUILD_DIR/app/poolviz" --preset stride-1 --step 3 --screenshot "$OUT/poolviz-stride1.png"
"$BUILD_DIR/app/poolviz-cli" pool "$PROJECT_DIR/resources/examples/conv-output-4x4.csv" \
    -o "$OUT/conv-output-pooled.csv" --kernel 2 --stride 2 --verbose
echo "poolviz: the bundled 4x4 matrix pooled 2x2, stride 2:"
cat "$OUT/conv-output-pooled.csv"
"$BUILD_DIR/app/poolviz-cli" animate "$PROJECT_DIR/resources/examples/conv-output-4x4.csv" \
    -o "$OUT/conv-output-stride1.gif" --kernel 2 --stride 1
"$BUILD_DIR/app/poolviz-cli" pool "$PROJECT_DIR/resources/photos/lake-321x481.jpg" \
    -o "$OUT/lake_max2x2.png" --kernel 2 --verbose
echo "poolviz: wrote $OUT/poolviz-stride1.png (the window), conv-output-pooled.csv, conv-output-stride1.gif"
echo "poolviz: and lake_max2x2.png (the bundled 321x481 photo max pooled 2x2 to 160x240)"
