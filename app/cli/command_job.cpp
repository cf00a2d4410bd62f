// rrtf status RUN_DIR...: how training jobs stand (running here, running on
// another host, stopped unexpectedly, finished, ...), from their status.json and
// a check that the process it names is still that one (job_process.h).
// rrtf cancel RUN_DIR: asks the job to stop through RUN_DIR/stop; it finishes its
// step, writes a checkpoint and exits, and `rrtf train RUN_DIR` resumes it. No
// process is signalled, so a reused pid or a job of another machine is never hit.
#include "cli_support.h"

#include "runtime/error.h"
#include "training/job_process.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace rrtf::cli {

namespace {

namespace fs = std::filesystem;

std::string livenessName(JobLiveness liveness)
{
    switch (liveness) {
    case JobLiveness::NoStatus: return "no status";
    case JobLiveness::Running: return "running";
    case JobLiveness::RunningElsewhere: return "running elsewhere";
    case JobLiveness::StoppedUnexpectedly: return "stopped unexpectedly";
    case JobLiveness::Ended: return "ended";
    }
    return "ended";
}

std::string steps(const RecordedRunStatus& status)
{
    return "step " + std::to_string(status.step) + " of " + std::to_string(status.totalSteps);
}

// One line: "RUN: running, step 7 of 20 (pid 1234)".
std::string statusLine(const fs::path& runDir, const std::optional<RecordedRunStatus>& status, JobLiveness liveness)
{
    std::string line = runDir.string() + ": ";
    switch (liveness) {
    case JobLiveness::NoStatus: return line + "no job status yet";
    case JobLiveness::Running:
        line += "running, " + steps(*status) + " (pid " + std::to_string(status->process.pid) + ")";
        break;
    case JobLiveness::RunningElsewhere:
        line += "running on " + status->process.host + ", " + steps(*status) + " (pid " +
                std::to_string(status->process.pid) + " there)";
        break;
    case JobLiveness::StoppedUnexpectedly:
        return line + "stopped unexpectedly at " + steps(*status) +
               " (its process is gone); run `rrtf train " + runDir.string() + "` again to resume";
    case JobLiveness::Ended:
        line += status->state + ", " + steps(*status);
        if (!status->error.empty())
            line += ": " + status->error;
        return line;
    }
    if (stopRequested(runDir))
        line += ", stop requested";
    return line;
}

void printStatus(const std::vector<std::string>& runDirs, bool json)
{
    for (const std::string& dir : runDirs) {
        const std::optional<RecordedRunStatus> status = readRunStatus(dir);
        const JobLiveness liveness = jobLiveness(status);
        if (!json) {
            std::printf("%s\n", statusLine(dir, status, liveness).c_str());
            continue;
        }
        nlohmann::json out = {{"run_dir", dir}, {"liveness", livenessName(liveness)},
                              {"stop_requested", stopRequested(dir)}};
        if (status)
            out.update({{"state", status->state}, {"step", status->step}, {"total_steps", status->totalSteps},
                        {"pid", status->process.pid}, {"host", status->process.host},
                        {"error", status->error.empty() ? nlohmann::json(nullptr) : nlohmann::json(status->error)}});
        printJson(out);
    }
}

void cancel(const fs::path& runDir)
{
    const std::optional<RecordedRunStatus> status = readRunStatus(runDir);
    const JobLiveness liveness = jobLiveness(status);
    switch (liveness) {
    case JobLiveness::NoStatus:
        throw Error("no job has started in " + runDir.string() + " (no status.json)");
    case JobLiveness::Ended:
        throw Error("the job in " + runDir.string() + " is not running: it is " + status->state);
    case JobLiveness::StoppedUnexpectedly:
        throw Error("the job in " + runDir.string() + " is not running: it stopped unexpectedly at " +
                    steps(*status) + " (its process is gone)");
    case JobLiveness::Running:
        requestStop(runDir);
        std::fprintf(stderr,
                     "rrtf: asked the job in %s (pid %lld) to stop: it finishes its step, writes a checkpoint "
                     "and exits; `rrtf train %s` resumes it\n",
                     runDir.c_str(), static_cast<long long>(status->process.pid), runDir.c_str());
        return;
    case JobLiveness::RunningElsewhere:
        requestStop(runDir);
        std::fprintf(stderr,
                     "rrtf: the job in %s runs on %s: wrote %s, which stops it after its step if %s sees this "
                     "folder (a shared filesystem); no process was signalled\n",
                     runDir.c_str(), status->process.host.c_str(), stopFilePath(runDir).c_str(),
                     status->process.host.c_str());
        return;
    }
}

}  // namespace

void addJobCommands(CLI::App& app)
{
    auto runDirs = std::make_shared<std::vector<std::string>>();
    auto json = std::make_shared<bool>(false);
    CLI::App* status = app.add_subcommand(
        "status", "How training jobs stand: running (here or on another host), stopped unexpectedly, finished, ...");
    status->add_option("run_dirs", *runDirs, "Run directories")->required()->check(CLI::ExistingDirectory);
    status->add_flag("--json", *json, "One JSON object per run directory");
    status->callback([runDirs, json] { printStatus(*runDirs, *json); });

    auto runDir = std::make_shared<std::string>();
    CLI::App* cancelCommand = app.add_subcommand(
        "cancel", "Ask the training job in RUN_DIR to stop (RUN_DIR/stop): it checkpoints, and train resumes it");
    cancelCommand->add_option("run_dir", *runDir, "Run directory of the job")->required()->check(CLI::ExistingDirectory);
    cancelCommand->callback([runDir] { cancel(*runDir); });
}

}  // namespace rrtf::cli
