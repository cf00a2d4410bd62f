"""Level A: candidate and tests in one process, the hostile suite and the tripwire."""

import json
import unittest

import sandbox_harness
import inprocess
from hostile_cases import FORGER, HostileSuite, add_job


class InProcessHostileSuite(HostileSuite, unittest.TestCase):
    level = "A"

    def judge(self, job, wall_s=10.0):
        return sandbox_harness.run_level_a(job, wall_s)

    @unittest.expectedFailure
    def test_37_frame_walking_forgery(self):
        # Known and documented (spec/sandbox.md §5.2): the candidate walks frames up to the
        # runner, reads the nonce and forges a passing record. Level B is the default for this.
        super().test_37_frame_walking_forgery()


class InProcessTests(unittest.TestCase):
    def run_a(self, candidate, **extra):
        return sandbox_harness.run_level_a(add_job(candidate, **extra))

    def assertBlocked(self, candidate, what):
        record = self.run_a(candidate)
        self.assertEqual(record["outcome"], "error", record)
        self.assertIn("RuntimeError: sandbox: %s" % what, record["detail"])

    def test_tripwire(self):
        self.assertBlocked("import ctypes\nctypes.CDLL(None)\n", "ctypes")
        self.assertBlocked("open('/proc/self/maps').read()\n", "open('/proc/self/maps') is not allowed")
        self.assertBlocked("import os\nos.open('/proc/../proc/self/mem', os.O_RDONLY)\n", "open(")
        self.assertBlocked("import sys\nsys.setprofile(lambda *a: None)\n", "sys.setprofile is not allowed")
        self.assertBlocked("import sys\nsys._current_frames()\n", "sys._current_frames is not allowed")
        self.assertBlocked("import gc\ngc.get_referrers(object())\n", "gc.get_referrers is not allowed")
        self.assertBlocked("import threading, sys\nthreading.settrace(print)\nt = threading.Thread(target=int)\n"
                           "t.start(); t.join()\nsys.settrace(print)\n", "sys.settrace is not allowed")

    def test_tripwire_blocks_during_calls(self):
        record = self.run_a("import gc\ndef add(a, b):\n    gc.get_objects()\n    return a + b\n")
        self.assertEqual((record["outcome"], record["tests_passed"]), ("error", 0))
        self.assertIn("gc.get_objects is not allowed", record["detail"])

    def test_candidate_raising_abort_cannot_choose_the_outcome(self):
        record = self.run_a("import assertions\ndef add(a, b):\n    raise assertions.Abort('passed', '')\n")
        self.assertEqual(record["outcome"], "error")
        record = self.run_a("import assertions\nraise assertions.Abort('passed', '')\n")
        self.assertEqual(record["outcome"], "error")

    def test_tests_get_pristine_builtins(self):
        tests = "def check(candidate):\n    assert candidate(1, 2) == 3\n    assert len([1, 2]) == 2\n"
        record = self.run_a("import builtins\nbuiltins.len = lambda x: 0\ndef add(a, b):\n    return a + b\n",
                            tests=tests)
        self.assertEqual(record["outcome"], "passed")

    def test_record_line(self):
        line = inprocess.record_line("ab12", {"outcome": "failed", "tests_passed": 1, "tests_total": 3,
                                              "detail": 'line 2: "x"\n\u2603 \U0001F600 \\'})
        self.assertTrue(line.endswith(b"\n"))
        line.decode("ascii")
        self.assertEqual(json.loads(line), {"nonce": "ab12", "outcome": "failed", "tests_passed": 1,
                                            "tests_total": 3, "detail": 'line 2: "x"\n\u2603 \U0001F600 \\'})

    def test_split_false_runs_in_process(self):
        record, level, reason = sandbox_harness.judge(add_job(FORGER.replace("a - b", "a + b"), split=False))
        self.assertEqual((level, reason), ("in-process", "split=false"))


if __name__ == "__main__":
    unittest.main()
