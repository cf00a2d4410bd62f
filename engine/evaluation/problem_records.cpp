#include "evaluation/problem_records.h"

#include "runtime/printable.h"

#include <array>
#include <cerrno>
#include <cstdlib>

namespace rrtf::detail {

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            joined += '\n';
        joined += lines[i];
    }
    return joined;
}

namespace {

Problem humanEvalProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::HumanEval;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("prompt");
    problem.entryPoint = fields.requiredString("entry_point");
    problem.test = fields.requiredString("test");
    problem.canonicalSolution = fields.optionalString("canonical_solution");
    return problem;
}

// EvalPlus stores `atol` as a number; a string holding one is accepted too.
double readAtol(const RecordFields& fields)
{
    if (!fields.has("atol"))
        return 0.0;
    const nlohmann::json& value = fields.json().at("atol");
    if (value.is_number())
        return value.get<double>();
    if (!value.is_string())
        fields.failWrongType("atol", "a number or a string holding one");
    const std::string text = value.get<std::string>();
    char* end = nullptr;
    errno = 0;
    const double atol = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE)
        fields.fail("field \"atol\" is \"" + printable(text) + "\", not a number");
    return atol;
}

// The text of one inputs field. In v0.1.10 it is a JSON list, kept verbatim. A
// string (a list literal) is decoded: kept as JSON when it parses as a JSON list,
// otherwise kept as Python text and flagged, for the trusted side to evaluate.
std::string readInputs(const RawRecord& record, const RecordFields& fields, std::string_view key,
                       bool& isPythonText)
{
    const std::optional<std::string_view> raw = rawTopLevelValue(record.text, key);
    const std::string name(key);
    if (!raw || *raw == "null")
        fields.fail("missing field \"" + name + "\"");
    if (raw->front() == '[')
        return std::string(*raw);
    if (raw->front() != '"')
        fields.fail("field \"" + name + "\" is " + printable(*raw, 40) +
                    ", expected a list of inputs or a string holding one");
    const std::string literal = nlohmann::json::parse(*raw).get<std::string>();
    const std::size_t first = literal.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        fields.fail("field \"" + name + "\" is an empty string, expected a list of inputs");
    if (literal[first] == '[' && nlohmann::json::accept(literal))
        return literal;
    isPythonText = true;
    return literal;
}

Problem humanEvalPlusProblem(const RawRecord& record, const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::HumanEvalPlus;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("prompt");
    problem.entryPoint = fields.requiredString("entry_point");
    problem.canonicalSolution = fields.requiredString("canonical_solution");
    problem.contract = fields.optionalString("contract");
    problem.test = fields.optionalString("test");  // absent in the Mini variant
    problem.atol = readAtol(fields);
    problem.baseInputs = readInputs(record, fields, "base_input", problem.inputsArePython);
    problem.plusInputs = readInputs(record, fields, "plus_input", problem.inputsArePython);
    return problem;
}

Problem mbppProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::Mbpp;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("text");
    problem.canonicalSolution = fields.requiredString("code");
    problem.testList = fields.requiredStringList("test_list");
    problem.testSetupCode = fields.optionalString("test_setup_code");
    problem.challengeTestList = fields.optionalStringList("challenge_test_list");
    return problem;
}

Problem mbppSanitizedProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::MbppSanitized;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("prompt");
    problem.canonicalSolution = fields.requiredString("code");
    problem.testList = fields.requiredStringList("test_list");
    problem.testImports = fields.optionalStringList("test_imports");
    problem.sourceFile = fields.optionalString("source_file");
    return problem;
}

// `tests` is Python source; a list of lines is accepted and joined with newlines.
std::string readOwnTests(const RecordFields& fields)
{
    if (fields.has("tests") && fields.json().at("tests").is_array())
        return joinLines(fields.requiredStringList("tests"));
    if (fields.has("tests") && !fields.json().at("tests").is_string())
        fields.failWrongType("tests", "a string of Python test code or a list of lines");
    return fields.requiredString("tests");
}

Problem rrtfProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::Rrtf;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("instruction");
    problem.test = readOwnTests(fields);
    problem.canonicalSolution = fields.optionalString("solution");
    problem.entryPoint = fields.optionalString("entry_point");
    return problem;
}

// LeetCode's `meta` object holds the difficulty (and LeetCode's ids, likes, ...).
std::string readDifficulty(const RecordFields& fields)
{
    if (!fields.has("meta"))
        return {};
    const nlohmann::json& meta = fields.json().at("meta");
    if (!meta.is_object())
        fields.failWrongType("meta", "an object");
    const auto difficulty = meta.find("difficulty");
    if (difficulty == meta.end() || difficulty->is_null())
        return {};
    if (!difficulty->is_string())
        fields.fail("field \"meta.difficulty\" must be a string");
    return difficulty->get<std::string>();
}

Problem leetCodeProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::LeetCode;
    problem.taskId = fields.taskId();
    problem.prompt = fields.requiredString("prompt");
    problem.instructionPrompt = fields.optionalString("prompt_sft");
    problem.test = fields.requiredString("test");
    problem.difficulty = readDifficulty(fields);
    return problem;
}

Problem coderEvalProblem(const RecordFields& fields)
{
    Problem problem;
    problem.format = ProblemFormat::CoderEval;
    problem.taskId = fields.requiredString("question_id");
    if (problem.taskId.empty())
        fields.fail("field \"question_id\" is empty");
    problem.prompt = fields.requiredString("input");
    return problem;
}

}  // namespace

Problem readProblemRecord(ProblemFormat format, const RawRecord& record, const std::string& location)
{
    // HumanEval+ inputs are read from the raw text, so they are not built as JSON values.
    static constexpr std::array<std::string_view, 2> kInputKeys{"base_input", "plus_input"};
    const bool skipInputs = format == ProblemFormat::HumanEvalPlus;
    const nlohmann::json object =
        parseRecordObject(record, location, skipInputs ? std::span<const std::string_view>(kInputKeys)
                                                       : std::span<const std::string_view>());
    const RecordFields fields(object, location);

    Problem problem;
    switch (format) {
    case ProblemFormat::HumanEval: problem = humanEvalProblem(fields); break;
    case ProblemFormat::HumanEvalPlus: problem = humanEvalPlusProblem(record, fields); break;
    case ProblemFormat::Mbpp: problem = mbppProblem(fields); break;
    case ProblemFormat::MbppSanitized: problem = mbppSanitizedProblem(fields); break;
    case ProblemFormat::Rrtf: problem = rrtfProblem(fields); break;
    case ProblemFormat::LeetCode: problem = leetCodeProblem(fields); break;
    case ProblemFormat::CoderEval: problem = coderEvalProblem(fields); break;
    case ProblemFormat::Auto: fields.fail("internal error: no format chosen");
    }
    problem.sourceLine = record.line;
    return problem;
}

}  // namespace rrtf::detail
