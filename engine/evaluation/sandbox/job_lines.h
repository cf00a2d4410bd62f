// The supervisor's side of PROTOCOL.md §1 as pure functions: what it reads
// from the client (job lines) and from its zygote (the hello line, answers).
// Nothing here throws: a line that is not what the protocol says is refused
// (nullopt) and the supervisor answers with a sandbox_error.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace rrtf::sandbox {

struct JobLine {
    nlohmann::json job;   // the job as sent, an object with an "id"
    int watchdogMs = 0;   // how long the supervisor waits for the zygote's answer
    std::string refusal;  // not empty: the job is not run but answered with this sandbox_error
};

// A job line from the client; nullopt unless it is a JSON object with an "id".
// "limits", when present, must be an object of numbers (else `refusal` names
// the field). The watchdog allows twice the job's wall limit ("limits"."wall_s",
// 10 s when absent, clamped to 0.1..3600 s) plus `graceSeconds`.
std::optional<JobLine> decodeJobLine(const std::string& line, double graceSeconds);

// The zygote's first line, {"hello": {"interpreter": "..."}}: the interpreter it
// runs (`fallback` when it does not say); nullopt when the line is not a hello.
std::optional<std::string> decodeHello(const std::string& line, const std::string& fallback);

// The zygote's answer to a job: a JSON object, or nullopt.
std::optional<nlohmann::json> decodeAnswer(const std::string& line);

}  // namespace rrtf::sandbox
