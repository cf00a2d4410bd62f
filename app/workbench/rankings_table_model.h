// The items of a rankings file, one row each: task id, the instruction's first
// line, the best teacher's class and score, the students' classes, the pairs
// and the reason an item or a pair was left out. The text of every row is
// worked out once when a file is set, so filtering and sorting tens of
// thousands of items stays quick.
#pragma once

#include "rankings_summary.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

namespace rrtf {

using RankedItems = std::shared_ptr<const std::vector<RankedItem>>;

class RankingsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TaskColumn, InstructionColumn, TeacherColumn, StudentsColumn, PairsColumn, ReasonColumn,
                  ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // what the column sorts by (numbers for numeric columns)
        SearchTextRole,               // task id, instruction, reasons and models, for the text filter
        TeacherSlotRole,              // the best teacher's class slot (rankings_summary.h)
        StudentSlotsRole,             // int bit mask: bit s set when some student is in slot s
        AttentionRole,                // bool: the item has a reason, a dropped pair or an unranked answer
    };

    explicit RankingsTableModel(QObject* parent = nullptr);

    void setItems(RankedItems items);
    const RankedItems& items() const { return m_items; }
    const RankedItem* itemAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString taskId;
        QString firstLine;
        QString teacher;      // "all pass · 3.00", or "none ranked"
        double teacherScore;  // -1 when none is ranked, so those sort first
        int teacherSlot;
        QString students;
        int studentSlots;
        QString reason;       // the item's, else a summary of its answers' reasons
        QString searchText;
        bool attention;
    };
    static Row makeRow(const RankedItem& item);

    RankedItems m_items;
    std::vector<Row> m_rows;
};

}  // namespace rrtf
