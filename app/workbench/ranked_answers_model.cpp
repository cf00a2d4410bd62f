#include "ranked_answers_model.h"

#include "rankings_summary.h"

#include <QFont>

namespace rrtf {
namespace {

// The detail column's text: the verdict's message on one line.
QString oneLine(const std::string& text)
{
    QString line = QString::fromStdString(text).simplified();
    return line.size() > 200 ? line.left(200) + QStringLiteral("…") : line;
}

}  // namespace

RankedAnswersModel::RankedAnswersModel(QObject* parent) : QAbstractTableModel(parent) {}

void RankedAnswersModel::setItem(const RankedItem* item)
{
    beginResetModel();
    m_item = item;
    endResetModel();
}

int RankedAnswersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_item ? 0 : int(m_item->teachers.size() + m_item->students.size());
}

int RankedAnswersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RankedAnswersModel::isTeacher(int row) const
{
    return m_item && row >= 0 && row < int(m_item->teachers.size());
}

int RankedAnswersModel::answerIndex(int row) const
{
    return isTeacher(row) || !m_item ? row : row - int(m_item->teachers.size());
}

const RankedAnswer* RankedAnswersModel::answerAt(int row) const
{
    if (!m_item || row < 0 || row >= rowCount())
        return nullptr;
    return isTeacher(row) ? &m_item->teachers[size_t(row)] : &m_item->students[size_t(answerIndex(row))];
}

const RankedPair* RankedAnswersModel::pairAt(int row) const
{
    if (!m_item || isTeacher(row) || !answerAt(row))
        return nullptr;
    for (const RankedPair& pair : m_item->pairs)
        if (pair.student == answerIndex(row))
            return &pair;
    return nullptr;
}

QString RankedAnswersModel::answerName(int row) const
{
    if (isTeacher(row))
        return row == m_item->bestTeacher ? tr("Teacher %1 (best)").arg(row + 1) : tr("Teacher %1").arg(row + 1);
    return tr("Student %1").arg(answerIndex(row) + 1);
}

QString RankedAnswersModel::rankingText(int row) const
{
    const RankedAnswer* answer = answerAt(row);
    if (!answer)
        return {};
    if (!answer->ranked())
        return tr("not ranked");
    if (isTeacher(row)) {
        if (row != m_item->bestTeacher)
            return tr("not the best teacher answer");
        return tr("teacher of %n pair(s)", nullptr, int(m_item->pairs.size()));
    }
    if (const RankedPair* pair = pairAt(row))
        return tr("pair: r_tea %1, r_stu %2").arg(pair->rTeacher, 0, 'f', 2).arg(pair->rStudent, 0, 'f', 2);
    return answer->reason.empty() ? tr("no pair") : tr("pair dropped");
}

QVariant RankedAnswersModel::data(const QModelIndex& index, int role) const
{
    const RankedAnswer* answer = index.isValid() ? answerAt(index.row()) : nullptr;
    if (!answer)
        return {};
    const int row = index.row();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AnswerColumn: return answerName(row);
        case ModelColumn: return QString::fromStdString(answer->model);
        case TemperatureColumn: return QString::number(answer->temperature, 'g', 3);
        case ClassColumn: return answerClassText(answer->answerClass);
        case ScoreColumn: return answer->ranked() ? QString::number(answer->score, 'f', 2) : QStringLiteral("—");
        case TestsColumn:
            return answer->testsTotal > 0 ? QStringLiteral("%1/%2").arg(answer->testsPassed).arg(answer->testsTotal)
                                          : QStringLiteral("—");
        case PairColumn: return rankingText(row);
        case DetailColumn: return oneLine(answer->reason.empty() ? answer->detail : answer->reason);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == DetailColumn) {
        QString tip = QString::fromStdString(answer->detail).left(2000);
        if (!answer->reason.empty())
            tip = QString::fromStdString(answer->reason) + (tip.isEmpty() ? QString() : QStringLiteral("\n\n") + tip);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (role == Qt::FontRole && isTeacher(row) && row == m_item->bestTeacher) {
        QFont bold;
        bold.setBold(true);  // the answer every pair is trained against
        return bold;
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == TemperatureColumn || index.column() == ScoreColumn || index.column() == TestsColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RankedAnswersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AnswerColumn: return tr("Answer");
    case ModelColumn: return tr("Model");
    case TemperatureColumn: return tr("Temp.");
    case ClassColumn: return tr("Class");
    case ScoreColumn: return tr("Score");
    case TestsColumn: return tr("Tests");
    case PairColumn: return tr("Ranking");
    case DetailColumn: return tr("Detail");
    }
    return {};
}

}  // namespace rrtf
