#include "evaluation/evaluator.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "evaluation/sha256.h"
#include "runtime/error.h"
#include "runtime/parallel_for.h"
#include "runtime/version.h"

namespace rrtf {
namespace {

using nlohmann::json;

json settingsJson(const EvaluationOptions& options) {
    const TimeoutPolicy& t = options.timeouts;
    return {{"limits", sandboxLimitsJson(options.baseLimits)},
            {"timeouts", {{"floor_s", t.floorSeconds}, {"factor", t.factor}, {"cap_s", t.capSeconds},
                          {"wall_slack_s", t.wallSlackSeconds}}},
            {"calibrate", options.calibrate},
            {"split", options.preferSplit},
            {"challenge_tests", options.taskOptions.includeChallengeTests}};
}

// Generous limits for reference solutions: they are trusted to finish, and their
// time is what the candidates' limits are scaled from.
JudgeLimits referenceLimits(const EvaluationOptions& options) {
    JudgeLimits limits = options.baseLimits;
    limits.cpuSeconds = options.timeouts.capSeconds;
    limits.wallSeconds = options.timeouts.capSeconds + options.timeouts.wallSlackSeconds;
    return limits;
}

}  // namespace

JudgeLimits limitsFor(const TimeoutPolicy& policy, const JudgeLimits& base, double referenceMs) {
    JudgeLimits limits = base;
    double seconds = std::max(policy.floorSeconds, policy.factor * referenceMs / 1000.0);
    seconds = std::min(seconds, policy.capSeconds);
    limits.cpuSeconds = std::ceil(seconds);
    limits.wallSeconds = limits.cpuSeconds + policy.wallSlackSeconds;
    return limits;
}

std::string evaluationRunKey(const ProblemSet& problems, const SampleFile& samples, const EvaluationOptions& options) {
    return sha256Hex(problems.sha256() + "\n" + samples.sha256 + "\n" + settingsJson(options).dump());
}

std::string humanEvalResultText(const Verdict& verdict) {
    if (verdict.outcome == Outcome::Passed) return "passed";
    if (verdict.outcome == Outcome::Timeout) return "timed out";
    std::string text = "failed: " + std::string(outcomeName(verdict.outcome));
    if (!verdict.detail.empty()) text += ": " + verdict.detail;
    return text;
}

ReferenceCheck Evaluator::checkReferences(const ProblemSet& problems, const EvaluationOptions& options,
                                          const ProgressCallback& progress, const CancellationToken& cancel) {
    if (const std::string reason = noTestsReason(problems); !reason.empty()) throw InvalidArgument(reason);
    std::vector<const Problem*> withReference;
    std::vector<std::pair<const Problem*, JudgeTask>> stubs;
    for (const Problem& problem : problems) {
        if (!problem.canonicalSolution.empty()) withReference.push_back(&problem);
        else if (std::optional<JudgeTask> stub = buildStubTask(problem)) stubs.emplace_back(&problem, std::move(*stub));
    }

    ReferenceCheck check;
    std::mutex mutex;
    EvaluationProgress state{"checking references", 0, int(withReference.size() + stubs.size()), 0};
    const JudgeLimits limits = referenceLimits(options);
    parallelFor(int(withReference.size() + stubs.size()), m_pool.workers(), cancel, [&](int i) {
        if (size_t(i) >= withReference.size()) {
            // No reference: its tests must run and fail on a wrong answer. Nothing is timed.
            auto& [problem, task] = stubs[size_t(i) - withReference.size()];
            Verdict verdict = m_pool.judge(task, limits);
            std::lock_guard lock(mutex);
            ++check.stubsChecked;
            if (verdict.outcome != Outcome::Failed) check.brokenStubs.push_back({problem->taskId, std::move(verdict)});
            else ++state.passed;
            ++state.done;
            if (progress) progress(state);
            return;
        }
        const Problem& problem = *withReference[size_t(i)];
        JudgeTask task = buildReferenceTask(problem, options.taskOptions);
        task.preferSplit = options.preferSplit;
        task.allowFallback = true;  // the reference is trusted: if it needs level A, so be it
        Verdict verdict = m_pool.judge(task, limits);
        if (m_workspace && verdict.outcome != Outcome::SandboxError)
            m_workspace->recordReferenceTiming(problems.sha256(), problem.taskId, verdict.wallMs, verdict.cpuMs,
                                               verdict.outcome, verdict.level);
        std::lock_guard lock(mutex);
        ++check.checked;
        check.wallMs[problem.taskId] = verdict.wallMs;
        if (!verdict.fallbackReason.empty()) check.needsInProcess.insert(problem.taskId);
        if (!verdict.passed()) check.failures.push_back({problem.taskId, std::move(verdict)});
        else ++state.passed;
        ++state.done;
        if (progress) progress(state);
    });
    const auto byTask = [](const ReferenceFailure& a, const ReferenceFailure& b) { return a.taskId < b.taskId; };
    std::sort(check.failures.begin(), check.failures.end(), byTask);
    std::sort(check.brokenStubs.begin(), check.brokenStubs.end(), byTask);
    return check;
}

SampleJudge::SampleJudge(SandboxPool& pool, const ProblemSet& problems, EvaluationOptions options,
                         ReferenceCheck calibration)
    : m_pool(pool), m_problems(problems), m_options(std::move(options)), m_calibration(std::move(calibration)) {}

JudgeTask SampleJudge::task(const Sample& sample) const {
    const Problem* problem = m_problems.find(sample.taskId);
    if (!problem) throw InvalidArgument("no problem with task_id \"" + sample.taskId + "\" in " +
                                        m_problems.sourcePath().string());
    JudgeTask task = buildJudgeTask(*problem, sample, m_options.taskOptions);
    task.preferSplit = m_options.preferSplit;
    task.allowFallback = m_calibration.needsInProcess.count(sample.taskId) > 0;
    return task;
}

JudgeLimits SampleJudge::limits(const std::string& taskId) const {
    auto reference = m_calibration.wallMs.find(taskId);
    return limitsFor(m_options.timeouts, m_options.baseLimits,
                     reference == m_calibration.wallMs.end() ? 0 : reference->second);
}

Verdict SampleJudge::judgeOnce(const JudgeTask& task, bool recheck) const {
    Verdict verdict = m_pool.judge(task, limits(task.taskId));
    verdict.rechecked = recheck;
    return verdict;
}

Verdict SampleJudge::judge(const JudgeTask& task) const {
    Verdict verdict = judgeOnce(task);
    // A sandbox error is the machine's: one more run, on the fresh helper the pool started.
    if (verdict.outcome == Outcome::SandboxError) verdict = judgeOnce(task);
    if (m_options.recheckTimeouts && verdict.outcome == Outcome::Timeout) verdict = judgeOnce(task, true);
    return verdict;
}

ReferenceCheck Evaluator::calibration(const ProblemSet& problems, const EvaluationOptions& options,
                                      const ProgressCallback& progress, const CancellationToken& cancel) {
    return options.calibrate ? references(problems, options, progress, cancel) : ReferenceCheck{};
}

SampleJudge Evaluator::sampleJudge(const ProblemSet& problems, const EvaluationOptions& options,
                                   const ProgressCallback& progress, const CancellationToken& cancel) {
    return SampleJudge(m_pool, problems, options, calibration(problems, options, progress, cancel));
}

ReferenceCheck Evaluator::references(const ProblemSet& problems, const EvaluationOptions& options,
                                    const ProgressCallback& progress, const CancellationToken& cancel) {
    // Nothing to time (LeetCode): the stub checks are for `rrtf check`, not for calibration.
    if (std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.canonicalSolution.empty(); }))
        return {};
    if (m_workspace) {
        ReferenceCheck cached;
        for (const auto& [task, timing] : m_workspace->referenceTimings(problems.sha256())) {
            cached.wallMs[task] = timing.wallMs;
            if (timing.level == "in-process") cached.needsInProcess.insert(task);
        }
        bool complete = std::all_of(problems.begin(), problems.end(), [&](const Problem& p) {
            return p.canonicalSolution.empty() || cached.wallMs.count(p.taskId);
        });
        if (complete) return cached;
    }
    return checkReferences(problems, options, progress, cancel);
}

EvaluationResult Evaluator::evaluate(const ProblemSet& problems, const SampleFile& samples,
                                     const EvaluationOptions& options, const ProgressCallback& progress,
                                     const CancellationToken& cancel) {
    if (const std::string reason = noTestsReason(problems); !reason.empty()) throw InvalidArgument(reason);
    validateSamples(samples, problems);
    const SampleJudge judge = sampleJudge(problems, options, progress, cancel);

    EvaluationResult result;
    result.runKey = evaluationRunKey(problems, samples, options);
    result.samples.resize(samples.samples.size());
    std::vector<bool> have(samples.samples.size(), false);
    if (m_workspace) {
        EvalRun run = m_workspace->findOrCreateRun({result.runKey, problems.sourcePath().string(),
                                                    problems.sha256(), samples.sourcePath.string(), samples.sha256,
                                                    settingsJson(options), std::string(projectVersion())});
        result.runId = run.id;
        for (StoredVerdict& stored : m_workspace->verdicts(run.id)) {
            auto index = size_t(stored.sampleIndex);
            // A sandbox error says nothing about the sample (its helper was killed, the
            // machine ran out of something): judged again, and the new verdict replaces it.
            if (index >= have.size() || stored.verdict.outcome == Outcome::SandboxError) continue;
            result.samples[index].verdict = std::move(stored.verdict);
            result.samples[index].resumed = have[index] = true;
            ++result.resumed;
        }
    }
    for (size_t i = 0; i < samples.samples.size(); ++i) result.samples[i].sample = &samples.samples[i];

    std::mutex mutex;
    auto judgeAll = [&](const std::vector<size_t>& indexes, const std::string& phase, int threads, bool recheck) {
        EvaluationProgress state{phase, 0, int(indexes.size()), 0};
        parallelFor(int(indexes.size()), threads, cancel, [&](int i) {
            size_t index = indexes[size_t(i)];
            const Sample& sample = samples.samples[index];
            // One run per pass: the re-check of timeouts is a pass of its own, with half the parallelism.
            Verdict verdict = judge.judgeOnce(judge.task(sample), recheck);
            if (m_workspace)
                m_workspace->recordVerdict(result.runId, {int(index), sample.taskId, std::to_string(sample.completionId),
                                                          sample.text, verdict});
            std::lock_guard lock(mutex);
            result.samples[index].verdict = std::move(verdict);
            result.samples[index].resumed = false;
            have[index] = true;
            state.passed += result.samples[index].verdict.passed();
            ++state.done;
            if (progress) progress(state);
        });
    };

    std::vector<size_t> pending;
    for (size_t i = 0; i < have.size(); ++i)
        if (!have[i]) pending.push_back(i);
    judgeAll(pending, "judging", m_pool.workers(), false);

    if (!cancel.isCancelled()) {
        // A sandbox error is the machine's (a helper killed under the program, one that
        // hung), not the sample's: one more run, on the fresh helper the pool started.
        std::vector<size_t> lost;
        for (size_t i = 0; i < have.size(); ++i)
            if (have[i] && result.samples[i].verdict.outcome == Outcome::SandboxError) lost.push_back(i);
        judgeAll(lost, "re-judging sandbox errors", m_pool.workers(), false);
    }
    if (options.recheckTimeouts && !cancel.isCancelled()) {
        // Timeouts are where machine load flips results: look again, with half the parallelism.
        std::vector<size_t> timeouts;
        for (size_t i = 0; i < have.size(); ++i)
            if (have[i] && result.samples[i].verdict.outcome == Outcome::Timeout && !result.samples[i].verdict.rechecked)
                timeouts.push_back(i);
        judgeAll(timeouts, "re-checking timeouts", std::max(1, m_pool.workers() / 2), true);
    }
    for (size_t i = 0; i < have.size(); ++i) result.samples[i].judged = have[i];
    result.cancelled = cancel.isCancelled() || std::count(have.begin(), have.end(), false) > 0;

    // pass@k over attempted problems; a sandbox error is the machine's fault, not the model's.
    std::map<std::string, ProblemCounts> counts;
    for (size_t i = 0; i < have.size(); ++i) {
        if (!have[i]) continue;
        const Verdict& verdict = result.samples[i].verdict;
        ++result.outcomes[std::string(outcomeName(verdict.outcome))];
        if (verdict.outcome == Outcome::SandboxError) continue;
        ProblemCounts& entry = counts[samples.samples[i].taskId];
        entry.taskId = samples.samples[i].taskId;
        ++entry.samples;
        entry.correct += verdict.passed();
    }
    for (const Problem& problem : problems)
        if (auto found = counts.find(problem.taskId); found != counts.end()) result.perProblem.push_back(found->second);
    if (!result.perProblem.empty()) result.passAtK = computePassAtK(result.perProblem, options.ks);
    if (m_workspace && !result.cancelled) m_workspace->markRunFinished(result.runId);
    return result;
}

}  // namespace rrtf
