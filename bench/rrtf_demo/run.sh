#!/bin/sh
# The README's RRTF demonstration, end to end with the project's own tools; it
# also makes the workbench's three demo models (bench/rrtf_demo/pack.sh ships them):
#
#   1. a family of Python problems with tests, five kinds (make_task.py);
#   2. the base model ("StarCoder (demo)"): a random GPTBigCode trained with
#      `rrtf train` (objective sft, raw completion) on a corpus of answers of which
#      more than half carry their operation's typical bug;
#   3. RRTF's data: `rrtf sample` draws 4 answers per training instruction from the
#      base model, `rrtf rank` judges them and the reference (teacher) answers;
#   4. per seed, two fine-tuning runs from the base with the same data, steps and
#      learning rate: "sft-N" (WizardCoder's recipe: the teacher's answer only, in
#      Alpaca's template) and "rrtf-N" (PanGu-Coder2's: ranking loss + SFT, in the
#      triple-quoted template); and (CONTROL=1, the default) "sft-pangu-N", SFT in RRTF's
#      template, to tell the objective's effect from the template's;
#   5. bench_pass_at_1: greedy and sampled pass@1 of all of them on held-out problems.
#
#   bench/rrtf_demo/run.sh [WORK_DIR]   (default /tmp/rrtf-demo; build first:
#                                       ./scripts/build.sh rrtf rrtf-sandbox bench_pass_at_1)
#
# Every stage is skipped when its output exists, and `rrtf train` resumes a
# killed run, so running it again continues where it stopped. Knobs: SEED (the
# task, the base model and the samples), TUNE_SEEDS (one run of each recipe per
# seed: the seed orders the data), LAYERS, HIDDEN, BASE_EPOCHS, TUNE_EPOCHS,
# TUNE_LR, SAMPLES, CONTROL.
#
# Reproducible: floating-point sums depend on the order they are taken in, and
# LibTorch and OpenBLAS pick their kernels (AVX-512 or AVX2, how work is split)
# from the CPU and the thread count; hundreds of training steps turn the last bit
# of a sum into a different model. So the script fixes all three. With them a
# run repeated here gives the same weights byte for byte; other CPU models are
# not measured (README: compare against the seed spread).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${RRTF_BUILD_DIR:-$root/build}
rrtf="$build/bin/rrtf"
bench="$build/bench/bench_pass_at_1"
work=${1:-/tmp/rrtf-demo}
seed=${SEED:-7}
layers=${LAYERS:-2}
hidden=${HIDDEN:-128}
base_epochs=${BASE_EPOCHS:-8}
tune_seeds=${TUNE_SEEDS:-1 2 3}
tune_epochs=${TUNE_EPOCHS:-2}
tune_lr=${TUNE_LR:-0.0001}
samples=${SAMPLES:-10}
control=${CONTROL:-1}
threads=2
export ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell OMP_NUM_THREADS=$threads
# OpenMP threads that spin while they wait only steal the core from the sandbox and other work.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

for tool in "$rrtf" "$bench"; do
    [ -x "$tool" ] || { echo "run.sh: $tool is missing: build it first (./scripts/build.sh rrtf rrtf-sandbox bench_pass_at_1)" >&2; exit 1; }
done
mkdir -p "$work"
cd "$work"
stage() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

# A run folder with config.json; `rrtf train` resumes it if it was killed.
train() {  # train RUN_DIR JSON_FIELDS
    mkdir -p "$1"
    [ -f "$1/config.json" ] || printf '{%s}\n' "$2" > "$1/config.json"
    [ -d "$1/final" ] || "$rrtf" train "$1" --threads "$threads"
}

stage "1. problems"
[ -f task/heldout.jsonl ] || python3 "$here/make_task.py" task --seed "$seed"

stage "2. base model: random weights, then the buggy corpus (raw completion)"
[ -d random ] || "$rrtf" make-demo-model random --tokenizer task/tokenizer.json --layers "$layers" \
    --hidden "$hidden" --heads 4 --positions 512 --seed "$seed"
[ -f corpus-rankings.jsonl ] || "$rrtf" rank task/pretrain.jsonl --out corpus-rankings.jsonl --quiet
train base-run '"model": "../random", "rankings": "../corpus-rankings.jsonl", "objective": "sft",
  "prompt_template": "raw", "epochs": '"$base_epochs"', "global_batch": 32, "micro_batch": 16, "lr": 0.005,
 "warmup_steps": 20, "max_length": 512, "checkpoint_every": 100, "seed": '"$seed"

stage "3. RRTF data: sample the base model, rank by tests and teacher"
[ -f samples.jsonl ] && [ -f rankings.jsonl ] || {
    "$rrtf" sample task/train.jsonl --student base-run/final --student-template raw --k 4 \
        --student-temperature 0.8 --max-new-tokens 128 --seed "$seed" --threads "$threads" --out samples.jsonl
    "$rrtf" rank task/train.jsonl samples.jsonl --out rankings.jsonl --quiet
}

stage "4. fine-tuning: WizardCoder's recipe (SFT) and PanGu-Coder2's (RRTF), the same steps"
models="base:raw=base-run/final"
for tune_seed in $tune_seeds; do
    tune='"model": "../base-run/final", "rankings": "../rankings.jsonl", "eval_problems": "../task/heldout.jsonl",
 "eval_every": 10, "eval_max_new_tokens": 128, "epochs": '"$tune_epochs"', "global_batch": 16, "micro_batch": 4,
 "lr": '"$tune_lr"', "warmup_steps": 3, "max_length": 512, "seed": '"$tune_seed"', "checkpoint_every": 50'
    train "sft-$tune_seed" "$tune"', "objective": "sft", "prompt_template": "alpaca"'
    train "rrtf-$tune_seed" "$tune"', "objective": "rrtf", "prompt_template": "pangu"'
    models="$models sft-$tune_seed:alpaca=sft-$tune_seed/final rrtf-$tune_seed:pangu=rrtf-$tune_seed/final"
    if [ "$control" = 1 ]; then
        train "sft-pangu-$tune_seed" "$tune"', "objective": "sft", "prompt_template": "pangu"'
        models="$models sft-pangu-$tune_seed:pangu=sft-pangu-$tune_seed/final"
    fi
done

stage "5. pass@1 on the held-out problems"
# shellcheck disable=SC2086 # one argument per model
"$bench" --problems task/heldout.jsonl --samples "$samples" --max-new-tokens 128 --seed "$seed" \
    --threads "$threads" --answers answers.jsonl $models | tee pass-at-1.md
echo "Curves: open the workbench's Training tab and follow $work/sft-* and $work/rrtf-* (pass@1 every 10 steps)."
