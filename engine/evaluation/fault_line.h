// Which line of an answer a verdict points at, so that a viewer can mark it.
// A syntax error names its line in the candidate program; an assertion that
// failed names a line of the tests, which says nothing about the answer, so for
// a problem with a reference solution the line marked is the first one where the
// answer's code differs from it: for a typical bug (`range(k, n)` for
// `range(k, n + 1)`) the bug's own line.
#pragma once

#include "evaluation/verdict.h"

#include <string>
#include <string_view>

namespace rrtf {

struct Problem;

// 1-based line of `answer` (the text as the model wrote it); 0 when none can be
// told. `program` is the candidate program the verdict judged (the answer's code,
// or prompt + answer for a continuation); `reference` the problem's reference
// solution in the same form, or empty.
int answerFaultLine(const Verdict& verdict, std::string_view answer, std::string_view program,
                    std::string_view reference);

// The problem's reference solution as the judge assembles it (buildReferenceTask),
// for the overload above; empty where the problem has none (LeetCode).
std::string referenceProgram(const Problem& problem);

// The same for an answer to `problem`, assembling its program and the reference
// as the judge does (buildJudgeTask, buildReferenceTask); 0 when either cannot be built.
int answerFaultLine(const Verdict& verdict, const Problem& problem, const std::string& answer,
                    bool isFullSolution);

}  // namespace rrtf
