#!/bin/sh
# Makes the workbench's demo pack (resources/demo) from a finished run.sh folder:
# the base model as "StarCoder (demo)", the seed-1 SFT run as "WizardCoder (demo)"
# and the seed-1 RRTF run as "PanGu-Coder2 (demo)", the held-out problems as the
# demo problem set, the RRTF data and a config for the Training tab's demo jobs,
# and demo.json, which names them all. Regenerating from scratch:
#
#   ./scripts/build.sh rrtf rrtf-sandbox bench_pass_at_1
#   bench/rrtf_demo/run.sh /tmp/rrtf-demo && bench/rrtf_demo/pack.sh /tmp/rrtf-demo
#
# run.sh is deterministic (see there), so this gives the same files, byte for byte.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:?usage: pack.sh RUN_SH_FOLDER [PACK_FOLDER]}
pack=${2:-$root/resources/demo}
seed=${PACK_SEED:-1}

for needed in base-run/final "sft-$seed/final" "rrtf-$seed/final" rankings.jsonl task/heldout.jsonl \
              pass-at-1.md answers.jsonl; do
    [ -e "$work/$needed" ] || { echo "pack.sh: $work/$needed is missing: run bench/rrtf_demo/run.sh $work first" >&2; exit 1; }
done

copy_model() {  # copy_model RUN_FINAL NAME
    mkdir -p "$pack/models/$2"
    for file in config.json model.safetensors tokenizer.json; do
        cp "$work/$1/$file" "$pack/models/$2/$file"
    done
}
rm -rf "$pack/models" "$pack/training"
copy_model base-run/final starcoder-demo
copy_model "sft-$seed/final" wizardcoder-demo
copy_model "rrtf-$seed/final" pangu-coder2-demo
cp "$work/task/heldout.jsonl" "$pack/problems.jsonl"
mkdir -p "$pack/training"
cp "$work/rankings.jsonl" "$pack/training/rankings.jsonl"
cp "$work/pass-at-1.md" "$pack/pass-at-1.md"
python3 "$here/pack_manifest.py" --work "$work" --pack "$pack" --seed "$seed"
echo "pack.sh: wrote $pack ($(du -sh "$pack" | cut -f1))"
