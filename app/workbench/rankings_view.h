// The rankings viewer (issue 5 item 3): what `rrtf rank` wrote, before a job
// trains on it. A summary of the file (items, answer classes, pairs, items
// left out and why), a filterable table with one row per instruction, and for
// the selected one every teacher and student answer with its verdict, class,
// score and code, and the pairs (r_tea, r_stu) the loss will use. Files are
// read off the GUI thread; a bad line is reported by file and line.
#pragma once

#include "rankings_summary.h"
#include "rankings_table_model.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace rrtf {

class CodeEditor;
class RankedAnswersModel;
class RankingsFilterModel;

class RankingsView : public QWidget {
    Q_OBJECT
public:
    explicit RankingsView(QWidget* parent = nullptr);
    ~RankingsView() override;

    // A window of its own showing `path` (read in the background); it deletes itself when closed.
    static RankingsView* openWindow(QWidget* parent, const QString& path);

    // Reads `path` here and now; false (and the message shown) when it cannot.
    // The file shown before stays on failure.
    bool load(const QString& path);
    // Reads `path` on a worker thread; finishedLoading follows. A newer call wins.
    void open(const QString& path);
    bool isLoading() const { return m_loading; }

    QString path() const { return m_path; }
    QString errorText() const;  // the last failure's message; empty after a success
    const RankingsSummary& summary() const { return m_summary; }
    QString summaryText() const;

    // Makes the item with this task id current (clearing the filters when they hide it).
    bool selectTask(const QString& taskId);
    // Makes an answer of the current item current (row of the answers table: teachers, then students).
    void selectAnswer(int row);
    const RankedItem* currentItem() const;

    QTableView* itemsView() const { return m_table; }
    RankingsTableModel* itemsModel() const { return m_items; }
    RankingsFilterModel* filterModel() const { return m_filter; }
    QTableView* answersView() const { return m_answersView; }
    RankedAnswersModel* answersModel() const { return m_answers; }
    CodeEditor* codeEditor() const { return m_code; }
    QString pairsText() const;
    QString answerDetailText() const;
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* teacherClassCombo() const { return m_teacherClass; }
    QComboBox* studentClassCombo() const { return m_studentClass; }
    QCheckBox* attentionCheck() const { return m_attention; }
    QCheckBox* wholeResponseCheck() const { return m_wholeResponse; }

public Q_SLOTS:
    void chooseFile();
    void reload();

Q_SIGNALS:
    void finishedLoading(bool ok);

public:
    struct LoadResult;  // what a worker reads and the view then shows (rankings_view.cpp)

private:
    QWidget* createFilterBar();
    QWidget* createDetails();
    void apply(const QString& path, LoadResult& result);
    void showError(const QString& message);
    void showCurrentItem();
    void showCurrentAnswer();
    void updateCount();
    QString describePairs(const RankedItem& item) const;

    RankingsTableModel* m_items;
    RankingsFilterModel* m_filter;
    RankedAnswersModel* m_answers;
    RankingsSummary m_summary;
    QString m_path;
    bool m_loading = false;
    quint64 m_generation = 0;  // which open() a finishing worker belongs to

    QPushButton* m_reload = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_teacherClass = nullptr;
    QComboBox* m_studentClass = nullptr;
    QCheckBox* m_attention = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QPlainTextEdit* m_instruction = nullptr;
    QTableView* m_answersView = nullptr;
    QPlainTextEdit* m_pairs = nullptr;
    QCheckBox* m_wholeResponse = nullptr;
    CodeEditor* m_code = nullptr;
    QPlainTextEdit* m_answerDetail = nullptr;
};

}  // namespace rrtf
