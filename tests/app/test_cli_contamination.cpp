// rrtf contamination as a user runs it: the report on stdout, the JSON file,
// exit status 0 with or without overlaps, and one-line errors naming the file.
#include "support/cli_run.h"
#include "support/test_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

using nlohmann::json;

using namespace rrtf::test;

namespace {

QString humanEval() { return QString(RRTF_TEST_DATA) + "/humaneval/HumanEval.jsonl.gz"; }

// HumanEval/2's prompt and solution, re-indented, next to a task of our own.
std::vector<json> trainingLines() {
    return {
        {{"task_id", "own/1"},
         {"instruction", "Write a function that parses an ISO 8601 date such as 2024-01-31 into a (year, month, "
                         "day) tuple of integers."},
         {"solution", "def parse_date(text):\n    y, m, d = text.split('-')\n    return int(y), int(m), int(d)\n"},
         {"tests", "assert parse_date('2024-01-31') == (2024, 1, 31)"}},
        {{"task_id", "leak/2"},
         {"instruction", "def truncate_number(number: float) -> float:\n  \"\"\" Given a positive floating point "
                         "number, it can be decomposed into\n  and integer part (largest integer smaller than given "
                         "number) and decimals\n  (leftover part always smaller than 1).\n\n  Return the decimal "
                         "part of the number.\n  >>> truncate_number(3.5)\n  0.5\n  \"\"\""},
         {"answers", {{{"text", "return number % 1.0"}, {"source", "teacher"}, {"temperature", 0.2}}}}},
    };
}

}  // namespace

class TestCliContamination : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reportsTheLeakedProblem() {
        QTemporaryDir dir;
        const QString train = writeJsonLines(dir, "train.jsonl", trainingLines());
        const QString out = dir.filePath("report.json");
        const CliRun run = runCli({"contamination", train, humanEval(), "--json", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains("Training set: " + train + " (2 records)"));
        QVERIFY(run.out.contains("| pairs | by 13-gram | by Jaccard | training records affected"));
        QVERIFY(run.out.contains("| leak/2        | HumanEval/2    | instruction    | prompt "));
        QVERIFY(!run.out.contains("own/1"));
        QVERIFY(run.err.contains("checking 2 training records against 164 humaneval problems"));

        std::ifstream file(out.toStdString());
        const json report = json::parse(file);
        QCOMPARE(report["summary"]["pairs"].get<int>(), 1);
        QCOMPARE(report["summary"]["training_records_affected"].get<int>(), 1);
        QCOMPARE(report["summary"]["benchmark_task_ids"], json({"HumanEval/2"}));
        QCOMPARE(report["pairs"][0]["training_task_id"].get<std::string>(), std::string("leak/2"));
        QCOMPARE(report["training"]["path"].get<std::string>(), train.toStdString());
        QCOMPARE(report["options"]["ngram"].get<int>(), 13);
        QVERIFY(!QFile::exists(out + ".partial"));
    }

    void exitsZeroWithoutOverlaps() {
        QTemporaryDir dir;
        const QString train = writeJsonLines(dir, "train.jsonl", {trainingLines()[0]});
        const CliRun run = runCli({"contamination", train, humanEval(), "--ngram", "10", "--jaccard", "0.3", "--quiet"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("No overlaps found."));
        QVERIFY(run.out.contains("10-gram overlap"));
        QVERIFY(run.out.contains("Jaccard >= 0.30"));
        QVERIFY(run.err.isEmpty());
    }

    void checksMbppWithItsFormat() {
        QTemporaryDir dir;
        const QString train = writeJsonLines(dir, "train.jsonl", {{{"task_id", "copy"},
            {"instruction", "Write a function to sort a given matrix in ascending order according to the sum of its rows."}}});
        const CliRun run = runCli({"contamination", train, QString(RRTF_TEST_DATA) + "/mbpp/mbpp.jsonl", "--format",
                                   "mbpp", "--quiet"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("| copy          | 12             | instruction    | text "));
    }

    void errorsAreOneLineNamingTheFile_data() {
        QTest::addColumn<QStringList>("arguments");  // TRAIN is replaced by a bad training file
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing training file") << QStringList{"contamination", "MISSING", "HUMANEVAL"}
                                               << "missing.jsonl: cannot open file";
        QTest::newRow("malformed training line") << QStringList{"contamination", "BAD", "HUMANEVAL"}
                                                 << "bad.jsonl:2: invalid JSON";
        QTest::newRow("missing benchmark") << QStringList{"contamination", "GOOD", "nowhere.jsonl"}
                                           << "nowhere.jsonl: cannot open file";
        QTest::newRow("unknown format") << QStringList{"contamination", "GOOD", "HUMANEVAL", "--format", "apps"}
                                        << "--format: unknown problem format 'apps'";
        QTest::newRow("threshold out of range") << QStringList{"contamination", "GOOD", "HUMANEVAL", "--jaccard", "2"}
                                                << "jaccard threshold";
        QTest::newRow("both checks off")
            << QStringList{"contamination", "GOOD", "HUMANEVAL", "--jaccard", "0", "--ngram", "0"} << "both checks are off";
    }

    void errorsAreOneLineNamingTheFile() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString good = writeJsonLines(dir, "good.jsonl", trainingLines());
        const QString bad = dir.filePath("bad.jsonl");
        {
            std::ofstream file(bad.toStdString());
            file << trainingLines()[0].dump() << "\n{\"task_id\": \"x\",\n";
        }
        for (QString& argument : arguments) {
            if (argument == "MISSING") argument = dir.filePath("missing.jsonl");
            if (argument == "BAD") argument = bad;
            if (argument == "GOOD") argument = good;
            if (argument == "HUMANEVAL") argument = humanEval();
        }
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QStringList lines = run.errText().trimmed().split('\n');
        QVERIFY2(lines.size() == 1, run.err.constData());
        QVERIFY2(lines[0].startsWith("rrtf: error: ") && lines[0].contains(expected), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliContamination)
#include "test_cli_contamination.moc"
