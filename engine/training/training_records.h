// RRTF training data: instruction/solution pairs with unit tests, in the
// workbench's own JSONL problem format ("rrtf": task_id, instruction, tests,
// solution?, entry_point?) extended with the teacher answers already in the data
// and, for Evol-Instruct output, where a record was evolved from:
//
//   {"task_id": "alpaca/17/evol1", "instruction": "...", "tests": "assert f(2) == 4\n",
//    "solution": "def f(x): ...", "entry_point": "f",
//    "answers": [{"text": "...", "source": "gpt-3.5-turbo", "temperature": 0.2},
//                {"text": "...", "source": "human"}],
//    "evolution": {"seed": "alpaca/17", "parent": "alpaca/17", "round": 1,
//                  "prompt": "pangu-coder2", "heuristic": 3}}
//
// A file with tests for every record is also a valid "rrtf" ProblemSet, so
// `rrtf eval` and `rrtf check` read it as they are.
#pragma once

#include "evaluation/problem_set.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rrtf {

// An answer someone already wrote for the instruction (a teacher model or a person).
struct TeacherAnswer {
    std::string text;
    std::string source;                 // model name, or "human"
    std::optional<double> temperature;  // sampling temperature; absent for people and greedy logs
    nlohmann::json extra = nlohmann::json::object();  // other fields of the answer, kept as read
};

// Where an Evol-Instruct record came from (see evol_instruct.h).
struct EvolutionOrigin {
    std::string seed;      // task id of the round-0 record the chain started from
    std::string parent;    // task id of the record this one was evolved from
    int round = 1;         // 1 for a record evolved from a seed record
    std::string prompt;    // the evolution prompt: "wizardcoder" or "pangu-coder2"
    std::optional<int> heuristic;  // 1..5 (method.md §5.2); absent when the prompt listed all five
};

struct TrainingRecord {
    std::string taskId;
    std::string instruction;
    std::string tests;       // Python test code: asserts, or check(candidate) with entry_point
    std::string solution;    // reference solution; empty when the record has none
    std::string entryPoint;  // empty when the tests are top-level asserts
    std::vector<TeacherAnswer> answers;
    std::optional<EvolutionOrigin> evolution;
    nlohmann::json extra = nlohmann::json::object();  // other top-level fields, kept as read
    int sourceLine = 0;  // 1-based line in the file it was read from; 0 when built in memory
};

struct TrainingReadOptions {
    // true: a record without tests (absent or blank) is an error. Evol-Instruct
    // output has none until tests are written for it; read it with false.
    bool requireTests = true;
};

// Reads a JSONL file (gzip-compressed or a JSON array also accepted). Throws
// FormatError "file:line: ..." naming the field at fault for bad JSON, a missing
// or mistyped field, a malformed answer, a duplicate task_id (with the first
// line) or missing tests; an empty file is an error too.
std::vector<TrainingRecord> loadTrainingRecords(const std::filesystem::path& path,
                                                const TrainingReadOptions& options = {});

// Writes one JSON line per record, atomically: a temporary file next to `path`
// is written, flushed to disk and renamed over it, so a crash never leaves half
// a file. Error naming the path when it cannot be written. Text that is not
// valid UTF-8 (a model's raw output) is written with U+FFFD replacements.
// InvalidArgument for an empty or duplicate task id.
void writeTrainingRecords(const std::filesystem::path& path, const std::vector<TrainingRecord>& records);

// One record as the JSON object written to the file (keys in the order above;
// absent optional fields are left out).
nlohmann::ordered_json trainingRecordJson(const TrainingRecord& record);

// The record as an "rrtf" Problem, for the task builder and the evaluator
// (answers are judged as whole programs against `tests`).
Problem trainingProblem(const TrainingRecord& record);

}  // namespace rrtf
