// The failure inspector on a workspace the test writes itself: two benchmark
// runs (models A and B) of a two-problem set. Filters, details, one-key labels
// with auto-advance, notes, two annotators' kappa and the CSV/JSONL export; the
// labels are read back from the database file after it was closed.
#include "answer_filter_model.h"
#include "answer_table_model.h"
#include "inspector_view.h"
#include "runtime/error.h"
#include "runtime/thread_guard.h"
#include "store/annotations.h"
#include "store/database.h"
#include "store/workspace.h"
#include "taxonomy_dialog.h"
#include "widgets/code_editor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace rrtf;

class TestInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryAnswer();
    void filtersByModelOutcomeLabelAndText();
    void detailsShowPromptTestsAndFailingLine();
    void keyLabelsAndAdvancesAndSurvivesReopening();
    void twoAnnotatorsAgreeAsKappaSays();
    void taxonomyShowsKeysAndFollowsEdits();
    void notesAreSavedAndExported();
    void ctrlReturnInTheNoteSavesItInsteadOfRunningAll();
    void labelsNeverWaitForTheDatabaseOnTheGuiThread();

private:
    QString workspaceFile() const { return m_dir->filePath("workspace.sqlite"); }
    std::int64_t recordRun(const QString& model, const std::vector<StoredVerdict>& verdicts);
    // Presses `keys` on the table, one after another, starting at proxy row 0.
    void pressFromTop(InspectorView& view, const QString& keys);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_problems;
    std::int64_t m_runA = 0;
    std::int64_t m_runB = 0;
    std::int64_t m_wrong = 0;   // label "wrong algorithm", key 1
    std::int64_t m_offByOne = 0;  // label "off-by-one / boundary", key 2
};

// Labels and notes go to the database on the model's writer thread: the edits
// made so far are there once this returns.
static void waitForWrites(const InspectorView& view)
{
    QTRY_VERIFY_WITH_TIMEOUT(!view.answerModel()->writesPending(), 30000);
}

static StoredVerdict verdict(int index, const char* task, const char* completion, Outcome outcome, int passed,
                             int total, const char* detail = "")
{
    StoredVerdict stored;
    stored.sampleIndex = index;
    stored.taskId = task;
    stored.completionId = std::string(task) + "#0";
    stored.completion = completion;
    stored.verdict.outcome = outcome;
    stored.verdict.testsPassed = passed;
    stored.verdict.testsTotal = total;
    stored.verdict.detail = detail;
    return stored;
}

std::int64_t TestInspector::recordRun(const QString& model, const std::vector<StoredVerdict>& verdicts)
{
    EvalRunSpec spec;
    spec.key = "bench-" + model.toStdString();
    spec.problemSetPath = m_problems.toStdString();
    spec.problemSetSha256 = "0";
    spec.samplesPath = "generated:" + model.toStdString();
    spec.settings = {{"kind", "benchmark"}, {"model", model.toStdString()}, {"decoding", "greedy"},
                     {"greedy", true}, {"n", 1}};
    const EvalRun run = m_workspace->findOrCreateRun(spec);
    for (const StoredVerdict& stored : verdicts)
        m_workspace->recordVerdict(run.id, stored);
    m_workspace->markRunFinished(run.id);
    return run.id;
}

void TestInspector::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_problems = m_dir->filePath("problems.jsonl");
    QFile file(m_problems);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"task_id": "demo/0", "instruction": "Write add(a, b).", "tests": "assert add(1, 2) == 3\nassert add(0, 0) == 0", "solution": "def add(a, b):\n    return a + b", "entry_point": "add"}
{"task_id": "demo/1", "instruction": "Write neg(x).", "tests": "assert neg(1) == -1", "solution": "def neg(x):\n    return -x", "entry_point": "neg"}
)");
    file.close();

    m_workspace = std::make_unique<Workspace>(workspaceFile().toStdString());
    m_runA = recordRun("A", {verdict(0, "demo/0", "def add(a, b):\n    return a + b\n", Outcome::Passed, 2, 2),
                             verdict(1, "demo/1", "def neg(x):\n    return x\n", Outcome::Failed, 0, 1,
                                     "line 2: assert neg(1) == -1")});
    m_runB = recordRun("B", {verdict(0, "demo/0", "def add(a, b):\n    return c\n", Outcome::Error, 0, 2,
                                     "NameError: name 'c' is not defined"),
                             verdict(1, "demo/1", "def neg(x):\n    return -x\n", Outcome::Passed, 1, 1)});
    // A new workspace starts with the default taxonomy, keys 1..9 and 0.
    for (const FailureLabel& label : Annotations(*m_workspace).labels()) {
        if (label.name == "wrong algorithm" && label.shortcut == "1")
            m_wrong = label.id;
        else if (label.name == "off-by-one / boundary" && label.shortcut == "2")
            m_offByOne = label.id;
    }
    QVERIFY(m_wrong && m_offByOne);
}

void TestInspector::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void TestInspector::pressFromTop(InspectorView& view, const QString& keys)
{
    view.tableView()->setCurrentIndex(view.filterModel()->index(0, 0));
    for (QChar key : keys)
        QTest::keyClick(view.tableView(), key.toLatin1());
}

void TestInspector::listsEveryAnswer()
{
    InspectorView view;
    QAbstractItemModelTester answerTester(view.answerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setWorkspace(m_workspace.get());
    AnswerTableModel& model = *view.answerModel();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(AnswerTableModel::ColumnCount));
    QCOMPARE(model.headerData(AnswerTableModel::TestsColumn, Qt::Horizontal).toString(), QString("Tests"));
    QCOMPARE(model.models(), QStringList({"B", "A"}));  // newest run first

    const int failed = model.rowOfItem(QString("run:%1:1").arg(m_runA));
    QVERIFY(failed >= 0);
    const InspectedAnswer answer = model.answerAt(failed);
    QCOMPARE(answer.runId, m_runA);
    QCOMPARE(answer.sampleIndex, 1);
    QCOMPARE(answer.model, QString("A"));
    QCOMPARE(answer.taskId, QString("demo/1"));
    QCOMPARE(answer.problemSetPath, m_problems);
    QCOMPARE(answer.verdict.outcome, Outcome::Failed);
    QCOMPARE(model.index(failed, AnswerTableModel::DecodingColumn).data().toString(), QString("greedy"));
    QCOMPARE(model.index(failed, AnswerTableModel::TestsColumn).data().toString(), QString("0/1"));
    QCOMPARE(model.index(failed, 0).data(AnswerTableModel::OutcomeRole).toString(), QString("failed"));
    QVERIFY(!model.answerAt(99).isValid());

    view.setWorkspace(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestInspector::filtersByModelOutcomeLabelAndText()
{
    InspectorView view;
    QAbstractItemModelTester filterTester(view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setWorkspace(m_workspace.get());
    AnswerFilterModel& filter = *view.filterModel();
    QCOMPARE(filter.rowCount(), 4);

    // Through the filter bar, as a user picks them.
    view.modelCombo()->setCurrentIndex(view.modelCombo()->findData("A"));
    QCOMPARE(filter.rowCount(), 2);
    for (int row = 0; row < filter.rowCount(); ++row)
        QCOMPARE(filter.index(row, AnswerTableModel::ModelColumn).data().toString(), QString("A"));
    view.outcomeCombo()->setCurrentIndex(view.outcomeCombo()->findData("failed"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, AnswerTableModel::TaskColumn).data().toString(), QString("demo/1"));
    view.modelCombo()->setCurrentIndex(view.modelCombo()->findData("B"));
    QCOMPARE(filter.rowCount(), 0);
    view.modelCombo()->setCurrentIndex(0);
    view.outcomeCombo()->setCurrentIndex(0);
    QCOMPARE(filter.rowCount(), 4);

    // Search: case-insensitive over task id, answer and verdict detail.
    view.searchEdit()->setText("nameerror");
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, AnswerTableModel::ModelColumn).data().toString(), QString("B"));
    view.searchEdit()->setText("DEMO/1");
    QCOMPARE(filter.rowCount(), 2);
    view.searchEdit()->setText("return -x");
    QCOMPARE(filter.rowCount(), 1);
    view.searchEdit()->clear();

    // Labels: the unlabelled ones, then one label's.
    view.setAnnotator("alice");
    view.labelCombo()->setCurrentIndex(view.labelCombo()->findData(AnswerFilterModel::unlabelled()));
    QCOMPARE(filter.rowCount(), 4);
    view.answerModel()->setLabel(0, m_offByOne);
    QCOMPARE(filter.rowCount(), 3);
    view.labelCombo()->setCurrentIndex(view.labelCombo()->findData("off-by-one / boundary"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, AnswerTableModel::LabelColumn).data().toString(), QString("off-by-one / boundary"));
    filter.setLabelFilter({});
    QCOMPARE(filter.rowCount(), 4);
}

void TestInspector::detailsShowPromptTestsAndFailingLine()
{
    InspectorView view;
    view.setWorkspace(m_workspace.get());
    const AnswerTableModel& model = *view.answerModel();
    auto select = [&](int sourceRow) {
        view.tableView()->setCurrentIndex(view.filterModel()->mapFromSource(model.index(sourceRow, 0)));
    };
    select(model.rowOfItem(QString("run:%1:1").arg(m_runA)));
    QCOMPARE(view.promptView()->toPlainText(), QString("Write neg(x)."));
    QCOMPARE(view.answerEditor()->text(), QString("def neg(x):\n    return x\n"));
    QCOMPARE(view.answerEditor()->errorLine(), 1);  // "line 2" of the detail, 0-based
    select(model.rowOfItem(QString("run:%1:0").arg(m_runA)));
    QCOMPARE(view.promptView()->toPlainText(), QString("Write add(a, b)."));
    QCOMPARE(view.answerEditor()->errorLine(), -1);
}

void TestInspector::keyLabelsAndAdvancesAndSurvivesReopening()
{
    QStringList keys;
    {
        InspectorView view;
        QAbstractItemModelTester filterTester(view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setWorkspace(m_workspace.get());
        view.setAnnotator("alice");
        QTableView* table = view.tableView();
        AnswerFilterModel& filter = *view.filterModel();
        for (int row = 0; row < filter.rowCount(); ++row)
            keys << filter.index(row, 0).data(AnswerTableModel::ItemKeyRole).toString();

        pressFromTop(view, "1");
        QCOMPARE(filter.index(0, AnswerTableModel::LabelColumn).data().toString(), QString("wrong algorithm"));
        QCOMPARE(table->currentIndex().row(), 1);  // auto-advance
        QTest::keyClick(table, '2');
        QCOMPARE(filter.index(1, AnswerTableModel::LabelColumn).data().toString(), QString("off-by-one / boundary"));
        QCOMPARE(table->currentIndex().row(), 2);

        // Backspace clears and stays.
        table->setCurrentIndex(filter.index(1, 0));
        QTest::keyClick(table, Qt::Key_Backspace);
        QCOMPARE(filter.index(1, AnswerTableModel::LabelColumn).data().toString(), QString());
        QCOMPARE(table->currentIndex().row(), 1);

        // Among the unlabelled only, the labelled answer leaves and the next one becomes current.
        view.labelCombo()->setCurrentIndex(view.labelCombo()->findData(AnswerFilterModel::unlabelled()));
        QCOMPARE(filter.rowCount(), 3);
        pressFromTop(view, "2");
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(table->currentIndex().data(AnswerTableModel::ItemKeyRole).toString(), keys[2]);
        view.setWorkspace(nullptr);
    }
    m_workspace.reset();  // closed: what follows reads the file again

    Workspace reopened(workspaceFile().toStdString());
    Annotations annotations(reopened);
    QCOMPARE(QString::fromStdString(annotations.annotation(keys[0].toStdString(), "alice")->label),
             QString("wrong algorithm"));
    QCOMPARE(QString::fromStdString(annotations.annotation(keys[1].toStdString(), "alice")->label),
             QString("off-by-one / boundary"));
    QVERIFY(!annotations.annotation(keys[2].toStdString(), "alice"));
    QVERIFY(!annotations.annotation(keys[0].toStdString(), "bob"));

    InspectorView view;
    view.setAnnotator("alice");
    view.setWorkspace(&reopened);
    const AnswerTableModel& model = *view.answerModel();
    QCOMPARE(model.answerAt(model.rowOfItem(keys[0])).label, QString("wrong algorithm"));
    QCOMPARE(model.answerAt(model.rowOfItem(keys[0])).labelId, std::optional<std::int64_t>(m_wrong));
    view.setWorkspace(nullptr);
}

void TestInspector::twoAnnotatorsAgreeAsKappaSays()
{
    InspectorView view;
    view.setWorkspace(m_workspace.get());
    QCOMPARE(view.agreement().size(), std::size_t(0));
    QSignalSpy annotatorSpy(&view, &InspectorView::annotatorChanged);

    // alice: w w o o, bob: w o o o. p_o = 3/4, p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2, kappa = 1/2.
    view.setAnnotator("alice");
    pressFromTop(view, "1122");
    view.setAnnotator("bob");
    QCOMPARE(view.annotator(), QString("bob"));
    QCOMPARE(view.answerModel()->answerAt(0).label, QString());  // bob's own labels, none yet
    pressFromTop(view, "1222");
    view.setAnnotator("carol");  // a note only: not a labeller
    view.answerModel()->setNote(0, "unsure");
    QCOMPARE(annotatorSpy.count(), 3);
    QCOMPARE(annotatorSpy.last().at(0).toString(), QString("carol"));

    const std::vector<PairwiseKappa> pairs = view.agreement();
    QCOMPARE(pairs.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(pairs[0].annotatorA), QString("alice"));
    QCOMPARE(QString::fromStdString(pairs[0].annotatorB), QString("bob"));
    QCOMPARE(pairs[0].result.items, 4);
    QVERIFY(pairs[0].result.kappa);
    QVERIFY(qAbs(*pairs[0].result.kappa - 0.5) < 1e-9);
    const QString summary = view.agreementSummary();
    QVERIFY2(summary.contains("alice · bob") && summary.contains("0.50"), qPrintable(summary));
}

void TestInspector::taxonomyShowsKeysAndFollowsEdits()
{
    InspectorView view;
    view.setWorkspace(m_workspace.get());
    view.setAnnotator("alice");
    QStringList captions;
    for (const QAction* action : view.labelBar()->actions())
        captions << action->text();
    QVERIFY2(captions.contains("1 wrong algorithm") && captions.contains("0 other"), qPrintable(captions.join('|')));

    TaxonomyDialog dialog(*m_workspace, &view);
    QCOMPARE(dialog.list()->count(), 10);
    QCOMPARE(dialog.list()->item(0)->text(), QString("1 wrong algorithm"));
    dialog.list()->setCurrentRow(0);
    for (QPushButton* button : dialog.findChildren<QPushButton*>())
        if (button->text() == "Move down")
            button->click();
    QCOMPARE(dialog.list()->item(1)->text(), QString("1 wrong algorithm"));
    QCOMPARE(dialog.list()->currentRow(), 1);
    QCOMPARE(Annotations(*m_workspace).labels()[1].id, m_wrong);

    view.answerModel()->setLabel(0, m_wrong);
    waitForWrites(view);
    Annotations annotations(*m_workspace);
    annotations.renameLabel(m_wrong, "wrong approach");
    annotations.describeLabel(m_wrong, "", "w");
    view.reload();
    QCOMPARE(view.answerModel()->index(0, AnswerTableModel::LabelColumn).data().toString(), QString("wrong approach"));
    QVERIFY(view.labelCombo()->findData("wrong approach") > 0);
    view.tableView()->setCurrentIndex(view.filterModel()->index(1, 0));
    QTest::keyClick(view.tableView(), 'w');  // the new key
    QCOMPARE(view.filterModel()->index(1, AnswerTableModel::LabelColumn).data().toString(), QString("wrong approach"));
    QCOMPARE(view.tableView()->currentIndex().row(), 2);
    QTest::keyClick(view.tableView(), '1');  // no longer a key: nothing labelled
    QCOMPARE(view.filterModel()->index(2, AnswerTableModel::LabelColumn).data().toString(), QString());

    waitForWrites(view);
    annotations.deleteLabel(m_wrong);
    view.reload();
    QCOMPARE(view.answerModel()->index(0, AnswerTableModel::LabelColumn).data().toString(), QString());
    QCOMPARE(view.labelCombo()->findData("wrong approach"), -1);
}

void TestInspector::notesAreSavedAndExported()
{
    InspectorView view;
    QAbstractItemModelTester answerTester(view.answerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setWorkspace(m_workspace.get());
    view.setAnnotator("alice");
    const AnswerTableModel& model = *view.answerModel();
    QTableView* table = view.tableView();
    const QString note = "misreads \"negate\", returns x\nsee line 2";

    // Ctrl+Return saves.
    table->setCurrentIndex(view.filterModel()->index(0, 0));
    const int first = view.filterModel()->mapToSource(table->currentIndex()).row();
    view.noteEdit()->setPlainText(note);
    QTest::keyClick(view.noteEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(model.answerAt(first).note, note);
    QCOMPARE(view.noteEdit()->toPlainText(), note);  // no newline typed
    QCOMPARE(model.index(first, AnswerTableModel::NoteColumn).data().toString(),
             QString("misreads \"negate\", returns x …"));

    // Moving to another answer saves the one being edited.
    table->setCurrentIndex(view.filterModel()->index(1, 0));
    const int second = view.filterModel()->mapToSource(table->currentIndex()).row();
    view.noteEdit()->setPlainText("second");
    table->setCurrentIndex(view.filterModel()->index(2, 0));
    QCOMPARE(model.answerAt(second).note, QString("second"));
    QCOMPARE(view.noteEdit()->toPlainText(), QString());
    QTest::keyClick(table, '1');

    // Exports are written on the writer's thread, after the edits made before them.
    QSignalSpy exported(view.answerModel(), &AnswerTableModel::exported);
    const QString csvPath = m_dir->filePath("annotations.csv");
    view.answerModel()->exportAnnotations(csvPath, AnnotationFormat::Csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
    QCOMPARE(exported.last().at(0).toString(), csvPath);
    QCOMPARE(exported.last().at(1).toString(), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY2(text.startsWith("item_key,annotator,label,note,updated_ms\r\n"), qPrintable(text));
    QVERIFY2(text.contains(model.answerAt(first).itemKey + ",alice,,\"misreads \"\"negate\"\", returns x\nsee line 2\","),
             qPrintable(text));
    QVERIFY2(text.contains(model.answerAt(second).itemKey + ",alice,,second,"), qPrintable(text));
    QCOMPARE(text.count("\r\n"), 4);  // header and three annotations

    const QString jsonlPath = m_dir->filePath("annotations.jsonl");
    view.answerModel()->exportAnnotations(jsonlPath, AnnotationFormat::Jsonl);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 30000);
    QFile jsonl(jsonlPath);
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    bool found = false;
    for (const QByteArray& line : jsonl.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value("item_key").toString() == model.answerAt(first).itemKey) {
            QCOMPARE(object.value("note").toString(), note);
            QVERIFY(object.value("label").isNull());
            found = true;
        }
    }
    QVERIFY(found);

    view.answerModel()->exportAnnotations(m_dir->filePath("missing/a.csv"), AnnotationFormat::Csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 3, 30000);
    const QString error = exported.last().at(1).toString();
    QVERIFY2(error.contains("missing/a.csv"), qPrintable(error));
}

// A label or note never makes the GUI thread wait for the database: while
// another connection holds the write lock (as the judge's thread does when it
// stores a verdict), the edit shows at once and the event loop runs on; once the
// lock is released it is stored. No commit happens on the GUI thread (marked as
// the window's is: the engine refuses annotation writes there).
void TestInspector::labelsNeverWaitForTheDatabaseOnTheGuiThread()
{
    InspectorView view;
    view.setWorkspace(m_workspace.get());
    view.setAnnotator("alice");
    AnswerTableModel& model = *view.answerModel();
    const QString key = model.answerAt(0).itemKey;
    QSignalSpy written(&model, &AnswerTableModel::annotationsWritten);
    QSignalSpy failed(&model, &AnswerTableModel::annotationWriteFailed);
    clearThreadViolations();
    {
        Database blocker(workspaceFile().toStdString());
        Transaction lock(blocker);  // BEGIN IMMEDIATE: the write lock, until the scope ends
        markResponsiveThread();
        model.setLabel(0, m_offByOne);
        model.setNote(0, "boundary at zero");
        QCOMPARE(model.answerAt(0).label, QString("off-by-one / boundary"));
        QCOMPARE(model.answerAt(0).note, QString("boundary at zero"));
        QVERIFY(model.writesPending());
        QTest::qWait(300);  // the event loop runs while the writes wait for the lock
        QVERIFY(model.writesPending());
        QCOMPARE(written.count(), 0);
        // What the model reads back meanwhile keeps the edits on their way.
        model.reloadAnnotations();
        QCOMPARE(model.answerAt(0).label, QString("off-by-one / boundary"));
        QCOMPARE(view.agreement().size(), std::size_t(0));
        markResponsiveThread(false);
    }
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(failed.count(), 0);
    const std::optional<Annotation> stored = Annotations(*m_workspace).annotation(key.toStdString(), "alice");
    QVERIFY(stored);
    QCOMPARE(QString::fromStdString(stored->label), QString("off-by-one / boundary"));
    QCOMPARE(QString::fromStdString(stored->note), QString("boundary at zero"));
    const std::vector<std::string> violations = threadViolations();
    QVERIFY2(violations.empty(), violations.empty() ? "" : violations.front().c_str());
}

// In the window, Ctrl+Return is also Run All (a window shortcut): while the note
// field has the focus the key saves the note, as its placeholder says, and runs nothing.
void TestInspector::ctrlReturnInTheNoteSavesItInsteadOfRunningAll()
{
    QWidget window;
    auto* runAll = new QAction("Run All", &window);
    runAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    window.addAction(runAll);
    QSignalSpy ran(runAll, &QAction::triggered);
    auto* view = new InspectorView(&window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(view);
    view->setWorkspace(m_workspace.get());
    view->setAnnotator("alice");
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    view->tableView()->setCurrentIndex(view->filterModel()->index(0, 0));
    const int row = view->filterModel()->mapToSource(view->tableView()->currentIndex()).row();
    view->noteEdit()->setFocus();
    QTRY_VERIFY(view->noteEdit()->hasFocus());
    QTest::keyClicks(view->noteEdit(), "returns x");
    QTest::keyClick(view->noteEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(ran.count(), 0);
    QCOMPARE(view->answerModel()->answerAt(row).note, QString("returns x"));
    QCOMPARE(view->noteEdit()->toPlainText(), QString("returns x"));  // no newline typed

    // Elsewhere the key is Run All's again.
    view->tableView()->setFocus();
    QTRY_VERIFY(view->tableView()->hasFocus());
    QTest::keyClick(view->tableView(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(ran.count(), 1);
}

QTEST_MAIN(TestInspector)
#include "test_inspector.moc"
