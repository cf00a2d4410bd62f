#!/usr/bin/env bash
# Configures and builds into build/ (or $RRTF_BUILD_DIR). Extra arguments are
# ninja targets; none builds everything.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$build" ${1:+--target "$@"} >&2
