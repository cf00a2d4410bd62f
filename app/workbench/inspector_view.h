// The failure inspector for annotators (a dock): every benchmark answer of the
// workspace in a filterable table, its prompt, answer, tests and traceback, and
// one-key failure labels with auto-advance, notes, several annotators, their
// agreement (Cohen's kappa) and CSV/JSONL export. Everything is stored in the
// workspace database as it is entered.
#pragma once

#include "evaluation/case_study.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolBar;

namespace rrtf {

class AnswerFilterModel;
class AnswerTableModel;
class CodeEditor;
class OutcomeBadge;
class ProblemSet;
class Workspace;
struct FailureLabel;
struct InspectedAnswer;
enum class AnnotationFormat;

class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(QWidget* parent = nullptr);
    ~InspectorView() override;

    // Not owned: the workspace must outlive the view or be replaced first
    // (nullptr empties it; do so before the workspace is destroyed, which also
    // saves a note being edited). Errors reading it are shown, not thrown.
    void setWorkspace(Workspace* workspace);
    Workspace* workspace() const { return m_workspace; }
    void reload();  // rereads answers, taxonomy and annotations, keeping the current answer
    // Shows only `model`'s answers (all when it has none) and makes the first one current:
    // its failures, ready to label.
    void showModelAnswers(const QString& model);

    // Whose labels and notes the view shows and writes (trimmed; empty: none can
    // be written). Starts as the login name; annotatorChanged follows each change.
    void setAnnotator(const QString& annotator);
    QString annotator() const;

    // Labels the current answer (nullopt clears its label); with `advance` the
    // next row becomes current. False (and a message shown) when it could not.
    bool labelCurrent(std::optional<std::int64_t> labelId, bool advance);
    void saveNote();  // the note being edited, if changed

    // Pairwise Cohen's kappa of every two annotators over the items both labelled
    // (annotators with notes only are left out). Throw rrtf::Error when the
    // database cannot be read.
    std::vector<PairwiseKappa> agreement() const;
    QString agreementSummary() const;
    static QString formatAgreement(const std::vector<PairwiseKappa>& pairs);

    // "1 wrong algorithm" (key, space, name), or the name alone when it has no key.
    static QString labelCaption(const FailureLabel& label);

    QTableView* tableView() const { return m_table; }
    AnswerFilterModel* filterModel() const { return m_filter; }
    AnswerTableModel* answerModel() const { return m_answers; }
    CodeEditor* answerEditor() const { return m_answer; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPlainTextEdit* promptView() const { return m_prompt; }
    QComboBox* modelCombo() const { return m_modelCombo; }
    QComboBox* outcomeCombo() const { return m_outcomeCombo; }
    QComboBox* labelCombo() const { return m_labelCombo; }
    QLineEdit* searchEdit() const { return m_search; }
    QToolBar* labelBar() const { return m_labelBar; }  // the labels' actions, then "Clear label"

public Q_SLOTS:
    void editTaxonomy();
    void showAgreement();
    void exportCsv();
    void exportJsonl();

Q_SIGNALS:
    void annotatorChanged(const QString& annotator);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct CachedProblems {
        std::shared_ptr<const ProblemSet> problems;
        QString error;
    };

    QWidget* createFilterBar();
    QWidget* createDetails();
    void applyFilters();
    void refreshFilterCombos();
    void refreshLabelBar();
    void updateLabelButtons();
    void showCurrent();
    void showProblem(const InspectedAnswer& answer);
    // The line of the answer to mark (its syntax error, or where it leaves the reference).
    int faultLine(const InspectedAnswer& answer);
    const CachedProblems& problemsAt(const QString& path);
    int currentSourceRow() const;
    void selectSourceRow(int sourceRow, int column);
    void exportTo(AnnotationFormat format);
    bool attempt(const std::function<void()>& action, const QString& what);

    Workspace* m_workspace = nullptr;
    AnswerTableModel* m_answers;
    AnswerFilterModel* m_filter;
    std::map<QString, CachedProblems> m_problemSets;  // by path as stored in the run
    QString m_noteKey;       // the item whose note m_note shows
    QString m_noteOriginal;  // as loaded or last saved

    QComboBox* m_modelCombo = nullptr;
    QComboBox* m_outcomeCombo = nullptr;
    QComboBox* m_labelCombo = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    OutcomeBadge* m_badge = nullptr;
    QLabel* m_title = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    CodeEditor* m_tests = nullptr;
    CodeEditor* m_answer = nullptr;
    QPlainTextEdit* m_traceback = nullptr;
    QToolBar* m_labelBar = nullptr;
    QList<QAction*> m_labelActions;  // one per label, in taxonomy order
    QAction* m_labelsEnd = nullptr;  // the separator after them
    QAction* m_clearLabel = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLineEdit* m_annotatorEdit = nullptr;
    QList<QPushButton*> m_workspaceButtons;
    QStringList m_exports;  // files being exported from here, whose errors are shown here
};

}  // namespace rrtf
