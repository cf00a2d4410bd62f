#!/usr/bin/env bash
# How long a newcomer waits: a clean build of everything (no ccache) and the test suite, the way
# scripts/test.sh runs them, on a fresh clone of a commit. Prints a Markdown table on stdout:
#
#   step | wall s | CPU s (user + sys)
#
# and where the build's CPU time goes (compiles per library, precompiled headers, links: every
# compile and link runs through bench/cpu_time_launcher.py), then the ten steps that took most.
#
# Usage: bench/build_time.sh [REV] [--no-tests]     (REV defaults to HEAD)
#
# CPU seconds are the robust figure on a shared machine: other work stretches the wall clock but
# hardly the CPU time each compiler needs. On a quiet 2-core machine wall ~ CPU / 2.
# Commits before 70429b0 let ccache override the launcher: their table of parts stays empty.
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
# The tests read the clone's tests/data; its scripts/test.sh copies the files that are not
# committed from ../shared/data beside this checkout (RRTF_SHARED_DATA), where there is one.
# Commits from before tests/data read ../shared/data itself, through -DRRTF_SHARED_DATA.
RRTF_SHARED_DATA=""
if [ -d "$root/../shared/data" ]; then RRTF_SHARED_DATA="$(cd "$root/../shared/data" && pwd)"; fi
export RRTF_SHARED_DATA
data_option=()
if [ ! -d "$work/src/tests/data" ]; then data_option=(-DRRTF_SHARED_DATA="$RRTF_SHARED_DATA"); fi
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
export RRTF_CPU_LOG="$work/cpu.log"
launcher="$root/bench/cpu_time_launcher.py"
run_step configure cmake -S "$work/src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  "${data_option[@]}" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_CXX_LINKER_LAUNCHER="$launcher"
rows+=("| configure | $step_wall | $step_cpu |")
run_step build cmake --build "$build" ${JOBS:+-j "$JOBS"}
rows+=("| clean build (no ccache) | $step_wall | $step_cpu |")
if [ "$tests" = 1 ]; then
  # The checkout's own test command (its ninja finds nothing left to build).
  run_step tests env RRTF_BUILD_DIR="$build" "$work/src/scripts/test.sh"
  rows+=("| tests (ctest) | $step_wall | $step_cpu |")
fi

echo "Build time of $commit on $(nproc) cores ($(date -u +%Y-%m-%d))"
echo
echo "| step | wall s | CPU s |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"

echo
echo "| part of the build | steps | CPU s |"
echo "|---|---|---|"
awk -F'\t' '
  function part(out) {
    if (out ~ /\.gch$/) return "precompiled headers";
    if (out !~ /\.o$/) return "links";
    if (out ~ /^tests\//) return "tests (compiles)";
    if (out ~ /^bench\//) return "bench";
    if (out ~ /rrtf_engine\.dir/) return "engine (LibTorch)";
    if (out ~ /rrtf_evaluation\.dir|sandbox/) return "evaluation and sandbox";
    if (out ~ /^app\/cli\//) return "rrtf (CLI)";
    if (out ~ /^app\/workbench\//) return "workbench";
    if (out ~ /^widgets\//) return "widgets";
    return "other";
  }
  { cpu[part($2)] += $1; n[part($2)]++; total += $1; steps++ }
  END {
    for (p in cpu) printf "| %s | %d | %.0f |\n", p, n[p], cpu[p] | "sort -t\"|\" -k4 -rn";
    close("sort -t\"|\" -k4 -rn");
    printf "| all compiles and links | %d | %.0f |\n", steps, total;
  }' "$RRTF_CPU_LOG"

echo >&2
echo "Costliest steps (CPU seconds):" >&2
sort -rn "$RRTF_CPU_LOG" | head -10 >&2
