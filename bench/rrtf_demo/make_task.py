#!/usr/bin/env python3
"""Writes the RRTF demonstration's task: small Python functions of five kinds.

Every problem asks for a function of one argument ("Write a Python function
`g(s)` that returns s with every 'a' removed.") and is judged by four asserts.
There are fourteen operations in five kinds (arithmetic, strings, lists,
conditionals, small loops); each has a typical bug, the mistake programmers
make with it (`k - n` for `n - k`, `strip` for `replace`, `>` for `>=`, a range
that stops one short). The four test inputs are chosen so that a bug fails some
asserts and, for most operations, passes others, as real bugs do (`plus` and
`product` bugs fail all four).

Three disjoint sets of (operation, name, argument, constant) come out, in the
project's training JSONL:

  pretrain.jsonl  the base model's corpus: one answer per problem, written the way
                  code on the web is, with the operation's bug in a share of them.
                  Where the share is above half, the base model learns the bug as
                  the likelier answer and fine-tuning has to unlearn it.;
  train.jsonl     the fine-tuning instructions, the reference answer as teacher;
  heldout.jsonl   problems no model is trained on: the demo problem set and pass@1.

It also writes tokenizer.json: byte-level BPE with no merges (256 byte tokens
and <|endoftext|>), so a model small enough to train here in minutes needs no
49,152-row embedding.

Deterministic for a given --seed.
"""
import argparse
import json
import os
import random
import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Operation:
    key: str
    kind: str            # arithmetic | strings | lists | conditionals | loops
    argument: str        # int | str | list: what the function takes
    constant: str        # int | small | char: what {k} is
    phrase: str          # the instruction's "returns ..." part; {v} argument, {k} constant
    correct: str         # the reference body; {v} {k}
    bug: str             # the typical mistake
    bug_share: float     # share of the corpus's answers that carry the bug
    inputs: object       # k -> four test inputs


def ints(*values):
    return list(values)


OPERATIONS = [
    # Arithmetic.
    Operation("minus", "arithmetic", "int", "int", "{v} minus {k}",
              "return {v} - {k}", "return {k} - {v}", 0.7,
              lambda k: ints(k + 5, 3 * k + 1, k, -4)),
    Operation("remainder", "arithmetic", "int", "int", "the remainder of {v} divided by {k}",
              "return {v} % {k}", "return {v} // {k}", 0.65,
              lambda k: ints(k + 5, 3 * k + 1, k + 1, 2 * k)),
    Operation("distance", "arithmetic", "int", "int", "the distance between {v} and {k}",
              "return abs({v} - {k})", "return {v} - {k}", 0.65,
              lambda k: ints(k + 5, 1, 3 * k, -4)),
    Operation("plus", "arithmetic", "int", "int", "{v} plus {k}",
              "return {v} + {k}", "return {v} - {k}", 0.2,
              lambda k: ints(k + 5, 3 * k + 1, 1, -4)),
    # Strings.
    Operation("prefix", "strings", "str", "small", "the first {k} characters of {v}",
              "return {v}[:{k}]", "return {v}[{k}:]", 0.65,
              lambda k: ["python code"[:k + 6], "", "z" * (2 * k), "abcdefghijklmnop"[:k * 3 + 1]]),
    Operation("remove", "strings", "str", "char", "{v} with every '{k}' removed",
              "return {v}.replace('{k}', '')", "return {v}.strip('{k}')", 0.65,
              lambda c: ["{0}x{0}y{0}".format(c), "{0}{0}ab".format(c), "", "pq{0}r".format(c)]),
    Operation("count", "strings", "str", "char", "the number of times '{k}' appears in {v}",
              "return {v}.count('{k}')", "return {v}.find('{k}')", 0.25,
              lambda c: ["{0}{0}x{0}".format(c), "xyz", "x{0}".format(c), "{0}".format(c) * 5]),
    # Lists.
    Operation("above", "lists", "list", "int", "the elements of {v} that are greater than {k}",
              "return [x for x in {v} if x > {k}]", "return [x for x in {v} if x >= {k}]", 0.65,
              lambda k: [[k - 1, k, k + 1, 2 * k], [], [1, 2 * k + 3], [k]]),
    Operation("last", "lists", "list", "small", "the last {k} elements of {v}",
              "return {v}[-{k}:]", "return {v}[{k}:]", 0.7,
              lambda k: [list(range(2 * k)), list(range(3, 3 * k + 5)), [], [9] + list(range(k, 0, -1))]),
    # Conditionals.
    Operation("at_least", "conditionals", "int", "int", "'big' when {v} is at least {k}, otherwise 'small'",
              "if {v} >= {k}:\n        return 'big'\n    return 'small'",
              "if {v} > {k}:\n        return 'big'\n    return 'small'", 0.65,
              lambda k: ints(k + 5, k, k - 1, 3 * k)),
    Operation("at_most", "conditionals", "int", "int", "{v}, but never more than {k}",
              "return min({v}, {k})", "return max({v}, {k})", 0.65,
              lambda k: ints(k + 5, k - 3, k, 2 * k)),
    # Small loops.
    Operation("sum_range", "loops", "int", "int", "the sum of the integers from {k} to {v}",
              "total = 0\n    for i in range({k}, {v} + 1):\n        total += i\n    return total",
              "total = 0\n    for i in range({k}, {v}):\n        total += i\n    return total", 0.7,
              lambda k: ints(k + 3, k, k + 10, k - 1)),
    Operation("count_multiples", "loops", "list", "int", "how many elements of {v} are multiples of {k}",
              "count = 0\n    for x in {v}:\n        if x % {k} == 0:\n            count += 1\n    return count",
              "count = 0\n    for x in {v}:\n        if x % {k}:\n            count += 1\n    return count", 0.65,
              lambda k: [[k, 2 * k, 1, k + 1], [k], [], [1, 2, 3 * k]]),
    Operation("product", "loops", "list", "int", "the product of the elements of {v} times {k}",
              "result = {k}\n    for x in {v}:\n        result *= x\n    return result",
              "result = 1\n    for x in {v}:\n        result *= x\n    return result", 0.25,
              lambda k: [[2, 3], [5], [], [1, k, 2]]),
]

KINDS = ["arithmetic", "strings", "lists", "conditionals", "loops"]
# One-letter names: the model must copy the name from the instruction, and a tiny
# model learns to copy one token far sooner than a word.
NAMES = list("fghkmpqrstuw")
ARGUMENTS = {"int": ["x", "n", "a", "v"], "str": ["s", "t", "w", "u"], "list": ["xs", "ys", "ns", "vs"]}
# One-digit constants: a model this small copies one token from its prompt far
# sooner than two.
CONSTANTS = {"int": list(range(2, 10)), "small": list(range(1, 8)), "char": list("abcdeilmnorstxz-_.")}


def constant_text(operation, k):
    return k if operation.constant == "char" else str(k)


def body(template, argument, k):
    return template.format(v=argument, k=k)


def run(name, argument, code, value):
    """The value `code` (a function definition) returns for `value`."""
    scope = {}
    exec(code, scope)
    return scope[name](value)


def make_problem(task_id, operation, name, argument, k):
    k_text = constant_text(operation, k)
    instruction = (f"Write a Python function `{name}({argument})` that returns "
                   f"{operation.phrase.format(v=argument, k=k_text)}.")

    def program(template):
        return f"def {name}({argument}):\n    {body(template, argument, k_text)}\n"

    solution = program(operation.correct)
    inputs = operation.inputs(k)
    tests = "\n".join(f"assert {name}({value!r}) == {run(name, argument, solution, value)!r}"
                      for value in inputs)
    problem = {"task_id": task_id, "kind": operation.kind, "operation": operation.key,
               "instruction": instruction, "tests": tests, "entry_point": name, "solution": solution}
    return problem, program(operation.bug)


# The layouts a corpus problem comes in: the texts of the workbench's "raw",
# "pangu" and "alpaca" templates (engine/generation/prompt_template.cpp), with
# their shares.
LAYOUTS = [
    ("{instruction}", 0.5),
    ('"""\n{instruction}\n"""\n', 0.25),
    ("Below is an instruction that describes a task. Write a response that appropriately completes the "
     "request.\n\n### Instruction:\n{instruction}\n\n### Response:", 0.25),
]


def in_layout(rng, instruction):
    pick, total = rng.random(), 0.0
    for layout, share in LAYOUTS:
        total += share
        if pick < total:
            return layout.replace("{instruction}", instruction)
    return instruction


def with_answer(problem, text, source):
    return dict(problem, answers=[{"text": text, "source": source, "temperature": 0.0}])


def combinations_of(operation):
    return [(name, argument, k) for name in NAMES for argument in ARGUMENTS[operation.argument]
            for k in CONSTANTS[operation.constant]]


def check_bug_is_caught(operation):
    """Every bug must fail at least one of its asserts (most also pass some, but
    `plus` and `product` fail all four), or the tests could not rank it below the fix."""
    for k in CONSTANTS[operation.constant][:3]:
        problem, bug = make_problem("check", operation, "f", ARGUMENTS[operation.argument][0], k)
        results = []
        definitions = {}
        exec(bug, definitions)
        for line in problem["tests"].splitlines():
            scope = dict(definitions)
            try:
                exec(line, scope)
                results.append(True)
            except Exception:
                results.append(False)
        if all(results):
            raise SystemExit(f"make_task.py: the bug of {operation.key} passes every test for k={k!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="output directory")
    parser.add_argument("--pretrain", type=int, default=200, help="corpus problems per operation")
    parser.add_argument("--train", type=int, default=24, help="fine-tuning instructions per operation")
    parser.add_argument("--heldout", type=int, default=10, help="held-out problems per operation")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    splits = {"heldout": [], "train": [], "pretrain": []}
    for operation in OPERATIONS:
        check_bug_is_caught(operation)
        chosen = combinations_of(operation)
        rng.shuffle(chosen)
        wanted = args.heldout + args.train + args.pretrain
        if wanted > len(chosen):
            parser.error(f"{operation.key} has only {len(chosen)} distinct problems; asked for {wanted}")
        splits["heldout"] += [(operation, c) for c in chosen[:args.heldout]]
        splits["train"] += [(operation, c) for c in chosen[args.heldout:args.heldout + args.train]]
        splits["pretrain"] += [(operation, c) for c in chosen[args.heldout + args.train:wanted]]

    os.makedirs(args.out, exist_ok=True)
    buggy = 0
    for split, chosen in splits.items():
        if split != "heldout":
            rng.shuffle(chosen)  # the held-out set stays grouped by kind, for reading
        problems, numbers = [], {}
        for operation, combination in chosen:
            # "heldout/remove/3": the operation in the id groups a model's results by it.
            number = numbers[operation.key] = numbers.get(operation.key, -1) + 1
            problem, bug = make_problem(f"{split}/{operation.key}/{number}", operation, *combination)
            if split == "pretrain":
                is_bug = rng.random() < operation.bug_share
                buggy += is_bug
                answer = bug if is_bug else problem["solution"]
                del problem["solution"]  # the corpus has only its own, perhaps buggy, answer
                problem = with_answer(problem, answer, "web")
                problem["instruction"] = in_layout(rng, problem["instruction"])
            elif split == "train":
                problem = with_answer(problem, problem["solution"], "reference")
            problems.append(problem)
        with open(os.path.join(args.out, f"{split}.jsonl"), "w") as out:
            for problem in problems:
                out.write(json.dumps(problem) + "\n")
    write_byte_tokenizer(os.path.join(args.out, "tokenizer.json"))
    print(f"wrote {len(splits['pretrain'])} corpus problems ({buggy} with a bug), {len(splits['train'])} "
          f"training and {len(splits['heldout'])} held-out problems ({len(OPERATIONS)} operations in "
          f"{len(KINDS)} kinds) to {args.out}")


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
