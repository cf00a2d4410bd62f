// The evaluator's handle on the sandbox: a pool of rrtf-sandbox worker
// processes (one warm zygote each) that judge programs in parallel.
// Thread-safe: any thread may call judge(); each call takes a free worker.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evaluation/judge_task.h"
#include "evaluation/verdict.h"
#include "runtime/error.h"

namespace rrtf {

// The sandbox cannot run here (no isolation and unsafe mode not accepted, or the
// helper failed to start). The message says why and what to do.
class SandboxUnavailable : public Error {
public:
    using Error::Error;
};

struct SandboxOptions {
    int workers = 2;                          // parallel programs
    bool allowUnsafe = false;                 // run without namespaces where they are refused
    std::string python = "/usr/bin/python3";  // interpreter inside the sandbox
    std::filesystem::path helper;             // rrtf-sandbox; empty: found automatically
};

struct SandboxInfo {
    std::string tier;         // "root", "userns" or "unsafe"
    std::string interpreter;  // e.g. "/usr/bin/python3 3.11.2"
    std::string detail;       // what the probe found
};

// Programs judged in parallel unless asked otherwise: one per core (rrtf eval's
// --workers 0, and the workbench's judge).
int defaultSandboxWorkers();

// $RRTF_SANDBOX, else PREFIX/libexec/rrtf/rrtf-sandbox beside the running program
// (runtime/install_layout.h). SandboxUnavailable naming the place when it is missing.
std::filesystem::path findSandboxHelper();

// Limits as the sandbox protocol spells them ({"wall_s", "cpu_s", ...}, PROTOCOL.md §1).
nlohmann::json sandboxLimitsJson(const JudgeLimits& limits);

// The JSON line a worker receives for one task (PROTOCOL.md §1).
std::string sandboxJobLine(long id, const JudgeTask& task, const JudgeLimits& limits);
// Parses a worker's answer line; a malformed one (not JSON, an unknown outcome,
// a field of the wrong type) becomes a sandbox_error verdict saying so. Never throws.
Verdict verdictFromLine(const std::string& line, const JudgeLimits& limits);
// The helper's first line, {"ready": true, "tier", "interpreter", "detail"}
// (nullopt: it exited first); SandboxUnavailable saying why it is not ready.
SandboxInfo sandboxInfoFromReadyLine(const std::optional<std::string>& line);

class SandboxPool {
public:
    explicit SandboxPool(SandboxOptions options = {});
    ~SandboxPool();
    SandboxPool(const SandboxPool&) = delete;
    SandboxPool& operator=(const SandboxPool&) = delete;

    const SandboxInfo& info() const { return m_info; }
    int workers() const { return int(m_workers.size()); }

    // Judges one program; blocks until a worker is free and the verdict is back.
    // A helper that dies or hangs under a program is replaced, and that program's
    // verdict is a sandbox_error naming what happened to it (SampleJudge and the
    // Evaluator judge it again). SandboxUnavailable when no helper starts any more.
    Verdict judge(const JudgeTask& task, const JudgeLimits& limits);

private:
    struct Worker;
    std::unique_ptr<Worker> startWorker(int slot);
    Worker* acquire();
    void release(Worker* worker);
    // Starts a helper in the place of `broken` (whose process is gone) and frees the
    // slot; SandboxUnavailable, with the slot freed, when none starts.
    void replace(Worker* broken);

    SandboxOptions m_options;
    SandboxInfo m_info;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<Worker*> m_idle;
    std::mutex m_mutex;
    std::condition_variable m_freed;
    long m_nextId = 1;
};

}  // namespace rrtf
