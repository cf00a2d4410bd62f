#!/usr/bin/env bash
# llama.cpp peer figures for the engine benchmark's model (4 layers, hidden 512, 8 heads
# multi-query, vocab 49,152, tied head; random weights from `rrtf make-demo-model`).
# Prints a Markdown table on stdout (progress and raw figures go to stderr), and the project's
# own beside it (below):
#
#   precision | weights file MiB | prefill 128 tok/s | decode batch 1 ms/token | n=16 aggregate tok/s
#
# for f32, q8_0, q4_0 and q4_0 --pure (the precision cell names the type llama-quantize gave
# token_embd, which is also the tied output projection). Each cell is the median of $REPS runs:
#   prefill, decode: llama-bench -t $THREADS -p 128 -n 128 (each run is llama-bench's own mean
#                    of 5 repetitions after a warm-up; tg128 decodes from an empty context);
#                    ms/token = 1000 / tg128 tok/s
#   n=16:            llama-batched-bench -t $THREADS -c 4096 -npp 16 -ntg 128 -npl 1,16 -pps
#                    (one 16-token prompt shared by 16 sequences, 128 tokens each): S_TG t/s, B=16
#
# Side by side: where bench_quant is built, the same model goes through `rrtf quantize` (int8,
# rtn4 g128) and each llama.cpp run is followed by `bench_quant --speed` on its counterpart
# (f32 - fp32, q8_0 - int8, q4_0 - rtn4 g128), so a slow spell of a shared machine hits both
# alike; a second table gives the project's figures (greedy 128 tokens after a 16-token prompt;
# n=16 sampling 128 tokens each; prefill 128 tokens, head on the last position).
#
# The peer is an existing llama.cpp checkout built separately for the CPU (Release, GGML_NATIVE,
# OpenMP) whose build/bin holds llama-bench, llama-quantize and llama-batched-bench; written
# against llama.cpp c392e5094 (build 4748, February 2025). This script builds nothing.
#
# Environment:
#   LLAMA_CPP  llama.cpp checkout with build/bin (required; its gguf-py is used by the converter)
#   RRTF       rrtf binary (default: build/bin/rrtf of this repository)
#   BENCH_QUANT bench_quant binary (default: build/bench/bench_quant; absent: llama.cpp alone)
#   ST2GGUF    safetensors -> GGUF converter (default: ../shared/tools/st2gguf.py beside the repo)
#   PYTHON     python3 with numpy (default: python3, else /usr/bin/python3)
#   THREADS=2  REPS=3
#   BUSY_MAX=0.25 WAIT_MAX_S=600 the machine may be shared: before each run, wait until the CPUs
#                                were less than BUSY_MAX busy over one second (other work; ours is
#                                not running then), at most WAIT_MAX_S in all, then measure anyway
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
: "${LLAMA_CPP:?set LLAMA_CPP to a llama.cpp checkout with build/bin}"
LLAMA_CPP="$(cd "$LLAMA_CPP" && pwd)"
RRTF="${RRTF:-$root/build/bin/rrtf}"
BENCH_QUANT="${BENCH_QUANT:-$root/build/bench/bench_quant}"
ST2GGUF="${ST2GGUF:-$root/../shared/tools/st2gguf.py}"
THREADS="${THREADS:-2}"
REPS="${REPS:-3}"
BUSY_MAX="${BUSY_MAX:-0.25}"
WAIT_MAX_S="${WAIT_MAX_S:-600}"
bin="$LLAMA_CPP/build/bin"

for t in llama-bench llama-quantize llama-batched-bench; do
  [ -x "$bin/$t" ] || { echo "llama_cpp_peer: $bin/$t not found (build the peer first)" >&2; exit 1; }
done
[ -x "$RRTF" ] || { echo "llama_cpp_peer: rrtf binary $RRTF not found (set RRTF)" >&2; exit 1; }
[ -f "$ST2GGUF" ] || { echo "llama_cpp_peer: converter $ST2GGUF not found (set ST2GGUF)" >&2; exit 1; }

py=""
for c in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c "import numpy" 2>/dev/null; then py="$c"; break; fi
done
[ -n "$py" ] || { echo "llama_cpp_peer: no python3 with numpy (apt-get install python3-numpy, or set PYTHON)" >&2; exit 1; }

log() { echo "llama_cpp_peer: $*" >&2; }
median() { "$py" -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/llama_cpp_peer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

log "llama.cpp $(git -C "$LLAMA_CPP" rev-parse --short=9 HEAD 2>/dev/null || echo '?'), $THREADS threads, $REPS runs each, work dir $work"
"$RRTF" make-demo-model --hidden 512 --layers 4 --heads 8 "$work/model" >&2
"$py" "$ST2GGUF" "$work/model" "$work/f32.gguf" --outtype f32 --llama-cpp "$LLAMA_CPP" >&2

# The project's counterpart of each llama.cpp file: name|folder (none for --pure).
declare -A ours
if [ -x "$BENCH_QUANT" ]; then
  "$RRTF" quantize --model "$work/model" --out "$work/int8" --method int8 >&2
  "$RRTF" quantize --model "$work/model" --out "$work/rtn4" --method rtn4 --group-size 128 >&2
  ours[f32.gguf]="fp32|$work/model"; ours[q8_0.gguf]="int8|$work/int8"; ours[q4_0.gguf]="rtn4 g128|$work/rtn4"
else
  log "$BENCH_QUANT not built: llama.cpp alone"
fi

# name|quantize arguments|file
variants=("f32||f32.gguf" "q8_0|q8_0|q8_0.gguf" "q4_0|q4_0|q4_0.gguf" "q4_0 --pure|--pure q4_0|q4_0-pure.gguf")
declare -A head_type
head_type[f32.gguf]=f32
for v in "${variants[@]}"; do
  IFS='|' read -r name qargs file <<<"$v"
  [ -n "$qargs" ] || continue
  qopts="${qargs% *}"; qtype="${qargs##* }"; [ "$qopts" != "$qargs" ] || qopts=""
  # shellcheck disable=SC2086
  "$bin/llama-quantize" $qopts "$work/f32.gguf" "$work/$file" "$qtype" >"$work/$file.quantize.log" 2>&1 \
    || { cat "$work/$file.quantize.log" >&2; exit 1; }
  head_type[$file]="$(grep -E 'token_embd\.weight' "$work/$file.quantize.log" | grep -oE 'converting to [A-Za-z0-9_]+' | awk '{print $3}')"
  log "$name: token_embd (tied output) -> ${head_type[$file]}"
done

# Fraction of all CPUs busy over one second (from /proc/stat; idle and iowait count as idle).
cpu_busy() {
  local a b
  a="$(head -1 /proc/stat)"; sleep 1; b="$(head -1 /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); tot = 0
    for (i = 2; i <= n; i++) tot += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%.2f", (tot > 0 ? 1 - idle / tot : 0) }'
}
waited=0
wait_quiet() {
  local busy
  while :; do
    busy="$(cpu_busy)"
    awk -v b="$busy" -v m="$BUSY_MAX" 'BEGIN { exit !(b < m) }' && return 0
    if [ "$waited" -ge "$WAIT_MAX_S" ]; then log "CPUs $busy busy; wait budget spent, measuring anyway"; return 0; fi
    log "CPUs $busy busy with other work; waiting"
    sleep 9; waited=$((waited + 10))
  done
}

rows=(); our_rows=()
for v in "${variants[@]}"; do
  IFS='|' read -r name qargs file <<<"$v"
  model="$work/$file"
  pp=(); tg=(); agg=(); our_ms=(); our_n16=(); our_pp=()
  for ((r = 1; r <= REPS; r++)); do
    wait_quiet
    "$bin/llama-bench" -m "$model" -t "$THREADS" -p 128 -n 128 -o json >"$work/bench.json" 2>"$work/bench.err" \
      || { cat "$work/bench.err" >&2; exit 1; }
    read -r p t < <("$py" -c '
import json, sys
runs = json.load(open(sys.argv[1]))
pp = [r["avg_ts"] for r in runs if r["n_prompt"] == 128 and r["n_gen"] == 0]
tg = [r["avg_ts"] for r in runs if r["n_prompt"] == 0 and r["n_gen"] == 128]
print(pp[0], tg[0])' "$work/bench.json")
    wait_quiet
    "$bin/llama-batched-bench" -m "$model" -t "$THREADS" -c 4096 -npp 16 -ntg 128 -npl 1,16 -pps \
      >"$work/batched.out" 2>&1 || { cat "$work/batched.out" >&2; exit 1; }
    # | PP | TG | B | N_KV | T_PP s | S_PP t/s | T_TG s | S_TG t/s | T s | S t/s |
    a="$(awk -F'|' '$2+0 == 16 && $3+0 == 128 && $4+0 == 16 { gsub(/ /, "", $9); print $9 }' "$work/batched.out")"
    [ -n "$a" ] || { cat "$work/batched.out" >&2; log "no B=16 row in llama-batched-bench output"; exit 1; }
    b1="$(awk -F'|' '$2+0 == 16 && $3+0 == 128 && $4+0 == 1 { gsub(/ /, "", $9); print $9 }' "$work/batched.out")"
    log "$name run $r: pp128 $p tok/s, tg128 $t tok/s, batched S_TG B=1 $b1 / B=16 $a tok/s"
    pp+=("$p"); tg+=("$t"); agg+=("$a")
    if [ -n "${ours[$file]:-}" ]; then
      IFS='|' read -r our_name our_dir <<<"${ours[$file]}"
      wait_quiet
      "$BENCH_QUANT" --speed "$our_dir" --dtype float32 --repeats 3 --threads "$THREADS" >"$work/ours.json"
      read -r m n q < <("$py" -c '
import json, sys
f = json.load(open(sys.argv[1]))
print(f["ms_per_token"], f["n16"], f["prefill"], f["weights"])' "$work/ours.json" | tee "$work/ours.txt" | cut -d" " -f1-3)
      log "$our_name run $r: prefill $q tok/s, $m ms/token, n=16 $n tok/s"
      our_ms+=("$m"); our_n16+=("$n"); our_pp+=("$q")
    fi
  done
  if [ ${#our_ms[@]} -gt 0 ]; then
    our_mib="$(awk '{ printf "%.1f", $4 / 1048576 }' "$work/ours.txt")"
    our_rows+=("$(awk -v n="$our_name" -v m="$our_mib" -v p="$(median "${our_pp[@]}")" -v t="$(median "${our_ms[@]}")" \
      -v a="$(median "${our_n16[@]}")" 'BEGIN { printf "| %s | %s | %.0f | %.2f | %.0f |", n, m, p, t, a }')")
  fi
  mib="$(awk -v s="$(stat -c %s "$model")" 'BEGIN { printf "%.1f", s / 1048576 }')"
  pp_m="$(median "${pp[@]}")"; tg_m="$(median "${tg[@]}")"; agg_m="$(median "${agg[@]}")"
  rows+=("$(awk -v n="$name (head ${head_type[$file]})" -v m="$mib" -v p="$pp_m" -v t="$tg_m" -v a="$agg_m" \
    'BEGIN { printf "| %s | %s | %.0f | %.2f | %.0f |", n, m, p, 1000 / t, a }')")
done

echo "| precision | weights file MiB | prefill 128 tok/s | decode batch 1 ms/token | n=16 aggregate tok/s |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if [ ${#our_rows[@]} -gt 0 ]; then
  echo
  echo "| rrtf, same model, runs interleaved | weights in memory MiB | prefill 128 tok/s | decode batch 1 ms/token | n=16 aggregate tok/s |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${our_rows[@]}"
fi
