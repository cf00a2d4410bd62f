// Runs answers against their problem's unit tests in the sandbox exactly as
// `rrtf eval` does (the engine's SampleJudge: limits from the reference
// solution's time, calibrated once per problem set and cached in the workspace,
// a timeout judged twice, level B preferred) with as many programs in parallel
// as rrtf eval's default. The worker lives on a thread of its own; each answer is
// judged on a pool thread, and `judged` comes back from there.
#pragma once

#include "evaluation/verdict.h"
#include "runtime/cancellation.h"
#include "store/workspace.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace rrtf {

class SandboxPool;
class ProblemSet;
class SampleJudge;

// A verdict for the GUI: the engine's Verdict (outcome, detail, test counts,
// as it is stored) and what the GUI adds to it.
struct AnswerVerdict {
    quint64 answerId = 0;
    QString taskId;
    int failingLine = 0;  // line of the answer the verdict points at (answerFaultLine), 0 when none
    QString program;      // what the candidate process ran (prompt + answer)
    QString tests;        // the tests it was judged by
    Verdict verdict;
    QString itemKey;     // "run:<id>:<index>" once stored in the workspace (annotationItemKey), else empty
    QString storeError;  // why it could not be stored, when it was asked to be

    // The engine's outcome name (passed, failed, error, ...), as OutcomeBadge takes it.
    QString outcomeKey() const;
};

// Where a judged answer is kept: written by the judging thread before `judged`
// is emitted, so the GUI thread never commits to the workspace.
struct VerdictTarget {
    QString workspacePath;     // empty: the verdict is only shown
    std::int64_t runId = 0;    // the run it joins; 0: the run of `run`, found or created
    EvalRunSpec run;           // used when runId is 0
    int sampleIndex = -1;      // its index in the run; -1: after the run's last one
    std::string completionId;  // "<task id>#<n>"
};

struct JudgeRequest {
    quint64 answerId = 0;
    QString taskId;
    QString answer;
    bool isFullSolution = false;  // a whole program rather than a continuation of the prompt
    VerdictTarget store;
};

class JudgeWorker : public QObject {
    Q_OBJECT
public:
    JudgeWorker();
    ~JudgeWorker() override;

    // Thread-safe: the problem set later judge() calls look task ids up in.
    void setProblemSet(std::shared_ptr<const ProblemSet> problems);
    // Thread-safe: the workspace whose cache of reference times calibration uses
    // (its own connection, on the judging threads). Empty: calibrate without a cache.
    void setWorkspacePath(const QString& path);
    // Programs judged at once: rrtf eval's default (one per core).
    int workers() const;

    // On the worker's thread (QMetaObject::invokeMethod with the worker as context):
    // judges the answer and, when the request says where, stores the verdict.
    void submit(const JudgeRequest& request);
    // On the worker's thread: another write to the workspace at `path` (a run's
    // speed, its end), in order with the verdicts already judged. Errors are dropped:
    // such figures are shown, never results.
    void write(const QString& path, const std::function<void(Workspace&)>& write);
    // On the worker's thread: `work` on its connection to the workspace at `path`
    // (opening a benchmark's runs: a commit the GUI thread must not wait for).
    // Returns the error's message; empty when it succeeded.
    QString access(const QString& path, const std::function<void(Workspace&)>& work);
    // Thread-safe: answers not judged yet are dropped and a calibration under way
    // stops, so that the worker's thread ends soon (the window is closing).
    void cancel() { m_cancel.cancel(); }

Q_SIGNALS:
    // Emitted from a judging thread (a queued connection takes it to the GUI).
    void judged(const rrtf::AnswerVerdict& verdict);

private:
    struct Prepared;
    std::shared_ptr<const Prepared> prepare(std::shared_ptr<const ProblemSet> problems);
    // The worker's own connection to the workspace at `path` (opened on first use).
    std::shared_ptr<Workspace> workspaceAt(const QString& path);
    void store(const VerdictTarget& target, AnswerVerdict& verdict, const std::string& completion);

    CancellationToken m_cancel;  // set when the worker goes: queued answers are not judged
    std::mutex m_mutex;          // guards the problem set and the workspace path
    std::shared_ptr<const ProblemSet> m_problems;
    QString m_workspacePath;
    std::mutex m_storeMutex;  // one verdict stored at a time (a run's next index is read, then written)
    std::shared_ptr<Workspace> m_store;
    std::unique_ptr<SandboxPool> m_pool;
    // Calibrated judges by problem-set sha256, so that switching sets back does not calibrate again.
    std::map<std::string, std::shared_ptr<const Prepared>> m_prepared;
    QThreadPool m_threads;  // last: its threads are joined before the rest goes
};

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::AnswerVerdict)
