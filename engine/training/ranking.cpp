#include "training/ranking.h"

#include "evaluation/json_records.h"
#include "runtime/error.h"
#include "runtime/printable.h"
#include "training/durable_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

namespace rrtf {
namespace {

constexpr std::array<std::pair<AnswerClass, std::string_view>, 4> kClassNames{{
    {AnswerClass::CompileError, "compile_error"},
    {AnswerClass::RuntimeError, "runtime_error"},
    {AnswerClass::Partial, "partial"},
    {AnswerClass::AllPass, "all_pass"},
}};

std::string str(std::string_view text) { return std::string(text); }

RankedAnswer rankAnswer(const JudgedAnswer& answer, const RankingOptions& options)
{
    RankedAnswer ranked;
    ranked.text = answer.text;
    ranked.code = extractCode(answer.text);
    ranked.model = answer.model;
    ranked.temperature = answer.temperature;
    ranked.outcome = answer.verdict.outcome;
    ranked.testsPassed = answer.verdict.testsPassed;
    ranked.testsTotal = answer.verdict.testsTotal;
    ranked.detail = answer.verdict.detail;
    ranked.answerClass = classifyVerdict(answer.verdict);
    if (ranked.answerClass)
        ranked.score = classScore(*ranked.answerClass, answer.verdict, options);
    else
        ranked.reason = exclusionReason(answer.verdict);
    return ranked;
}

std::string joinReasons(const std::vector<std::string>& reasons)
{
    std::string joined;
    for (const auto& reason : reasons)
        joined += (joined.empty() ? "" : "; ") + reason;
    return joined;
}

// ---- fenced code blocks ---------------------------------------------------------

struct FencedBlock {
    std::string tag;  // lower-case language tag, "" when untagged
    std::string_view body;
};

std::string trimmedLower(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Lines that start (after indentation) with ``` open or close a block; a block
// still open at the end runs to the end of the text (a cut-off answer).
std::vector<FencedBlock> fencedBlocks(std::string_view text)
{
    std::vector<FencedBlock> blocks;
    bool inside = false;
    std::size_t bodyStart = 0;
    std::string tag;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view line = text.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        const bool fence = first != std::string_view::npos && line.substr(first).starts_with("```");
        // A closing fence has no tag (CommonMark): "```python" inside a block is its text.
        if (fence && inside && trimmedLower(line.substr(first + 3)).empty()) {
            blocks.push_back({tag, text.substr(bodyStart, start - bodyStart)});
            inside = false;
        } else if (fence && !inside) {
            tag = trimmedLower(line.substr(first + 3));
            inside = true;
            bodyStart = end + 1;
        }
        start = end + 1;
    }
    if (inside)
        blocks.push_back({tag, bodyStart < text.size() ? text.substr(bodyStart) : std::string_view()});
    return blocks;
}

// ---- JSON fields ------------------------------------------------------------------

nlohmann::json numberOrNull(bool present, double value)
{
    return present ? nlohmann::json(value) : nlohmann::json(nullptr);
}

// The value of `key` when `isRight`, else a FormatError naming the field.
template <typename Check>
const nlohmann::json& required(const RecordFields& fields, std::string_view key, Check isRight, const char* expected)
{
    if (!fields.has(key))
        fields.fail("missing field \"" + str(key) + "\"");
    const nlohmann::json& value = fields.json().at(str(key));
    if (!isRight(value))
        fields.failWrongType(key, expected);
    return value;
}

double requiredNumber(const RecordFields& fields, std::string_view key)
{
    return required(fields, key, [](const nlohmann::json& v) { return v.is_number(); }, "a number").get<double>();
}

int requiredInt(const RecordFields& fields, std::string_view key)
{
    return required(fields, key, fitsInt, "an integer of 32 bits").get<int>();
}

const nlohmann::json& requiredArray(const RecordFields& fields, std::string_view key)
{
    return required(fields, key, [](const nlohmann::json& v) { return v.is_array(); }, "a list");
}

RecordFields objectFields(const nlohmann::json& value, const std::string& location, const std::string& name)
{
    if (!value.is_object())
        throw FormatError(location + ": " + name + " is not a JSON object");
    return RecordFields(value, location + ": " + name);
}

nlohmann::json answerToJson(const RankedAnswer& answer)
{
    return {
        {"model", answer.model},
        {"temperature", answer.temperature},
        {"outcome", outcomeName(answer.outcome)},
        {"tests_passed", answer.testsPassed},
        {"tests_total", answer.testsTotal},
        {"detail", answer.detail},
        {"class", answer.answerClass ? nlohmann::json(answerClassName(*answer.answerClass)) : nlohmann::json(nullptr)},
        {"score", numberOrNull(answer.ranked(), answer.score)},
        {"reason", answer.reason},
        {"text", answer.text},
        {"code", answer.code},
    };
}

RankedAnswer rankedAnswerFromJson(const RecordFields& fields)
{
    RankedAnswer answer;
    answer.model = fields.optionalString("model");
    answer.temperature = requiredNumber(fields, "temperature");
    const std::string outcome = fields.requiredString("outcome");
    const auto parsedOutcome = parseOutcome(outcome);
    if (!parsedOutcome)
        fields.fail("unknown outcome \"" + printable(outcome) + "\"");
    answer.outcome = *parsedOutcome;
    answer.testsPassed = requiredInt(fields, "tests_passed");
    answer.testsTotal = requiredInt(fields, "tests_total");
    answer.detail = fields.optionalString("detail");
    if (fields.has("class")) {
        const std::string name = fields.requiredString("class");
        answer.answerClass = parseAnswerClass(name);
        if (!answer.answerClass)
            fields.fail("unknown class \"" + printable(name) + "\"");
        answer.score = requiredNumber(fields, "score");
    }
    answer.reason = fields.optionalString("reason");
    answer.text = fields.requiredString("text");
    answer.code = fields.requiredString("code");
    return answer;
}

std::vector<RankedAnswer> answersFromJson(const RecordFields& item, std::string_view key, const std::string& location)
{
    std::vector<RankedAnswer> answers;
    for (const nlohmann::json& value : requiredArray(item, key)) {
        const std::string name = str(key) + "[" + std::to_string(answers.size()) + "]";
        answers.push_back(rankedAnswerFromJson(objectFields(value, location, name)));
    }
    return answers;
}

}  // namespace

std::string_view answerClassName(AnswerClass answerClass)
{
    for (const auto& [value, name] : kClassNames)
        if (value == answerClass)
            return name;
    return "compile_error";
}

std::optional<AnswerClass> parseAnswerClass(std::string_view name)
{
    for (const auto& [value, known] : kClassNames)
        if (known == name)
            return value;
    return std::nullopt;
}

void validateRankingOptions(const RankingOptions& options)
{
    const std::array<std::pair<const char*, double>, 5> values{{
        {"compileErrorScore", options.compileErrorScore},
        {"runtimeErrorScore", options.runtimeErrorScore},
        {"partialScore", options.partialScore},
        {"allPassScore", options.allPassScore},
        {"tieMargin", options.tieMargin},
    }};
    for (const auto& [name, value] : values)
        if (!std::isfinite(value))
            throw InvalidArgument(std::string("ranking option ") + name + " is not a finite number");
    for (std::size_t i = 1; i < 4; ++i)
        if (!(values[i].second > values[i - 1].second))
            throw InvalidArgument(std::string("ranking option ") + values[i].first + " (" +
                                  std::to_string(values[i].second) + ") must be above " + values[i - 1].first +
                                  " (" + std::to_string(values[i - 1].second) + "): the classes rank low to high");
    if (!(options.tieMargin > 0))
        throw InvalidArgument("ranking option tieMargin (" + std::to_string(options.tieMargin) +
                              ") must be positive: a tie ranks the teacher above the student");
}

std::optional<AnswerClass> classifyVerdict(const Verdict& verdict)
{
    switch (verdict.outcome) {
    case Outcome::Passed: return AnswerClass::AllPass;
    case Outcome::Failed: return verdict.testsPassed > 0 ? AnswerClass::Partial : AnswerClass::RuntimeError;
    case Outcome::SyntaxError: return AnswerClass::CompileError;
    case Outcome::Error:
    case Outcome::Timeout:
    case Outcome::OutOfMemory:
    case Outcome::Crashed:
    case Outcome::OutputLimit: return AnswerClass::RuntimeError;
    case Outcome::Tampered:
    case Outcome::SandboxError: return std::nullopt;
    }
    return std::nullopt;
}

std::string exclusionReason(const Verdict& verdict)
{
    switch (verdict.outcome) {
    case Outcome::Tampered:
        return "not ranked: the verdict was tampered with (the program forged or broke its result record)";
    case Outcome::SandboxError:
        return "not ranked: the sandbox failed (" + (verdict.detail.empty() ? str("no detail") : verdict.detail) +
               "), which says nothing about the answer";
    default: return {};
    }
}

double classScore(AnswerClass answerClass, const Verdict& verdict, const RankingOptions& options)
{
    switch (answerClass) {
    case AnswerClass::CompileError: return options.compileErrorScore;
    case AnswerClass::RuntimeError: return options.runtimeErrorScore;
    case AnswerClass::AllPass: return options.allPassScore;
    case AnswerClass::Partial: break;
    }
    if (!options.gradePartial || verdict.testsPassed <= 0)
        return options.partialScore;
    // A failed answer missed at least one test, even when tests_total did not count
    // it, so the fraction stays below 1 and the score below allPassScore.
    const double fraction = double(verdict.testsPassed) / double(std::max(verdict.testsTotal, verdict.testsPassed + 1));
    return options.partialScore + (options.allPassScore - options.partialScore) * fraction;
}

std::string extractCode(std::string_view response)
{
    const auto blocks = fencedBlocks(response);
    for (const auto& block : blocks)
        if (block.tag == "python" || block.tag == "py" || block.tag == "python3")
            return str(block.body);
    for (const auto& block : blocks)
        if (block.tag.empty())
            return str(block.body);
    return str(response);
}

RankedItem rankItem(const RankingItem& item, const RankingOptions& options)
{
    validateRankingOptions(options);
    RankedItem ranked;
    ranked.taskId = item.taskId;
    ranked.instruction = item.instruction;
    for (const auto& answer : item.teacherAnswers) {
        ranked.teachers.push_back(rankAnswer(answer, options));
        const RankedAnswer& last = ranked.teachers.back();
        if (last.ranked() && (ranked.bestTeacher < 0 || last.score > ranked.teachers[ranked.bestTeacher].score))
            ranked.bestTeacher = int(ranked.teachers.size()) - 1;
    }
    for (const auto& answer : item.studentAnswers)
        ranked.students.push_back(rankAnswer(answer, options));
    const auto rankedStudents = std::count_if(ranked.students.begin(), ranked.students.end(),
                                              [](const RankedAnswer& answer) { return answer.ranked(); });

    std::vector<std::string> reasons;
    if (item.teacherAnswers.empty())
        reasons.push_back("no teacher answer");
    else if (ranked.bestTeacher < 0)
        reasons.push_back("no teacher answer could be ranked (" + std::to_string(item.teacherAnswers.size()) +
                          " excluded)");
    if (item.studentAnswers.empty())
        reasons.push_back("no student answer");
    else if (rankedStudents == 0)
        reasons.push_back("no student answer could be ranked (" + std::to_string(item.studentAnswers.size()) +
                          " excluded)");
    const RankedAnswer* teacher = ranked.teacher();
    for (std::size_t s = 0; teacher && s < ranked.students.size(); ++s) {
        RankedAnswer& student = ranked.students[s];
        if (!student.ranked())
            continue;
        if (*teacher->answerClass < *student.answerClass) {
            student.reason = "pair dropped: the teacher's class (" + str(answerClassName(*teacher->answerClass)) +
                             ") is below the student's (" + str(answerClassName(*student.answerClass)) + ")";
            continue;
        }
        // Same class: the paper ranks the teacher higher, so it gets at least the margin.
        const double rTeacher = *teacher->answerClass == *student.answerClass
                                    ? std::max(teacher->score, student.score + options.tieMargin)
                                    : teacher->score;
        ranked.pairs.push_back({int(s), rTeacher, student.score});
    }
    if (reasons.empty() && ranked.pairs.empty())
        reasons.push_back("every pair dropped: the teacher's class (" +
                          str(answerClassName(*teacher->answerClass)) + ") is below every ranked student's");
    ranked.reason = joinReasons(reasons);
    return ranked;
}

std::vector<RankedItem> rankItems(const std::vector<RankingItem>& items, const RankingOptions& options)
{
    validateRankingOptions(options);
    std::vector<RankedItem> ranked;
    ranked.reserve(items.size());
    for (const auto& item : items)
        ranked.push_back(rankItem(item, options));
    return ranked;
}

nlohmann::json rankedItemToJson(const RankedItem& item)
{
    nlohmann::json teachers = nlohmann::json::array(), students = nlohmann::json::array();
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& answer : item.teachers)
        teachers.push_back(answerToJson(answer));
    for (const auto& answer : item.students)
        students.push_back(answerToJson(answer));
    for (const auto& pair : item.pairs)
        pairs.push_back({{"student", pair.student}, {"r_tea", pair.rTeacher}, {"r_stu", pair.rStudent}});
    return {
        {"task_id", item.taskId},
        {"prompt", item.instruction},
        {"teachers", teachers},
        {"best_teacher", item.bestTeacher >= 0 ? nlohmann::json(item.bestTeacher) : nlohmann::json(nullptr)},
        {"students", students},
        {"pairs", pairs},
        {"reason", item.reason},
    };
}

RankedItem rankedItemFromJson(const nlohmann::json& json, const std::string& location)
{
    if (!json.is_object())
        throw FormatError(location + ": expected a JSON object");
    const RecordFields fields(json, location);
    RankedItem item;
    item.taskId = fields.taskId();
    item.instruction = fields.requiredString("prompt");
    item.teachers = answersFromJson(fields, "teachers", location);
    item.students = answersFromJson(fields, "students", location);
    if (fields.has("best_teacher")) {
        item.bestTeacher = requiredInt(fields, "best_teacher");
        if (item.bestTeacher < 0 || item.bestTeacher >= int(item.teachers.size()) ||
            !item.teachers[item.bestTeacher].ranked())
            fields.fail("best_teacher " + std::to_string(item.bestTeacher) + " is not a ranked answer of teachers (" +
                        std::to_string(item.teachers.size()) + " answers)");
    }
    for (const nlohmann::json& value : requiredArray(fields, "pairs")) {
        const std::string name = "pairs[" + std::to_string(item.pairs.size()) + "]";
        const RecordFields pair = objectFields(value, location, name);
        RankedPair parsed{requiredInt(pair, "student"), requiredNumber(pair, "r_tea"), requiredNumber(pair, "r_stu")};
        if (item.bestTeacher < 0)
            pair.fail("a pair needs best_teacher");
        if (parsed.student < 0 || parsed.student >= int(item.students.size()))
            pair.fail("student " + std::to_string(parsed.student) + " is out of range (" +
                      std::to_string(item.students.size()) + " students)");
        item.pairs.push_back(parsed);
    }
    item.reason = fields.optionalString("reason");
    return item;
}

void writeRankings(const std::filesystem::path& path, const std::vector<RankedItem>& items)
{
    std::string text;
    for (const auto& item : items) {
        text += rankedItemToJson(item).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        text += '\n';
    }
    // Durable before `rrtf rank` deletes its verdict journal: a power loss must not lose both.
    replaceFileDurably(path, text);
}

bool isTrainable(const RankedItem& item)
{
    return item.teacher() && !item.teacher()->code.empty();
}

TrainableCount countTrainable(const std::vector<RankedItem>& items)
{
    TrainableCount count;
    for (const RankedItem& item : items)
        if (isTrainable(item)) {
            ++count.items;
            count.pairs += item.pairs.size();
        }
    return count;
}

std::vector<RankedItem> readRankings(const std::filesystem::path& path)
{
    const RecordFileBytes file = readRecordFile(path);
    std::vector<RankedItem> items;
    if (file.text.find_first_not_of(" \t\r\n") == std::string::npos)
        return items;  // a run whose every item was left out writes an empty file
    for (const RawRecord& record : splitRecords(file.text, path.string())) {
        const std::string location = recordLocation(path.string(), record);
        items.push_back(rankedItemFromJson(parseRecordObject(record, location), location));
    }
    return items;
}

}  // namespace rrtf
