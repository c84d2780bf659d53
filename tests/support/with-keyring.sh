#!/usr/bin/env bash
# Runs one command under a private D-Bus session bus with an unlocked,
# throwaway gnome-keyring, so QtKeychain talks to a real Secret Service.
# HOME and XDG dirs point into a temporary folder: the user's keyring is never touched.
set -eu
tmp=$(mktemp -d)
cleanup() {
    [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
    [ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(dbus-launch --sh-syntax)"
printf 'ci-pass' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
eval "$(gnome-keyring-daemon --start --components=secrets | sed 's/^/export /')"
set +e
"$@"
rc=$?
exit $rc
