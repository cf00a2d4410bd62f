#include "judge_options.h"

namespace rrtf::cli {

void JudgeOptions::addTo(CLI::App& command) {
    command.add_option("--workers", workers, "Programs judged in parallel (0 = one per core)")->capture_default_str();
    command.add_flag("--allow-unsafe", allowUnsafe,
                     "Run even where the machine refuses namespaces (files and network are then NOT protected)");
    command.add_option("--level", level,
                       "split: tests run in a process the candidate cannot reach (default); "
                       "in-process: one process, weaker (level A)")
        ->check(CLI::IsMember({"split", "in-process"}))
        ->capture_default_str();
    std::string defaultPath;
    try {
        defaultPath = defaultWorkspacePath().string();
    } catch (const Error&) {  // no home folder: said when the command runs, not at start-up
        defaultPath = "$RRTF_WORKSPACE or ~/.local/share/rrtf-workbench/workspace.sqlite";
    }
    command.add_option("--workspace", workspace, "Workspace database (default: " + defaultPath + ")");
    command.add_flag("--no-workspace", noWorkspace, "Store nothing; an interrupted run cannot resume");
    command.add_option("--timeout-floor", timeoutFloor, "Least seconds of CPU per program")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command.add_option("--timeout-factor", timeoutFactor, "Limit = factor x the reference solution's time")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command.add_option("--memory-mb", memoryMiB, "Address-space limit per program")
        ->check(CLI::Range(64, 1 << 20))
        ->capture_default_str();
    command.add_flag("--no-recheck", noRecheck, "Do not run timed-out programs a second time");
    command.add_flag("--quiet", quiet, "No progress on stderr");
}

EvaluationOptions JudgeOptions::evaluationOptions() const {
    EvaluationOptions options;
    options.timeouts.floorSeconds = timeoutFloor;
    options.timeouts.factor = timeoutFactor;
    options.baseLimits.memoryMiB = memoryMiB;
    options.recheckTimeouts = !noRecheck;
    options.preferSplit = level == "split";
    return options;
}

SandboxOptions JudgeOptions::sandboxOptions() const {
    SandboxOptions options;
    options.workers = workers > 0 ? workers : defaultSandboxWorkers();
    options.allowUnsafe = allowUnsafe;
    return options;
}

std::unique_ptr<Workspace> JudgeOptions::openWorkspace() const {
    if (noWorkspace) return nullptr;
    // Every verdict is committed as it arrives; WAL without a per-commit fsync keeps them
    // all through a kill or crash of this process (only a power cut may lose the last few),
    // at a fraction of the cost of syncing each of thousands of small writes.
    DatabaseOptions database;
    database.fullSync = false;
    return std::make_unique<Workspace>(workspace.empty() ? defaultWorkspacePath() : std::filesystem::path(workspace),
                                       database);
}

std::string describeSandbox(const SandboxPool& pool) {
    const SandboxInfo& info = pool.info();
    std::string text = "sandbox: tier " + info.tier + ", " + std::to_string(pool.workers()) + " workers, " +
                       info.interpreter;
    if (info.tier == "unsafe") text += " (WARNING: no isolation of files, network or processes)";
    return text;
}

}  // namespace rrtf::cli
