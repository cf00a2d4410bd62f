// The workspace as an evaluation uses it: runs found again by their key, verdicts
// that survive a kill of the writing process, re-checks that replace a verdict,
// several connections at once, and the reference-timing cache.
#include "store/workspace.h"
#include "store_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

using namespace rrtf;
using namespace std::string_literals;
using rrtf::test::pathIn;
using rrtf::test::runSpec;
using rrtf::test::storedVerdict;

namespace {

QString qpath(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

// Runs its function when the scope ends, however it ends (a failed QVERIFY returns).
template <typename F>
struct AtExit {
    F run;
    ~AtExit() { run(); }
};

void compareVerdicts(const StoredVerdict& got, const StoredVerdict& want)
{
    QCOMPARE(got.sampleIndex, want.sampleIndex);
    QCOMPARE(got.taskId, want.taskId);
    QCOMPARE(got.completionId, want.completionId);
    QCOMPARE(got.completion, want.completion);
    const Verdict& g = got.verdict;
    const Verdict& w = want.verdict;
    QCOMPARE(outcomeName(g.outcome), outcomeName(w.outcome));
    QCOMPARE(g.testsPassed, w.testsPassed);
    QCOMPARE(g.testsTotal, w.testsTotal);
    QCOMPARE(g.detail, w.detail);
    QCOMPARE(g.stdoutText, w.stdoutText);
    QCOMPARE(g.stderrText, w.stderrText);
    QCOMPARE(g.wallMs, w.wallMs);
    QCOMPARE(g.cpuMs, w.cpuMs);
    QCOMPARE(g.level, w.level);
    QCOMPARE(g.fallbackReason, w.fallbackReason);
    QCOMPARE(g.tier, w.tier);
    QCOMPARE(g.interpreter, w.interpreter);
    QCOMPARE(g.limits.wallSeconds, w.limits.wallSeconds);
    QCOMPARE(g.limits.cpuSeconds, w.limits.cpuSeconds);
    QCOMPARE(g.limits.memoryMiB, w.limits.memoryMiB);
    QCOMPARE(g.limits.maxProcesses, w.limits.maxProcesses);
    QCOMPARE(g.limits.fileSizeMiB, w.limits.fileSizeMiB);
    QCOMPARE(g.limits.outputKeepBytes, w.limits.outputKeepBytes);
    QCOMPARE(g.limits.outputKillBytes, w.limits.outputKillBytes);
    QCOMPARE(g.rechecked, w.rechecked);
}

}  // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reopeningKeepsRunsAndVerdicts()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "workspace.sqlite");
        EvalRun created;
        {
            Workspace workspace(file);
            created = workspace.findOrCreateRun(runSpec());
            QVERIFY(created.id > 0);
            QVERIFY(!created.finished());
            QVERIFY(created.createdMs > 0);
            workspace.recordVerdict(created.id, storedVerdict(0));
            workspace.recordVerdict(created.id, storedVerdict(1, Outcome::Failed));
            workspace.markRunFinished(created.id);
        }
        Workspace workspace(file);
        QCOMPARE(workspace.database().userVersion(), Workspace::schemaVersion());
        const EvalRun again = workspace.findOrCreateRun(runSpec());  // same key: same run
        QCOMPARE(again.id, created.id);
        QCOMPARE(again.createdMs, created.createdMs);
        QVERIFY(again.finished());
        QVERIFY(*again.finishedMs >= again.createdMs);
        QCOMPARE(again.problemSetPath, runSpec().problemSetPath);
        QCOMPARE(again.samplesSha256, runSpec().samplesSha256);
        QCOMPARE(again.settings, runSpec().settings);
        QCOMPARE(again.engineVersion, runSpec().engineVersion);
        const auto verdicts = workspace.verdicts(created.id);
        QCOMPARE(verdicts.size(), 2u);
        compareVerdicts(verdicts[0], storedVerdict(0));
        compareVerdicts(verdicts[1], storedVerdict(1, Outcome::Failed));
        QCOMPARE(workspace.runs().size(), 1u);
    }

    void aNewWorkspaceGetsTheCurrentSchemaAndItsFolders()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "deep/er/workspace.sqlite");
        Workspace workspace(file);
        QVERIFY(std::filesystem::exists(file));
        QCOMPARE(workspace.path(), file);
        QCOMPARE(workspace.database().userVersion(), Workspace::schemaVersion());
        QVERIFY(workspace.runs().empty());
    }

    void verdictFieldsRoundTrip_data()
    {
        QTest::addColumn<QString>("outcome");
        for (const char* name : {"passed", "failed", "error", "syntax_error", "timeout", "out_of_memory", "crashed",
                                 "output_limit", "tampered", "sandbox_error"})
            QTest::newRow(name) << QString(name);
    }

    void verdictFieldsRoundTrip()
    {
        QFETCH(QString, outcome);
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        StoredVerdict stored = storedVerdict(4, *parseOutcome(outcome.toStdString()));
        // Program output is untrusted bytes: NUL, invalid UTF-8, long text.
        // Built with append: GCC 12 warns falsely (-Wstringop-overflow) about + on two temporaries.
        stored.verdict.stdoutText = "out\0put \xff\xfe"s;
        stored.verdict.stdoutText.append(70000, 'y');
        stored.verdict.stderrText = "Traceback (most recent call last):\n  \xe2\x98\x83\n";
        stored.completion = "    s = 'h\xc3\xa9llo'\n";
        stored.verdict.fallbackReason = "return value is not JSON";
        stored.verdict.limits.wallSeconds = 2.5;
        stored.verdict.limits.memoryMiB = 512;
        stored.verdict.limits.outputKillBytes = 12345;
        stored.verdict.rechecked = true;
        workspace.recordVerdict(run.id, stored);
        const auto verdicts = workspace.verdicts(run.id);
        QCOMPARE(verdicts.size(), 1u);
        compareVerdicts(verdicts[0], stored);
    }

    void recordingASampleAgainReplacesIt()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        StoredVerdict first = storedVerdict(3, Outcome::Timeout);
        first.verdict.detail = "wall clock limit";
        workspace.recordVerdict(run.id, first);
        StoredVerdict recheck = storedVerdict(3, Outcome::Passed);
        recheck.verdict.rechecked = true;
        workspace.recordVerdict(run.id, recheck);
        const auto verdicts = workspace.verdicts(run.id);
        QCOMPARE(verdicts.size(), 1u);
        compareVerdicts(verdicts[0], recheck);
        QCOMPARE(workspace.recordedSampleIndexes(run.id), std::set<int>{3});
    }

    void aBatchIsRecordedInOneGo()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        workspace.recordVerdict(run.id, storedVerdict(2, Outcome::Timeout));
        std::vector<StoredVerdict> batch;
        for (int index = 0; index < 50; ++index)
            batch.push_back(storedVerdict(index, index % 3 ? Outcome::Passed : Outcome::Failed));
        workspace.recordVerdicts(run.id, batch);
        const auto verdicts = workspace.verdicts(run.id);
        QCOMPARE(verdicts.size(), 50u);
        for (int index = 0; index < 50; ++index)
            compareVerdicts(verdicts[index], batch[index]);  // sample 2's timeout was replaced

        // All or nothing: one bad sample leaves the others unrecorded.
        std::vector<StoredVerdict> bad{storedVerdict(60), storedVerdict(-1)};
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.recordVerdicts(run.id, bad));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.recordVerdicts(run.id + 1, batch));
        QCOMPARE(workspace.recordedSampleIndexes(run.id).size(), 50u);
    }

    void verdictsComeInSampleOrderPerRun()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        const EvalRun first = workspace.findOrCreateRun(runSpec("first"));
        const EvalRun second = workspace.findOrCreateRun(runSpec("second"));
        QVERIFY(first.id != second.id);
        for (int index : {5, 1, 3})
            workspace.recordVerdict(first.id, storedVerdict(index));
        workspace.recordVerdict(second.id, storedVerdict(0));
        QCOMPARE(workspace.recordedSampleIndexes(first.id), (std::set<int>{1, 3, 5}));
        QCOMPARE(workspace.recordedSampleIndexes(second.id), std::set<int>{0});
        std::vector<int> order;
        for (const StoredVerdict& stored : workspace.verdicts(first.id))
            order.push_back(stored.sampleIndex);
        QCOMPARE(order, (std::vector<int>{1, 3, 5}));
        QVERIFY(workspace.findRun("second").has_value());
        QVERIFY(!workspace.findRun("third").has_value());
        QCOMPARE(workspace.run(first.id)->key, std::string("first"));
        QCOMPARE(workspace.runs().size(), 2u);
        QCOMPARE(workspace.runs().front().id, second.id);  // newest first
    }

    void unknownRunsAndBadInputAreRefused()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        Workspace workspace(file);
        try {
            workspace.recordVerdict(999, storedVerdict(0));
            QFAIL("expected an InvalidArgument");
        } catch (const InvalidArgument& error) {
            QVERIFY2(QString(error.what()).contains(qpath(file)) && QString(error.what()).contains("999"),
                     error.what());
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.markRunFinished(999));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.findOrCreateRun(runSpec("")));
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.recordVerdict(run.id, storedVerdict(-1)));
        QVERIFY(workspace.verdicts(run.id).empty());
    }

    // The resume guarantee: a process that is killed (no close, no checkpoint)
    // loses none of the verdicts whose recordVerdict call had returned.
    void verdictsSurviveAKilledWriter()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        int ready[2];
        QCOMPARE(pipe(ready), 0);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            close(ready[0]);
            try {
                // Never closed or destroyed: the process dies holding it open.
                auto* workspace = new Workspace(file);
                const EvalRun run = workspace->findOrCreateRun(runSpec());
                for (int index = 0; index < 5; ++index)
                    workspace->recordVerdict(run.id, storedVerdict(index));
                const char byte = 1;
                if (write(ready[1], &byte, 1) != 1)
                    _exit(2);
            } catch (...) {
                _exit(1);
            }
            pause();  // killed here, in the middle of an evaluation
            _exit(3);
        }
        close(ready[1]);
        char byte = 0;
        const ssize_t got = read(ready[0], &byte, 1);
        close(ready[0]);
        kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QCOMPARE(got, ssize_t(1));
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        // The verdicts are in the write-ahead log, not yet in the main file.
        QVERIFY(std::filesystem::file_size(file.string() + "-wal") > 0);

        Workspace workspace(file);
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        QVERIFY(!run.finished());
        QCOMPARE(workspace.recordedSampleIndexes(run.id), (std::set<int>{0, 1, 2, 3, 4}));
        // Resuming judges only what is missing.
        for (int index = 0; index < 8; ++index)
            if (!workspace.recordedSampleIndexes(run.id).count(index))
                workspace.recordVerdict(run.id, storedVerdict(index, Outcome::Failed));
        workspace.markRunFinished(run.id);
        const auto verdicts = workspace.verdicts(run.id);
        QCOMPARE(verdicts.size(), 8u);
        compareVerdicts(verdicts[4], storedVerdict(4));
        QCOMPARE(outcomeName(verdicts[7].verdict.outcome), std::string_view("failed"));
    }

    // A reader goes on while another connection holds the write lock; a writer
    // waits for it (busy timeout) instead of failing.
    void aWriterWaitsForAnotherConnectionsLock()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        Workspace workspace(file);
        const EvalRun run = workspace.findOrCreateRun(runSpec());
        workspace.recordVerdict(run.id, storedVerdict(0));

        std::promise<void> locked;
        std::promise<void> release;
        std::atomic<bool> holderFailed = false;
        std::thread holder([&] {
            try {
                Database other(file);
                Transaction transaction(other);
                other.exec("UPDATE eval_runs SET engine_version = 'held'");
                locked.set_value();
                release.get_future().wait();
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                transaction.commit();
            } catch (...) {
                holderFailed = true;
                locked.set_value();
            }
        });
        // Let the holder go and end even when a check below fails and returns early.
        bool released = false;
        auto releaseHolder = [&] {
            if (!std::exchange(released, true))
                release.set_value();
        };
        const AtExit joinHolder{[&] {
            releaseHolder();
            if (holder.joinable())
                holder.join();
        }};
        locked.get_future().wait();
        QVERIFY(!holderFailed);

        // Readers are not blocked, and see only committed data.
        QCOMPARE(workspace.verdicts(run.id).size(), 1u);
        QCOMPARE(workspace.run(run.id)->engineVersion, runSpec().engineVersion);

        // Without a busy timeout a second writer fails at once, naming the file.
        DatabaseOptions impatient;
        impatient.busyTimeoutMs = 0;
        Workspace hasty(file, impatient);
        try {
            hasty.recordVerdict(run.id, storedVerdict(1));
            QFAIL("expected a DatabaseError");
        } catch (const DatabaseError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(qpath(file)) && message.contains("locked") && message.contains("sample 1"),
                     qPrintable(message));
        }

        // With it, the write waits for the holder's commit and then succeeds.
        releaseHolder();
        workspace.recordVerdict(run.id, storedVerdict(1));
        holder.join();
        QVERIFY(!holderFailed);
        QCOMPARE(workspace.recordedSampleIndexes(run.id), (std::set<int>{0, 1}));
        QCOMPARE(workspace.run(run.id)->engineVersion, std::string("held"));
    }

    void manyWritersAtOnceLoseNothing()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        Workspace shared(file);
        const EvalRun run = shared.findOrCreateRun(runSpec());
        std::atomic<int> running = 4;
        std::atomic<bool> failed = false;
        std::vector<std::thread> writers;
        // Two threads on the shared Workspace, two with a connection each, one reader.
        for (int writer = 0; writer < 4; ++writer)
            writers.emplace_back([&, writer] {
                try {
                    std::optional<Workspace> own;
                    if (writer >= 2)
                        own.emplace(file);
                    Workspace& workspace = own ? *own : shared;
                    for (int i = 0; i < 25; ++i)
                        workspace.recordVerdict(run.id, storedVerdict(writer * 100 + i));
                } catch (...) {
                    failed = true;
                }
                --running;
            });
        Workspace reader(file);
        std::size_t seen = 0;
        bool neverShrank = true;
        while (running > 0) {
            const std::size_t now = reader.recordedSampleIndexes(run.id).size();
            neverShrank = neverShrank && now >= seen;  // nothing committed ever disappears
            seen = now;
            std::this_thread::yield();
        }
        for (std::thread& writer : writers)
            writer.join();
        QVERIFY(!failed);
        QVERIFY(neverShrank);
        QCOMPARE(reader.recordedSampleIndexes(run.id).size(), 100u);
        QCOMPARE(shared.verdicts(run.id).size(), 100u);
    }

    void referenceTimingsAreCachedPerProblemSet()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        {
            Workspace workspace(file);
            workspace.recordReferenceTiming("sha-a", "HumanEval/0", 40.0, 30.0, Outcome::Passed);
            workspace.recordReferenceTiming("sha-a", "HumanEval/1", 900.0, 850.0, Outcome::Timeout);
            workspace.recordReferenceTiming("sha-b", "HumanEval/0", 1.0, 1.0, Outcome::Passed);
            workspace.recordReferenceTiming("sha-a", "HumanEval/1", 120.0, 110.0, Outcome::Passed);  // replaces
        }
        Workspace workspace(file);
        const auto timings = workspace.referenceTimings("sha-a");
        QCOMPARE(timings.size(), 2u);
        QCOMPARE(timings.at("HumanEval/0").wallMs, 40.0);
        QCOMPARE(timings.at("HumanEval/1").wallMs, 120.0);
        QCOMPARE(timings.at("HumanEval/1").cpuMs, 110.0);
        QVERIFY(timings.at("HumanEval/1").outcome == Outcome::Passed);
        QCOMPARE(workspace.referenceTimings("sha-b").size(), 1u);
        QVERIFY(workspace.referenceTimings("sha-c").empty());
    }

    void generationSpeedAddsUpPerRun()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        std::int64_t runId = 0;
        {
            Workspace workspace(file);
            runId = workspace.findOrCreateRun(runSpec()).id;
            QVERIFY(!workspace.generationStats(runId).has_value());  // nothing generated yet
            workspace.addGenerationStats(runId, {2, 100, 500.0, 4096, "cpu", "float32"});
            workspace.addGenerationStats(runId, {1, 60, 300.0, 8192, "cuda:0", "bfloat16"});
            QVERIFY_THROWS_EXCEPTION(InvalidArgument, workspace.addGenerationStats(runId + 1, {1, 1, 1.0, 1, "cpu", "f"}));
        }
        Workspace workspace(file);
        const std::optional<GenerationStats> stats = workspace.generationStats(runId);
        QVERIFY(stats.has_value());
        QCOMPARE(stats->answers, std::int64_t(3));
        QCOMPARE(stats->newTokens, std::int64_t(160));
        QCOMPARE(stats->generateMs, 800.0);
        QCOMPARE(stats->tokensPerSecond(), 200.0);
        QCOMPARE(stats->weightBytes, std::int64_t(8192));  // the latest load's figures
        QCOMPARE(stats->device, std::string("cuda:0"));
        QCOMPARE(stats->dtype, std::string("bfloat16"));
    }

    void defaultPathFollowsTheEnvironment_data()
    {
        QTest::addColumn<QByteArray>("workspace");
        QTest::addColumn<QByteArray>("xdg");
        QTest::addColumn<QString>("expected");
        QTest::newRow("RRTF_WORKSPACE wins") << QByteArray("/srv/ws.sqlite") << QByteArray("/xdg") << "/srv/ws.sqlite";
        QTest::newRow("XDG_DATA_HOME") << QByteArray() << QByteArray("/xdg")
                                       << "/xdg/rrtf-workbench/workspace.sqlite";
        QTest::newRow("home") << QByteArray() << QByteArray()
                              << "/home/tester/.local/share/rrtf-workbench/workspace.sqlite";
        QTest::newRow("relative XDG is ignored") << QByteArray() << QByteArray("rel/xdg")
                                                 << "/home/tester/.local/share/rrtf-workbench/workspace.sqlite";
    }

    void defaultPathFollowsTheEnvironment()
    {
        QFETCH(QByteArray, workspace);
        QFETCH(QByteArray, xdg);
        QFETCH(QString, expected);
        const QByteArray savedWorkspace = qgetenv("RRTF_WORKSPACE");
        const QByteArray savedXdg = qgetenv("XDG_DATA_HOME");
        const QByteArray savedHome = qgetenv("HOME");
        auto set = [](const char* name, const QByteArray& value) {
            if (value.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, value);
        };
        set("RRTF_WORKSPACE", workspace);
        set("XDG_DATA_HOME", xdg);
        set("HOME", "/home/tester");
        const std::filesystem::path path = defaultWorkspacePath();
        set("RRTF_WORKSPACE", savedWorkspace);
        set("XDG_DATA_HOME", savedXdg);
        set("HOME", savedHome);
        QCOMPARE(qpath(path), expected);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
