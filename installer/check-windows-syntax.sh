#!/usr/bin/env bash
# Syntax-only compile of the Windows platform files (*_win.cpp) with MinGW-w64,
# against the Linux Qt 6 headers, so Windows-only code is at least parsed and
# type-checked on a Linux machine. Nothing is linked or run.
#
# Needs x86_64-w64-mingw32-g++ (Debian: apt-get install g++-mingw-w64-x86-64);
# deliberately not part of setup.sh or CI. Usage, from anywhere:
#   bash installer/check-windows-syntax.sh [QT_INCLUDE_DIR]
# Exits 0 when every file compiles, 1 otherwise (the compiler's messages say why).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
qt=${1:-/usr/include/x86_64-linux-gnu/qt6}
compiler=${CXX_MINGW:-x86_64-w64-mingw32-g++}

if ! command -v "$compiler" >/dev/null 2>&1; then
    echo "check-windows-syntax: $compiler not found; install g++-mingw-w64-x86-64 or set CXX_MINGW." >&2
    exit 1
fi
if [ ! -f "$qt/QtCore/qglobal.h" ]; then
    echo "check-windows-syntax: no Qt 6 headers in $qt (expected $qt/QtCore/qglobal.h); pass the folder." >&2
    exit 1
fi

mapfile -t files < <(cd "$here" && git ls-files '*_win.cpp')
if [ "${#files[@]}" -eq 0 ]; then
    echo "check-windows-syntax: no *_win.cpp files in $here" >&2
    exit 1
fi

failed=0
for file in "${files[@]}"; do
    # Qt as system headers: their MinGW dllimport notes are not ours; our own
    # code must be warning-free as on Linux. UNICODE as in a Windows build of Qt applications (CMake's Qt targets set it).
    if "$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror \
        -DUNICODE -D_UNICODE -DQT_CORE_LIB \
        -I"$here/models" -I"$here/models/$(dirname "${file#models/}")" \
        -isystem "$qt" -isystem "$qt/QtCore" -isystem "$qt/QtNetwork" \
        "$here/$file"; then
        echo "ok      $file"
    else
        echo "FAILED  $file"
        failed=1
    fi
done
exit "$failed"
