// Which line of an answer a viewer marks: a syntax error's own line, or for a
// failed assertion the first line that differs from the reference solution (the
// bug's line), mapped from the judged program onto the answer as written.
#include "evaluation/fault_line.h"
#include "evaluation/problem_set.h"

#include <QtTest>

using namespace rrtf;

namespace {

Verdict verdict(Outcome outcome, const std::string& detail)
{
    Verdict made;
    made.outcome = outcome;
    made.detail = detail;
    return made;
}

const std::string kReference = "def p(n):\n    total = 0\n    for i in range(23, n + 1):\n        total += i\n"
                               "    return total\n";
const std::string kBuggy = "def p(n):\n    total = 0\n    for i in range(23, n):\n        total += i\n"
                           "    return total\n";

}  // namespace

class TestFaultLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void failedAssertionMarksTheLineThatDiffersFromTheReference()
    {
        // The detail names line 1 of the tests: never a line of the answer.
        const Verdict failed = verdict(Outcome::Failed, "line 1: assert p(26) == 98");
        QCOMPARE(answerFaultLine(failed, kBuggy, kBuggy, kReference), 3);
        // The model's answer starts on a line of its own: the code is found inside it.
        QCOMPARE(answerFaultLine(failed, "\n" + kBuggy, kBuggy, kReference), 4);
        // Trailing spaces are not a difference.
        const std::string spaced = "def p(n):   \n" + kBuggy.substr(10);
        QCOMPARE(answerFaultLine(failed, spaced, spaced, kReference), 3);
        // No reference: nothing to compare, nothing marked.
        QCOMPARE(answerFaultLine(failed, kBuggy, kBuggy, ""), 0);
    }

    void syntaxErrorMarksItsOwnLine()
    {
        const std::string answer = "```python\ndef f(x):\n    return x +\n```\n";
        const std::string program = "def f(x):\n    return x +\n";
        const Verdict syntax = verdict(Outcome::SyntaxError, "invalid syntax (line 2)");
        QCOMPARE(answerFaultLine(syntax, answer, program, kReference), 3);
        // A continuation: the program is the prompt followed by the answer.
        const std::string prompt = "def f(x):\n    \"\"\"Add one.\"\"\"\n";
        QCOMPARE(answerFaultLine(verdict(Outcome::SyntaxError, "invalid syntax (line 3)"), "    return x +\n",
                                 prompt + "    return x +\n", ""),
                 1);
        // A line in the prompt is not in the answer.
        QCOMPARE(answerFaultLine(verdict(Outcome::SyntaxError, "invalid syntax (line 1)"), "    return x +\n",
                                 prompt + "    return x +\n", ""),
                 0);
    }

    void problemAssemblesProgramAndReference()
    {
        // The demo set's own format: the answer is a whole program, its reference `solution`.
        Problem own;
        own.taskId = "heldout/sum_range/0";
        own.format = ProblemFormat::Rrtf;
        own.prompt = "Write a Python function `p(n)` that returns the sum of 23..n.";
        own.canonicalSolution = kReference;
        own.test = "assert p(26) == 98";
        own.entryPoint = "p";
        const Verdict failed = verdict(Outcome::Failed, "line 1: assert p(26) == 98");
        QCOMPARE(answerFaultLine(failed, own, "\n" + kBuggy, false), 4);

        // HumanEval: the answer continues the prompt, the reference is prompt + canonical_solution.
        Problem human;
        human.taskId = "HumanEval/0";
        human.format = ProblemFormat::HumanEval;
        human.prompt = "def p(n):\n    \"\"\"Sum of 23..n.\"\"\"\n";
        human.canonicalSolution = kReference.substr(kReference.find('\n') + 1);
        human.test = "def check(candidate):\n    assert candidate(26) == 98\n";
        human.entryPoint = "p";
        QCOMPARE(answerFaultLine(failed, human, kBuggy.substr(kBuggy.find('\n') + 1), false), 2);

        // No reference solution (a LeetCode problem): nothing to compare with.
        own.canonicalSolution.clear();
        QCOMPARE(answerFaultLine(failed, own, kBuggy, false), 0);
    }

    void passedAndUnknownMarkNothing()
    {
        QCOMPARE(answerFaultLine(verdict(Outcome::Passed, ""), kReference, kReference, kReference), 0);
        QCOMPARE(answerFaultLine(verdict(Outcome::Timeout, "line 3"), kBuggy, kBuggy, kReference), 0);
        QCOMPARE(answerFaultLine(verdict(Outcome::SyntaxError, "invalid syntax"), kBuggy, kBuggy, ""), 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultLine)
#include "test_fault_line.moc"
