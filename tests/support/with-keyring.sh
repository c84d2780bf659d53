#!/usr/bin/env bash
# Runs one command under a private D-Bus session bus with an unlocked,
# throwaway gnome-keyring, so QtKeychain talks to a real Secret Service.
# HOME and XDG dirs point into a temporary folder: the user's keyring is never touched.
#
# Both daemons run in the foreground as children of this script (no
# dbus-launch, no self-daemonising keyring): they are killed and reaped on
# every exit path, and a ctest timeout, which kills the whole process tree,
# takes them down too. Works as root and without DISPLAY.
#
# Exports LINESCOPE_TEST_KEYRING=1 so tests can refuse to run against a
# developer's real keyring.
set -eu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/linescope-keyring.XXXXXX")
daemon_pids=()
child_pid=

cleanup() {
    local pid
    if [ -n "$child_pid" ]; then
        kill "$child_pid" 2>/dev/null || true
        wait "$child_pid" 2>/dev/null || true
    fi
    for pid in "${daemon_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${daemon_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
    echo "with-keyring.sh: $1" >&2
    for log in "$tmp"/*.log; do
        [ -s "$log" ] && sed "s|^|  $(basename "$log"): |" "$log" >&2
    done
    exit 1
}

for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || fail "$tool not found (install dbus, dbus-bin and gnome-keyring)"
done

export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
export XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CACHE_HOME="$tmp/home/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# No desktop: keeps QtKeychain on the Secret Service and stops GLib from
# trying to autolaunch a bus on an X display.
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION \
    GNOME_DESKTOP_SESSION_ID GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

dbus-daemon --session --nofork --nosyslog --print-address=3 3>"$tmp/bus-address" 2>"$tmp/dbus.log" &
daemon_pids+=($!)
for _ in $(seq 100); do
    [ -s "$tmp/bus-address" ] && break
    sleep 0.1
done
[ -s "$tmp/bus-address" ] || fail "the private D-Bus session bus did not start"
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$tmp/bus-address")
export DBUS_SESSION_BUS_ADDRESS

# --unlock creates and unlocks the "login" collection with this password;
# without it writes fail with "Object does not exist at path .../collection/login".
printf 'ci-pass' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$tmp/keyring.log" 2>&1 &
daemon_pids+=($!)

secrets_ready() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 100); do
    secrets_ready && break
    kill -0 "${daemon_pids[1]}" 2>/dev/null || fail "gnome-keyring-daemon exited early"
    sleep 0.1
done
secrets_ready || fail "gnome-keyring-daemon did not provide org.freedesktop.secrets"

export LINESCOPE_TEST_KEYRING=1
set +e
# In the background so that a signal to this script is handled at once
# (bash defers traps while a foreground command runs).
"$@" &
child_pid=$!
wait "$child_pid"
rc=$?
child_pid=
exit $rc
