// Problem sets: every shipped benchmark file loads with the right count and
// fields, and every malformed file is a FormatError naming the file and line.
#include "evaluation/problem_set.h"
#include "runtime/error.h"
#include "support/format_error.h"
#include "support/test_data.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <regex>
#include <string>

using namespace rrtf;

namespace {

std::filesystem::path dataFile(const std::string& relative) { return test::testDataFile(relative); }

QByteArray fileBytes(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Number of argument lists in a JSON inputs text (numbers too wide for 64 bits
// are read as doubles, which is fine for counting).
std::size_t inputCount(const std::string& inputsJson) { return nlohmann::json::parse(inputsJson).size(); }

QString q(const std::string& text) { return QString::fromStdString(text); }

int assertCount(const std::string& test)
{
    int count = 0;
    for (std::size_t at = test.find("\nassert "); at != std::string::npos; at = test.find("\nassert ", at + 1))
        ++count;
    return count;
}

const char* kHumanEvalLine =
    R"({"task_id": "T/0", "prompt": "def f(x):\n", "entry_point": "f", "canonical_solution": "    return x\n", )"
    R"("test": "def check(candidate):\n    assert candidate(1) == 1\n"})";

}  // namespace

class TestProblemSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsHumanEval()
    {
        const ProblemSet set = loadProblemSet(dataFile("humaneval/HumanEval.jsonl.gz"));
        QCOMPARE(set.size(), std::size_t(164));
        QCOMPARE(set.format(), ProblemFormat::HumanEval);
        QCOMPARE(q(set.sha256()), QString("b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef"));
        QCOMPARE(q(set.sourcePath().string()), q(dataFile("humaneval/HumanEval.jsonl.gz").string()));
        for (std::size_t i = 0; i < set.size(); ++i)
            QCOMPARE(q(set[i].taskId), QString("HumanEval/%1").arg(i));

        const Problem* first = set.find("HumanEval/0");
        QVERIFY(first);
        QCOMPARE(q(first->entryPoint), QString("has_close_elements"));
        QVERIFY(first->prompt.starts_with("from typing import List\n\n\ndef has_close_elements("));
        QVERIFY(first->test.find("def check(candidate):") != std::string::npos);
        QVERIFY(first->canonicalSolution.starts_with("    for idx, elem in enumerate(numbers):"));
        QCOMPARE(first->sourceLine, 1);
        QCOMPARE(set.find("HumanEval/163")->sourceLine, 164);
        QCOMPARE(q(set.find("HumanEval/32")->entryPoint), QString("find_zero"));
        QVERIFY(!set.find("HumanEval/164"));
        QVERIFY(!set.find("humaneval/0"));
        for (const Problem& problem : set) {
            QVERIFY(problem.prompt.ends_with("\n"));
            QVERIFY(problem.prompt.find("def " + problem.entryPoint + "(") != std::string::npos);
        }
    }

    void loadsEveryHumanEvalPlusVariant_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<bool>("hasTest");
        QTest::addColumn<int>("baseInputs");  // total over the 164 problems
        QTest::addColumn<int>("plusInputs");

        QTest::newRow("full") << "HumanEvalPlus-v0.1.10.jsonl.gz"
                              << "272720b90ac375502c8ed23cd791c2a93dfb22a911641a494da74a426c09f101" << true << 1570
                              << 122683;
        QTest::newRow("mini") << "HumanEvalPlus-Mini-v0.1.10.jsonl.gz"
                              << "91486741f1627101021fbe50523df08eebb5b0bf5e804b633dcd5ca3c14dbd2f" << false << 1570
                              << 1107;
        QTest::newRow("no extreme") << "HumanEvalPlus-NoExtreme-v0.1.10.jsonl.gz"
                                    << "298f79977b2663b8b8ab6b5fa50b17d6f23a92603d24f39e26203fe58c37eeda" << true
                                    << 1570 << 122504;
    }

    void loadsEveryHumanEvalPlusVariant()
    {
        QFETCH(QString, file);
        QFETCH(QString, sha256);
        QFETCH(bool, hasTest);
        QFETCH(int, baseInputs);
        QFETCH(int, plusInputs);

        const ProblemSet set = loadProblemSet(dataFile("humaneval") / file.toStdString());
        QCOMPARE(set.size(), std::size_t(164));
        QCOMPARE(set.format(), ProblemFormat::HumanEvalPlus);
        QCOMPARE(q(set.sha256()), sha256);

        std::size_t base = 0, plus = 0;
        bool keepsWideIntegers = false;
        const std::regex wideInteger("[0-9]{100,}");
        for (const Problem& problem : set) {
            QCOMPARE(problem.test.empty(), !hasTest);
            QVERIFY(!problem.canonicalSolution.empty());
            QVERIFY(!problem.inputsArePython);
            base += inputCount(problem.baseInputs);
            plus += inputCount(problem.plusInputs);
            keepsWideIntegers = keepsWideIntegers || std::regex_search(problem.plusInputs, wideInteger);
        }
        QCOMPARE(int(base), baseInputs);
        QCOMPARE(int(plus), plusInputs);
        if (hasTest)
            QVERIFY(keepsWideIntegers);  // integers of 100+ digits survive as written

        const Problem& first = *set.find("HumanEval/0");
        QCOMPARE(q(first.entryPoint), QString("has_close_elements"));
        QVERIFY(first.baseInputs.starts_with("[[[1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3], "));
        QVERIFY(first.contract.find("# $_CONTRACT_$") != std::string::npos);
        QCOMPARE(first.atol, 0.0);
        QCOMPARE(set.find("HumanEval/2")->atol, 1e-6);
        QCOMPARE(set.find("HumanEval/32")->atol, 1e-4);
    }

    void loadsHumanEvalPlusOriginFormatAsHumanEval()
    {
        const ProblemSet set = loadProblemSet(dataFile("humaneval/HumanEvalPlus-OriginFmt-v0.1.10.jsonl.gz"));
        QCOMPARE(set.size(), std::size_t(164));
        QCOMPARE(set.format(), ProblemFormat::HumanEval);
        QCOMPARE(q(set.sha256()), QString("daa7661c8189924068069b0872a440b491edb60f8bdf431d5957adc88d18bae5"));
        QVERIFY(set.find("HumanEval/0")->test.find("import numpy as np") != std::string::npos);
        QVERIFY(set.find("HumanEval/0")->baseInputs.empty());
    }

    void loadsMbpp()
    {
        const ProblemSet set = loadProblemSet(dataFile("mbpp/mbpp.jsonl"));
        QCOMPARE(set.size(), std::size_t(974));
        QCOMPARE(set.format(), ProblemFormat::Mbpp);
        QCOMPARE(q(set.sha256()), QString("ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f"));

        const Problem& first = set[0];
        QCOMPARE(q(first.taskId), QString("1"));
        QVERIFY(first.prompt.starts_with("Write a function to find the minimum cost path"));
        QVERIFY(first.canonicalSolution.starts_with("R = 3\r\nC = 3\r\ndef min_cost(cost, m, n):"));
        QCOMPARE(first.testList.size(), std::size_t(3));
        QCOMPARE(q(first.testList[0]), QString("assert min_cost([[1, 2, 3], [4, 8, 2], [1, 5, 3]], 2, 2) == 8"));
        QVERIFY(first.entryPoint.empty());
        QVERIFY(first.test.empty());

        int withChallenge = 0, withSetup = 0;
        for (const Problem& problem : set) {
            QCOMPARE(problem.testList.size(), std::size_t(3));
            withChallenge += !problem.challengeTestList.empty();
            withSetup += !problem.testSetupCode.empty();
        }
        QCOMPARE(withChallenge, 11);
        QCOMPARE(withSetup, 2);
        QCOMPARE(set.find("11")->challengeTestList.size(), std::size_t(2));
        QVERIFY(set.find("367")->testSetupCode.starts_with("root = Node(1)"));
    }

    void loadsSanitizedMbpp()
    {
        const ProblemSet set = loadProblemSet(dataFile("mbpp/sanitized-mbpp.json"));
        QCOMPARE(set.size(), std::size_t(427));
        QCOMPARE(set.format(), ProblemFormat::MbppSanitized);
        QCOMPARE(q(set.sha256()), QString("ca95deaa9a01ef0a6f439f88bcf0dd3db3563d22f22aad6cae04ebb9a8d8c8e9"));

        const Problem* shared = set.find("2");
        QVERIFY(shared);
        QCOMPARE(q(shared->prompt), QString("Write a function to find the shared elements from the given two lists."));
        QVERIFY(shared->canonicalSolution.starts_with("def similar_elements(test_tup1, test_tup2):"));
        QCOMPARE(q(shared->sourceFile), QString("Benchmark Questions Verification V2.ipynb"));
        QCOMPARE(shared->testList.size(), std::size_t(3));
        QVERIFY(shared->testImports.empty());
        QCOMPARE(set.find("82")->testImports, std::vector<std::string>{"import math"});

        int withImports = 0;
        for (const Problem& problem : set) {
            QVERIFY(problem.testList.size() >= 3 && problem.testList.size() <= 7);
            withImports += !problem.testImports.empty();
        }
        QCOMPARE(withImports, 13);
        QVERIFY(set.find("809"));
    }

    void loadsTheRrtfFormat()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("own.jsonl");
        QVERIFY(test::writeBytes(
            path, R"({"task_id": "add", "instruction": "Add two numbers.", "tests": "assert add(1, 2) == 3"})"
                  "\n"
                  R"({"task_id": 7, "instruction": "Square.", "tests": ["def check(candidate):", )"
                  R"("    assert candidate(3) == 9"], "solution": "def sq(x):\n    return x * x\n", )"
                  R"("entry_point": "sq"})"
                  "\n"));
        const ProblemSet set = loadProblemSet(path.toStdString());
        QCOMPARE(set.format(), ProblemFormat::Rrtf);
        QCOMPARE(set.size(), std::size_t(2));
        QCOMPARE(q(set[0].prompt), QString("Add two numbers."));
        QCOMPARE(q(set[0].test), QString("assert add(1, 2) == 3"));
        QVERIFY(set[0].canonicalSolution.empty() && set[0].entryPoint.empty());
        QCOMPARE(q(set[1].taskId), QString("7"));
        QCOMPARE(q(set[1].test), QString("def check(candidate):\n    assert candidate(3) == 9"));
        QCOMPARE(q(set[1].entryPoint), QString("sq"));
        QCOMPARE(q(set[1].canonicalSolution), QString("def sq(x):\n    return x * x\n"));
    }

    void skipsBlankLinesAndCountsThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("blank.jsonl");
        QByteArray second = QByteArray(kHumanEvalLine).replace("T/0", "T/1");
        QVERIFY(test::writeBytes(path, "\n" + QByteArray(kHumanEvalLine) + "\r\n  \t\n\n" + second + "\n\n"));
        const ProblemSet set = loadProblemSet(path.toStdString());
        QCOMPARE(set.size(), std::size_t(2));
        QCOMPARE(set[0].sourceLine, 2);
        QCOMPARE(set[1].sourceLine, 5);
    }

    void decodesStringInputs()
    {
        // base_input/plus_input given as strings holding list literals: JSON ones
        // stay JSON, anything else is kept as Python text.
        QTemporaryDir dir;
        const QString path = dir.filePath("plus.jsonl");
        const QByteArray common = R"("prompt": "def f(x):\n", "entry_point": "f", "canonical_solution": "    return x\n")";
        QVERIFY(test::writeBytes(path, "{\"task_id\": \"a\", " + common +
                                           R"(, "base_input": "[[1], [2]]", "plus_input": [[3]], "atol": "1e-6"})"
                                           "\n{\"task_id\": \"b\", " +
                                           common + R"(, "base_input": "[(1, 2), None]", "plus_input": "[]"})"
                                           "\n"));
        const ProblemSet set = loadProblemSet(path.toStdString());
        QCOMPARE(set.format(), ProblemFormat::HumanEvalPlus);
        QCOMPARE(q(set[0].baseInputs), QString("[[1], [2]]"));
        QCOMPARE(q(set[0].plusInputs), QString("[[3]]"));
        QVERIFY(!set[0].inputsArePython);
        QCOMPARE(set[0].atol, 1e-6);
        QCOMPARE(q(set[1].baseInputs), QString("[(1, 2), None]"));
        QVERIFY(set[1].inputsArePython);
        QCOMPARE(set[1].atol, 0.0);
    }

    void loadsTheLeetCodeContestSet()
    {
        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);  // fetched, not committed
        const ProblemSet set = loadProblemSet(dataFile(test::kLeetCodeContest));
        QCOMPARE(set.size(), std::size_t(180));
        QCOMPARE(set.format(), ProblemFormat::LeetCode);
        QCOMPARE(q(set.sha256()), QString("7630417651034cfef749d2b21b47163921e1199e078b39ecbc218b4e7c73fbfc"));
        QVERIFY(noTestsReason(set).empty());

        const Problem& first = set[0];
        QCOMPARE(q(first.taskId), QString("weekly-contest-381-minimum-number-of-pushes-to-type-word-i"));
        QCOMPARE(q(first.difficulty), QString("Easy"));
        QVERIFY(first.prompt.starts_with("\"\"\"\nYou are given a string word containing distinct lowercase"));
        QVERIFY(first.prompt.ends_with("class Solution:\n    def minimumPushes(self, word: str) -> int:\n        "));
        QVERIFY(first.instructionPrompt.ends_with("```python\nclass Solution:\n    def minimumPushes(self, word: str) "
                                                  "-> int:\n        \n```"));
        QVERIFY(first.test.starts_with("\nmy_solution = Solution()\n"));
        QVERIFY(first.entryPoint.empty());
        QVERIFY(first.canonicalSolution.empty());

        std::map<std::string, int> difficulties;
        for (const Problem& problem : set) {
            ++difficulties[problem.difficulty];
            QVERIFY(problemHasTests(problem));
            QVERIFY(!problem.instructionPrompt.empty());
            QVERIFY(problem.prompt.ends_with("\n        "));  // the method body is the model's
            QCOMPARE(assertCount(problem.test), 100);
        }
        QCOMPARE(difficulties, (std::map<std::string, int>{{"Easy", 45}, {"Medium", 91}, {"Hard", 44}}));
    }

    void loadsCoderEvalPromptsWithoutTests_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("sha256");
        QTest::newRow("raw") << "CEPythonRaw.jsonl"
                             << "f423c2a9a6de6fe5c761f7b432660e4921de45deb67a8329916103958560bf18";
        QTest::newRow("human label") << "CEPythonHumanLabel.jsonl"
                                     << "482f61d81da58f7eddee0bb8fd7e968d620ee39a44b29f3bf0db140ee5e8c003";
    }

    void loadsCoderEvalPromptsWithoutTests()
    {
        QFETCH(QString, file);
        QFETCH(QString, sha256);
        SKIP_UNLESS_TEST_DATA("humaneval/codereval/" + file.toStdString());  // fetched, not committed
        const auto path = dataFile("humaneval/codereval") / file.toStdString();
        const ProblemSet set = loadProblemSet(path);
        QCOMPARE(set.size(), std::size_t(230));
        QCOMPARE(set.format(), ProblemFormat::CoderEval);
        QCOMPARE(q(set.sha256()), sha256);
        QCOMPARE(q(set[0].taskId), QString("62e60f43d76274f8a4026e28"));
        QVERIFY(set[0].prompt.starts_with("def hydrate_time(nanoseconds, tz=None):\n\t\"\"\"\n"));
        for (const Problem& problem : set) {
            QVERIFY(!problemHasTests(problem));
            QVERIFY(problem.test.empty());
            QVERIFY(!problem.prompt.empty());
        }
        // Judging says why it cannot, naming the file.
        const QString reason = q(noTestsReason(set));
        QVERIFY2(reason.contains(q(path.string())) && reason.contains("CoderEval ships prompts only"),
                 qPrintable(reason));
    }

    void forcedFormatMustFit()
    {
        const auto path = dataFile("humaneval/HumanEval.jsonl.gz");
        test::expectFormatError([&] { loadProblemSet(path, ProblemFormat::Mbpp); },
                                {q(path.string()) + ":1:", "missing field \"text\""});
        QCOMPARE(loadProblemSet(path, ProblemFormat::HumanEval).size(), std::size_t(164));
    }

    void namesFormats()
    {
        for (ProblemFormat format : {ProblemFormat::Auto, ProblemFormat::HumanEval, ProblemFormat::HumanEvalPlus,
                                     ProblemFormat::Mbpp, ProblemFormat::MbppSanitized, ProblemFormat::Rrtf,
                                     ProblemFormat::LeetCode, ProblemFormat::CoderEval})
            QCOMPARE(parseProblemFormat(problemFormatName(format)), std::optional<ProblemFormat>(format));
        QVERIFY(!parseProblemFormat("HumanEval"));
        QCOMPARE(detectProblemFormat({"task_id", "prompt", "entry_point", "canonical_solution", "test"}),
                 std::optional<ProblemFormat>(ProblemFormat::HumanEval));
        QCOMPARE(detectProblemFormat({"task_id", "prompt", "entry_point", "base_input", "plus_input"}),
                 std::optional<ProblemFormat>(ProblemFormat::HumanEvalPlus));
        QCOMPARE(detectProblemFormat({"text", "code", "task_id", "test_list"}),
                 std::optional<ProblemFormat>(ProblemFormat::Mbpp));
        QCOMPARE(detectProblemFormat({"task_id", "prompt", "code", "test_list"}),
                 std::optional<ProblemFormat>(ProblemFormat::MbppSanitized));
        QCOMPARE(detectProblemFormat({"task_id", "instruction", "tests"}),
                 std::optional<ProblemFormat>(ProblemFormat::Rrtf));
        QCOMPARE(detectProblemFormat({"task_id", "url", "title", "meta", "prompt", "prompt_sft", "test", "start_time"}),
                 std::optional<ProblemFormat>(ProblemFormat::LeetCode));
        QCOMPARE(detectProblemFormat({"question_id", "input", "signature", "docstring"}),
                 std::optional<ProblemFormat>(ProblemFormat::CoderEval));
        QVERIFY(!detectProblemFormat({"task_id", "prompt", "test"}));  // no entry point and nothing LeetCode's
        QVERIFY(!detectProblemFormat({"task_id", "question"}));
    }

    void readsLeetCodeRecordsStrictly_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("no test") << QByteArray(R"({"task_id": "a", "prompt": "p", "prompt_sft": "s"})")
                                 << QStringList{":1:", "missing field \"test\""};
        QTest::newRow("meta not an object")
            << QByteArray(R"({"task_id": "a", "prompt": "p", "test": "t", "meta": "Easy"})")
            << QStringList{":1:", "field \"meta\" is a string, expected an object"};
        QTest::newRow("difficulty not a string")
            << QByteArray(R"({"task_id": "a", "prompt": "p", "test": "t", "meta": {"difficulty": 2}})")
            << QStringList{":1:", "meta.difficulty"};
        QTest::newRow("CoderEval without input") << QByteArray(R"({"question_id": "q", "signature": "def f():"})")
                                                 << QStringList{":1:", "missing field \"input\""};
    }

    void readsLeetCodeRecordsStrictly()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("set.jsonl");
        QVERIFY(test::writeBytes(path, content));
        test::expectFormatError([&] { loadProblemSet(path.toStdString()); }, QStringList{path} + words);
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("words");  // besides the file's path

        const QByteArray good = kHumanEvalLine;
        const auto record = [&](int i) { return QByteArray(kHumanEvalLine).replace("T/0", "T/" + QByteArray::number(i)); };
        const QByteArray two = record(1) + "\n" + record(2) + "\n";

        QTest::newRow("bad JSON on line 3") << two + "{\"task_id\": \"T/3\", \"prompt\": }\n"
                                            << QStringList{":3:", "invalid JSON"};
        QTest::newRow("bad JSON after blank lines") << good + "\n\n\n{oops\n" << QStringList{":4:", "invalid JSON"};
        QTest::newRow("missing field")
            << good + "\n" + QByteArray(R"({"task_id": "T/1", "prompt": "def f(x):\n", "entry_point": "f"})") + "\n"
            << QStringList{":2:", "missing field \"test\""};
        QTest::newRow("wrong type") << good + "\n" + record(1).replace(R"("prompt": "def f(x):\n")", R"("prompt": 42)")
                                    << QStringList{":2:", "field \"prompt\" is an integer, expected a string"};
        QTest::newRow("wrong task_id type") << record(1).replace(R"("T/1")", "[1]")
                                            << QStringList{":1:", "field \"task_id\" is an array"};
        QTest::newRow("duplicate task_id") << two + record(1) << QStringList{":3:", "duplicate task_id \"T/1\"",
                                                                            "first at line 1"};
        QTest::newRow("not an object") << good + "\n[1, 2]\n" << QStringList{":2:", "expected a JSON object"};
        QTest::newRow("empty file") << QByteArray() << QStringList{":1:", "empty"};
        QTest::newRow("only blank lines") << QByteArray("\n  \n\t\n") << QStringList{":1:", "empty"};
        QTest::newRow("empty array") << QByteArray("[ ]") << QStringList{":1:", "empty"};
        QTest::newRow("unknown format") << QByteArray(R"({"task_id": 1, "question": "?"})")
                                        << QStringList{":1:", "cannot tell the problem format", "question"};
        QTest::newRow("bad atol")
            << QByteArray(R"({"task_id": "a", "prompt": "p", "entry_point": "f", "canonical_solution": "c", )"
                          R"("base_input": [], "plus_input": [], "atol": "tiny"})")
            << QStringList{":1:", "atol", "tiny"};
        QTest::newRow("inputs of the wrong type")
            << QByteArray(R"({"task_id": "a", "prompt": "p", "entry_point": "f", "canonical_solution": "c", )"
                          R"("base_input": 5, "plus_input": []})")
            << QStringList{":1:", "base_input"};
        QTest::newRow("bad test_list item")
            << QByteArray(R"({"task_id": 1, "text": "t", "code": "c", "test_list": ["assert 1", 2]})")
            << QStringList{":1:", "\"test_list\" item 1 is an integer"};
        QTest::newRow("bad JSON in an array") << QByteArray("[\n{\"task_id\": 1},\n{\"task_id\": 2,,}\n]")
                                              << QStringList{":3:", "invalid JSON"};
        QTest::newRow("bad record in an array")
            << QByteArray("[{\"task_id\": 1, \"prompt\": \"p\", \"code\": \"c\", \"test_list\": [], "
                          "\"test_imports\": []},\n {\"task_id\": 2, \"prompt\": \"p\", \"test_list\": []}]")
            << QStringList{":2: record 2", "missing field \"code\""};
        QTest::newRow("duplicate in an array")
            << QByteArray("[{\"task_id\": 1, \"text\": \"t\", \"code\": \"c\", \"test_list\": []}, "
                          "{\"task_id\": 1, \"text\": \"t\", \"code\": \"c\", \"test_list\": []}]")
            << QStringList{":1: record 2", "duplicate task_id \"1\"", "first at record 1"};
        // nlohmann throws out_of_range, not parse_error, for a number past a double: it
        // escaped as no FormatError (fuzz/regressions/problems/number-overflow-*).
        QTest::newRow("number overflow") << good + "\n" + record(1).replace(R"("f", )", R"("f", "x": 1e999, )")
                                         << QStringList{":2:", "invalid JSON", "1e999"};
        QTest::newRow("number overflow in an array")
            << "[" + good + ",\n" + record(1).replace(R"("f", )", R"("f", "x": -1e999, )") + "]"
            << QStringList{":2:", "invalid JSON", "1e999"};
        // Values are copied and shown: a million levels would overflow the stack.
        QTest::newRow("deep nesting") << good + "\n" + record(1).replace(R"("f", )", "\"f\", \"x\": " +
                                                                                  QByteArray(1000000, '[') +
                                                                                  QByteArray(1000000, ']') + ", ")
                                      << QStringList{":2:", "nested deeper than 512"};
    }

    void rejectsMalformedFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("problems.jsonl");
        QVERIFY(test::writeBytes(path, content));
        QStringList expected = words;
        for (QString& word : expected)
            if (word.startsWith(':'))
                word.prepend(path);
        test::expectFormatError([&] { loadProblemSet(path.toStdString()); }, expected);
    }

    void rejectsDamagedGzip_data()
    {
        QTest::addColumn<int>("keepBytes");  // of HumanEval.jsonl.gz; -1: corrupt the middle instead
        QTest::newRow("truncated") << 20000;
        QTest::newRow("header only") << 12;
        QTest::newRow("corrupt") << -1;
    }

    void rejectsDamagedGzip()
    {
        QFETCH(int, keepBytes);
        QByteArray bytes = fileBytes(dataFile("humaneval/HumanEval.jsonl.gz"));
        QVERIFY(bytes.size() > 40000);
        if (keepBytes >= 0)
            bytes.truncate(keepBytes);
        else
            for (int i = 20000; i < 20100; ++i)
                bytes[i] = char(bytes[i] ^ 0x5a);
        QTemporaryDir dir;
        const QString path = dir.filePath("HumanEval.jsonl.gz");
        QVERIFY(test::writeBytes(path, bytes));
        test::expectFormatError([&] { loadProblemSet(path.toStdString()); }, {path + ":", "gzip"});
        try {
            loadProblemSet(path.toStdString());
        } catch (const FormatError& error) {
            // The line named is where the readable text stops.
            const std::string message = error.what();
            const std::string prefix = path.toStdString() + ":";
            QVERIFY(message.starts_with(prefix));
            QVERIFY(std::isdigit(static_cast<unsigned char>(message[prefix.size()])));
        }
    }

    void rejectsAMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("absent.jsonl");
        test::expectFormatError([&] { loadProblemSet(path.toStdString()); }, {path, "cannot open"});
    }
};

QTEST_GUILESS_MAIN(TestProblemSet)
#include "test_problem_set.moc"
