"""Starts candidate processes from a process that never sees a job.

The zygote holds each job's tests, reference solution and inputs; a process forked
from it could dig them out of its own memory (frames, gc, ctypes) and, say, call the
reference instead of solving the problem. So candidates are forked from this
spawner, which is forked from the zygote before the first job and afterwards only
receives file descriptors and limits; the candidate reads its own source from a pipe.

With namespaces the spawner is pid 1 of a pid namespace kept for all the worker's
candidates, with a private /tmp. Each job's candidate is forked into it; at the end
of the job `wipe` kills every process in the namespace but the spawner itself
(kill(-1) from pid 1: daemons and fork bombs included) and gives /tmp a fresh
tmpfs. That costs far less than a new namespace and init per job (spec/sandbox.md
§3.3). Candidates cannot signal the spawner: pid 1 ignores signals it has no
handler for when they come from inside its namespace, and it keeps none.
Without namespaces (the unsafe tier) each candidate gets its own session through
Jailer.spawn and is killed by process group.
"""

import json
import os
import select
import signal
import socket

import jail

SOURCE_FD = 5  # where the candidate payload finds its source
_TMPFS = ((b"/tmp", b"size=64m,mode=1777"), (b"/dev/shm", b"size=64m,mode=1777"))


class CandidateSpawner:
    def __init__(self, jailer, target_for_source):
        self._jailer = jailer
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        if jailer.namespaces:
            jail.check(jail.libc.unshare(jail.CLONE_NEWPID), "unshare(CLONE_NEWPID)")
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            _Server(jailer, child_end, target_for_source).run()  # never returns
        if jailer.namespaces:
            jail.check(jail.libc.setns(jailer.pid_namespace_fd, jail.CLONE_NEWPID), "setns back")
        child_end.close()
        self._socket = parent_end
        self.pid = pid

    def spawn(self, fd_map, limits, status_fd):
        """Starts the candidate: fd_map as for Jailer.spawn, SOURCE_FD among its targets.
        The spawner writes "<wait status> <cpu seconds>" to status_fd when it ends."""
        targets = sorted(fd_map)
        request = json.dumps({"op": "spawn", "targets": targets, "limits": limits}).encode()
        socket.send_fds(self._socket, [request], [fd_map[t] for t in targets] + [status_fd])
        self._expect("spawned")

    def wipe(self):
        """Kills the job's candidate and everything it started; returns when they are gone."""
        self._socket.send(json.dumps({"op": "wipe"}).encode())
        self._expect("wiped")

    def _expect(self, word):
        answer = self._socket.recv(256)
        if answer != word.encode():
            raise jail.JailError("the candidate spawner failed: %s" % answer[:200].decode("utf-8", "replace"))


class _Server:
    """The spawner process's loop."""

    def __init__(self, jailer, sock, target_for_source):
        self.jailer, self.sock, self.target_for_source = jailer, sock, target_for_source
        self.payload = self.pidfd = self.status_fd = None
        self.group = None  # unsafe tier: the candidate's own init and process group

    def run(self):
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # keep no handler a candidate could trigger
            if self.jailer.namespaces:
                jail.check(jail.libc.unshare(jail.CLONE_NEWNS), "unshare(CLONE_NEWNS)")
                jail.check(jail.libc.mount(None, b"/", None, jail.MS_REC | jail.MS_PRIVATE, None), "mount private")
                self._fresh_tmpfs(unmount=False)
            while True:
                watched = [self.sock] + ([self.pidfd] if self.pidfd is not None else [])
                ready, _, _ = select.select(watched, [], [])
                if self.pidfd is not None and self.pidfd in ready:
                    self._collect(os.WNOHANG)
                if self.sock in ready and not self._handle():
                    break
        except BaseException:  # noqa: B902 - the spawner must never run the zygote's loop
            os._exit(1)
        os._exit(0)

    def _handle(self):
        message, fds, _, _ = socket.recv_fds(self.sock, 65536, 32)
        if not message:
            return False
        request = json.loads(message)
        try:
            if request["op"] == "spawn":
                self._spawn(request, fds)
                self.sock.send(b"spawned")
            else:
                self._wipe()
                self.sock.send(b"wiped")
        except Exception as error:  # noqa: BLE001 - reported to the zygote as a sandbox error
            self.sock.send(("error: %s" % error).encode()[:250])
        finally:
            for fd in fds[:-1] if request["op"] == "spawn" else fds:
                os.close(fd)
        return True

    def _spawn(self, request, fds):
        *payload_fds, self.status_fd = fds
        fd_map = dict(zip(request["targets"], payload_fds))
        target = lambda: self.target_for_source(SOURCE_FD)  # noqa: E731
        if not self.jailer.namespaces:
            self.group = self.jailer.spawn(target, fd_map, request["limits"], self.status_fd)
            os.close(self.status_fd)
            self.status_fd = None
            return
        self.payload = os.fork()
        if self.payload == 0:
            self.jailer.run_payload(target, fd_map, request["limits"])  # never returns
        self.pidfd = os.pidfd_open(self.payload)

    def _collect(self, flags):
        """Reports the payload's end to the zygote once it has exited."""
        pid, status, usage = os.wait4(self.payload, flags)
        if pid == 0:
            return
        os.write(self.status_fd, ("%d %.6f\n" % (status, usage.ru_utime + usage.ru_stime)).encode())
        self._forget_payload()

    def _forget_payload(self):
        for fd in (self.pidfd, self.status_fd):
            if fd is not None:
                os.close(fd)
        self.payload = self.pidfd = self.status_fd = None

    def _wipe(self):
        if not self.jailer.namespaces:
            if self.group is not None:
                self.jailer.kill(self.group)
                self.group = None
            jail.reap_children()
            return
        if self.payload is not None:
            try:  # SIGKILL first, so that a payload we kill reports no status of its own
                os.kill(self.payload, signal.SIGKILL)
            except ProcessLookupError:
                pass
        while True:  # everyone else in the namespace; repeat until nothing is left to reap
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
        self._forget_payload()
        self._fresh_tmpfs(unmount=True)

    def _fresh_tmpfs(self, unmount):
        """A clean /tmp and /dev/shm for the next candidate (only when this one wrote there)."""
        for path, options in _TMPFS:
            if not os.path.isdir(path):
                continue
            if unmount:
                if not os.listdir(path):
                    continue
                jail.check(jail.libc.umount2(path, jail.MNT_DETACH), "umount " + path.decode())
            jail.check(jail.libc.mount(b"tmpfs", path, b"tmpfs", jail.MS_NOSUID | jail.MS_NODEV, options),
                       "mount tmpfs on " + path.decode())
