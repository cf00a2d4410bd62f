// The workbench window end to end on the demo pack: tiny models load on their
// host threads, three panes answer one problem side by side, the sandbox judges
// the answers, the record reproduces them, and a bad checkpoint only fails its row.
#include "answer_pane.h"
#include "answer_filter_model.h"
#include "answer_table_model.h"
#include "benchmark_view.h"
#include "inspector_view.h"
#include "compare_view.h"
#include "main_window.h"
#include "model_list_model.h"
#include "model_table_delegate.h"
#include "problem_list_model.h"
#include "widgets/code_editor.h"
#include "widgets/find_bar.h"
#include "workbench_settings.h"

#include "evaluation/verdict.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTranslator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void demoPackOpensAndLoads();
    void sideBySideAnswersAreJudged();
    void badCheckpointFailsOnlyItsRow();
    void layoutAndModelsSurviveARestart();
    void stopSequencesRoundTrip();
    void answerPaneShowsAVerdictOrWhyNot();
    void modelTableOffersChoicesAndDrawsProgress();
    void benchmarkIsStoredAndResumes();
    void labelSurvivesARestart();
    void sideBySideFailureLabelledAcrossARestart();
    void translationsAreEmbedded_data();
    void translationsAreEmbedded();

private:
    QTemporaryDir m_dir;
    QString demoFolder() const { return m_dir.filePath("demo"); }
    void clearSettings();
};

void TestWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("rrtf-workbench-test");
    QCoreApplication::setApplicationName("test_workbench");
    QVERIFY(m_dir.isValid());
    // Never the user's own workspace.
    qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
    clearSettings();
}

void TestWorkbench::clearSettings()
{
    QSettings().clear();
}

void TestWorkbench::cleanup()
{
    clearSettings();
}

static bool allLoaded(ModelListModel& models)
{
    for (int row = 0; row < models.rowCount(); ++row)
        if (models.stateAt(row) != ModelState::Loaded)
            return false;
    return models.rowCount() > 0;
}

void TestWorkbench::demoPackOpensAndLoads()
{
    MainWindow window({demoFolder(), true});
    QAbstractItemModelTester modelTester(&window.models(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester problemTester(&window.problems(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(window.models().rowCount(), 3);
    QCOMPARE(window.models().slotAt(1).promptTemplate, QString("alpaca"));
    QCOMPARE(window.problems().rowCount(), 8);
    QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
    QTRY_COMPARE(window.compare().panes().size(), 3);
    QVERIFY(window.models().infoAt(0).weightBytes > 0);
    QCOMPARE(window.models().infoAt(0).configSha256.size(), 64);
    QVERIFY(window.promptEditor().text().contains("add(a, b)"));

    // Find in the prompt: Ctrl+F opens the bar, Enter selects the next match.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.promptEditor().setFocus();
    QTest::keyClick(&window.promptEditor(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.findBar().isVisible());
    QTest::keyClicks(window.findBar().patternEdit(), "sum");
    QTest::keyClick(window.findBar().patternEdit(), Qt::Key_Return);
    QCOMPARE(window.promptEditor().selectedText(), QString("sum"));
}

void TestWorkbench::sideBySideAnswersAreJudged()
{
    MainWindow window({demoFolder(), true});
    QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
    QTRY_COMPARE(window.compare().panes().size(), 3);
    window.selectProblem(1);
    for (AnswerPane* pane : window.compare().panes()) {
        PaneSampling sampling = pane->sampling();
        sampling.maxNewTokens = 12;
        sampling.stopSequences.clear();
        pane->setSampling(sampling);
    }
    QSignalSpy finished(&window.compare(), &CompareView::runFinished);
    window.runAll();
    QVERIFY(finished.wait(60000));
    QSignalSpy verdicts(&window.compare(), &CompareView::verdictShown);
    window.compare().testAll();
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count(), 3, 60000);
    for (const QList<QVariant>& arguments : verdicts) {
        const auto verdict = arguments.at(0).value<AnswerVerdict>();
        QCOMPARE(verdict.taskId, QString("demo/is_palindrome"));
        // Random weights write gibberish: it must be judged, never passed.
        QVERIFY2(verdict.verdict.outcome != Outcome::Passed && verdict.verdict.outcome != Outcome::SandboxError,
                 qPrintable(verdict.outcomeKey() + ": " + QString::fromStdString(verdict.verdict.detail)));
    }
    for (AnswerPane* pane : window.compare().panes()) {
        const QJsonObject record = pane->record();
        QCOMPARE(record.value("task_id").toString(), QString("demo/is_palindrome"));
        QCOMPARE(record.value("greedy").toBool(), true);
        QCOMPARE(record.value("max_new_tokens").toInt(), 12);
        QCOMPARE(record.value("checkpoint_fingerprint_sha256").toString().size(), 64);
        QVERIFY(record.contains("engine_version"));
        QVERIFY(record.value("new_tokens").toInt() > 0);
    }
    // The WizardCoder slot wraps the instruction in the Alpaca template.
    const QString wizardPrompt = window.compare().panes().at(1)->record().value("prompt").toString();
    QVERIFY2(wizardPrompt.contains("### Instruction:"), qPrintable(wizardPrompt));
    // Greedy decoding with the same settings gives the same answer again.
    const QString first = window.compare().panes().at(0)->answer();
    window.runAll();
    QVERIFY(finished.wait(60000));
    QCOMPARE(window.compare().panes().at(0)->answer(), first);
}

void TestWorkbench::badCheckpointFailsOnlyItsRow()
{
    const QString broken = m_dir.filePath("broken-model");
    QDir().mkpath(broken);
    QFile config(broken + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"model_type\": \"gpt_bigcode\", \"n_embd\": 64}");
    config.close();
    MainWindow window({demoFolder(), true});
    ModelSlot slot;
    slot.name = "broken";
    slot.directory = broken;
    const int row = window.models().addSlot(slot);
    window.models().load(row);
    QTRY_COMPARE_WITH_TIMEOUT(window.models().stateAt(row), ModelState::Failed, 30000);
    QVERIFY2(window.models().errorAt(row).contains("config.json"), qPrintable(window.models().errorAt(row)));
    QTRY_VERIFY_WITH_TIMEOUT(window.models().stateAt(0) == ModelState::Loaded, 60000);
}

void TestWorkbench::layoutAndModelsSurviveARestart()
{
    {
        MainWindow window({demoFolder(), false});
        ModelSlot slot;
        slot.name = "extra";
        slot.directory = demoFolder() + "/starcoder-demo";
        window.models().addSlot(slot);
        window.show();
        window.close();
    }
    WorkbenchSettings settings;
    QVERIFY(!settings.windowState().isEmpty());
    MainWindow reopened({demoFolder(), false});
    QCOMPARE(reopened.models().rowCount(), 4);
    QCOMPARE(reopened.models().slotAt(3).name, QString("extra"));
    QCOMPARE(reopened.problems().rowCount(), 8);
}

void TestWorkbench::answerPaneShowsAVerdictOrWhyNot()
{
    AnswerPane pane(0, "model");
    AnswerVerdict judged;  // answer id 0: the pane's, before any run
    judged.verdict.outcome = Outcome::Failed;
    judged.verdict.testsPassed = 1;
    judged.verdict.testsTotal = 3;
    judged.verdict.detail = "AssertionError";
    pane.showVerdict(judged);
    QCOMPARE(pane.record().value("outcome").toString(), QString("failed"));
    pane.showNotJudged("no tests");
    QCOMPARE(pane.record().value("outcome").toString(), QString("not_judged"));
}

void TestWorkbench::stopSequencesRoundTrip()
{
    const QStringList stops = defaultStopSequences();
    QCOMPARE(parseStopSequences(formatStopSequences(stops)), stops);
    QCOMPARE(parseStopSequences("\\nif, END"), QStringList({"\nif", " END"}));
}

void TestWorkbench::modelTableOffersChoicesAndDrawsProgress()
{
    MainWindow window({demoFolder(), false});
    ModelListModel& models = window.models();
    ModelTableDelegate delegate;
    QWidget parent;
    const QModelIndex dtype = models.index(0, ModelListModel::DType);
    QWidget* editor = delegate.createEditor(&parent, QStyleOptionViewItem(), dtype);
    auto* combo = qobject_cast<QComboBox*>(editor);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    combo->setCurrentText("bfloat16");
    delegate.setModelData(combo, &models, dtype);
    QCOMPARE(models.slotAt(0).dtype, QString("bfloat16"));
    QVERIFY(!models.setData(models.index(0, ModelListModel::Template), "chatml"));  // only known templates

    // While a model loads, its State cell is a progress bar (painted, not just text).
    QVERIFY(!models.index(0, ModelListModel::State).data(ModelListModel::ProgressRole).isValid());
    models.load(0);
    QCOMPARE(models.stateAt(0), ModelState::Loading);
    QVERIFY(models.index(0, ModelListModel::State).data(ModelListModel::ProgressRole).isValid());
    QTableView table;
    table.setModel(&models);
    table.setItemDelegate(&delegate);
    table.resize(800, 200);
    QVERIFY(!table.grab().isNull());
    QTRY_VERIFY_WITH_TIMEOUT(models.stateAt(0) != ModelState::Loading, 60000);
    table.setItemDelegate(nullptr);
}

static int judgedOf(const BenchmarkTableModel& table, int row)
{
    return table.rowAt(row).done;
}

void TestWorkbench::benchmarkIsStoredAndResumes()
{
    const QString workspace = m_dir.filePath("bench.sqlite");
    BenchmarkDecoding sampled;
    sampled.greedy = false;
    sampled.samplesPerProblem = 3;
    sampled.maxNewTokens = 6;
    {
        MainWindow window({demoFolder(), true, workspace});
        QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
        window.benchmark().refreshModels();
        window.benchmark().setDecoding(sampled);
        QSignalSpy progress(&window.benchmarkRunner(), &BenchmarkRunner::progressChanged);
        QSignalSpy finished(&window.benchmarkRunner(), &BenchmarkRunner::finished);
        window.benchmark().start();
        QVERIFY(window.benchmarkRunner().isRunning());
        // Cancel once some answers are judged: what is judged stays, nothing half-generated is stored.
        QTRY_VERIFY_WITH_TIMEOUT(window.benchmarkRunner().samplesDone() >= 3, 60000);
        window.benchmarkRunner().cancel();
        QVERIFY(finished.wait(60000) || !window.benchmarkRunner().isRunning());
        QVERIFY(window.benchmarkRunner().samplesDone() < window.benchmarkRunner().samplesTotal());
    }
    MainWindow window({demoFolder(), true, workspace});
    QAbstractItemModelTester tester(&window.benchmark().table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(window.benchmark().table().rowCount(), 3);  // the stored runs, unfinished
    QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
    window.benchmark().refreshModels();
    window.benchmark().setDecoding(sampled);
    QSignalSpy finished(&window.benchmarkRunner(), &BenchmarkRunner::finished);
    window.benchmark().start();
    QVERIFY(finished.wait(120000));
    const BenchmarkTableModel& table = window.benchmark().table();
    QCOMPARE(table.rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(judgedOf(table, row), 8 * 3);  // every (problem, sample) once, none twice
        QCOMPARE(table.rowAt(row).status, QString("done"));
        QVERIFY(!passAtKText(table.rowAt(row), 1).isEmpty());
        QVERIFY(passAtKText(table.rowAt(row), 10).isEmpty());  // k > n is not reported
        // The leaderboard's speed and memory, kept across the restart and added to by the resumed run.
        QVERIFY(table.index(row, BenchmarkTableModel::Speed).data().toString().endsWith("tok/s"));
        QVERIFY(table.index(row, BenchmarkTableModel::Memory).data().toString().contains("cpu, float32"));
        QVERIFY(table.rowAt(row).generation.answers >= 8 * 3);
    }
    // The stored verdicts match: 24 distinct sample indexes per run.
    for (const BenchmarkRunInfo& info : benchmarkRuns(*window.workspace())) {
        QCOMPARE(info.samplesPerProblem, 3);
        QCOMPARE(static_cast<int>(window.workspace()->recordedSampleIndexes(info.run.id).size()), 24);
    }
}

// An annotator labels a failed answer with one key in the inspector, closes the
// window, opens it again and finds the label.
void TestWorkbench::labelSurvivesARestart()
{
    const QString workspace = m_dir.filePath("bench.sqlite");  // written by benchmarkIsStoredAndResumes
    QString itemKey;
    {
        MainWindow window({demoFolder(), false, workspace});
        InspectorView& inspector = window.inspector();
        inspector.setAnnotator("alice");
        inspector.reload();
        QCOMPARE(inspector.answerModel()->rowCount(), 3 * 8 * 3);
        // Random weights: every answer failed one way or another (syntax error, exception...).
        QVERIFY(inspector.filterModel()->rowCount() > 0);
        QVERIFY(inspector.filterModel()->index(0, 0).data(AnswerTableModel::OutcomeRole).toString() != "passed");
        QTableView* table = inspector.tableView();
        table->setCurrentIndex(inspector.filterModel()->index(0, 0));
        itemKey = inspector.filterModel()->index(0, 0).data(AnswerTableModel::ItemKeyRole).toString();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_1);
        window.close();
    }
    MainWindow reopened({demoFolder(), false, workspace});
    InspectorView& inspector = reopened.inspector();
    QCOMPARE(inspector.annotator(), QString("alice"));
    const int row = inspector.answerModel()->rowOfItem(itemKey);
    QVERIFY(row >= 0);
    QCOMPARE(inspector.answerModel()->answerAt(row).label, QString("wrong algorithm"));
}

// The end-to-end path: a side-by-side comparison judged by the tests, a
// failure labelled in the inspector, the window closed and reopened, the label there.
void TestWorkbench::sideBySideFailureLabelledAcrossARestart()
{
    const QString workspace = m_dir.filePath("side-by-side.sqlite");
    QString itemKey;
    {
        MainWindow window({demoFolder(), true, workspace});
        QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
        QTRY_COMPARE(window.compare().panes().size(), 3);
        window.selectProblem(2);
        for (AnswerPane* pane : window.compare().panes()) {
            PaneSampling sampling = pane->sampling();
            sampling.maxNewTokens = 10;
            pane->setSampling(sampling);
        }
        QSignalSpy finished(&window.compare(), &CompareView::runFinished);
        window.runAll();
        QVERIFY(finished.wait(60000));
        QSignalSpy stored(&window.compare(), &CompareView::answerStored);
        window.compare().testAll();
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, 60000);

        InspectorView& inspector = window.inspector();
        inspector.setAnnotator("bob");
        QTRY_COMPARE(inspector.answerModel()->rowCount(), 3);
        const int row = inspector.answerModel()->rowOfItem(stored.at(0).at(0).toString());
        QVERIFY(row >= 0);
        const InspectedAnswer answer = inspector.answerModel()->answerAt(row);
        QCOMPARE(answer.taskId, QString("demo/fizzbuzz"));
        QCOMPARE(answer.completion, window.compare().panes().at(0)->answer());
        QVERIFY(answer.verdict.outcome != Outcome::Passed);
        itemKey = answer.itemKey;
        QTableView* table = inspector.tableView();
        const QModelIndex shown = inspector.filterModel()->mapFromSource(inspector.answerModel()->index(row, 0));
        table->setCurrentIndex(shown);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_3);  // "misread the spec"
        window.close();
    }
    MainWindow reopened({demoFolder(), false, workspace});
    InspectorView& inspector = reopened.inspector();
    inspector.setAnnotator("bob");
    const int row = inspector.answerModel()->rowOfItem(itemKey);
    QVERIFY(row >= 0);
    QCOMPARE(inspector.answerModel()->answerAt(row).label, QString("misread the spec"));
}

void TestWorkbench::translationsAreEmbedded_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_CN window") << "zh_CN" << "rrtf::MainWindow" << "Side by side" << QString::fromUtf8("并排对比");
    QTest::newRow("ja window") << "ja_JP" << "rrtf::MainWindow" << "Side by side" << QString::fromUtf8("並べて比較");
    // Widgets live in namespace rrtf too: their context must carry it, or tr() finds nothing.
    QTest::newRow("zh_CN widget") << "zh_CN" << "rrtf::FindBar" << "Find" << QString::fromUtf8("查找");
    QTest::newRow("ja widget") << "ja_JP" << "rrtf::FindBar" << "Find" << QString::fromUtf8("検索");
}

// The program picks its .qm by the system locale from :/i18n, as main() does.
void TestWorkbench::translationsAreEmbedded()
{
    QFETCH(QString, locale);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), "rrtf_workbench", "_", ":/i18n"));
    QCOMPARE(translator.translate(context.toLatin1(), source.toLatin1()), expected);
}

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
