#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan) into build-fuzz/
# (or $RRTF_FUZZ_BUILD_DIR) and runs each for SECONDS (default 60) on a scratch
# copy of its corpus, after replaying the inputs that once crashed it
# (fuzz/regressions/<target>/). A crash, a hang (-timeout=10), an allocation
# over 1 GiB or an RSS over 2 GiB fails the run; the input is kept under
# build-fuzz/crashes/<target>/. Prints a table and exits non-zero on any failure.
#
#   ./scripts/fuzz.sh [SECONDS] [TARGET...]
#   RRTF_FUZZ_NICE=10 (default) runs the fuzzers under nice; RRTF_FUZZ_JOBS=N
#   builds with N jobs (default: ninja's choice); RRTF_FUZZ_SEED=N fixes
#   libFuzzer's seed (CI does: every run then tries the same inputs first, so a
#   landing is not failed by a find of chance; the find still fails the run that
#   made it, locally).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift || true
case "$seconds" in (''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2;; esac

"$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 \
    -DRRTF_BUILD_FUZZERS=ON -DRRTF_BUILD_TESTS=OFF -DRRTF_BUILD_BENCH=OFF -DRRTF_BUILD_GUI=OFF \
    -DRRTF_BUILD_SENTENCEPIECE=OFF >&2
fi
started=$(date +%s)
cmake --build "$build" --target fuzzers ${RRTF_FUZZ_JOBS:+-j "$RRTF_FUZZ_JOBS"} >&2
echo "fuzz.sh: built in $(( $(date +%s) - started )) s" >&2

targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  for binary in "$build"/fuzzers/*; do
    [ -x "$binary" ] && targets+=("$(basename "$binary")")
  done
fi

nice_cmd=(nice -n "${RRTF_FUZZ_NICE:-10}")
# Leaks inside LibTorch are not ours (fuzz/lsan.supp); UB reports get a stack.
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024)
seed=()
if [ -n "${RRTF_FUZZ_SEED:-}" ]; then
  seed=(-seed="$RRTF_FUZZ_SEED")
fi
work="$build/fuzz-work"
crashes="$build/crashes"
rows=()
failed=0
for target in "${targets[@]}"; do
  binary="$build/fuzzers/$target"
  if [ ! -x "$binary" ]; then
    echo "fuzz.sh: no fuzz target '$target' in $build/fuzzers" >&2
    exit 2
  fi
  mkdir -p "$crashes/$target"
  log="$work/$target.log"
  mkdir -p "$work"
  result=ok
  runs=0
  begin=$(date +%s)

  # 1. Every input that once crashed must now be refused cleanly.
  regressions="$root/fuzz/regressions/$target"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if ! "${nice_cmd[@]}" "$binary" "${limits[@]}" -artifact_prefix="$crashes/$target/" \
        "$regressions"/* >"$log.regressions" 2>&1; then
      result="REGRESSION (see $log.regressions)"
    fi
    runs=$(ls -A "$regressions" | wc -l)
  fi

  # 2. Fuzz a scratch copy of the corpus, so fuzz/corpus stays as committed.
  if [ "$result" = ok ] && [ "$seconds" -gt 0 ]; then
    rm -rf "$work/$target"
    mkdir -p "$work/$target"
    if [ -d "$root/fuzz/corpus/$target" ]; then
      cp -r "$root/fuzz/corpus/$target/." "$work/$target/"
    fi
    dict=()
    if [ -f "$root/fuzz/dict/$target.dict" ]; then
      dict=(-dict="$root/fuzz/dict/$target.dict")
    fi
    if "${nice_cmd[@]}" "$binary" "${limits[@]}" "${seed[@]}" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$crashes/$target/" "$work/$target" >"$log" 2>&1; then
      fuzzed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
      runs=$((runs + ${fuzzed:-0}))
    else
      artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
      result="CRASH ${artifact:-(see $log)}"
    fi
  fi
  [ "$result" = ok ] || failed=1
  rows+=("$(printf '%-20s %12s %8s  %s' "$target" "$runs" "$(( $(date +%s) - begin ))" "$result")")
done

printf '%-20s %12s %8s  %s\n' target runs seconds result
for row in "${rows[@]}"; do echo "$row"; done
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: a target failed; each log is in $work/, each crashing input in $crashes/" >&2
  exit 1
fi
