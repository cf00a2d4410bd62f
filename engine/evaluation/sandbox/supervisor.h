// The rrtf-sandbox program's job loop: one warm zygote per worker slot, jobs in
// as JSON lines on stdin, verdicts out on stdout (PROTOCOL.md §1). It restarts
// the zygote whenever it dies or stops answering, so one hostile program can
// never take the worker down for the next one.
#pragma once

#include <string>

namespace rrtf::sandbox {

struct SupervisorOptions {
    int slot = 0;                             // worker number (uid in root mode)
    bool allowUnsafe = false;                 // run without namespaces when they are refused
    std::string python = "/usr/bin/python3";  // interpreter for the zygote
    double graceSeconds = 5.0;                // past a job's own deadlines before we intervene
};

// Serves jobs from `inFd` until end of file; returns the process exit code.
int serveJobs(const SupervisorOptions& options, int inFd, int outFd);

// Prints the probed tier as one JSON line; returns 0 when a safe tier is available.
int printProbe(int outFd);

}  // namespace rrtf::sandbox
