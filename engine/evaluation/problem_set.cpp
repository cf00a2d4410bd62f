#include "evaluation/problem_set.h"

#include "evaluation/json_records.h"
#include "evaluation/problem_records.h"
#include "evaluation/sha256.h"
#include "runtime/error.h"
#include "runtime/printable.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rrtf {
namespace {

constexpr std::array<std::pair<ProblemFormat, std::string_view>, 8> kFormatNames{{
    {ProblemFormat::Auto, "auto"},
    {ProblemFormat::HumanEval, "humaneval"},
    {ProblemFormat::HumanEvalPlus, "humanevalplus"},
    {ProblemFormat::Mbpp, "mbpp"},
    {ProblemFormat::MbppSanitized, "mbpp-sanitized"},
    {ProblemFormat::Rrtf, "rrtf"},
    {ProblemFormat::LeetCode, "leetcode"},
    {ProblemFormat::CoderEval, "codereval"},
}};

std::string joinKeys(const std::vector<std::string>& keys)
{
    std::string joined;
    for (const std::string& key : keys)
        joined += (joined.empty() ? "" : ", ") + key;
    return joined;
}

ProblemFormat detectFromFirstRecord(const RawRecord& record, const std::string& location)
{
    const nlohmann::json object = parseRecordObject(record, location);
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items())
        keys.push_back(key);
    if (const std::optional<ProblemFormat> format = detectProblemFormat(keys))
        return *format;
    throw FormatError(location + ": cannot tell the problem format from the fields (" + printable(joinKeys(keys), 200) +
                      "); expected HumanEval (prompt, entry_point, test), HumanEval+ (also base_input, "
                      "plus_input), MBPP (text, code, test_list), sanitized MBPP (prompt, code, test_list, "
                      "test_imports), LeetCode contest (prompt, prompt_sft, test), CoderEval (question_id, "
                      "input) or the rrtf format (instruction, tests)");
}

// Why answers to CoderEval cannot be judged, for a whole set and for one problem.
constexpr std::string_view kCoderEvalHasNoTests =
    "CoderEval ships prompts only; its tests and the 43 project environments they run in are not part of these "
    "records, so answers to it cannot be judged here";

// "line 4" in JSON Lines, "record 4" in a JSON array (whose records may share a line).
std::string recordPlace(const RawRecord& record)
{
    return record.inArray ? "record " + std::to_string(record.index + 1) : "line " + std::to_string(record.line);
}

}  // namespace

std::string_view problemFormatName(ProblemFormat format)
{
    for (const auto& [value, name] : kFormatNames)
        if (value == format)
            return name;
    return "auto";
}

std::optional<ProblemFormat> parseProblemFormat(std::string_view name)
{
    for (const auto& [value, known] : kFormatNames)
        if (known == name)
            return value;
    return std::nullopt;
}

std::optional<ProblemFormat> detectProblemFormat(const std::vector<std::string>& keys)
{
    const auto has = [&](std::string_view key) { return std::find(keys.begin(), keys.end(), key) != keys.end(); };
    if (has("base_input") || has("plus_input"))
        return ProblemFormat::HumanEvalPlus;
    if (has("test_list"))
        return has("test_imports") || (has("prompt") && !has("text")) ? ProblemFormat::MbppSanitized
                                                                      : ProblemFormat::Mbpp;
    if (has("instruction"))
        return ProblemFormat::Rrtf;
    if (has("prompt") && has("entry_point"))
        return ProblemFormat::HumanEval;
    // DeepSeek-Coder's contest set: no entry_point, the test is a whole script.
    if (has("prompt_sft") || (has("prompt") && has("test") && has("meta")))
        return ProblemFormat::LeetCode;
    if (has("question_id") && (has("input") || has("signature")))
        return ProblemFormat::CoderEval;
    return std::nullopt;
}

bool problemHasTests(const Problem& problem)
{
    return problem.format != ProblemFormat::CoderEval;
}

std::string noTestsReason(const Problem& problem)
{
    return problemHasTests(problem) ? std::string() : std::string(kCoderEvalHasNoTests);
}

std::string noTestsReason(const ProblemSet& problems)
{
    if (problems.format() != ProblemFormat::CoderEval)
        return {};
    return problems.sourcePath().string() + ": " + std::string(kCoderEvalHasNoTests) +
           " (the prompts can still be generated from)";
}

ProblemSet::ProblemSet(std::filesystem::path sourcePath, std::string sha256, ProblemFormat format,
                       std::vector<Problem> problems)
    : path(std::move(sourcePath)), hash(std::move(sha256)), setFormat(format), list(std::move(problems))
{
    for (std::size_t i = 0; i < list.size(); ++i)
        byTaskId.emplace(list[i].taskId, i);  // the first wins; the loader refuses duplicates
}

const Problem* ProblemSet::find(std::string_view taskId) const
{
    const auto it = byTaskId.find(std::string(taskId));
    return it == byTaskId.end() ? nullptr : &list[it->second];
}

ProblemSet loadProblemSet(const std::filesystem::path& path, ProblemFormat format)
{
    const std::string file = path.string();
    const RecordFileBytes bytes = readRecordFile(path);
    const std::vector<RawRecord> records = splitRecords(bytes.text, file);
    if (format == ProblemFormat::Auto)
        format = detectFromFirstRecord(records.front(), recordLocation(file, records.front()));

    std::vector<Problem> problems;
    problems.reserve(records.size());
    std::unordered_map<std::string, std::string> firstPlaceOf;
    for (const RawRecord& record : records) {
        const std::string location = recordLocation(file, record);
        Problem problem = detail::readProblemRecord(format, record, location);
        const auto [seen, added] = firstPlaceOf.emplace(problem.taskId, recordPlace(record));
        if (!added)
            throw FormatError(location + ": duplicate task_id \"" + printable(problem.taskId) + "\" (first at " +
                              seen->second + ")");
        problems.push_back(std::move(problem));
    }
    return ProblemSet(path, sha256Hex(bytes.raw), format, std::move(problems));
}

}  // namespace rrtf
