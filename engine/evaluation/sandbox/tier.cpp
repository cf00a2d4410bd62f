#include "evaluation/sandbox/tier.h"

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace rrtf::sandbox {
namespace {

constexpr int kAllNamespaces = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS;

// Exit codes of the probe child: 0 works, otherwise which step failed (+ errno in a pipe).
enum ProbeStep { kOk = 0, kUserNamespace = 10, kOtherNamespaces = 11 };

}  // namespace

std::string_view tierName(Tier tier) {
    switch (tier) {
    case Tier::Root: return "root";
    case Tier::UserNamespace: return "userns";
    case Tier::Unsafe: return "unsafe";
    }
    return "unsafe";
}

TierProbe probeTier() {
    // For tests and for administrators who want to see the refusal: act as if the
    // kernel refused namespaces.
    if (const char* forced = std::getenv("RRTF_SANDBOX_TIER"); forced && std::string_view(forced) == "unsafe")
        return {Tier::Unsafe, "namespaces not tried (RRTF_SANDBOX_TIER=unsafe). Files, secrets and other "
                              "processes of this user are NOT protected"};
    int errorPipe[2];
    if (pipe(errorPipe) != 0) return {Tier::Unsafe, std::string("pipe: ") + std::strerror(errno)};
    pid_t child = fork();
    if (child < 0) {
        close(errorPipe[0]);
        close(errorPipe[1]);
        return {Tier::Unsafe, std::string("fork: ") + std::strerror(errno)};
    }
    if (child == 0) {
        close(errorPipe[0]);
        int step = kOk;
        if (unshare(CLONE_NEWUSER) != 0) step = kUserNamespace;
        else if (unshare(kAllNamespaces) != 0) step = kOtherNamespaces;
        if (step != kOk) {
            int code = errno;
            [[maybe_unused]] auto written = write(errorPipe[1], &code, sizeof code);
        }
        _exit(step);
    }
    close(errorPipe[1]);
    int code = 0;
    [[maybe_unused]] auto got = read(errorPipe[0], &code, sizeof code);
    close(errorPipe[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    int step = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (step == kOk)
        return {geteuid() == 0 ? Tier::Root : Tier::UserNamespace,
                "user, pid, mount, network, ipc and uts namespaces available"};
    std::string what = step == kUserNamespace ? "unshare(CLONE_NEWUSER)" : "unshare(pid|mount|net|ipc|uts)";
    std::string reason = code ? std::strerror(code) : "probe process died";
    return {Tier::Unsafe,
            what + " failed: " + reason +
                ". Files, secrets and other processes of this user are NOT protected; ask the "
                "administrator to allow unprivileged user namespaces "
                "(sysctl kernel.unprivileged_userns_clone=1 on Debian)"};
}

}  // namespace rrtf::sandbox
