// The rankings viewer on a rankings.jsonl the test ranks and writes itself:
// the summary's counts, the items table, its filters and natural sort, the
// detail pane of an item (every answer, its code, the pairs and a dropped
// pair), a background open, bad files reported by file and line, and the ways
// in (the main window, the Training tab, the job form).
#include "main_window.h"
#include "ranked_answers_model.h"
#include "rankings_filter_model.h"
#include "rankings_table_model.h"
#include "rankings_view.h"
#include "training_job_dialog.h"
#include "training_view.h"
#include "widgets/code_editor.h"

#include "training/ranking.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;

namespace {

JudgedAnswer answer(const std::string& model, double temperature, Outcome outcome, int passed, int total,
                    const std::string& text, const std::string& detail = {})
{
    JudgedAnswer judged;
    judged.model = model;
    judged.temperature = temperature;
    judged.text = text;
    judged.verdict.outcome = outcome;
    judged.verdict.testsPassed = passed;
    judged.verdict.testsTotal = total;
    judged.verdict.detail = detail;
    return judged;
}

const char* const kPartialAnswer = "Here it is:\n```python\ndef add(a, b):\n    return a - b\n```\nDone.";

// Four items covering what ranking can do: pairs of every kind and an answer not
// ranked, every pair dropped, no teacher answer, and a best teacher that is not the first.
std::vector<RankingItem> sampleItems()
{
    RankingItem first{"task/1", "Write add(a, b).\nReturn the sum.", {}, {}};
    first.teacherAnswers = {answer("teacher-a", 0.2, Outcome::Passed, 3, 3, "def add(a, b):\n    return a + b\n")};
    first.studentAnswers = {
        answer("student", 0.8, Outcome::Passed, 3, 3, "def add(a, b):\n    return b + a\n"),
        answer("student", 0.8, Outcome::Failed, 1, 3, kPartialAnswer, "AssertionError: add(2, 2) != 4"),
        answer("student", 0.8, Outcome::SyntaxError, 0, 3, "def add(a, b)\n", "invalid syntax (line 1)"),
        answer("student", 0.8, Outcome::SandboxError, 0, 0, "def add(a, b): pass\n", "seccomp setup failed"),
    };
    RankingItem second{"task/2", "Write mul(a, b).", {}, {}};
    second.teacherAnswers = {answer("teacher-a", 0.2, Outcome::Failed, 2, 4, "def mul(a, b):\n    return a + b\n")};
    second.studentAnswers = {answer("student", 0.8, Outcome::Passed, 4, 4, "def mul(a, b):\n    return a * b\n")};
    RankingItem third{"task/10", "Write sub(a, b).", {}, {}};
    third.studentAnswers = {answer("student", 0.8, Outcome::Error, 0, 2, "def sub(a, b):\n    raise ValueError\n")};
    RankingItem fourth{"task/3", "Write the n-th Fibonacci number.\nfib(0) == 0.", {}, {}};
    fourth.teacherAnswers = {
        answer("teacher-a", 0.2, Outcome::Timeout, 0, 2, "def fib(n):\n    while True: pass\n"),
        answer("teacher-b", 0.7, Outcome::Passed, 2, 2, "def fib(n):\n    a, b = 0, 1\n    for _ in range(n): a, b = b, a + b\n    return a\n"),
    };
    fourth.studentAnswers = {
        answer("student", 0.8, Outcome::Crashed, 0, 2, "import os\nos.abort()\n"),
        answer("student", 0.8, Outcome::SyntaxError, 0, 2, "def fib(n) return n\n"),
    };
    return {first, second, third, fourth};
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

}  // namespace

class TestRankingsView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void summaryCountsTheFile();
    void tableShowsOneRowPerItem();
    void filtersAndSort_data();
    void filtersAndSort();
    void detailShowsAnswersCodeAndPairs();
    void droppedPairAndLeftOutItem();
    void opensInTheBackground();
    void badFilesNameFileAndLine_data();
    void badFilesNameFileAndLine();
    void reachedFromTheWindowAndTheTrainingTab();

private:
    QTemporaryDir m_dir;
    QString m_rankings;
};

void TestRankingsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("rrtf-workbench-test");
    QCoreApplication::setApplicationName("test_rankings_view");
    QVERIFY(m_dir.isValid());
    qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
    QSettings().clear();
    m_rankings = m_dir.filePath("rankings.jsonl");
    writeRankings(m_rankings.toStdString(), rankItems(sampleItems()));
}

void TestRankingsView::summaryCountsTheFile()
{
    RankingsView view;
    QVERIFY2(view.load(m_rankings), qPrintable(view.errorText()));
    QVERIFY(view.errorText().isEmpty());
    const RankingsSummary& summary = view.summary();
    QCOMPARE(summary.items, 4);
    QCOMPARE(summary.itemsWithPairs, 2);
    QCOMPARE(summary.itemsLeftOut(), 2);
    QCOMPARE(summary.pairs, 3 + 2);
    QCOMPARE(summary.droppedPairs, 1);
    const auto slot = [](AnswerClass c) { return int(c); };
    QCOMPARE(summary.teacherClasses[slot(AnswerClass::AllPass)], 2);
    QCOMPARE(summary.teacherClasses[slot(AnswerClass::Partial)], 1);
    QCOMPARE(summary.teacherClasses[slot(AnswerClass::RuntimeError)], 1);
    QCOMPARE(summary.studentClasses[slot(AnswerClass::AllPass)], 2);
    QCOMPARE(summary.studentClasses[slot(AnswerClass::Partial)], 1);
    QCOMPARE(summary.studentClasses[slot(AnswerClass::RuntimeError)], 2);
    QCOMPARE(summary.studentClasses[slot(AnswerClass::CompileError)], 2);
    QCOMPARE(summary.studentClasses[kNotRankedSlot], 1);
    QCOMPARE(summary.leftOut.size(), size_t(2));

    const QString text = view.summaryText();
    QVERIFY2(text.contains("Items: 4 · with pairs: 2 · left out: 2 · pairs trained on: 5 · pairs dropped: 1"),
             qPrintable(text));
    QVERIFY2(text.contains("Teachers: 2 all pass · 1 partial · 1 runtime error"), qPrintable(text));
    QVERIFY2(text.contains("Students: 2 all pass · 1 partial · 2 runtime error · 2 compile error · 1 not ranked"),
             qPrintable(text));
    QVERIFY2(text.contains("1 × no teacher answer"), qPrintable(text));
    QVERIFY2(text.contains("1 × every pair dropped"), qPrintable(text));
}

void TestRankingsView::tableShowsOneRowPerItem()
{
    RankingsView view;
    QVERIFY(view.load(m_rankings));
    QAbstractItemModelTester tester(view.itemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QAbstractItemModel& model = *view.filterModel();
    QCOMPARE(model.rowCount(), 4);
    // File order until a column is clicked.
    QCOMPARE(column(model, RankingsTableModel::TaskColumn), QStringList({"task/1", "task/2", "task/10", "task/3"}));
    QCOMPARE(model.index(0, RankingsTableModel::InstructionColumn).data().toString(), QString("Write add(a, b). …"));
    QCOMPARE(model.index(0, RankingsTableModel::TeacherColumn).data().toString(), QString("all pass · 3.00"));
    QCOMPARE(model.index(0, RankingsTableModel::StudentsColumn).data().toString(),
             QString("1 all pass · 1 partial · 1 compile error · 1 not ranked"));
    QCOMPARE(model.index(0, RankingsTableModel::PairsColumn).data().toInt(), 3);
    QVERIFY(model.index(0, RankingsTableModel::ReasonColumn).data().toString().contains("sandbox failed"));
    QCOMPARE(model.index(2, RankingsTableModel::TeacherColumn).data().toString(), QString("no answer"));
    QCOMPARE(model.index(2, RankingsTableModel::ReasonColumn).data().toString(), QString("no teacher answer"));
    QCOMPARE(model.index(3, RankingsTableModel::TeacherColumn).data().toString(), QString("all pass · 3.00"));
    QCOMPARE(model.index(3, RankingsTableModel::PairsColumn).data().toInt(), 2);
    QVERIFY(model.index(3, RankingsTableModel::ReasonColumn).data().toString().isEmpty());
}

void TestRankingsView::filtersAndSort_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("teacherClass");
    QTest::addColumn<int>("studentClass");
    QTest::addColumn<bool>("onlyAttention");
    QTest::addColumn<QStringList>("tasks");
    const int any = RankingsFilterModel::AnyClass;
    QTest::newRow("none") << "" << any << any << false << QStringList{"task/1", "task/2", "task/3", "task/10"};
    QTest::newRow("instruction text") << "FIBONACCI" << any << any << false << QStringList{"task/3"};
    QTest::newRow("model name") << "teacher-b" << any << any << false << QStringList{"task/3"};
    QTest::newRow("reason text") << "pair dropped" << any << any << false << QStringList{"task/2"};
    QTest::newRow("teacher partial") << "" << int(AnswerClass::Partial) << any << false << QStringList{"task/2"};
    QTest::newRow("teacher none ranked") << "" << int(kNotRankedSlot) << any << false << QStringList{"task/10"};
    QTest::newRow("student compile error") << "" << any << int(AnswerClass::CompileError) << false
                                           << QStringList{"task/1", "task/3"};
    QTest::newRow("student not ranked") << "" << any << int(kNotRankedSlot) << false << QStringList{"task/1"};
    QTest::newRow("reason or dropped pair") << "" << any << any << true << QStringList{"task/1", "task/2", "task/10"};
    QTest::newRow("combined") << "write" << int(AnswerClass::AllPass) << int(AnswerClass::CompileError) << true
                              << QStringList{"task/1"};
}

void TestRankingsView::filtersAndSort()
{
    QFETCH(QString, search);
    QFETCH(int, teacherClass);
    QFETCH(int, studentClass);
    QFETCH(bool, onlyAttention);
    QFETCH(QStringList, tasks);
    RankingsView view;
    QVERIFY(view.load(m_rankings));
    view.itemsView()->sortByColumn(RankingsTableModel::TaskColumn, Qt::AscendingOrder);  // natural order
    // Through the widgets a person uses.
    view.searchEdit()->setText(search);
    view.teacherClassCombo()->setCurrentIndex(view.teacherClassCombo()->findData(teacherClass));
    view.studentClassCombo()->setCurrentIndex(view.studentClassCombo()->findData(studentClass));
    view.attentionCheck()->setChecked(onlyAttention);
    QCOMPARE(column(*view.filterModel(), RankingsTableModel::TaskColumn), tasks);
}

void TestRankingsView::detailShowsAnswersCodeAndPairs()
{
    RankingsView view;
    QVERIFY(view.load(m_rankings));
    QVERIFY(view.selectTask("task/1"));
    QVERIFY(view.currentItem());
    QCOMPARE(QString::fromStdString(view.currentItem()->taskId), QString("task/1"));
    RankedAnswersModel& answers = *view.answersModel();
    QAbstractItemModelTester tester(&answers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(answers.rowCount(), 1 + 4);
    QCOMPARE(column(answers, RankedAnswersModel::AnswerColumn),
             QStringList({"Teacher 1 (best)", "Student 1", "Student 2", "Student 3", "Student 4"}));
    QCOMPARE(column(answers, RankedAnswersModel::ModelColumn),
             QStringList({"teacher-a", "student", "student", "student", "student"}));
    QCOMPARE(column(answers, RankedAnswersModel::ClassColumn),
             QStringList({"all pass", "all pass", "partial", "compile error", "not ranked"}));
    QCOMPARE(column(answers, RankedAnswersModel::TestsColumn), QStringList({"3/3", "3/3", "1/3", "0/3", "—"}));
    QCOMPARE(answers.index(0, RankedAnswersModel::TemperatureColumn).data().toString(), QString("0.2"));
    QCOMPARE(answers.index(2, RankedAnswersModel::ScoreColumn).data().toString(), QString("2.33"));
    QCOMPARE(column(answers, RankedAnswersModel::PairColumn),
             QStringList({"teacher of 3 pair(s)", "pair: r_tea 3.50, r_stu 3.00", "pair: r_tea 3.00, r_stu 2.33",
                          "pair: r_tea 3.00, r_stu 0.00", "not ranked"}));

    // The pairs the loss uses: the tie gets the margin; the unranked answer forms none.
    const QString pairs = view.pairsText();
    QVERIFY2(pairs.startsWith("Teacher 1 (teacher-a, all pass, score 3.00) against:"), qPrintable(pairs));
    QVERIFY2(pairs.contains("Student 1 (student, all pass): r_tea 3.50, r_stu 3.00, weight 0.50"), qPrintable(pairs));
    QVERIFY2(pairs.contains("Student 2 (student, partial): r_tea 3.00, r_stu 2.33, weight 0.67"), qPrintable(pairs));
    QVERIFY2(pairs.contains("Student 3 (student, compile error): r_tea 3.00, r_stu 0.00, weight 3.00"),
             qPrintable(pairs));
    QVERIFY(!pairs.contains("Student 4"));

    // The best teacher answer is shown first; its code is in the code editor.
    QCOMPARE(view.answersView()->currentIndex().row(), 0);
    QCOMPARE(view.codeEditor()->text(), QString("def add(a, b):\n    return a + b\n"));
    QVERIFY(view.codeEditor()->isReadOnly());

    // A partial student answer: the code training keeps, the verdict's numbers and message.
    view.selectAnswer(2);
    QCOMPARE(view.codeEditor()->text(), QString("def add(a, b):\n    return a - b\n"));
    QString detail = view.answerDetailText();
    QVERIFY2(detail.contains("Student 2 · student · temperature 0.8"), qPrintable(detail));
    QVERIFY2(detail.contains("Outcome: Failed · tests passed: 1 of 3 · class: partial · score: 2.33"), qPrintable(detail));
    QVERIFY2(detail.contains("Ranking: pair: r_tea 3.00, r_stu 2.33"), qPrintable(detail));
    QVERIFY2(detail.contains("Detail: AssertionError: add(2, 2) != 4"), qPrintable(detail));
    view.wholeResponseCheck()->setChecked(true);
    QCOMPARE(view.codeEditor()->text(), QString(kPartialAnswer));
    view.wholeResponseCheck()->setChecked(false);

    // The answer the sandbox could not judge: not ranked, and why.
    view.selectAnswer(4);
    detail = view.answerDetailText();
    QVERIFY2(detail.contains("class: not ranked · score: —"), qPrintable(detail));
    QVERIFY2(detail.contains("Reason: not ranked: the sandbox failed (seccomp setup failed)"), qPrintable(detail));

    // Another item through the table: the best teacher is the second one.
    QVERIFY(view.selectTask("task/3"));
    QCOMPARE(view.answersView()->currentIndex().row(), 1);
    QCOMPARE(answers.index(1, RankedAnswersModel::AnswerColumn).data().toString(), QString("Teacher 2 (best)"));
    QCOMPARE(answers.index(0, RankedAnswersModel::PairColumn).data().toString(), QString("not the best teacher answer"));
    QVERIFY(view.codeEditor()->text().startsWith("def fib(n):\n    a, b = 0, 1"));
}

void TestRankingsView::droppedPairAndLeftOutItem()
{
    RankingsView view;
    QVERIFY(view.load(m_rankings));
    // selectTask clears a filter that hides the item.
    view.searchEdit()->setText("fibonacci");
    QVERIFY(view.selectTask("task/2"));
    QVERIFY(view.searchEdit()->text().isEmpty());
    QCOMPARE(view.answersModel()->index(1, RankedAnswersModel::PairColumn).data().toString(), QString("pair dropped"));
    const QString pairs = view.pairsText();
    QVERIFY2(pairs.startsWith("None: every pair dropped: the teacher's class (partial)"), qPrintable(pairs));
    QVERIFY2(pairs.contains("Student 1 dropped: pair dropped: the teacher's class (partial) is below the student's "
                            "(all_pass)"),
             qPrintable(pairs));

    QVERIFY(view.selectTask("task/10"));
    QCOMPARE(view.answersModel()->rowCount(), 1);
    QCOMPARE(view.pairsText(), QString("None: no teacher answer"));
    QCOMPARE(view.answersView()->currentIndex().row(), 0);  // no teacher: the first student
    QVERIFY(view.answerDetailText().contains("class: runtime error · score: 1.00"));
    QVERIFY(!view.selectTask("task/404"));
}

void TestRankingsView::opensInTheBackground()
{
    RankingsView view;
    QSignalSpy finished(&view, &RankingsView::finishedLoading);
    view.open(m_rankings);
    QVERIFY(view.isLoading());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!view.isLoading());
    QCOMPARE(view.path(), m_rankings);
    QCOMPARE(view.filterModel()->rowCount(), 4);
    QCOMPARE(view.windowTitle(), QString("Rankings — rankings.jsonl"));
    QCOMPARE(view.currentItem()->taskId, std::string("task/1"));  // the first item is shown at once

    // A file that is gone: the message names it, the shown file stays.
    view.open(m_dir.filePath("gone.jsonl"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(view.errorText().contains("gone.jsonl"), qPrintable(view.errorText()));
    QCOMPARE(view.filterModel()->rowCount(), 4);
    QCOMPARE(view.path(), m_rankings);

    // A view closed while its file is read: the worker's result goes nowhere.
    {
        auto* closed = new RankingsView;
        closed->open(m_rankings);
        delete closed;
        QTest::qWait(300);
    }

    // An empty rankings file (every item left out) is not an error.
    const QString empty = m_dir.filePath("empty.jsonl");
    writeText(empty, "");
    QVERIFY(view.load(empty));
    QVERIFY(view.errorText().isEmpty());
    QCOMPARE(view.filterModel()->rowCount(), 0);
    QVERIFY(view.summaryText().startsWith("Items: 0 ·"));
}

void TestRankingsView::badFilesNameFileAndLine_data()
{
    QTest::addColumn<QByteArray>("secondLine");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{\"task_id\": \"x\", oops}") << "bad.jsonl:2: invalid JSON";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << "bad.jsonl:2: expected a JSON object";
    QTest::newRow("missing field")
        << QByteArray(R"({"task_id": "x", "prompt": "p", "students": [], "pairs": []})")
        << "bad.jsonl:2: missing field \"teachers\"";
    QTest::newRow("unknown class")
        << QByteArray(R"({"task_id":"x","prompt":"p","teachers":[{"temperature":0.2,"outcome":"passed",)"
                      R"("tests_passed":1,"tests_total":1,"class":"great","score":3,"text":"t","code":"c"}],)"
                      R"("students":[],"pairs":[]})")
        << "bad.jsonl:2: teachers[0]: unknown class \"great\"";
}

void TestRankingsView::badFilesNameFileAndLine()
{
    QFETCH(QByteArray, secondLine);
    QFETCH(QString, expected);
    QFile good(m_rankings);
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray firstLine = good.readLine();
    const QString bad = m_dir.filePath("bad.jsonl");
    writeText(bad, firstLine + secondLine + "\n");

    RankingsView view;
    QVERIFY(view.load(m_rankings));
    QVERIFY(!view.load(bad));
    QVERIFY2(view.errorText().startsWith("Cannot read the rankings: "), qPrintable(view.errorText()));
    QVERIFY2(view.errorText().contains(expected), qPrintable(view.errorText()));
    // The file shown before stays, untouched.
    QCOMPARE(view.path(), m_rankings);
    QCOMPARE(view.filterModel()->rowCount(), 4);
    QVERIFY(view.selectTask("task/1"));
    QCOMPARE(view.answersModel()->rowCount(), 5);
    // The next good file clears the message.
    QVERIFY(view.load(m_rankings));
    QVERIFY(view.errorText().isEmpty());
}

void TestRankingsView::reachedFromTheWindowAndTheTrainingTab()
{
    MainWindow window({m_dir.filePath("demo"), false});
    QAction* menuEntry = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == "Open &Rankings…")
            menuEntry = action;
    QVERIFY(menuEntry);
    RankingsView* viewer = window.openRankings(m_rankings);
    QVERIFY(viewer->isWindow());
    QVERIFY(viewer->testAttribute(Qt::WA_DeleteOnClose));
    QTRY_COMPARE(viewer->filterModel()->rowCount(), 4);
    viewer->close();

    bool hasButton = false;
    for (QPushButton* button : window.training().findChildren<QPushButton*>())
        hasButton = hasButton || button->text() == "View rankings…";
    QVERIFY(hasButton);

    // The job form: "View…" beside the rankings opens them once the file exists.
    TrainingJobDialog dialog;
    QPushButton* view = nullptr;
    for (QPushButton* button : dialog.findChildren<QPushButton*>())
        if (button->text() == "View…")
            view = button;
    QVERIFY(view);
    QVERIFY(!view->isEnabled());
    dialog.setRankings(m_rankings);
    QVERIFY(view->isEnabled());
    view->click();
    auto* fromDialog = dialog.findChild<RankingsView*>();
    QVERIFY(fromDialog);
    QTRY_COMPARE(fromDialog->filterModel()->rowCount(), 4);
    QCOMPARE(fromDialog->path(), m_rankings);
}

QTEST_MAIN(TestRankingsView)
#include "test_rankings_view.moc"
