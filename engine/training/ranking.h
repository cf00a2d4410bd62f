// RRTF step 2 (method.md §1.2): judged answers become scores, and each
// instruction's best teacher answer is paired with its student answers. The
// result is saved as rankings.jsonl so that a person can see, before training,
// what will be trained on and why an item or a pair was left out.
#pragma once

#include "evaluation/verdict.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

// The paper's four outcome classes, lowest first.
enum class AnswerClass {
    CompileError,  // Outcome::SyntaxError
    RuntimeError,  // Error, Timeout, OutOfMemory, Crashed, OutputLimit, or Failed with no test passed
    Partial,       // Failed with at least one test passed
    AllPass,       // Passed
};

// Stable names used in rankings.jsonl: "compile_error", "runtime_error", "partial", "all_pass".
std::string_view answerClassName(AnswerClass answerClass);
std::optional<AnswerClass> parseAnswerClass(std::string_view name);

// The paper gives the order of the classes, not their numbers (method.md §1.2,
// [NOT FOUND]). The defaults are one apart so that the loss weight (r_tea - r_stu)
// counts how many classes the teacher is above the student.
struct RankingOptions {
    double compileErrorScore = 0.0;  // 0: the lowest class
    double runtimeErrorScore = 1.0;  // 1
    double partialScore = 2.0;       // 2: a partial answer with (almost) no test passed
    double allPassScore = 3.0;       // 3: every test passed
    // true: a partial answer scores partialScore + (allPassScore - partialScore) * passed/total,
    // so it stays below allPassScore; false: every partial answer scores partialScore.
    bool gradePartial = true;
    // Teacher and student in the same class: the paper always ranks the teacher
    // higher, so r_tea = max(teacher's score, r_stu + tieMargin). 0.5: half a class,
    // enough for the gap-weighted hinge to fire, less than any class step.
    double tieMargin = 0.5;
};

// InvalidArgument naming the option when the class scores do not increase or
// tieMargin is not positive.
void validateRankingOptions(const RankingOptions& options);

// The class of a verdict; nullopt for Tampered and SandboxError, which say
// nothing about the answer and are never ranked.
std::optional<AnswerClass> classifyVerdict(const Verdict& verdict);
// Why a verdict is not ranked ("" when it is).
std::string exclusionReason(const Verdict& verdict);
double classScore(AnswerClass answerClass, const Verdict& verdict, const RankingOptions& options = {});

// The code a training sample keeps of a response (paper §3.5): the first fenced
// block tagged python/py/python3 (an unclosed one runs to the end), else the
// first untagged fenced block, else the whole text.
std::string extractCode(std::string_view response);

// One sampled answer with its verdict, as ranking reads it.
struct JudgedAnswer {
    std::string text;          // the response as sampled
    std::string model;         // the model that wrote it
    double temperature = 0.0;  // the temperature it was sampled at
    Verdict verdict;
};

// One instruction with the answers sampled for it.
struct RankingItem {
    std::string taskId;
    std::string instruction;
    std::vector<JudgedAnswer> teacherAnswers;
    std::vector<JudgedAnswer> studentAnswers;
};

// An answer after ranking: what a viewer shows and what the batch builder trains on.
struct RankedAnswer {
    std::string text;
    std::string code;  // extractCode(text): what a training sample keeps
    std::string model;
    double temperature = 0.0;
    Outcome outcome = Outcome::SandboxError;  // the verdict, summarised
    int testsPassed = 0;
    int testsTotal = 0;
    std::string detail;
    std::optional<AnswerClass> answerClass;  // nullopt: not ranked (see reason)
    double score = 0.0;                      // meaningful only when ranked
    // Why it is not ranked, or (students) why it forms no pair; "" otherwise.
    std::string reason;

    bool ranked() const { return answerClass.has_value(); }
};

// A teacher/student pair: the best teacher answer against students[student].
struct RankedPair {
    int student = 0;
    double rTeacher = 0.0;
    double rStudent = 0.0;
};

struct RankedItem {
    std::string taskId;
    std::string instruction;
    std::vector<RankedAnswer> teachers;
    int bestTeacher = -1;  // index into teachers; -1 when no teacher answer is ranked
    std::vector<RankedAnswer> students;
    std::vector<RankedPair> pairs;
    std::string reason;  // why the item yields no pair; "" when it yields some

    const RankedAnswer* teacher() const { return bestTeacher >= 0 ? &teachers[bestTeacher] : nullptr; }
};

// Ranks one item: the best teacher answer is the one with the highest score (the
// first on equal scores); a student forms a pair unless the teacher's class is
// below its class. InvalidArgument when the options are invalid.
RankedItem rankItem(const RankingItem& item, const RankingOptions& options = {});
std::vector<RankedItem> rankItems(const std::vector<RankingItem>& items, const RankingOptions& options = {});

// One rankings.jsonl object: task_id, prompt, teachers and students (model,
// temperature, outcome, tests_passed, tests_total, detail, class, score, reason,
// text, code), best_teacher, pairs (student, r_tea, r_stu), reason.
nlohmann::json rankedItemToJson(const RankedItem& item);
// FormatError prefixed with `location` and naming the field at fault.
RankedItem rankedItemFromJson(const nlohmann::json& json, const std::string& location);

// Writes one object per line; Error naming the file when it cannot be written.
void writeRankings(const std::filesystem::path& path, const std::vector<RankedItem>& items);
// FormatError naming file:line for bad JSON or a bad field.
std::vector<RankedItem> readRankings(const std::filesystem::path& path);

// Whether a training job trains on the item: it has a teacher answer whose code
// is not empty (the supervised term needs one; items without pairs still count).
bool isTrainable(const RankedItem& item);

// What rankings give a training job: its trainable items and their pairs.
struct TrainableCount {
    std::size_t items = 0;
    std::size_t pairs = 0;
};
TrainableCount countTrainable(const std::vector<RankedItem>& items);

}  // namespace rrtf
