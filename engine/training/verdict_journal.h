// The verdicts of a `rrtf rank` run as they arrive, so that a killed run
// (Ctrl-C, kill -9, a crash) loses none of the hours spent in the sandbox:
// the same command reads them back and judges only what is left.
//
// RANKINGS.jsonl.verdicts, one JSON line each, appended:
//
//   {"rrtf_verdict_journal": 1, "settings": {"limits": {...}, "prefer_split": true,
//                                            "interpreter": "/usr/bin/python3 3.11.2"}}
//   {"task_id": "alpaca/17", "role": "student", "model": "student:/models/s", "index": 0,
//    "code_sha256": "...", "tests_sha256": "...", "verdict": {...}}
//
// An answer is known by (task id, role, model key, index). Its verdict is
// reused only while the program judged (the code extracted from the response)
// and the record's tests hash the same; otherwise it is judged again and the
// newer line wins. The first line holds the settings that change verdicts: a
// run with other settings is refused rather than mixing two kinds of verdict.
#pragma once

#include "evaluation/judge_task.h"
#include "evaluation/verdict.h"
#include "training/answer_samples.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace rrtf {

// What changes a verdict besides the program and its tests.
struct JudgingSettings {
    JudgeLimits limits;
    bool preferSplit = true;
    std::string interpreter;  // SandboxPool::info().interpreter: another Python may judge differently
};

// Which answer: a sample group's task id, role and model key, and the answer's index.
struct AnswerKey {
    std::string taskId;
    AnswerRole role = AnswerRole::Student;
    std::string modelKey;  // SampleGroup::modelKey()
    int index = 0;

    auto tie() const { return std::tie(taskId, role, modelKey, index); }
    bool operator<(const AnswerKey& other) const { return tie() < other.tie(); }
};

// What was judged: hashes of the candidate program and of the tests it ran against.
struct ProgramHashes {
    std::string code;   // sha256 of JudgeTask::candidateSource
    std::string tests;  // sha256 of everything else in the task that decides the verdict

    bool operator==(const ProgramHashes&) const = default;
};
ProgramHashes programHashes(const JudgeTask& task);

// "RANKINGS.jsonl.verdicts": the journal kept beside `rankings`.
std::filesystem::path verdictJournalPath(const std::filesystem::path& rankings);

class VerdictJournal {
public:
    // Reads the journal at `path` (created when missing) and opens it for
    // appending. A last line cut short by a kill is ignored and cut away.
    // InvalidArgument naming path:1 when it was written with other settings;
    // FormatError naming path:line for a bad line before the last.
    VerdictJournal(const std::filesystem::path& path, const JudgingSettings& settings);
    ~VerdictJournal();  // syncs what was appended
    VerdictJournal(const VerdictJournal&) = delete;
    VerdictJournal& operator=(const VerdictJournal&) = delete;

    // The recorded verdict of `key` when it judged the same program; nullptr otherwise.
    const Verdict* find(const AnswerKey& key, const ProgramHashes& hashes) const;
    // Appends one line (thread-safe). The line is in the file when this returns, so
    // it survives the process being killed; it reaches the disk within a second
    // or `kSyncEvery` lines, and at sync().
    void append(const AnswerKey& key, const ProgramHashes& hashes, const Verdict& verdict);
    void sync();

    const std::filesystem::path& path() const { return m_path; }
    std::size_t recorded() const { return m_entries.size(); }  // distinct answers read back at open
    bool hadPartialTail() const { return m_partialTail; }

    static constexpr int kSyncEvery = 256;

private:
    struct Entry {
        ProgramHashes hashes;
        Verdict verdict;
    };
    void writeLine(const std::string& line);

    std::filesystem::path m_path;
    std::map<AnswerKey, Entry> m_entries;  // as read at open; not updated by append
    bool m_partialTail = false;
    int m_fd = -1;
    std::mutex m_mutex;
    int m_unsynced = 0;
    std::chrono::steady_clock::time_point m_lastSync;
};

}  // namespace rrtf
