"""The execution scheme of openai/human-eval, re-created for comparison.

bench_sandbox runs this on the same programs as our sandbox, so that the table
compares both on this machine. It follows human-eval's `execution.py` as
spec/evaluation.md §1.1 describes it: a thread pool of n_workers, and per sample a
multiprocessing.Manager list plus a multiprocessing.Process that makes a temp dir,
applies the reliability guard, and exec()s prompt + completion + test + check()
with stdio swallowed under a SIGALRM timer; the parent joins with timeout + 1.

usage: humaneval_harness_baseline.py HumanEval.jsonl.gz SAMPLES_PER_PROBLEM N_WORKERS
prints one JSON line: {"programs": n, "seconds": s, "passed": p}
"""

import contextlib
import faulthandler
import gzip
import io
import json
import multiprocessing
import os
import platform
import signal
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor


class TimeoutException(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds):
    def handler(signum, frame):
        raise TimeoutException("Timed out!")
    signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.signal(signal.SIGALRM, handler)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class WriteOnlyStringIO(io.StringIO):
    def read(self, *args, **kwargs):
        raise OSError

    def readline(self, *args, **kwargs):
        raise OSError

    def readlines(self, *args, **kwargs):
        raise OSError

    def readable(self, *args, **kwargs):
        return False


@contextlib.contextmanager
def swallow_io():
    stream = WriteOnlyStringIO()
    with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
        old_stdin = sys.stdin
        sys.stdin = stream
        try:
            yield
        finally:
            sys.stdin = old_stdin


def reliability_guard():
    """The same attribute nulling as human-eval (not a sandbox)."""
    faulthandler.disable()
    import builtins
    import shutil
    import subprocess
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork",
                 "forkpty", "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown",
                 "chmod", "chown", "chroot", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    shutil.rmtree = shutil.move = shutil.chown = None
    subprocess.Popen = None
    for module in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[module] = None


def unsafe_execute(program, timeout, result):
    with tempfile.TemporaryDirectory() as dirname:
        rmtree, rmdir, chdir = __import__("shutil").rmtree, os.rmdir, os.chdir
        os.chdir(dirname)
        reliability_guard()
        try:
            with swallow_io():
                with time_limit(timeout):
                    exec(program, {})
            result.append("passed")
        except TimeoutException:
            result.append("timed out")
        except BaseException as e:  # noqa: B902 - as the harness does
            result.append("failed: %s" % e)
        import shutil
        shutil.rmtree, os.rmdir, os.chdir = rmtree, rmdir, chdir
        os.chdir("/")


def check_correctness(program, timeout=3.0):
    manager = multiprocessing.Manager()
    result = manager.list()
    process = multiprocessing.Process(target=unsafe_execute, args=(program, timeout, result))
    process.start()
    process.join(timeout=timeout + 1)
    if process.is_alive():
        process.kill()
    outcome = result[0] if result else "timed out"
    manager.shutdown()
    return outcome == "passed"


def main():
    path, per_problem, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with gzip.open(path, "rt") as lines:
        problems = [json.loads(line) for line in lines if line.strip()]
    programs = []
    for problem in problems:
        program = problem["prompt"] + problem["canonical_solution"] + "\n" + problem["test"] + "\n" + \
            "check(%s)" % problem["entry_point"]
        programs.extend([program] * per_problem)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        passed = sum(pool.map(check_correctness, programs))
    seconds = time.monotonic() - start
    print(json.dumps({"programs": len(programs), "seconds": seconds, "passed": passed,
                      "python": platform.python_version()}))


if __name__ == "__main__":
    main()
