#include "evaluation/sandbox/zygote_launcher.h"

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>

#include "evaluation/sandbox/python_bundle.h"
#include "runtime/error.h"

namespace rrtf::sandbox {
namespace {

constexpr int kNamespaces = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS;
constexpr uid_t kFirstSlotUid = 60000;
// Fixed fd numbers the zygote finds its inputs on.
constexpr int kArchiveFd = 3;
constexpr int kSeccompFd = 4;
// The zygote's own pid namespace, so it can step back into it after unshare(CLONE_NEWPID).
constexpr int kPidNamespaceFd = 5;

// In the child between fork and exec only async-signal-safe calls are allowed:
// report the failing step through a pipe and _exit.
[[noreturn]] void failChild(int errorFd, const char* step) {
    int code = errno;
    char message[256];
    int length = 0;
    for (const char* p = step; *p && length < 200; ++p) message[length++] = *p;
    message[length++] = ':';
    message[length++] = ' ';
    const char* reason = strerrordesc_np(code);
    for (const char* p = reason ? reason : "?"; *p && length < 255; ++p) message[length++] = *p;
    [[maybe_unused]] auto written = write(errorFd, message, size_t(length));
    _exit(127);
}

int memfdWith(const std::string& bytes, const char* name) {
    int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) throw Error(std::string("sandbox: memfd_create: ") + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw Error(std::string("sandbox: memfd write: ") + std::strerror(errno));
        done += size_t(n);
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

void writeProcFile(pid_t pid, const char* file, const std::string& text) {
    std::string path = "/proc/" + std::to_string(pid) + "/" + file;
    int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw Error("sandbox: open " + path + ": " + std::strerror(errno));
    ssize_t n = write(fd, text.data(), text.size());
    int code = errno;
    close(fd);
    if (n != ssize_t(text.size())) throw Error("sandbox: write " + path + ": " + std::strerror(code));
}

// The system directories a sandboxed Python needs, bound read-only into its new root.
// Everything else on the machine (home folders, project trees, sockets, mounted
// disks) does not exist inside the sandbox.
constexpr const char* kSystemEntries[] = {"usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "dev"};
// Scratch directories: private tmpfs, writable, gone when the worker ends.
constexpr const char* kScratchEntries[] = {"tmp", "home", "root", "run", "proc"};

void mountTmpfs(int errorFd, const std::string& path, const char* options) {
    if (mount("tmpfs", path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
        failChild(errorFd, ("mount tmpfs on " + path).c_str());
}

// Builds the new root in a tmpfs mounted on /tmp, then pivots into it.
void setupMounts(int errorFd) {
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) failChild(errorFd, "mount private /");
    const std::string root = "/tmp";
    mountTmpfs(errorFd, root, "size=1m,mode=0755");
    for (const char* entry : kSystemEntries) {
        std::string source = std::string("/") + entry, target = root + "/" + entry;
        struct stat info;
        if (lstat(source.c_str(), &info) != 0) continue;
        if (S_ISLNK(info.st_mode)) {  // /bin -> usr/bin on merged-/usr systems
            char link[256];
            ssize_t length = readlink(source.c_str(), link, sizeof link - 1);
            if (length <= 0) continue;
            link[length] = '\0';
            if (symlink(link, target.c_str()) != 0) failChild(errorFd, "symlink in the new root");
        } else if (S_ISDIR(info.st_mode)) {
            if (mkdir(target.c_str(), 0755) != 0 ||
                mount(source.c_str(), target.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
                failChild(errorFd, ("bind " + source).c_str());
        }
    }
    for (const char* entry : kScratchEntries)
        if (mkdir((root + "/" + entry).c_str(), 0755) != 0) failChild(errorFd, "mkdir in the new root");
    mount_attr attr{};
    attr.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID;
    if (syscall(SYS_mount_setattr, AT_FDCWD, root.c_str(), AT_RECURSIVE, &attr, sizeof attr) != 0)
        failChild(errorFd, "make the new root read-only");
    mountTmpfs(errorFd, root + "/tmp", "size=64m,mode=1777");
    mountTmpfs(errorFd, root + "/home", "size=1m,mode=0755");
    mountTmpfs(errorFd, root + "/root", "size=1m,mode=0700");
    mountTmpfs(errorFd, root + "/run", "size=1m,mode=0755");
    if (access((root + "/dev/shm").c_str(), F_OK) == 0) mountTmpfs(errorFd, root + "/dev/shm", "size=64m,mode=1777");
    // /proc stays an empty directory: no process list, no /proc/<pid>/environ (spec/sandbox.md §4.1 #9).
    if (chdir(root.c_str()) != 0 || syscall(SYS_pivot_root, ".", ".") != 0) failChild(errorFd, "pivot_root");
    if (umount2(".", MNT_DETACH) != 0) failChild(errorFd, "detach the old root");
    if (chdir("/") != 0) failChild(errorFd, "chdir /");
}

void setLimit(int resource, rlim_t value) {
    rlimit limit{value, value};
    setrlimit(resource, &limit);
}

struct ChildSetup {
    ZygoteOptions options;
    int jobRead, resultWrite, archiveFd, seccompFd, errorWrite, syncWrite, goRead;
    std::vector<std::string> argv;
    std::vector<std::string> env;
};

[[noreturn]] void execZygote(const ChildSetup& s) {
    bool namespaces = s.options.tier != Tier::Unsafe;
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) failChild(s.errorWrite, "PDEATHSIG");
    int pidNamespace = -1;
    if (namespaces) {
        // Opened before /proc is hidden: /proc/self is this process, pid 1 of the new namespace.
        pidNamespace = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
        if (pidNamespace < 0) failChild(s.errorWrite, "open /proc/self/ns/pid");
        setupMounts(s.errorWrite);
        // Only cosmetic (the uts namespace already hides the real name): a failure is not fatal.
        if (sethostname("sandbox", 7) != 0)
            errno = 0;
    }
    if (chdir(namespaces ? "/tmp" : "/") != 0) failChild(s.errorWrite, "chdir");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) failChild(s.errorWrite, "no_new_privs");
    setLimit(RLIMIT_CORE, 0);
    setLimit(RLIMIT_NOFILE, 1024);

    // Move every fd we keep above the fixed numbers first, so no dup2 clobbers another.
    constexpr int kHigh = 100;
    int errorFd = fcntl(s.errorWrite, F_DUPFD_CLOEXEC, kHigh);
    int jobFd = fcntl(s.jobRead, F_DUPFD_CLOEXEC, kHigh);
    int resultFd = fcntl(s.resultWrite, F_DUPFD_CLOEXEC, kHigh);
    int archiveFd = fcntl(s.archiveFd, F_DUPFD_CLOEXEC, kHigh);
    int seccompFd = fcntl(s.seccompFd, F_DUPFD_CLOEXEC, kHigh);
    int namespaceFd = pidNamespace >= 0 ? fcntl(pidNamespace, F_DUPFD_CLOEXEC, kHigh) : -1;
    if (errorFd < 0) failChild(s.errorWrite, "dup");
    if (jobFd < 0 || resultFd < 0 || archiveFd < 0 || seccompFd < 0) failChild(errorFd, "dup");
    if (dup2(jobFd, 0) < 0 || dup2(resultFd, 1) < 0 || dup2(archiveFd, kArchiveFd) < 0 ||
        dup2(seccompFd, kSeccompFd) < 0 || (namespaceFd >= 0 && dup2(namespaceFd, kPidNamespaceFd) < 0))
        failChild(errorFd, "dup2");
    int firstUnused = namespaceFd >= 0 ? kPidNamespaceFd + 1 : kSeccompFd + 1;
    for (int fd = firstUnused; fd < 1024; ++fd)
        if (fd != errorFd) close(fd);

    std::vector<char*> argv, env;
    for (const auto& a : s.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto& e : s.env) env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);
    execve(s.options.python.c_str(), argv.data(), env.data());
    failChild(errorFd, "exec the Python interpreter");
}

// The keeper: enters the namespaces, forks the zygote (pid 1 inside) and waits.
[[noreturn]] void runKeeper(const ChildSetup& s, pid_t parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(126);
    setsid();
    if (geteuid() == 0) {
        // Root never runs candidates: the worker becomes the slot's unprivileged uid, which the
        // user namespace then maps to root inside (with capabilities only there).
        uid_t uid = slotUid(s.options.slot);
        if (setgroups(0, nullptr) != 0 || setresgid(uid, uid, uid) != 0 || setresuid(uid, uid, uid) != 0)
            failChild(s.errorWrite, "drop to the slot uid");
        // A credential change clears PDEATHSIG: arm it again (spec/sandbox.md §4.1).
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(126);
    }
    if (s.options.tier != Tier::Unsafe) {
        if (unshare(CLONE_NEWUSER) != 0) failChild(s.errorWrite, "unshare user namespace");
        char byte = 'u';
        if (write(s.syncWrite, &byte, 1) != 1 || read(s.goRead, &byte, 1) != 1 || byte != 'g')
            _exit(126);  // the parent failed to write the uid map and reported why
        if (unshare(kNamespaces) != 0) failChild(s.errorWrite, "unshare pid/mount/net/ipc/uts");
    }
    pid_t zygote = fork();
    if (zygote < 0) failChild(s.errorWrite, "fork");
    if (zygote == 0) execZygote(s);
    for (int fd = 0; fd < 1024; ++fd) close(fd);
    int status = 0;
    while (waitpid(zygote, &status, 0) < 0 && errno == EINTR) {}
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

void closeFd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

std::string readAll(int fd) {
    std::string text;
    char buffer[512];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, size_t(n));
    return text;
}

}  // namespace

uid_t slotUid(int slot) { return kFirstSlotUid + uid_t(slot); }

Zygote startZygote(const ZygoteOptions& options, const std::string& seccompProgram) {
    int job[2], result[2], error[2], sync[2], go[2];
    if (pipe2(job, O_CLOEXEC) || pipe2(result, O_CLOEXEC) || pipe2(error, O_CLOEXEC) ||
        pipe2(sync, O_CLOEXEC) || pipe2(go, O_CLOEXEC))
        throw Error(std::string("sandbox: pipe: ") + std::strerror(errno));
    ChildSetup setup{options, job[0], result[1], memfdWith(pythonModuleArchive(), "rrtf-python"),
                     memfdWith(seccompProgram, "rrtf-seccomp"), error[1], sync[1], go[0], {}, {}};
    setup.argv = {options.python, "-I", "-S", "-B", "-u", "-c", pythonBootstrap(kArchiveFd),
                  "--tier", std::string(tierName(options.tier)), "--slot", std::to_string(options.slot),
                  "--seccomp-fd", std::to_string(kSeccompFd)};
    if (options.tier != Tier::Unsafe) {
        setup.argv.push_back("--pid-namespace-fd");
        setup.argv.push_back(std::to_string(kPidNamespaceFd));
    }
    // A clean environment (spec/sandbox.md §6.3): no API keys, no PYTHON* variables.
    setup.env = {"PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1",
                 "OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1"};

    pid_t parent = getpid();
    pid_t keeper = fork();
    if (keeper < 0) throw Error(std::string("sandbox: fork: ") + std::strerror(errno));
    if (keeper == 0) runKeeper(setup, parent);

    for (int fd : {job[0], result[1], error[1], sync[1], go[0], setup.archiveFd, setup.seccompFd}) close(fd);
    Zygote zygote{keeper, job[1], result[0]};
    auto fail = [&](const std::string& why) {
        closeFd(go[1]);
        closeFd(sync[0]);
        std::string childError = readAll(error[0]);
        closeFd(error[0]);
        stopZygote(zygote);
        throw Error("sandbox: " + (childError.empty() ? why : childError));
    };
    if (options.tier != Tier::Unsafe) {
        char byte = 0;
        if (read(sync[0], &byte, 1) != 1) fail("the worker exited before its user namespace was ready");
        try {
            uid_t outerUid = geteuid() == 0 ? slotUid(options.slot) : geteuid();
            gid_t outerGid = geteuid() == 0 ? gid_t(slotUid(options.slot)) : getegid();
            if (geteuid() != 0) writeProcFile(keeper, "setgroups", "deny");
            writeProcFile(keeper, "uid_map", "0 " + std::to_string(outerUid) + " 1\n");
            writeProcFile(keeper, "gid_map", "0 " + std::to_string(outerGid) + " 1\n");
        } catch (const Error& e) {
            fail(e.what());
        }
        byte = 'g';
        if (write(go[1], &byte, 1) != 1) fail("the worker exited before its uid map was written");
    }
    closeFd(go[1]);
    closeFd(sync[0]);
    // The error pipe closes on a successful exec (close-on-exec); anything read is a failure.
    std::string childError = readAll(error[0]);
    closeFd(error[0]);
    if (!childError.empty()) {
        stopZygote(zygote);
        throw Error("sandbox: " + childError);
    }
    return zygote;
}

void stopZygote(Zygote& zygote) {
    closeFd(zygote.jobFd);
    closeFd(zygote.resultFd);
    if (zygote.keeper > 0) {
        kill(zygote.keeper, SIGKILL);
        int status;
        while (waitpid(zygote.keeper, &status, 0) < 0 && errno == EINTR) {}
    }
    zygote.keeper = -1;
}

}  // namespace rrtf::sandbox
