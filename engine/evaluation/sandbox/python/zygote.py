"""The warm interpreter of one sandbox worker (PROTOCOL.md §2).

Reads jobs as JSON lines on stdin. For level B it hands the job to the tests server
and has the candidate spawner fork a fresh candidate; for level A it forks one jailed
process itself. It watches their output, the deadline and the candidate's wait
status, and writes one verdict line per job on stdout. Forking an already-started
interpreter costs about a millisecond, where starting one costs 15-20 (spec/sandbox.md
§3.3).

Trusted code: it never executes candidate or test code itself.
"""

import fcntl
import gc
import json
import os
import platform
import secrets
import select
import signal
import sys
import time
import traceback

import assertions
import candidate_side
import inprocess
import jail
import spawner
import tests_server

_OUTCOMES = {"passed", "failed", "error", "syntax_error", "timeout", "out_of_memory"}
_SIGNAL_NAMES = {int(s): s.name for s in signal.Signals}
_STATUS_WAIT_AFTER_EOF = 1.0  # seconds to wait for C's status once T saw it die


class _Stream:
    """A captured output pipe: keeps the first bytes, counts them all."""

    def __init__(self, fd, keep):
        self.fd, self.keep, self.data, self.total, self.open = fd, keep, bytearray(), 0, True

    def pump(self):
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self.open = False
            os.close(self.fd)
            return
        self.total += len(chunk)
        room = self.keep - len(self.data)
        if room > 0:
            self.data += chunk[:room]

    def text(self):
        return _clean_text(bytes(self.data))


class _Status:
    """The '<wait status> <cpu seconds>' line a jail's init writes when its payload ends."""

    def __init__(self, fd):
        self.fd, self.raw, self.open = fd, b"", True
        self.status = None
        self.cpu = 0.0

    def pump(self):
        chunk = os.read(self.fd, 256)
        if not chunk:
            self.open = False
            os.close(self.fd)
            parts = self.raw.split()
            if len(parts) == 2:
                self.status, self.cpu = int(parts[0]), float(parts[1])
            return
        self.raw += chunk


class _Liveness:
    """The tests server's pidfd: readable (closed here) once the process has died."""

    def __init__(self, pidfd):
        self.fd, self.open, self.total = pidfd, True, 0

    def pump(self):
        self.open = False

    def check(self):
        if self.open:
            ready, _, _ = select.select([self.fd], [], [], 0)
            self.open = not ready
        return self.open


def _await_close(stream, seconds):
    """Reads `stream` until its writer closes it; False if that takes longer than `seconds`."""
    end = time.monotonic() + seconds
    while stream.open:
        left = end - time.monotonic()
        if left <= 0:
            os.close(stream.fd)
            stream.open = False
            return False
        ready, _, _ = select.select([stream], [], [], left)
        if ready:
            stream.pump()
    return True


def _clean_text(data):
    """Candidate output is untrusted text: no control or escape sequences."""
    text = data.decode("utf-8", "replace")
    return "".join(c if c in "\n\t" or (c >= " " and c != "\x7f") else "\ufffd" for c in text)


def _signal_name(number):
    return _SIGNAL_NAMES.get(number, "signal %d" % number)


_DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
_MAX_SOURCE = 1 << 20  # a pipe can hold this much, so sending never waits on the candidate
_F_SETPIPE_SZ = 1031


def _send_source(fd, source):
    """Hands the candidate its source through a pipe sized to hold it all, then closes it."""
    data = source.encode("utf-8", "surrogatepass")
    try:
        if len(data) > 65536:
            fcntl.fcntl(fd, _F_SETPIPE_SZ, _MAX_SOURCE)
        os.set_blocking(fd, False)
        os.write(fd, data)
    except OSError:
        pass  # the candidate died first; its status tells why
    finally:
        os.close(fd)


def _candidate_from_pipe(fd):
    """The candidate payload: read the source, then serve calls (candidate_side)."""
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    source = b"".join(chunks).decode("utf-8", "surrogatepass")
    candidate_side.serve_candidate({"candidate": source}, 3, 4)


class Zygote:
    def __init__(self, tier, jailer):
        self.tier = tier
        self.jailer = jailer
        # Forked now, before the first job: see jail.CandidateSpawner.
        self.spawner = spawner.CandidateSpawner(jailer, _candidate_from_pipe)
        self.tests = tests_server.TestsServer(jailer)

    # ---- one job -------------------------------------------------------------------------

    def run(self, job, raw):
        """raw: the job's JSON line as received (handed on to the tests server)."""
        started = time.monotonic()
        limits = job.get("limits", {})
        split = job.get("split", True) and job.get("style") != "script"
        if split:
            result = self._run_split(job, raw, limits)
            if result.pop("_fallback", None) is not None:
                reason = result["detail"]
                if job.get("allow_fallback", False):
                    result = self._run_in_process(job, limits)
                    result["fallback_reason"] = reason
                else:
                    # Only trusted data may lower the level: a candidate that makes its values
                    # uncrossable (say, `add` as a class) must not earn the forgeable runner.
                    result["detail"] = "cannot test across processes: %s" % reason
        else:
            result = self._run_in_process(job, limits)
            if job.get("style") == "script" and job.get("split", True):
                result["fallback_reason"] = "a whole-script problem has no function to call across processes"
        result["id"] = job.get("id")
        result["wall_ms"] = round((time.monotonic() - started) * 1000.0, 3)
        result.setdefault("fallback_reason", "")
        return result

    def _pipes(self, count):
        return [os.pipe() for _ in range(count)]

    def _run_split(self, job, raw, limits):
        self._static_total = _static_assert_count(job)
        if len(job.get("candidate", "").encode("utf-8", "surrogatepass")) > _MAX_SOURCE:
            return _verdict("error", detail="the candidate's source is larger than %d bytes" % _MAX_SOURCE)
        deadline = time.monotonic() + float(limits.get("wall_s", 6.0))
        (req_r, req_w), (resp_r, resp_w), (verdict_r, verdict_w) = self._pipes(3)
        (out_r, out_w), (err_r, err_w), (cstat_r, cstat_w), (src_r, src_w) = self._pipes(4)
        null = os.open("/dev/null", os.O_RDWR)
        try:
            self.spawner.spawn({0: null, 1: out_w, 2: err_w, 3: req_r, 4: resp_w, spawner.SOURCE_FD: src_r},
                               limits, cstat_w)
            os.close(src_r)
            _send_source(src_w, job.get("candidate", ""))
            self.tests.submit(raw, deadline, req_w, resp_r, verdict_w)
        finally:
            for fd in (req_r, req_w, resp_r, resp_w, verdict_w, out_w, err_w, cstat_w, null):
                os.close(fd)
        keep = int(limits.get("output_keep", 65536))
        out, err = _Stream(out_r, keep), _Stream(err_r, keep)
        verdict, c_status = _Stream(verdict_r, 1 << 20), _Status(cstat_r)
        tests_alive = _Liveness(self.tests.pidfd)
        watch = Watch(deadline, int(limits.get("output_kill", 1 << 20)), (out, err))
        watch.until(lambda: not verdict.open or not tests_alive.open,
                    [out, err, verdict, c_status, tests_alive])
        if not watch.ended_early and c_status.open and b"candidate process ended" in bytes(verdict.data):
            # T saw C die: give the spawner a moment to report how.
            watch.deadline = min(deadline, time.monotonic() + _STATUS_WAIT_AFTER_EOF)
            watch.until(lambda: not c_status.open, [out, err, c_status])
        self.spawner.wipe()
        for stream in (out, err, c_status):
            _drain(stream)
        # The tests server closes the verdict pipe when it has finished the job; if it is
        # still busy (a deadline, an output flood) or died, it is replaced.
        finished = _await_close(verdict, _STATUS_WAIT_AFTER_EOF) and tests_alive.check()
        record = _single_record(bytes(verdict.data))
        if not finished or (record or {}).get("outcome") == "out_of_memory":
            self.tests.restart()
        else:
            self.tests.recycle_if_old()
        self.jailer.sweep(keep=(self.spawner.pid, self.tests.pid))
        result = self._split_verdict(limits, watch, record, c_status, tests_alive)
        result.update(stdout=out.text(), stderr=err.text(), cpu_ms=round(c_status.cpu * 1000.0, 3),
                      level="split")
        return result

    def _split_verdict(self, limits, watch, record, c_status, tests_alive):
        if watch.output_exceeded:
            return _verdict("output_limit", detail="output exceeded %d bytes" % watch.output_cap)
        if record is not None and record.get("outcome") == "passed":
            return _verdict("passed", record)
        if watch.timed_out:
            result = _verdict("timeout", record, "wall clock limit of %gs" % float(limits.get("wall_s", 6.0)))
            result["tests_total"] = max(result["tests_total"], self._static_total)
            return result
        candidate_end = _explain_signal(c_status, limits)
        if candidate_end is not None:
            return _verdict(candidate_end[0], record, candidate_end[1])
        if record is None:
            why = "it died" if not tests_alive.open else "no record"
            return _verdict("sandbox_error", None, "the tests process gave no verdict (%s)" % why)
        if record.get("outcome") == "fallback":
            result = _verdict("error", None, str(record.get("detail", "")))
            result["_fallback"] = True
            return result
        if record.get("outcome") not in _OUTCOMES:
            return _verdict("sandbox_error", None, "the tests process wrote an unknown outcome")
        if c_status.status is not None and os.WIFEXITED(c_status.status) and \
                "candidate process ended" in str(record.get("detail", "")):
            record["detail"] = "the candidate exited (status %d) while being tested" % \
                os.WEXITSTATUS(c_status.status)
        return _verdict(record["outcome"], record)

    def _run_in_process(self, job, limits):
        wall = float(limits.get("wall_s", 6.0))
        job = dict(job, deadline=time.monotonic() + wall)
        nonce = secrets.token_hex(16)
        (verdict_r, verdict_w), (out_r, out_w), (err_r, err_w), (stat_r, stat_w) = self._pipes(4)
        null = os.open("/dev/null", os.O_RDWR)
        try:
            init = self.jailer.spawn(lambda: inprocess.run_in_process(job, 3, nonce),
                                     {0: null, 1: out_w, 2: err_w, 3: verdict_w}, limits, stat_w)
        finally:
            for fd in (verdict_w, out_w, err_w, stat_w, null):
                os.close(fd)
        keep = int(limits.get("output_keep", 65536))
        out, err = _Stream(out_r, keep), _Stream(err_r, keep)
        verdict, status = _Stream(verdict_r, 1 << 20), _Status(stat_r)
        watch = Watch(job["deadline"], int(limits.get("output_kill", 1 << 20)), (out, err))
        watch.until(lambda: not status.open and not verdict.open, [out, err, verdict, status])
        self.jailer.kill(init)
        for stream in (out, err, verdict, status):
            _drain(stream)
        self.jailer.sweep(keep=(self.spawner.pid, self.tests.pid))
        result = _in_process_verdict(limits, watch, bytes(verdict.data), status, nonce)
        result.update(stdout=out.text(), stderr=err.text(), cpu_ms=round(status.cpu * 1000.0, 3),
                      level="in-process")
        return result


class Watch:
    """Pumps pipes until a condition holds, the deadline passes or output overflows."""

    def __init__(self, deadline, output_cap, counted):
        self.deadline, self.output_cap, self.counted = deadline, output_cap, counted
        self.timed_out = self.output_exceeded = False

    @property
    def ended_early(self):
        return self.timed_out or self.output_exceeded

    def until(self, done, streams):
        while not done():
            readable = [s for s in streams if s.open]
            left = self.deadline - time.monotonic()
            if left <= 0:
                self.timed_out = True
                return
            if not readable:
                return
            ready, _, _ = select.select(readable, [], [], left)
            for stream in ready:
                stream.pump()
            if sum(s.total for s in self.counted) > self.output_cap:
                self.output_exceeded = True
                return


def _drain(stream):
    """After the kill: read what is left so nothing blocks, then close."""
    while stream.open:
        ready, _, _ = select.select([stream], [], [], 1.0)
        if not ready:
            os.close(stream.fd)
            stream.open = False
            return
        stream.pump()


# _Stream/_Status work with select() through their fd.
_Stream.fileno = lambda self: self.fd
_Status.fileno = lambda self: self.fd
_Liveness.fileno = lambda self: self.fd


def _static_assert_count(job):
    """The assert statements in the trusted tests: the total when a run never finished."""
    if job.get("style") not in ("check", "asserts"):
        return 0
    try:
        return assertions.count_asserts(job.get("tests", ""))
    except (SyntaxError, ValueError, RecursionError):
        return 0


def _single_record(data):
    lines = [line for line in data.split(b"\n") if line.strip()]
    if len(lines) != 1:
        return None
    try:
        record = json.loads(lines[0])
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _verdict(outcome, record=None, detail=None):
    record = record or {}
    passed = record.get("tests_passed", 0)
    total = record.get("tests_total", 0)
    return {
        "outcome": outcome,
        "tests_passed": passed if isinstance(passed, int) else 0,
        "tests_total": total if isinstance(total, int) else 0,
        "detail": detail if detail is not None else str(record.get("detail", "")),
    }


def _explain_signal(status, limits):
    """(outcome, detail) when the payload was killed by a signal, else None."""
    if status.status is None or not os.WIFSIGNALED(status.status):
        return None
    number = os.WTERMSIG(status.status)
    cpu_limit = float(limits.get("cpu_s", 3.0))
    if number == signal.SIGXCPU or (number == signal.SIGKILL and status.cpu >= cpu_limit):
        return "timeout", "CPU time limit of %gs" % cpu_limit
    if number == signal.SIGXFSZ:
        return "error", "file size limit exceeded (SIGXFSZ)"
    return "crashed", "killed by %s" % _signal_name(number)


def _describe_status(status):
    if status.status is None:
        return "no exit status"
    if os.WIFEXITED(status.status):
        return "exit status %d" % os.WEXITSTATUS(status.status)
    return "killed by %s" % _signal_name(os.WTERMSIG(status.status))


def _in_process_verdict(limits, watch, data, status, nonce):
    """spec/sandbox.md §5.1 for the level-A runner, whose record carries the nonce."""
    if watch.output_exceeded:
        return _verdict("output_limit", detail="output exceeded %d bytes" % watch.output_cap)
    if watch.timed_out:
        return _verdict("timeout", detail="wall clock limit of %gs" % float(limits.get("wall_s", 6.0)))
    ended = _explain_signal(status, limits)
    if ended is not None:
        return _verdict(ended[0], detail=ended[1])
    lines = [line for line in data.split(b"\n") if line.strip()]
    exit_code = os.WEXITSTATUS(status.status) if status.status is not None and \
        os.WIFEXITED(status.status) else -1
    if not lines:
        if exit_code == 0:
            return _verdict("error", detail="exited without a verdict")
        return _verdict("error", detail="runner died (%s)" % _describe_status(status))
    record = _single_record(data)
    if record is None or record.get("nonce") != nonce or record.get("outcome") not in _OUTCOMES:
        return _verdict("tampered", detail="forged, malformed or repeated verdict record")
    if exit_code != 0:
        return _verdict("error", record, "runner ended with %s after its verdict" % _describe_status(status))
    return _verdict(record["outcome"], record)


# ---- the loop --------------------------------------------------------------------------------

def _parse_args(argv):
    options = {"--tier": "userns", "--slot": "0", "--seccomp-fd": None, "--pid-namespace-fd": None}
    for i in range(0, len(argv) - 1, 2):
        options[argv[i]] = argv[i + 1]
    return options


def _read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def main(argv):
    options = _parse_args(argv)
    # -S keeps site's start-up cost and user paths out, but Debian's packaged modules
    # (numpy, which HumanEval+ OriginFmt tests import) belong on the path.
    if os.path.isdir(_DEBIAN_PACKAGES) and _DEBIAN_PACKAGES not in sys.path:
        sys.path.append(_DEBIAN_PACKAGES)
    seccomp_program = _read_all(int(options["--seccomp-fd"]))
    namespace_fd = options["--pid-namespace-fd"]
    jailer = jail.Jailer(options["--tier"] != "unsafe", seccomp_program,
                         int(namespace_fd) if namespace_fd is not None else None)
    # Children would otherwise copy every page the collector touches (copy-on-write):
    # freezing the start-up objects keeps the forks cheap.
    gc.collect()
    gc.freeze()
    zygote = Zygote(options["--tier"], jailer)
    interpreter = "%s %s" % (sys.executable or "python3", platform.python_version())
    _answer({"hello": {"interpreter": interpreter, "tier": options["--tier"]}})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        job_id = None
        try:
            job = json.loads(line)
            job_id = job.get("id")
            result = zygote.run(job, line)
        except jail.JailError as error:
            # A helper of this worker is gone: leave without answering, so the supervisor
            # reports this job as a sandbox error and starts a fresh worker for the next.
            sys.stderr.write("zygote: %s\n" % error)
            os._exit(3)
        except Exception:  # noqa: BLE001 - one broken job must not end the worker
            result = _verdict("sandbox_error", detail="zygote: " + traceback.format_exc(limit=3)[-600:])
            result.update(id=job_id, stdout="", stderr="", wall_ms=0.0, cpu_ms=0.0, level="",
                          fallback_reason="")
        _answer(result)


def _answer(message):
    os.write(1, (json.dumps(message) + "\n").encode())
