#include "evaluation/task_builder.h"

#include "evaluation/leetcode.h"
#include "evaluation/problem_records.h"
#include "runtime/error.h"

#include <string_view>
#include <vector>

namespace rrtf {
namespace {

using detail::joinLines;

// The asserts of an MBPP problem, challenge tests included when asked for.
std::string mbppAsserts(const Problem& problem, const TaskOptions& options)
{
    std::vector<std::string> asserts = problem.testList;
    if (options.includeChallengeTests)
        asserts.insert(asserts.end(), problem.challengeTestList.begin(), problem.challengeTestList.end());
    return joinLines(asserts);
}

// What the trusted side runs before MBPP asserts.
std::string mbppPrelude(const Problem& problem)
{
    return problem.format == ProblemFormat::MbppSanitized ? joinLines(problem.testImports) : problem.testSetupCode;
}

// HumanEval prompts are code the output continues; a full solution replaces both.
std::string humanEvalCandidate(const Problem& problem, const std::string& text, bool isFullSolution)
{
    return isFullSolution ? text : problem.prompt + text;
}

bool rrtfUsesCheckFunction(const Problem& problem)
{
    return !problem.entryPoint.empty() && problem.test.find("def check(") != std::string::npos;
}

std::string checkCall(const Problem& problem) { return "check(" + problem.entryPoint + ")"; }

// The items of a JSON array text, without its brackets and surrounding blanks.
std::string_view arrayItems(std::string_view arrayText)
{
    constexpr std::string_view kBlank = " \t\r\n";
    const std::size_t open = arrayText.find('[');
    const std::size_t close = arrayText.rfind(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close <= open)
        return {};
    std::string_view items = arrayText.substr(open + 1, close - open - 1);
    const std::size_t first = items.find_first_not_of(kBlank);
    if (first == std::string_view::npos)
        return {};
    return items.substr(first, items.find_last_not_of(kBlank) - first + 1);
}

JudgeTask humanEvalTask(const Problem& problem, const std::string& text, bool isFullSolution)
{
    JudgeTask task;
    task.style = TestStyle::CheckFunction;
    task.candidateSource = humanEvalCandidate(problem, text, isFullSolution);
    task.testPrelude = problem.prompt;
    task.testSource = problem.test;
    task.entryPoint = problem.entryPoint;
    return task;
}

JudgeTask humanEvalPlusTask(const Problem& problem, const std::string& text, bool isFullSolution)
{
    JudgeTask task;
    task.style = TestStyle::DifferentialInputs;
    task.candidateSource = humanEvalCandidate(problem, text, isFullSolution);
    task.referenceSource = problem.prompt + problem.canonicalSolution;
    task.inputsJson = differentialInputs(problem);
    task.atol = problem.atol;
    task.testSource = problem.test;
    task.entryPoint = problem.entryPoint;
    return task;
}

JudgeTask mbppTask(const Problem& problem, const std::string& text, const TaskOptions& options)
{
    JudgeTask task;
    task.style = TestStyle::TopLevelAsserts;
    task.candidateSource = text;
    task.testPrelude = mbppPrelude(problem);
    task.testSource = mbppAsserts(problem, options);
    return task;
}

JudgeTask rrtfTask(const Problem& problem, const std::string& text)
{
    JudgeTask task;
    task.candidateSource = text;
    task.testSource = problem.test;
    if (rrtfUsesCheckFunction(problem)) {
        task.style = TestStyle::CheckFunction;
        task.entryPoint = problem.entryPoint;
    } else {
        task.style = TestStyle::TopLevelAsserts;
    }
    return task;
}

// A whole script in the sandbox's level A (no function to call across processes):
// DeepSeek-Coder's imports, the solution, then the test script. Every assert counts.
JudgeTask leetCodeTask(const Problem& problem, const std::string& text, bool isFullSolution)
{
    JudgeTask task;
    task.style = TestStyle::Script;
    task.candidateSource = leetCodeSolution(problem, text, isFullSolution);
    task.testPrelude = leetCodeImports(task.candidateSource);
    task.testSource = problem.test;
    return task;
}

[[noreturn]] void failNoTests(const Problem& problem)
{
    throw InvalidArgument("problem " + problem.taskId + " (" + std::string(problemFormatName(problem.format)) +
                          ") has no tests: " + noTestsReason(problem));
}

}  // namespace

JudgeTask buildJudgeTask(const Problem& problem, const std::string& completionOrSolution, bool isFullSolution,
                         const TaskOptions& options)
{
    JudgeTask task;
    switch (problem.format) {
    case ProblemFormat::HumanEval: task = humanEvalTask(problem, completionOrSolution, isFullSolution); break;
    case ProblemFormat::HumanEvalPlus: task = humanEvalPlusTask(problem, completionOrSolution, isFullSolution); break;
    case ProblemFormat::Mbpp:
    case ProblemFormat::MbppSanitized: task = mbppTask(problem, completionOrSolution, options); break;
    case ProblemFormat::Rrtf: task = rrtfTask(problem, completionOrSolution); break;
    case ProblemFormat::LeetCode: task = leetCodeTask(problem, completionOrSolution, isFullSolution); break;
    case ProblemFormat::CoderEval: failNoTests(problem);
    case ProblemFormat::Auto:
        throw InvalidArgument("problem " + problem.taskId + " has no format (Auto is only for loading)");
    }
    task.taskId = problem.taskId;
    return task;
}

JudgeTask buildJudgeTask(const Problem& problem, const Sample& sample, const TaskOptions& options)
{
    return buildJudgeTask(problem, sample.text, sample.isFullSolution, options);
}

JudgeTask buildReferenceTask(const Problem& problem, const TaskOptions& options)
{
    if (problem.canonicalSolution.empty())
        throw InvalidArgument("problem " + problem.taskId + " has no reference solution");
    // HumanEval(+) canonical solutions are bodies that continue the prompt; the others are whole programs.
    return buildJudgeTask(problem, problem.canonicalSolution, false, options);
}

std::optional<JudgeTask> buildStubTask(const Problem& problem)
{
    if (problem.format != ProblemFormat::LeetCode)
        return std::nullopt;
    return buildJudgeTask(problem, std::string(kLeetCodeStubAnswer), false);
}

std::string differentialInputs(const Problem& problem)
{
    if (problem.inputsArePython)
        return "(" + problem.baseInputs + ") + (" + problem.plusInputs + ")";
    const std::string_view base = arrayItems(problem.baseInputs);
    const std::string_view plus = arrayItems(problem.plusInputs);
    std::string joined = "[";
    joined += base;
    if (!base.empty() && !plus.empty())
        joined += ", ";
    joined += plus;
    return joined + "]";
}

std::string humanEvalProgram(const Problem& problem, const std::string& completion)
{
    if (problem.test.empty() || problem.entryPoint.empty())
        throw InvalidArgument("problem " + problem.taskId + " (" + std::string(problemFormatName(problem.format)) +
                              ") has no test and entry point for a human-eval program");
    return problem.prompt + completion + "\n" + problem.test + "\n" + checkCall(problem);
}

std::string harnessProgram(const Problem& problem, const std::string& completionOrSolution, bool isFullSolution,
                           const TaskOptions& options)
{
    switch (problem.format) {
    case ProblemFormat::HumanEval:
    case ProblemFormat::HumanEvalPlus:
        if (!isFullSolution)
            return humanEvalProgram(problem, completionOrSolution);
        if (problem.test.empty())
            throw InvalidArgument("problem " + problem.taskId + " has no test to build a program with");
        return completionOrSolution + "\n" + problem.test + "\n" + checkCall(problem);
    case ProblemFormat::Mbpp:
        return completionOrSolution + "\n" + problem.testSetupCode + "\n" + mbppAsserts(problem, options);
    case ProblemFormat::MbppSanitized:
        return joinLines(problem.testImports) + "\n" + completionOrSolution + "\n" + mbppAsserts(problem, options);
    case ProblemFormat::Rrtf: {
        std::string program = completionOrSolution + "\n" + problem.test;
        if (rrtfUsesCheckFunction(problem))
            program.append("\n").append(checkCall(problem));
        return program;
    }
    case ProblemFormat::LeetCode: {
        const std::string code = leetCodeSolution(problem, completionOrSolution, isFullSolution);
        return leetCodeImports(code) + code + "\n" + problem.test + "\n";
    }
    case ProblemFormat::CoderEval: failNoTests(problem);
    case ProblemFormat::Auto: break;
    }
    throw InvalidArgument("problem " + problem.taskId + " has no format (Auto is only for loading)");
}

}  // namespace rrtf
