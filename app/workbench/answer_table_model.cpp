#include "answer_table_model.h"

#include "benchmark_runs.h"
#include "failure_label_text.h"
#include "runtime/error.h"
#include "store/workspace.h"
#include "widgets/outcome_badge.h"
#include "workspace_writer.h"

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

}  // namespace

AnswerTableModel::AnswerTableModel(QObject* parent)
    : QAbstractTableModel(parent), m_writer(new WorkspaceWriter(this))
{
    connect(m_writer, &WorkspaceWriter::done, this, &AnswerTableModel::writeDone);
}

// The writer finishes the edits posted so far before it goes; what it reports
// then has no one to hear it.
AnswerTableModel::~AnswerTableModel()
{
    disconnect(m_writer, nullptr, this, nullptr);
    delete m_writer;
}

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
    // The edits on their way are newer than what the database holds yet.
    if (!m_pending.empty())
        for (InspectedAnswer& answer : rows)
            applyPending(answer, labels);
}

// A label edit shows the label's name as `labels` has it (renamed since, perhaps).
void AnswerTableModel::applyPending(InspectedAnswer& answer, const std::vector<FailureLabel>& labels) const
{
    if (!m_workspace)
        return;
    const QString path = QString::fromStdString(m_workspace->path().string());
    for (const auto& [ticket, edit] : m_pending) {
        if (edit.path != path || edit.annotator != m_annotator || edit.itemKey != answer.itemKey)
            continue;
        if (edit.isLabel) {
            answer.labelId = edit.labelId;
            answer.label = edit.label;
            for (const FailureLabel& label : labels)
                if (edit.labelId && label.id == *edit.labelId)
                    answer.label = QString::fromStdString(label.name);
        } else {
            answer.note = edit.note;
        }
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
    PendingEdit edit;
    edit.itemKey = checkedRow(row).itemKey;
    edit.labelId = labelId;
    if (labelId) {
        const auto label = std::find_if(m_labels.begin(), m_labels.end(),
                                        [&](const FailureLabel& each) { return each.id == *labelId; });
        if (label == m_labels.end())
            throw InvalidArgument(m_workspace->path().string() + " has no failure label " + std::to_string(*labelId));
        edit.label = QString::fromStdString(label->name);
    }
    const std::string key = edit.itemKey.toStdString();
    const std::string annotator = m_annotator.toStdString();
    post(row, std::move(edit),
         [key, annotator, labelId](Workspace& workspace) { Annotations(workspace).setLabel(key, annotator, labelId); });
}

void AnswerTableModel::setNote(int row, const QString& note)
{
    PendingEdit edit;
    edit.itemKey = checkedRow(row).itemKey;
    edit.isLabel = false;
    edit.note = note;
    const std::string key = edit.itemKey.toStdString();
    const std::string annotator = m_annotator.toStdString();
    const std::string text = note.toStdString();
    post(row, std::move(edit),
         [key, annotator, text](Workspace& workspace) { Annotations(workspace).setNote(key, annotator, text); });
}

// Shows the edit in its row at once and hands the write to the writer's thread.
void AnswerTableModel::post(int row, PendingEdit edit, std::function<void(Workspace&)> write)
{
    if (m_annotator.isEmpty())
        throw InvalidArgument("the annotation of " + edit.itemKey.toStdString() + " needs an annotator");
    edit.annotator = m_annotator;
    edit.path = QString::fromStdString(m_workspace->path().string());
    const quint64 ticket = m_writer->post(edit.path, std::move(write));
    m_pending.emplace(ticket, std::move(edit));
    applyPending(m_rows[row], m_labels);
    annotationsChanged(row, row);
}

void AnswerTableModel::writeDone(quint64 ticket, const QString& error)
{
    if (const auto found = m_exports.find(ticket); found != m_exports.end()) {
        const QString fileName = found->second.fileName;
        m_exports.erase(found);
        Q_EMIT exported(fileName, error);
        return;
    }
    const auto found = m_pending.find(ticket);
    if (found == m_pending.end())
        return;
    const PendingEdit edit = found->second;
    m_pending.erase(found);
    if (!error.isEmpty()) {
        // Undone: the row shows what the database holds, and the edits after this one.
        const int row = rowOfItem(edit.itemKey);
        if (row >= 0 && m_workspace && edit.annotator == m_annotator &&
            edit.path == QString::fromStdString(m_workspace->path().string())) {
            try {
                const std::optional<Annotation> stored =
                    Annotations(*m_workspace).annotation(edit.itemKey.toStdString(), edit.annotator.toStdString());
                InspectedAnswer& answer = m_rows[row];
                answer.labelId = stored ? stored->labelId : std::nullopt;
                answer.label = stored ? QString::fromStdString(stored->label) : QString();
                answer.note = stored ? QString::fromStdString(stored->note) : QString();
                applyPending(answer, m_labels);
                annotationsChanged(row, row);
            } catch (const std::exception&) {
                // Unreadable too: the error below is what there is to say.
            }
        }
        Q_EMIT annotationWriteFailed(error);
    }
    if (m_pending.empty())
        Q_EMIT annotationsWritten();
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
    // The labels on their way, over what the database holds yet.
    const QString path = QString::fromStdString(m_workspace->path().string());
    for (const auto& [ticket, edit] : m_pending) {
        if (!edit.isLabel || edit.path != path)
            continue;
        const std::string annotator = edit.annotator.toStdString();
        const std::string key = edit.itemKey.toStdString();
        std::erase_if(records, [&](const LabelRecord& record) {
            return record.annotator == annotator && record.itemKey == key;
        });
        if (edit.labelId)
            records.push_back({annotator, key, edit.label.toStdString()});
    }
    return pairwiseKappa(records);
}

void AnswerTableModel::exportAnnotations(const QString& fileName, AnnotationFormat format)
{
    if (!m_workspace)
        throw InvalidArgument(tr("No workspace is open.").toStdString());
    const QString shown = QDir::toNativeSeparators(fileName);
    const std::string file = QFile::encodeName(fileName).toStdString();
    const std::string cannotWrite = tr("Cannot write %1.").arg(shown).toStdString();
    const std::string diskFull = tr("Cannot write %1: the disk may be full.").arg(shown).toStdString();
    const quint64 ticket = m_writer->post(
        QString::fromStdString(m_workspace->path().string()), [=](Workspace& workspace) {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(cannotWrite);
            Annotations annotations(workspace);
            if (format == AnnotationFormat::Csv)
                annotations.exportCsv(out);
            else
                annotations.exportJsonl(out);
            out.close();
            if (out.fail())
                throw Error(diskFull);
        });
    m_exports[ticket] = {fileName};
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
    for (Outcome outcome : allOutcomes())
        if (present.contains(static_cast<int>(outcome)))
            keys << outcomeKey(outcome);
    return keys;
}

}  // namespace rrtf
