#!/usr/bin/env bash
# Builds the Debian package: build/release/package/poolviz_<version>_<arch>.deb. Its Depends come
# from dpkg-shlibdeps. Install it with: sudo apt-get install ./build/release/package/poolviz_*.deb
source "$(dirname "$0")/common.sh"
install_missing_packages
install_missing_packages "${PACKAGE_PACKAGES[@]}"
build_poolviz
cd "$BUILD_DIR"
rm -f package/poolviz_*.deb
cpack -G DEB
deb=$(ls package/poolviz_*.deb)
echo "poolviz: built $BUILD_DIR/$deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
