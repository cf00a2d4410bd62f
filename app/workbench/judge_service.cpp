#include "judge_service.h"

#include "benchmark_runs.h"
#include "pool_task.h"

#include "evaluation/evaluator.h"
#include "evaluation/fault_line.h"
#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "store/workspace.h"

#include <exception>

namespace rrtf {

QString AnswerVerdict::outcomeKey() const
{
    const std::string_view name = outcomeName(verdict.outcome);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

// A problem set with its calibrated judge: what every answer of that set is judged by.
struct JudgeWorker::Prepared {
    std::shared_ptr<const ProblemSet> problems;
    std::unique_ptr<SampleJudge> judge;
};

JudgeWorker::JudgeWorker()
{
    m_threads.setMaxThreadCount(defaultSandboxWorkers());
}

JudgeWorker::~JudgeWorker()
{
    m_cancel.cancel();
    m_threads.waitForDone();
}

void JudgeWorker::setProblemSet(std::shared_ptr<const ProblemSet> problems)
{
    std::lock_guard lock(m_mutex);
    m_problems = std::move(problems);
}

void JudgeWorker::setWorkspacePath(const QString& path)
{
    std::lock_guard lock(m_mutex);
    m_workspacePath = path;
}

int JudgeWorker::workers() const
{
    return m_threads.maxThreadCount();
}

// Runs on the worker's thread: the first answer of a problem set waits here for
// the reference solutions to be timed (or their times read from the workspace).
std::shared_ptr<const JudgeWorker::Prepared> JudgeWorker::prepare(std::shared_ptr<const ProblemSet> problems)
{
    if (auto found = m_prepared.find(problems->sha256()); found != m_prepared.end())
        return found->second;
    if (!m_pool) {
        SandboxOptions options;
        options.workers = defaultSandboxWorkers();  // as rrtf eval without --workers
        m_pool = std::make_unique<SandboxPool>(options);
    }
    QString workspacePath;
    {
        std::lock_guard lock(m_mutex);
        workspacePath = m_workspacePath;
    }
    std::shared_ptr<Workspace> cache;
    if (!workspacePath.isEmpty()) {
        try {
            cache = workspaceAt(workspacePath);
        } catch (const std::exception&) {
            // The cache only saves time: calibrate without it.
        }
    }
    const EvaluationOptions options;  // rrtf eval's defaults
    auto prepared = std::make_shared<Prepared>();
    prepared->problems = problems;
    try {
        Evaluator evaluator(*m_pool, cache.get());
        prepared->judge = std::make_unique<SampleJudge>(evaluator.sampleJudge(*problems, options, {}, m_cancel));
    } catch (const DatabaseError&) {
        // The cache could not be written (a full disk, a locked or read-only workspace):
        // it only saves time, so calibrate without it. Storing verdicts reports the fault.
        Evaluator evaluator(*m_pool, nullptr);
        prepared->judge = std::make_unique<SampleJudge>(evaluator.sampleJudge(*problems, options, {}, m_cancel));
    }
    m_prepared[problems->sha256()] = prepared;
    return prepared;
}

std::shared_ptr<Workspace> JudgeWorker::workspaceAt(const QString& path)
{
    std::lock_guard lock(m_mutex);
    if (!m_store || m_store->path() != std::filesystem::path(path.toStdString()))
        m_store = std::make_shared<Workspace>(path.toStdString());
    return m_store;
}

// Runs on a judging thread, before `judged` is emitted: once that arrives, the
// verdict is in the workspace for every view that reads it.
void JudgeWorker::store(const VerdictTarget& target, AnswerVerdict& verdict, const std::string& completion)
{
    if (target.workspacePath.isEmpty())
        return;
    try {
        std::lock_guard lock(m_storeMutex);
        const std::shared_ptr<Workspace> workspace = workspaceAt(target.workspacePath);
        const std::int64_t runId = target.runId ? target.runId : workspace->findOrCreateRun(target.run).id;
        StoredVerdict stored;
        stored.sampleIndex = target.sampleIndex;
        if (stored.sampleIndex < 0) {
            const std::set<int> recorded = workspace->recordedSampleIndexes(runId);
            stored.sampleIndex = recorded.empty() ? 0 : *recorded.rbegin() + 1;
        }
        stored.taskId = verdict.taskId.toStdString();
        stored.completionId = target.completionId;
        stored.completion = completion;
        stored.verdict = verdict.verdict;
        workspace->recordVerdict(runId, stored);
        verdict.itemKey = annotationItemKey(runId, stored.sampleIndex);
    } catch (const std::exception& error) {
        verdict.storeError = QString::fromUtf8(error.what());
    }
}

void JudgeWorker::write(const QString& path, const std::function<void(Workspace&)>& write)
{
    // A run's speed or end time is a figure to show: the verdicts are what counts.
    access(path, write);
}

QString JudgeWorker::access(const QString& path, const std::function<void(Workspace&)>& work)
{
    try {
        std::lock_guard lock(m_storeMutex);
        work(*workspaceAt(path));
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

void JudgeWorker::submit(const JudgeRequest& request)
{
    AnswerVerdict result;
    result.answerId = request.answerId;
    result.taskId = request.taskId;
    std::shared_ptr<const Prepared> prepared;
    try {
        std::shared_ptr<const ProblemSet> problems;
        {
            std::lock_guard lock(m_mutex);
            problems = m_problems;
        }
        if (!problems || !problems->find(request.taskId.toStdString()))
            throw Error("no problem with task id \"" + request.taskId.toStdString() + "\" is open");
        prepared = prepare(problems);
    } catch (const std::exception& error) {
        result.verdict.outcome = Outcome::SandboxError;
        result.verdict.detail = error.what();
        Q_EMIT judged(result);
        return;
    }
    Sample sample;
    sample.taskId = request.taskId.toStdString();
    sample.text = request.answer.toStdString();
    sample.isFullSolution = request.isFullSolution;
    startPoolTask(m_threads, [this, prepared, sample, result, target = request.store]() mutable {
        if (m_cancel.isCancelled())
            return;
        try {
            const JudgeTask task = prepared->judge->task(sample);
            result.verdict = prepared->judge->judge(task);
            result.program = QString::fromStdString(task.candidateSource);
            result.tests = QString::fromStdString(task.testSource);
            // The program just judged; the reference only where there is a bug to find.
            std::string reference;
            const Problem* problem = prepared->problems->find(sample.taskId);
            if (problem && result.verdict.outcome != Outcome::Passed && result.verdict.outcome != Outcome::SyntaxError)
                reference = referenceProgram(*problem);
            result.failingLine = answerFaultLine(result.verdict, sample.text, task.candidateSource, reference);
        } catch (const std::exception& error) {
            result.verdict.outcome = Outcome::SandboxError;
            result.verdict.detail = error.what();
        }
        store(target, result, sample.text);
        Q_EMIT judged(result);
    });
}

}  // namespace rrtf
