// A Verdict and its JudgeLimits as JSON, so that a verdict can be kept on disk
// and read back exactly (the resumable `rrtf rank` journal, verdict_journal.h).
// Kept apart from verdict.h so that the many users of Verdict need no JSON.
#pragma once

#include "evaluation/verdict.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rrtf {

// {"wall_seconds", "cpu_seconds", "memory_mib", "max_processes", "file_size_mib",
//  "output_keep_bytes", "output_kill_bytes"}
nlohmann::ordered_json judgeLimitsJson(const JudgeLimits& limits);
// Missing fields keep their defaults; FormatError prefixed with `location` for a mistyped one.
JudgeLimits judgeLimitsFromJson(const nlohmann::json& json, const std::string& location);

// Every field of the verdict ("outcome" by its outcomeName, "limits" as above).
nlohmann::ordered_json verdictJson(const Verdict& verdict);
// FormatError prefixed with `location`, naming the field at fault.
Verdict verdictFromJson(const nlohmann::json& json, const std::string& location);

}  // namespace rrtf
