// The case-study view (the paper's Figure 5): which problems each model solves.
// Benchmark runs are grouped by problem set and decoding; for the chosen group a
// Venn diagram (an UpSet plot for more than three models) shows the problems
// solved by each combination of models, a click lists a region's problems, a
// table ranks problems by how much the models disagree, and McNemar's paired
// test compares every pair of models. Activating a problem asks the main window
// to open it side by side.
#pragma once

#include "run_summaries.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace rrtf {

class DisagreementModel;
class McNemarModel;
class RegionProblemsModel;
class SolveMatrix;
class VennView;
class Workspace;
struct SolveRegions;

class CaseStudyView : public QWidget {
    Q_OBJECT
public:
    explicit CaseStudyView(QWidget* parent = nullptr);
    ~CaseStudyView() override;

    // The workspace to read benchmark runs from (not owned; nullptr clears the
    // view). It must outlive the view or be replaced first. Reloads.
    void setWorkspace(Workspace* workspace);
    Workspace* workspace() const { return m_workspace; }

    // Accessors for tests.
    VennView* vennView() const { return m_venn; }
    QStringList regionProblems() const;  // task ids of the listed region
    QComboBox* groupCombo() const { return m_groupCombo; }
    QComboBox* ruleCombo() const { return m_ruleCombo; }
    QCheckBox* upSetCheck() const { return m_upSetCheck; }
    QListView* regionList() const { return m_regionList; }
    QTableView* disagreementTable() const { return m_disagreementTable; }
    RegionProblemsModel* regionModel() const { return m_regionModel; }
    McNemarModel* mcNemarModel() const { return m_mcNemarModel; }
    DisagreementModel* disagreementModel() const { return m_disagreementModel; }
    QString problemSetPath() const;  // of the chosen group; empty when none
    quint32 shownRegion() const { return m_region; }

public Q_SLOTS:
    // Reads the workspace's benchmark runs again, keeping the chosen group when it is still there.
    void reload();
    // Lists the problems solved by exactly the models in mask (0: by none).
    void showRegion(quint32 mask);

Q_SIGNALS:
    void problemActivated(const QString& taskId, const QString& problemSetPath);

private:

    void showGroup(int comboIndex);
    void applyRule();
    void updateUpSetCheck();
    void activateProblem(const QModelIndex& index);
    void showError(const QString& message);
    void clearResults();

    Workspace* m_workspace = nullptr;
    std::vector<RunGroup> m_groups;
    std::shared_ptr<const SolveMatrix> m_matrix;
    std::unique_ptr<SolveRegions> m_regions;
    int m_group = -1;          // index into m_groups
    quint32 m_region = 0xFFFFFFFFu;  // the listed region, or none

    QComboBox* m_groupCombo;
    QComboBox* m_ruleCombo;
    QCheckBox* m_upSetCheck;
    QLabel* m_status;
    VennView* m_venn;
    QLabel* m_regionLabel;
    QListView* m_regionList;
    QTableView* m_disagreementTable;
    QTableView* m_mcNemarTable;
    RegionProblemsModel* m_regionModel;
    DisagreementModel* m_disagreementModel;
    QSortFilterProxyModel* m_disagreementProxy;
    McNemarModel* m_mcNemarModel;
};

}  // namespace rrtf
