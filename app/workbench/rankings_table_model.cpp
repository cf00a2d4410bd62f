#include "rankings_table_model.h"

#include <QFont>

namespace rrtf {
namespace {

QString firstLine(const std::string& text)
{
    const QString all = QString::fromStdString(text).trimmed();
    const qsizetype newline = all.indexOf(QLatin1Char('\n'));
    return newline < 0 ? all : all.left(newline).trimmed() + QStringLiteral(" …");
}

RankingsTableModel::Row makeRow(const RankedItem& item)
{
    using Row = RankingsTableModel::Row;
    Row row;
    row.taskId = QString::fromStdString(item.taskId);
    row.firstLine = firstLine(item.instruction);
    if (const RankedAnswer* teacher = item.teacher()) {
        row.teacher = QStringLiteral("%1 · %2").arg(answerClassText(teacher->answerClass)).arg(teacher->score, 0, 'f', 2);
        row.teacherScore = teacher->score;
        row.teacherSlot = classSlot(teacher->answerClass);
    } else {
        row.teacher = item.teachers.empty() ? RankingsTableModel::tr("no answer") : RankingsTableModel::tr("none ranked");
        row.teacherScore = -1;
        row.teacherSlot = kNotRankedSlot;
    }
    const ClassCounts students = studentClassCounts(item);
    row.students = classCountsText(students, RankingsTableModel::tr("no answer"));
    row.studentSlots = 0;
    for (int slot = 0; slot <= kNotRankedSlot; ++slot)
        if (students[slot] > 0)
            row.studentSlots |= 1 << slot;

    // The item's own reason comes first; otherwise its answers' (a dropped pair,
    // an answer not ranked) so that the column tells why a row has fewer pairs.
    QStringList reasons;
    QString models;
    bool answerReason = false;
    for (const auto* answers : {&item.teachers, &item.students})
        for (const RankedAnswer& answer : *answers) {
            if (!answer.reason.empty()) {
                answerReason = true;
                if (!reasons.contains(QString::fromStdString(answer.reason)))
                    reasons << QString::fromStdString(answer.reason);
            }
            models += QLatin1Char(' ') + QString::fromStdString(answer.model);
        }
    row.reason = item.reason.empty() ? reasons.join(QStringLiteral("; ")) : QString::fromStdString(item.reason);
    row.attention = !item.reason.empty() || answerReason;
    row.searchText = row.taskId + QLatin1Char('\n') + QString::fromStdString(item.instruction) + QLatin1Char('\n') + QString::fromStdString(item.reason) +
                     QLatin1Char('\n') + reasons.join(QLatin1Char('\n')) + models;
    return row;
}

}  // namespace

RankingsTableModel::RankingsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

std::vector<RankingsTableModel::Row> RankingsTableModel::rowsFor(const std::vector<RankedItem>& items)
{
    std::vector<Row> rows;
    rows.reserve(items.size());
    for (const RankedItem& item : items)
        rows.push_back(makeRow(item));
    return rows;
}

void RankingsTableModel::setItems(RankedItems items)
{
    std::vector<Row> rows = items ? rowsFor(*items) : std::vector<Row>();
    setItems(std::move(items), std::move(rows));
}

void RankingsTableModel::setItems(RankedItems items, std::vector<Row> rows)
{
    Q_ASSERT(rows.size() == (items ? items->size() : 0));
    beginResetModel();
    m_items = std::move(items);
    m_rows = std::move(rows);
    endResetModel();
}

const RankedItem* RankingsTableModel::itemAt(int row) const
{
    return m_items && row >= 0 && row < int(m_items->size()) ? &(*m_items)[size_t(row)] : nullptr;
}

int RankingsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RankingsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RankingsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const RankedItem& item = (*m_items)[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TaskColumn: return row.taskId;
        case InstructionColumn: return row.firstLine;
        case TeacherColumn: return row.teacher;
        case StudentsColumn: return row.students;
        case PairsColumn: return int(item.pairs.size());
        case ReasonColumn: return row.reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == InstructionColumn)
            return QString::fromStdString(item.instruction).left(2000);  // a tooltip, not a document
        if (index.column() == ReasonColumn && !row.reason.isEmpty())
            return row.reason;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == PairsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::FontRole:
        if (index.column() == PairsColumn && item.pairs.empty()) {
            QFont bold;
            bold.setBold(true);  // no pair: the item is not trained on
            return bold;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case TeacherColumn: return row.teacherScore;
        case PairsColumn: return int(item.pairs.size());
        default: return data(index, Qt::DisplayRole);
        }
    case SearchTextRole: return row.searchText;
    case TeacherSlotRole: return row.teacherSlot;
    case StudentSlotsRole: return row.studentSlots;
    case AttentionRole: return row.attention;
    }
    return {};
}

QVariant RankingsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TaskColumn: return tr("Task");
    case InstructionColumn: return tr("Instruction");
    case TeacherColumn: return tr("Best teacher");
    case StudentsColumn: return tr("Students");
    case PairsColumn: return tr("Pairs");
    case ReasonColumn: return tr("Reason");
    }
    return {};
}

}  // namespace rrtf
