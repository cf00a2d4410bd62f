#include "problem_list_model.h"

#include "evaluation/problem_set.h"

namespace rrtf {

ProblemListModel::ProblemListModel(QObject* parent) : QAbstractListModel(parent) {}

QString ProblemListModel::noTestsText()
{
    return tr("CoderEval ships its prompts only: there are no tests to judge its answers by.");
}

QString ProblemListModel::difficultyName(const std::string& difficulty)
{
    if (difficulty == "Easy")
        return tr("Easy");
    if (difficulty == "Medium")
        return tr("Medium");
    if (difficulty == "Hard")
        return tr("Hard");
    return QString::fromStdString(difficulty);
}
ProblemListModel::~ProblemListModel() = default;

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_problems ? 0 : static_cast<int>(m_problems->problems().size());
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Problem& problem = m_problems->problems()[static_cast<std::size_t>(index.row())];
    const QString taskId = QString::fromStdString(problem.taskId);
    switch (role) {
    case Qt::DisplayRole:
        return problem.difficulty.empty() ? taskId : tr("%1 · %2").arg(taskId, difficultyName(problem.difficulty));
    case Qt::ToolTipRole: {
        QString tip = QString::fromStdString(problem.prompt).left(600);
        if (!problemHasTests(problem))
            tip = noTestsText() + QStringLiteral("\n\n") + tip;
        return tip;
    }
    case Qt::UserRole: return QString::fromStdString(problem.prompt);
    default: return {};
    }
}

void ProblemListModel::open(const QString& path)
{
    auto problems = std::make_shared<const ProblemSet>(loadProblemSet(path.toStdString()));
    beginResetModel();
    m_problems = std::move(problems);
    m_path = path;
    endResetModel();
}

const Problem* ProblemListModel::problemAt(int row) const
{
    if (!m_problems || row < 0 || row >= rowCount())
        return nullptr;
    return &m_problems->problems()[static_cast<std::size_t>(row)];
}

}  // namespace rrtf
