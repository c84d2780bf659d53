#!/usr/bin/env bash
# LineScope set-up for Debian 12 (run as root, from anywhere in the checkout).
#
#   bash installer/setup.sh          install packages, build, start LineScope on
#                                    its embedded broker with a simulated line
#   bash installer/setup.sh --test   install packages, build, run the whole test suite
#   bash installer/setup.sh --build  install packages and build only
#
# Environment: BUILD_DIR (default <checkout>/build), BUILD_TYPE (RelWithDebInfo),
# LINESCOPE_SKIP_APT=1 to skip the package step.
set -euo pipefail

mode=run
case "${1:-}" in
    --test) mode=test ;;
    --build) mode=build ;;
    ""|--run) mode=run ;;
    *) echo "usage: $0 [--run|--test|--build]" >&2; exit 2 ;;
esac

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
build_type=${BUILD_TYPE:-RelWithDebInfo}

packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev libqt6opengl6-dev
    libxkbcommon-dev libvulkan-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libmosquitto-dev mosquitto mosquitto-clients libssl-dev
    libqt6sql6-sqlite xvfb xauth dbus-x11 gnome-keyring libsecret-tools openssl
    fonts-dejavu-core wixl msitools)

install_packages() {
    [ "${LINESCOPE_SKIP_APT:-0}" = 1 ] && return 0
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && { echo "== all ${#packages[@]} Debian packages present"; return 0; }
    echo "== installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # mosquitto's Debian package starts a system broker on port 1883; LineScope runs its own.
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
        echo "== note: a system mosquitto service is running on port 1883; LineScope's embedded broker will pick another port"
    fi
}

build_all() {
    echo "== configuring in $build ($build_type)"
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
    echo "== building with $(nproc) jobs"
    cmake --build "$build" --parallel "$(nproc)"
}

run_tests() {
    echo "== running the test suite"
    cd "$build"
    ctest --output-on-failure --parallel "$(nproc)" --timeout 600
}

run_app() {
    local data="${LINESCOPE_DATA:-$build/demo-broker}"
    local args=(--embedded-broker --data "$data" --simulate)
    echo "== starting LineScope on its embedded broker (data: $data) with a simulated line"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$build/app/linescope" "${args[@]}"
    fi
    # No desktop session (e.g. a fresh server): run on a virtual screen and keep a
    # live screenshot so the data can still be looked at.
    local shot="$build/linescope-live.png"
    echo "== no display found: running under Xvfb; a screenshot is written to $shot every few seconds"
    exec xvfb-run -a -s '-screen 0 1600x1000x24' "$build/app/linescope" "${args[@]}" --screenshot "$shot" --screenshot-every 5
}

install_packages
build_all
case "$mode" in
    test) run_tests ;;
    build) ;;
    run) run_app ;;
esac
