#include "training/trainer_eval.h"

#include "evaluation/evaluator.h"
#include "evaluation/task_builder.h"
#include "generation/generator.h"
#include "generation/prompt_template.h"
#include "generation/stop_sequences.h"
#include "training/ranking.h"
#include "training/sampling.h"

#include <algorithm>
#include <sstream>

namespace rrtf {
namespace {

// The docstring's lines without their common indentation, as Python's
// inspect.cleandoc: text right after the opening quotes (HumanEval's
// `""" Check if ...`) is only left-stripped and does not set the indentation.
std::string dedent(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        lines.push_back(line);
    size_t indent = std::string::npos;
    for (size_t i = 1; i < lines.size(); ++i)
        if (const size_t first = lines[i].find_first_not_of(" \t"); first != std::string::npos)
            indent = std::min(indent, first);
    for (size_t i = 0; i < lines.size(); ++i) {
        const size_t first = lines[i].find_first_not_of(" \t");
        lines[i] = first == std::string::npos ? std::string() : lines[i].substr(i == 0 ? first : indent);
    }
    while (!lines.empty() && lines.front().empty())
        lines.erase(lines.begin());
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    std::string out;
    for (const auto& line : lines)
        out += line + '\n';
    if (!out.empty())
        out.pop_back();
    return out;
}

bool isCodePrompt(ProblemFormat format)
{
    return format == ProblemFormat::HumanEval || format == ProblemFormat::HumanEvalPlus;
}

}  // namespace

EvaluationPrompt evaluationPrompt(const Problem& problem, const PromptTemplate& format)
{
    EvaluationPrompt made;
    if (!isCodePrompt(problem.format)) {
        made.prompt = format.apply(problem.prompt);
        return made;
    }
    made.stops = codexHumanEvalStops();
    made.prompt = problem.prompt;
    made.programPrefix = problem.prompt;
    const std::string& code = problem.prompt;
    const size_t def = code.rfind("def " + problem.entryPoint + "(");
    if (problem.entryPoint.empty() || def == std::string::npos)
        return made;
    const size_t lineEnd = code.find('\n', def);
    if (lineEnd == std::string::npos)
        return made;
    size_t open = code.find_first_not_of(" \t\r\n", lineEnd);
    if (open == std::string::npos)
        return made;
    const std::string quotes = code.substr(open, 3);
    if (quotes != "\"\"\"" && quotes != "'''")
        return made;
    const size_t close = code.find(quotes, open + 3);
    // Code after the docstring would be lost by moving it: keep HumanEval's order then.
    if (close == std::string::npos || code.find_first_not_of(" \t\r\n", close + 3) != std::string::npos)
        return made;
    const std::string header = code.substr(0, lineEnd + 1);
    made.prompt = "\"\"\"\n" + dedent(code.substr(open + 3, close - open - 3)) + "\n\"\"\"\n" + header;
    made.programPrefix = header;
    return made;
}

PassAtOne evaluatePassAtOne(CausalLM& model, const Tokenizer& tokenizer, const ProblemSet& problems,
                            int maxNewTokens, SandboxPool& pool, const PromptTemplate& format)
{
    std::vector<EvaluationPrompt> prompts;
    std::vector<GenerationRequest> requests;
    std::vector<size_t> requestOf(problems.size(), SIZE_MAX);
    Generator generator(model, &tokenizer);
    const std::vector<int> banned = bannedTokenIds(model, tokenizer);
    for (size_t i = 0; i < problems.size(); ++i) {
        prompts.push_back(evaluationPrompt(problems[i], format));
        GenerationRequest request;
        request.promptIds = tokenizer.encode(prompts.back().prompt);
        request.sampling.greedy = true;
        const int room = model.contextLength() - int(request.promptIds.size());
        request.maxNewTokens = std::min(maxNewTokens, room);
        request.stopSequences = prompts.back().stops;
        request.bannedIds = banned;
        if (request.promptIds.empty() || request.maxNewTokens < 1)
            continue;  // does not fit: counted as failed
        requestOf[i] = requests.size();
        requests.push_back(std::move(request));
    }
    const auto results = requests.empty() ? std::vector<GenerationResult>() : generator.generate(requests);

    PassAtOne score;
    score.problems = int(problems.size());
    const JudgeLimits limits = limitsFor(TimeoutPolicy{}, JudgeLimits{}, 0.0);
    for (size_t i = 0; i < problems.size(); ++i) {
        if (requestOf[i] == SIZE_MAX)
            continue;
        const std::string& text = results[requestOf[i]].samples.at(0).text;
        // Code prompts are continued; an instruction's answer is a program, perhaps fenced.
        const std::string program = isCodePrompt(problems[i].format) ? prompts[i].programPrefix + text
                                                                      : extractCode(text);
        const Verdict verdict = pool.judge(buildJudgeTask(problems[i], program, true), limits);
        score.passed += verdict.passed() ? 1 : 0;
    }
    return score;
}

}  // namespace rrtf
