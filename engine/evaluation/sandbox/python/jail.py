"""Process primitives of the zygote: fork a payload into its own jail.

Each payload (the candidate, or the tests) runs as pid 2 of a fresh pid namespace
whose pid 1 is a tiny init forked from the zygote. When the init exits, the kernel
kills everything left in the namespace, so daemons, fork bombs and setsid escapes
die with it (spec/sandbox.md §2.2). The payload also gets a private /tmp, rlimits,
no capabilities and the seccomp filter the supervisor built.

Trusted code: nothing here runs candidate code except through `target()`, after
every limit is in place.
"""

import ctypes
import fcntl
import os
import resource
import struct

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_REC = 0x4000
MNT_DETACH = 2
MS_PRIVATE = 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_SECCOMP = 22
PR_CAPBSET_DROP = 24
PR_SET_CHILD_SUBREAPER = 36
SECCOMP_MODE_FILTER = 2
SYS_CAPSET = 126  # x86_64
CAPABILITY_VERSION_3 = 0x20080522
LAST_CAPABILITY = 63

libc = ctypes.CDLL(None, use_errno=True)


class JailError(Exception):
    """A jail could not be set up: a sandbox error, never the candidate's fault."""


def check(result, what):
    """Raises JailError with errno's text when a libc call failed."""
    if result != 0:
        errno = ctypes.get_errno()
        raise JailError("%s: %s" % (what, os.strerror(errno)))


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


class Jailer:
    """Knows the worker's tier and spawns jails accordingly."""

    def __init__(self, namespaces, seccomp_program, pid_namespace_fd):
        self.namespaces = namespaces
        self.seccomp_program = seccomp_program
        self.pid_namespace_fd = pid_namespace_fd
        self._seccomp_buffer = ctypes.create_string_buffer(seccomp_program, len(seccomp_program))
        # Empty the bounding set once here (our effective capabilities stay, for unshare and
        # mount); every payload then only has to clear its own sets.
        _drop_bounding_set()
        if not namespaces:
            # Without pid namespaces, orphans come back to us and are swept after each job.
            check(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "PR_SET_CHILD_SUBREAPER")

    def spawn(self, target, fd_map, limits, status_fd):
        """Starts `target()` as the payload of a new jail; returns the init's pid.

        fd_map: {fd number in the payload: fd in the zygote}; 0, 1, 2 included.
        The init writes "<wait status> <cpu seconds>" to status_fd when the payload ends.
        """
        if self.namespaces:
            check(libc.unshare(CLONE_NEWPID), "unshare(CLONE_NEWPID)")
        try:
            init = os.fork()
        except OSError:
            init = -1
        if init == 0:
            self._run_init(target, fd_map, limits, status_fd)  # never returns
        if self.namespaces:
            # Our own later children belong to our namespace again.
            check(libc.setns(self.pid_namespace_fd, CLONE_NEWPID), "setns back")
        if init < 0:
            raise JailError("fork failed")
        return init

    def _run_init(self, target, fd_map, limits, status_fd):
        try:
            libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0)
            if self.namespaces:
                check(libc.unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)")
                check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "mount private")
                for path, options in ((b"/tmp", b"size=64m,mode=1777"), (b"/dev/shm", b"size=64m,mode=1777")):
                    if os.path.isdir(path):
                        check(libc.mount(b"tmpfs", path, b"tmpfs", MS_NOSUID | MS_NODEV, options),
                               "mount tmpfs")
            else:
                os.setsid()
            payload = os.fork()
            if payload == 0:
                self.run_payload(target, fd_map, limits)
            keep = {status_fd}
            _close_all_except(keep)
            while True:
                pid, status, usage = os.wait4(-1, 0)
                if pid == payload:
                    break
            cpu = usage.ru_utime + usage.ru_stime
            os.write(status_fd, ("%d %.6f\n" % (status, cpu)).encode())
        except BaseException:  # noqa: B902 - an init must never return into the zygote's loop
            os._exit(120)
        finally:
            os._exit(0)

    def run_payload(self, target, fd_map, limits):
        """In a fresh child: fds, limits, no capabilities, seccomp, then target(); never returns."""
        try:
            remap_fds(fd_map)
            os.chdir("/tmp" if self.namespaces else "/")
            _apply_limits(limits)
            _drop_capabilities()
            self._load_seccomp()
        except BaseException:  # noqa: B902 - a payload must never return into the zygote's loop
            os._exit(121)
        try:
            target()
        finally:
            os._exit(0)

    def restrict(self):
        """For a long-lived trusted helper: drop capabilities and load the seccomp filter."""
        _drop_capabilities()
        self._load_seccomp()

    def _load_seccomp(self):
        program = _SockFprog(len(self.seccomp_program) // 8, ctypes.addressof(self._seccomp_buffer))
        check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0),
               "seccomp")

    def kill(self, init):
        """Ends a jail: SIGKILL to its init takes its whole pid namespace down."""
        try:
            if self.namespaces:
                os.kill(init, 9)
            else:
                os.killpg(init, 9)
        except ProcessLookupError:
            pass

    def sweep(self, keep=()):
        """Reaps every child; without namespaces also kills adopted orphans (but not the
        worker's own helpers, listed in `keep`)."""
        if not self.namespaces:
            for pid in set(_adopted_children()) - set(keep):
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
        reap_children()


def _adopted_children():
    try:
        with open("/proc/self/task/%d/children" % os.getpid()) as listing:
            return [int(pid) for pid in listing.read().split()]
    except OSError:
        return []


def remap_fds(fd_map):
    """Puts each source fd at its target number and closes everything else."""
    # Move sources out of the way first, so no dup2 overwrites a source still needed.
    moved = {target: fcntl.fcntl(source, fcntl.F_DUPFD, 200) for target, source in fd_map.items()}
    for target, source in moved.items():
        os.dup2(source, target, inheritable=True)
    _close_all_except(set(fd_map))


def _close_all_except(keep):
    last = -1
    for fd in sorted(keep):
        if fd > last + 1:
            os.closerange(last + 1, fd)
        last = fd
    os.closerange(last + 1, 4096)


def _apply_limits(limits):
    cpu = max(1, int(limits.get("cpu_s", 3) + 0.999))
    memory = int(limits.get("memory_mb", 1024)) * 1024 * 1024
    settings = (
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_AS, memory, memory),
        (resource.RLIMIT_NPROC, int(limits.get("nproc", 64)), int(limits.get("nproc", 64))),
        (resource.RLIMIT_FSIZE, int(limits.get("fsize_mb", 16)) << 20, int(limits.get("fsize_mb", 16)) << 20),
        (resource.RLIMIT_NOFILE, 64, 64),
        (resource.RLIMIT_CORE, 0, 0),
    )
    for which, soft, hard in settings:
        resource.setrlimit(which, (soft, hard))


def _drop_bounding_set():
    """No process started from here can gain a capability through execve."""
    for capability in range(LAST_CAPABILITY + 1):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            break  # past the kernel's last capability (EINVAL), or none to drop


def _drop_capabilities():
    """The payload is uid 0 of the worker's user namespace: take every capability away
    (the bounding set is already empty, see Jailer)."""
    header = ctypes.create_string_buffer(struct.pack("=Ii", CAPABILITY_VERSION_3, 0))
    data = ctypes.create_string_buffer(bytes(24))  # two empty __user_cap_data_struct
    check(libc.syscall(SYS_CAPSET, header, data), "capset")


def reap_children():
    """Reaps the children that have exited; the rest (still running, or the worker's
    own helpers) are left alone."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
