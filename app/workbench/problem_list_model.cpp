#include "problem_list_model.h"

#include "evaluation/problem_set.h"

namespace rrtf {

ProblemListModel::ProblemListModel(QObject* parent) : QAbstractListModel(parent) {}
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
    switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(problem.taskId);
    case Qt::ToolTipRole: return QString::fromStdString(problem.prompt).left(600);
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
