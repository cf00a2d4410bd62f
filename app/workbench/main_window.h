// The workbench window: models (left dock), problems (left dock), the prompt
// editor and the side-by-side answers (centre). It wires controllers and views;
// engine work happens on the model host threads and the judge thread.
#pragma once

#include "workbench_settings.h"

#include <QMainWindow>
#include <QThread>

class QDockWidget;
class QListView;
class QTableView;
class QLabel;

namespace rrtf {

class CodeEditor;
class CompareView;
class JudgeWorker;
class ModelListModel;
class ProblemListModel;

struct MainWindowOptions {
    QString demoFolder;       // where the demo pack is written on first start
    bool loadModelsOnStart = true;
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

    void openProblemSet(const QString& path);
    void selectProblem(int row);

public Q_SLOTS:
    void runAll();
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createCentre();
    void createMenus();
    void restoreOrSeedModels(const MainWindowOptions& options);
    void addModelFromFolder();
    void removeSelectedModel();
    int selectedModelRow() const;
    void saveSettings();

    WorkbenchSettings m_settings;
    ModelListModel* m_models;
    ProblemListModel* m_problems;
    QThread m_judgeThread;
    JudgeWorker* m_judge;
    CodeEditor* m_prompt = nullptr;
    CompareView* m_compare = nullptr;
    QLabel* m_problemTitle = nullptr;
    QTableView* m_modelTable = nullptr;
    QListView* m_problemList = nullptr;
    QDockWidget* m_modelDock = nullptr;
    QDockWidget* m_problemDock = nullptr;
    QByteArray m_defaultState;
    QString m_taskId;
    bool m_promptIsCode = false;
};

}  // namespace rrtf
