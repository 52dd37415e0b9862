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
)

# Test-only: the sanitizer and fuzzing toolchain (scripts/test.sh, scripts/fuzz.sh), never
# needed to build or run PoolViz.
TEST_PACKAGES=(
    clang libfuzzer-14-dev libclang-rt-14-dev
)

install_missing_packages() {
    install_missing_packages_from "${PACKAGES[@]}"
}

# Installs those of the given Debian packages that are missing.
install_missing_packages_from() {
    local missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "poolviz: all $# required packages are installed"
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
