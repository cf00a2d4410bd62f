// The workspace report: a leaderboard, outcomes, the case study and failure
// labels, written as Markdown and HTML from a workspace the test fills itself,
// with names that need escaping in both formats.
#include "main_window.h"
#include "report.h"

#include "store/annotations.h"
#include "store/workspace.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace rrtf;

namespace {

const QString kBeta = QStringLiteral("B <beta|2>");  // needs escaping in Markdown tables and HTML

StoredVerdict verdict(int task, Outcome outcome)
{
    StoredVerdict stored;
    stored.sampleIndex = task;
    stored.taskId = "HumanEval/" + std::to_string(task);
    stored.completionId = stored.taskId + "#0";
    stored.completion = "    return 0\n";
    stored.verdict.outcome = outcome;
    stored.verdict.testsTotal = 3;
    stored.verdict.testsPassed = outcome == Outcome::Passed ? 3 : 0;
    return stored;
}

std::int64_t addRun(Workspace& workspace, const QString& model, const std::vector<Outcome>& outcomes)
{
    EvalRunSpec spec;
    spec.key = "benchmark:" + model.toStdString();
    spec.problemSetPath = "/data/HumanEval.jsonl";
    spec.problemSetSha256 = "sha-humaneval";
    spec.samplesPath = "generated:" + model.toStdString();
    spec.samplesSha256 = spec.key;
    spec.engineVersion = "test";
    spec.settings = {{"kind", "benchmark"}, {"model", model.toStdString()}, {"decoding", "greedy"}, {"n", 1}};
    const EvalRun run = workspace.findOrCreateRun(spec);
    std::vector<StoredVerdict> verdicts;
    for (std::size_t task = 0; task < outcomes.size(); ++task)
        verdicts.push_back(verdict(int(task), outcomes[task]));
    workspace.recordVerdicts(run.id, verdicts);
    workspace.markRunFinished(run.id);
    return run.id;
}

}  // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void markdownReport();
    void htmlReport();
    void emptyWorkspace();
    void reportIsTranslated();
    void windowExportsTheOpenWorkspace();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("rrtf-workbench-test");
    QCoreApplication::setApplicationName("test_report");
    QVERIFY(m_dir.isValid());
    qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
    QSettings().clear();  // not the problem set of an earlier run, whose folder is gone
    m_workspace = std::make_unique<Workspace>(m_dir.filePath("report.sqlite").toStdString());
    const std::int64_t alpha = addRun(*m_workspace, "A", {Outcome::Passed, Outcome::Passed, Outcome::Passed, Outcome::Failed});
    const std::int64_t beta = addRun(*m_workspace, kBeta, {Outcome::Failed, Outcome::Passed, Outcome::SyntaxError, Outcome::Timeout});
    m_workspace->addGenerationStats(alpha, {4, 200, 1000.0, 3 * 1024 * 1024, "cpu", "float32"});
    Annotations annotations(*m_workspace);
    const std::int64_t wrong = annotations.labels().at(0).id;  // "wrong algorithm"
    const std::int64_t syntax = annotations.labels().at(3).id;  // "syntax error"
    const std::string first = QStringLiteral("run:%1:0").arg(beta).toStdString();
    const std::string third = QStringLiteral("run:%1:2").arg(beta).toStdString();
    annotations.setLabel(first, "ann1", wrong);
    annotations.setLabel(first, "ann2", wrong);
    annotations.setLabel(third, "ann1", syntax);
    annotations.setLabel(third, "ann2", wrong);
}

void TestReport::markdownReport()
{
    const QString text = workspaceReport(*m_workspace).render(ReportFormat::Markdown, "title");
    QVERIFY(text.startsWith("# RRTF Workbench report\n"));
    // Leaderboard: judged, passed, pass@1, speed and weights of A; the escaped name of B.
    QVERIFY2(text.contains("| A | HumanEval.jsonl | greedy | 4 / 4 | 3 | 75.0% |  |  | 200.0 | 3.00 MiB | cpu | done |"),
             qPrintable(text));
    QVERIFY(text.contains("| B <beta\\|2> | HumanEval.jsonl | greedy | 4 / 4 | 1 | 25.0% |"));
    // Outcomes: passed, failed, error, syntax_error, timeout, other.
    QVERIFY(text.contains("| B <beta\\|2> | greedy | 1 | 1 | 0 | 1 | 1 | 0 |"));
    // Case study: regions with their problems, McNemar (A alone solves 0 and 2), disagreement.
    QVERIFY(text.contains("## Case study: HumanEval.jsonl, greedy"));
    QVERIFY(text.contains("| only A | 2 | HumanEval/0, HumanEval/2 |"));
    QVERIFY(text.contains("| only A + B <beta\\|2> | 1 | HumanEval/1 |"));
    QVERIFY(text.contains("| none | 1 | HumanEval/3 |"));
    QVERIFY(text.contains("| A | B <beta\\|2> | 2 | 0 | 0.5 |"));
    QVERIFY(text.contains("| HumanEval/0 | 0.250 | 100.0% | 0.0% |"));
    // Failure labels per model and the annotators' agreement (one of two items agrees).
    QVERIFY(text.contains("| wrong algorithm | 0 | 3 |") || text.contains("| wrong algorithm | 3 | 0 |"));
    QVERIFY(text.contains("| syntax error |"));
    QVERIFY(text.contains("| ann1 | ann2 | 2 |"));
}

void TestReport::htmlReport()
{
    const QString html = workspaceReport(*m_workspace).render(ReportFormat::Html, "A & B");
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<title>A &amp; B</title>"));
    QVERIFY(html.contains("<td>B &lt;beta|2&gt;</td>"));
    QVERIFY(!html.contains("<beta"));  // nothing from the data becomes markup
    QVERIFY(html.contains("<td>only A</td><td>2</td><td>HumanEval/0, HumanEval/2</td>"));
    QCOMPARE(html.count("<table>"), html.count("</table>"));
    QVERIFY(html.trimmed().endsWith("</html>"));
    QCOMPARE(reportFormatForPath("/tmp/x.HTML"), ReportFormat::Html);
    QCOMPARE(reportFormatForPath("/tmp/x.md"), ReportFormat::Markdown);
}

void TestReport::emptyWorkspace()
{
    Workspace empty(m_dir.filePath("empty.sqlite").toStdString());
    const QString text = workspaceReport(empty).render(ReportFormat::Markdown, "t");
    QVERIFY(text.contains("No benchmark runs yet."));
    QVERIFY(!text.contains("## Case study"));
    QVERIFY_THROWS_EXCEPTION(Error, exportReport(empty, m_dir.filePath("no/such/folder/report.md")));
}

// The report's strings are found at run time under the context lupdate gave them.
void TestReport::reportIsTranslated()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale("zh_CN"), "rrtf_workbench", "_", ":/i18n"));
    const QString title = translator.translate("rrtf", "RRTF Workbench report");
    const QString done = translator.translate("rrtf", "done");
    QVERIFY(!title.isEmpty() && title != "RRTF Workbench report");
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString text = workspaceReport(*m_workspace).render(ReportFormat::Markdown, "t");
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(text.startsWith("# " + title + "\n"));
    QVERIFY(text.contains("| " + done + " |"));
}

void TestReport::windowExportsTheOpenWorkspace()
{
    MainWindow window({m_dir.filePath("demo"), false, m_dir.filePath("report.sqlite")});
    const QString path = m_dir.filePath("out/report.html");
    QVERIFY(QDir().mkpath(m_dir.filePath("out")));
    QVERIFY(window.exportReportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains("<h2>Leaderboard</h2>"));
    QVERIFY(html.contains("<td>75.0%</td>"));
}

QTEST_MAIN(TestReport)
#include "test_report.moc"
