#!/usr/bin/env python3
"""Writes the RRTF demonstration's task: a family of one-line Python functions.

Every problem asks for a function of one argument that applies one operation
with one constant ("Write a Python function `g(n)` that returns n times 7."),
judged by four asserts. Three disjoint sets of (name, argument, operation,
constant) come out, in the project's training JSONL:

  pretrain.jsonl  the base model's corpus: one answer per problem, written the way
                  code on the web is, with each operation's typical bug in a share
                  of them (the base model learns the mix, so its samples rank apart);
  train.jsonl     the fine-tuning instructions, the reference answer as teacher;
  heldout.jsonl   problems no model is trained on, for pass@1.

It also writes tokenizer.json: byte-level BPE with no merges (256 byte tokens
and <|endoftext|>), so a model small enough to train here in minutes needs no
49,152-row embedding.

Deterministic for a given --seed.
"""
import argparse
import json
import os
import random

# (instruction phrase, correct expression, its typical bug, the share of the
# corpus's answers that have the bug). {v} is the argument, {k} the constant.
# The bugs are wrong on some tests and right on others where they can be, so a
# buggy answer is often "partial" rather than simply wrong. Where the bug is in
# most of the corpus's answers, the base model learns it as the likelier answer,
# as code models learn common mistakes from the web: fine-tuning has to unlearn it.
OPERATIONS = [
    ("{v} plus {k}", "{v} + {k}", "{v} - {k}", 0.2),
    ("{v} minus {k}", "{v} - {k}", "{k} - {v}", 0.7),
    ("{v} times {k}", "{v} * {k}", "{v} + {k}", 0.2),
    ("the remainder of {v} divided by {k}", "{v} % {k}", "{v} // {k}", 0.6),
    ("{v} divided by {k}, rounded down", "{v} // {k}", "{v} % {k}", 0.3),
    ("the larger of {v} and {k}", "max({v}, {k})", "min({v}, {k})", 0.65),
    ("the smaller of {v} and {k}", "min({v}, {k})", "max({v}, {k})", 0.25),
    ("the distance between {v} and {k}", "abs({v} - {k})", "{v} - {k}", 0.6),
]
# One-letter names: the model must copy the name from the instruction, and a tiny
# model learns to copy one token far sooner than a word.
NAMES = list("fghkmpqrstuw")
ARGUMENTS = ["x", "n", "a", "v"]
CONSTANTS = range(2, 30)


def evaluate(expression, v, k):
    return eval(expression.format(v="v", k="k"), {"max": max, "min": min, "abs": abs}, {"v": v, "k": k})


def make_problem(task_id, name, argument, operation, k):
    phrase, correct, bug, _ = OPERATIONS[operation]
    instruction = f"Write a Python function `{name}({argument})` that returns {phrase.format(v=argument, k=k)}."
    # Inputs on both sides of k and below zero, so the bugs fail some tests and pass others.
    inputs = [k + 5, 3 * k + 1, 1, -4]
    tests = "\n".join(f"assert {name}({x}) == {evaluate(correct, x, k)!r}" for x in inputs)
    def program(expression):
        return f"def {name}({argument}):\n    return {expression.format(v=argument, k=k)}\n"
    return {
        "task_id": task_id,
        "instruction": instruction,
        "tests": tests,
        "entry_point": name,
        "solution": program(correct),
    }, program(bug)


def with_answer(problem, text, source):
    return dict(problem, answers=[{"text": text, "source": source, "temperature": 0.0}])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="output directory")
    parser.add_argument("--pretrain", type=int, default=2400, help="problems in the base model's corpus")
    parser.add_argument("--train", type=int, default=240, help="fine-tuning instructions")
    parser.add_argument("--heldout", type=int, default=160, help="held-out problems")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    combinations = [(name, argument, operation, k) for name in NAMES for argument in ARGUMENTS
                    for operation in range(len(OPERATIONS)) for k in CONSTANTS]
    rng.shuffle(combinations)
    wanted = args.heldout + args.train + args.pretrain
    if wanted > len(combinations):
        parser.error(f"only {len(combinations)} distinct problems exist; asked for {wanted}")

    os.makedirs(args.out, exist_ok=True)
    splits = {"heldout": combinations[:args.heldout],
              "train": combinations[args.heldout:args.heldout + args.train],
              "pretrain": combinations[args.heldout + args.train:wanted]}
    buggy = 0
    for split, chosen in splits.items():
        with open(os.path.join(args.out, f"{split}.jsonl"), "w") as out:
            for index, combination in enumerate(chosen):
                problem, bug = make_problem(f"{split}/{index}", *combination)
                if split == "pretrain":
                    is_bug = rng.random() < OPERATIONS[combination[2]][3]
                    buggy += is_bug
                    answer = bug if is_bug else problem.pop("solution")
                    problem.pop("solution", None)  # the corpus has only its own, perhaps buggy, answer
                    problem = with_answer(problem, answer, "web")
                elif split == "train":
                    problem = with_answer(problem, problem["solution"], "reference")
                out.write(json.dumps(problem) + "\n")
    write_byte_tokenizer(os.path.join(args.out, "tokenizer.json"))
    print(f"wrote {args.pretrain} corpus problems ({buggy} with a bug), {args.train} training and "
          f"{args.heldout} held-out problems to {args.out}")


def byte_symbols():
    """GPT-2's printable stand-in for each byte, as in every byte-level tokenizer.json."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    symbols, extra = {}, 0
    for byte in range(256):
        if byte in printable:
            symbols[byte] = chr(byte)
        else:
            symbols[byte] = chr(256 + extra)
            extra += 1
    return [symbols[byte] for byte in range(256)]


def write_byte_tokenizer(path):
    vocab = {"<|endoftext|>": 0}
    for byte, symbol in enumerate(byte_symbols()):
        vocab[symbol] = byte + 1
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": 0, "content": "<|endoftext|>", "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": False, "special": True}],
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": []},
    }
    with open(path, "w") as out:
        json.dump(tokenizer, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
