#!/usr/bin/env bash
# How long a newcomer waits: a clean build of everything (no ccache) and the test suite, the way
# scripts/test.sh runs them, on a fresh clone of a commit. Prints a Markdown table on stdout:
#
#   step | wall s | CPU s (user + sys)
#
# and, on stderr, the ten translation units or links that took longest (from .ninja_log), which
# is where to look when the build gets slower.
#
# Usage: bench/build_time.sh [REV] [--no-tests]     (REV defaults to HEAD)
#
# CPU seconds are the robust figure on a shared machine: other work stretches the wall clock but
# hardly the CPU time each compiler needs. On a quiet 2-core machine wall ~ CPU / 2.
# Environment: JOBS (ninja -j, default: ninja's own), KEEP=1 keeps the clone (its path is printed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rev=HEAD
tests=1
for arg in "$@"; do
  case "$arg" in
    --no-tests) tests=0 ;;
    -*) echo "build_time.sh: unknown option $arg" >&2; exit 2 ;;
    *) rev="$arg" ;;
  esac
done

work=$(mktemp -d /tmp/rrtf-build-time.XXXXXX)
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

git -C "$root" worktree add --detach --quiet "$work/src" "$rev"
trap 'git -C "$root" worktree remove --force "$work/src" 2>/dev/null || true; cleanup' EXIT
# The tests read ../shared/data beside the checkout.
shared="$(cd "$root/../shared" && pwd)"
commit=$(git -C "$work/src" rev-parse --short HEAD)

# Runs a step, its output going to $work/<name>.log; sets step_wall and step_cpu (seconds).
run_step() {
  local name=$1; shift
  local TIMEFORMAT='%R %U %S' times
  if ! times=$( { time "$@" >"$work/$name.log" 2>&1; } 2>&1 ); then
    echo "build_time.sh: $name failed; see $work/$name.log" >&2
    KEEP=1
    tail -30 "$work/$name.log" >&2
    exit 1
  fi
  read -r step_wall user sys <<<"$times"
  step_wall=$(printf '%.0f' "$step_wall")
  step_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }')
}

"$root/scripts/install-deps.sh"
build="$work/build"
export CCACHE_DISABLE=1
rows=()
run_step configure cmake -S "$work/src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DRRTF_SHARED_DATA="$shared/data"
rows+=("| configure | $step_wall | $step_cpu |")
run_step build cmake --build "$build" ${JOBS:+-j "$JOBS"}
rows+=("| clean build (no ccache) | $step_wall | $step_cpu |")
if [ "$tests" = 1 ]; then
  run_step tests env QT_QPA_PLATFORM=offscreen \
    ctest --test-dir "$build" --output-on-failure --timeout 900
  rows+=("| tests (ctest) | $step_wall | $step_cpu |")
fi

echo "Build time of $commit on $(nproc) cores ($(date -u +%Y-%m-%d))"
echo
echo "| step | wall s | CPU s |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"

echo "Slowest steps (seconds, wall, while other steps ran beside them):" >&2
awk 'NR > 1 { printf "%7.1f  %s\n", ($2 - $1) / 1000, $4 }' "$build/.ninja_log" \
  | sort -rn | head -10 >&2
