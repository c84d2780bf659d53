#!/usr/bin/env bash
# Builds the WiX recipe with wixl from placeholder binaries and checks that the
# MSI has the files, the shortcut and the upgrade code: the Windows installer
# recipe must not rot on Linux CI.
set -euo pipefail
wxs=${1:?usage: $0 linescope.wxs}
command -v wixl >/dev/null || { echo "wixl not installed (package wixl)" >&2; exit 1; }
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
for f in linescope.exe linescope-cli.exe mosquitto.exe; do echo "placeholder $f" > "$stage/$f"; done
(cd "$stage" && wixl -a x64 -D SourceDir=. -o LineScope.msi "$wxs" 2>/dev/null)
files=$(msiinfo export "$stage/LineScope.msi" File)
for f in linescope.exe linescope-cli.exe mosquitto.exe; do
    grep -q "$f" <<<"$files" || { echo "MSI lacks $f" >&2; exit 1; }
done
# Tables are read into variables first: `cmd | grep -q` under pipefail fails
# whenever grep exits before msiinfo has written everything.
shortcuts=$(msiinfo export "$stage/LineScope.msi" Shortcut)
properties=$(msiinfo export "$stage/LineScope.msi" Property)
grep -q LineScope <<<"$shortcuts" || { echo "MSI lacks the Start menu shortcut" >&2; exit 1; }
grep -q '6C1B1B0E-6F1E-4E51-9C0B-5A9A3C2F7D41' <<<"$properties" || { echo "MSI lacks the upgrade code" >&2; exit 1; }
echo "MSI recipe OK: $(tail -n +4 <<<"$files" | wc -l) files"
