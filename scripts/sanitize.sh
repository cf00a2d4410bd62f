#!/usr/bin/env bash
# Builds the engine, the command line, the sandbox helper and their tests with a
# sanitizer (GCC's; clang 14 cannot compile LibTorch 1.13's headers as C++20) and
# runs the tests under it. A sanitizer's report stops the
# program that made it with an error, so it fails that test and the run.
#
#   ./scripts/sanitize.sh [address|thread] [CTEST ARGS...]
#
# address (default): AddressSanitizer + UBSan into build-asan/ (or $RRTF_ASAN_BUILD_DIR);
#   every test of the engine, the sandbox and the command line.
# thread: ThreadSanitizer into build-tsan/ (or $RRTF_TSAN_BUILD_DIR), with the window: the
#   tests labelled "evaluation" but those of the command line (the worker pool, the sandbox
#   pool, the evaluator, the verdict journal, contamination, the answer judging) and those
#   labelled "window" but the latency test (the model hosts' threads, the judge's pool, the
#   workspace writer, the readers of the rankings and training views). They run on one core
#   (taskset), so that LibTorch keeps to one thread: its OpenMP pool is not instrumented and
#   its hand-offs would all look like races. Qt is not instrumented either: its own locks are
#   futexes TSan cannot see, so accesses that Qt makes (memcpy, free) are not checked
#   (ignore_noninstrumented_modules) and our hand-offs through Qt's locks are marked
#   (engine/runtime/tsan_sync.h). The sandbox helper itself is left uninstrumented
#   (cmake/RrtfSanitize.cmake).
#
# LibTorch's and Qt's own code is not instrumented. RRTF_SANITIZE_JOBS=N builds with N jobs
# (default: ninja's choice).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-address}"
shift || true
case "$mode" in
  address) build="${RRTF_ASAN_BUILD_DIR:-$root/build-asan}"; select=(); programs=(rrtf rrtf-sandbox)
           gui=OFF; run=() ;;
  thread) build="${RRTF_TSAN_BUILD_DIR:-$root/build-tsan}"
          select=(-L 'evaluation|window' -E '^(test_cli.*|test_responsiveness)$')
          programs=(rrtf rrtf-sandbox); gui=ON; run=(taskset -c 0) ;;
  *) echo "sanitize.sh: the mode is address or thread, got '$mode'" >&2; exit 2 ;;
esac

"$root/scripts/install-deps.sh"
# Configured every time (seconds), so that a build folder of an older script gets these options.
# -O1: the stacks stay readable and the tests run at a usable speed.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DRRTF_SANITIZE="$mode" -DRRTF_BUILD_GUI="$gui" -DRRTF_BUILD_BENCH=OFF \
  -DRRTF_BUILD_SENTENCEPIECE=OFF >&2

# Only what the selected tests run: their executables (tests that are scripts have
# none) and the programs they start.
mapfile -t tests < <(ctest --test-dir "$build" -N "${select[@]}" | sed -n 's/^ *Test *#[0-9]*: //p')
declare -A buildable
while IFS= read -r target; do buildable[$target]=1; done < <(ninja -C "$build" -t targets all | sed 's/: .*//')
targets=("${programs[@]}")
for name in "${tests[@]}"; do
  [ -n "${buildable[$name]:-}" ] && targets+=("$name")
done
started=$(date +%s)
cmake --build "$build" --target "${targets[@]}" ${RRTF_SANITIZE_JOBS:+-j "$RRTF_SANITIZE_JOBS"} >&2
echo "sanitize.sh: built in $(( $(date +%s) - started )) s" >&2

# Leaks inside LibTorch are not ours (fuzz/lsan.supp). halt_on_error: the first report fails the test.
export ASAN_OPTIONS="halt_on_error=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# die_after_fork=0: the window starts programs (QProcess) from a process with threads.
export TSAN_OPTIONS="suppressions=$root/scripts/tsan.supp:halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1:die_after_fork=0${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
export QT_QPA_PLATFORM=offscreen OMP_NUM_THREADS=1
"${run[@]}" ctest --test-dir "$build" --output-on-failure --timeout 1800 "${select[@]}" "$@"
