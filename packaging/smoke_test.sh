#!/usr/bin/env bash
# What a new user tries first, run against the programs in PREFIX/bin from a
# scratch folder with a bare environment (no RRTF_* variables, a fresh HOME), so
# every program must find its helper, module and data by itself.
#
#   smoke_test.sh PREFIX PROBLEMS.jsonl.gz WORK_DIR [--gui]
#
# rrtf --version; rrtf eval on three HumanEval problems (their reference solutions
# pass); rrtf demo (sandbox, demo pack, three models); rrtf make-demo-model on the
# shipped tokenizer; with --gui, the window's first-start demo, offscreen, through
# to its screenshots. Used by check_install.sh (an install moved elsewhere) and
# check_package.sh (the .debs installed).
set -euo pipefail
prefix="$1"
problems="$2"
work="$3"
gui="${4:-}"
fail() { echo "smoke_test: $*" >&2; exit 1; }

home="$work/home"
mkdir -p "$home"
run() { (cd "$home" && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "$@"); }

version="$(run "$prefix/bin/rrtf" --version)"
[[ "$version" == "rrtf "* ]] || fail "rrtf --version printed '$version'"

python3 - "$problems" "$home" <<'PYTHON'
import gzip, json, sys
problems, home = sys.argv[1], sys.argv[2]
with gzip.open(problems, "rt") as source, open(home + "/three.jsonl", "w") as three, \
        open(home + "/answers.jsonl", "w") as answers:
    for line, _ in zip(source, range(3)):
        record = json.loads(line)
        three.write(line)
        answers.write(json.dumps({"task_id": record["task_id"], "completion": record["canonical_solution"]}) + "\n")
PYTHON
run "$prefix/bin/rrtf" eval --problems three.jsonl --samples answers.jsonl --k 1 --json --quiet >"$work/eval.json" \
  || fail "rrtf eval failed"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["pass@1"] == 1.0 and s["outcomes"] == {"passed": 3}, s' \
  "$work/eval.json" || fail "rrtf eval: the reference solutions did not all pass ($(cat "$work/eval.json"))"

run "$prefix/bin/rrtf" demo >"$work/demo.txt" 2>&1 || fail "rrtf demo failed: $(tail -3 "$work/demo.txt")"
grep -q "| PanGu-Coder2 (demo) |" "$work/demo.txt" || fail "rrtf demo judged no PanGu-Coder2 answer"

run "$prefix/bin/rrtf" make-demo-model --layers 1 --hidden 32 --heads 2 --positions 64 tiny >/dev/null 2>&1 \
  || fail "rrtf make-demo-model could not build on the shipped tokenizer"
cmp -s "$home/tiny/tokenizer.json" "$prefix/share/rrtf/tokenizers/starcoder-tokenizer.json" \
  || fail "make-demo-model did not ship the installed tokenizer"

if [ "$gui" = --gui ]; then
  run QT_QPA_PLATFORM=offscreen timeout 600 "$prefix/bin/rrtf-workbench" --screenshots "$home/shots" \
    >"$work/window.txt" 2>&1 || fail "rrtf-workbench --screenshots failed: $(tail -3 "$work/window.txt")"
  grep -q "screenshots: demo step" "$work/window.txt" || fail "the window did not open on the installed demo pack"
  ls "$home"/shots/*.png >/dev/null 2>&1 || fail "the window wrote no screenshot"
fi
echo "smoke_test: $version in $prefix: eval, demo, make-demo-model${gui:+, the window} work"
