// Runs answers against their problem's unit tests in the sandbox, on a worker
// thread of its own (the sandbox pool blocks while a program runs).
#pragma once

#include "evaluation/verdict.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

namespace rrtf {

class SandboxPool;
class ProblemSet;

// A verdict for the GUI: the engine's Verdict (outcome, detail, test counts,
// as it is stored) and what the GUI adds to it.
struct AnswerVerdict {
    quint64 answerId = 0;
    QString taskId;
    int failingLine = 0;  // line of the candidate program named by the detail, 0 when none
    QString program;      // what the candidate process ran (prompt + answer)
    QString tests;        // the tests it was judged by
    Verdict verdict;

    // The engine's outcome name (passed, failed, error, ...), as OutcomeBadge takes it.
    QString outcomeKey() const;
};

class JudgeWorker : public QObject {
    Q_OBJECT
public:
    JudgeWorker();
    ~JudgeWorker() override;

    // Thread-safe: the problem set later judge() calls look task ids up in.
    void setProblemSet(std::shared_ptr<const ProblemSet> problems);

public Q_SLOTS:
    // `isFullSolution`: the answer is a whole program rather than a continuation of the prompt.
    void judge(quint64 answerId, const QString& taskId, const QString& answer, bool isFullSolution);

Q_SIGNALS:
    void judged(const rrtf::AnswerVerdict& verdict);

private:
    std::unique_ptr<SandboxPool> m_pool;
    std::mutex m_mutex;
    std::shared_ptr<const ProblemSet> m_problems;
};

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::AnswerVerdict)
