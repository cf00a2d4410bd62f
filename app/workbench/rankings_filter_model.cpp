#include "rankings_filter_model.h"

#include "rankings_table_model.h"
#include "task_id_order.h"

namespace rrtf {

RankingsFilterModel::RankingsFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RankingsTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

template <typename T>
void RankingsFilterModel::setFilter(T& member, const T& value)
{
    if (member == value)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() keeps the sort.
    member = value;
    invalidateFilter();
}

void RankingsFilterModel::setSearchText(const QString& text) { setFilter(m_search, text); }
void RankingsFilterModel::setTeacherClass(int slot) { setFilter(m_teacherClass, slot); }
void RankingsFilterModel::setStudentClass(int slot) { setFilter(m_studentClass, slot); }
void RankingsFilterModel::setOnlyAttention(bool on) { setFilter(m_onlyAttention, on); }

bool RankingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    if (!source)
        return false;
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);
    if (m_onlyAttention && !index.data(RankingsTableModel::AttentionRole).toBool())
        return false;
    if (m_teacherClass != AnyClass && index.data(RankingsTableModel::TeacherSlotRole).toInt() != m_teacherClass)
        return false;
    if (m_studentClass != AnyClass &&
        !(index.data(RankingsTableModel::StudentSlotsRole).toInt() & (1 << m_studentClass)))
        return false;
    if (!m_search.isEmpty() &&
        !index.data(RankingsTableModel::SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

bool RankingsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == RankingsTableModel::TaskColumn && right.column() == RankingsTableModel::TaskColumn) {
        return taskIdLess(left.data(sortRole()).toString(), right.data(sortRole()).toString());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace rrtf
