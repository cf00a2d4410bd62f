#include "evaluation/fault_line.h"

#include "evaluation/problem_set.h"
#include "evaluation/task_builder.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

namespace rrtf {
namespace {

int newlines(std::string_view text)
{
    return int(std::count(text.begin(), text.end(), '\n'));
}

// "... (line 12)" at the end of a syntax error's detail: a line of the program.
int namedLine(std::string_view detail)
{
    const auto at = detail.rfind("(line ");
    if (at == std::string_view::npos)
        return 0;
    int line = 0;
    const char* first = detail.data() + at + 6;
    const auto [end, error] = std::from_chars(first, detail.data() + detail.size(), line);
    return error == std::errc() && end < detail.data() + detail.size() && *end == ')' ? line : 0;
}

struct NumberedLine {
    int number;  // 1-based
    std::string_view text;
};

// The lines that hold code, trailing blanks trimmed: a blank line more or less
// (a model's answer often starts with one) is no difference.
std::vector<NumberedLine> codeLines(std::string_view text)
{
    std::vector<NumberedLine> out;
    int number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.remove_suffix(1);
        ++number;
        if (!line.empty())
            out.push_back({number, line});
        start = end + 1;
    }
    return out;
}

// First 1-based line of `program` that differs from `reference`; 0 when equal.
int firstDifference(std::string_view program, std::string_view reference)
{
    const auto mine = codeLines(program);
    const auto theirs = codeLines(reference);
    for (std::size_t i = 0; i < mine.size(); ++i)
        if (i >= theirs.size() || mine[i].text != theirs[i].text)
            return mine[i].number;
    return 0;
}

// A program line as a line of the answer: the two overlap (the answer's code is
// the program, or the program is the prompt followed by the answer).
int toAnswerLine(int programLine, std::string_view answer, std::string_view program)
{
    if (programLine <= 0 || answer.empty())
        return 0;
    int line = 0;
    if (const auto at = answer.find(program); !program.empty() && at != std::string_view::npos)
        line = programLine + newlines(answer.substr(0, at));
    else if (const auto at = program.find(answer); at != std::string_view::npos)
        line = programLine - newlines(program.substr(0, at));
    return line >= 1 && line <= newlines(answer) + 1 ? line : 0;
}

}  // namespace

int answerFaultLine(const Verdict& verdict, std::string_view answer, std::string_view program,
                    std::string_view reference)
{
    switch (verdict.outcome) {
    case Outcome::SyntaxError:
        return toAnswerLine(namedLine(verdict.detail), answer, program);
    case Outcome::Failed:
    case Outcome::Error:
        return reference.empty() ? 0 : toAnswerLine(firstDifference(program, reference), answer, program);
    default:
        return 0;
    }
}

std::string referenceProgram(const Problem& problem)
{
    try {
        return buildReferenceTask(problem).candidateSource;
    } catch (const std::exception&) {
        return {};  // no reference solution
    }
}

int answerFaultLine(const Verdict& verdict, const Problem& problem, const std::string& answer,
                    bool isFullSolution)
{
    if (verdict.outcome != Outcome::SyntaxError && verdict.outcome != Outcome::Failed
        && verdict.outcome != Outcome::Error)
        return 0;
    std::string program;
    try {
        program = buildJudgeTask(problem, answer, isFullSolution).candidateSource;
    } catch (const std::exception&) {
        return 0;  // a program that cannot be assembled
    }
    const std::string reference = verdict.outcome == Outcome::SyntaxError ? std::string() : referenceProgram(problem);
    return answerFaultLine(verdict, answer, program, reference);
}

}  // namespace rrtf
