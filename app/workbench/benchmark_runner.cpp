#include "benchmark_runner.h"

#include "evaluation/problem_set.h"
#include "evaluation/sha256.h"
#include "evaluation/verdict.h"

#include "compare_view.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "problem_list_model.h"

#include <nlohmann/json.hpp>

#include <set>

namespace rrtf {

struct BenchmarkRunner::ModelJob {
    std::size_t index = 0;  // into m_jobs and m_progress
    int modelRow = 0;
    ModelSlot slot;
    std::int64_t runId = 0;
    std::set<int> recorded;       // sample indexes with a verdict
    std::size_t nextProblem = 0;  // the next problem to generate for
    quint64 requestId = 0;        // the generation in flight (0: none)
    int pendingJudgements = 0;
    bool generating = true;
    QString failure;  // set when a verdict could not be stored: the job stops with it
    QMetaObject::Connection connection;
};

std::string benchmarkRunKey(const std::string& problemSetSha256, const QString& fingerprint,
                            const QString& promptTemplate, const BenchmarkDecoding& decoding)
{
    const nlohmann::json identity = {
        {"problem_set_sha256", problemSetSha256},
        {"fingerprint", fingerprint.toStdString()},
        {"template", promptTemplate.toStdString()},
        {"greedy", decoding.greedy},
        {"temperature", decoding.greedy ? 0.0 : decoding.temperature},
        {"top_p", decoding.greedy ? 1.0 : decoding.topP},
        {"n", decoding.samplesPerProblem},
        {"seed", decoding.seed},
        {"max_new_tokens", decoding.maxNewTokens},
        {"stop_sequences", decoding.stopSequences.join(QChar(0)).toStdString()},
    };
    return "benchmark:" + sha256Hex(identity.dump());
}

BenchmarkRunner::BenchmarkRunner(ModelListModel& models, JudgeWorker& judge, QObject* parent)
    : QObject(parent), m_models(models), m_judge(judge)
{
    connect(&m_judge, &JudgeWorker::judged, this, &BenchmarkRunner::onJudged);
}

BenchmarkRunner::~BenchmarkRunner() = default;

bool BenchmarkRunner::start(std::shared_ptr<const ProblemSet> problems, const QVector<int>& modelRows,
                            const BenchmarkDecoding& decoding, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (isRunning())
        return fail(tr("A benchmark is already running."));
    if (!m_workspace)
        return fail(tr("No workspace is open."));
    if (!problems || problems->empty())
        return fail(tr("Open a problem set first."));
    if (!noTestsReason(*problems).empty())
        return fail(tr("%1: %2 Its prompts can still be run side by side.")
                        .arg(QString::fromStdString(problems->sourcePath().string()), ProblemListModel::noTestsText()));
    if (modelRows.isEmpty())
        return fail(tr("Pick at least one model."));
    for (int row : modelRows)
        if (m_models.stateAt(row) != ModelState::Loaded)
            return fail(tr("%1 is not loaded.").arg(m_models.slotAt(row).name));

    m_problems = std::move(problems);
    m_decoding = decoding;
    if (m_decoding.greedy)
        m_decoding.samplesPerProblem = 1;
    m_jobs.clear();
    m_progress.clear();
    m_pending.clear();
    m_cancelled = false;
    m_judgedThisSession = 0;
    m_clock.start();
    const int n = m_decoding.samplesPerProblem;
    std::vector<EvalRunSpec> specs;
    for (int row : modelRows) {
        auto job = std::make_unique<ModelJob>();
        job->index = m_jobs.size();
        job->modelRow = row;
        job->slot = m_models.slotAt(row);
        const LoadedModelInfo& info = m_models.infoAt(row);
        EvalRunSpec spec;
        spec.key = benchmarkRunKey(m_problems->sha256(), info.configSha256, promptTemplateIdentity(job->slot), m_decoding);
        spec.problemSetPath = m_problems->sourcePath().string();
        spec.problemSetSha256 = m_problems->sha256();
        spec.samplesPath = "generated:" + job->slot.name.toStdString();
        spec.samplesSha256 = spec.key;
        spec.engineVersion = engineVersion().toStdString();
        spec.settings = {
            {"kind", "benchmark"},
            {"model", job->slot.name.toStdString()},
            {"checkpoint", job->slot.directory.toStdString()},
            {"fingerprint", info.configSha256.toStdString()},
            {"template", promptTemplateIdentity(job->slot).toStdString()},
            {"decoding", m_decoding.label().toStdString()},
            {"greedy", m_decoding.greedy},
            {"temperature", m_decoding.temperature},
            {"top_p", m_decoding.topP},
            {"n", n},
            {"seed", m_decoding.seed},
            {"max_new_tokens", m_decoding.maxNewTokens},
        };
        std::vector<std::string> stops;
        for (const QString& stop : m_decoding.stopSequences)
            stops.push_back(stop.toStdString());
        spec.settings["stop_sequences"] = stops;
        specs.push_back(std::move(spec));

        BenchmarkModelProgress progress;
        progress.model = job->slot.name;
        progress.decoding = m_decoding.label();
        progress.problemSetPath = QString::fromStdString(m_problems->sourcePath().string());
        progress.total = static_cast<int>(m_problems->size()) * n;
        progress.status = tr("generating");
        for (const Problem& problem : *m_problems)
            progress.counts.push_back({problem.taskId, 0, 0});
        m_progress.push_back(progress);
        ModelJob* raw = job.get();
        job->connection = connect(m_models.hostAt(row), &ModelHost::generationFinished, this,
                                  [this, raw](const PaneResult& result) {
                                      if (result.id == raw->requestId)
                                          onGenerated(*raw, result);
                                  });
        m_jobs.push_back(std::move(job));
    }
    m_active = static_cast<int>(m_jobs.size());
    openRuns(std::move(specs));
    Q_EMIT progressChanged();
    return true;
}

// The runs are found or created, and their stored verdicts read, on the judge's
// thread: creating one is a commit, which may wait for another writer of the
// workspace, and the GUI thread never waits. Generation starts when they are back.
void BenchmarkRunner::openRuns(std::vector<EvalRunSpec> specs)
{
    const quint64 session = ++m_session;
    JudgeWorker* judge = &m_judge;
    const QString path = QString::fromStdString(m_workspace->path().string());
    QMetaObject::invokeMethod(
        judge,
        [this, judge, path, specs = std::move(specs), session] {
            auto opened = std::make_shared<std::vector<OpenedRun>>();
            const QString error = judge->access(path, [&](Workspace& workspace) {
                for (const EvalRunSpec& spec : specs) {
                    OpenedRun run;
                    run.runId = workspace.findOrCreateRun(spec).id;
                    // A stored sandbox error says nothing of the answer: generated and judged again.
                    for (const StoredVerdict& stored : workspace.verdicts(run.runId))
                        if (stored.verdict.outcome != Outcome::SandboxError)
                            run.verdicts.push_back({stored.sampleIndex, stored.verdict.outcome == Outcome::Passed});
                    run.generation = workspace.generationStats(run.runId).value_or(GenerationStats{});
                    opened->push_back(std::move(run));
                }
            });
            // The runner outlives the judge's thread: the window joins that thread
            // before its children (this runner among them) go.
            QMetaObject::invokeMethod(
                this, [this, session, opened, error] { runsOpened(session, *opened, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void BenchmarkRunner::runsOpened(quint64 session, const std::vector<OpenedRun>& opened, const QString& error)
{
    if (session != m_session)
        return;
    if (!error.isEmpty() || opened.size() != m_jobs.size()) {
        for (auto& job : m_jobs) {
            job->generating = false;
            finishJob(*job, tr("failed: %1").arg(error));
        }
        return;
    }
    const int n = m_decoding.samplesPerProblem;
    for (std::size_t i = 0; i < m_jobs.size(); ++i) {
        ModelJob& job = *m_jobs[i];
        BenchmarkModelProgress& progress = m_progress[i];
        job.runId = opened[i].runId;
        progress.runId = opened[i].runId;
        for (const auto& [sampleIndex, passed] : opened[i].verdicts) {
            const std::size_t problem = static_cast<std::size_t>(sampleIndex / n);
            if (problem >= progress.counts.size())
                continue;
            job.recorded.insert(sampleIndex);
            ++progress.done;
            ++progress.counts[problem].samples;
            if (passed) {
                ++progress.passed;
                ++progress.counts[problem].correct;
            }
        }
        progress.generation = opened[i].generation;
    }
    for (auto& job : m_jobs)
        requestNext(*job);
    Q_EMIT progressChanged();
}

void BenchmarkRunner::requestNext(ModelJob& job)
{
    const int n = m_decoding.samplesPerProblem;
    auto missing = [&](std::size_t problem) {
        for (int s = 0; s < n; ++s)
            if (!job.recorded.count(static_cast<int>(problem) * n + s))
                return true;
        return false;
    };
    while (job.nextProblem < m_problems->size() && !missing(job.nextProblem))
        ++job.nextProblem;
    if (m_cancelled || !job.failure.isEmpty() || job.nextProblem >= m_problems->size()) {
        job.generating = false;
        job.requestId = 0;
        if (job.pendingJudgements == 0)
            finishJob(job, endStatus(job));
        return;
    }
    const Problem& problem = (*m_problems)[job.nextProblem];
    PaneRequest request;
    request.id = m_nextAnswer++;
    request.numSamples = n;
    request.stream = false;
    request.sampling.greedy = m_decoding.greedy;
    request.sampling.temperature = m_decoding.temperature;
    request.sampling.topP = m_decoding.topP;
    request.sampling.seed = m_decoding.seed;
    request.sampling.maxNewTokens = m_decoding.maxNewTokens;
    request.sampling.stopSequences = modelStopSequences(m_decoding.stopSequences, promptIsCode(problem), job.slot,
                                                        QString::fromStdString(problem.instructionPrompt));
    request.promptText = problemModelPrompt(problem, job.slot);
    job.requestId = request.id;
    QMetaObject::invokeMethod(m_models.hostAt(job.modelRow), "generate", Qt::QueuedConnection,
                              Q_ARG(rrtf::PaneRequest, request));
}

void BenchmarkRunner::onGenerated(ModelJob& job, const PaneResult& result)
{
    job.requestId = 0;
    if (m_cancelled || result.finishReason == QLatin1String("cancelled")) {
        // A cut-off answer is not the model's answer: nothing of it is judged or stored.
        job.generating = false;
        if (job.pendingJudgements == 0)
            finishJob(job, endStatus(job));
        return;
    }
    if (!job.failure.isEmpty()) {
        // Its verdicts can no longer be stored: these answers are generated again on resume.
        job.generating = false;
        if (job.pendingJudgements == 0)
            finishJob(job, job.failure);
        return;
    }
    if (!result.error.isEmpty()) {
        job.generating = false;
        finishJob(job, tr("failed: %1").arg(result.error));
        return;
    }
    recordSpeed(job, result);
    const int n = m_decoding.samplesPerProblem;
    const Problem& problem = (*m_problems)[job.nextProblem];
    for (int s = 0; s < n && s < result.texts.size(); ++s) {
        const int sampleIndex = static_cast<int>(job.nextProblem) * n + s;
        if (job.recorded.count(sampleIndex))
            continue;
        const quint64 answerId = m_nextAnswer++;
        const QString taskId = QString::fromStdString(problem.taskId);
        m_pending[answerId] = {job.index, sampleIndex, taskId};
        ++job.pendingJudgements;
        // Judged and stored in the workspace off this thread; onJudged hears when both are done.
        JudgeRequest request{answerId, taskId, result.texts[s], false, {}};
        request.store.workspacePath = QString::fromStdString(m_workspace->path().string());
        request.store.runId = job.runId;
        request.store.sampleIndex = sampleIndex;
        request.store.completionId = problem.taskId + "#" + std::to_string(s);
        JudgeWorker* judge = &m_judge;
        QMetaObject::invokeMethod(judge, [judge, request] { judge->submit(request); }, Qt::QueuedConnection);
    }
    ++job.nextProblem;
    requestNext(job);  // the next problem generates while this one is judged
}

void BenchmarkRunner::recordSpeed(const ModelJob& job, const PaneResult& result)
{
    const LoadedModelInfo& info = m_models.infoAt(job.modelRow);
    GenerationStats call;
    call.answers = result.texts.size();
    call.newTokens = result.allNewTokens;
    call.generateMs = result.totalMs;
    call.weightBytes = info.weightBytes;
    call.device = job.slot.device.toStdString();
    // The precision the model runs in ("gptq4 g128" for a GPTQ folder), so a run
    // of a model and one of its quantised copy tell apart on the leaderboard.
    call.dtype = (info.precision.isEmpty() ? job.slot.dtype : info.precision).toStdString();
    m_progress[job.index].generation.add(call);
    // Speed is a figure to show, not a result: the judge's thread writes it, errors dropped.
    writeLater([runId = job.runId, call](Workspace& workspace) { workspace.addGenerationStats(runId, call); });
}

void BenchmarkRunner::writeLater(std::function<void(Workspace&)> write)
{
    JudgeWorker* judge = &m_judge;
    const QString path = QString::fromStdString(m_workspace->path().string());
    QMetaObject::invokeMethod(
        judge, [judge, path, write = std::move(write)] { judge->write(path, write); }, Qt::QueuedConnection);
}

void BenchmarkRunner::onJudged(const AnswerVerdict& judged)
{
    const auto found = m_pending.find(judged.answerId);
    if (found == m_pending.end() || !m_workspace)
        return;
    const PendingAnswer answer = found->second;
    m_pending.erase(found);
    ModelJob& job = *m_jobs[answer.job];
    BenchmarkModelProgress& progress = m_progress[answer.job];
    --job.pendingJudgements;

    // The judge's thread has stored it, or says why not (a full disk, a read-only or
    // locked workspace): then this model's run stops, as nothing judged after it could
    // be kept; what was stored stays, and Start resumes from it once the fault is gone.
    if (!judged.storeError.isEmpty()) {
        if (job.failure.isEmpty())
            job.failure = tr("failed: %1").arg(judged.storeError);
        progress.status = job.failure;
    } else {
        job.recorded.insert(answer.sampleIndex);
        ++progress.done;
        ++m_judgedThisSession;
        ProblemCounts& counts =
            progress.counts[static_cast<std::size_t>(answer.sampleIndex / m_decoding.samplesPerProblem)];
        ++counts.samples;
        if (judged.verdict.outcome == Outcome::Passed) {
            ++progress.passed;
            ++counts.correct;
        }
    }
    if (!job.generating && job.pendingJudgements == 0)
        finishJob(job, endStatus(job));
    Q_EMIT progressChanged();
}

QString BenchmarkRunner::endStatus(const ModelJob& job) const
{
    if (!job.failure.isEmpty())
        return job.failure;
    return m_cancelled ? tr("cancelled") : tr("done");
}

void BenchmarkRunner::finishJob(ModelJob& job, const QString& status)
{
    if (!job.connection)
        return;  // already finished
    disconnect(job.connection);
    job.connection = {};
    m_progress[job.index].status = status;
    if (status == tr("done"))  // after every verdict of the run: the judge's thread wrote those first
        writeLater([runId = job.runId](Workspace& workspace) { workspace.markRunFinished(runId); });
    if (--m_active == 0)
        Q_EMIT finished(m_cancelled);
    Q_EMIT progressChanged();
}

void BenchmarkRunner::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    for (auto& job : m_jobs)
        if (job->requestId)
            m_models.hostAt(job->modelRow)->cancel(job->requestId);
}

int BenchmarkRunner::samplesDone() const
{
    int done = 0;
    for (const auto& progress : m_progress)
        done += progress.done;
    return done;
}

int BenchmarkRunner::samplesTotal() const
{
    int total = 0;
    for (const auto& progress : m_progress)
        total += progress.total;
    return total;
}

double BenchmarkRunner::etaSeconds() const
{
    if (m_judgedThisSession == 0)
        return -1;
    const double perSample = m_clock.elapsed() / 1000.0 / m_judgedThisSession;
    return perSample * (samplesTotal() - samplesDone());
}

}  // namespace rrtf
