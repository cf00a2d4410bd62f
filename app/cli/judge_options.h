// Options shared by the commands that judge programs (eval, check): the
// sandbox, the limits, and the workspace database verdicts go to.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "evaluation/evaluator.h"
#include "evaluation/sandbox_pool.h"
#include "store/workspace.h"

namespace rrtf::cli {

struct JudgeOptions {
    int workers = 0;              // 0 = one per core
    bool allowUnsafe = false;
    std::string level = "split";  // split (level B) or in-process (level A)
    std::string workspace;        // empty = the default workspace
    bool noWorkspace = false;
    double timeoutFloor = 3.0;
    double timeoutFactor = 4.0;
    int memoryMiB = 1024;
    bool noRecheck = false;
    bool quiet = false;

    void addTo(CLI::App& command);
    EvaluationOptions evaluationOptions() const;
    SandboxOptions sandboxOptions() const;
    // Null with --no-workspace.
    std::unique_ptr<Workspace> openWorkspace() const;
};

// A short one-line description of the sandbox for stderr.
std::string describeSandbox(const SandboxPool& pool);

}  // namespace rrtf::cli
