// Who runs a training job and how it is asked to stop, safely. status.json
// records the job's process as pid + the kernel's start time of that pid
// (/proc/PID/stat field 22) + host name: a pid alone names another process once
// the job is gone and the number is reused, or a process of another machine
// when the run folder is on a shared filesystem. A job is cancelled through
// its stop file (RUN_DIR/stop), which the trainer looks for between steps: it
// finishes the step, writes a checkpoint, says "cancelled" and exits. Nothing
// here sends a signal.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rrtf {

// One process, told apart from any later process that gets the same pid.
struct JobProcess {
    int64_t pid = 0;
    uint64_t startTime = 0;  // clock ticks after boot; 0 when not recorded
    std::string host;        // gethostname(); empty when not recorded
};

// This machine's host name.
std::string hostName();
// The current time as "2026-11-27T16:56:17Z" (status.json, the stop file).
std::string utcTimestamp();
// Field 22 of /proc/PID/stat; nullopt when there is no such process.
std::optional<uint64_t> processStartTime(int64_t pid);
// This process: pid, start time, host.
JobProcess thisProcess();

enum class JobProcessState {
    Alive,      // on this host: the pid exists and started when the recorded one did
    OtherHost,  // recorded on another host: it cannot be seen from here
    Gone,       // on this host: no such process, or the pid now names another one
};
JobProcessState probeJobProcess(const JobProcess& process);

// What RUN_DIR/status.json says (run_files.h writes it).
struct RecordedRunStatus {
    std::string state;  // running, finished, failed, cancelled
    int64_t step = 0;
    int64_t totalSteps = 0;
    std::string error;
    JobProcess process;
};
// nullopt when the file does not exist yet; Error naming the file when it is not
// a JSON object with a string "state".
std::optional<RecordedRunStatus> readRunStatus(const std::filesystem::path& runDir);

// How a job stands, from its status and its process.
enum class JobLiveness {
    NoStatus,             // no status.json yet
    Running,              // running, on this host, its process alive
    RunningElsewhere,     // running on another host (status.process.host)
    StoppedUnexpectedly,  // says running, but its process is gone (crash, kill -9, reboot, pid reused)
    Ended,                // finished, failed or cancelled
};
JobLiveness jobLiveness(const std::optional<RecordedRunStatus>& status);

std::filesystem::path stopFilePath(const std::filesystem::path& runDir);
// Writes RUN_DIR/stop (the host and time that asked, for whoever reads it).
// Error naming the file when it cannot.
void requestStop(const std::filesystem::path& runDir);
bool stopRequested(const std::filesystem::path& runDir);
// Removes the stop file (a job starting, or one that has stopped). Error naming
// the file when it exists and cannot be removed.
void clearStopRequest(const std::filesystem::path& runDir);

}  // namespace rrtf
