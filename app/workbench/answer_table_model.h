// Every answer of every benchmark run in the workspace, one row each, with the
// current annotator's failure label and note: what the failure inspector lists.
// Labels and notes are written through Annotations on a WorkspaceWriter's thread
// (never a commit on the GUI thread): the row shows an edit at once, what the
// model reads back keeps the edits still on their way, and a write that fails is
// undone and reported (annotationWriteFailed).
#pragma once

#include "evaluation/case_study.h"
#include "evaluation/verdict.h"
#include "store/annotations.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace rrtf {

class Workspace;
class WorkspaceWriter;

enum class AnnotationFormat { Csv, Jsonl };

// One answer as the inspector shows it.
struct InspectedAnswer {
    std::int64_t runId = 0;  // 0: no answer (row out of range)
    int sampleIndex = 0;
    int sampleNumber = 0;    // sampleIndex % samples per problem
    QString itemKey;         // annotationItemKey(runId, sampleIndex)
    QString model;
    QString decoding;
    QString taskId;
    QString completion;
    Verdict verdict;
    QString problemSetPath;
    // The current annotator's annotation of it.
    std::optional<std::int64_t> labelId;
    QString label;  // the label's name; empty when none
    QString note;

    bool isValid() const { return runId != 0; }
};

class AnswerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ModelColumn, DecodingColumn, TaskColumn, SampleColumn, OutcomeColumn, TestsColumn,
                  LabelColumn, NoteColumn, ColumnCount };
    enum Role {
        ModelRole = Qt::UserRole + 1,  // model name
        OutcomeRole,                   // the engine's outcome key ("failed")
        LabelRole,                     // the label's name, "" when unlabelled
        SearchTextRole,                // task id, completion and verdict detail
        SortRole,                      // what the column sorts by (numbers for numeric columns)
        ItemKeyRole,                   // the annotation item key
    };

    explicit AnswerTableModel(QObject* parent = nullptr);
    ~AnswerTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The workspace is not owned; it must outlive the model or be replaced first
    // (nullptr empties the model). Both reread everything; they throw rrtf::Error
    // when the database cannot be read (the model then keeps its old rows).
    void setWorkspace(Workspace* workspace);
    Workspace* workspace() const { return m_workspace; }
    void reload();
    // Rereads the taxonomy and the current annotator's labels and notes only
    // (after the taxonomy was edited, or another view annotated).
    void reloadAnnotations();

    void setAnnotator(const QString& annotator);  // rereads its labels and notes
    QString annotator() const { return m_annotator; }

    InspectedAnswer answerAt(int row) const;  // invalid (runId 0) out of range
    int rowOfItem(const QString& itemKey) const;  // -1 when not listed

    // Set the current annotator's label (empty: clear it) or note of a row: shown
    // at once, written on the writer's thread. Throw rrtf::Error (InvalidArgument
    // for no workspace, an empty annotator or a label not in the taxonomy).
    void setLabel(int row, std::optional<std::int64_t> labelId);
    void setNote(int row, const QString& note);
    // Whether an edit is still on its way to the database (annotationsWritten
    // says when none is).
    bool writesPending() const { return !m_pending.empty(); }

    // Pairwise Cohen's kappa of every two annotators of the workspace over the
    // items both labelled (all annotations, not only the listed answers; the
    // edits still on their way included).
    std::vector<PairwiseKappa> agreement() const;
    // Writes every annotation of the workspace (Annotations::exportCsv/exportJsonl)
    // on the writer's thread, after the edits made before; `exported` says how
    // it went (the error names the file when it cannot be written).
    void exportAnnotations(const QString& fileName, AnnotationFormat format);

    // The taxonomy as last read, in list order.
    const std::vector<FailureLabel>& labels() const { return m_labels; }
    QStringList models() const;    // distinct model names, in row order
    QStringList outcomes() const;  // distinct outcome keys, in the engine's order

Q_SIGNALS:
    // A label or note could not be stored: it is undone, and `error` says why.
    void annotationWriteFailed(const QString& error);
    void annotationsWritten();  // every edit made so far is in the database
    void exported(const QString& fileName, const QString& error);  // error empty: written

private:
    // An edit posted to the writer and not yet reported done.
    struct PendingEdit {
        QString path;  // the workspace it goes to
        QString itemKey;
        QString annotator;
        bool isLabel = true;                  // else the note
        std::optional<std::int64_t> labelId;  // the label's id and name, for a label
        QString label;
        QString note;                         // for a note
    };
    struct PendingExport {
        QString fileName;
    };
    void readAnnotations(QVector<InspectedAnswer>& rows, std::vector<FailureLabel>& labels) const;
    void applyPending(InspectedAnswer& answer, const std::vector<FailureLabel>& labels) const;
    void post(int row, PendingEdit edit, std::function<void(Workspace&)> write);
    void writeDone(quint64 ticket, const QString& error);
    void annotationsChanged(int firstRow, int lastRow);
    const InspectedAnswer& checkedRow(int row) const;

    WorkspaceWriter* m_writer;
    std::map<quint64, PendingEdit> m_pending;  // by ticket: the order they were made
    std::map<quint64, PendingExport> m_exports;
    Workspace* m_workspace = nullptr;
    QString m_annotator;
    QVector<InspectedAnswer> m_rows;
    QHash<QString, int> m_rowOfKey;
    std::vector<FailureLabel> m_labels;
};

}  // namespace rrtf
