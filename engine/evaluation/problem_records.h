// Internal to the problem-set reader: one record of each format into a Problem.
#pragma once

#include "evaluation/json_records.h"
#include "evaluation/problem_set.h"

#include <string>
#include <vector>

namespace rrtf::detail {

// Lines joined with '\n' (MBPP's test lists, imports): no trailing newline.
std::string joinLines(const std::vector<std::string>& lines);

// Reads one record of `format` (never Auto). `location` prefixes every error.
Problem readProblemRecord(ProblemFormat format, const RawRecord& record, const std::string& location);

}  // namespace rrtf::detail
