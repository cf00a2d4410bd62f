// RRTF step 2's first half (method.md §1.2): every sampled answer is judged in
// the sandbox against its record's unit tests, the code extracted from the
// response as ranking.h's extractCode does, the program assembled as the
// evaluator assembles an "rrtf" problem's (task_builder.h). The result is the
// RankingItems that rankItems turns into rankings.
#pragma once

#include "evaluation/judge_task.h"
#include "runtime/cancellation.h"
#include "training/answer_samples.h"
#include "training/ranking.h"
#include "training/training_records.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

class SandboxPool;
class VerdictJournal;

// The program judging one response to `record`: its extracted code as a whole
// program, then the record's tests.
JudgeTask answerJudgeTask(const TrainingRecord& record, std::string_view response);

struct AnswerJudgingOptions {
    JudgeLimits limits;  // per program; the defaults are the sandbox's (3 s CPU, 6 s wall, 1 GiB)
    bool preferSplit = true;  // tests in a process the candidate cannot reach (level B)
    // When set, an answer whose verdict the journal holds is not judged again,
    // and every new verdict is appended to it as it arrives (a resumable run).
    VerdictJournal* journal = nullptr;
    // The groups are the records' own answers (no samples file was given): a
    // record without any is then said to have none of its own, not to be
    // missing from a samples file.
    bool dataAnswersOnly = false;
};

// A record of the data that got no answer from the samples file.
struct UnsampledRecord {
    std::string taskId;
    std::string reason;
};

struct JudgedRecords {
    std::vector<RankingItem> items;          // in data order, records with at least one answer
    std::vector<UnsampledRecord> unsampled;  // records without any answer
    int answers = 0;                         // answers judged in the sandbox by this call
    int reused = 0;                          // verdicts taken from the journal instead
    bool cancelled = false;                  // `cancel` stopped the run; `items` is then empty
};

// Called after each verdict with (answers judged, answers to judge: those the journal lacks).
using JudgingProgress = std::function<void(int done, int total)>;

// Groups `groups` by record and judges every answer on the pool's workers.
// FormatError naming the group's location for a task id that is not in
// `records`. Data answers are ranked under their own source and temperature.
JudgedRecords judgeSampleGroups(SandboxPool& pool, const std::vector<TrainingRecord>& records,
                                const std::vector<SampleGroup>& groups, const AnswerJudgingOptions& options = {},
                                const JudgingProgress& progress = {}, const CancellationToken& cancel = {});

}  // namespace rrtf
