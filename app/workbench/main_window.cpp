#include "main_window.h"

#include "benchmark_view.h"
#include "case_study_view.h"
#include "inspector_view.h"
#include "compare_view.h"
#include "demo_pack.h"
#include "demo_tour.h"
#include "judge_service.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "model_table_delegate.h"
#include "problem_list_model.h"
#include "rankings_view.h"
#include "report.h"
#include "shortcuts_dialog.h"
#include "template_dialog.h"
#include "training_view.h"
#include "widgets/code_editor.h"
#include "widgets/find_bar.h"

#include "evaluation/problem_set.h"
#include "store/workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QShowEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <exception>

namespace rrtf {

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RRTF Workbench"));
    qRegisterMetaType<AnswerVerdict>();
    qRegisterMetaType<PromptSource>();
    m_models = new ModelListModel(this);
    m_problems = new ProblemListModel(this);
    m_judge = new JudgeWorker;
    m_judge->moveToThread(&m_judgeThread);
    connect(&m_judgeThread, &QThread::finished, m_judge, &QObject::deleteLater);
    m_judgeThread.setObjectName(QStringLiteral("judge"));
    m_judgeThread.start();

    m_runner = new BenchmarkRunner(*m_models, *m_judge, this);
    createCentre();
    createDocks();
    createMenus();
    if (const Theme theme = parseTheme(m_settings.theme()); theme != Theme::System)
        applyTheme(theme);
    m_defaultState = saveState(WorkbenchSettings::kLayoutVersion);
    restoreGeometry(m_settings.windowGeometry());
    m_restoredLayout = restoreState(m_settings.windowState(), WorkbenchSettings::kLayoutVersion);
    m_compare->setSyncScrolling(m_settings.syncScrolling());
    m_prompt->setZoomLevel(m_settings.editorZoom());

    connect(m_models, &ModelListModel::stateChanged, this, [this](int row) {
        m_compare->syncPanes();
        if (m_models->stateAt(row) == ModelState::Failed)
            statusBar()->showMessage(tr("%1: %2").arg(m_models->slotAt(row).name, m_models->errorAt(row)));
    });
    restoreOrSeedModels(options);
    QString workspace = options.workspacePath;
    if (workspace.isEmpty() && !m_settings.recentWorkspaces().isEmpty())
        workspace = m_settings.recentWorkspaces().first();
    if (workspace.isEmpty()) {
        try {
            workspace = QString::fromStdString(defaultWorkspacePath().string());
        } catch (const std::exception& error) {
            statusBar()->showMessage(QString::fromUtf8(error.what()));
        }
    }
    if (!workspace.isEmpty())
        openWorkspace(workspace);
    if (options.loadModelsOnStart)
        for (int row = 0; row < m_models->rowCount(); ++row)
            m_models->load(row);
    if (m_tour)
        m_tour->start();
}

MainWindow::~MainWindow()
{
    m_runner->cancel();
    m_compare->setWorkspace(nullptr);
    // The views save what is being edited (a note) into the workspace: detach them first.
    m_inspector->setWorkspace(nullptr);
    m_caseStudy->setWorkspace(nullptr);
    m_benchmark->setWorkspace(nullptr);
    // The judge's thread may be calibrating a problem set (many sandbox runs):
    // cancelled, it ends after the programs running now, so closing never waits
    // for the rest. Verdicts already judged have been stored by then.
    m_judge->cancel();
    m_judgeThread.quit();
    m_judgeThread.wait();
}

void MainWindow::createCentre()
{
    m_prompt = new CodeEditor(this);
    m_prompt->setAccessibleName(tr("Prompt"));
    m_problemTitle = new QLabel(tr("Free prompt (no tests)"), this);
    auto* run = new QPushButton(tr("Run all"), this);
    run->setToolTip(tr("Generate an answer in every pane (Ctrl+Return)"));
    auto* stop = new QPushButton(tr("Stop all"), this);
    auto* test = new QPushButton(tr("Run tests"), this);
    auto* diff = new QPushButton(tr("Diff…"), this);
    m_compare = new CompareView(*m_models, *m_judge, this);
    connect(run, &QPushButton::clicked, this, &MainWindow::runAll);
    connect(stop, &QPushButton::clicked, m_compare, &CompareView::stopAll);
    connect(test, &QPushButton::clicked, m_compare, &CompareView::testAll);
    connect(diff, &QPushButton::clicked, m_compare, &CompareView::showDiff);
    connect(m_prompt, &CodeEditor::zoomChanged, this, [this](int zoom) { m_settings.setEditorZoom(zoom); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_problemTitle, 1);
    buttons->addWidget(run);
    buttons->addWidget(stop);
    buttons->addWidget(test);
    buttons->addWidget(diff);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    m_findBar = new FindBar(*m_prompt, top);
    topLayout->addWidget(m_findBar);
    topLayout->addWidget(m_prompt, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_compare);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({160, 640});  // the answers get the room; the prompt grows on demand
    // The views that need the whole window are tabs of the centre; the lists they
    // draw on (models, problems) are docks beside them.
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(splitter, tr("Side by side"));
    setCentralWidget(m_tabs);
}

void MainWindow::createDocks()
{
    m_modelTable = new QTableView(this);
    m_modelTable->setModel(m_models);
    m_modelTable->setItemDelegate(new ModelTableDelegate(m_modelTable));
    m_modelTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_modelTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_modelTable->horizontalHeader()->setStretchLastSection(true);
    m_modelTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_modelTable->setColumnHidden(ModelListModel::Directory, true);  // shown as the name's tooltip
    m_modelTable->verticalHeader()->hide();
    m_modelTable->setAccessibleName(tr("Models"));
    auto* add = new QPushButton(tr("Add…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* load = new QPushButton(tr("Load"), this);
    auto* unload = new QPushButton(tr("Unload"), this);
    auto* editTemplate = new QPushButton(tr("Template…"), this);
    editTemplate->setToolTip(tr("Show and edit the prompt template of the selected model"));
    connect(add, &QPushButton::clicked, this, &MainWindow::addModelFromFolder);
    connect(remove, &QPushButton::clicked, this, &MainWindow::removeSelectedModel);
    connect(load, &QPushButton::clicked, this, [this] { m_models->load(selectedModelRow()); });
    connect(unload, &QPushButton::clicked, this, [this] { m_models->unload(selectedModelRow()); });
    connect(editTemplate, &QPushButton::clicked, this, [this] { this->editTemplate(selectedModelRow()); });
    auto* modelButtons = new QHBoxLayout;
    for (QPushButton* button : {add, remove, load, unload, editTemplate})
        modelButtons->addWidget(button);
    auto* modelPanel = new QWidget(this);
    auto* modelLayout = new QVBoxLayout(modelPanel);
    modelLayout->addWidget(m_modelTable);
    modelLayout->addLayout(modelButtons);
    m_modelDock = new QDockWidget(tr("Models"), this);
    m_modelDock->setObjectName(QStringLiteral("modelsDock"));
    m_modelDock->setWidget(modelPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_modelDock);

    m_problemList = new QListView(this);
    m_problemList->setModel(m_problems);
    m_problemList->setAccessibleName(tr("Problems"));
    connect(m_problemList, &QListView::activated, this, [this](const QModelIndex& index) { selectProblem(index.row()); });
    connect(m_problemList, &QListView::clicked, this, [this](const QModelIndex& index) { selectProblem(index.row()); });
    m_problemDock = new QDockWidget(tr("Problems"), this);
    m_problemDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemDock->setWidget(m_problemList);
    addDockWidget(Qt::LeftDockWidgetArea, m_problemDock);

    m_benchmark = new BenchmarkView(*m_models, *m_problems, *m_runner, this);
    m_benchmark->setDecoding(m_settings.benchmarkDecoding());
    connect(m_benchmark, &BenchmarkView::decodingChanged, this,
            [this] { m_settings.setBenchmarkDecoding(m_benchmark->decoding()); });
    m_tabs->addTab(m_benchmark, tr("Benchmark"));

    m_caseStudy = new CaseStudyView(this);
    m_tabs->addTab(m_caseStudy, tr("Case study"));
    connect(m_caseStudy, &CaseStudyView::problemActivated, this, [this](const QString& taskId, const QString& path) {
        openProblem(taskId, path);
        m_tabs->setCurrentIndex(0);  // side by side
    });
    connect(m_runner, &BenchmarkRunner::finished, m_caseStudy, &CaseStudyView::reload);

    m_inspector = new InspectorView(this);
    m_inspector->setAnnotator(m_settings.annotator());
    m_tabs->addTab(m_inspector, tr("Failure inspector"));
    connect(m_runner, &BenchmarkRunner::finished, m_inspector, &InspectorView::reload);
    connect(m_compare, &CompareView::answerStored, m_inspector, &InspectorView::reload);
    connect(m_inspector, &InspectorView::annotatorChanged, this,
            [this](const QString& name) { m_settings.setAnnotator(name); });

    m_training = new TrainingView(this);
    for (const QString& folder : m_settings.trainingRuns())
        m_training->addRun(folder);
    m_tabs->addTab(m_training, tr("Training"));
    connect(m_training, &TrainingView::runsChanged, this,
            [this] { m_settings.setTrainingRuns(m_training->runFolders()); });
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_layoutSized)
        return;
    m_layoutSized = true;
    if (!m_restoredLayout) {
        resizeDocks({m_modelDock}, {300}, Qt::Horizontal);
    }
}

void MainWindow::createMenus()
{
    const QMap<QString, QKeySequence> overrides = m_settings.shortcutOverrides();
    const auto bind = [&](QAction* action, const QString& id, const QKeySequence& keys = {}) {
        m_shortcuts.add(action, id, keys, overrides);
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    bind(file->addAction(tr("Open &Problem Set…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a problem set"), QString(),
                                                          tr("Problem sets (*.jsonl *.jsonl.gz *.json)"));
        if (!path.isEmpty())
            openProblemSet(path);
    }), QStringLiteral("file.openProblemSet"), QKeySequence::Open);
    bind(file->addAction(tr("Open &Workspace…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Open or create a workspace"), QString(),
                                                          tr("Workspaces (*.sqlite)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            openWorkspace(path);
    }), QStringLiteral("file.openWorkspace"));
    m_recentMenu = file->addMenu(tr("&Recent Workspaces"));
    bind(file->addAction(tr("Open &Rankings…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open rankings"), QString(),
                                                          tr("Rankings (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            openRankings(path);
    }), QStringLiteral("file.openRankings"));
    bind(file->addAction(tr("&Add Model…"), this, &MainWindow::addModelFromFolder), QStringLiteral("file.addModel"));
    bind(file->addAction(tr("&Export Report…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export a report"), QStringLiteral("report.html"),
                                                          tr("HTML (*.html);;Markdown (*.md)"));
        if (!path.isEmpty())
            exportReportTo(path);
    }), QStringLiteral("file.exportReport"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    bind(file->addAction(tr("&Quit"), this, &QWidget::close), QStringLiteral("file.quit"), QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    // Ctrl+F, F3 and Shift+F3 belong to the focused editor (its own shortcuts);
    // the menu entries act on the prompt.
    bind(edit->addAction(tr("&Find in Prompt…"), m_findBar, &FindBar::open), QStringLiteral("edit.find"));
    bind(edit->addAction(tr("Find &Next"), m_findBar, &FindBar::findNext), QStringLiteral("edit.findNext"));
    bind(edit->addAction(tr("Find &Previous"), m_findBar, &FindBar::findPrevious), QStringLiteral("edit.findPrevious"));
    edit->addSeparator();
    bind(edit->addAction(tr("&Keyboard Shortcuts…"), this, &MainWindow::editShortcuts),
         QStringLiteral("edit.shortcuts"));

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    bind(run->addAction(tr("Run &All"), this, &MainWindow::runAll), QStringLiteral("run.all"),
         QKeySequence(Qt::CTRL | Qt::Key_Return));
    bind(run->addAction(tr("&Stop All"), m_compare, &CompareView::stopAll), QStringLiteral("run.stop"),
         QKeySequence(Qt::Key_Escape));
    bind(run->addAction(tr("Run &Tests"), m_compare, &CompareView::testAll), QStringLiteral("run.tests"),
         QKeySequence(Qt::CTRL | Qt::Key_T));
    bind(run->addAction(tr("&Diff Two Answers…"), m_compare, &CompareView::showDiff), QStringLiteral("run.diff"),
         QKeySequence(Qt::CTRL | Qt::Key_D));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_modelDock->toggleViewAction());
    view->addAction(m_problemDock->toggleViewAction());
    view->addSeparator();
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        QAction* show = view->addAction(m_tabs->tabText(tab), this, [this, tab] { m_tabs->setCurrentIndex(tab); });
        bind(show, QStringLiteral("view.tab%1").arg(tab + 1), QKeySequence(Qt::CTRL | (Qt::Key_1 + tab)));
    }
    view->addSeparator();
    createThemeMenu(view->addMenu(tr("&Theme")));
    bind(view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout), QStringLiteral("view.resetLayout"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RRTF Workbench"), this, [this] {
        QMessageBox::about(this, tr("About RRTF Workbench"),
                           tr("<b>RRTF Workbench %1</b><p>Compare StarCoder-family models side by side, "
                              "judge their answers in a sandbox, and train them with RRTF.</p>")
                               .arg(engineVersion()));
    });
}

void MainWindow::restoreOrSeedModels(const MainWindowOptions& options)
{
    QVector<ModelSlot> models = m_settings.modelSlots();
    QString problemSet = m_settings.problemSetPath();
    WorkbenchDemo demo;
    if (!options.demoFolder.isEmpty()) {
        try {
            demo = readWorkbenchDemo(options.demoFolder);
        } catch (const std::exception& error) {
            statusBar()->showMessage(tr("Cannot read the demo pack: %1").arg(QString::fromUtf8(error.what())));
        }
    }
    // A first start opens on the demo: models the project's own pipeline trained, shipped read-only.
    const bool firstStart = !m_settings.hasModelSlots() && !demo.models.isEmpty();
    if (firstStart) {
        models = demo.models;
        problemSet = demo.problemSetPath;
        m_settings.setModelSlots(models);
        m_settings.setProblemSetPath(problemSet);
        statusBar()->showMessage(tr("Demo: three small models trained by this program's own RRTF pipeline"), 8000);
    }
    m_training->setDemoJobs(demo.trainingJobs, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                                   QStringLiteral("/training"));
    for (const ModelSlot& slot : models)
        m_models->addSlot(slot);
    // The last session's problem set may be gone: say so without blocking the start.
    QString error;
    if (!problemSet.isEmpty() && !tryOpenProblemSet(problemSet, &error))
        statusBar()->showMessage(tr("Cannot open the last problem set: %1").arg(error));
    // The tour needs a problem with tests to answer: a pack without a showcase only opens.
    if (firstStart && options.demoTour && options.loadModelsOnStart && !demo.showcaseTaskId.isEmpty())
        m_tour = new DemoTour(*this, demo.showcaseTaskId);
    else if (firstStart && !demo.showcaseTaskId.isEmpty())
        openProblem(demo.showcaseTaskId, {});
}

RankingsView* MainWindow::openRankings(const QString& path)
{
    return RankingsView::openWindow(this, path);
}

void MainWindow::openProblemSet(const QString& path)
{
    QString error;
    if (!tryOpenProblemSet(path, &error))
        QMessageBox::warning(this, tr("Cannot open the problem set"), error);
}

bool MainWindow::tryOpenProblemSet(const QString& path, QString* error)
{
    try {
        m_problems->open(path);
        m_judge->setProblemSet(m_problems->problemSet());
        m_settings.setProblemSetPath(path);
        if (m_problems->rowCount() > 0)
            selectProblem(0);
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

void MainWindow::selectProblem(int row)
{
    const Problem* problem = m_problems->problemAt(row);
    if (!problem)
        return;
    m_taskId = QString::fromStdString(problem->taskId);
    // HumanEval prompts are code the model continues; other formats are instructions.
    m_promptIsCode = promptIsCode(*problem);
    m_prompt->setText(QString::fromStdString(problem->prompt));
    m_compare->showProblem(m_problems->path() + QLatin1Char('\n') + m_taskId);  // the last one's answers go
    m_problemTitle->setText(tr("Problem %1").arg(m_taskId));
    m_problemList->setCurrentIndex(m_problems->index(row));
}

void MainWindow::openProblem(const QString& taskId, const QString& problemSetPath)
{
    if (!problemSetPath.isEmpty() && problemSetPath != m_problems->path())
        openProblemSet(problemSetPath);
    for (int row = 0; row < m_problems->rowCount(); ++row) {
        if (m_problems->problemAt(row)->taskId == taskId.toStdString()) {
            selectProblem(row);
            return;
        }
    }
    statusBar()->showMessage(tr("%1 is not in the open problem set").arg(taskId), 5000);
}

void MainWindow::runAll()
{
    PromptSource source;
    source.instruction = m_prompt->text();
    const Problem* problem = m_problems->problemSet() ? m_problems->problemSet()->find(m_taskId.toStdString()) : nullptr;
    // An edited prompt is a free prompt: the problem's tests no longer apply to it.
    if (problem && QString::fromStdString(problem->prompt) == source.instruction) {
        source.taskId = m_taskId;
        source.promptIsCode = m_promptIsCode;
        source.instructionPrompt = QString::fromStdString(problem->instructionPrompt);
        if (!problemHasTests(*problem))
            source.noTestsReason = ProblemListModel::noTestsText();
        source.problemSetPath = QString::fromStdString(m_problems->problemSet()->sourcePath().string());
        source.problemSetSha256 = QString::fromStdString(m_problems->problemSet()->sha256());
    } else {
        m_problemTitle->setText(tr("Free prompt (no tests)"));
    }
    if (m_compare->panes().isEmpty()) {
        statusBar()->showMessage(tr("No model is loaded: load one in the Models panel."), 5000);
        return;
    }
    m_compare->runAll(source);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, WorkbenchSettings::kLayoutVersion);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        dock->show();
    resizeDocks({m_modelDock}, {300}, Qt::Horizontal);
}

bool MainWindow::openWorkspace(const QString& path)
{
    if (m_runner->isRunning()) {
        // Its verdicts are on their way into the open workspace.
        QMessageBox::information(this, tr("Benchmark running"), tr("Cancel the benchmark before opening another workspace."));
        return false;
    }
    try {
        auto workspace = std::make_unique<Workspace>(path.toStdString());
        m_benchmark->setWorkspace(workspace.get());
        m_caseStudy->setWorkspace(workspace.get());
        m_inspector->setWorkspace(workspace.get());
        m_compare->setWorkspace(workspace.get());
        m_judge->setWorkspacePath(path);
        m_workspace = std::move(workspace);
        m_settings.addRecentWorkspace(path);
        rebuildRecentMenu();
        setWindowTitle(tr("RRTF Workbench — %1").arg(QFileInfo(path).fileName()));
        return true;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot open the workspace"), QString::fromUtf8(error.what()));
        return false;
    }
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& path : m_settings.recentWorkspaces())
        m_recentMenu->addAction(path, this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::addModelFromFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Hugging Face model folder"));
    if (folder.isEmpty())
        return;
    ModelSlot slot;
    slot.name = QDir(folder).dirName();
    slot.directory = folder;
    const QString lower = slot.name.toLower();
    if (lower.contains("wizard"))
        slot.promptTemplate = QStringLiteral("alpaca");
    else if (lower.contains("pangu"))
        slot.promptTemplate = QStringLiteral("pangu");
    m_models->load(m_models->addSlot(slot));
    m_settings.setModelSlots(m_models->allSlots());
}

void MainWindow::removeSelectedModel()
{
    const int row = selectedModelRow();
    if (row < 0)
        return;
    if (m_runner->isRunning()) {  // its jobs know the models by row
        statusBar()->showMessage(tr("Cancel the benchmark before removing a model."), 5000);
        return;
    }
    m_models->removeSlot(row);
    m_compare->syncPanes();
    m_settings.setModelSlots(m_models->allSlots());
}

void MainWindow::editTemplate(int row)
{
    if (row < 0 || row >= m_models->rowCount()) {
        statusBar()->showMessage(tr("Select a model first."), 5000);
        return;
    }
    const ModelSlot& slot = m_models->slotAt(row);
    auto* dialog = new TemplateDialog(slot.name, slot.promptTemplate, slot.customTemplate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The row is looked up again on accept: rows may be removed while the dialog is open.
    const QString name = slot.name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        const QVector<ModelSlot> configured = m_models->allSlots();
        for (int r = 0; r < configured.size(); ++r) {
            if (configured[r].name == name) {
                m_models->setCustomTemplate(r, dialog->templateText());
                m_settings.setModelSlots(m_models->allSlots());
                return;
            }
        }
    });
    dialog->open();
}

void MainWindow::createThemeMenu(QMenu* menu)
{
    auto* group = new QActionGroup(menu);
    const Theme current = parseTheme(m_settings.theme());
    const std::pair<Theme, QString> choices[] = {
        {Theme::System, tr("Follow the &System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto& [theme, text] : choices) {
        QAction* action = menu->addAction(text, this, [this, theme = theme] { setTheme(theme); });
        action->setCheckable(true);
        action->setChecked(theme == current);
        action->setObjectName(QStringLiteral("theme.") + themeName(theme));
        group->addAction(action);
    }
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    m_settings.setTheme(themeName(theme));
    if (QAction* action = findChild<QAction*>(QStringLiteral("theme.") + themeName(theme)))
        action->setChecked(true);
}

bool MainWindow::exportReportTo(const QString& path)
{
    if (!m_workspace) {
        statusBar()->showMessage(tr("No workspace is open."), 5000);
        return false;
    }
    try {
        exportReport(*m_workspace, path);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Export a report"), QString::fromUtf8(error.what()));
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(path), 5000);
    return true;
}

void MainWindow::editShortcuts()
{
    auto* dialog = new ShortcutsDialog(m_shortcuts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.setShortcutOverrides(m_shortcuts.apply(dialog->chosenKeys()));
    });
    dialog->open();
}

int MainWindow::selectedModelRow() const
{
    const QModelIndexList rows = m_modelTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState(WorkbenchSettings::kLayoutVersion));
    m_settings.setModelSlots(m_models->allSlots());
    m_settings.setSyncScrolling(m_compare->syncScrolling());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_runner->isRunning()) {
        QMessageBox ask(QMessageBox::Question, tr("Benchmark running"),
                        tr("A benchmark is running. Close the window anyway? The answers judged so far are kept, "
                           "and Start resumes the run next time."),
                        QMessageBox::Close | QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("closeWhileBenchmarking"));
        ask.setDefaultButton(QMessageBox::Cancel);
        if (ask.exec() != QMessageBox::Close) {
            event->ignore();
            return;
        }
        m_runner->cancel();
    }
    m_compare->stopAll();
    saveSettings();
    event->accept();
}

}  // namespace rrtf
