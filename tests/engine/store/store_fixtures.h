// Small builders shared by the workspace database tests.
#pragma once

#include "store/workspace.h"

#include <QString>

#include <filesystem>
#include <string>

namespace rrtf::test {

inline std::filesystem::path pathIn(const QString& folder, const char* name)
{
    return std::filesystem::path(folder.toStdString()) / name;
}

inline EvalRunSpec runSpec(const std::string& key = "run-key-1")
{
    EvalRunSpec spec;
    spec.key = key;
    spec.problemSetPath = "/data/HumanEval.jsonl.gz";
    spec.problemSetSha256 = "a1b2";
    spec.samplesPath = "/data/samples.jsonl";
    spec.samplesSha256 = "c3d4";
    spec.settings = {{"k", {1, 10}}, {"workers", 4}, {"level", "split"}};
    spec.engineVersion = "0.1.0-test";
    return spec;
}

inline StoredVerdict storedVerdict(int sampleIndex, Outcome outcome = Outcome::Passed)
{
    StoredVerdict stored;
    stored.sampleIndex = sampleIndex;
    stored.taskId = "HumanEval/" + std::to_string(sampleIndex % 7);
    stored.completionId = "c" + std::to_string(sampleIndex);
    stored.completion = "    return x + " + std::to_string(sampleIndex) + "\n";
    stored.verdict.outcome = outcome;
    stored.verdict.testsPassed = outcome == Outcome::Passed ? 3 : 1;
    stored.verdict.testsTotal = 3;
    stored.verdict.detail = outcome == Outcome::Passed ? "" : "assert candidate(2) == 4";
    stored.verdict.wallMs = 12.5 + sampleIndex;
    stored.verdict.cpuMs = 8.25;
    stored.verdict.level = "split";
    stored.verdict.tier = "userns";
    stored.verdict.interpreter = "/usr/bin/python3 3.11.2";
    return stored;
}

}  // namespace rrtf::test
