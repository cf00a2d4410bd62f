"""The worker's tests process, kept warm from job to job.

The tests are trusted (dataset code) and only ever talk to the candidate through
typed frames, so one process can run them for job after job: each job gets fresh
globals, and the per-fd frame buffers are reset, so nothing of one job's candidate
reaches the next. This saves a fork per program, and keeps each problem's compiled
tests (the counted asserts) for its later samples. The zygote restarts the server
whenever it dies, runs out of memory or is still busy after a job's deadline.
"""

import collections
import json
import os
import resource
import socket

import codec
import jail
import tests_side

_CHUNK = 65536
_CACHE_SIZE = 256        # problems whose compiled tests stay warm
_MEMORY = 4 << 30        # trusted code, but HumanEval+ references build big inputs
_MAX_JOBS = 2000         # a fresh process now and then: bounded memory growth


class TestsServer:
    def __init__(self, jailer):
        self._jailer = jailer
        self.jobs = 0
        self._start()

    def _start(self):
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            _serve(self._jailer, child_end)  # never returns
        child_end.close()
        self._socket, self.pid, self.pidfd = parent_end, pid, os.pidfd_open(pid)
        self.jobs = 0

    def submit(self, raw_job, deadline, req_w, resp_r, verdict_w):
        """Hands one job to the server; it closes verdict_w when the record is written."""
        header = json.dumps({"size": len(raw_job), "deadline": deadline}).encode()
        socket.send_fds(self._socket, [header], [req_w, resp_r, verdict_w])
        for start in range(0, len(raw_job), _CHUNK):
            self._socket.send(raw_job[start:start + _CHUNK])
        self.jobs += 1

    def restart(self):
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass  # already reaped by a sweep
        os.close(self.pidfd)
        self._socket.close()
        self._start()

    def recycle_if_old(self):
        if self.jobs >= _MAX_JOBS:
            self.restart()


def _serve(jailer, sock):
    try:
        null = os.open("/dev/null", os.O_RDWR)
        jail.remap_fds({0: null, 1: null, 2: null, 3: sock.detach()})
        sock = socket.socket(fileno=3)
        for which, value in ((resource.RLIMIT_AS, _MEMORY), (resource.RLIMIT_CORE, 0),
                             (resource.RLIMIT_NPROC, 64)):
            resource.setrlimit(which, (value, value))
        jailer.restrict()  # no capabilities, seccomp
        cache = collections.OrderedDict()
        while True:
            header, fds, _, _ = socket.recv_fds(sock, 4096, 3)
            if not header:
                break
            request = json.loads(header)
            chunks, size = [], 0
            while size < request["size"]:
                chunk = sock.recv(_CHUNK)
                if not chunk:
                    os._exit(0)
                chunks.append(chunk)
                size += len(chunk)
            _run_one(b"".join(chunks), request["deadline"], fds, cache)
    except BaseException:  # noqa: B902 - the server must never run the zygote's loop
        os._exit(1)
    os._exit(0)


def _run_one(raw, deadline, fds, cache):
    req_w, resp_r, verdict_w = fds
    codec.reset_channels()
    try:
        job = json.loads(raw)
        job["deadline"] = deadline
        if job.get("style") in ("check", "asserts"):
            job["compiled_tests"] = _compiled(cache, job.get("tests") or "")
        record = tests_side.tests_record(job, req_w, resp_r)
        tests_side.write_record(verdict_w, record)
    except OSError:
        pass  # the zygote gave up on this job (deadline): nobody reads the record
    finally:
        for fd in fds:
            os.close(fd)


def _compiled(cache, source):
    """tests_side.compile_tests, cached: the n samples of a problem share one compile."""
    compiled = cache.get(source)
    if compiled is None:
        try:
            compiled = tests_side.compile_tests(source)
        except tests_side.Abort:
            return None  # compiled again in tests_record, which reports the problem
        if len(cache) >= _CACHE_SIZE:
            cache.popitem(last=False)
        cache[source] = compiled
    else:
        cache.move_to_end(source)
    return compiled
