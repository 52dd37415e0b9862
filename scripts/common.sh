# Shared by run.sh and test.sh: install what is missing (Debian 12), then configure and build.
# Sourced, not run.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR="$PROJECT_DIR/build/release"

# Everything PoolViz needs from Debian's packages. Keep in sync with the README.
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-image-formats-plugins
    libeigen3-dev libgif-dev libbenchmark-dev
    fontconfig fonts-dejavu-core
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n help2man
)
# Only scripts/bench.sh needs these (the OpenCV peer column); the app and the tests never do.
BENCH_PACKAGES=(libopencv-dev)

# Test-only, installed by scripts/test.sh (and scripts/fuzz.sh), never needed to build or run
# PoolViz: Python with NumPy and PyTorch for the conformance suite, which runs the generated code
# (the app never needs Python); desktop-file-utils and appstream validate the desktop entry and
# metainfo; poppler-utils (pdfinfo, pdftotext) reads the PDF handouts back in tst_lessons; clang
# with libFuzzer and the sanitizer runtimes for the fuzz harnesses (tests/fuzz).
TEST_PACKAGES=(python3 python3-numpy python3-torch desktop-file-utils appstream poppler-utils
    clang libfuzzer-14-dev libclang-rt-14-dev)

# Only for building the .deb (scripts/package.sh): dpkg-shlibdeps finds its dependencies.
PACKAGE_PACKAGES=(dpkg-dev file)

# Installs every package named in the arguments (default: PACKAGES) that is missing.
install_missing_packages() {
    local wanted=("$@")
    [ ${#wanted[@]} -eq 0 ] && wanted=("${PACKAGES[@]}")
    local missing=()
    for p in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "poolviz: all ${#wanted[@]} required packages are installed"
        return
    fi
    echo "poolviz: installing ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            sudo="sudo"
        else
            echo "poolviz: need root to install ${missing[*]} (run as root or install sudo)" >&2
            exit 2
        fi
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build_poolviz() {
    cd "$PROJECT_DIR"
    cmake --preset release
    cmake --build --preset release -j "$(nproc)"
}
