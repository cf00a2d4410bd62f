#include "judge_service.h"

#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "evaluation/task_builder.h"
#include "evaluation/verdict.h"

#include <QRegularExpression>

#include <exception>

namespace rrtf {

JudgeWorker::JudgeWorker() = default;
QString AnswerVerdict::outcomeKey() const
{
    const std::string_view name = outcomeName(verdict.outcome);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

JudgeWorker::~JudgeWorker() = default;

void JudgeWorker::setProblemSet(std::shared_ptr<const ProblemSet> problems)
{
    std::lock_guard lock(m_mutex);
    m_problems = std::move(problems);
}

void JudgeWorker::judge(quint64 answerId, const QString& taskId, const QString& answer, bool isFullSolution)
{
    AnswerVerdict result;
    result.answerId = answerId;
    result.taskId = taskId;
    try {
        std::shared_ptr<const ProblemSet> problems;
        {
            std::lock_guard lock(m_mutex);
            problems = m_problems;
        }
        const Problem* problem = problems ? problems->find(taskId.toStdString()) : nullptr;
        if (!problem)
            throw std::runtime_error("no problem with task id \"" + taskId.toStdString() + "\" is open");
        if (!m_pool) {
            SandboxOptions options;
            options.workers = 1;
            m_pool = std::make_unique<SandboxPool>(options);
        }
        const JudgeTask task = buildJudgeTask(*problem, answer.toStdString(), isFullSolution);
        const Verdict verdict = m_pool->judge(task, JudgeLimits{});
        result.verdict = verdict;
        result.program = QString::fromStdString(task.candidateSource);
        result.tests = QString::fromStdString(task.testSource);
        const auto match = QRegularExpression(QStringLiteral("line (\\d+)")).match(QString::fromStdString(verdict.detail));
        if (match.hasMatch())
            result.failingLine = match.captured(1).toInt();
    } catch (const std::exception& error) {
        result.verdict.outcome = Outcome::SandboxError;
        result.verdict.detail = error.what();
    }
    Q_EMIT judged(result);
}

}  // namespace rrtf
