// The files a training job keeps in its run directory for whoever watches it:
// metrics.jsonl (one JSON object per line, appended and fsynced line by line)
// and status.json (rewritten atomically), so that a dashboard can follow a job
// it did not start, and a resumed job continues the same curve.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace rrtf {

// Appends one line and fsyncs it. Error naming the file when it cannot.
void appendMetricsLine(const std::filesystem::path& path, const nlohmann::json& line);

// Keeps the complete lines whose "step" is at most `step` (a partial last line,
// or one that is not JSON, is dropped too), rewriting the file atomically.
// Returns the lines kept. Nothing happens when the file does not exist.
int truncateMetrics(const std::filesystem::path& path, int64_t step);

enum class RunState { Running, Finished, Failed, Cancelled };
const char* runStateName(RunState state);

struct RunStatus {
    RunState state = RunState::Running;
    int64_t step = 0;        // optimiser steps done
    int64_t totalSteps = 0;
    std::string started;     // ISO 8601 UTC, when this process started
    std::string error;       // the failure's message; empty otherwise
};

// Writes RUN_DIR/status.json: {"state", "pid", "start_time", "host", "step",
// "total_steps", "started", "updated", "error"} ("error" is null unless failed).
// pid + start_time + host name this process (job_process.h).
void writeRunStatus(const std::filesystem::path& runDir, const RunStatus& status);

// Seconds since the Unix epoch (UTC), fractional: the dashboard's wall-clock axis.
double unixSeconds();

}  // namespace rrtf
