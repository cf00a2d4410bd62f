// One program for the sandbox to judge, already split into the part the
// candidate (untrusted) runs and the part the tests (trusted) run.
#pragma once

#include <string>

namespace rrtf {

// How the trusted side checks the candidate.
enum class TestStyle {
    CheckFunction,       // HumanEval: `test` defines check(candidate); call check(entry point)
    TopLevelAsserts,     // MBPP and own JSONL: asserts at module level naming the functions
    DifferentialInputs,  // HumanEval+: call on each input, compare with the reference's output
    Script,              // whole program, no entry point (runs in-process only, level A)
};

struct JudgeLimits {
    double wallSeconds = 6.0;  // supervisor kill of the whole tree
    double cpuSeconds = 3.0;   // RLIMIT_CPU of the candidate
    int memoryMiB = 1024;      // RLIMIT_AS (or cgroup memory.max)
    int maxProcesses = 64;     // RLIMIT_NPROC
    int fileSizeMiB = 16;      // RLIMIT_FSIZE
    int outputKeepBytes = 64 * 1024;    // stdout+stderr kept for display
    int outputKillBytes = 1024 * 1024;  // more than this ends the run as output_limit
};

struct JudgeTask {
    std::string taskId;
    TestStyle style = TestStyle::CheckFunction;
    // Untrusted: what the candidate process executes (prompt + completion, or a full solution).
    std::string candidateSource;
    // Trusted: executed by the tests process before the tests (the prompt's helpers such as
    // HumanEval's poly(), MBPP's test_setup_code or test_imports).
    std::string testPrelude;
    // Trusted: HumanEval's `test` (defines check), or MBPP's asserts joined by newlines.
    std::string testSource;
    std::string entryPoint;  // function under test; empty for TopLevelAsserts and Script
    // DifferentialInputs only: the trusted reference program (prompt + canonical solution),
    // the inputs as a JSON array of argument lists, and the tolerance for floats.
    std::string referenceSource;
    std::string inputsJson;
    double atol = 0.0;
    // Ask for level B (split process); the sandbox falls back to level A only when the
    // problem's values cannot cross the process boundary, and records that it did.
    bool preferSplit = true;
    // May the sandbox fall back to level A when the values cannot cross? Only trusted
    // knowledge may say yes (the problem's reference solution needed it): otherwise a
    // candidate could make its values uncrossable on purpose to reach the weaker runner.
    bool allowFallback = false;
};

}  // namespace rrtf
