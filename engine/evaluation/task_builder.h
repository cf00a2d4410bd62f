// From a problem and a model's output to the JudgeTask the sandbox runs, split
// into an untrusted candidate part and a trusted test part, following how each
// reference harness assembles its program (spec/evaluation.md §4):
//
//   HumanEval, HumanEval+ OriginFmt (human-eval):
//     program   = prompt + completion + "\n" + test + "\n" + "check(" + entry_point + ")"
//     candidate = prompt + completion (or a full solution); prelude = prompt (its
//                 helpers, e.g. poly, encode_cyclic); tests = test; CheckFunction.
//   HumanEval+ (EvalPlus): candidate = prompt + completion, no separator (or a
//     full solution); reference = prompt + canonical_solution; inputs = base_input
//     then plus_input; atol; DifferentialInputs. `test` is kept for display only.
//   MBPP full:      program = code + "\n" + test_setup_code + "\n" + "\n".join(test_list)
//   MBPP sanitized: program = "\n".join(test_imports) + "\n" + code + "\n" + "\n".join(test_list)
//     candidate = the output (a whole program); prelude = test_setup_code or the
//     test imports; tests = the asserts; TopLevelAsserts, no entry point.
//   rrtf format: candidate = the output; CheckFunction when `tests` defines
//     check( and entry_point is set, otherwise TopLevelAsserts.
//   LeetCode contest (DeepSeek-Coder): program = imports + code + "\n" + test + "\n"
//     (leetcode.h: the imports, and the code of an answer: prompt + completion, the
//     fenced block of an instruction model's reply, or a full solution); Script, run
//     whole in level A (`test` calls methods of a Solution instance, which cannot cross
//     processes), every assert counted.
//   CoderEval: no tests; building a task is an InvalidArgument.
#pragma once

#include "evaluation/judge_task.h"
#include "evaluation/problem_set.h"
#include "evaluation/samples.h"

#include <optional>
#include <string>

namespace rrtf {

struct TaskOptions {
    bool includeChallengeTests = false;  // full MBPP: also run challenge_test_list
};

// The task judging one output. `isFullSolution`: the text is a whole program
// (EvalPlus `solution`, bigcode's saved generations) rather than a completion
// that continues the prompt; it only matters for HumanEval and HumanEval+, whose
// prompts are code. MBPP and rrtf outputs are always whole programs.
JudgeTask buildJudgeTask(const Problem& problem, const std::string& completionOrSolution, bool isFullSolution,
                         const TaskOptions& options = {});
JudgeTask buildJudgeTask(const Problem& problem, const Sample& sample, const TaskOptions& options = {});

// The task judging the problem's own reference solution (for `rrtf check`):
// prompt + canonical_solution for HumanEval(+), `code` for MBPP, `solution` for
// the rrtf format. InvalidArgument when the problem has none.
JudgeTask buildReferenceTask(const Problem& problem, const TaskOptions& options = {});

// For `rrtf check` on a problem without a reference solution: the task judging a
// deliberately wrong answer, whose tests must fail (not error) for the problem to be
// sound. LeetCode: the prompt's stub with `pass` as the method body. nullopt for the
// other formats.
std::optional<JudgeTask> buildStubTask(const Problem& problem);

// HumanEval+ inputs for DifferentialInputs: base_input then plus_input as one JSON
// array, joined as text so every number stays as written. When the file gave an
// input list as a Python literal (problem.inputsArePython), the result is instead
// the Python expression "(<base>) + (<plus>)", which only Python can read.
std::string differentialInputs(const Problem& problem);

// The exact single program human-eval execs for a completion:
// prompt + completion + "\n" + test + "\n" + "check(" + entry_point + ")".
// InvalidArgument when the problem has no `test` or no entry point (MBPP,
// HumanEval+ Mini).
std::string humanEvalProgram(const Problem& problem, const std::string& completion);

// The single program the format's reference harness runs (human-eval's assembly
// for HumanEval and for HumanEval+ with its original `test`, bigcode's
// `solution + "\n" + test + "\n" + check(...)` for a full solution, the MBPP
// assemblies above; for the rrtf format: output + "\n" + tests, plus the check
// call). For display and for the in-process runner. InvalidArgument for
// HumanEval+ Mini, which has no test to put in a program.
std::string harnessProgram(const Problem& problem, const std::string& completionOrSolution, bool isFullSolution,
                           const TaskOptions& options = {});

}  // namespace rrtf
