#include "evaluation/sandbox/seccomp_policy.h"

#include <seccomp.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "runtime/error.h"

namespace rrtf::sandbox {
namespace {

using FilterPtr = std::unique_ptr<void, decltype(&seccomp_release)>;

// Calls that let a process inspect or change other processes, the kernel or the
// mount table. EPERM: Python turns it into a PermissionError the verdict shows.
constexpr const char* kDeniedCalls[] = {
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen",
    "fsmount", "fsconfig", "fspick", "mount_setattr", "unshare", "setns",
    "bpf", "io_uring_setup", "io_uring_enter", "io_uring_register", "keyctl", "add_key",
    "request_key", "perf_event_open", "userfaultfd", "kexec_load", "kexec_file_load",
    "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff", "acct",
    "quotactl", "name_to_handle_at", "open_by_handle_at", "lookup_dcookie", "syslog",
    "iopl", "ioperm", "vhangup", "settimeofday", "clock_settime", "clock_adjtime",
    "adjtimex", "sethostname", "setdomainname",
};

constexpr unsigned long kNamespaceFlags[] = {
    CLONE_NEWUSER, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWNET,
    CLONE_NEWIPC,  CLONE_NEWUTS, CLONE_NEWCGROUP,
};

void check(int rc, const char* what) {
    if (rc < 0) throw Error(std::string("seccomp: ") + what + ": " + std::strerror(-rc));
}

void denyByName(scmp_filter_ctx filter, const char* name, int errnoValue) {
    int number = seccomp_syscall_resolve_name(name);
    if (number == __NR_SCMP_ERROR) return;  // not on this architecture
    check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(errnoValue), number, 0), name);
}

std::string exportProgram(scmp_filter_ctx filter) {
    int fd = memfd_create("rrtf-seccomp", MFD_CLOEXEC);
    if (fd < 0) throw Error(std::string("seccomp: memfd_create: ") + std::strerror(errno));
    std::string program;
    int rc = seccomp_export_bpf(filter, fd);
    if (rc == 0 && lseek(fd, 0, SEEK_SET) == 0) {
        char buffer[4096];
        ssize_t got;
        while ((got = read(fd, buffer, sizeof buffer)) > 0) program.append(buffer, size_t(got));
    }
    close(fd);
    check(rc, "export");
    if (program.empty() || program.size() % 8 != 0) throw Error("seccomp: exported program is malformed");
    return program;
}

}  // namespace

std::string buildSeccompProgram() {
    FilterPtr filter(seccomp_init(SCMP_ACT_ALLOW), seccomp_release);
    if (!filter) throw Error("seccomp: seccomp_init failed");
    scmp_filter_ctx ctx = filter.get();
    // Children load the filter themselves; the zygote already set no_new_privs.
    check(seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0), "no_new_privs attribute");

    for (const char* name : kDeniedCalls) denyByName(ctx, name, EPERM);
    // clone3 hides its flags in memory the filter cannot read: ENOSYS makes glibc
    // fall back to clone(2), whose flags are checked below.
    denyByName(ctx, "clone3", ENOSYS);
    for (unsigned long flag : kNamespaceFlags)
        check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                               SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)),
              "clone flags");
    // No sockets at all: no network even where a network namespace is missing, and no
    // AF_UNIX connect() to a socket file on the read-only root (read-only does not stop
    // connect). socketpair() stays, for code that talks to its own children.
    denyByName(ctx, "socket", EACCES);
    // Pushing characters into the controlling terminal's input (TIOCSTI).
    check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                           SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI)),
          "ioctl");
    return exportProgram(ctx);
}

}  // namespace rrtf::sandbox
