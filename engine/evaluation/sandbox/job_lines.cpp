#include "evaluation/sandbox/job_lines.h"

#include "runtime/json_file.h"

#include <algorithm>

namespace rrtf::sandbox {

using nlohmann::json;

namespace {

// A line as JSON; discarded when it is not JSON or nests deeper than
// kMaxJsonDepth (a job's id is copied into the answer: a deep one would
// overflow the stack).
json parseLine(const std::string& line)
{
    try {
        return json::parse(line, jsonDepthLimit("sandbox line"), false);
    } catch (const FormatError&) {
        return json::value_t::discarded;
    }
}

}  // namespace

std::optional<JobLine> decodeJobLine(const std::string& line, double graceSeconds)
{
    json job = parseLine(line);
    if (!job.is_object() || !job.contains("id"))
        return std::nullopt;
    // The zygote enforces each job's wall clock itself; we allow the split run,
    // a level-A fallback and a grace period before declaring it stuck.
    JobLine decoded;
    double wall = 10.0;
    if (const auto limits = job.find("limits"); limits != job.end()) {
        if (!limits->is_object()) {
            decoded.refusal = "malformed job line: \"limits\" is not an object";
        } else {
            for (const auto& [name, value] : limits->items())
                if (!value.is_number() && decoded.refusal.empty())
                    decoded.refusal = "malformed job line: \"limits\".\"" + name + "\" is not a number";
            if (const auto given = limits->find("wall_s"); given != limits->end() && given->is_number())
                wall = given->get<double>();
        }
    }
    wall = std::clamp(wall, 0.1, 3600.0);
    decoded.watchdogMs = int((2 * wall + std::clamp(graceSeconds, 0.0, 3600.0)) * 1000);
    decoded.job = std::move(job);
    return decoded;
}

std::optional<std::string> decodeHello(const std::string& line, const std::string& fallback)
{
    const json parsed = parseLine(line);
    if (!parsed.is_object())
        return std::nullopt;
    const auto hello = parsed.find("hello");
    if (hello == parsed.end() || !hello->is_object())
        return std::nullopt;
    const auto interpreter = hello->find("interpreter");
    if (interpreter != hello->end() && interpreter->is_string())
        return interpreter->get<std::string>();
    return fallback;
}

std::optional<json> decodeAnswer(const std::string& line)
{
    json answer = parseLine(line);
    if (!answer.is_object())
        return std::nullopt;
    return answer;
}

}  // namespace rrtf::sandbox
