#!/bin/sh
# The README's RRTF demonstration, end to end with the project's own tools:
#
#   1. a family of Python problems with tests (make_task.py);
#   2. a base model: a random 2-layer GPTBigCode trained with `rrtf train`
#      (objective sft) on a corpus of answers of which almost half are buggy;
#   3. RRTF's data: `rrtf sample` draws 4 answers per training instruction from
#      the base model, `rrtf rank` judges them and the reference (teacher) answers;
#   4. per seed, two fine-tuning runs from the base, identical but for the
#      objective: "sft" (the teacher's answer only) and "rrtf" (ranking loss + SFT);
#   5. bench_pass_at_1: greedy and sampled pass@1 of all of them on held-out problems.
#
#   bench/rrtf_demo/run.sh [WORK_DIR]   (default /tmp/rrtf-demo; build first:
#                                       ./scripts/build.sh rrtf rrtf-sandbox bench_pass_at_1)
#
# Every stage is skipped when its output exists, and `rrtf train` resumes a
# killed run, so running it again continues where it stopped. Knobs: SEED (the
# task, the base model and the samples), TUNE_SEEDS (one SFT and one RRTF run
# per seed: the seed orders the data), BASE_EPOCHS, TUNE_EPOCHS, TUNE_LR, SAMPLES.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${RRTF_BUILD_DIR:-$root/build}
rrtf="$build/bin/rrtf"
bench="$build/bench/bench_pass_at_1"
work=${1:-/tmp/rrtf-demo}
seed=${SEED:-7}
base_epochs=${BASE_EPOCHS:-6}
tune_seeds=${TUNE_SEEDS:-1 2 3}
tune_epochs=${TUNE_EPOCHS:-2}
tune_lr=${TUNE_LR:-0.0001}
samples=${SAMPLES:-10}
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
    [ -d "$1/final" ] || "$rrtf" train "$1"
}

stage "1. problems"
[ -f task/heldout.jsonl ] || python3 "$here/make_task.py" task --seed "$seed"

stage "2. base model: random weights, then the buggy corpus"
[ -d random ] || "$rrtf" make-demo-model random --tokenizer task/tokenizer.json --layers 2 --hidden 128 --heads 4 --positions 256
[ -f corpus-rankings.jsonl ] || "$rrtf" rank task/pretrain.jsonl --out corpus-rankings.jsonl
train base-run '"model": "../random", "rankings": "../corpus-rankings.jsonl", "objective": "sft",
 "epochs": '"$base_epochs"', "global_batch": 32, "micro_batch": 16, "lr": 0.005, "warmup_steps": 20,
 "max_length": 256, "checkpoint_every": 100'

stage "3. RRTF data: sample the base model, rank by tests and teacher"
[ -f samples.jsonl ] && [ -f rankings.jsonl ] || {
    "$rrtf" sample task/train.jsonl --student base-run/final --k 4 --student-temperature 0.8 \
        --max-new-tokens 48 --seed "$seed" --out samples.jsonl
    "$rrtf" rank task/train.jsonl samples.jsonl --out rankings.jsonl
}

stage "4. fine-tuning: SFT and RRTF, the same settings"
models="base=base-run/final"
for tune_seed in $tune_seeds; do
    tune='"model": "../base-run/final", "rankings": "../rankings.jsonl", "eval_problems": "../task/heldout.jsonl",
 "eval_every": 5, "eval_max_new_tokens": 48, "epochs": '"$tune_epochs"', "global_batch": 16, "micro_batch": 4,
 "lr": '"$tune_lr"', "warmup_steps": 3, "max_length": 256, "seed": '"$tune_seed"', "checkpoint_every": 50'
    train "sft-$tune_seed" "$tune"', "objective": "sft"'
    train "rrtf-$tune_seed" "$tune"', "objective": "rrtf"'
    models="$models sft-$tune_seed=sft-$tune_seed/final rrtf-$tune_seed=rrtf-$tune_seed/final"
done

stage "5. pass@1 on the held-out problems"
# shellcheck disable=SC2086 # one argument per model
"$bench" --problems task/heldout.jsonl --samples "$samples" --max-new-tokens 48 --seed "$seed" $models | tee pass-at-1.md
echo "Curves: open the workbench's Training tab and follow $work/sft-* and $work/rrtf-* (pass@1 every 5 steps)."
