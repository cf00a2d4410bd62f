#include "training/training_records.h"

#include "evaluation/json_records.h"
#include "evaluation/problem_records.h"
#include "runtime/error.h"
#include "runtime/text_format.h"
#include "training/durable_file.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <unordered_map>

namespace rrtf {
namespace {

constexpr std::array<std::string_view, 7> kRecordKeys{"task_id",     "instruction", "tests",    "solution",
                                                      "entry_point", "answers",     "evolution"};
constexpr std::array<std::string_view, 3> kAnswerKeys{"text", "source", "temperature"};

bool isKnown(std::string_view key, std::span<const std::string_view> known)
{
    return std::find(known.begin(), known.end(), key) != known.end();
}

nlohmann::json extraFields(const nlohmann::json& object, std::span<const std::string_view> known)
{
    nlohmann::json extra = nlohmann::json::object();
    for (const auto& [key, value] : object.items())
        if (!isKnown(key, known))
            extra[key] = value;
    return extra;
}

// Same rule as the rrtf problem format: a string of Python, or a list of lines.
std::string readTests(const RecordFields& fields, bool required)
{
    std::string tests;
    if (fields.has("tests")) {
        const nlohmann::json& value = fields.json().at("tests");
        if (value.is_array())
            tests = detail::joinLines(fields.requiredStringList("tests"));
        else if (value.is_string())
            tests = value.get<std::string>();
        else
            fields.failWrongType("tests", "a string of Python test code or a list of lines");
    } else if (required) {
        fields.fail("missing field \"tests\" (every training record needs unit tests)");
    }
    if (required && isBlank(tests))
        fields.fail("field \"tests\" is empty (every training record needs unit tests)");
    return tests;
}

TeacherAnswer readAnswer(const nlohmann::json& item, const RecordFields& record, std::size_t index)
{
    const std::string where = record.location() + ": field \"answers\" item " + std::to_string(index + 1);
    if (!item.is_object())
        throw FormatError(where + ": expected an object {\"text\", \"source\", \"temperature\"?}");
    const RecordFields fields(item, where);
    TeacherAnswer answer;
    answer.text = fields.requiredString("text");
    answer.source = fields.requiredString("source");
    if (answer.source.empty())
        fields.fail("field \"source\" is empty (a model name, or \"human\")");
    if (fields.has("temperature")) {
        const nlohmann::json& value = item.at("temperature");
        if (!value.is_number())
            fields.failWrongType("temperature", "a number");
        answer.temperature = value.get<double>();
        if (!std::isfinite(*answer.temperature) || *answer.temperature < 0)
            fields.fail("field \"temperature\" is " + value.dump() + ", expected a number >= 0");
    }
    answer.extra = extraFields(item, kAnswerKeys);
    return answer;
}

std::vector<TeacherAnswer> readAnswers(const RecordFields& fields)
{
    std::vector<TeacherAnswer> answers;
    if (!fields.has("answers"))
        return answers;
    const nlohmann::json& list = fields.json().at("answers");
    if (!list.is_array())
        fields.failWrongType("answers", "a list of {\"text\", \"source\", \"temperature\"?} objects");
    for (std::size_t i = 0; i < list.size(); ++i)
        answers.push_back(readAnswer(list[i], fields, i));
    return answers;
}

int readInteger(const RecordFields& fields, std::string_view key, int low, int high)
{
    const nlohmann::json& value = fields.json().at(std::string(key));
    if (!value.is_number_integer())
        fields.failWrongType(key, "an integer");
    const auto number = value.get<long long>();
    if (number < low || number > high)
        fields.fail("field \"" + std::string(key) + "\" is " + value.dump() + ", expected " + std::to_string(low) +
                    ".." + std::to_string(high));
    return int(number);
}

std::optional<EvolutionOrigin> readEvolution(const RecordFields& record)
{
    if (!record.has("evolution"))
        return std::nullopt;
    const nlohmann::json& object = record.json().at("evolution");
    if (!object.is_object())
        record.failWrongType("evolution", "an object {\"seed\", \"parent\", \"round\", \"prompt\", \"heuristic\"?}");
    const RecordFields fields(object, record.location() + ": field \"evolution\"");
    EvolutionOrigin origin;
    origin.seed = fields.requiredString("seed");
    origin.parent = fields.requiredString("parent");
    if (!fields.has("round"))
        fields.fail("missing field \"round\"");
    origin.round = readInteger(fields, "round", 1, 1000000);
    origin.prompt = fields.requiredString("prompt");
    if (fields.has("heuristic"))
        origin.heuristic = readInteger(fields, "heuristic", 1, 5);
    return origin;
}

TrainingRecord readRecord(const RecordFields& fields, const TrainingReadOptions& options)
{
    TrainingRecord record;
    record.taskId = fields.taskId();
    record.instruction = fields.requiredString("instruction");
    record.tests = readTests(fields, options.requireTests);
    record.solution = fields.optionalString("solution");
    record.entryPoint = fields.optionalString("entry_point");
    record.answers = readAnswers(fields);
    record.evolution = readEvolution(fields);
    record.extra = extraFields(fields.json(), kRecordKeys);
    return record;
}

}  // namespace

std::vector<TrainingRecord> loadTrainingRecords(const std::filesystem::path& path, const TrainingReadOptions& options)
{
    const std::string file = path.string();
    const RecordFileBytes bytes = readRecordFile(path);
    std::vector<TrainingRecord> records;
    std::unordered_map<std::string, int> firstLineOf;
    for (const RawRecord& raw : splitRecords(bytes.text, file)) {
        const std::string location = recordLocation(file, raw);
        const nlohmann::json object = parseRecordObject(raw, location);
        TrainingRecord record = readRecord(RecordFields(object, location), options);
        record.sourceLine = raw.line;
        const auto [first, added] = firstLineOf.emplace(record.taskId, raw.line);
        if (!added)
            throw FormatError(location + ": field \"task_id\": duplicate task_id \"" + record.taskId +
                              "\" (first at line " + std::to_string(first->second) + ")");
        records.push_back(std::move(record));
    }
    return records;
}

nlohmann::ordered_json trainingRecordJson(const TrainingRecord& record)
{
    nlohmann::ordered_json object;
    object["task_id"] = record.taskId;
    object["instruction"] = record.instruction;
    if (!record.tests.empty())
        object["tests"] = record.tests;
    if (!record.solution.empty())
        object["solution"] = record.solution;
    if (!record.entryPoint.empty())
        object["entry_point"] = record.entryPoint;
    if (!record.answers.empty()) {
        nlohmann::ordered_json answers = nlohmann::ordered_json::array();
        for (const TeacherAnswer& answer : record.answers) {
            nlohmann::ordered_json item{{"text", answer.text}, {"source", answer.source}};
            if (answer.temperature)
                item["temperature"] = *answer.temperature;
            for (const auto& [key, value] : answer.extra.items())
                if (!isKnown(key, kAnswerKeys))
                    item[key] = value;
            answers.push_back(std::move(item));
        }
        object["answers"] = std::move(answers);
    }
    if (record.evolution) {
        const EvolutionOrigin& origin = *record.evolution;
        nlohmann::ordered_json evolution{{"seed", origin.seed},
                                         {"parent", origin.parent},
                                         {"round", origin.round},
                                         {"prompt", origin.prompt}};
        if (origin.heuristic)
            evolution["heuristic"] = *origin.heuristic;
        object["evolution"] = std::move(evolution);
    }
    for (const auto& [key, value] : record.extra.items())
        if (!isKnown(key, kRecordKeys))
            object[key] = value;
    return object;
}

void writeTrainingRecords(const std::filesystem::path& path, const std::vector<TrainingRecord>& records)
{
    std::string text;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const TrainingRecord& record = records[i];
        if (record.taskId.empty())
            throw InvalidArgument(path.string() + ": record " + std::to_string(i + 1) + " has an empty task_id");
        if (!seen.emplace(record.taskId, i).second)
            throw InvalidArgument(path.string() + ": duplicate task_id \"" + record.taskId + "\" (records " +
                                  std::to_string(seen[record.taskId] + 1) + " and " + std::to_string(i + 1) + ")");
        text += trainingRecordJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        text += '\n';
    }
    replaceFileDurably(path, text);
}

Problem trainingProblem(const TrainingRecord& record)
{
    Problem problem;
    problem.taskId = record.taskId;
    problem.format = ProblemFormat::Rrtf;
    problem.sourceLine = record.sourceLine;
    problem.prompt = record.instruction;
    problem.canonicalSolution = record.solution;
    problem.test = record.tests;
    problem.entryPoint = record.entryPoint;
    return problem;
}

}  // namespace rrtf
