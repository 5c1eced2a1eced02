#!/usr/bin/env bash
# Builds the release binary that runs on a machine without Swift (the Swift runtime linked in
# statically, symbols stripped) and installs it.
#
# Usage: scripts/install.sh [PREFIX]      (default /usr/local: installs PREFIX/bin/clawfix)
#        scripts/install.sh --build-only  (builds and prints the binary's path, installs nothing)
# The binary still needs the system's libsqlite3 (for the knowledge index), glibc, libstdc++ and
# libm, present on any Debian or Ubuntu; libedit is optional (loaded at run time for chat).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

swift build -c release --static-swift-stdlib --product clawfix
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/clawfix"
out=".build/clawfix-release"
mkdir -p "$out"
cp "$built" "$out/clawfix"
strip "$out/clawfix"
if [ "${1:-}" = "--build-only" ]; then
    echo "$PWD/$out/clawfix"
    exit 0
fi
prefix=${1:-/usr/local}
install -d "$prefix/bin"
install -m 0755 "$out/clawfix" "$prefix/bin/clawfix"
echo "installed $prefix/bin/clawfix ($("$prefix/bin/clawfix" --version))"
