// Internal to the problem-set reader: one record of each format into a Problem.
#pragma once

#include "evaluation/json_records.h"
#include "evaluation/problem_set.h"

#include <string>

namespace rrtf::detail {

// Reads one record of `format` (never Auto). `location` prefixes every error.
Problem readProblemRecord(ProblemFormat format, const RawRecord& record, const std::string& location);

}  // namespace rrtf::detail
