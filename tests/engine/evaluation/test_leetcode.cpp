// DeepSeek-Coder's LeetCode contest set judged in the real sandbox: hand-written
// right and wrong answers to real records get the verdicts and partial credit a
// user expects, `check` runs the tests against a stub since the set ships no
// reference solutions, and CoderEval, which ships no tests, is refused. Both files are
// fetched (scripts/fetch-test-data.sh), not committed: every test skips without its file.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "evaluation/evaluator.h"
#include "runtime/error.h"
#include "support/test_data.h"
#include "support/test_files.h"

using namespace rrtf;
using rrtf::test::kCoderEvalHumanLabel;
using rrtf::test::kLeetCodeContest;
using rrtf::test::testDataFile;

namespace {

const char* kPushes = "weekly-contest-381-minimum-number-of-pushes-to-type-word-i";        // Easy
const char* kPushesII = "weekly-contest-381-minimum-number-of-pushes-to-type-word-ii";     // Medium
const char* kHouses = "weekly-contest-381-count-the-number-of-houses-at-a-certain-distance-i";  // Medium
const char* kDouble = "weekly-contest-358-double-a-number-represented-as-a-linked-list";  // ListNode

// Right for word I (distinct letters), wrong for word II whenever a letter repeats.
const char* kDistinctLettersBody = "return sum(i // 8 + 1 for i in range(len(word)))\n";

// An instruction model's reply to prompt_sft: prose and a fenced whole program.
const char* kHousesReply =
    "Compare the direct walk with the two walks through the extra street:\n"
    "```python\n"
    "class Solution:\n"
    "    def countOfPairs(self, n: int, x: int, y: int) -> List[int]:\n"
    "        res = [0] * n\n"
    "        for i in range(1, n + 1):\n"
    "            for j in range(1, n + 1):\n"
    "                if i != j:\n"
    "                    d = min(abs(i - j), abs(i - x) + 1 + abs(y - j), abs(i - y) + 1 + abs(x - j))\n"
    "                    res[d - 1] += 1\n"
    "        return res\n"
    "```\n"
    "This is O(n^2).";

// The records of `ids`, copied from the shipped file into `dir`, in file order.
std::filesystem::path writeSubset(const QTemporaryDir& dir, const std::set<std::string>& ids) {
    std::ifstream in(testDataFile(kLeetCodeContest));
    std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / "leetcode.jsonl";
    std::ofstream out(path);
    for (std::string line; std::getline(in, line);)
        if (ids.count(nlohmann::json::parse(line).at("task_id").get<std::string>())) out << line << '\n';
    return path;
}

std::filesystem::path writeSamples(const QTemporaryDir& dir, const std::vector<nlohmann::json>& lines) {
    return rrtf::test::writeJsonLines(dir, "samples.jsonl", lines).toStdString();
}

EvaluationOptions options() {
    EvaluationOptions options;
    options.ks = {1};
    return options;
}

}  // namespace

class TestLeetCode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_pool = std::make_unique<SandboxPool>(SandboxOptions{2});
        if (std::filesystem::exists(testDataFile(kLeetCodeContest)))  // else the tests that use it skip
            m_problems = loadProblemSet(testDataFile(kLeetCodeContest));
    }
    void cleanupTestCase() { m_pool.reset(); }

    void judgesAnswersToRealRecords_data() {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("full");  // a `solution` (whole program) rather than a model's answer
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("passed");
        QTest::addColumn<QString>("detail");
        QTest::newRow("right continuation") << kPushes << kDistinctLettersBody << false << "passed" << 100 << "";
        QTest::newRow("right fenced reply") << kHouses << kHousesReply << false << "passed" << 100 << "";
        QTest::newRow("right whole program")
            << kPushes << "class Solution:\n    def minimumPushes(self, word):\n        return sum(i // 8 + 1 for i "
                          "in range(len(word)))\n"
            << true << "passed" << 100 << "";
        // Word II repeats letters in only 2 of its 100 tests: partial credit, not zero.
        QTest::newRow("wrong: 98 of 100") << kPushesII << kDistinctLettersBody << false << "failed" << 98
                                          << "assert my_solution.minimumPushes(**test_input) ==";
        QTest::newRow("wrong linked list") << kDouble << "return head\n" << false << "failed" << 1 << "_f2(";
        QTest::newRow("syntax error") << kPushes << "return (\n" << false << "syntax_error" << 0 << "line";
        QTest::newRow("raises") << kPushes << "raise ValueError('no idea')\n" << false << "error" << 0
                                << "ValueError: no idea";
        QTest::newRow("empty answer: no method body") << kPushes << "" << false << "syntax_error" << 0 << "indented";
    }

    void judgesAnswersToRealRecords() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        QFETCH(QString, task);
        QFETCH(QString, answer);
        QFETCH(bool, full);
        QFETCH(QString, outcome);
        QFETCH(int, passed);
        QFETCH(QString, detail);
        const Problem* problem = m_problems.find(task.toStdString());
        QVERIFY(problem);
        const Verdict verdict = m_pool->judge(buildJudgeTask(*problem, answer.toStdString(), full), JudgeLimits{});
        QVERIFY2(QString::fromUtf8(outcomeName(verdict.outcome).data()) == outcome,
                 qPrintable(QString::fromStdString(std::string(outcomeName(verdict.outcome)) + ": " + verdict.detail)));
        QCOMPARE(verdict.testsPassed, passed);
        QCOMPARE(verdict.testsTotal, 100);  // every one of the 100 asserts counts
        QVERIFY2(QString::fromStdString(verdict.detail).contains(detail), verdict.detail.c_str());
        // A whole script runs in level A, and the verdict says so.
        QCOMPARE(QString::fromStdString(verdict.level), QString("in-process"));
        QVERIFY2(verdict.fallbackReason.find("whole-script") != std::string::npos, verdict.fallbackReason.c_str());
    }

    void evaluatesASamplesFileWithTheTimeoutFloor() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        QTemporaryDir dir;
        const ProblemSet problems = loadProblemSet(writeSubset(dir, {kPushes, kPushesII, kHouses}));
        QCOMPARE(problems.format(), ProblemFormat::LeetCode);
        const SampleFile samples = loadSamples(writeSamples(dir, {
            {{"task_id", kPushes}, {"completion", kDistinctLettersBody}},
            {{"task_id", kPushesII}, {"completion", kDistinctLettersBody}},
            {{"task_id", kHouses}, {"completion", kHousesReply}},
        }));
        EvaluationOptions evaluation = options();
        evaluation.timeouts.floorSeconds = 5;
        Evaluator evaluator(*m_pool, nullptr);
        const EvaluationResult result = evaluator.evaluate(problems, samples, evaluation);
        QCOMPARE(result.outcomes, (std::map<std::string, int>{{"failed", 1}, {"passed", 2}}));
        QCOMPARE(result.passAtK.values.at(0).mean, 2.0 / 3.0);
        // No reference to scale from: every problem gets the floor.
        for (const SampleVerdict& sample : result.samples) {
            QCOMPARE(sample.verdict.limits.cpuSeconds, 5.0);
            QCOMPARE(sample.verdict.limits.wallSeconds, 5.0 + evaluation.timeouts.wallSlackSeconds);
        }
    }

    void checkRunsTheTestsAgainstAStubInstead() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        QTemporaryDir dir;
        const ProblemSet problems = loadProblemSet(writeSubset(dir, {kPushes, kHouses, kDouble}));
        Evaluator evaluator(*m_pool, nullptr);
        const ReferenceCheck check = evaluator.checkReferences(problems, options());
        QCOMPARE(check.checked, 0);  // no reference solution was run, none is claimed
        QVERIFY(check.failures.empty());
        QCOMPARE(check.stubsChecked, 3);
        for (const ReferenceFailure& broken : check.brokenStubs)
            qWarning("%s: %s %s", broken.taskId.c_str(), std::string(outcomeName(broken.verdict.outcome)).c_str(),
                     broken.verdict.detail.c_str());
        QVERIFY(check.brokenStubs.empty());
    }

    void aBrokenTestScriptIsReported() {
        SKIP_UNLESS_TEST_DATA(kLeetCodeContest);
        // The stub check fails when the tests cannot run: here they call a method the stub lacks.
        QTemporaryDir dir;
        std::ifstream in(testDataFile(kLeetCodeContest));
        std::string line;
        std::getline(in, line);
        nlohmann::json record = nlohmann::json::parse(line);
        std::string test = record["test"];
        for (std::size_t at = test.find("minimumPushes"); at != std::string::npos; at = test.find("minimumPushes", at))
            test.replace(at, 13, "minimumPresses");
        record["test"] = test;
        const std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / "broken.jsonl";
        std::ofstream(path) << record.dump() << '\n';
        Evaluator evaluator(*m_pool, nullptr);
        const ReferenceCheck check = evaluator.checkReferences(loadProblemSet(path), options());
        QCOMPARE(check.stubsChecked, 1);
        QCOMPARE(int(check.brokenStubs.size()), 1);
        QCOMPARE(check.brokenStubs[0].verdict.outcome, Outcome::Error);
        QVERIFY2(check.brokenStubs[0].verdict.detail.find("AttributeError") != std::string::npos,
                 check.brokenStubs[0].verdict.detail.c_str());
    }

    void refusesToJudgeCoderEval() {
        SKIP_UNLESS_TEST_DATA(kCoderEvalHumanLabel);
        QTemporaryDir dir;
        const std::filesystem::path path = testDataFile(kCoderEvalHumanLabel);
        const ProblemSet problems = loadProblemSet(path);
        const SampleFile samples =
            loadSamples(writeSamples(dir, {{{"task_id", problems[0].taskId}, {"completion", "    return 1\n"}}}));
        Evaluator evaluator(*m_pool, nullptr);
        for (int which = 0; which < 2; ++which) {
            try {
                if (which == 0) evaluator.evaluate(problems, samples, options());
                else evaluator.checkReferences(problems, options());
                QFAIL("CoderEval was judged");
            } catch (const InvalidArgument& error) {
                const QString message = QString::fromUtf8(error.what());
                QVERIFY2(message.contains(QString::fromStdString(path.string())) && message.contains("no") &&
                             message.contains("tests"),
                         qPrintable(message));
            }
        }
    }

private:
    std::unique_ptr<SandboxPool> m_pool;
    ProblemSet m_problems;
};

QTEST_GUILESS_MAIN(TestLeetCode)
#include "test_leetcode.moc"
