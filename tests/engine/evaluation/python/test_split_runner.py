"""Level B: the tests process and the candidate process together (forked with
plain pipes, no sandbox), the hostile suite and the protocol's edge cases."""

import textwrap
import time
import unittest

import sandbox_harness
from hostile_cases import HostileSuite, add_job


class SplitHostileSuite(HostileSuite, unittest.TestCase):
    level = "B"

    def judge(self, job, wall_s=10.0):
        record, level, reason = sandbox_harness.judge(job, wall_s)
        record["level"] = level
        record["fallback_reason"] = reason
        if job["style"] != "script":
            self.assertEqual(level, "split", record)
        return record


class SplitRunnerTests(unittest.TestCase):
    def split(self, job, wall_s=10.0):
        return sandbox_harness.run_split(job, wall_s)

    def test_script_style_falls_back(self):
        record = self.split({"style": "script", "candidate": "x = 1\n", "tests": "assert x == 1\n"})
        self.assertEqual(record["outcome"], "fallback")
        record, level, reason = sandbox_harness.judge({"style": "script", "candidate": "x = 1\n",
                                                       "tests": "assert x == 1\n"})
        self.assertEqual((record["outcome"], level), ("passed", "in-process"))

    def test_class_used_by_the_tests_falls_back_to_level_a(self):
        job = {"style": "asserts", "prelude": "", "entry_point": "",
               "candidate": textwrap.dedent("""
                   class Pair(object):
                       def __init__(self, a, b):
                           self.a = a
                           self.b = b
                   def max_chain_length(arr, n):
                       return sum(1 for p in arr if p.a < p.b)
               """),
               "tests": "assert max_chain_length([Pair(5, 24), Pair(15, 25), Pair(27, 40)], 3) == 3\n"}
        record = self.split(job)
        self.assertEqual(record["outcome"], "fallback")
        self.assertIn("Pair", record["detail"])
        record, level, reason = sandbox_harness.judge(job)
        self.assertEqual((record["outcome"], record["tests_passed"], level), ("passed", 1, "in-process"))

    def test_module_used_by_the_tests_falls_back_unless_the_prelude_has_it(self):
        job = {"style": "asserts", "prelude": "", "entry_point": "",
               "candidate": "import sys\ndef size(t):\n    return sys.getsizeof(t)\n",
               "tests": "assert size((1, 2)) == sys.getsizeof((1, 2))\n"}
        self.assertEqual(self.split(job)["outcome"], "fallback")
        job["prelude"] = "import sys"
        self.assertEqual(self.split(job)["outcome"], "passed")

    def test_setup_code_using_the_candidates_class_falls_back(self):
        # MBPP (full) 367/927: test_setup_code builds trees of the solution's Node class.
        job = {"style": "asserts", "entry_point": "",
               "candidate": "class Node:\n    def __init__(self, d):\n        self.d = d\n        self.left = None\n"
                            "def depth(n):\n    return 0 if n is None else 1 + max(depth(n.left), 0)\n",
               "prelude": "root = Node(1)\nroot.left = Node(2)\n",
               "tests": "assert depth(root) == 2\n"}
        record = self.split(job)
        self.assertEqual(record["outcome"], "fallback")
        self.assertIn("the prelude uses Node", record["detail"])
        record, level, reason = sandbox_harness.judge(job)
        self.assertEqual((record["outcome"], record["tests_passed"], level), ("passed", 1, "in-process"))

    def test_argument_that_cannot_cross_falls_back(self):
        tests = "def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(lambda: 1, 2) == 3\n"
        job = add_job("def add(a, b):\n    return (a() if callable(a) else a) + b\n", tests=tests)
        record = self.split(job)
        self.assertEqual(record["outcome"], "fallback")
        self.assertIn("function", record["detail"])
        record, level, reason = sandbox_harness.judge(job)
        self.assertEqual((record["outcome"], record["tests_passed"], level), ("passed", 2, "in-process"))

    def test_entry_point_defined_as_a_class_falls_back(self):
        record = self.split(add_job("class add:\n    def __init__(self, a, b):\n        pass\n"))
        self.assertEqual(record["outcome"], "fallback")

    def test_timeout_keeps_partial_counts(self):
        record = self.split(add_job("""
            import time
            def add(a, b):
                if a < 0:
                    time.sleep(100)
                return a + b
        """), wall_s=1.0)
        self.assertEqual((record["outcome"], record["tests_passed"], record["tests_total"]), ("timeout", 1, 3))
        self.assertIn("call #2", record["detail"])

    def test_deadline_already_passed(self):
        job = add_job("def add(a, b):\n    return a + b\n", deadline=time.monotonic() - 1)
        self.assertEqual(self.split(job)["outcome"], "timeout")

    def test_candidate_dies_mid_run(self):
        record = self.split(add_job("""
            import os
            def add(a, b):
                if a < 0:
                    os._exit(3)
                return a + b
        """))
        self.assertEqual((record["outcome"], record["tests_passed"], record["tests_total"]), ("error", 1, 3))
        self.assertEqual(record["detail"], "candidate process ended")

    def test_junk_on_the_response_pipe(self):
        record = self.split(add_job("""
            import os
            def add(a, b):
                for fd in range(3, 20):
                    try:
                        os.write(fd, b"PASSED PASSED PASSED")
                    except OSError:
                        pass
                return a + b
        """))
        self.assertNotEqual(record["outcome"], "passed")

    def test_forged_replies_only_change_own_answers(self):
        # The candidate writes a well-formed reply of its own: T takes it as the answer to
        # the current call and the real reply as the answer to the next one.
        record = self.split(add_job("""
            import os, json, struct
            def add(a, b):
                body = json.dumps({"ok": {"i": "5"}}).encode()
                for fd in range(3, 20):
                    try:
                        os.write(fd, struct.pack(">I", len(body)) + body)
                    except OSError:
                        pass
                return 123
        """))
        self.assertEqual(record["outcome"], "failed")

    def test_result_over_the_frame_cap(self):
        record = self.split(add_job("def add(a, b):\n    return 'x' * (17 * 1024 * 1024)\n"), wall_s=20)
        self.assertEqual(record["outcome"], "error")
        self.assertIn("frame cap", record["detail"])

    def test_generator_result(self):
        record = self.split(add_job("def add(a, b):\n    yield a + b\n"))
        self.assertEqual(record["outcome"], "error")
        self.assertIn("non-plain type generator", record["detail"])

    def test_memory_error_in_a_call(self):
        record = self.split(add_job("def add(a, b):\n    raise MemoryError()\n"))
        self.assertEqual(record["outcome"], "out_of_memory")

    def test_arguments_are_copies(self):
        tests = ("def check(candidate):\n"
                 "    xs = [3, 1, 2]\n"
                 "    assert candidate(xs, 0) == [1, 2, 3]\n"
                 "    assert xs == [3, 1, 2]\n")
        record = self.split(add_job("def add(a, b):\n    a.sort()\n    return a\n", tests=tests))
        self.assertEqual(record["outcome"], "passed")

    def test_settrace_and_builtins_in_the_candidate_do_not_reach_t(self):
        record = self.split(add_job("""
            import builtins, sys
            builtins.abs = lambda x: 0
            builtins.isinstance = lambda a, b: True
            sys.settrace(lambda *a: None)
            def add(a, b):
                return 0
        """))
        # Breaking its own process (isinstance) only breaks the candidate's own answers.
        self.assertIn(record["outcome"], ("failed", "error"))
        self.assertEqual(record["tests_passed"], 0)

    def test_tests_that_do_not_compile(self):
        record = self.split(add_job("def add(a, b):\n    return a + b\n", tests="def check(candidate)\n"))
        self.assertEqual(record["outcome"], "error")
        self.assertIn("the tests do not compile", record["detail"])

    def test_prelude_that_raises(self):
        record = self.split(add_job("def add(a, b):\n    return a + b\n", prelude="1 / 0\n"))
        self.assertEqual(record["outcome"], "error")
        self.assertIn("the prelude raised ZeroDivisionError", record["detail"])


if __name__ == "__main__":
    unittest.main()
