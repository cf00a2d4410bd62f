#include "training/answer_judging.h"

#include "evaluation/sandbox_pool.h"
#include "evaluation/task_builder.h"
#include "runtime/error.h"
#include "runtime/parallel_for.h"
#include "training/verdict_journal.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace rrtf {
namespace {

// Where one answer goes: item, teacher or student list, index in that list.
struct AnswerSlot {
    std::size_t item = 0;
    bool teacher = false;
    std::size_t index = 0;
    const TrainingRecord* record = nullptr;
    AnswerKey key;          // how the journal knows it
    ProgramHashes hashes;   // set only with a journal
};

}  // namespace

JudgeTask answerJudgeTask(const TrainingRecord& record, std::string_view response)
{
    // Only the code is judged, as only the code is trained on (paper §3.5).
    return buildJudgeTask(trainingProblem(record), extractCode(response), /*isFullSolution=*/true);
}

JudgedRecords judgeSampleGroups(SandboxPool& pool, const std::vector<TrainingRecord>& records,
                                const std::vector<SampleGroup>& groups, const AnswerJudgingOptions& options,
                                const JudgingProgress& progress, const CancellationToken& cancel)
{
    std::unordered_map<std::string, std::size_t> recordIndex;
    for (std::size_t i = 0; i < records.size(); ++i)
        recordIndex.emplace(records[i].taskId, i);

    // Items in data order: the groups of each record, in file order.
    std::vector<std::vector<const SampleGroup*>> byRecord(records.size());
    for (const SampleGroup& group : groups) {
        const auto it = recordIndex.find(group.taskId);
        if (it == recordIndex.end())
            throw FormatError((group.location.empty() ? std::string("samples") : group.location) + ": task_id \"" +
                              group.taskId + "\" is not in the training data");
        byRecord[it->second].push_back(&group);
    }

    JudgedRecords result;
    std::vector<AnswerSlot> slots;
    std::vector<std::string_view> texts;
    for (std::size_t r = 0; r < records.size(); ++r) {
        if (byRecord[r].empty()) {
            std::string reason = "no answers in the samples file";
            if (options.dataAnswersOnly)
                reason = records[r].solution.empty()
                             ? "no samples file given, and the record has no \"answers\" of its own to rank"
                             : "no samples file given, and the record has no \"answers\" of its own to rank "
                               "(its reference \"solution\" is not ranked)";
            result.unsampled.push_back({records[r].taskId, std::move(reason)});
            continue;
        }
        RankingItem item;
        item.taskId = records[r].taskId;
        item.instruction = records[r].instruction;
        for (const SampleGroup* group : byRecord[r]) {
            auto& list = group->role == AnswerRole::Teacher ? item.teacherAnswers : item.studentAnswers;
            for (const SampledAnswer& answer : group->answers) {
                JudgedAnswer judged;
                judged.text = answer.text;
                judged.model = group->fromData() && !answer.source.empty() ? answer.source : group->modelName;
                judged.temperature = answer.temperature.value_or(group->temperature.value_or(0.0));
                slots.push_back({result.items.size(), group->role == AnswerRole::Teacher, list.size(), &records[r],
                                 {group->taskId, group->role, group->modelKey(), answer.index}, {}});
                texts.push_back(answer.text);
                list.push_back(std::move(judged));
            }
        }
        result.items.push_back(std::move(item));
    }

    // Verdicts the journal already holds for the same program are placed now;
    // only the others go to the sandbox.
    std::vector<std::size_t> toJudge;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        AnswerSlot& slot = slots[i];
        if (options.journal) {
            slot.hashes = programHashes(answerJudgeTask(*slot.record, texts[i]));
            if (const Verdict* known = options.journal->find(slot.key, slot.hashes)) {
                RankingItem& item = result.items[slot.item];
                (slot.teacher ? item.teacherAnswers : item.studentAnswers)[slot.index].verdict = *known;
                ++result.reused;
                continue;
            }
        }
        toJudge.push_back(i);
    }

    const int total = int(toJudge.size());
    std::atomic<int> done{0};
    std::mutex progressMutex;
    // A worker's error (the journal's disk full) stops the others and is raised here.
    parallelFor(total, pool.workers(), cancel, [&](int i) {
        const std::size_t s = toJudge[std::size_t(i)];
        const AnswerSlot& slot = slots[s];
        JudgeTask task = answerJudgeTask(*slot.record, texts[s]);
        task.preferSplit = options.preferSplit;
        Verdict verdict = pool.judge(task, options.limits);
        // A sandbox error is the machine's (a helper killed under the program): one
        // more run, on the fresh helper the pool started.
        if (verdict.outcome == Outcome::SandboxError && !cancel.isCancelled())
            verdict = pool.judge(task, options.limits);
        // A sandbox failure says nothing about the answer (a Ctrl-C reaches the
        // sandbox helpers too): not kept, so that the next run judges it again.
        if (options.journal && verdict.outcome != Outcome::SandboxError)
            options.journal->append(slot.key, slot.hashes, verdict);
        RankingItem& item = result.items[slot.item];
        (slot.teacher ? item.teacherAnswers : item.studentAnswers)[slot.index].verdict = std::move(verdict);
        const int finished = ++done;
        if (progress) {
            std::lock_guard lock(progressMutex);
            progress(finished, total);
        }
    });

    result.answers = done.load();
    if (cancel.isCancelled() && result.answers < total) {
        result.cancelled = true;
        result.items.clear();  // half-judged items would rank unjudged answers as sandbox errors
    }
    return result;
}

}  // namespace rrtf
