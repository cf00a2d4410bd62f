// DeepSeek-Coder's LeetCode contest set (deepseek-ai/DeepSeek-Coder,
// Evaluation/LeetCode): how its harness turns an answer into the program it runs.
//
//   program = the import lines + code + "\n" + test + "\n"
//
// (human_eval/evaluation.py, process_humaneval_test), where `code` is the whole
// solution. evaluate_leetcode.py takes it from an instruction model's answer to
// `prompt_sft` (its first ```python block, extract_python_code) or, for an answer
// that continues the method body, puts the stub in front; a base model continues
// `prompt` itself. The records have no entry point and no reference solution:
// `test` is a script (`my_solution = Solution()` and 100 asserts).
#pragma once

#include "evaluation/problem_set.h"

#include <string>
#include <string_view>

namespace rrtf {

// The whole program of an answer to a LeetCode problem:
// - isFullSolution: the text as it is (a whole program);
// - otherwise the text is a model's answer, read as DeepSeek-Coder's harness reads it:
//   the first fenced ```python (or ```py, ```python3, [PYTHON]) block when it has one
//   (an instruction model's reply to prompt_sft; a block cut off by the token limit runs
//   to the end); the text itself when it starts with `class Solution` (a reply without a
//   fence); else prompt + text (a continuation of the prompt's method body).
std::string leetCodeSolution(const Problem& problem, std::string_view text, bool isFullSolution);

// The lines DeepSeek-Coder's harness puts before every program (IMPORT_HELPER["python"]:
// math, re, sys, copy, datetime, itertools, collections, heapq, functools, hashlib,
// string, `from typing import *`, `from collections import *`, `from functools import *`),
// ending in a newline. The prompts need them: their stubs use List and Optional unimported.
// numpy is imported (`import numpy`, `import numpy as np`, skipped when it is not
// installed) only when `code` names it, since only then can it matter.
std::string leetCodeImports(std::string_view code);

// An answer that continues every LeetCode prompt (whose method body is left open) into a
// program that runs and is wrong: the method returns None. Its tests must fail, not error.
inline constexpr std::string_view kLeetCodeStubAnswer = "pass\n";

}  // namespace rrtf
