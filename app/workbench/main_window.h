// The workbench window: models (left dock), problems (left dock), the prompt
// editor and the side-by-side answers (centre). It wires controllers and views;
// engine work happens on the model host threads and the judge thread.
#pragma once

#include "shortcut_map.h"
#include "theme.h"
#include "workbench_settings.h"

#include <QMainWindow>
#include <QThread>

#include <memory>

class QDockWidget;
class QMenu;
class QListView;
class QTableView;
class QLabel;
class QTabWidget;

namespace rrtf {

class BenchmarkRunner;
class BenchmarkView;
class CaseStudyView;
class CodeEditor;
class FindBar;
class InspectorView;
class TrainingView;
class CompareView;
class DemoTour;
class Workspace;
class JudgeWorker;
class ModelListModel;
class ProblemListModel;
class RankingsView;

struct MainWindowOptions {
    QString demoFolder;       // the demo pack (demo.json) a first start opens on; empty: none
    bool loadModelsOnStart = true;
    QString workspacePath;    // empty: the last one opened, else the default workspace
    bool demoTour = true;     // a first start answers, judges and benchmarks the demo (with loadModelsOnStart)
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    ModelListModel& models() { return *m_models; }
    ProblemListModel& problems() { return *m_problems; }
    CompareView& compare() { return *m_compare; }
    CodeEditor& promptEditor() { return *m_prompt; }
    FindBar& findBar() { return *m_findBar; }
    BenchmarkView& benchmark() { return *m_benchmark; }
    BenchmarkRunner& benchmarkRunner() { return *m_runner; }
    CaseStudyView& caseStudy() { return *m_caseStudy; }
    InspectorView& inspector() { return *m_inspector; }
    TrainingView& training() { return *m_training; }
    DemoTour* demoTour() { return m_tour; }  // the first start's tour; null otherwise
    QTabWidget& tabs() { return *m_tabs; }
    Workspace* workspace() { return m_workspace.get(); }

    void openProblemSet(const QString& path);
    // Shows a rankings file (rrtf rank) in a window of its own, read in the background.
    RankingsView* openRankings(const QString& path);
    // Opens (or creates) a workspace database; the previous one stays open on failure.
    bool openWorkspace(const QString& path);
    void selectProblem(int row);
    // Opens a problem by task id (opening its problem set first when another one is open).
    void openProblem(const QString& taskId, const QString& problemSetPath);
    // Opens the template dialog of a model; accepting gives the model that text as its own template.
    void editTemplate(int row);
    // Writes the workspace report (HTML for .html, else Markdown); errors are shown, not thrown.
    bool exportReportTo(const QString& path);
    // Opens the keyboard shortcuts page; accepting applies and saves the keys.
    void editShortcuts();
    void setTheme(Theme theme);
    const ShortcutMap& shortcuts() const { return m_shortcuts; }

public Q_SLOTS:
    void runAll();
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createDocks();
    void createCentre();
    void createMenus();
    bool tryOpenProblemSet(const QString& path, QString* error);
    void createThemeMenu(QMenu* menu);
    void restoreOrSeedModels(const MainWindowOptions& options);
    void addModelFromFolder();
    void removeSelectedModel();
    int selectedModelRow() const;
    void saveSettings();
    void rebuildRecentMenu();

    WorkbenchSettings m_settings;
    ShortcutMap m_shortcuts;
    std::unique_ptr<Workspace> m_workspace;
    ModelListModel* m_models;
    ProblemListModel* m_problems;
    QThread m_judgeThread;
    JudgeWorker* m_judge;
    CodeEditor* m_prompt = nullptr;
    FindBar* m_findBar = nullptr;
    CompareView* m_compare = nullptr;
    QLabel* m_problemTitle = nullptr;
    QTableView* m_modelTable = nullptr;
    QListView* m_problemList = nullptr;
    QDockWidget* m_modelDock = nullptr;
    QDockWidget* m_problemDock = nullptr;
    QTabWidget* m_tabs = nullptr;
    CaseStudyView* m_caseStudy = nullptr;
    InspectorView* m_inspector = nullptr;
    TrainingView* m_training = nullptr;
    BenchmarkRunner* m_runner = nullptr;
    BenchmarkView* m_benchmark = nullptr;
    DemoTour* m_tour = nullptr;
    QMenu* m_recentMenu = nullptr;
    QByteArray m_defaultState;
    QString m_taskId;
    bool m_promptIsCode = false;
    bool m_restoredLayout = false;  // a saved layout was applied at start
    bool m_layoutSized = false;     // first-show sizing done
};

}  // namespace rrtf
