// Record filters: every filter drops what it should and says why; duplicates
// keep the first valid record; the syntax filter reads verdicts, and the syntax
// check itself runs in the real sandbox, compiling a solution without running it.
#include "evaluation/sandbox_pool.h"
#include "runtime/error.h"
#include "training/evol_filters.h"

#include <QtTest>

using namespace rrtf;

namespace {

QString q(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

TrainingRecord record(std::string id, std::string instruction, std::string tests = "assert f(1) == 2",
                      std::string solution = "")
{
    TrainingRecord r;
    r.taskId = std::move(id);
    r.instruction = std::move(instruction);
    r.tests = std::move(tests);
    r.solution = std::move(solution);
    return r;
}

Verdict verdict(Outcome outcome, std::string detail = "")
{
    Verdict v;
    v.outcome = outcome;
    v.detail = std::move(detail);
    return v;
}

QStringList ids(const std::vector<TrainingRecord>& records)
{
    QStringList list;
    for (const TrainingRecord& r : records)
        list << q(r.taskId);
    return list;
}

}  // namespace

class TestEvolFilters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filtersReportWhatTheyDropAndWhy_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("instruction");
        QTest::addColumn<QString>("tests");
        QTest::addColumn<QString>("solution");
        QTest::addColumn<QString>("reason");  // empty: the record is kept

        const QString tests = "assert f(1) == 2";
        QTest::newRow("kept") << "" << "Write a function f that adds one to an integer." << tests << "" << "";
        QTest::newRow("no tests") << "tests" << "Write a function f that adds one to an integer." << " \n" << ""
                                  << "no tests";
        QTest::newRow("too short") << "length" << "Add one." << tests << "" << "8 characters, fewer than 16";
        QTest::newRow("too long") << "length" << QString(5000, 'x') << tests << "" << "5000 characters, more than 4096";
        QTest::newRow("solution too long") << "length" << "Write a function f that adds one to an integer." << tests
                                           << QString(9000, 'y') << "solution has 9000 characters, more than 8192";
        QTest::newRow("exact duplicate") << "duplicate" << "Write a function that returns the sum of a list of integers."
                                         << tests << "" << "same instruction as pool/0";
        QTest::newRow("normalised duplicate")
            << "duplicate" << "  write a FUNCTION that returns the sum of a list, of integers  " << tests << ""
            << "same instruction as pool/0 after normalising case, punctuation and whitespace";
        // pool/1 with its next-to-last word changed: 2 of 35 shingles differ, 33 / 37 = 0.89.
        QTest::newRow("near duplicate")
            << "near_duplicate"
            << "Write a Python function that takes a list of integers and returns the sum of all the even numbers in "
               "the list, skipping the odd ones and returning zero for an empty list or a list of even numbers."
            << tests << "" << "near-duplicate of pool/1 (Jaccard 0.89)";
    }

    void filtersReportWhatTheyDropAndWhy()
    {
        QFETCH(QString, filter);
        QFETCH(QString, instruction);
        QFETCH(QString, tests);
        QFETCH(QString, solution);
        QFETCH(QString, reason);
        const std::vector<TrainingRecord> pool = {
            record("pool/0", "Write a function that returns the sum of a list of integers."),
            record("pool/1",
                   "Write a Python function that takes a list of integers and returns the sum of all the even numbers "
                   "in the list, skipping the odd ones and returning zero for an empty list or a list of odd numbers."),
        };
        RecordFilterOptions options;
        options.requireValidSolution = false;
        const FilterResult result = filterRecords(
            {record("new/0", instruction.toStdString(), tests.toStdString(), solution.toStdString())}, options,
            {&pool, nullptr});
        if (reason.isEmpty()) {
            QCOMPARE(ids(result.kept), QStringList{"new/0"});
            QVERIFY(result.dropped.empty() && result.droppedBy.empty());
            return;
        }
        QVERIFY(result.kept.empty());
        QCOMPARE(result.dropped.size(), std::size_t(1));
        QCOMPARE(q(result.dropped[0].taskId), QString("new/0"));
        QCOMPARE(q(result.dropped[0].filter), filter);
        QVERIFY2(q(result.dropped[0].reason).contains(reason), result.dropped[0].reason.c_str());
        QCOMPARE(result.droppedBy, (std::map<std::string, int>{{filter.toStdString(), 1}}));
    }

    void duplicatesKeepTheFirstValidRecord()
    {
        RecordFilterOptions options;
        options.requireValidSolution = false;
        const FilterResult result = filterRecords(
            {record("a", "Return the number of words in a sentence.", ""),
             record("b", "Return the number of words in a sentence."),
             record("c", "Return the number of words in a sentence.")},
            options);
        QCOMPARE(ids(result.kept), QStringList{"b"});
        QCOMPARE(q(result.dropped[0].filter), QString("tests"));
        QVERIFY(q(result.dropped[1].reason).contains("same instruction as b"));

        // Records listed both as existing and as new are not their own duplicates.
        const std::vector<TrainingRecord> both = {record("x", "Return the number of words in a sentence."),
                                                  record("y", "Return the number of vowels in a sentence.")};
        QCOMPARE(ids(filterRecords(both, options, {&both, nullptr}).kept), (QStringList{"x", "y"}));

        options.maxGrowth = 2.0;
        TrainingRecord grown = record("a/evol1", "Return the number of words in a sentence, counting hyphenated words "
                                                 "as one and ignoring numbers, emails and urls entirely.");
        grown.evolution = EvolutionOrigin{"a", "a", 1, "wizardcoder", 1};
        const std::vector<TrainingRecord> parents = {record("a", "Return the number of words in a sentence.")};
        const FilterResult growth = filterRecords({grown}, options, {&parents, nullptr});
        QCOMPARE(q(growth.dropped.at(0).filter), QString("length"));
        QVERIFY2(q(growth.dropped[0].reason).contains("times as long as its parent a's, more than 2.0"),
                 growth.dropped[0].reason.c_str());
    }

    void syntaxFilterUsesVerdicts()
    {
        const std::vector<TrainingRecord> records = {
            record("ok", "Return one plus one as an integer.", "assert f() == 2", "def f():\n    return 2\n"),
            record("bad", "Return two plus two as an integer.", "assert f() == 4", "def f(:\n    return 4\n"),
            record("slow", "Return three plus three as an integer.", "assert f() == 6", "def f():\n    return 6\n"),
            record("none", "Return four plus four as an integer.", "assert f() == 8", ""),
        };
        const SyntaxVerdicts verdicts = {
            {"ok", verdict(Outcome::Passed)},
            {"bad", verdict(Outcome::Error, "SyntaxError: invalid syntax (<solution>, line 1) (line 1)")},
            {"slow", verdict(Outcome::Timeout, "wall clock limit")},
        };
        const FilterResult result = filterRecords(records, {}, {nullptr, &verdicts});
        QCOMPARE(ids(result.kept), (QStringList{"ok", "none"}));
        QCOMPARE(result.dropped.size(), std::size_t(2));
        QCOMPARE(q(result.dropped[0].reason),
                 QString("solution is not valid Python: SyntaxError: invalid syntax (<solution>, line 1)"));
        QCOMPARE(q(result.dropped[1].reason), QString("solution could not be checked: timeout: wall clock limit"));
        QCOMPARE(result.droppedBy, (std::map<std::string, int>{{"syntax", 2}}));

        QVERIFY_THROWS_EXCEPTION(InvalidArgument, filterRecords(records, {}));  // no verdicts at all
        const SyntaxVerdicts partial = {{"ok", verdict(Outcome::Passed)}};
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, filterRecords(records, {}, {nullptr, &partial}));
        RecordFilterOptions bad;
        bad.nearDuplicateJaccard = 1.5;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, filterRecords(records, bad, {nullptr, &verdicts}));
    }

    void syntaxCheckInTheSandbox_data()
    {
        QTest::addColumn<QString>("solution");
        QTest::addColumn<int>("status");  // SyntaxStatus
        QTest::addColumn<QString>("detail");

        const int valid = int(SyntaxStatus::Valid), invalid = int(SyntaxStatus::Invalid);
        QTest::newRow("valid") << "def f(x):\n    return x + 1\n" << valid << "";
        QTest::newRow("quotes, backslashes, unicode")
            << "def f():\n    return 'it\\'s \\\\ \"ok\" ✓ \\x41' + \"\"\"'''\"\"\"\n" << valid << "";
        QTest::newRow("never executed: exit") << "import os\nos._exit(3)\n" << valid << "";
        QTest::newRow("never executed: endless loop") << "while True:\n    pass\n" << valid << "";
        QTest::newRow("never executed: raise") << "raise SystemExit('no')\n" << valid << "";
        QTest::newRow("syntax error") << "def f(:\n    return 1\n" << invalid << "SyntaxError";
        QTest::newRow("indentation error") << "def f():\nreturn 1\n" << invalid << "IndentationError";
        QTest::newRow("tabs and spaces") << "if True:\n        x = 1\n\ty = 2\n" << invalid << "TabError";
        QTest::newRow("null byte") << QString("x = 1\n") + QChar(0) + "\n" << invalid << "null bytes";
        QTest::newRow("markdown fence") << "```python\ndef f():\n    return 1\n```\n" << invalid << "SyntaxError";
    }

    void syntaxCheckInTheSandbox()
    {
        QFETCH(QString, solution);
        QFETCH(int, status);
        QFETCH(QString, detail);
        static SandboxPool pool(SandboxOptions{2});
        const QByteArray bytes = solution.toUtf8();
        const std::vector<TrainingRecord> records = {
            record("r", "Any task at all for the syntax check.", "assert True", std::string(bytes.constData(), bytes.size()))};
        const SyntaxVerdicts verdicts = judgeSolutionSyntax(pool, records);
        QCOMPARE(verdicts.size(), std::size_t(1));
        const SyntaxCheck check = interpretSyntaxVerdict(verdicts.at("r"));
        QVERIFY2(int(check.status) == status, qPrintable(q(outcomeName(verdicts.at("r").outcome)) + ": " +
                                                          q(verdicts.at("r").detail)));
        QVERIFY2(q(check.detail).contains(detail), check.detail.c_str());
        // The line of the compile() call itself is not reported, only the solution's.
        QVERIFY2(!q(check.detail).endsWith(") (line 1)"), check.detail.c_str());
    }
};

QTEST_GUILESS_MAIN(TestEvolFilters)
#include "test_evol_filters.moc"
