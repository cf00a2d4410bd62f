#!/usr/bin/env python3
"""Writes the demo pack's demo.json and the Training tab's held-out subset (pack.sh).

The showcase problem, the one the window opens on, is the first held-out
problem where the base model's greedy answer fails with its typical bug (some
asserts pass, some fail), the SFT model's answer differs from it and the RRTF
model's passes; ideally the SFT model fails too, so the three answers and
verdicts all differ. The choice reads bench_pass_at_1's --answers file.
"""
import argparse
import json
import os
from collections import defaultdict

# The window's three slots: (name, folder, run.sh model name, template, recipe).
SLOTS = [
    ("StarCoder (demo)", "starcoder-demo", "base", "raw",
     "A base model: a random GPTBigCode trained on a corpus of code in which most answers of some kinds "
     "carry a common bug. Raw completion."),
    ("WizardCoder (demo)", "wizardcoder-demo", "sft-{seed}", "alpaca",
     "The base model after supervised fine-tuning on instructions with reference answers "
     "(WizardCoder's recipe), in Alpaca's template."),
    ("PanGu-Coder2 (demo)", "pangu-coder2-demo", "rrtf-{seed}", "pangu",
     "The base model after RRTF: its own sampled answers ranked by unit tests against the reference "
     "answers, ranking loss plus SFT (PanGu-Coder2's recipe), in the triple-quoted template."),
]
# Problems per operation in the Training tab's held-out set: enough to tell the
# runs apart, few enough that an evaluation takes seconds.
EVAL_PER_OPERATION = 3


def read_jsonl(path):
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def outcome(answer):
    verdict = answer["verdict"]
    return verdict["outcome"], verdict.get("tests_passed", 0), verdict.get("tests_total", 0)


def showcase(problems, answers, names):
    by_model = defaultdict(dict)
    for answer in answers:
        by_model[answer["model"]][answer["task_id"]] = answer
    base, sft, rrtf = (by_model[name] for name in names)
    best, best_score = None, -1
    for problem in problems:
        task = problem["task_id"]
        if task not in base or task not in sft or task not in rrtf:
            continue
        b, s, r = outcome(base[task]), outcome(sft[task]), outcome(rrtf[task])
        if r[0] != "passed" or b[0] == "passed" or base[task]["answer"] == sft[task]["answer"]:
            continue
        partial = b[1] > 0  # the bug passes some asserts: the typical mistake, not noise
        score = 2 * partial + (s[0] != "passed") + (problem.get("kind") in ("loops", "conditionals"))
        if score > best_score:
            best, best_score = task, score
    if best is None:
        raise SystemExit("pack_manifest.py: no held-out problem that base fails and RRTF passes")
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", required=True, help="run.sh's folder")
    parser.add_argument("--pack", required=True, help="the pack folder (resources/demo)")
    parser.add_argument("--seed", type=int, default=1, help="the fine-tuning seed whose models ship")
    args = parser.parse_args()

    problems = read_jsonl(os.path.join(args.work, "task", "heldout.jsonl"))
    answers = read_jsonl(os.path.join(args.work, "answers.jsonl"))
    names = [slot[2].format(seed=args.seed) for slot in SLOTS]

    chosen, per_operation = [], defaultdict(int)
    for problem in problems:
        operation = problem.get("operation", "")
        if per_operation[operation] < EVAL_PER_OPERATION:
            per_operation[operation] += 1
            chosen.append(problem)
    with open(os.path.join(args.pack, "training", "eval-problems.jsonl"), "w") as out:
        for problem in chosen:
            out.write(json.dumps(problem) + "\n")

    # The demo jobs are the shipped fine-tuning runs' own configs, from the base model.
    jobs = []
    for name, run in (("rrtf", f"rrtf-{args.seed}"), ("sft", f"sft-{args.seed}")):
        with open(os.path.join(args.work, run, "config.json")) as file:
            config = json.load(file)
        for path_field in ("model", "rankings", "eval_problems", "tokenizer"):
            config.pop(path_field, None)
        jobs.append({"name": name, "config": {key: config.pop(key) for key in ("objective", "prompt_template")}})
        shared = config
    manifest = {
        "models": [{"name": name, "folder": f"models/{folder}", "template": template, "recipe": recipe}
                   for name, folder, _, template, recipe in SLOTS],
        "problems": "problems.jsonl",
        "showcase": showcase(problems, answers, names),
        "training": {"base": "models/starcoder-demo", "rankings": "training/rankings.jsonl",
                     "eval_problems": "training/eval-problems.jsonl", "config": shared, "jobs": jobs},
    }
    with open(os.path.join(args.pack, "demo.json"), "w") as out:
        json.dump(manifest, out, indent=2)
        out.write("\n")
    print(f"pack_manifest.py: showcase {manifest['showcase']}, {len(chosen)} problems for the demo jobs")


if __name__ == "__main__":
    main()
