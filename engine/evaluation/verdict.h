// What judging one program produced: the outcome class, partial credit and the
// conditions it ran under. Verdicts come from the sandbox, never from the
// program's own output (spec/sandbox.md §5).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "evaluation/judge_task.h"

namespace rrtf {

enum class Outcome {
    Passed,        // every test assertion held
    Failed,        // an assertion did not hold (detail names it)
    Error,         // an exception escaped (detail: type and message)
    SyntaxError,   // the program does not compile (detail: message and line)
    Timeout,       // wall clock or CPU limit
    OutOfMemory,   // memory limit (MemoryError or the kernel's OOM kill)
    Crashed,       // killed by a signal (detail: which)
    OutputLimit,   // wrote more than the output cap
    Tampered,      // forged or malformed verdict record
    SandboxError,  // the sandbox itself failed: never counted against the model (stays last)
};

// Stable names used in JSON, the database and the CLI ("passed", "syntax_error", ...).
std::string_view outcomeName(Outcome outcome);
std::optional<Outcome> parseOutcome(std::string_view name);
// Every outcome, in the enum's order: what lists of outcomes elsewhere (the
// workbench's badges) are checked against.
std::span<const Outcome> allOutcomes();

struct Verdict {
    Outcome outcome = Outcome::SandboxError;
    int testsPassed = 0;  // assertions that held
    int testsTotal = 0;   // assertions run (or known to exist)
    std::string detail;   // failing assertion, exception, signal, setup problem
    std::string stdoutText;  // first bytes of the program's stdout (capped, untrusted)
    std::string stderrText;  // first bytes of its stderr (capped, untrusted)
    double wallMs = 0;
    double cpuMs = 0;
    // How it ran: "split" (tests in their own process, level B) or "in-process"
    // (level A, weaker); why level A was used when level B was asked for.
    std::string level;
    std::string fallbackReason;
    std::string tier;         // isolation tier the sandbox probed ("root", "userns", "unsafe")
    std::string interpreter;  // e.g. "/usr/bin/python3 3.11.2"
    JudgeLimits limits;       // limits it ran under
    bool rechecked = false;   // a timeout that was run a second time

    bool passed() const { return outcome == Outcome::Passed; }
};

}  // namespace rrtf
