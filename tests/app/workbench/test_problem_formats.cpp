// The paper's other benchmarks in the window: DeepSeek-Coder's LeetCode contest set
// (its difficulty in the problem list; models with a template get prompt_sft, raw
// models continue the code) and CoderEval, which ships no tests: its prompts open,
// but Run tests stays disabled saying why and the benchmark refuses to start.
#include "answer_pane.h"
#include "benchmark_runner.h"
#include "judge_service.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "problem_list_model.h"

#include "evaluation/problem_set.h"
#include "store/workspace.h"
#include "support/test_data.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;
using rrtf::test::testDataPath;

namespace {

// Both fetched by scripts/fetch-test-data.sh, not committed: the tests that read them skip without them.
const char* kLeetCode = rrtf::test::kLeetCodeContest;
const char* kCoderEval = rrtf::test::kCoderEvalRaw;

ModelSlot slotWith(const QString& promptTemplate)
{
    ModelSlot slot;
    slot.name = promptTemplate;
    slot.promptTemplate = promptTemplate;
    return slot;
}

QPushButton* runTestsButton(AnswerPane& pane)
{
    for (QPushButton* button : pane.findChildren<QPushButton*>())
        if (button->text() == QLatin1String("Run tests"))
            return button;
    return nullptr;
}

}  // namespace

class TestProblemFormats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void problemListShowsLeetCodeDifficulty()
    {
        SKIP_UNLESS_TEST_DATA(kLeetCode);
        ProblemListModel model;
        model.open(testDataPath(kLeetCode));
        QCOMPARE(model.rowCount(), 180);
        QCOMPARE(model.index(0).data().toString(),
                 QString("weekly-contest-381-minimum-number-of-pushes-to-type-word-i · Easy"));
        QCOMPARE(model.index(1).data().toString(),
                 QString("weekly-contest-381-count-the-number-of-houses-at-a-certain-distance-i · Medium"));
        QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().startsWith("\"\"\"\nYou are given a string word"));
    }

    void coderEvalPromptsOpenForGeneration()
    {
        SKIP_UNLESS_TEST_DATA(kCoderEval);
        ProblemListModel model;
        model.open(testDataPath(kCoderEval));
        QCOMPARE(model.rowCount(), 230);
        QCOMPARE(model.index(0).data().toString(), QString("62e60f43d76274f8a4026e28"));
        QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().startsWith(ProblemListModel::noTestsText()));
        QVERIFY(ProblemListModel::noTestsText().contains("no tests"));
        // Every model continues the code prompt, as on HumanEval.
        const Problem& problem = *model.problemAt(0);
        QVERIFY(promptIsCode(problem));
        QCOMPARE(problemModelPrompt(problem, slotWith("alpaca")), QString::fromStdString(problem.prompt));
    }

    void templatedModelsGetTheInstructionForm()
    {
        SKIP_UNLESS_TEST_DATA(kLeetCode);
        const ProblemSet set = loadProblemSet(testDataPath(kLeetCode).toStdString());
        const Problem& problem = set[0];
        const QString code = QString::fromStdString(problem.prompt);
        const QString instruction = QString::fromStdString(problem.instructionPrompt);
        // A base model continues the docstring and the Solution stub.
        QCOMPARE(problemModelPrompt(problem, slotWith("raw")), code);
        // An instruction model gets prompt_sft through its template, with no stop sequence that
        // would cut its fenced `class Solution` at the first line.
        for (const QString& name : {QStringLiteral("alpaca"), QStringLiteral("pangu")}) {
            const QString prompt = problemModelPrompt(problem, slotWith(name));
            QVERIFY2(prompt.contains(instruction) && prompt != instruction, qPrintable(prompt.right(300)));
            QVERIFY(!prompt.contains(code));
            QCOMPARE(modelStopSequences({"\nclass", "\ndef"}, true, slotWith(name), instruction), QStringList());
        }
        QCOMPARE(modelStopSequences({"\nclass"}, true, slotWith("raw"), instruction), QStringList{"\nclass"});

        // HumanEval has no instruction form: every model still continues its code.
        const ProblemSet humanEval = loadProblemSet(testDataPath("humaneval/HumanEval.jsonl.gz").toStdString());
        QCOMPARE(problemModelPrompt(humanEval[0], slotWith("alpaca")), QString::fromStdString(humanEval[0].prompt));
        QCOMPARE(modelStopSequences({"\nclass"}, true, slotWith("alpaca"), {}), QStringList{"\nclass"});
        // An instruction (MBPP, the demo set) is answered with a whole program, in any
        // template, raw included: "\ndef" would cut it after its first line.
        for (const QString& name : {QStringLiteral("raw"), QStringLiteral("alpaca"), QStringLiteral("pangu")})
            QCOMPARE(modelStopSequences({"\ndef", "\nclass"}, false, slotWith(name), {}), QStringList());
    }

    void runTestsIsDisabledWhereThereAreNoTests()
    {
        AnswerPane pane(0, "m");
        QPushButton* button = runTestsButton(pane);
        QVERIFY(button);
        const QString reason = "CoderEval ships its prompts only";
        pane.setTestsUnavailable(reason);
        pane.startRun(1, {});
        PaneResult result;
        result.id = 1;
        result.text = "    return 1\n";
        pane.finishRun(result);
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(), reason);

        // The next problem has tests again.
        pane.setTestsUnavailable({});
        pane.startRun(2, {});
        result.id = 2;
        pane.finishRun(result);
        QVERIFY(button->isEnabled());
        QVERIFY(button->toolTip() != reason);
    }

    void benchmarkRefusesCoderEval()
    {
        SKIP_UNLESS_TEST_DATA(kCoderEval);
        QTemporaryDir dir;
        Workspace workspace(dir.filePath("ws.sqlite").toStdString());
        ModelListModel models;
        JudgeWorker judge;
        BenchmarkRunner runner(models, judge);
        runner.setWorkspace(&workspace);
        auto problems = std::make_shared<const ProblemSet>(loadProblemSet(testDataPath(kCoderEval).toStdString()));
        QString error;
        QVERIFY(!runner.start(problems, {0}, BenchmarkDecoding{}, &error));
        QVERIFY2(error.contains(testDataPath(kCoderEval)) && error.contains("no tests"), qPrintable(error));
        QVERIFY(!runner.isRunning());
    }
};

QTEST_MAIN(TestProblemFormats)
#include "test_problem_formats.moc"
