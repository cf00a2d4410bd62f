#include "evaluation/verdict_json.h"

#include "evaluation/json_records.h"
#include "runtime/error.h"
#include "runtime/printable.h"

namespace rrtf {
namespace {

template <typename Number>
void readNumber(const RecordFields& fields, const char* key, Number& value)
{
    if (!fields.has(key))
        return;
    const nlohmann::json& field = fields.json().at(key);
    if (std::is_integral_v<Number> ? !fitsInt(field) : !field.is_number())
        fields.failWrongType(key, std::is_integral_v<Number> ? "an integer of 32 bits" : "a number");
    value = field.get<Number>();
}

}  // namespace

nlohmann::ordered_json judgeLimitsJson(const JudgeLimits& limits)
{
    return {{"wall_seconds", limits.wallSeconds},         {"cpu_seconds", limits.cpuSeconds},
            {"memory_mib", limits.memoryMiB},             {"max_processes", limits.maxProcesses},
            {"file_size_mib", limits.fileSizeMiB},        {"output_keep_bytes", limits.outputKeepBytes},
            {"output_kill_bytes", limits.outputKillBytes}};
}

JudgeLimits judgeLimitsFromJson(const nlohmann::json& json, const std::string& location)
{
    if (!json.is_object())
        throw FormatError(location + ": the limits must be an object");
    RecordFields fields(json, location);
    JudgeLimits limits;
    readNumber(fields, "wall_seconds", limits.wallSeconds);
    readNumber(fields, "cpu_seconds", limits.cpuSeconds);
    readNumber(fields, "memory_mib", limits.memoryMiB);
    readNumber(fields, "max_processes", limits.maxProcesses);
    readNumber(fields, "file_size_mib", limits.fileSizeMiB);
    readNumber(fields, "output_keep_bytes", limits.outputKeepBytes);
    readNumber(fields, "output_kill_bytes", limits.outputKillBytes);
    return limits;
}

nlohmann::ordered_json verdictJson(const Verdict& verdict)
{
    return {{"outcome", outcomeName(verdict.outcome)},
            {"tests_passed", verdict.testsPassed},
            {"tests_total", verdict.testsTotal},
            {"detail", verdict.detail},
            {"stdout", verdict.stdoutText},
            {"stderr", verdict.stderrText},
            {"wall_ms", verdict.wallMs},
            {"cpu_ms", verdict.cpuMs},
            {"level", verdict.level},
            {"fallback_reason", verdict.fallbackReason},
            {"tier", verdict.tier},
            {"interpreter", verdict.interpreter},
            {"limits", judgeLimitsJson(verdict.limits)},
            {"rechecked", verdict.rechecked}};
}

Verdict verdictFromJson(const nlohmann::json& json, const std::string& location)
{
    if (!json.is_object())
        throw FormatError(location + ": the verdict must be an object with \"outcome\"");
    RecordFields fields(json, location);
    Verdict verdict;
    const std::string outcome = fields.requiredString("outcome");
    const auto parsed = parseOutcome(outcome);
    if (!parsed)
        fields.fail("field \"outcome\" is \"" + printable(outcome) + "\", not a known outcome");
    verdict.outcome = *parsed;
    readNumber(fields, "tests_passed", verdict.testsPassed);
    readNumber(fields, "tests_total", verdict.testsTotal);
    verdict.detail = fields.optionalString("detail");
    verdict.stdoutText = fields.optionalString("stdout");
    verdict.stderrText = fields.optionalString("stderr");
    readNumber(fields, "wall_ms", verdict.wallMs);
    readNumber(fields, "cpu_ms", verdict.cpuMs);
    verdict.level = fields.optionalString("level");
    verdict.fallbackReason = fields.optionalString("fallback_reason");
    verdict.tier = fields.optionalString("tier");
    verdict.interpreter = fields.optionalString("interpreter");
    if (fields.has("limits"))
        verdict.limits = judgeLimitsFromJson(json.at("limits"), location + ": limits");
    if (fields.has("rechecked")) {
        if (!json.at("rechecked").is_boolean())
            fields.failWrongType("rechecked", "true or false");
        verdict.rechecked = json.at("rechecked").get<bool>();
    }
    return verdict;
}

}  // namespace rrtf
