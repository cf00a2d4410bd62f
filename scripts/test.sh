#!/usr/bin/env bash
# Quick start, command 2: installs what is needed, builds everything and runs
# every test with CTest, as many at a time as there are cores (a test that must run
# alone says RUN_SERIAL). Extra arguments go to ctest (e.g. -R golden).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"

"$root/scripts/fetch-test-data.sh"  # the test data that is not committed; offline, those tests skip
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 900 -j "$(nproc)" "$@"
