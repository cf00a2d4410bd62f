// Runs a benchmark: every chosen model answers every problem of a problem set
// (greedy, or n samples at T / top-p), the sandbox judges each answer, and every
// verdict goes to the workspace as it arrives. Starting the same benchmark again
// (after Cancel, a crash or closing the window) continues where it stopped.
// Models generate on their own host threads; this object only routes.
#pragma once

#include "benchmark_runs.h"
#include "run_summaries.h"
#include "judge_service.h"
#include "model_host.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace rrtf {

class ModelListModel;
class ProblemSet;

class BenchmarkRunner : public QObject {
    Q_OBJECT
public:
    BenchmarkRunner(ModelListModel& models, JudgeWorker& judge, QObject* parent = nullptr);
    ~BenchmarkRunner() override;

    void setWorkspace(Workspace* workspace) { m_workspace = workspace; }
    // Starts (or resumes) one run per model row. Returns false with `error` set
    // when it cannot start (no workspace, no problems, a model not loaded). The
    // runs are opened in the workspace on the judge's thread; generation starts
    // when they are (a run whose verdicts are all stored then finishes at once).
    bool start(std::shared_ptr<const ProblemSet> problems, const QVector<int>& modelRows,
               const BenchmarkDecoding& decoding, QString* error = nullptr);
    void cancel();
    bool isRunning() const { return m_active > 0; }
    const std::vector<BenchmarkModelProgress>& progress() const { return m_progress; }
    int samplesDone() const;
    int samplesTotal() const;
    double etaSeconds() const;  // -1 while unknown

Q_SIGNALS:
    void progressChanged();
    void finished(bool cancelled);

private:
    struct ModelJob;
    // What the judge's thread read of one model's run when it opened it.
    struct OpenedRun {
        std::int64_t runId = 0;
        std::vector<std::pair<int, bool>> verdicts;  // stored sample index, passed
        GenerationStats generation;
    };
    void openRuns(std::vector<EvalRunSpec> specs);
    void runsOpened(quint64 session, const std::vector<OpenedRun>& opened, const QString& error);
    void requestNext(ModelJob& job);
    void onGenerated(ModelJob& job, const PaneResult& result);
    void recordSpeed(const ModelJob& job, const PaneResult& result);
    void onJudged(const AnswerVerdict& verdict);
    void finishJob(ModelJob& job, const QString& status);
    // "failed: <why>" when a verdict could not be stored, else "cancelled" or "done".
    QString endStatus(const ModelJob& job) const;
    // Runs `write` on the judge's thread, on its connection to the workspace.
    void writeLater(std::function<void(Workspace&)> write);

    ModelListModel& m_models;
    JudgeWorker& m_judge;
    Workspace* m_workspace = nullptr;
    std::shared_ptr<const ProblemSet> m_problems;
    BenchmarkDecoding m_decoding;
    std::vector<std::unique_ptr<ModelJob>> m_jobs;
    std::vector<BenchmarkModelProgress> m_progress;
    struct PendingAnswer {
        std::size_t job;
        int sampleIndex;
        QString taskId;
    };
    std::map<quint64, PendingAnswer> m_pending;  // answer id → where its verdict goes
    quint64 m_nextAnswer = (quint64(1) << 62);   // apart from the side-by-side panes' ids
    int m_active = 0;
    quint64 m_session = 0;  // one per start: what the judge's thread opened belongs to it
    bool m_cancelled = false;
    int m_judgedThisSession = 0;
    QElapsedTimer m_clock;
};

// The key that identifies a benchmark run: the same problems, checkpoint,
// template and decoding find the same stored run.
std::string benchmarkRunKey(const std::string& problemSetSha256, const QString& fingerprint,
                            const QString& promptTemplate, const BenchmarkDecoding& decoding);

}  // namespace rrtf
