// Training records: what is written reads back unchanged (answers, evolution,
// unknown fields), the file is still an "rrtf" problem set, the write is atomic,
// and every malformed line is a FormatError naming file, line and field.
#include "evaluation/problem_set.h"
#include "runtime/error.h"
#include "support/format_error.h"
#include "training/training_records.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;

namespace {

std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name)
{
    return std::filesystem::path(dir.path().toStdString()) / name;
}

QString q(const std::string& text) { return QString::fromStdString(text); }

std::vector<TrainingRecord> sampleRecords()
{
    TrainingRecord seed;
    seed.taskId = "alpaca/17";
    seed.instruction = "Write a function double(x) that returns twice x.";
    seed.tests = "assert double(2) == 4\nassert double(-1) == -2\n";
    seed.solution = "def double(x):\n    return 2 * x\n";
    seed.answers = {{"def double(x):\n    return x + x\n", "gpt-3.5-turbo", 0.2, nlohmann::json::object()},
                    {"def double(x):\n    return x * 2\n", "human", std::nullopt, {{"note", "reviewed"}}}};
    seed.extra = {{"input", ""}, {"category", "math"}};

    TrainingRecord evolved;
    evolved.taskId = "alpaca/17/evol1";
    evolved.instruction = "Write double(x) for integers and floats; reject strings with TypeError. “quotes” ✓";
    evolved.tests = "def check(candidate):\n    assert candidate(2) == 4\n";
    evolved.entryPoint = "double";
    evolved.evolution = EvolutionOrigin{"alpaca/17", "alpaca/17", 1, "pangu-coder2", 3};
    return {seed, evolved};
}

}  // namespace

class TestTrainingRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "train.jsonl");
        const std::vector<TrainingRecord> written = sampleRecords();
        writeTrainingRecords(path, written);
        const std::vector<TrainingRecord> read = loadTrainingRecords(path);

        QCOMPARE(read.size(), written.size());
        for (std::size_t i = 0; i < read.size(); ++i) {
            QCOMPARE(q(read[i].taskId), q(written[i].taskId));
            QCOMPARE(q(read[i].instruction), q(written[i].instruction));
            QCOMPARE(q(read[i].tests), q(written[i].tests));
            QCOMPARE(q(read[i].solution), q(written[i].solution));
            QCOMPARE(q(read[i].entryPoint), q(written[i].entryPoint));
            QCOMPARE(read[i].extra, written[i].extra);
            QCOMPARE(read[i].sourceLine, int(i) + 1);
            QCOMPARE(read[i].answers.size(), written[i].answers.size());
            for (std::size_t a = 0; a < read[i].answers.size(); ++a) {
                QCOMPARE(q(read[i].answers[a].text), q(written[i].answers[a].text));
                QCOMPARE(q(read[i].answers[a].source), q(written[i].answers[a].source));
                QCOMPARE(read[i].answers[a].temperature, written[i].answers[a].temperature);
                QCOMPARE(read[i].answers[a].extra, written[i].answers[a].extra);
            }
            QCOMPARE(read[i].evolution.has_value(), written[i].evolution.has_value());
        }
        const EvolutionOrigin& origin = *read[1].evolution;
        QCOMPARE(q(origin.seed), QString("alpaca/17"));
        QCOMPARE(q(origin.parent), QString("alpaca/17"));
        QCOMPARE(origin.round, 1);
        QCOMPARE(q(origin.prompt), QString("pangu-coder2"));
        QCOMPARE(origin.heuristic, std::optional<int>(3));

        // Written again, the bytes are the same: nothing is lost or reordered.
        const auto again = pathIn(dir, "again.jsonl");
        writeTrainingRecords(again, read);
        QFile first(q(path.string())), second(q(again.string()));
        QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
        const QByteArray bytes = first.readAll();
        QCOMPARE(second.readAll(), bytes);
        QVERIFY(bytes.startsWith("{\"task_id\":\"alpaca/17\",\"instruction\":"));
        QCOMPARE(bytes.count('\n'), 2);
    }

    void writtenFileIsAnRrtfProblemSet()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "train.jsonl");
        writeTrainingRecords(path, sampleRecords());
        const ProblemSet set = loadProblemSet(path);
        QCOMPARE(set.format(), ProblemFormat::Rrtf);
        QCOMPARE(set.size(), std::size_t(2));
        QCOMPARE(q(set[0].prompt), q(sampleRecords()[0].instruction));
        QCOMPARE(q(set[0].test), q(sampleRecords()[0].tests));
        QCOMPARE(q(set[0].canonicalSolution), q(sampleRecords()[0].solution));
        QCOMPARE(q(set[1].entryPoint), QString("double"));

        const Problem problem = trainingProblem(loadTrainingRecords(path)[1]);
        QCOMPARE(problem.format, ProblemFormat::Rrtf);
        QCOMPARE(q(problem.taskId), QString("alpaca/17/evol1"));
        QCOMPARE(q(problem.test), q(set[1].test));
        QCOMPARE(problem.sourceLine, 2);
    }

    void readsTestsGivenAsLines()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "lines.jsonl");
        QVERIFY(test::writeBytes(q(path.string()),
                                 R"({"task_id": 7, "instruction": "Add.", "tests": ["assert f(1) == 2", "assert f(2) == 3"]})"
                                 "\n\n"));
        const std::vector<TrainingRecord> records = loadTrainingRecords(path);
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(q(records[0].taskId), QString("7"));
        QCOMPARE(q(records[0].tests), QString("assert f(1) == 2\nassert f(2) == 3"));
        QVERIFY(records[0].answers.empty());
        QVERIFY(!records[0].evolution);
    }

    void testsMayBeMissingWhenNotRequired()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "evolved.jsonl");
        TrainingRecord record;
        record.taskId = "a/evol1";
        record.instruction = "Rewrite it harder.";
        writeTrainingRecords(path, {record});
        test::expectFormatError([&] { loadTrainingRecords(path); },
                                {q(path.string()) + ":1:", "\"tests\"", "missing"});
        const std::vector<TrainingRecord> records = loadTrainingRecords(path, {.requireTests = false});
        QCOMPARE(records.size(), std::size_t(1));
        QVERIFY(records[0].tests.empty());
    }

    void malformedLineNamesFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("words");

        const QByteArray good = R"({"task_id": "t/1", "instruction": "Add one.", "tests": "assert f(1) == 2"})"
                                "\n";
        QTest::newRow("invalid JSON") << good + R"({"task_id": "t/2", "instruction": )" "\n" << 2
                                      << QStringList{"invalid JSON"};
        QTest::newRow("not an object") << good + "[1, 2]\n" << 2 << QStringList{"expected a JSON object"};
        QTest::newRow("missing task_id") << good + R"({"instruction": "x", "tests": "assert True"})" "\n" << 2
                                         << QStringList{"\"task_id\""};
        QTest::newRow("instruction not a string")
            << good + R"({"task_id": "t/2", "instruction": 5, "tests": "assert True"})" "\n" << 2
            << QStringList{"\"instruction\"", "expected a string"};
        QTest::newRow("missing tests") << good + R"({"task_id": "t/2", "instruction": "x"})" "\n" << 2
                                       << QStringList{"\"tests\"", "missing"};
        QTest::newRow("blank tests") << good + R"({"task_id": "t/2", "instruction": "x", "tests": "  \n"})" "\n"
                                     << 2 << QStringList{"\"tests\"", "empty"};
        QTest::newRow("tests not code") << good + R"({"task_id": "t/2", "instruction": "x", "tests": 3})" "\n" << 2
                                        << QStringList{"\"tests\"", "an integer"};
        QTest::newRow("duplicate task id") << good + "\n" + good << 3
                                           << QStringList{"\"task_id\"", "duplicate", "t/1", "first at line 1"};
        QTest::newRow("answers not a list")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "answers": "def f(): pass"})" "\n") << 1
            << QStringList{"\"answers\"", "a string"};
        QTest::newRow("answer without text")
            << good + R"({"task_id": "t/2", "instruction": "x", "tests": "assert 1", "answers": [{"text": "a", "source": "m"}, {"source": "m"}]})" "\n"
            << 2 << QStringList{"\"answers\" item 2", "\"text\""};
        QTest::newRow("answer without source")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "answers": [{"text": "a"}]})" "\n") << 1
            << QStringList{"\"answers\" item 1", "\"source\""};
        QTest::newRow("answer source empty")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "answers": [{"text": "a", "source": ""}]})" "\n")
            << 1 << QStringList{"\"source\"", "empty"};
        QTest::newRow("negative temperature")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "answers": [{"text": "a", "source": "m", "temperature": -0.5}]})" "\n")
            << 1 << QStringList{"\"temperature\"", "-0.5"};
        QTest::newRow("temperature as text")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "answers": [{"text": "a", "source": "m", "temperature": "hot"}]})" "\n")
            << 1 << QStringList{"\"temperature\"", "expected a number"};
        QTest::newRow("heuristic out of range")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "evolution": {"seed": "s", "parent": "s", "round": 1, "prompt": "wizardcoder", "heuristic": 7}})" "\n")
            << 1 << QStringList{"\"evolution\"", "\"heuristic\"", "1..5"};
        QTest::newRow("evolution without round")
            << QByteArray(R"({"task_id": "t/1", "instruction": "x", "tests": "assert 1", "evolution": {"seed": "s", "parent": "s", "prompt": "wizardcoder"}})" "\n")
            << 1 << QStringList{"\"evolution\"", "\"round\""};
        // Other fields are kept (copied): a value nested a million deep overflowed the
        // stack (fuzz/regressions/training_records/deep-nesting).
        QTest::newRow("deep nesting")
            << good + R"({"task_id": "t/2", "instruction": "x", "tests": "assert 1", "meta": )" +
                   QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}\n"
            << 2 << QStringList{"nested deeper than 512"};
    }

    void malformedLineNamesFileLineAndField()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.jsonl");
        QVERIFY(test::writeBytes(path, content));
        test::expectFormatError([&] { loadTrainingRecords(path.toStdString()); },
                                QStringList{path + ":" + QString::number(line) + ":"} + words);
    }

    void emptyOrMissingFileIsAnError()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath("empty.jsonl");
        QVERIFY(test::writeBytes(empty, "\n \n"));
        test::expectFormatError([&] { loadTrainingRecords(empty.toStdString()); }, {empty, "empty"});
        const QString missing = dir.filePath("missing.jsonl");
        test::expectFormatError([&] { loadTrainingRecords(missing.toStdString()); }, {missing, "cannot open"});
    }

    void writeIsAtomicAndReplacesTheFile()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "train.jsonl");
        QVERIFY(test::writeBytes(q(path.string()), "old content that is not JSON\n"));
        writeTrainingRecords(path, sampleRecords());
        QCOMPARE(loadTrainingRecords(path).size(), std::size_t(2));
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"train.jsonl"});

        // A record the writer refuses leaves the old file as it was.
        std::vector<TrainingRecord> duplicated = sampleRecords();
        duplicated[1].taskId = duplicated[0].taskId;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, writeTrainingRecords(path, duplicated));
        QCOMPARE(loadTrainingRecords(path).size(), std::size_t(2));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"train.jsonl"});

        // A directory that does not exist: an Error naming the path.
        const auto nowhere = pathIn(dir, "no/such/dir/train.jsonl");
        try {
            writeTrainingRecords(nowhere, sampleRecords());
            QFAIL("expected an Error");
        } catch (const Error& error) {
            QVERIFY2(QString(error.what()).contains(q(nowhere.string())), error.what());
        }
    }

    void invalidUtf8IsReplacedNotFatal()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "raw.jsonl");
        std::vector<TrainingRecord> records = sampleRecords();
        records[0].answers[0].text = std::string("def f():\n    return '\xe4\xb8'\n");  // cut mid-character
        writeTrainingRecords(path, records);
        const std::vector<TrainingRecord> read = loadTrainingRecords(path);
        QCOMPARE(q(read[0].answers[0].text), QString::fromUtf8("def f():\n    return '\uFFFD'\n"));
    }
};

QTEST_GUILESS_MAIN(TestTrainingRecords)
#include "test_training_records.moc"
