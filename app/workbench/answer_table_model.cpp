#include "answer_table_model.h"

#include "benchmark_runs.h"
#include "failure_label_text.h"
#include "runtime/error.h"
#include "store/workspace.h"
#include "widgets/outcome_badge.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <algorithm>
#include <fstream>
#include <utility>

namespace rrtf {

namespace {

QString firstLine(const QString& text)
{
    const qsizetype end = text.indexOf('\n');
    return end < 0 ? text : text.left(end) + QStringLiteral(" …");
}

QString outcomeKey(Outcome outcome)
{
    const std::string_view name = outcomeName(outcome);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

constexpr Outcome kAllOutcomes[] = {
    Outcome::Passed,  Outcome::Failed,  Outcome::Error,       Outcome::SyntaxError, Outcome::Timeout,
    Outcome::OutOfMemory, Outcome::Crashed, Outcome::OutputLimit, Outcome::Tampered, Outcome::SandboxError,
};

}  // namespace

AnswerTableModel::AnswerTableModel(QObject* parent) : QAbstractTableModel(parent) {}
AnswerTableModel::~AnswerTableModel() = default;

int AnswerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnswerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnswerTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InspectedAnswer& answer = m_rows[index.row()];
    const Verdict& verdict = answer.verdict;
    switch (role) {
    case ModelRole: return answer.model;
    case OutcomeRole: return outcomeKey(verdict.outcome);
    case LabelRole: return answer.label;
    case ItemKeyRole: return answer.itemKey;
    case SearchTextRole:
        return answer.taskId + '\n' + answer.completion + '\n' + QString::fromStdString(verdict.detail);
    case SortRole:
        switch (index.column()) {
        case SampleColumn: return answer.sampleNumber;
        case TestsColumn:
            return verdict.testsTotal > 0 ? double(verdict.testsPassed) / double(verdict.testsTotal) : -1.0;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModelColumn: return answer.model;
        case DecodingColumn: return decodingText(answer.decoding);
        case TaskColumn: return answer.taskId;
        case SampleColumn: return answer.sampleNumber;
        case OutcomeColumn: return OutcomeBadge::outcomeText(outcomeKey(verdict.outcome));
        case TestsColumn:
            return verdict.testsTotal > 0 ? QStringLiteral("%1/%2").arg(verdict.testsPassed).arg(verdict.testsTotal)
                                          : QString();
        case LabelColumn: return failureLabelName(answer.label);
        case NoteColumn: return firstLine(answer.note);
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case OutcomeColumn: return QString::fromStdString(verdict.detail).left(2000);
        case NoteColumn: return answer.note;
        case TaskColumn: return answer.problemSetPath;
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == SampleColumn || index.column() == TestsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant AnswerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn: return tr("Model");
    case DecodingColumn: return tr("Decoding");
    case TaskColumn: return tr("Task");
    case SampleColumn: return tr("Sample");
    case OutcomeColumn: return tr("Outcome");
    case TestsColumn: return tr("Tests");
    case LabelColumn: return tr("Label");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

void AnswerTableModel::setWorkspace(Workspace* workspace)
{
    if (!workspace) {
        beginResetModel();
        m_workspace = nullptr;
        m_rows.clear();
        m_rowOfKey.clear();
        m_labels.clear();
        endResetModel();
        return;
    }
    m_workspace = workspace;
    reload();
}

void AnswerTableModel::reload()
{
    if (!m_workspace) {
        setWorkspace(nullptr);
        return;
    }
    // Read everything first: a failed read leaves the rows as they were.
    QVector<InspectedAnswer> rows;
    for (const BenchmarkRunInfo& info : answerRuns(*m_workspace)) {
        const int n = std::max(1, info.samplesPerProblem);
        const QString problemSetPath = QString::fromStdString(info.run.problemSetPath);
        for (StoredVerdict& stored : m_workspace->verdicts(info.run.id)) {
            InspectedAnswer answer;
            answer.runId = info.run.id;
            answer.sampleIndex = stored.sampleIndex;
            answer.sampleNumber = stored.sampleIndex % n;
            answer.itemKey = annotationItemKey(info.run.id, stored.sampleIndex);
            answer.model = info.model;
            answer.decoding = info.decoding;
            answer.taskId = QString::fromStdString(stored.taskId);
            answer.completion = QString::fromStdString(stored.completion);
            answer.verdict = std::move(stored.verdict);
            answer.problemSetPath = problemSetPath;
            rows.push_back(std::move(answer));
        }
    }
    std::vector<FailureLabel> labels;
    readAnnotations(rows, labels);

    beginResetModel();
    m_rows = std::move(rows);
    m_labels = std::move(labels);
    m_rowOfKey.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfKey.insert(m_rows[row].itemKey, row);
    endResetModel();
}

void AnswerTableModel::readAnnotations(QVector<InspectedAnswer>& rows, std::vector<FailureLabel>& labels) const
{
    for (InspectedAnswer& answer : rows) {
        answer.labelId.reset();
        answer.label.clear();
        answer.note.clear();
    }
    if (!m_workspace)
        return;
    Annotations annotations(*m_workspace);
    labels = annotations.labels();
    if (m_annotator.isEmpty())
        return;
    QHash<QString, int> rowOfKey;
    for (int row = 0; row < rows.size(); ++row)
        rowOfKey.insert(rows[row].itemKey, row);
    const std::string annotator = m_annotator.toStdString();
    for (const Annotation& annotation : annotations.all()) {
        if (annotation.annotator != annotator)
            continue;
        const auto found = rowOfKey.constFind(QString::fromStdString(annotation.itemKey));
        if (found == rowOfKey.cend())
            continue;
        InspectedAnswer& answer = rows[found.value()];
        answer.labelId = annotation.labelId;
        answer.label = QString::fromStdString(annotation.label);
        answer.note = QString::fromStdString(annotation.note);
    }
}

void AnswerTableModel::reloadAnnotations()
{
    QVector<InspectedAnswer> rows = m_rows;
    std::vector<FailureLabel> labels;
    readAnnotations(rows, labels);
    m_rows = std::move(rows);
    m_labels = std::move(labels);
    annotationsChanged(0, static_cast<int>(m_rows.size()) - 1);
}

void AnswerTableModel::setAnnotator(const QString& annotator)
{
    const QString trimmed = annotator.trimmed();
    if (trimmed == m_annotator)
        return;
    m_annotator = trimmed;
    reloadAnnotations();
}

InspectedAnswer AnswerTableModel::answerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : InspectedAnswer{};
}

int AnswerTableModel::rowOfItem(const QString& itemKey) const
{
    return m_rowOfKey.value(itemKey, -1);
}

const InspectedAnswer& AnswerTableModel::checkedRow(int row) const
{
    if (!m_workspace)
        throw InvalidArgument("the failure inspector has no workspace open");
    if (row < 0 || row >= m_rows.size())
        throw InvalidArgument("the failure inspector has no answer in row " + std::to_string(row));
    return m_rows[row];
}

void AnswerTableModel::setLabel(int row, std::optional<std::int64_t> labelId)
{
    const std::string key = checkedRow(row).itemKey.toStdString();
    Annotations annotations(*m_workspace);
    annotations.setLabel(key, m_annotator.toStdString(), labelId);
    const std::optional<Annotation> stored = annotations.annotation(key, m_annotator.toStdString());
    InspectedAnswer& answer = m_rows[row];
    answer.labelId = stored ? stored->labelId : std::nullopt;
    answer.label = stored ? QString::fromStdString(stored->label) : QString();
    annotationsChanged(row, row);
}

void AnswerTableModel::setNote(int row, const QString& note)
{
    const std::string key = checkedRow(row).itemKey.toStdString();
    Annotations annotations(*m_workspace);
    annotations.setNote(key, m_annotator.toStdString(), note.toStdString());
    const std::optional<Annotation> stored = annotations.annotation(key, m_annotator.toStdString());
    m_rows[row].note = stored ? QString::fromStdString(stored->note) : QString();
    annotationsChanged(row, row);
}

void AnswerTableModel::annotationsChanged(int firstRow, int lastRow)
{
    if (firstRow <= lastRow)
        Q_EMIT dataChanged(index(firstRow, LabelColumn), index(lastRow, NoteColumn));
}

std::vector<PairwiseKappa> AnswerTableModel::agreement() const
{
    if (!m_workspace)
        return {};
    std::vector<LabelRecord> records;
    for (const Annotation& annotation : Annotations(*m_workspace).all())
        if (!annotation.label.empty())
            records.push_back({annotation.annotator, annotation.itemKey, annotation.label});
    return pairwiseKappa(records);
}

void AnswerTableModel::exportAnnotations(const QString& fileName, AnnotationFormat format) const
{
    if (!m_workspace)
        throw InvalidArgument(tr("No workspace is open.").toStdString());
    const QString shown = QDir::toNativeSeparators(fileName);
    std::ofstream out(QFile::encodeName(fileName).toStdString(), std::ios::binary | std::ios::trunc);
    if (!out)
        throw Error(tr("Cannot write %1.").arg(shown).toStdString());
    Annotations annotations(*m_workspace);
    if (format == AnnotationFormat::Csv)
        annotations.exportCsv(out);
    else
        annotations.exportJsonl(out);
    out.close();
    if (out.fail())
        throw Error(tr("Cannot write %1: the disk may be full.").arg(shown).toStdString());
}

QStringList AnswerTableModel::models() const
{
    QStringList names;
    QSet<QString> seen;
    for (const InspectedAnswer& answer : m_rows)
        if (!seen.contains(answer.model)) {
            seen.insert(answer.model);
            names << answer.model;
        }
    return names;
}

QStringList AnswerTableModel::outcomes() const
{
    QSet<int> present;
    for (const InspectedAnswer& answer : m_rows)
        present.insert(static_cast<int>(answer.verdict.outcome));
    QStringList keys;
    for (Outcome outcome : kAllOutcomes)
        if (present.contains(static_cast<int>(outcome)))
            keys << outcomeKey(outcome);
    return keys;
}

}  // namespace rrtf
