// The sandbox end to end through SandboxPool: real rrtf-sandbox workers, real
// namespaces. The four test styles, partial credit, the level-A fallback, the
// conditions a verdict records, concurrent callers and a helper that dies
// mid-run. The hostile programs are in test_sandbox_hostile.cpp.
#include "evaluation/sandbox_pool.h"
#include "hostile_fixture.h"

#include <QtTest>

#include <QRegularExpression>

#include <atomic>
#include <memory>
#include <thread>

using namespace rrtf;

namespace {

const char* kCheckTests =
    "def check(candidate):\n"
    "    assert candidate(2, 3) == 5\n"
    "    assert candidate(-1, 1) == 0\n"
    "    assert abs(candidate(0.5, 0.25) - 0.75) < 1e-9\n";

const char* kCorrect = "def add(a, b):\n    return a + b\n";
const char* kWrong = "def add(a, b):\n    return a - b\n";

QString outcomeText(Outcome outcome)
{
    const std::string_view name = outcomeName(outcome);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

JudgeTask checkTask(const std::string& candidate)
{
    JudgeTask task;
    task.taskId = "test/add";
    task.style = TestStyle::CheckFunction;
    task.candidateSource = candidate;
    task.testSource = kCheckTests;
    task.entryPoint = "add";
    return task;
}

JudgeLimits quickLimits()
{
    JudgeLimits limits;
    limits.wallSeconds = 5.0;
    limits.cpuSeconds = 3.0;
    return limits;
}

QString describe(const Verdict& verdict)
{
    return QStringLiteral("%1 %2/%3 level=%4 detail='%5' stderr='%6'")
        .arg(outcomeText(verdict.outcome))
        .arg(verdict.testsPassed)
        .arg(verdict.testsTotal)
        .arg(QString::fromStdString(verdict.level), QString::fromStdString(verdict.detail).left(300),
             QString::fromStdString(verdict.stderrText).left(300));
}

}  // namespace

class TestSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_pool = std::make_unique<SandboxPool>(SandboxOptions{2});
        qInfo("tier %s, interpreter %s (%s)", m_pool->info().tier.c_str(), m_pool->info().interpreter.c_str(),
              m_pool->info().detail.c_str());
    }

    void cleanupTestCase() { m_pool.reset(); }

    void reportsTierAndInterpreter()
    {
        QCOMPARE(m_pool->workers(), 2);
        const QString tier = QString::fromStdString(m_pool->info().tier);
        if (geteuid() == 0)
            QCOMPARE(tier, QStringLiteral("root"));
        else
            QVERIFY2(tier == QLatin1String("userns") || tier == QLatin1String("unsafe"), qPrintable(tier));
        QVERIFY2(QRegularExpression(QStringLiteral("^/usr/bin/python3 3\\.\\d+\\.\\d+"))
                     .match(QString::fromStdString(m_pool->info().interpreter))
                     .hasMatch(),
                 m_pool->info().interpreter.c_str());
        QVERIFY(!m_pool->info().detail.empty());
    }

    void checkFunction_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("testsPassed");
        QTest::addColumn<QString>("detailPattern");

        QTest::newRow("correct") << kCorrect << "passed" << 3 << "^$";
        QTest::newRow("wrong") << kWrong << "failed" << 0 << "^line 2: assert candidate\\(2, 3\\) == 5";
        QTest::newRow("partial credit: 2 of 3")
            << "def add(a, b):\n    return int(a) + int(b)\n" << "failed" << 2
            << "^line 4: assert abs\\(candidate\\(0\\.5, 0\\.25\\) - 0\\.75\\) < 1e-9";
        QTest::newRow("raises") << "def add(a, b):\n    raise ValueError('nope')\n" << "error" << 0
                                << "ValueError: nope";
        QTest::newRow("syntax error") << "def add(a, b)\n    return a + b\n" << "syntax_error" << 0 << "line 1";
        QTest::newRow("no entry point") << "def plus(a, b):\n    return a + b\n" << "error" << 0 << "add";
    }

    void checkFunction()
    {
        QFETCH(QString, candidate);
        QFETCH(QString, outcome);
        QFETCH(int, testsPassed);
        QFETCH(QString, detailPattern);

        const Verdict verdict = m_pool->judge(checkTask(candidate.toStdString()), quickLimits());
        QVERIFY2(outcomeText(verdict.outcome) == outcome, qPrintable(describe(verdict)));
        QCOMPARE(verdict.testsPassed, testsPassed);
        QCOMPARE(verdict.testsTotal, 3);
        QVERIFY2(QRegularExpression(detailPattern).match(QString::fromStdString(verdict.detail)).hasMatch(),
                 qPrintable(describe(verdict)));
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("split"));
        QVERIFY(verdict.fallbackReason.empty());
    }

    void topLevelAsserts_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("testsPassed");

        QTest::newRow("correct") << kCorrect << "passed" << 3;
        QTest::newRow("wrong") << kWrong << "failed" << 0;
        QTest::newRow("integers only") << "def add(a, b):\n    return int(a) + int(b)\n" << "failed" << 2;
    }

    // MBPP style: module-level asserts naming the candidate's function, no entry point.
    void topLevelAsserts()
    {
        QFETCH(QString, candidate);
        QFETCH(QString, outcome);
        QFETCH(int, testsPassed);

        JudgeTask task;
        task.taskId = "mbpp/add";
        task.style = TestStyle::TopLevelAsserts;
        task.candidateSource = candidate.toStdString();
        task.testSource = "assert add(2, 3) == 5\nassert add(-1, 1) == 0\nassert add(0.5, 0.25) == 0.75\n";
        const Verdict verdict = m_pool->judge(task, quickLimits());
        QVERIFY2(outcomeText(verdict.outcome) == outcome, qPrintable(describe(verdict)));
        QCOMPARE(verdict.testsPassed, testsPassed);
        QCOMPARE(verdict.testsTotal, 3);
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("split"));
    }

    // Tests that construct a class the candidate defines cannot run split (instances do not
    // cross processes). Only trusted knowledge may allow the weaker in-process runner: without
    // it the verdict is an error, so a candidate cannot choose level A (where it could forge).
    void candidateClassWithoutPermissionIsAnError()
    {
        JudgeTask task;
        task.taskId = "own/counter";
        task.style = TestStyle::TopLevelAsserts;
        task.candidateSource = "class Counter:\n    def inc(self, by=1):\n        return by\n";
        task.testSource = "c = Counter()\nassert c.inc() == 1\n";
        const Verdict verdict = m_pool->judge(task, quickLimits());
        QVERIFY2(outcomeText(verdict.outcome) == QLatin1String("error"), qPrintable(describe(verdict)));
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("split"));
        QVERIFY2(QString::fromStdString(verdict.detail).contains(QLatin1String("Counter")), verdict.detail.c_str());
    }

    // With permission (the reference solution needed it) the sandbox falls back to level A,
    // says why, and still judges.
    void topLevelAssertsWithCandidateClassFallsBack()
    {
        JudgeTask task;
        task.taskId = "own/counter";
        task.style = TestStyle::TopLevelAsserts;
        task.candidateSource =
            "class Counter:\n"
            "    def __init__(self):\n"
            "        self.value = 0\n"
            "    def inc(self, by=1):\n"
            "        self.value += by\n"
            "        return self.value\n";
        task.testSource = "c = Counter()\nassert c.inc() == 1\nassert c.inc(2) == 3\nassert c.value == 3\n";
        task.allowFallback = true;
        const Verdict verdict = m_pool->judge(task, quickLimits());
        QVERIFY2(verdict.passed(), qPrintable(describe(verdict)));
        QCOMPARE(verdict.testsPassed, 3);
        QCOMPARE(verdict.testsTotal, 3);
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("in-process"));
        QVERIFY2(!verdict.fallbackReason.empty(), "a fallback must say why");
        QVERIFY2(QString::fromStdString(verdict.fallbackReason).contains(QLatin1String("Counter")),
                 verdict.fallbackReason.c_str());

        // The same problem with a wrong class still fails after the fallback.
        task.candidateSource = "class Counter:\n    value = 0\n    def inc(self, by=1):\n        return by\n";
        const Verdict wrong = m_pool->judge(task, quickLimits());
        QVERIFY2(outcomeText(wrong.outcome) == QLatin1String("failed"), qPrintable(describe(wrong)));
        QCOMPARE(wrong.testsPassed, 1);
        QCOMPARE(QString::fromStdString(wrong.level), QStringLiteral("in-process"));
    }

    // The candidate process is forked from a spawner that never held a job: digging
    // through its own memory finds neither this job's nor an earlier job's tests or
    // reference solution (which would let it call the reference instead of solving).
    void candidateCannotFindTheTestsOrTheReference()
    {
        JudgeTask task;
        task.taskId = "own/secret";
        task.style = TestStyle::DifferentialInputs;
        task.entryPoint = "add";
        task.referenceSource = "def add(a, b):\n    # SECRET-REFERENCE-MARKER\n    return a + b\n";
        task.testSource = "# SECRET-TESTS-MARKER\n";
        task.inputsJson = "[[1, 2], [3, 4]]";
        task.candidateSource =
            "import gc, sys\n"
            "def scan():\n"
            "    needle = ''.join(('SECRET', '-REFERENCE-', 'MARKER'))\n"  // only ever a local here
            "    hits = [o for o in gc.get_objects() if isinstance(o, dict) and needle in repr(o)[:100000]]\n"
            "    frame, depth = sys._getframe().f_back, 0\n"
            "    while frame is not None:\n"
            "        hits += [k for k, v in frame.f_locals.items() if needle in repr(v)[:100000]]\n"
            "        frame, depth = frame.f_back, depth + 1\n"
            "    print('found', len(hits), 'depth', depth)\n"
            "scan()\n"
            "def add(a, b):\n    return a + b\n";
        for (int round = 0; round < 2; ++round) {  // the second round: an earlier job existed
            const Verdict verdict = m_pool->judge(task, quickLimits());
            QVERIFY2(verdict.passed(), qPrintable(describe(verdict)));
            QVERIFY2(QString::fromStdString(verdict.stdoutText).startsWith("found 0 "), verdict.stdoutText.c_str());
        }
    }

    void differentialInputs_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("testsPassed");

        QTest::newRow("correct") << kCorrect << "passed" << 2;
        QTest::newRow("wrong") << kWrong << "failed" << 0;
        QTest::newRow("right for the first input only") << "def add(a, b):\n    return 3 if a == 1 else 0\n"
                                                         << "failed" << 1;
    }

    // HumanEval+ style: each input is called on the candidate and on the trusted reference.
    void differentialInputs()
    {
        QFETCH(QString, candidate);
        QFETCH(QString, outcome);
        QFETCH(int, testsPassed);

        JudgeTask task;
        task.taskId = "plus/add";
        task.style = TestStyle::DifferentialInputs;
        task.candidateSource = candidate.toStdString();
        task.entryPoint = "add";
        task.referenceSource = "def add(a, b):\n    return a + b\n";
        task.inputsJson = "[[1, 2], [3, 4]]";
        task.atol = 0;
        const Verdict verdict = m_pool->judge(task, quickLimits());
        QVERIFY2(outcomeText(verdict.outcome) == outcome, qPrintable(describe(verdict)));
        QCOMPARE(verdict.testsPassed, testsPassed);
        QCOMPARE(verdict.testsTotal, 2);
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("split"));
        if (outcome == QLatin1String("failed"))
            QVERIFY2(QString::fromStdString(verdict.detail).contains(QLatin1String("input #")), verdict.detail.c_str());
    }

    void script_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("testsPassed");

        QTest::newRow("correct") << kCorrect << "passed" << 2;
        QTest::newRow("wrong") << kWrong << "failed" << 0;
    }

    // A whole program with its asserts: level A only, and the verdict says so.
    void script()
    {
        QFETCH(QString, candidate);
        QFETCH(QString, outcome);
        QFETCH(int, testsPassed);

        JudgeTask task;
        task.taskId = "script/add";
        task.style = TestStyle::Script;
        task.candidateSource = candidate.toStdString() + "print('script ran')\n";
        task.testSource = "assert add(2, 3) == 5\nassert add(-1, 1) == 0\n";
        const Verdict verdict = m_pool->judge(task, quickLimits());
        QVERIFY2(outcomeText(verdict.outcome) == outcome, qPrintable(describe(verdict)));
        QCOMPARE(verdict.testsPassed, testsPassed);
        QCOMPARE(verdict.testsTotal, 2);
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("in-process"));
        QVERIFY(!verdict.fallbackReason.empty());
        QCOMPARE(QString::fromStdString(verdict.stdoutText), QStringLiteral("script ran\n"));
    }

    // Tier, interpreter, level and limits are recorded, and the limits are the ones in force.
    void verdictRecordsConditions()
    {
        JudgeLimits limits;
        limits.wallSeconds = 4.5;
        limits.cpuSeconds = 2.5;
        limits.memoryMiB = 768;
        limits.maxProcesses = 32;
        limits.fileSizeMiB = 8;
        limits.outputKeepBytes = 4000;
        limits.outputKillBytes = 200000;
        const Verdict verdict = m_pool->judge(checkTask(R"PY(import resource
for name in ("RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_FSIZE", "RLIMIT_CPU"):
    print(name, resource.getrlimit(getattr(resource, name))[0])
def add(a, b):
    return a + b
)PY"),
                                              limits);
        QVERIFY2(verdict.passed(), qPrintable(describe(verdict)));
        QCOMPARE(verdict.tier, m_pool->info().tier);
        QCOMPARE(verdict.interpreter, m_pool->info().interpreter);
        QCOMPARE(QString::fromStdString(verdict.level), QStringLiteral("split"));
        QCOMPARE(verdict.limits.wallSeconds, 4.5);
        QCOMPARE(verdict.limits.cpuSeconds, 2.5);
        QCOMPARE(verdict.limits.memoryMiB, 768);
        QCOMPARE(verdict.limits.maxProcesses, 32);
        QCOMPARE(verdict.limits.fileSizeMiB, 8);
        QCOMPARE(verdict.limits.outputKeepBytes, 4000);
        QCOMPARE(verdict.limits.outputKillBytes, 200000);
        QVERIFY(verdict.wallMs > 0);
        const QString out = QString::fromStdString(verdict.stdoutText);
        QVERIFY2(out.contains(QStringLiteral("RLIMIT_AS %1\n").arg(768LL << 20)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("RLIMIT_NPROC 32\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("RLIMIT_FSIZE %1\n").arg(8LL << 20)), qPrintable(out));
        QVERIFY2(QRegularExpression(QStringLiteral("RLIMIT_CPU [23]\\n")).match(out).hasMatch(), qPrintable(out));

        // Output beyond the keep size is cut; beyond the kill size ends the run.
        const Verdict chatty = m_pool->judge(checkTask("print('x' * 10000)\n" + std::string(kCorrect)), limits);
        QVERIFY2(chatty.passed(), qPrintable(describe(chatty)));
        QVERIFY2(chatty.stdoutText.size() <= 4000, qPrintable(QString::number(chatty.stdoutText.size())));
        const Verdict flood = m_pool->judge(checkTask("print('x' * 300000)\n" + std::string(kCorrect)), limits);
        QVERIFY2(flood.outcome == Outcome::OutputLimit, qPrintable(describe(flood)));
    }

    // Several threads judging at once on a 2-worker pool: every caller gets its own verdict.
    void concurrentCallers()
    {
        constexpr int kThreads = 6;
        constexpr int kJobsEach = 3;
        struct Result {
            int thread, job;
            Verdict verdict;
        };
        std::vector<std::vector<Result>> results(kThreads);
        std::vector<std::thread> threads;
        QElapsedTimer timer;
        timer.start();
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int j = 0; j < kJobsEach; ++j) {
                    const bool right = (t + j) % 2 == 0;
                    const std::string source = "print('token-" + std::to_string(t) + "-" + std::to_string(j) +
                                               "')\n" + (right ? kCorrect : kWrong);
                    results[size_t(t)].push_back({t, j, m_pool->judge(checkTask(source), quickLimits())});
                }
            });
        for (auto& thread : threads)
            thread.join();
        qInfo("%d judges on %d threads took %lld ms", kThreads * kJobsEach, kThreads, qint64(timer.elapsed()));
        for (const auto& perThread : results) {
            QCOMPARE(int(perThread.size()), kJobsEach);
            for (const Result& r : perThread) {
                const bool right = (r.thread + r.job) % 2 == 0;
                QVERIFY2(outcomeText(r.verdict.outcome) == (right ? QLatin1String("passed") : QLatin1String("failed")),
                         qPrintable(describe(r.verdict)));
                QCOMPARE(QString::fromStdString(r.verdict.stdoutText),
                         QStringLiteral("token-%1-%2\n").arg(r.thread).arg(r.job));
            }
        }
    }

    // A helper killed while it judges: that call is a sandbox_error, nothing it ran survives,
    // and the pool replaces it so the next call works.
    void killedHelperIsReplaced()
    {
        const std::set<pid_t> before = hostile::sandboxHelperChildren();
        SandboxPool pool(SandboxOptions{1});
        std::set<pid_t> mine;
        for (pid_t pid : hostile::sandboxHelperChildren())
            if (!before.count(pid))
                mine.insert(pid);
        QCOMPARE(int(mine.size()), 1);
        const pid_t helper = *mine.begin();
        const QStringList marker{QStringLiteral("31.4159101")};
        QVERIFY(hostile::processesWithMarkers(marker).empty());

        JudgeLimits limits;
        limits.wallSeconds = 30;
        limits.cpuSeconds = 10;
        Verdict interrupted;
        std::atomic<bool> done{false};
        std::thread caller([&] {
            interrupted = pool.judge(checkTask(R"PY(import os, time
def add(a, b):
    if os.fork() == 0:
        try:
            os.execv("/bin/sleep", ["sleep", "31.4159101"])
        finally:
            os._exit(0)
    time.sleep(60)
    return a + b
)PY"),
                                     limits);
            done = true;
        });
        const bool running = hostile::waitFor([&] { return !hostile::processesWithMarkers(marker).empty(); }, 10000);
        if (running) {
            QVERIFY(!hostile::descendantsOf(helper).empty());
            QCOMPARE(kill(helper, SIGKILL), 0);
        }
        QElapsedTimer timer;
        timer.start();
        caller.join();
        QVERIFY2(running, "the job never started");
        QVERIFY(done);
        QVERIFY2(timer.elapsed() < 10000, "judge() waited for the dead helper");
        QVERIFY2(interrupted.outcome == Outcome::SandboxError, qPrintable(describe(interrupted)));
        QVERIFY(!interrupted.detail.empty());

        // PDEATHSIG and the pid namespaces take the whole tree down with the helper.
        QVERIFY2(hostile::waitFor([&] { return hostile::processesWithMarkers(marker).empty(); }, 2000),
                 qPrintable(hostile::describe(hostile::processesWithMarkers(marker))));
        std::set<pid_t> now;
        for (pid_t pid : hostile::sandboxHelperChildren())
            if (!before.count(pid))
                now.insert(pid);
        QCOMPARE(int(now.size()), 1);
        QVERIFY(!now.count(helper));

        const Verdict next = pool.judge(checkTask(kCorrect), quickLimits());
        QVERIFY2(next.passed(), qPrintable(describe(next)));
        // The other pool was not disturbed.
        QVERIFY(m_pool->judge(checkTask(kCorrect), quickLimits()).passed());
    }

private:
    std::unique_ptr<SandboxPool> m_pool;
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "test_sandbox.moc"
