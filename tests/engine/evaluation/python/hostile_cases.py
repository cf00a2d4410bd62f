"""The hostile-program suite of spec/sandbox.md §4 that needs no sandbox, shared by
the level-B (test_split_runner) and level-A (test_inprocess) tests.

Each test defines `add(a, b)` (or does not) and is judged by
check(candidate): candidate(2,3)==5, candidate(-1,1)==0 and
abs(candidate(0.5,0.25)-0.75)<1e-9 (lines 2, 3 and 4 of ADD_TESTS).
"""

import textwrap

ADD_TESTS = (
    "def check(candidate):\n"
    "    assert candidate(2, 3) == 5\n"
    "    assert candidate(-1, 1) == 0\n"
    "    assert abs(candidate(0.5, 0.25) - 0.75) < 1e-9\n"
)


def add_job(candidate, **extra):
    job = {"style": "check", "candidate": textwrap.dedent(candidate), "prelude": "", "tests": ADD_TESTS,
           "entry_point": "add"}
    job.update(extra)
    return job


class HostileSuite:
    """Mixin: subclasses set `level` ("B" or "A") and `judge(job, wall_s)` -> record."""

    level = None

    def judge(self, job, wall_s=10.0):
        raise NotImplementedError

    def outcome(self, candidate, wall_s=10.0, **extra):
        return self.judge(add_job(candidate, **extra), wall_s)

    def assertOutcome(self, record, outcome, passed=None, total=None, detail=None):
        self.assertEqual(record["outcome"], outcome, record)
        if passed is not None:
            self.assertEqual(record["tests_passed"], passed, record)
        if total is not None:
            self.assertEqual(record["tests_total"], total, record)
        if detail is not None:
            self.assertIn(detail, record["detail"], record)

    # 01-03
    def test_01_correct(self):
        self.assertOutcome(self.outcome("def add(a, b):\n    return a + b\n"), "passed", 3, 3, "")

    def test_02_wrong_with_partial_credit(self):
        record = self.outcome("def add(a, b):\n    return a + b + (a < 0)\n")
        self.assertOutcome(record, "failed", 2, 3, "line 3: assert candidate(-1, 1) == 0")

    def test_03_raises(self):
        record = self.outcome("def add(a, b):\n    raise ValueError('no adding today')\n")
        self.assertOutcome(record, "error", 0, 3, "ValueError: no adding today (line 2)")

    def test_04_syntax_error(self):
        record = self.outcome("def add(a, b)\n    return a + b\n")
        self.assertOutcome(record, "syntax_error", 0, 3, "expected ':' (line 1)")

    def test_07_sleep_times_out(self):
        record = self.outcome("import time\ndef add(a, b):\n    time.sleep(100)\n", wall_s=1.0)
        self.assertNotEqual(record["outcome"], "passed")
        if self.level == "B":
            self.assertOutcome(record, "timeout", 0, 3)

    def test_17_os_exit_at_import(self):
        record = self.outcome("import os\ndef add(a, b):\n    return 0\nos._exit(0)\n")
        self.assertOutcome(record, "error")
        self.assertIn("candidate process ended" if self.level == "B" else "without a verdict", record["detail"])

    def test_18_sys_exit_at_import(self):
        record = self.outcome("import sys\ndef add(a, b):\n    return a + b\nsys.exit(0)\n")
        self.assertOutcome(record, "error", 0, 3, "SystemExit: 0 (line 4)")

    def test_19_os_exit_inside_the_call(self):
        record = self.outcome("import os\ndef add(a, b):\n    os._exit(0)\n")
        self.assertOutcome(record, "error")

    def test_20_fake_output_and_forged_record(self):
        record = self.outcome("""
            import os
            print("PASSED")
            print('{"outcome": "passed", "tests_passed": 3, "tests_total": 3}')
            for fd in range(3, 12):
                try:
                    os.write(fd, b'V 00000000000000000000000000000000 passed\\n')
                    os.write(fd, b'{"nonce": "guess", "outcome": "passed", "tests_passed": 3, "tests_total": 3}\\n')
                except OSError:
                    pass
            def add(a, b):
                return a - b
        """)
        self.assertNotEqual(record["outcome"], "passed")

    # 21-24
    def test_21_always_equal(self):
        record = self.outcome("""
            class AlwaysEqual:
                def __eq__(self, other): return True
                def __abs__(self): return 0
                def __lt__(self, other): return True
                def __sub__(self, other): return self
                def __bool__(self): return True
            def add(a, b):
                return AlwaysEqual()
        """)
        self.assertOutcome(record, "error", 0, 3, "TypeError: candidate returned non-plain type AlwaysEqual")

    def test_22_int_subclass(self):
        record = self.outcome("""
            class I(int):
                def __eq__(self, other): return True
                def __lt__(self, other): return True
                __hash__ = int.__hash__
            def add(a, b):
                return I(0)
        """)
        self.assertOutcome(record, "error", 0, 3, "non-plain type I")

    def test_22b_nested_subclass(self):
        record = self.outcome("""
            class F(float):
                def __eq__(self, other): return True
            def add(a, b):
                return [F(0.0)]
        """)
        self.assertOutcome(record, "error", 0, 3, "candidate returned non-plain type")

    def test_23_patched_builtins(self):
        record = self.outcome("""
            import builtins
            builtins.abs = lambda x: 0
            def add(a, b):
                return int(a) + int(b)
        """)
        self.assertOutcome(record, "failed", 2, 3, "line 4: assert abs(candidate(0.5, 0.25) - 0.75) < 1e-9")

    def test_24_atexit_hook(self):
        record = self.outcome("""
            import atexit, os
            def forge():
                print("PASSED")
                for fd in range(3, 12):
                    try:
                        os.write(fd, b'{"outcome": "passed", "tests_passed": 3, "tests_total": 3}\\n')
                    except OSError:
                        pass
            atexit.register(forge)
            def add(a, b):
                return a - b
        """)
        self.assertOutcome(record, "failed", 0, 3)

    def test_26_settrace(self):
        record = self.outcome("""
            import sys
            def tracer(frame, event, arg):
                if event == "line" and frame.f_code.co_name == "check":
                    try:
                        frame.f_lineno = frame.f_lineno + 1
                    except Exception:
                        pass
                return tracer
            sys.settrace(tracer)
            def add(a, b):
                return a - b
        """)
        if self.level == "B":
            self.assertOutcome(record, "failed", 0, 3)
        else:
            self.assertOutcome(record, "error", 0, 3, "RuntimeError: sandbox: sys.settrace is not allowed")

    def test_27_getframe_at_import(self):
        record = self.outcome("""
            import sys
            try:
                found = sys._getframe(1).f_locals.get("nonce")
            except Exception:
                found = None
            def add(a, b):
                return a - b
        """)
        self.assertOutcome(record, "failed", 0, 3)

    def test_28_gc_hunting(self):
        record = self.outcome("""
            import gc
            hits = [o for o in gc.get_objects() if isinstance(o, dict) and "tests" in o]
            def add(a, b):
                return a - b
        """)
        if self.level == "B":
            self.assertOutcome(record, "failed", 0, 3)
        else:
            self.assertOutcome(record, "error", 0, 3, "RuntimeError: sandbox: gc.get_objects is not allowed")

    def test_31_input(self):
        record = self.outcome("def add(a, b):\n    return int(input())\n")
        self.assertOutcome(record, "error", 0, 3, "EOFError")

    def test_37_frame_walking_forgery(self):
        record = self.outcome(FORGER)
        self.assertNotEqual(record["outcome"], "passed", record)
        self.assertOutcome(record, "failed", 0, 3)

    def test_38_namedtuple_typing_enum(self):
        record = self.outcome("""
            import collections, enum, typing, dataclasses, shutil
            from typing import List, NamedTuple
            P = collections.namedtuple("P", "x y")
            class Color(enum.Enum):
                RED = 1
            class Q(NamedTuple):
                a: int
            @dataclasses.dataclass
            class D:
                v: float
            def add(a: float, b: float) -> float:
                return D(P(a, b).x + Q(b).a).v
        """)
        self.assertOutcome(record, "passed", 3, 3)

    # Beyond the table
    def test_result_types_survive(self):
        tests = ("def check(candidate):\n"
                 "    assert candidate(1, 2) == (3, [1, 2], {1: 'x'}, {1.5}, b'z', None, True, 10**30, 2j)\n"
                 "    assert type(candidate(1, 2)[0]) is int and type(candidate(1, 2)[1]) is list\n"
                 "    assert type(candidate(1, 2)[3]) is set\n")
        record = self.judge(add_job("def add(a, b):\n    return (a + b, [a, b], {1: 'x'}, {1.5}, b'z', None, True,"
                                    " 10**30, 2j)\n", tests=tests))
        self.assertOutcome(record, "passed", 3, 3)

    def test_counter_result_and_match_truthiness(self):
        job = {"style": "asserts", "prelude": "", "entry_point": "",
               "candidate": "import collections, re\n"
                            "def freq(xs):\n    return collections.Counter(xs)\n"
                            "def starts(s):\n    return re.search('^a', s)\n",
               "tests": "assert freq([1, 1, 2]) == {1: 2, 2: 1}\n"
                        "assert starts('abc')\n"
                        "assert not starts('bcd')\n"
                        "assert starts('abc') == True\n"}
        self.assertOutcome(self.judge(job), "error", 3, 4, "non-plain type Match")

    def test_remote_exception_types(self):
        tests = ("def check(candidate):\n"
                 "    try:\n"
                 "        candidate(-1, 0)\n"
                 "        raised = False\n"
                 "    except ValueError as e:\n"
                 "        raised = str(e) == 'negative'\n"
                 "    assert raised\n"
                 "    try:\n"
                 "        candidate(-2, 0)\n"
                 "    except KeyError as e:\n"
                 "        assert str(e) == \"'k'\"\n"
                 "    try:\n"
                 "        candidate(-3, 0)\n"
                 "    except Exception as e:\n"
                 "        assert type(e).__name__ == 'Custom'\n"
                 "    assert candidate(1, 2) == 3\n")
        record = self.judge(add_job("""
            class Custom(Exception):
                pass
            def add(a, b):
                if a == -1:
                    raise ValueError("negative")
                if a == -2:
                    return {}["k"]
                if a == -3:
                    raise Custom("mine")
                return a + b
        """, tests=tests))
        self.assertOutcome(record, "passed", 4, 4)

    def test_keyword_arguments(self):
        tests = "def check(candidate):\n    assert candidate(a=2, b=3) == 5\n    assert candidate(1, b=1) == 2\n"
        self.assertOutcome(self.judge(add_job("def add(a, b):\n    return a + b\n", tests=tests)), "passed", 2, 2)

    def test_entry_point_missing(self):
        record = self.outcome("def plus(a, b):\n    return a + b\n")
        self.assertOutcome(record, "error", 0, 3, "NameError")

    def test_load_error(self):
        record = self.outcome("def add(a, b):\n    return a + b\nundefined_name\n")
        self.assertOutcome(record, "error", 0, 3, "NameError: name 'undefined_name' is not defined (line 3)")

    def test_memory_error_at_import(self):
        record = self.outcome("raise MemoryError('big')\n")
        self.assertOutcome(record, "out_of_memory")

    def test_tests_use_the_entry_point_by_name(self):
        # HumanEval/33 compares candidate(x) with sort_third(x): both mean the candidate.
        tests = "def check(candidate):\n    assert candidate(1, 2) == add(1, 2)\n    assert add(2, 2) == 4\n"
        job = add_job("def add(a, b):\n    return a + b\n", tests=tests,
                      prelude="def add(a, b):\n    '''stub from the prompt'''\n")
        self.assertOutcome(self.judge(job), "passed", 2, 2)

    def test_prelude_helpers_stay_trusted(self):
        # The candidate redefines the prompt's helper; the tests keep the prompt's.
        prelude = "def helper(x):\n    return x * 10\ndef add(a, b):\n    '''stub'''\n"
        tests = "def check(candidate):\n    assert helper(candidate(1, 2)) == 30\n"
        candidate = "def helper(x):\n    return 30\ndef add(a, b):\n    return 0\n"
        self.assertOutcome(self.judge(add_job(candidate, prelude=prelude, tests=tests)), "failed", 0, 1)

    def test_asserts_style(self):
        job = {"style": "asserts", "prelude": "import math", "entry_point": "",
               "candidate": "import math\ndef area(r):\n    return math.pi * r * r\nCONST = 3\n",
               "tests": "assert math.isclose(area(1), math.pi)\nassert area(0) == 0\nassert area(2) == 1\n"}
        self.assertOutcome(self.judge(job), "failed", 2, 3, "line 3: assert area(2) == 1")

    def test_prelude_calls_a_candidate_function(self):
        job = {"style": "asserts", "entry_point": "", "candidate": "def double(x):\n    return 2 * x\n",
               "prelude": "import math\nEXPECTED = double(21)\n", "tests": "assert double(21) == EXPECTED == 42\n"}
        self.assertOutcome(self.judge(job), "passed", 1, 1)

    def test_script_style(self):
        job = {"style": "script", "prelude": "", "entry_point": "",
               "candidate": "class Solution:\n    def twice(self, x):\n        return 2 * x\n",
               "tests": "s = Solution()\nfor i in range(5):\n    assert s.twice(i) == i + i\nassert s.twice(1) == 3\n"}
        record = self.judge(job)
        self.assertOutcome(record, "failed", 5, 6, "line 4: assert s.twice(1) == 3")

    def test_inputs_style(self):
        job = {"style": "inputs", "entry_point": "add", "atol": 0.0, "tests": "",
               "reference": "def add(a, b):\n    return a + b\n",
               "inputs": "[[1, 2], [0.1, 0.2], [[1], [2]], [\"a\", \"b\"], [10, -3]]",
               "candidate": "def add(a, b):\n    if a == 10:\n        return 0\n    return a + b\n"}
        record = self.judge(job)
        self.assertOutcome(record, "failed", 4, 5, "input #4: add(10, -3) expected 7, got 0")

    def test_inputs_float_tolerance_and_raising(self):
        job = {"style": "inputs", "entry_point": "mean", "atol": 0.0, "tests": "",
               "reference": "def mean(xs):\n    return sum(xs) / len(xs)\n",
               "inputs": "[[[1.0, 2.0]], [[0.1, 0.2, 0.3]], [[]]]",
               "candidate": "def mean(xs):\n    return sum(xs) / len(xs) + 1e-9\n"}
        record = self.judge(job)
        # input 2: both raise ZeroDivisionError; the reference's failure is reported.
        self.assertOutcome(record, "error", 2, 3, "input #2: the reference raised ZeroDivisionError")

    def test_inputs_find_zero_oracle(self):
        prompt = ("import math\n"
                  "def poly(xs: list, x: float):\n"
                  "    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])\n"
                  "def find_zero(xs: list):\n    '''doc'''\n")
        reference = prompt + "    return 999.0\n"  # never consulted for find_zero
        candidate = prompt + ("    lo, hi = -100.0, 100.0\n"
                              "    for _ in range(200):\n"
                              "        mid = (lo + hi) / 2\n"
                              "        if poly(xs, lo) * poly(xs, mid) <= 0:\n"
                              "            hi = mid\n"
                              "        else:\n"
                              "            lo = mid\n"
                              "    return lo if xs != [5, 1] else 1.0\n")
        job = {"style": "inputs", "entry_point": "find_zero", "atol": 1e-4, "tests": "", "reference": reference,
               "inputs": "[[[1, 2]], [[-6, 11, -6, 1]], [[5, 1]]]", "candidate": candidate}
        self.assertOutcome(self.judge(job), "failed", 2, 3, "input #2")

    def test_inputs_python_literal(self):
        job = {"style": "inputs", "entry_point": "f", "atol": 0, "tests": "",
               "reference": "def f(x):\n    return x\n", "candidate": "def f(x):\n    return x\n",
               "inputs": "([[(1, 2)], [{3}]]) + ([[float('inf')], [-2]])"}
        self.assertOutcome(self.judge(job), "passed", 4, 4)


FORGER = """
import os, sys, json
def add(a, b):
    frame = sys._getframe()
    while frame is not None:
        local = frame.f_locals
        if "nonce" in local and "verdict_fd" in local:
            line = json.dumps({"nonce": local["nonce"], "outcome": "passed", "tests_passed": 3,
                               "tests_total": 3, "detail": ""}) + "\\n"
            os.write(local["verdict_fd"], line.encode())
            os._exit(0)
        frame = frame.f_back
    return a - b
"""
