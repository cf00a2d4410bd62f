"""A stand-in for the zygote in unit tests: forks T and C (level B) or one level-A
process with plain os.fork and pipes, no namespaces, seccomp or rlimits.

The sandbox modules are imported from PYTHONPATH (engine/evaluation/sandbox/python);
when that is not set, the path is derived from this file's location.
"""

import json
import os
import secrets
import select
import signal
import sys
import time

_HERE = os.path.dirname(os.path.abspath(__file__))
_MODULES = os.path.normpath(os.path.join(_HERE, "..", "..", "..", "..", "engine", "evaluation", "sandbox", "python"))
if _MODULES not in sys.path:
    sys.path.insert(0, _MODULES)

import codec  # noqa: E402
import assertions  # noqa: E402
import candidate_side  # noqa: E402
import tests_side  # noqa: E402
import inprocess  # noqa: E402

GRACE_S = 5.0


def _quiet():
    """stdin from /dev/null, stdout and stderr to /dev/null (children of the test runner)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _child(body):
    try:
        _quiet()
        body()
    finally:
        os._exit(99)


def _read_all(fd, until):
    data = bytearray()
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        remaining = until - time.monotonic()
        if remaining <= 0:
            return bytes(data), False
        if not poller.poll(int(remaining * 1000) + 1):
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return bytes(data), True
        data += chunk


def _reap(pid, until):
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() >= until:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return os.waitpid(pid, 0)[1]
        time.sleep(0.002)


def _parse_one(data):
    lines = data.splitlines()
    if not lines:
        return None, "no verdict"
    if len(lines) != 1:
        return None, "more than one record"
    try:
        record = json.loads(lines[0])
    except ValueError:
        return None, "malformed record"
    if type(record) is not dict:
        return None, "malformed record"
    return record, ""


def run_split(job, wall_s=10.0):
    """Level B: the T record as a dict, plus "c_status" (C's wait status)."""
    job = dict(job)
    job.setdefault("deadline", time.monotonic() + wall_s)
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    verdict_r, verdict_w = os.pipe()

    def candidate():
        for fd in (req_w, resp_r, verdict_r, verdict_w):
            os.close(fd)
        candidate_side.serve_candidate(job, req_r, resp_w)

    def tests():
        for fd in (req_r, resp_w, verdict_r):
            os.close(fd)
        tests_side.run_tests_split(job, req_w, resp_r, verdict_w)

    c_pid = os.fork()
    if c_pid == 0:
        _child(candidate)
    t_pid = os.fork()
    if t_pid == 0:
        _child(tests)
    for fd in (req_r, req_w, resp_r, resp_w, verdict_w):
        os.close(fd)
    until = job["deadline"] + GRACE_S
    data, _ = _read_all(verdict_r, until)
    os.close(verdict_r)
    t_status = _reap(t_pid, until)
    # T is done: C gets EOF and exits, unless the candidate is stuck in a call.
    c_status = _reap(c_pid, time.monotonic() + 0.5)
    record, problem = _parse_one(data)
    if record is None:
        record = {"outcome": "error", "tests_passed": 0, "tests_total": 0, "detail": "tests process: " + problem}
    record["t_status"] = t_status
    record["c_status"] = c_status
    return record


def run_level_a(job, wall_s=10.0):
    """Level A: the record (nonce checked and removed), or an error/tampered record."""
    nonce = secrets.token_hex(16)
    verdict_r, verdict_w = os.pipe()

    def runner():
        os.close(verdict_r)
        inprocess.run_in_process(dict(job), verdict_w, nonce)

    pid = os.fork()
    if pid == 0:
        _child(runner)
    os.close(verdict_w)
    until = time.monotonic() + wall_s
    data, _ = _read_all(verdict_r, until)
    os.close(verdict_r)
    status = _reap(pid, until)
    record, problem = _parse_one(data)
    if record is None:
        if problem == "no verdict":
            code = os.waitstatus_to_exitcode(status)
            detail = "exited %d without a verdict" % code if code >= 0 else "killed by signal %d" % -code
            return {"outcome": "error", "tests_passed": 0, "tests_total": 0, "detail": detail, "status": status}
        return {"outcome": "tampered", "tests_passed": 0, "tests_total": 0, "detail": problem, "status": status}
    if record.pop("nonce", None) != nonce:
        return {"outcome": "tampered", "tests_passed": 0, "tests_total": 0, "detail": "wrong nonce",
                "status": status}
    if os.waitstatus_to_exitcode(status) != 0:
        return {"outcome": "error", "tests_passed": 0, "tests_total": 0, "detail": "runner exited non-zero",
                "status": status}
    record["status"] = status
    return record


def judge(job, wall_s=10.0):
    """What the zygote does: level B, and level A when T answers `fallback`.
    Returns (record, level, fallback_reason)."""
    if job.get("split", True) and job.get("style") != "script":
        record = run_split(job, wall_s)
        if record["outcome"] != "fallback":
            return record, "split", ""
        reason = record["detail"]
    else:
        reason = "script style" if job.get("style") == "script" else "split=false"
    return run_level_a(job, wall_s), "in-process", reason
