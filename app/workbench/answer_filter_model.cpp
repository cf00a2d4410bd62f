#include "answer_filter_model.h"

#include "answer_table_model.h"
#include "task_id_order.h"

namespace rrtf {

AnswerFilterModel::AnswerFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AnswerTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void AnswerFilterModel::setFilter(QString& member, const QString& value)
{
    if (member == value)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() keeps the sort.
    member = value;
    invalidateFilter();
}

void AnswerFilterModel::setModelFilter(const QString& model) { setFilter(m_model, model); }
void AnswerFilterModel::setOutcomeFilter(const QString& outcome) { setFilter(m_outcome, outcome); }
void AnswerFilterModel::setLabelFilter(const QString& label) { setFilter(m_label, label); }
void AnswerFilterModel::setSearchText(const QString& text) { setFilter(m_search, text); }

bool AnswerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    if (!source)
        return false;
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);
    if (!m_model.isEmpty() && index.data(AnswerTableModel::ModelRole).toString() != m_model)
        return false;
    if (!m_outcome.isEmpty()) {
        const QString outcome = index.data(AnswerTableModel::OutcomeRole).toString();
        if (m_outcome == failures() ? outcome == QLatin1String("passed") : outcome != m_outcome)
            return false;
    }
    if (!m_label.isEmpty()) {
        const QString label = index.data(AnswerTableModel::LabelRole).toString();
        if (m_label == unlabelled() ? !label.isEmpty() : label.compare(m_label, Qt::CaseInsensitive) != 0)
            return false;
    }
    if (!m_search.isEmpty()
        && !index.data(AnswerTableModel::SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

bool AnswerFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == AnswerTableModel::TaskColumn && right.column() == AnswerTableModel::TaskColumn) {
        return taskIdLess(left.data(sortRole()).toString(), right.data(sortRole()).toString());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace rrtf
