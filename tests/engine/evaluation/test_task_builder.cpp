// From problem + output to JudgeTask and to the single program each reference
// harness would run: exact assemblies, checked on literals, on the shipped data
// and (when python3 is present) by running the programs.
#include "evaluation/task_builder.h"
#include "runtime/error.h"
#include "support/format_error.h"
#include "support/test_data.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

std::filesystem::path dataFile(const char* relative) { return test::testDataFile(relative); }

const ProblemSet& humanEval()
{
    static const ProblemSet set = loadProblemSet(dataFile("humaneval/HumanEval.jsonl.gz"));
    return set;
}

const ProblemSet& humanEvalPlus()
{
    static const ProblemSet set = loadProblemSet(dataFile("humaneval/HumanEvalPlus-v0.1.10.jsonl.gz"));
    return set;
}

const ProblemSet& mbpp()
{
    static const ProblemSet set = loadProblemSet(dataFile("mbpp/mbpp.jsonl"));
    return set;
}

const ProblemSet& sanitizedMbpp()
{
    static const ProblemSet set = loadProblemSet(dataFile("mbpp/sanitized-mbpp.json"));
    return set;
}

// Fetched, not committed: a test calls SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest) first.
const ProblemSet& leetCode()
{
    static const ProblemSet set = loadProblemSet(dataFile(test::kLeetCodeContest));
    return set;
}

const char* kPushesTask = "weekly-contest-381-minimum-number-of-pushes-to-type-word-i";
// A correct method body for it, as a base model would continue the prompt.
const char* kPushesBody = "return sum(i // 8 + 1 for i in range(len(word)))\n";
// DeepSeek-Coder's IMPORT_HELPER["python"] without numpy, one per line.
const char* kDeepSeekImports = "import math\nimport re\nimport sys\nimport copy\nimport datetime\nimport itertools\n"
                               "import collections\nimport heapq\nimport functools\nimport hashlib\nimport string\n"
                               "from typing import *\nfrom collections import *\nfrom functools import *\n";

Problem literalHumanEvalProblem()
{
    Problem problem;
    problem.taskId = "T/0";
    problem.format = ProblemFormat::HumanEval;
    problem.prompt = "def f(x):\n    \"\"\"Identity.\"\"\"\n";
    problem.entryPoint = "f";
    problem.test = "\n\ndef check(candidate):\n    assert candidate(1) == 1\n";
    problem.canonicalSolution = "    return x\n";
    return problem;
}

Problem rrtfProblem(const std::string& tests, const std::string& entryPoint)
{
    Problem problem;
    problem.taskId = "own";
    problem.format = ProblemFormat::Rrtf;
    problem.prompt = "Write f.";
    problem.test = tests;
    problem.entryPoint = entryPoint;
    return problem;
}

// Exit code of `python3 -` fed `program` (-1 when it could not run).
int runPython(const QString& python, const std::string& program)
{
    QProcess process;
    QTemporaryDir workDir;  // human-eval runs each program in a fresh temporary directory
    process.setWorkingDirectory(workDir.path());
    process.start(python, {"-"});
    if (!process.waitForStarted())
        return -1;
    process.write(QByteArray::fromStdString(program));
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

}  // namespace

class TestTaskBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void assemblesHumanEvalExactly()
    {
        const Problem problem = literalHumanEvalProblem();
        QCOMPARE(q(humanEvalProgram(problem, "    return x\n")),
                 QString("def f(x):\n    \"\"\"Identity.\"\"\"\n    return x\n"
                         "\n\n\ndef check(candidate):\n    assert candidate(1) == 1\n"
                         "\ncheck(f)"));
        // bigcode saves full programs: solution + "\n" + test + "\n" + check(...)
        QCOMPARE(q(harnessProgram(problem, "def f(x):\n    return x", true)),
                 QString("def f(x):\n    return x\n\n\ndef check(candidate):\n    assert candidate(1) == 1\n\ncheck(f)"));
    }

    void splitsHumanEvalIntoCandidateAndTests()
    {
        const Problem& problem = *humanEval().find("HumanEval/0");
        const JudgeTask task = buildJudgeTask(problem, problem.canonicalSolution, false);
        QCOMPARE(q(task.taskId), QString("HumanEval/0"));
        QCOMPARE(task.style, TestStyle::CheckFunction);
        QCOMPARE(q(task.candidateSource), q(problem.prompt + problem.canonicalSolution));
        QCOMPARE(q(task.testPrelude), q(problem.prompt));
        QCOMPARE(q(task.testSource), q(problem.test));
        QCOMPARE(q(task.entryPoint), QString("has_close_elements"));
        QVERIFY(task.referenceSource.empty() && task.inputsJson.empty());
        QVERIFY(task.preferSplit);

        // human-eval's program is the candidate part, then the tests, then the call.
        const std::string program = humanEvalProgram(problem, problem.canonicalSolution);
        QCOMPARE(q(program), q(task.candidateSource + "\n" + task.testSource + "\ncheck(has_close_elements)"));
        QCOMPARE(q(harnessProgram(problem, problem.canonicalSolution, false)), q(program));

        const JudgeTask reference = buildReferenceTask(problem);
        QCOMPARE(q(reference.candidateSource), q(task.candidateSource));

        const JudgeTask full = buildJudgeTask(problem, "def has_close_elements(a, b):\n    return False\n", true);
        QCOMPARE(q(full.candidateSource), QString("def has_close_elements(a, b):\n    return False\n"));
        QCOMPARE(q(full.testPrelude), q(problem.prompt));  // helpers stay available to the tests
    }

    void keepsHelpersOfThePromptForTheTests()
    {
        // HumanEval/38's check calls encode_cyclic, defined only in the prompt.
        const Problem& problem = *humanEval().find("HumanEval/38");
        QVERIFY(problem.test.find("encode_cyclic") != std::string::npos);
        const JudgeTask task = buildJudgeTask(problem, "    return s\n", false);
        QVERIFY(task.testPrelude.find("def encode_cyclic(") != std::string::npos);
    }

    void differentialTasksForHumanEvalPlus()
    {
        const Problem& problem = *humanEvalPlus().find("HumanEval/0");
        const JudgeTask task = buildJudgeTask(problem, "    return False\n", false);
        QCOMPARE(task.style, TestStyle::DifferentialInputs);
        QCOMPARE(q(task.candidateSource), q(problem.prompt + "    return False\n"));  // no separator (EvalPlus)
        QCOMPARE(q(task.referenceSource), q(problem.prompt + problem.canonicalSolution));
        QCOMPARE(q(task.entryPoint), QString("has_close_elements"));
        QCOMPARE(q(task.testSource), q(problem.test));
        QVERIFY(task.testPrelude.empty());
        QCOMPARE(task.atol, 0.0);

        const nlohmann::json inputs = nlohmann::json::parse(task.inputsJson);
        const nlohmann::json base = nlohmann::json::parse(problem.baseInputs);
        const nlohmann::json plus = nlohmann::json::parse(problem.plusInputs);
        QCOMPARE(inputs.size(), base.size() + plus.size());
        QCOMPARE(inputs.front(), base.front());
        QCOMPARE(inputs[base.size()], plus.front());
        QCOMPARE(inputs.back(), plus.back());

        QCOMPARE(buildReferenceTask(*humanEvalPlus().find("HumanEval/32")).atol, 1e-4);
        const JudgeTask full = buildJudgeTask(problem, "def has_close_elements(n, t): return False", true);
        QCOMPARE(q(full.candidateSource), QString("def has_close_elements(n, t): return False"));
    }

    void joinsInputListsAsText_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("plus");
        QTest::addColumn<bool>("python");
        QTest::addColumn<QString>("joined");

        QTest::newRow("both") << "[[1], [2]]" << "[[3]]" << false << "[[1], [2], [3]]";
        QTest::newRow("no plus") << "[[1], [2]]" << "[]" << false << "[[1], [2]]";
        QTest::newRow("no base") << " [ ] " << "[[3]]" << false << "[[3]]";
        QTest::newRow("none") << "[]" << "[]" << false << "[]";
        QTest::newRow("wide integers stay as written")
            << "[[123456789012345678901234567890]]" << "[[1e-05, 2.50]]" << false
            << "[[123456789012345678901234567890], [1e-05, 2.50]]";
        QTest::newRow("python literals") << "[(1, 2), None]" << "[[3]]" << true << "([(1, 2), None]) + ([[3]])";
    }

    void joinsInputListsAsText()
    {
        QFETCH(QString, base);
        QFETCH(QString, plus);
        QFETCH(bool, python);
        QFETCH(QString, joined);
        Problem problem;
        problem.format = ProblemFormat::HumanEvalPlus;
        problem.baseInputs = base.toStdString();
        problem.plusInputs = plus.toStdString();
        problem.inputsArePython = python;
        QCOMPARE(q(differentialInputs(problem)), joined);
    }

    void assemblesMbppAsTheHarnessDoes()
    {
        const Problem& problem = *mbpp().find("1");
        const JudgeTask task = buildJudgeTask(problem, problem.canonicalSolution, false);
        QCOMPARE(task.style, TestStyle::TopLevelAsserts);
        QCOMPARE(q(task.candidateSource), q(problem.canonicalSolution));
        QVERIFY(task.testPrelude.empty());
        QCOMPARE(q(task.testSource), QString("assert min_cost([[1, 2, 3], [4, 8, 2], [1, 5, 3]], 2, 2) == 8\n"
                                             "assert min_cost([[2, 3, 4], [5, 9, 3], [2, 6, 4]], 2, 2) == 12\n"
                                             "assert min_cost([[3, 4, 5], [6, 10, 4], [3, 7, 5]], 2, 2) == 16"));
        QVERIFY(task.entryPoint.empty());
        // code + "\n" + test_setup_code + "\n" + "\n".join(test_list)
        QCOMPARE(q(harnessProgram(problem, problem.canonicalSolution, false)),
                 q(problem.canonicalSolution + "\n" + "" + "\n" + task.testSource));
        QCOMPARE(q(buildReferenceTask(problem).candidateSource), q(problem.canonicalSolution));

        const Problem& withSetup = *mbpp().find("367");
        QCOMPARE(q(buildJudgeTask(withSetup, "x = 1", false).testPrelude), q(withSetup.testSetupCode));
        QCOMPARE(q(harnessProgram(withSetup, "x = 1", false)),
                 q("x = 1\n" + withSetup.testSetupCode + "\n" + withSetup.testList[0] + "\n" + withSetup.testList[1] +
                   "\n" + withSetup.testList[2]));
    }

    void addsChallengeTestsWhenAsked()
    {
        const Problem& problem = *mbpp().find("11");
        QCOMPARE(problem.challengeTestList.size(), std::size_t(2));
        const std::string plain = buildJudgeTask(problem, "", false).testSource;
        const std::string all = buildJudgeTask(problem, "", false, {.includeChallengeTests = true}).testSource;
        QCOMPARE(q(all), q(plain + "\n" + problem.challengeTestList[0] + "\n" + problem.challengeTestList[1]));
    }

    void assemblesSanitizedMbppAsTheHarnessDoes()
    {
        const Problem& problem = *sanitizedMbpp().find("82");
        const JudgeTask task = buildJudgeTask(problem, problem.canonicalSolution, true);
        QCOMPARE(task.style, TestStyle::TopLevelAsserts);
        QCOMPARE(q(task.testPrelude), QString("import math"));
        QCOMPARE(q(task.testSource), q(problem.testList[0] + "\n" + problem.testList[1] + "\n" + problem.testList[2]));
        // "\n".join(test_imports) + "\n" + code + "\n" + "\n".join(test_list)
        QCOMPARE(q(harnessProgram(problem, problem.canonicalSolution, true)),
                 q("import math\n" + problem.canonicalSolution + "\n" + task.testSource));
        QCOMPARE(q(buildJudgeTask(*sanitizedMbpp().find("2"), "pass", false).testPrelude), QString());
    }

    void choosesTheStyleOfOwnProblems_data()
    {
        QTest::addColumn<QString>("tests");
        QTest::addColumn<QString>("entryPoint");
        QTest::addColumn<bool>("checkFunction");
        QTest::addColumn<QString>("program");  // for candidate "C"

        QTest::newRow("asserts") << "assert f(1) == 2" << "" << false << "C\nassert f(1) == 2";
        QTest::newRow("asserts with entry point") << "assert f(1) == 2" << "f" << false << "C\nassert f(1) == 2";
        QTest::newRow("check function") << "def check(candidate):\n    assert candidate(1) == 2" << "f" << true
                                        << "C\ndef check(candidate):\n    assert candidate(1) == 2\ncheck(f)";
        QTest::newRow("check without entry point") << "def check(candidate):\n    pass" << "" << false
                                                   << "C\ndef check(candidate):\n    pass";
    }

    void choosesTheStyleOfOwnProblems()
    {
        QFETCH(QString, tests);
        QFETCH(QString, entryPoint);
        QFETCH(bool, checkFunction);
        QFETCH(QString, program);
        const Problem problem = rrtfProblem(tests.toStdString(), entryPoint.toStdString());
        const JudgeTask task = buildJudgeTask(problem, "C", false);
        QCOMPARE(task.style, checkFunction ? TestStyle::CheckFunction : TestStyle::TopLevelAsserts);
        QCOMPARE(q(task.candidateSource), QString("C"));
        QCOMPARE(q(task.testSource), tests);
        QVERIFY(task.testPrelude.empty());
        QCOMPARE(q(task.entryPoint), checkFunction ? entryPoint : QString());
        QCOMPARE(q(harnessProgram(problem, "C", false)), program);
    }

    void assemblesLeetCodeAsDeepSeekCoderDoes()
    {
        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);
        const Problem& problem = *leetCode().find(kPushesTask);
        const JudgeTask task = buildJudgeTask(problem, kPushesBody, false);
        QCOMPARE(q(task.taskId), QString(kPushesTask));
        QCOMPARE(task.style, TestStyle::Script);  // `test` calls a Solution instance: a whole script
        QCOMPARE(q(task.candidateSource), q(problem.prompt + kPushesBody));
        QCOMPARE(q(task.testPrelude), QString(kDeepSeekImports));
        QCOMPARE(q(task.testSource), q(problem.test));
        QVERIFY(task.entryPoint.empty());
        // human_eval/evaluation.py: imports + "\n" + code + "\n" + test + "\n" (its import lines end without one)
        QCOMPARE(q(harnessProgram(problem, kPushesBody, false)),
                 q(kDeepSeekImports + problem.prompt + kPushesBody + "\n" + problem.test + "\n"));

        // A whole program (a `solution` field) is taken as it is.
        const JudgeTask full = buildJudgeTask(problem, "class Solution:\n    pass\n", true);
        QCOMPARE(q(full.candidateSource), QString("class Solution:\n    pass\n"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildReferenceTask(problem));  // the set ships none
    }

    void readsTheCodeOfAnAnswerAsDeepSeekCoderDoes_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("code");  // "PROMPT" stands for the problem's prompt

        const QString solution = "class Solution:\n    def minimumPushes(self, word):\n        return 1";
        QTest::newRow("continuation") << "return 1\n" << "PROMPTreturn 1\n";
        QTest::newRow("continuation on a new line") << "\n        return 1\n" << "PROMPT\n        return 1\n";
        QTest::newRow("fenced reply") << "Here it is:\n```python\n" + solution + "\n```\nIt is O(n)." << solution;
        QTest::newRow("first python block wins")
            << "```text\nnot code\n```\n```py\n" + solution + "\n```\n```python\nother\n```" << solution;
        QTest::newRow("fence cut off by the token limit") << "```Python3 \n" + solution << solution;
        QTest::newRow("CodeLlama tags") << "[PYTHON]\n" + solution + "\n[/PYTHON]" << solution;
        QTest::newRow("reply without a fence") << "\n" + solution + "\n" << "\n" + solution + "\n";
        // Indented: a method body that happens to define a class continues the prompt.
        QTest::newRow("indented class") << "    class Solution: pass\n" << "PROMPT    class Solution: pass\n";
        QTest::newRow("untagged fence is not python") << "```\nx\n```" << "PROMPT```\nx\n```";
    }

    void readsTheCodeOfAnAnswerAsDeepSeekCoderDoes()
    {
        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);
        QFETCH(QString, answer);
        QFETCH(QString, code);
        const Problem& problem = *leetCode().find(kPushesTask);
        code.replace("PROMPT", q(problem.prompt));
        QCOMPARE(q(buildJudgeTask(problem, answer.toStdString(), false).candidateSource), code);
    }

    void importsNumpyOnlyForCodeThatNamesIt()
    {
        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);
        const Problem& problem = *leetCode().find(kPushesTask);
        QCOMPARE(q(buildJudgeTask(problem, kPushesBody, false).testPrelude), QString(kDeepSeekImports));
        const std::string prelude = buildJudgeTask(problem, "return int(np.sum([1]))\n", false).testPrelude;
        QVERIFY(prelude.starts_with(kDeepSeekImports));
        QVERIFY(prelude.find("    import numpy as np\nexcept ImportError:") != std::string::npos);
    }

    void stubsOnlyWhatHasNoReference()
    {
        QVERIFY(!buildStubTask(*humanEval().find("HumanEval/0")));
        QVERIFY(!buildStubTask(*mbpp().find("1")));
        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);
        const Problem& problem = *leetCode().find(kPushesTask);
        const std::optional<JudgeTask> stub = buildStubTask(problem);
        QVERIFY(stub);
        QCOMPARE(q(stub->candidateSource), q(problem.prompt + "pass\n"));
        QCOMPARE(stub->style, TestStyle::Script);
    }

    void refusesToJudgeCoderEval()
    {
        SKIP_UNLESS_TEST_DATA(test::kCoderEvalRaw);
        const ProblemSet set = loadProblemSet(dataFile(test::kCoderEvalRaw));
        const Problem& problem = set[0];
        try {
            buildJudgeTask(problem, "    return 1\n", false);
            QFAIL("a CoderEval answer was judged");
        } catch (const InvalidArgument& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("62e60f43d76274f8a4026e28") && message.contains("has no tests") &&
                         message.contains("CoderEval"),
                     qPrintable(message));
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, harnessProgram(problem, "    return 1\n", false));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildReferenceTask(problem));
        QVERIFY(!buildStubTask(problem));
    }

    void refusesWhatCannotBeBuilt()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildReferenceTask(rrtfProblem("assert f()", "")));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, humanEvalProgram(*mbpp().find("1"), "x"));
        const ProblemSet mini = loadProblemSet(dataFile("humaneval/HumanEvalPlus-Mini-v0.1.10.jsonl.gz"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, harnessProgram(*mini.find("HumanEval/0"), "    pass\n", false));
        QCOMPARE(buildReferenceTask(*mini.find("HumanEval/0")).style, TestStyle::DifferentialInputs);
        Problem unformatted = literalHumanEvalProblem();
        unformatted.format = ProblemFormat::Auto;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildJudgeTask(unformatted, "x", false));
    }

    void harnessProgramsRunAsExpected()
    {
        const QString python = QStandardPaths::findExecutable("python3");
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        const Problem& he0 = *humanEval().find("HumanEval/0");
        QCOMPARE(runPython(python, humanEvalProgram(he0, he0.canonicalSolution)), 0);
        QVERIFY(runPython(python, humanEvalProgram(he0, "    return False\n")) != 0);
        const Problem& he38 = *humanEval().find("HumanEval/38");
        QCOMPARE(runPython(python, humanEvalProgram(he38, he38.canonicalSolution)), 0);

        const Problem& withSetup = *mbpp().find("367");
        QCOMPARE(runPython(python, harnessProgram(withSetup, withSetup.canonicalSolution, false)), 0);
        const Problem& challenged = *mbpp().find("11");
        QCOMPARE(runPython(python, harnessProgram(challenged, challenged.canonicalSolution, false,
                                                  {.includeChallengeTests = true})),
                 0);
        const Problem& sanitized = *sanitizedMbpp().find("82");
        QCOMPARE(runPython(python, harnessProgram(sanitized, sanitized.canonicalSolution, true)), 0);
        QVERIFY(runPython(python, harnessProgram(sanitized, "def volume_sphere(r):\n    return r", true)) != 0);

        SKIP_UNLESS_TEST_DATA(test::kLeetCodeContest);  // the checks above ran
        const Problem& pushes = *leetCode().find(kPushesTask);
        QCOMPARE(runPython(python, harnessProgram(pushes, kPushesBody, false)), 0);
        QVERIFY(runPython(python, harnessProgram(pushes, "return len(word)\n", false)) != 0);
        QVERIFY(runPython(python, harnessProgram(pushes, "pass\n", false)) != 0);  // the stub
    }
};

QTEST_GUILESS_MAIN(TestTaskBuilder)
#include "test_task_builder.moc"
