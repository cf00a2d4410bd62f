// Faults of the machine, not of the data: rrtf eval and rrtf train on a full disk
// (a tmpfs of a few MB in a mount namespace of the test's own), eval on a
// read-only workspace and on one another program holds locked, and a sandbox
// helper killed with SIGKILL in the middle of a run. Each ends with one line
// naming what failed and a non-zero exit (never std::terminate), or, for the
// helper, with the program judged again on a fresh one; and the same command
// run again finishes with every verdict stored before kept as it was.
//
// Nothing here depends on speed: the tests wait for states (verdicts stored, a
// helper started) by polling with generous limits, and the disk fills by size.
#include "support/cli_run.h"
#include "support/test_files.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "store/workspace.h"

using nlohmann::json;

using namespace rrtf::test;

namespace {

json parse(const QByteArray& text) { return json::parse(text.toStdString()); }

// `count` answers to ownProblems; every fifth is wrong. Each sleeps `sleep` seconds
// (so that a run lasts long enough to be interrupted) and carries `padding` bytes of
// comment (so that its stored verdict takes room on a small disk).
QString ownSamples(const QTemporaryDir& dir, const char* name, int count, double sleep = 0, int padding = 0)
{
    std::vector<json> lines;
    for (int i = 0; i < count; ++i) {
        const int task = i % 4;
        std::string body;
        if (padding > 0)
            body += "# " + std::string(std::size_t(padding), 'x') + "\n";
        if (sleep > 0)
            body += "import time\ntime.sleep(" + std::to_string(sleep) + ")\n";
        body += "def f(x):\n    return x + " + std::to_string(i % 5 == 0 ? task + 1 : task) + "\n";
        lines.push_back({{"task_id", "own/" + std::to_string(task)}, {"completion", body}});
    }
    return writeJsonLines(dir, name, lines);
}

// The verdicts of a workspace: sample index -> (outcome, when it was recorded).
std::map<int, std::pair<std::string, std::int64_t>> storedVerdicts(const QString& file)
{
    std::map<int, std::pair<std::string, std::int64_t>> verdicts;
    if (!QFile::exists(file))
        return verdicts;
    rrtf::Workspace workspace(file.toStdString());
    rrtf::Statement select =
        workspace.database().prepare("SELECT sample_index, outcome, recorded_ms FROM eval_verdicts");
    while (select.step())
        verdicts[select.columnInt(0)] = {select.columnText(1), select.columnInt64(2)};
    return verdicts;
}

int storedCount(const QString& file)
{
    if (!QFile::exists(file))
        return 0;
    try {
        return int(storedVerdicts(file).size());
    } catch (const std::exception&) {
        return 0;  // being created at this moment: ask again
    }
}

// Every verdict of `before` is in `after`, recorded at the same moment: kept, not judged again.
void requireKept(const std::map<int, std::pair<std::string, std::int64_t>>& before,
                 const std::map<int, std::pair<std::string, std::int64_t>>& after)
{
    for (const auto& [index, verdict] : before) {
        const auto found = after.find(index);
        QVERIFY2(found != after.end(), qPrintable(QString("sample %1 was lost").arg(index)));
        QVERIFY2(found->second == verdict, qPrintable(QString("sample %1 was judged again").arg(index)));
    }
}

QString readText(const QString& path) { return QString::fromStdString(readAll(path)).trimmed(); }

// Runs `script` with sh in a mount namespace of its own, where it may mount a tmpfs
// that nobody else sees (and that goes when the script ends).
CliRun runIsolated(const QString& script, int timeoutMs = 600000)
{
    QProcess process;
    process.start("unshare", {"--mount", "sh", "-c", script});
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), process.readAllStandardError() + "\n(test) timed out"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString quoted(const QString& text) { return "'" + text + "'"; }

QString cli() { return quoted(RRTF_CLI_PATH); }

// The shell words of an argument list.
QString words(const QStringList& arguments)
{
    QStringList quotedArguments;
    for (const QString& argument : arguments)
        quotedArguments << quoted(argument);
    return quotedArguments.join(' ');
}

// Processes whose parent is `parent` and whose command line contains `text`.
std::set<qint64> childProcesses(qint64 parent, const QByteArray& text)
{
    std::set<qint64> found;
    for (const QString& entry : QDir("/proc").entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile status("/proc/" + entry + "/status");
        QFile command("/proc/" + entry + "/cmdline");
        if (!status.open(QIODevice::ReadOnly) || !command.open(QIODevice::ReadOnly))
            continue;
        qint64 ppid = -1;
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("PPid:"))
                ppid = line.mid(5).trimmed().toLongLong();
        if (ppid == parent && command.readAll().contains(text))
            found.insert(pid);
    }
    return found;
}

// The one line a user reads when a command fails.
QByteArray lastLine(const QByteArray& text) { return text.trimmed().split('\n').last(); }

}  // namespace

class TestCliFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A tmpfs needs the right to mount (root, or a user namespace that maps it).
        QTemporaryDir dir;
        CliRun probe = runIsolated("mount -t tmpfs -o size=1m tmpfs " + quoted(dir.path()), 60000);
        if (probe.exitCode != 0)
            QSKIP(qPrintable("cannot mount a tmpfs in a mount namespace here: " + probe.errText()));
    }

    // The disk fills while verdicts are stored: one line naming the workspace, exit 1
    // (before: "terminate called without an active exception", SIGABRT, from a worker
    // thread). Freed, the same command judges only what was not stored.
    void fullDiskEvalStopsAndResumes()
    {
        QTemporaryDir dir;
        const QString mount = dir.filePath("mnt");
        QVERIFY(QDir().mkpath(mount) && QDir().mkpath(dir.filePath("first")));
        const int count = 120;
        const QString samples = ownSamples(dir, "samples.jsonl", count, 0, 1500);
        const QString workspace = mount + "/ws.sqlite";
        const QString eval = cli() + " " +
                             words({"eval", "--problems", ownProblems(dir), "--samples", samples, "--workspace",
                                    workspace, "--workers", "2", "--json", "--quiet"});
        const QString d = quoted(dir.path());
        // 4 MiB, filled up to the last 160 KiB: room for the schema and some verdicts, not for 120.
        const QString script =
            "mount -t tmpfs -o size=4m tmpfs " + quoted(mount) + " || exit 90\n"
            "dd if=/dev/zero of=" + quoted(mount + "/filler") + " bs=4k 2>/dev/null\n"
            "truncate -s -160K " + quoted(mount + "/filler") + " || exit 91\n" +
            eval + " > " + d + "/first.out 2> " + d + "/first.err; echo $? > " + d + "/first.rc\n"
            "cp " + quoted(mount) + "/ws.sqlite* " + d + "/first/\n"
            "rm " + quoted(mount + "/filler") + "\n" +
            eval + " > " + d + "/second.out 2> " + d + "/second.err; echo $? > " + d + "/second.rc\n"
            "cp " + quoted(mount) + "/ws.sqlite* " + d + "/\n";
        CliRun run = runIsolated(script);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        const QByteArray firstErr = QByteArray::fromStdString(readAll(dir.filePath("first.err")));
        QVERIFY2(readText(dir.filePath("first.rc")) == "1", firstErr.constData());
        QCOMPARE(firstErr.count('\n'), 1);  // one line, no abort message
        const QByteArray line = lastLine(firstErr);
        QVERIFY2(line.startsWith("rrtf: error: ") && line.contains(workspace.toUtf8()) && line.contains("full") &&
                     line.contains("run the same command again"),
                 line.constData());

        const auto before = storedVerdicts(dir.filePath("first/ws.sqlite"));
        QVERIFY2(!before.empty() && int(before.size()) < count, qPrintable(QString::number(before.size())));

        QVERIFY2(readText(dir.filePath("second.rc")) == "0", readAll(dir.filePath("second.err")).c_str());
        const json summary = json::parse(readAll(dir.filePath("second.out")));
        QCOMPARE(summary["resumed"].get<int>(), int(before.size()));
        QCOMPARE(summary["n_samples"].get<int>(), count);
        QVERIFY(summary["complete"].get<bool>());
        QCOMPARE(summary["outcomes"], json({{"passed", 96}, {"failed", 24}}));
        const auto after = storedVerdicts(dir.filePath("ws.sqlite"));
        QCOMPARE(int(after.size()), count);
        requireKept(before, after);
    }

    // The disk fills while a checkpoint is written: LibTorch's archive writer threw
    // from its destructor (std::terminate); now one line names the file and the last
    // complete checkpoint stays, and the same command resumes from it.
    void fullDiskTrainStopsAndResumes()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath("student");
        CliRun made = runCli({"make-demo-model", model, "--layers", "1", "--hidden", "32", "--heads", "4",
                              "--positions", "1024", "--seed", "1", "--tokenizer",
                              RRTF_TEST_DATA "/tokenizer/starcoder-tokenizer.json"});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const std::string answer = "```python\ndef add(a, b):\n    return a + b\n```\n";
        std::vector<json> records;
        for (int i = 0; i < 3; ++i)
            records.push_back({{"task_id", "add/" + std::to_string(i)},
                               {"instruction", "Write add(a, b)."},
                               {"tests", "assert add(1, 2) == 3\n"},
                               {"answers", {{{"text", answer}, {"source", "teacher"}}}}});
        const QString rankings = dir.filePath("rankings.jsonl");
        CliRun ranked = runCli({"rank", writeJsonLines(dir, "data.jsonl", records), "--out", rankings, "--quiet"});
        QVERIFY2(ranked.exitCode == 0, ranked.err.constData());
        const json config = {{"model", model.toStdString()}, {"rankings", rankings.toStdString()},
                             {"objective", "sft"},           {"global_batch", 1},
                             {"micro_batch", 1},             {"max_steps", 6},
                             {"max_length", 64},             {"checkpoint_every", 2}};
        writeJsonLines(dir, "config.json", {config});

        // A checkpoint is the weights (W) and Adam's two moments (2W): the disk holds
        // the first one and the next one's weights, not its optimiser state.
        const qint64 weights = QFileInfo(model + "/model.safetensors").size();
        const qint64 sizeKiB = (weights * 9 / 2) / 1024 + 1024;
        const QString mount = dir.filePath("mnt");
        const QString run = mount + "/run";
        QVERIFY(QDir().mkpath(mount));
        const QString d = quoted(dir.path());
        const QString train = cli() + " " + words({"train", run, "--threads", "1"});
        const QString script =
            "mount -t tmpfs -o size=" + QString::number(sizeKiB) + "k tmpfs " + quoted(mount) + " || exit 90\n"
            "mkdir " + quoted(run) + " && cp " + d + "/config.json " + quoted(run) + "/ || exit 91\n" +
            train + " > " + d + "/first.out 2> " + d + "/first.err; echo $? > " + d + "/first.rc\n"
            "ls " + quoted(run + "/checkpoints") + " > " + d + "/first.ls\n"
            "mount -o remount,size=" + QString::number(sizeKiB * 4) + "k " + quoted(mount) + " || exit 92\n" +
            train + " > " + d + "/second.out 2> " + d + "/second.err; echo $? > " + d + "/second.rc\n"
            "cp " + quoted(run + "/metrics.jsonl") + " " + d + "/\n";
        CliRun result = runIsolated(script);
        QVERIFY2(result.exitCode == 0, result.err.constData());

        const QByteArray firstErr = QByteArray::fromStdString(readAll(dir.filePath("first.err")));
        QVERIFY2(readText(dir.filePath("first.rc")) == "1", firstErr.constData());
        const QByteArray line = lastLine(firstErr);
        QVERIFY2(line.startsWith("rrtf: error: ") && line.contains(run.toUtf8()) &&
                     line.contains("No space left on device") && !firstErr.contains("terminate"),
                 firstErr.constData());
        // The half-written checkpoint is gone, the complete one stays.
        QCOMPARE(readText(dir.filePath("first.ls")).split('\n'), QStringList({"latest", "step-000002"}));

        const QByteArray secondErr = QByteArray::fromStdString(readAll(dir.filePath("second.err")));
        QVERIFY2(readText(dir.filePath("second.rc")) == "0", secondErr.constData());
        QVERIFY2(secondErr.contains("step-000002") && secondErr.contains("finished 6 steps"), secondErr.constData());
        std::vector<int> steps;
        std::istringstream metrics(readAll(dir.filePath("metrics.jsonl")));
        for (std::string text; std::getline(metrics, text);)
            if (const json line = json::parse(text); line.contains("loss"))
                steps.push_back(line["step"].get<int>());
        QCOMPARE(steps, std::vector<int>({1, 2, 3, 4, 5, 6}));  // each once: nothing lost, nothing twice
    }

    // A read-only workspace is said to be one (SQLite says "unable to open database
    // file"); made writable again, the run has lost nothing.
    void readOnlyWorkspaceIsNamedAndResumes()
    {
        QTemporaryDir dir;
        const QString mount = dir.filePath("mnt");
        QVERIFY(QDir().mkpath(mount));
        const QString workspace = mount + "/ws.sqlite";
        const QString problems = ownProblems(dir);
        const QString eval = cli() + " " +
                             words({"eval", "--problems", problems, "--samples", ownSamples(dir, "samples.jsonl", 20),
                                    "--workspace", workspace, "--workers", "2", "--json", "--quiet"});
        const QString d = quoted(dir.path());
        const QString script =
            "mount -t tmpfs -o size=8m tmpfs " + quoted(mount) + " || exit 90\n" +
            eval + " > " + d + "/first.out 2> " + d + "/first.err; echo $? > " + d + "/first.rc\n"
            "cp " + quoted(mount) + "/ws.sqlite* " + d + "/\n"
            "mount -o remount,ro " + quoted(mount) + " || exit 91\n" +
            eval + " > " + d + "/second.out 2> " + d + "/second.err; echo $? > " + d + "/second.rc\n"
            "mount -o remount,rw " + quoted(mount) + " || exit 92\n" +
            eval + " > " + d + "/third.out 2> " + d + "/third.err; echo $? > " + d + "/third.rc\n";
        CliRun run = runIsolated(script);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(readText(dir.filePath("first.rc")) == "0", readAll(dir.filePath("first.err")).c_str());
        const auto before = storedVerdicts(dir.filePath("ws.sqlite"));
        QCOMPARE(int(before.size()), 20);

        const QByteArray secondErr = QByteArray::fromStdString(readAll(dir.filePath("second.err")));
        QCOMPARE(readText(dir.filePath("second.rc")), QString("1"));
        QCOMPARE(secondErr.count('\n'), 1);
        QVERIFY2(secondErr.startsWith("rrtf: error: ") && secondErr.contains(workspace.toUtf8()) &&
                     secondErr.contains("read-only"),
                 secondErr.constData());

        QVERIFY2(readText(dir.filePath("third.rc")) == "0", readAll(dir.filePath("third.err")).c_str());
        const json summary = json::parse(readAll(dir.filePath("third.out")));
        QCOMPARE(summary["resumed"].get<int>(), 20);
        QVERIFY(summary["complete"].get<bool>());
    }

    // Another program holds the workspace's write lock (BEGIN EXCLUSIVE) while verdicts
    // arrive: after the busy timeout the run stops with one line saying so (before: a
    // worker thread's exception, std::terminate); released, the same command resumes.
    void lockedWorkspaceStopsAndResumes()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath("ws.sqlite");
        const int count = 60;
        const QStringList arguments = {"eval", "--problems", ownProblems(dir), "--samples",
                                       ownSamples(dir, "samples.jsonl", count, 0.5), "--workspace", workspace,
                                       "--workers", "2", "--json", "--quiet"};
        QProcess first;
        first.start(RRTF_CLI_PATH, arguments);
        QVERIFY(first.waitForStarted());
        int stored = 0;
        for (int wait = 0; wait < 1200 && stored < 3 && first.state() == QProcess::Running; ++wait) {
            QTest::qWait(100);
            stored = storedCount(workspace);
        }
        QVERIFY2(stored >= 3, "no verdict was stored");

        std::map<int, std::pair<std::string, std::int64_t>> before;
        {
            rrtf::Database lock(workspace.toStdString());
            lock.exec("BEGIN EXCLUSIVE", "taking the write lock");
            rrtf::Statement select = lock.prepare("SELECT sample_index, outcome, recorded_ms FROM eval_verdicts");
            while (select.step())
                before[select.columnInt(0)] = {select.columnText(1), select.columnInt64(2)};
            QVERIFY2(int(before.size()) < count, "the run finished before the lock was taken");
            QVERIFY(first.waitForFinished(300000));  // held until the run gives up
            lock.exec("ROLLBACK", "releasing the write lock");
        }
        const QByteArray err = first.readAllStandardError();
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 1);
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.startsWith("rrtf: error: ") && err.contains(workspace.toUtf8()) &&
                     err.contains("database is locked") && err.contains("run the same command again"),
                 err.constData());

        CliRun second = runCli(arguments);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        const json summary = parse(second.out);
        QCOMPARE(summary["resumed"].get<int>(), int(before.size()));
        QCOMPARE(summary["n_samples"].get<int>(), count);
        QCOMPARE(summary["outcomes"], json({{"passed", 48}, {"failed", 12}}));
        requireKept(before, storedVerdicts(workspace));
    }

    // A sandbox helper killed with SIGKILL mid-run: the pool starts another and the
    // program it was judging is judged again there, so no answer is marked as the
    // model's failure, nor as a sandbox error; the run completes and a rerun judges nothing.
    void killedSandboxHelperIsReplaced()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath("ws.sqlite");
        const int count = 30;
        const QStringList arguments = {"eval", "--problems", ownProblems(dir), "--samples",
                                       ownSamples(dir, "samples.jsonl", count, 0.5), "--workspace", workspace,
                                       "--workers", "2", "--json", "--quiet"};
        QProcess run;
        run.start(RRTF_CLI_PATH, arguments);
        QVERIFY(run.waitForStarted());
        int stored = 0;
        for (int wait = 0; wait < 1200 && stored < 2 && run.state() == QProcess::Running; ++wait) {
            QTest::qWait(100);
            stored = storedCount(workspace);
        }
        QVERIFY2(stored >= 2 && stored < count, qPrintable(QString("verdicts before the kill: %1").arg(stored)));
        const std::set<qint64> helpers = childProcesses(run.processId(), "--serve");
        QCOMPARE(int(helpers.size()), 2);
        QCOMPARE(::kill(pid_t(*helpers.begin()), SIGKILL), 0);
        // A fresh helper takes its place (had none started, the run would have
        // stopped with "cannot restart the sandbox helper", exit 1).
        QVERIFY(run.waitForFinished(300000));
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        const json summary = parse(run.readAllStandardOutput());
        QVERIFY(summary["complete"].get<bool>());
        QCOMPARE(summary["outcomes"], json({{"passed", 24}, {"failed", 6}}));  // no sandbox_error among them

        const auto before = storedVerdicts(workspace);
        CliRun again = runCli(arguments);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(parse(again.out)["resumed"].get<int>(), count);
        requireKept(before, storedVerdicts(workspace));
    }

    // A sandbox error in the workspace (a helper that died twice, an earlier version)
    // says nothing about the answer: the rerun judges that sample again and keeps the rest.
    void storedSandboxErrorIsJudgedAgain()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath("ws.sqlite");
        const QStringList arguments = {"eval", "--problems", ownProblems(dir), "--samples",
                                       ownSamples(dir, "samples.jsonl", 8), "--workspace", workspace,
                                       "--workers", "2", "--json", "--quiet"};
        CliRun first = runCli(arguments);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        {
            rrtf::Workspace store(workspace.toStdString());
            store.database().exec("UPDATE eval_verdicts SET outcome = 'sandbox_error' WHERE sample_index = 3");
        }
        auto before = storedVerdicts(workspace);
        before.erase(3);
        CliRun second = runCli(arguments);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        const json summary = parse(second.out);
        QCOMPARE(summary["resumed"].get<int>(), 7);
        QCOMPARE(summary["outcomes"], json({{"passed", 6}, {"failed", 2}}));
        const auto after = storedVerdicts(workspace);
        requireKept(before, after);
        QCOMPARE(after.at(3).first, std::string("passed"));
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "test_cli_faults.moc"
