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

    // What a row shows, worked out once (on the loader's thread for a big file).
    struct Row {
        QString taskId;
        QString firstLine;
        QString teacher;      // "all pass · 3.00", or "none ranked"
        double teacherScore = -1;  // -1 when none is ranked, so those sort first
        int teacherSlot = 0;
        QString students;
        int studentSlots = 0;  // bit s: some student is in class slot s
        QString reason;       // the item's, else a summary of its answers' reasons
        QString searchText;
        bool attention = false;
    };

    static std::vector<Row> rowsFor(const std::vector<RankedItem>& items);

    explicit RankingsTableModel(QObject* parent = nullptr);

    // `rows` must be rowsFor(*items); the first form works them out here.
    void setItems(RankedItems items);
    void setItems(RankedItems items, std::vector<Row> rows);
    const RankedItems& items() const { return m_items; }
    const RankedItem* itemAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RankedItems m_items;
    std::vector<Row> m_rows;
};

}  // namespace rrtf
