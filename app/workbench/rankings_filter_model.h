// The rankings viewer's view of the items: those containing a search text,
// whose best teacher is in one class, that have a student in one class, or
// only those that need a look (a reason, a dropped pair, an answer not
// ranked). Task ids sort naturally ("task/2" before "task/10").
#pragma once

#include <QSortFilterProxyModel>

namespace rrtf {

class RankingsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    static constexpr int AnyClass = -1;

    explicit RankingsFilterModel(QObject* parent = nullptr);

    // Case-insensitive substring of the task id, instruction, reasons or models; empty: no filter.
    void setSearchText(const QString& text);
    // A class slot (rankings_summary.h) or AnyClass.
    void setTeacherClass(int slot);
    void setStudentClass(int slot);
    void setOnlyAttention(bool on);

    QString searchText() const { return m_search; }
    int teacherClass() const { return m_teacherClass; }
    int studentClass() const { return m_studentClass; }
    bool onlyAttention() const { return m_onlyAttention; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    template <typename T>
    void setFilter(T& member, const T& value);

    QString m_search;
    int m_teacherClass = AnyClass;
    int m_studentClass = AnyClass;
    bool m_onlyAttention = false;
};

}  // namespace rrtf
