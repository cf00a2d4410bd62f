// The test data: tests/data in the repository, or any folder with its layout that
// -DRRTF_TEST_DATA names (../shared/data, say). Most of it is committed; the files that may
// not be redistributed (LeetCode's problem texts, CoderEval's prompts) are put there by
// scripts/fetch-test-data.sh, and a test that reads one of them skips where it is absent:
//     SKIP_UNLESS_TEST_DATA("humaneval/codereval/CEPythonRaw.jsonl");
// (In a data-driven test that skips the current row only.) tests/data/SOURCES.md lists them.
#pragma once

#include <QString>
#include <QtTest>

#include <filesystem>
#include <string>

namespace rrtf::test {

inline std::filesystem::path testDataFile(const std::string& relative)
{
    return std::filesystem::path(RRTF_TEST_DATA) / relative;
}

inline QString testDataPath(const std::string& relative)
{
    return QString::fromStdString(testDataFile(relative).string());
}

// The files that are fetched, not committed.
inline constexpr const char* kLeetCodeContest = "humaneval/leetcode_contest/20240121-Jul.jsonl";
inline constexpr const char* kCoderEvalRaw = "humaneval/codereval/CEPythonRaw.jsonl";
inline constexpr const char* kCoderEvalHumanLabel = "humaneval/codereval/CEPythonHumanLabel.jsonl";

inline std::string missingTestDataMessage(const std::string& relative)
{
    return relative + " is not in " + std::filesystem::path(RRTF_TEST_DATA).string() +
           " (not redistributable, not committed): run scripts/fetch-test-data.sh";
}

}  // namespace rrtf::test

// Skips the current test function (or data row) where the test data file `relative` is missing.
#define SKIP_UNLESS_TEST_DATA(relative)                                                                                \
    do {                                                                                                               \
        if (!std::filesystem::exists(::rrtf::test::testDataFile(relative)))                                            \
            QSKIP(::rrtf::test::missingTestDataMessage(relative).c_str());                                             \
    } while (false)
