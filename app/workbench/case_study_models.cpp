#include "case_study_models.h"

#include <cstdio>

namespace rrtf {

namespace {

QString fractionText(const SolveCell& cell)
{
    if (cell.total == 0)
        return QStringLiteral("–");
    return QString::number(cell.fraction(), 'f', 2);
}

QString fractionToolTip(const QString& model, const SolveCell& cell)
{
    if (cell.total == 0)
        return RegionProblemsModel::tr("%1: no sample judged").arg(model);
    return RegionProblemsModel::tr("%1: %2 of %3 samples passed").arg(model).arg(cell.passed).arg(cell.total);
}

}  // namespace

// ---- RegionProblemsModel ----

RegionProblemsModel::RegionProblemsModel(QObject* parent) : QAbstractListModel(parent) {}

int RegionProblemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_taskIds.size());
}

QVariant RegionProblemsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& taskId = m_taskIds[index.row()];
    if (role == CaseStudyTaskIdRole || role == CaseStudySortRole)
        return taskId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    QStringList parts;
    if (m_matrix) {
        const std::string task = taskId.toStdString();
        std::size_t row = 0;
        try {
            row = m_matrix->taskIndex(task);
        } catch (const std::exception&) {
            return taskId;
        }
        for (std::size_t m = 0; m < m_matrix->models().size(); ++m) {
            const QString model = QString::fromStdString(m_matrix->models()[m]);
            const SolveCell& cell = m_matrix->cell(row, m);
            parts << (role == Qt::DisplayRole ? QStringLiteral("%1 %2").arg(model, fractionText(cell)) : fractionToolTip(model, cell));
        }
    }
    if (role == Qt::ToolTipRole)
        return (QStringList{taskId} + parts).join(QLatin1Char('\n'));
    return parts.isEmpty() ? taskId : QStringLiteral("%1 — %2").arg(taskId, parts.join(QStringLiteral(" · ")));
}

void RegionProblemsModel::setProblems(std::shared_ptr<const SolveMatrix> matrix, const QStringList& taskIds)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    m_taskIds = taskIds;
    endResetModel();
}

void RegionProblemsModel::clear()
{
    setProblems(nullptr, {});
}

QString RegionProblemsModel::taskIdAt(int row) const
{
    return row >= 0 && row < m_taskIds.size() ? m_taskIds[row] : QString();
}

// ---- DisagreementModel ----

DisagreementModel::DisagreementModel(QObject* parent) : QAbstractTableModel(parent) {}

int DisagreementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DisagreementModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_matrix)
        return 0;
    return FirstModelColumn + int(m_matrix->models().size());
}

QVariant DisagreementModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Disagreement& row = m_rows[std::size_t(index.row())];
    const QString taskId = QString::fromStdString(row.taskId);
    if (role == CaseStudyTaskIdRole)
        return taskId;
    const std::size_t task = m_matrix->taskIndex(row.taskId);
    switch (index.column()) {
    case TaskColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return taskId;
        if (role == CaseStudySortRole)
            return qulonglong(task);  // the matrix keeps natural task-id order
        return {};
    case ScoreColumn:
        if (role == Qt::DisplayRole)
            return QString::number(row.score, 'f', 4);
        if (role == CaseStudySortRole)
            return row.score;
        if (role == Qt::ToolTipRole)
            return tr("Variance of the models' pass fractions (mean %1)").arg(row.meanFraction, 0, 'f', 2);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: {
        const std::size_t model = std::size_t(index.column() - FirstModelColumn);
        const SolveCell& cell = m_matrix->cell(task, model);
        if (role == Qt::DisplayRole)
            return fractionText(cell);
        if (role == CaseStudySortRole)
            return cell.total > 0 ? cell.fraction() : -1.0;
        if (role == Qt::ToolTipRole)
            return fractionToolTip(QString::fromStdString(m_matrix->models()[model]), cell);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    }
}

QVariant DisagreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == TaskColumn)
        return tr("Task");
    if (section == ScoreColumn)
        return tr("Disagreement");
    return QString::fromStdString(m_matrix->models()[std::size_t(section - FirstModelColumn)]);
}

void DisagreementModel::setMatrix(std::shared_ptr<const SolveMatrix> matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    m_rows = m_matrix ? rankByDisagreement(*m_matrix) : std::vector<Disagreement>{};
    endResetModel();
}

void DisagreementModel::clear()
{
    setMatrix(nullptr);
}

QString DisagreementModel::taskIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? QString::fromStdString(m_rows[std::size_t(row)].taskId) : QString();
}

double DisagreementModel::scoreAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].score : 0.0;
}

// ---- McNemarModel ----

McNemarModel::McNemarModel(QObject* parent) : QAbstractTableModel(parent) {}

int McNemarModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int McNemarModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant McNemarModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const McNemarResult& r = row.result;
    const bool display = role == Qt::DisplayRole;
    const bool sort = role == CaseStudySortRole;
    switch (index.column()) {
    case ModelAColumn: return display || sort ? QVariant(row.modelA) : QVariant();
    case ModelBColumn: return display || sort ? QVariant(row.modelB) : QVariant();
    case OnlyAColumn:
    case OnlyBColumn: {
        const int n = index.column() == OnlyAColumn ? r.onlyA : r.onlyB;
        if (display || sort)
            return n;
        if (role == Qt::ToolTipRole)
            return index.column() == OnlyAColumn ? tr("Solved by %1, not by %2").arg(row.modelA, row.modelB)
                                                 : tr("Solved by %1, not by %2").arg(row.modelB, row.modelA);
        break;
    }
    case PValueColumn:
        if (display)
            return formatPValue(r.pValue);
        if (sort)
            return r.pValue;
        if (role == Qt::ToolTipRole)
            return tr("Exact two-sided binomial test of the discordant problems (both solved: %1, neither: %2)")
                .arg(r.both)
                .arg(r.neither);
        break;
    case ChiSquareColumn:
        if (display)
            return formatChiSquare(r.chiSquare);
        if (sort)
            return r.chiSquare;
        if (role == Qt::ToolTipRole)
            return tr("Continuity-corrected chi-square, (|b − c| − 1)² / (b + c)");
        break;
    default: break;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= OnlyAColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant McNemarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelAColumn: return tr("Model A");
    case ModelBColumn: return tr("Model B");
    case OnlyAColumn: return tr("Only A");
    case OnlyBColumn: return tr("Only B");
    case PValueColumn: return tr("p-value");
    case ChiSquareColumn: return tr("χ² (corrected)");
    default: return {};
    }
}

void McNemarModel::setMatrix(const SolveMatrix& matrix, SolvedRule rule)
{
    std::vector<Row> rows;
    const auto& models = matrix.models();
    for (std::size_t a = 0; a < models.size(); ++a)
        for (std::size_t b = a + 1; b < models.size(); ++b)
            rows.push_back({QString::fromStdString(models[a]), QString::fromStdString(models[b]),
                            mcNemar(matrix, models[a], models[b], rule)});
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void McNemarModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int McNemarModel::rowOf(const QString& modelA, const QString& modelB) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        if ((row.modelA == modelA && row.modelB == modelB) || (row.modelA == modelB && row.modelB == modelA))
            return int(i);
    }
    return -1;
}

QString McNemarModel::formatPValue(double p)
{
    char text[32];
    std::snprintf(text, sizeof text, "%#.3g", p);  // keeps trailing zeros: "1.00", "0.0500"
    return QString::fromLatin1(text);
}

QString McNemarModel::formatChiSquare(double chi)
{
    return QString::number(chi, 'f', 3);
}

}  // namespace rrtf
