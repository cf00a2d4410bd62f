"""The reference solutions of the real datasets pass through the runners.

HumanEval: candidate = prompt + canonical_solution, prelude = prompt, tests = test,
  style check (all 164, level B and level A).
MBPP sanitized: candidate = code, prelude = test_imports, tests = test_list, style
  asserts (all 427, level B with the fallback to level A, and level A alone).
HumanEval+ Mini: reference = candidate = prompt + canonical_solution, inputs =
  base_input + plus_input, style inputs (all 164, level B and level A).

The data folder is RRTF_TEST_DATA, else tests/data in the repository (its files
here are all committed); a test is skipped when its file is missing.
"""

import gzip
import json
import os
import unittest

import sandbox_harness

_REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
DATA = os.environ.get("RRTF_TEST_DATA") or os.path.join(_REPO, "tests", "data")
HUMANEVAL = os.path.join(DATA, "humaneval", "HumanEval.jsonl.gz")
HUMANEVAL_PLUS_MINI = os.path.join(DATA, "humaneval", "HumanEvalPlus-Mini-v0.1.10.jsonl.gz")
MBPP_SANITIZED = os.path.join(DATA, "mbpp", "sanitized-mbpp.json")
WALL_S = 60.0


def read_jsonl_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def humaneval_job(record):
    return {"style": "check", "candidate": record["prompt"] + record["canonical_solution"],
            "prelude": record["prompt"], "tests": record["test"], "entry_point": record["entry_point"]}


def mbpp_job(record):
    return {"style": "asserts", "candidate": record["code"], "prelude": "\n".join(record["test_imports"]),
            "tests": "\n".join(record["test_list"]), "entry_point": ""}


def humaneval_plus_job(record):
    solution = record["prompt"] + record["canonical_solution"]
    return {"style": "inputs", "candidate": solution, "reference": solution, "prelude": "", "tests": "",
            "entry_point": record["entry_point"], "atol": record["atol"],
            "inputs": json.dumps(record["base_input"] + record["plus_input"])}


class DatasetTests(unittest.TestCase):
    def check_all(self, records, make_job, run, expected_count, key="task_id"):
        self.assertEqual(len(records), expected_count)
        problems = []
        levels = {}
        for record in records:
            result, level = run(make_job(record))
            levels[level] = levels.get(level, 0) + 1
            if (result["outcome"] != "passed" or result["tests_passed"] != result["tests_total"]
                    or result["tests_total"] == 0):
                problems.append("%s: %s" % (record[key], result))
        self.assertEqual(problems, [], "\n".join(problems))
        return levels

    @staticmethod
    def split_only(job):
        return sandbox_harness.run_split(job, WALL_S), "split"

    @staticmethod
    def level_a(job):
        return sandbox_harness.run_level_a(job, WALL_S), "in-process"

    @staticmethod
    def zygote(job):
        record, level, _ = sandbox_harness.judge(job, WALL_S)
        return record, level

    @unittest.skipUnless(os.path.exists(HUMANEVAL), "no HumanEval data")
    def test_humaneval_canonical_solutions_split(self):
        self.check_all(read_jsonl_gz(HUMANEVAL), humaneval_job, self.split_only, 164)

    @unittest.skipUnless(os.path.exists(HUMANEVAL), "no HumanEval data")
    def test_humaneval_canonical_solutions_in_process(self):
        self.check_all(read_jsonl_gz(HUMANEVAL), humaneval_job, self.level_a, 164)

    @unittest.skipUnless(os.path.exists(MBPP_SANITIZED), "no MBPP data")
    def test_mbpp_sanitized_reference_solutions_split_or_fallback(self):
        with open(MBPP_SANITIZED, encoding="utf-8") as f:
            records = json.load(f)
        levels = self.check_all(records, mbpp_job, self.zygote, 427)
        # Only task 596 needs level A (its tests use the candidate's `sys` module).
        self.assertEqual(levels, {"split": 426, "in-process": 1})

    @unittest.skipUnless(os.path.exists(MBPP_SANITIZED), "no MBPP data")
    def test_mbpp_sanitized_reference_solutions_in_process(self):
        with open(MBPP_SANITIZED, encoding="utf-8") as f:
            records = json.load(f)
        self.check_all(records, mbpp_job, self.level_a, 427)

    @unittest.skipUnless(os.path.exists(HUMANEVAL_PLUS_MINI), "no HumanEval+ data")
    def test_humaneval_plus_mini_inputs_split(self):
        self.check_all(read_jsonl_gz(HUMANEVAL_PLUS_MINI), humaneval_plus_job, self.split_only, 164)

    @unittest.skipUnless(os.path.exists(HUMANEVAL_PLUS_MINI), "no HumanEval+ data")
    def test_humaneval_plus_mini_inputs_in_process(self):
        self.check_all(read_jsonl_gz(HUMANEVAL_PLUS_MINI), humaneval_plus_job, self.level_a, 164)

    @unittest.skipUnless(os.path.exists(HUMANEVAL), "no HumanEval data")
    def test_humaneval_prompt_alone_fails(self):
        # The prompt's stub returns None: not one canonical check may pass with it.
        passed = []
        for record in read_jsonl_gz(HUMANEVAL):
            job = humaneval_job(record)
            job["candidate"] = record["prompt"] + "    pass\n"
            result = sandbox_harness.run_split(job, WALL_S)
            if result["outcome"] == "passed":
                passed.append(record["task_id"])
        self.assertEqual(passed, [])


if __name__ == "__main__":
    unittest.main()
