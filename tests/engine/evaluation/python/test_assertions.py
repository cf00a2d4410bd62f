"""assertions: counted asserts and the ledger."""

import textwrap
import unittest

import sandbox_harness  # noqa: F401
import assertions
import tests_side


def run(source, static=True, **names):
    """Exec counted `source`; the verdict fields (escaped exceptions recorded as the runners do)."""
    source = textwrap.dedent(source)
    ledger = assertions.Ledger()
    namespace = assertions.bind({"__name__": "__tests__"}, ledger)
    namespace.update(names)
    code = assertions.compile_counted(source, tests_side.TESTS_FILENAME)
    tests_side.run_counted(code, namespace, ledger)
    return ledger.verdict(assertions.count_asserts(source) if static else 0), namespace


class CountingTests(unittest.TestCase):
    def test_second_of_three_fails(self):
        verdict, _ = run("""
            assert 1 + 1 == 2
            assert 2 + 2 == 5, "message never evaluated" + undefined_name
            assert 3 + 3 == 6
        """)
        self.assertEqual(verdict, {"outcome": "failed", "tests_passed": 2, "tests_total": 3,
                                   "detail": "line 3: assert 2 + 2 == 5, \"message never evaluated\" + undefined_name"})

    def test_all_pass(self):
        verdict, _ = run("assert True\nassert [1]\n")
        self.assertEqual(verdict, {"outcome": "passed", "tests_passed": 2, "tests_total": 2, "detail": ""})

    def test_exception_in_assert_is_error_and_execution_continues(self):
        verdict, namespace = run("""
            assert 1 == 1
            assert int("x") == 3
            assert {}["k"]
            reached = True
            assert 2 == 2
        """)
        self.assertEqual(verdict["outcome"], "error")
        self.assertEqual(verdict["detail"], "ValueError: invalid literal for int() with base 10: 'x' (line 3)")
        self.assertEqual((verdict["tests_passed"], verdict["tests_total"]), (2, 4))
        self.assertTrue(namespace["reached"])

    def test_first_non_pass_decides(self):
        verdict, _ = run("assert 1 == 2\nassert 1 / 0\n")
        self.assertEqual(verdict["outcome"], "failed")
        verdict, _ = run("assert 1 / 0\nassert 1 == 2\n")
        self.assertEqual(verdict["outcome"], "error")
        self.assertEqual(verdict["detail"], "ZeroDivisionError: division by zero (line 1)")

    def test_asserts_in_loops_and_functions(self):
        verdict, _ = run("""
            def check(candidate):
                for i in range(10):
                    assert candidate(i) == i * 2
                assert candidate(100) == 200
            check(lambda x: x * 2 if x != 3 else 0)
        """)
        self.assertEqual(verdict["outcome"], "failed")
        self.assertEqual((verdict["tests_passed"], verdict["tests_total"]), (10, 11))
        self.assertEqual(verdict["detail"], "line 4: assert candidate(i) == i * 2")

    def test_total_is_max_of_executed_and_static(self):
        verdict, _ = run("""
            def never():
                assert False
            assert True
        """)
        self.assertEqual((verdict["outcome"], verdict["tests_passed"], verdict["tests_total"]), ("passed", 1, 2))

    def test_abort_propagates(self):
        def boom():
            raise assertions.Abort("timeout", "too slow")

        ledger = assertions.Ledger()
        namespace = assertions.bind({"boom": boom}, ledger)
        code = assertions.compile_counted("assert True\nassert boom()\nassert True\n", "<tests>")
        with self.assertRaises(assertions.Abort) as caught:
            exec(code, namespace)
        self.assertEqual(caught.exception.outcome, "timeout")
        self.assertEqual((ledger.passed, ledger.total), (1, 1))

    def test_base_exceptions_other_than_abort_are_recorded(self):
        verdict, _ = run("""
            import sys
            assert sys.exit(3)
            assert True
        """)
        self.assertEqual(verdict["outcome"], "error")
        self.assertEqual(verdict["detail"], "SystemExit: 3 (line 3)")
        self.assertEqual(verdict["tests_passed"], 1)

    def test_memory_error_is_out_of_memory(self):
        verdict, _ = run("def f():\n    raise MemoryError()\nassert f()\n")
        self.assertEqual(verdict["outcome"], "out_of_memory")

    def test_exception_outside_asserts(self):
        verdict, _ = run("""
            assert True
            x = [][1]
            assert True
        """)
        self.assertEqual(verdict, {"outcome": "error", "tests_passed": 1, "tests_total": 2,
                                   "detail": "IndexError: list index out of range (line 3)"})

    def test_assert_in_class_body_try_and_nested_function(self):
        verdict, _ = run("""
            class K:
                assert 1 == 1
            try:
                assert 1 == 2
            except AssertionError:
                raise RuntimeError("not reached: the failure is recorded, not raised")
            def outer():
                def inner():
                    assert 2 == 2
                    return 5
                return inner()
            assert outer() == 5
        """)
        self.assertEqual((verdict["outcome"], verdict["tests_passed"], verdict["tests_total"]), ("failed", 3, 4))

    def test_multiline_assert_source_is_one_line(self):
        verdict, _ = run("assert (1 +\n        1) == 3\n")
        self.assertEqual(verdict["detail"], "line 1: assert (1 + 1) == 3")

    def test_traceback_lines_are_the_originals(self):
        verdict, _ = run("\n\n\nassert undefined_thing\n")
        self.assertEqual(verdict["detail"], "NameError: name 'undefined_thing' is not defined (line 4)")

    def test_count_and_syntax_error(self):
        self.assertEqual(assertions.count_asserts("assert 1\nif x:\n    assert 2\n"), 2)
        with self.assertRaises(SyntaxError):
            assertions.compile_counted("assert (", "<tests>")

    def test_record_api(self):
        ledger = assertions.Ledger()
        ledger.record("passed")
        ledger.record("failed", "input #1: nope")
        ledger.record("error", "input #2: ValueError")
        self.assertEqual(ledger.verdict(5), {"outcome": "failed", "tests_passed": 1, "tests_total": 5,
                                             "detail": "input #1: nope"})


if __name__ == "__main__":
    unittest.main()
