#!/usr/bin/env bash
# AppImage recipe. Needs linuxdeploy and its Qt plugin on PATH (not in Debian;
# install them on the packaging machine). Usage: installer/linux/appimage.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR}
appdir="$build/AppDir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --prefix /usr
# mosquitto is the embedded broker: ship the system binary next to ours.
install -D "$(command -v mosquitto || echo /usr/sbin/mosquitto)" "$appdir/usr/bin/mosquitto"
export QMAKE=${QMAKE:-/usr/lib/qt6/bin/qmake}
linuxdeploy --appdir "$appdir" --plugin qt \
    --desktop-file "$appdir/usr/share/applications/linescope.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/scalable/apps/linescope.svg" \
    --output appimage
