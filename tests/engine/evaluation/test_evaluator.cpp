// The evaluator end to end: real problem sets from the test data judged in the
// real sandbox, pass@k from those verdicts, and a cancelled run that resumes from
// the workspace database.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "evaluation/evaluator.h"
#include "runtime/version.h"

using namespace rrtf;

namespace {

std::filesystem::path shared(const char* relative) { return std::filesystem::path(RRTF_TEST_DATA) / relative; }

// Writes a samples.jsonl: one line per (task_id, completion).
std::filesystem::path writeSamples(const QTemporaryDir& dir, const char* name,
                                   const std::vector<std::pair<std::string, std::string>>& lines) {
    std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / name;
    std::ofstream file(path);
    for (const auto& [task, completion] : lines)
        file << nlohmann::json{{"task_id", task}, {"completion", completion}}.dump() << '\n';
    return path;
}

EvaluationOptions quickOptions() {
    EvaluationOptions options;
    options.ks = {1};
    options.calibrate = false;
    return options;
}

}  // namespace

class TestEvaluator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_pool = std::make_unique<SandboxPool>(SandboxOptions{2}); }
    void cleanupTestCase() { m_pool.reset(); }

    void everyHumanEvalReferencePasses() {
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        QCOMPARE(problems.size(), size_t(164));
        Evaluator evaluator(*m_pool, nullptr);
        ReferenceCheck check = evaluator.checkReferences(problems, quickOptions());
        QCOMPARE(check.checked, 164);
        for (const ReferenceFailure& failure : check.failures)
            qWarning("%s: %s %s", failure.taskId.c_str(), std::string(outcomeName(failure.verdict.outcome)).c_str(),
                     failure.verdict.detail.c_str());
        QCOMPARE(int(check.failures.size()), 0);
    }

    void everySanitizedMbppReferencePasses() {
        ProblemSet problems = loadProblemSet(shared("mbpp/sanitized-mbpp.json"));
        QCOMPARE(problems.size(), size_t(427));
        Evaluator evaluator(*m_pool, nullptr);
        ReferenceCheck check = evaluator.checkReferences(problems, quickOptions());
        QCOMPARE(check.checked, 427);
        for (const ReferenceFailure& failure : check.failures)
            qWarning("%s: %s %s", failure.taskId.c_str(), std::string(outcomeName(failure.verdict.outcome)).c_str(),
                     failure.verdict.detail.c_str());
        QCOMPARE(int(check.failures.size()), 0);
    }

    // Deliberately wrong answers to HumanEval/0 (has_close_elements, 7 asserts).
    void wrongSolutionsGetTheRightOutcomeAndPartialCredit_data() {
        QTest::addColumn<QString>("completion");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("passedAtLeast");
        QTest::addColumn<int>("passedAtMost");
        QTest::addColumn<QString>("detailContains");
        QTest::newRow("always True: some asserts hold") << "    return True\n" << "failed" << 1 << 6 << "assert";
        QTest::newRow("always False: the others hold") << "    return False\n" << "failed" << 1 << 6 << "assert";
        QTest::newRow("raises") << "    raise ValueError('no idea')\n" << "error" << 0 << 0 << "ValueError";
        QTest::newRow("syntax error") << "    return (\n" << "syntax_error" << 0 << 0 << "line";
        QTest::newRow("name error") << "    return undefined_name\n" << "error" << 0 << 0 << "NameError";
    }
    void wrongSolutionsGetTheRightOutcomeAndPartialCredit() {
        QFETCH(QString, completion);
        QFETCH(QString, outcome);
        QFETCH(int, passedAtLeast);
        QFETCH(int, passedAtMost);
        QFETCH(QString, detailContains);
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        const Problem* problem = problems.find("HumanEval/0");
        QVERIFY(problem);
        Verdict verdict = m_pool->judge(buildJudgeTask(*problem, completion.toStdString(), false), JudgeLimits{});
        QCOMPARE(QString::fromStdString(std::string(outcomeName(verdict.outcome))), outcome);
        QVERIFY2(verdict.testsPassed >= passedAtLeast && verdict.testsPassed <= passedAtMost,
                 qPrintable(QString("tests_passed %1").arg(verdict.testsPassed)));
        if (outcome != "syntax_error") {
            QCOMPARE(verdict.testsTotal, 7);
        }
        QVERIFY2(QString::fromStdString(verdict.detail).contains(detailContains), verdict.detail.c_str());
        QCOMPARE(verdict.level, std::string("split"));
    }

    // pass@k from real verdicts: per task 4 samples of which a known number pass.
    void passAtKFromVerdicts() {
        QTemporaryDir dir;
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        std::vector<std::pair<std::string, std::string>> lines;
        const std::vector<std::pair<std::string, int>> plan = {{"HumanEval/0", 4}, {"HumanEval/2", 1}, {"HumanEval/4", 0}};
        for (const auto& [task, correct] : plan)
            for (int i = 0; i < 4; ++i)
                lines.emplace_back(task, i < correct ? problems.find(task)->canonicalSolution : "    return None\n");
        SampleFile samples = loadSamples(writeSamples(dir, "samples.jsonl", lines));
        ProblemSet subset(problems.sourcePath(), problems.sha256(), problems.format(),
                          {*problems.find("HumanEval/0"), *problems.find("HumanEval/2"), *problems.find("HumanEval/4")});
        EvaluationOptions options = quickOptions();
        options.ks = {1, 2, 10};
        Evaluator evaluator(*m_pool, nullptr);
        EvaluationResult result = evaluator.evaluate(subset, samples, options);
        QCOMPARE(result.samples.size(), size_t(12));
        QVERIFY(!result.cancelled);
        const PassAtKValue* at1 = result.passAtK.find(1);
        const PassAtKValue* at2 = result.passAtK.find(2);
        QVERIFY(at1 && at2);
        QVERIFY(!result.passAtK.find(10));  // only 4 samples per problem
        QVERIFY(qAbs(at1->mean - (1.0 + 0.25 + 0.0) / 3) < 1e-12);
        // pass@2 with n=4: 1, 1 - C(3,2)/C(4,2) = 0.5, 0.
        QVERIFY(qAbs(at2->mean - (1.0 + 0.5 + 0.0) / 3) < 1e-12);
        QCOMPARE(result.outcomes["passed"], 5);
    }

    // A run stopped half-way resumes from the workspace: nothing judged twice,
    // nothing lost, and the same pass@1 as an uninterrupted run.
    void cancelledRunResumesFromTheWorkspace() {
        QTemporaryDir dir;
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        std::vector<std::pair<std::string, std::string>> lines;
        for (int i = 0; i < 24; ++i) {
            const Problem& problem = problems[size_t(i)];
            lines.emplace_back(problem.taskId, i % 3 ? problem.canonicalSolution : "    return None\n");
        }
        SampleFile samples = loadSamples(writeSamples(dir, "samples.jsonl", lines));
        Workspace workspace(std::filesystem::path(dir.path().toStdString()) / "workspace.sqlite");
        Evaluator evaluator(*m_pool, &workspace);
        EvaluationOptions options = quickOptions();

        CancellationToken cancel;
        int seen = 0;
        EvaluationResult first = evaluator.evaluate(problems, samples, options,
            [&](const EvaluationProgress& progress) {
                if (progress.phase == "judging" && ++seen == 8) cancel.cancel();
            },
            cancel);
        QVERIFY(first.cancelled);
        int judgedFirst = int(std::count_if(first.samples.begin(), first.samples.end(),
                                            [](const SampleVerdict& s) { return s.judged; }));
        QVERIFY(judgedFirst >= 8 && judgedFirst < 24);
        QVERIFY(!workspace.run(first.runId)->finished());

        int judgedSecond = 0;
        EvaluationResult second = evaluator.evaluate(problems, samples, options,
            [&](const EvaluationProgress& progress) {
                if (progress.phase == "judging") judgedSecond = progress.done;
            });
        QVERIFY(!second.cancelled);
        QCOMPARE(second.runId, first.runId);
        QCOMPARE(second.resumed, judgedFirst);
        QCOMPARE(judgedSecond, 24 - judgedFirst);
        QCOMPARE(second.outcomes["passed"], 16);
        QVERIFY(qAbs(second.passAtK.find(1)->mean - 16.0 / 24.0) < 1e-12);
        QVERIFY(workspace.run(second.runId)->finished());
        // The run names the engine by the project's one version (the workbench stores the same).
        QCOMPARE(workspace.run(second.runId)->engineVersion, std::string(projectVersion()));
    }

    void timeoutsAreRecheckedOnce() {
        QTemporaryDir dir;
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        SampleFile samples = loadSamples(writeSamples(dir, "samples.jsonl",
            {{"HumanEval/0", "    while True:\n        pass\n"}}));
        EvaluationOptions options = quickOptions();
        options.timeouts.floorSeconds = 1.0;
        options.timeouts.wallSlackSeconds = 1.0;
        Evaluator evaluator(*m_pool, nullptr);
        EvaluationResult result = evaluator.evaluate(problems, samples, options);
        QCOMPARE(result.samples.size(), size_t(1));
        QCOMPARE(result.samples[0].verdict.outcome, Outcome::Timeout);
        QVERIFY(result.samples[0].verdict.rechecked);
    }

    void limitsScaleWithTheReferenceTime() {
        TimeoutPolicy policy;  // floor 3 s, factor 4, cap 60 s
        JudgeLimits base;
        QCOMPARE(limitsFor(policy, base, 0).cpuSeconds, 3.0);
        QCOMPARE(limitsFor(policy, base, 2000).cpuSeconds, 8.0);
        QCOMPARE(limitsFor(policy, base, 9100).cpuSeconds, 37.0);
        QCOMPARE(limitsFor(policy, base, 60000).cpuSeconds, 60.0);
        QVERIFY(limitsFor(policy, base, 2000).wallSeconds > limitsFor(policy, base, 2000).cpuSeconds);
    }

    void unknownTaskInSamplesIsAnError() {
        QTemporaryDir dir;
        ProblemSet problems = loadProblemSet(shared("humaneval/HumanEval.jsonl.gz"));
        SampleFile samples = loadSamples(writeSamples(dir, "bad.jsonl", {{"HumanEval/0", "    return 1\n"},
                                                                           {"NoSuchTask/9", "    return 1\n"}}));
        Evaluator evaluator(*m_pool, nullptr);
        try {
            evaluator.evaluate(problems, samples, quickOptions());
            QFAIL("expected an error");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).contains("bad.jsonl") && QString(error.what()).contains("NoSuchTask/9"),
                     error.what());
        }
    }

private:
    std::unique_ptr<SandboxPool> m_pool;
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "test_evaluator.moc"
