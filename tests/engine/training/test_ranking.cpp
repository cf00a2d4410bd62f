// RRTF ranking (method.md §1.2): the four outcome classes and their scores, the
// teacher/student pairs with the paper's filter and tie rule, the reasons a
// viewer shows for what was left out, and rankings.jsonl on disk.
#include "runtime/error.h"
#include "training/ranking.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;

namespace {

Verdict verdict(Outcome outcome, int passed = 0, int total = 0, std::string detail = {})
{
    Verdict made;
    made.outcome = outcome;
    made.testsPassed = passed;
    made.testsTotal = total;
    made.detail = std::move(detail);
    return made;
}

JudgedAnswer answer(Outcome outcome, int passed = 0, int total = 0, std::string text = "def f():\n    return 1\n")
{
    return {std::move(text), "teacher-model", 0.8, verdict(outcome, passed, total)};
}

RankingItem item(std::vector<JudgedAnswer> teachers, std::vector<JudgedAnswer> students)
{
    return {"evol/7", "Write f.", std::move(teachers), std::move(students)};
}

QString q(const std::string& text) { return QString::fromStdString(text); }

std::filesystem::path pathOf(const QTemporaryDir& dir, const char* name)
{
    return std::filesystem::path(dir.path().toStdString()) / name;
}

}  // namespace

Q_DECLARE_METATYPE(rrtf::Outcome)

class TestRanking : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classesAndScores_data()
    {
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("passed");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("expectedClass");  // "" = not ranked
        QTest::addColumn<double>("expectedScore");
        QTest::newRow("syntax error") << Outcome::SyntaxError << 0 << 4 << "compile_error" << 0.0;
        QTest::newRow("exception") << Outcome::Error << 0 << 4 << "runtime_error" << 1.0;
        QTest::newRow("timeout") << Outcome::Timeout << 1 << 4 << "runtime_error" << 1.0;
        QTest::newRow("out of memory") << Outcome::OutOfMemory << 0 << 0 << "runtime_error" << 1.0;
        QTest::newRow("crashed") << Outcome::Crashed << 0 << 4 << "runtime_error" << 1.0;
        QTest::newRow("output limit") << Outcome::OutputLimit << 0 << 4 << "runtime_error" << 1.0;
        QTest::newRow("failed, none passed") << Outcome::Failed << 0 << 4 << "runtime_error" << 1.0;
        QTest::newRow("failed, 1 of 4") << Outcome::Failed << 1 << 4 << "partial" << 2.25;
        QTest::newRow("failed, 3 of 4") << Outcome::Failed << 3 << 4 << "partial" << 2.75;
        // A failed answer missed a test even when the total did not count it.
        QTest::newRow("failed, 3 of 3 counted") << Outcome::Failed << 3 << 3 << "partial" << 2.75;
        QTest::newRow("passed") << Outcome::Passed << 4 << 4 << "all_pass" << 3.0;
        QTest::newRow("tampered") << Outcome::Tampered << 4 << 4 << "" << 0.0;
        QTest::newRow("sandbox error") << Outcome::SandboxError << 0 << 0 << "" << 0.0;
    }

    void classesAndScores()
    {
        QFETCH(Outcome, outcome);
        QFETCH(int, passed);
        QFETCH(int, total);
        QFETCH(QString, expectedClass);
        QFETCH(double, expectedScore);
        const Verdict judged = verdict(outcome, passed, total, "sandbox could not start");
        const auto answerClass = classifyVerdict(judged);
        if (expectedClass.isEmpty()) {
            QVERIFY(!answerClass);
            QVERIFY(!exclusionReason(judged).empty());
            return;
        }
        QVERIFY(answerClass);
        QCOMPARE(q(std::string(answerClassName(*answerClass))), expectedClass);
        QVERIFY(parseAnswerClass(answerClassName(*answerClass)) == answerClass);
        QVERIFY(exclusionReason(judged).empty());
        QCOMPARE(classScore(*answerClass, judged), expectedScore);
    }

    void partialGrading_data()
    {
        QTest::addColumn<bool>("graded");
        QTest::addColumn<int>("passed");
        QTest::addColumn<int>("total");
        QTest::addColumn<double>("expected");
        QTest::newRow("graded, half") << true << 5 << 10 << 2.5;
        QTest::newRow("graded, 99 of 100 stays below all pass") << true << 99 << 100 << 2.99;
        QTest::newRow("ungraded, half") << false << 5 << 10 << 2.0;
        QTest::newRow("ungraded, 99 of 100") << false << 99 << 100 << 2.0;
    }

    void partialGrading()
    {
        QFETCH(bool, graded);
        QFETCH(int, passed);
        QFETCH(int, total);
        QFETCH(double, expected);
        RankingOptions options;
        options.gradePartial = graded;
        const double score = classScore(AnswerClass::Partial, verdict(Outcome::Failed, passed, total), options);
        QVERIFY2(qAbs(score - expected) < 1e-12, qPrintable(QString::number(score)));
        QVERIFY(score < options.allPassScore && score >= options.partialScore);
    }

    void pairs_data()
    {
        QTest::addColumn<Outcome>("teacher");
        QTest::addColumn<int>("teacherPassed");
        QTest::addColumn<Outcome>("student");
        QTest::addColumn<int>("studentPassed");
        QTest::addColumn<double>("margin");
        QTest::addColumn<bool>("paired");
        QTest::addColumn<double>("rTeacher");
        QTest::addColumn<double>("rStudent");
        // Tests total 4 everywhere; the class gap weights the hinge.
        QTest::newRow("all pass above runtime") << Outcome::Passed << 4 << Outcome::Error << 0 << 0.5 << true << 3.0 << 1.0;
        QTest::newRow("runtime above compile") << Outcome::Timeout << 0 << Outcome::SyntaxError << 0 << 0.5 << true << 1.0 << 0.0;
        QTest::newRow("tie all pass: margin") << Outcome::Passed << 4 << Outcome::Passed << 4 << 0.5 << true << 3.5 << 3.0;
        QTest::newRow("tie compile: margin") << Outcome::SyntaxError << 0 << Outcome::SyntaxError << 0 << 0.5 << true << 0.5 << 0.0;
        QTest::newRow("tie runtime, other margin") << Outcome::Crashed << 0 << Outcome::Failed << 0 << 0.25 << true << 1.25 << 1.0;
        // Same class, graded partial: the teacher stays above even when it passed fewer tests.
        QTest::newRow("tie partial, teacher passed fewer") << Outcome::Failed << 1 << Outcome::Failed << 3 << 0.5 << true << 3.25 << 2.75;
        QTest::newRow("tie partial, teacher passed more") << Outcome::Failed << 3 << Outcome::Failed << 1 << 0.25 << true << 2.75 << 2.25;
        QTest::newRow("teacher below student: dropped") << Outcome::Error << 0 << Outcome::Passed << 4 << 0.5 << false << 0.0 << 0.0;
        QTest::newRow("teacher partial below all pass") << Outcome::Failed << 3 << Outcome::Passed << 4 << 0.5 << false << 0.0 << 0.0;
    }

    void pairs()
    {
        QFETCH(Outcome, teacher);
        QFETCH(int, teacherPassed);
        QFETCH(Outcome, student);
        QFETCH(int, studentPassed);
        QFETCH(double, margin);
        QFETCH(bool, paired);
        QFETCH(double, rTeacher);
        QFETCH(double, rStudent);
        RankingOptions options;
        options.tieMargin = margin;
        const RankedItem ranked =
            rankItem(item({answer(teacher, teacherPassed, 4)}, {answer(student, studentPassed, 4)}), options);
        QCOMPARE(ranked.bestTeacher, 0);
        if (!paired) {
            QVERIFY(ranked.pairs.empty());
            QVERIFY2(q(ranked.students[0].reason).contains("below the student's"), ranked.students[0].reason.c_str());
            QVERIFY2(q(ranked.reason).contains("every pair dropped"), ranked.reason.c_str());
            return;
        }
        QCOMPARE(ranked.pairs.size(), size_t(1));
        QCOMPARE(ranked.pairs[0].student, 0);
        QVERIFY2(qAbs(ranked.pairs[0].rTeacher - rTeacher) < 1e-12, qPrintable(QString::number(ranked.pairs[0].rTeacher)));
        QVERIFY2(qAbs(ranked.pairs[0].rStudent - rStudent) < 1e-12, qPrintable(QString::number(ranked.pairs[0].rStudent)));
        QVERIFY(ranked.pairs[0].rTeacher > ranked.pairs[0].rStudent);
        QVERIFY(ranked.reason.empty());
        QVERIFY(ranked.students[0].reason.empty());
    }

    void bestTeacherPairsWithEveryStudent()
    {
        const RankedItem ranked = rankItem(item(
            {answer(Outcome::Tampered, 4, 4), answer(Outcome::Failed, 2, 4), answer(Outcome::Passed, 4, 4),
             answer(Outcome::Passed, 4, 4)},
            {answer(Outcome::SyntaxError), answer(Outcome::SandboxError), answer(Outcome::Failed, 3, 4),
             answer(Outcome::Passed, 4, 4)}));
        // The first of the two all-pass answers; the tampered one is never chosen.
        QCOMPARE(ranked.bestTeacher, 2);
        QVERIFY(!ranked.teachers[0].ranked());
        QVERIFY(q(ranked.teachers[0].reason).contains("tampered"));
        QCOMPARE(ranked.teacher()->score, 3.0);
        QCOMPARE(ranked.pairs.size(), size_t(3));
        QCOMPARE(ranked.pairs[0].student, 0);
        QCOMPARE(ranked.pairs[0].rTeacher - ranked.pairs[0].rStudent, 3.0);
        QCOMPARE(ranked.pairs[1].student, 2);
        QCOMPARE(ranked.pairs[1].rTeacher - ranked.pairs[1].rStudent, 0.25);
        QCOMPARE(ranked.pairs[2].student, 3);
        QCOMPARE(ranked.pairs[2].rTeacher - ranked.pairs[2].rStudent, 0.5);
        QVERIFY(q(ranked.students[1].reason).contains("sandbox failed"));
        QVERIFY(!ranked.students[1].ranked());
        QVERIFY(ranked.reason.empty());
    }

    void itemsWithNothingToPair_data()
    {
        QTest::addColumn<int>("teachers");  // 0: none; 1: ranked (runtime error); 2: only excluded ones
        QTest::addColumn<int>("students");  // 0: none; 1: ranked (all pass); 2: only excluded ones
        QTest::addColumn<QStringList>("reasonWords");
        QTest::newRow("no teacher answer") << 0 << 1 << QStringList{"no teacher answer"};
        QTest::newRow("no student answer") << 1 << 0 << QStringList{"no student answer"};
        QTest::newRow("neither") << 0 << 0 << QStringList{"no teacher answer", "no student answer"};
        QTest::newRow("teachers all excluded") << 2 << 1 << QStringList{"no teacher answer could be ranked", "2 excluded"};
        QTest::newRow("students all excluded") << 1 << 2 << QStringList{"no student answer could be ranked"};
        QTest::newRow("every pair dropped") << 1 << 1 << QStringList{"every pair dropped", "runtime_error"};
    }

    void itemsWithNothingToPair()
    {
        QFETCH(int, teachers);
        QFETCH(int, students);
        QFETCH(QStringList, reasonWords);
        std::vector<JudgedAnswer> teacherAnswers, studentAnswers;
        if (teachers == 1)
            teacherAnswers = {answer(Outcome::Error)};
        if (teachers == 2)
            teacherAnswers = {answer(Outcome::Tampered), answer(Outcome::SandboxError)};
        if (students == 1)
            studentAnswers = {answer(Outcome::Passed, 4, 4), answer(Outcome::Failed, 1, 4)};
        if (students == 2)
            studentAnswers = {answer(Outcome::SandboxError)};
        const RankedItem ranked = rankItem(item(teacherAnswers, studentAnswers));
        QVERIFY(ranked.pairs.empty());
        for (const QString& word : reasonWords)
            QVERIFY2(q(ranked.reason).contains(word), qPrintable(q(ranked.reason) + " lacks " + word));
    }

    void invalidOptions_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("word");
        QTest::newRow("runtime not above compile") << 0 << "runtimeErrorScore";
        QTest::newRow("all pass not above partial") << 1 << "allPassScore";
        QTest::newRow("zero margin") << 2 << "tieMargin";
    }

    void invalidOptions()
    {
        QFETCH(int, which);
        QFETCH(QString, word);
        RankingOptions options;
        if (which == 0)
            options.runtimeErrorScore = options.compileErrorScore;
        if (which == 1)
            options.allPassScore = 1.5;
        if (which == 2)
            options.tieMargin = 0;
        try {
            rankItem(item({answer(Outcome::Passed, 1, 1)}, {answer(Outcome::Error)}), options);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& error) {
            QVERIFY2(QString(error.what()).contains(word), error.what());
        }
    }

    void extractsCode_data()
    {
        QTest::addColumn<QString>("response");
        QTest::addColumn<QString>("code");
        QTest::newRow("python fence") << "Here:\n```python\ndef f():\n    return 1\n```\nDone." << "def f():\n    return 1\n";
        QTest::newRow("py fence, indented") << "  ```py\nx = 1\n  ```\n" << "x = 1\n";
        QTest::newRow("python after another language") << "```js\nlet x;\n```\n```Python\ny = 2\n```" << "y = 2\n";
        QTest::newRow("untagged fence") << "Use:\n```\nz = 3\n```\n" << "z = 3\n";
        QTest::newRow("unclosed fence runs to the end") << "```python\ndef g():\n    pass" << "def g():\n    pass";
        QTest::newRow("tagged fence inside a block is text")
            << "```python\ns = '''\n```python\n'''\n```" << "s = '''\n```python\n'''\n";
        QTest::newRow("no fence: the whole text") << "def h():\n    return 2\n" << "def h():\n    return 2\n";
        QTest::newRow("only another language") << "```js\nlet x;\n```" << "```js\nlet x;\n```";
    }

    void extractsCode()
    {
        QFETCH(QString, response);
        QFETCH(QString, code);
        QCOMPARE(q(extractCode(response.toStdString())), code);
    }

    void jsonRoundTrip()
    {
        std::vector<RankingItem> items{
            item({answer(Outcome::Passed, 3, 3, "```python\ndef f():\n    return \"é\\n\"\n```"), answer(Outcome::Tampered)},
                 {answer(Outcome::Failed, 1, 3), answer(Outcome::SandboxError), answer(Outcome::SyntaxError)}),
            item({answer(Outcome::Error)}, {answer(Outcome::Passed, 2, 2)}),
            item({}, {}),
        };
        items[0].studentAnswers[0].verdict.detail = "AssertionError: f(2) == 4";
        items[1].taskId = "evol/8";
        items[2].taskId = "evol/9";
        const auto ranked = rankItems(items);
        QTemporaryDir dir;
        const auto path = pathOf(dir, "rankings.jsonl");
        writeRankings(path, ranked);
        const auto read = readRankings(path);
        QCOMPARE(read.size(), ranked.size());
        for (std::size_t i = 0; i < ranked.size(); ++i)
            QCOMPARE(q(rankedItemToJson(read[i]).dump()), q(rankedItemToJson(ranked[i]).dump()));
        // The fields a viewer and the batch builder use, spot-checked after reading back.
        QCOMPARE(read[0].teacher()->code, std::string("def f():\n    return \"é\\n\"\n"));
        QCOMPARE(read[0].students[0].detail, std::string("AssertionError: f(2) == 4"));
        QCOMPARE(read[0].pairs.size(), size_t(2));
        QCOMPARE(read[0].pairs[1].rTeacher, 3.0);
        QVERIFY(!read[0].students[1].ranked());
        QVERIFY(read[1].pairs.empty() && q(read[1].reason).contains("every pair dropped"));
        QVERIFY(read[2].teacher() == nullptr);
        QCOMPARE(read[2].bestTeacher, -1);
    }

    void emptyRankingsReadBack()
    {
        QTemporaryDir dir;
        const auto path = pathOf(dir, "rankings.jsonl");
        writeRankings(path, {});
        QVERIFY(readRankings(path).empty());
    }

    void invalidUtf8IsReplacedNotFatal()
    {
        auto ranked = rankItems({item({answer(Outcome::Passed, 1, 1, "x = '\xff'\n")}, {answer(Outcome::Error)})});
        QTemporaryDir dir;
        const auto path = pathOf(dir, "rankings.jsonl");
        writeRankings(path, ranked);
        QCOMPARE(readRankings(path)[0].teachers[0].text, std::string("x = '\xEF\xBF\xBD'\n"));
    }

    void malformedLineNamesFileAndLine_data()
    {
        QTest::addColumn<QString>("edit");  // what to do to line 2
        QTest::addColumn<QString>("word");
        QTest::newRow("not JSON") << "truncate" << "invalid JSON";
        QTest::newRow("missing pairs") << "drop pairs" << "\"pairs\"";
        QTest::newRow("score is text") << "score text" << "\"score\"";
        QTest::newRow("unknown outcome") << "outcome" << "unknown outcome \"exploded\"";
        QTest::newRow("pair student out of range") << "pair student" << "student 7";
        QTest::newRow("best teacher out of range") << "best teacher" << "best_teacher 5";
        // The file's text went into the message as it was: a newline in a class name
        // broke the one-line error (fuzz/regressions/rankings/newline-in-class).
        QTest::newRow("newline in a class") << "class newline" << "unknown class \"partial\\x0aline\"";
        // get<int>() cut 2^32 to 0, a valid index: now refused.
        QTest::newRow("best teacher past 32 bits") << "best teacher wide" << "\"best_teacher\"";
    }

    void malformedLineNamesFileAndLine()
    {
        QFETCH(QString, edit);
        QFETCH(QString, word);
        const auto ranked = rankItems({item({answer(Outcome::Passed, 1, 1)}, {answer(Outcome::Error)}),
                                       item({answer(Outcome::Passed, 2, 2)}, {answer(Outcome::SyntaxError)})});
        nlohmann::json second = rankedItemToJson(ranked[1]);
        std::string line = second.dump();
        if (edit == "truncate")
            line = line.substr(0, line.size() / 2);
        if (edit == "drop pairs")
            second.erase("pairs");
        if (edit == "score text")
            second["students"][0]["score"] = "high";
        if (edit == "outcome")
            second["teachers"][0]["outcome"] = "exploded";
        if (edit == "pair student")
            second["pairs"][0]["student"] = 7;
        if (edit == "best teacher")
            second["best_teacher"] = 5;
        if (edit == "class newline")
            second["students"][0]["class"] = "partial\nline";
        if (edit == "best teacher wide")
            second["best_teacher"] = 4294967296;
        if (edit != "truncate")
            line = second.dump();
        QTemporaryDir dir;
        const auto path = pathOf(dir, "rankings.jsonl");
        std::ofstream(path) << rankedItemToJson(ranked[0]).dump() << "\n" << line << "\n";
        try {
            readRankings(path);
            QFAIL("expected a FormatError");
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains(q(path.string()) + ":2:"), qPrintable(message));
            QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
            QVERIFY2(!message.contains('\n'), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestRanking)
#include "test_ranking.moc"
