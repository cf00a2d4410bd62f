// Starts the warm Python interpreter (the zygote) inside the worker's
// namespaces: user namespace mapped to an unprivileged uid, its own pid, mount,
// network, ipc and uts namespaces, read-only /, private tmpfs on /tmp, /home,
// /root, /run, /dev/shm and /proc, a clean environment.
#pragma once

#include <sys/types.h>

#include <string>

#include "evaluation/sandbox/tier.h"

namespace rrtf::sandbox {

struct ZygoteOptions {
    Tier tier = Tier::UserNamespace;
    int slot = 0;                            // worker number: picks the uid in root mode
    std::string python = "/usr/bin/python3";  // never a pyenv shim (spec/sandbox.md §1)
};

// The unprivileged uid a worker runs as when the supervisor is root.
uid_t slotUid(int slot);

struct Zygote {
    pid_t keeper = -1;  // our child; killing it kills the zygote (PDEATHSIG) and its namespace
    int jobFd = -1;     // we write job lines here (the zygote's stdin)
    int resultFd = -1;  // the zygote's answers (its stdout)
};

// Throws rrtf::Error naming the step that failed (unshare, uid map, mount, exec).
Zygote startZygote(const ZygoteOptions& options, const std::string& seccompProgram);

// Kills the zygote and everything it started, and reaps the keeper.
void stopZygote(Zygote& zygote);

}  // namespace rrtf::sandbox
