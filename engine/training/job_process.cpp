#include "training/job_process.h"

#include "runtime/error.h"
#include "runtime/json_file.h"
#include "training/durable_file.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace rrtf {

namespace fs = std::filesystem;

std::string hostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return {};
    return name;
}

std::optional<uint64_t> processStartTime(int64_t pid)
{
    if (pid <= 0)
        return std::nullopt;
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!file || !std::getline(file, text))
        return std::nullopt;
    // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses, so the
    // fields are counted from the last ')'; STATE is field 3, the start time 22.
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    std::istringstream fields(text.substr(close + 1));
    std::string field;
    for (int number = 3; number <= 22; ++number)
        if (!(fields >> field))
            return std::nullopt;
    try {
        return std::stoull(field);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

JobProcess thisProcess()
{
    JobProcess process;
    process.pid = int64_t(::getpid());
    process.startTime = processStartTime(process.pid).value_or(0);
    process.host = hostName();
    return process;
}

JobProcessState probeJobProcess(const JobProcess& process)
{
    if (!process.host.empty() && process.host != hostName())
        return JobProcessState::OtherHost;
    const std::optional<uint64_t> started = processStartTime(process.pid);
    if (!started)
        return JobProcessState::Gone;
    // A status without a start time (an older rrtf) is judged by the pid alone.
    if (process.startTime != 0 && *started != process.startTime)
        return JobProcessState::Gone;
    return JobProcessState::Alive;
}

std::optional<RecordedRunStatus> readRunStatus(const fs::path& runDir)
{
    const fs::path path = runDir / "status.json";
    std::error_code missing;
    if (!fs::exists(path, missing))
        return std::nullopt;
    const nlohmann::json json = readJsonFile(path);
    if (!json.is_object() || !json.contains("state") || !json["state"].is_string())
        throw FormatError(path.string() + ": not a job status (a JSON object with a string \"state\")");
    auto integer = [&](const char* key) -> int64_t {
        const auto found = json.find(key);
        return found != json.end() && found->is_number_integer() ? found->get<int64_t>() : 0;
    };
    auto text = [&](const char* key) -> std::string {
        const auto found = json.find(key);
        return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    RecordedRunStatus status;
    status.state = json["state"].get<std::string>();
    status.step = integer("step");
    status.totalSteps = integer("total_steps");
    status.error = text("error");
    status.process.pid = integer("pid");
    const auto startTime = json.find("start_time");
    if (startTime != json.end() && startTime->is_number_unsigned())
        status.process.startTime = startTime->get<uint64_t>();
    status.process.host = text("host");
    return status;
}

JobLiveness jobLiveness(const std::optional<RecordedRunStatus>& status)
{
    if (!status)
        return JobLiveness::NoStatus;
    if (status->state != "running")
        return JobLiveness::Ended;
    switch (probeJobProcess(status->process)) {
    case JobProcessState::Alive: return JobLiveness::Running;
    case JobProcessState::OtherHost: return JobLiveness::RunningElsewhere;
    case JobProcessState::Gone: return JobLiveness::StoppedUnexpectedly;
    }
    return JobLiveness::StoppedUnexpectedly;
}

fs::path stopFilePath(const fs::path& runDir)
{
    return runDir / "stop";
}

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

void requestStop(const fs::path& runDir)
{
    const nlohmann::json request = {
        {"requested", utcTimestamp()}, {"host", hostName()}, {"pid", int64_t(::getpid())}};
    replaceFileDurably(stopFilePath(runDir), request.dump() + "\n");
}

bool stopRequested(const fs::path& runDir)
{
    std::error_code error;
    return fs::exists(stopFilePath(runDir), error);
}

void clearStopRequest(const fs::path& runDir)
{
    std::error_code error;
    fs::remove(stopFilePath(runDir), error);
    if (error)
        throw Error("cannot remove " + stopFilePath(runDir).string() + ": " + error.message());
}

}  // namespace rrtf
