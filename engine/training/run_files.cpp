#include "training/run_files.h"

#include "runtime/error.h"
#include "training/durable_file.h"
#include "training/job_process.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace rrtf {

void appendMetricsLine(const std::filesystem::path& path, const nlohmann::json& line)
{
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("cannot open " + path.string() + ": " + std::strerror(errno));
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
        }
        written += size_t(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced)
        throw Error("cannot sync " + path.string());
}

int truncateMetrics(const std::filesystem::path& path, int64_t step)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return 0;
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    std::string kept;
    int lines = 0;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string line = text.substr(start, end - start);
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || !json.is_object() || !json.contains("step") || !json["step"].is_number_integer())
            continue;
        if (json["step"].get<int64_t>() > step)
            continue;
        kept += line + "\n";
        ++lines;
    }
    replaceFileDurably(path, kept);
    return lines;
}

const char* runStateName(RunState state)
{
    switch (state) {
    case RunState::Running: return "running";
    case RunState::Finished: return "finished";
    case RunState::Failed: return "failed";
    case RunState::Cancelled: return "cancelled";
    }
    return "running";
}

void writeRunStatus(const std::filesystem::path& runDir, const RunStatus& status)
{
    const JobProcess self = thisProcess();
    const nlohmann::json json = {
        {"state", runStateName(status.state)},
        {"pid", self.pid},
        {"start_time", self.startTime},
        {"host", self.host},
        {"step", status.step},
        {"total_steps", status.totalSteps},
        {"started", status.started},
        {"updated", utcTimestamp()},
        {"error", status.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(status.error)}};
    replaceFileDurably(runDir / "status.json", json.dump(2) + "\n");
}

double unixSeconds()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration<double>(now).count();
}

}  // namespace rrtf
