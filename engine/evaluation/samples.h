// Model outputs to evaluate, as the harnesses read them: human-eval's
// samples.jsonl ({"task_id", "completion"}) or EvalPlus's ({"task_id", "solution"}),
// plain or gzip-compressed. A task has several samples by repeating its task_id.
#pragma once

#include "evaluation/problem_set.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rrtf {

struct Sample {
    std::string taskId;  // a string, or an integer (MBPP) as decimal text
    // `solution` when the line has one (EvalPlus: it wins over `completion`),
    // otherwise `completion` (human-eval: the text that continues the prompt).
    std::string text;
    bool isFullSolution = false;  // text came from `solution`: a whole program
    // The line's JSON object as read: its extra keys are carried into result
    // files, as human-eval does.
    nlohmann::json record;
    std::size_t index = 0;  // 0-based order among the file's samples (results keep this order)
    int line = 0;           // 1-based line in the file
    int completionId = 0;   // 0-based order among the samples of the same task
};

struct SampleFile {
    std::filesystem::path sourcePath;
    std::string sha256;  // of the file's bytes as stored
    std::vector<Sample> samples;
};

// Reads a samples file (JSON Lines, .gz detected from the bytes; blank lines are
// skipped). FormatError naming file:line for bad JSON, a missing task_id or
// completion/solution, a field of the wrong type, or an empty file.
SampleFile loadSamples(const std::filesystem::path& path);

// Checks every sample names a problem of `problems`: FormatError naming the
// samples file, the line and the unknown task_id otherwise.
void validateSamples(const SampleFile& samples, const ProblemSet& problems);

// The task_ids of `problems` (in problem order) that have no sample. human-eval
// refuses such a run; callers decide whether to.
std::vector<std::string> unattemptedTasks(const SampleFile& samples, const ProblemSet& problems);

}  // namespace rrtf
