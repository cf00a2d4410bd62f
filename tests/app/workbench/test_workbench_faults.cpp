// The window when the machine fails it: a benchmark whose workspace's disk fills
// up stops each model's run with "failed: <why>" (it used to go on judging what it
// could not keep and end "done"), nothing crashes, and once there is room again
// Start finishes the runs with every verdict stored before kept as it was.
//
// The full disk is a tmpfs of a few MB in a mount namespace of this test's own:
// main() starts the test again inside one (unshare --mount; it needs root or a
// user namespace, and the test skips without).
#include "benchmark_runs.h"
#include "benchmark_view.h"
#include "demo_pack.h"
#include "main_window.h"
#include "model_list_model.h"
#include "workbench_settings.h"

#include "runtime/thread_guard.h"
#include "store/workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <vector>

using namespace rrtf;

namespace {

constexpr const char* kInNamespace = "RRTF_TEST_MOUNT_NAMESPACE";

bool allLoaded(ModelListModel& models)
{
    for (int row = 0; row < models.rowCount(); ++row)
        if (models.stateAt(row) != ModelState::Loaded)
            return false;
    return models.rowCount() > 0;
}

// Fills the file system of `folder` with one file of zeros, then gives back `freeKiB`.
bool fillLeaving(const QString& folder, qint64 freeKiB)
{
    QFile filler(folder + "/filler");
    if (!filler.open(QIODevice::WriteOnly))
        return false;
    const QByteArray chunk(64 * 1024, '\0');
    while (filler.write(chunk) == chunk.size()) {
    }
    filler.close();
    return filler.resize(std::max<qint64>(0, filler.size() - freeKiB * 1024));
}

// Each stored verdict's sample index and the moment it was recorded, per run.
std::map<std::int64_t, std::map<int, std::int64_t>> recorded(Workspace& workspace)
{
    std::map<std::int64_t, std::map<int, std::int64_t>> runs;
    Statement select = workspace.database().prepare("SELECT run_id, sample_index, recorded_ms FROM eval_verdicts");
    while (select.step())
        runs[select.columnInt64(0)][select.columnInt(1)] = select.columnInt64(2);
    return runs;
}

}  // namespace

class TestWorkbenchFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mount;

    static QString demoFolder() { return QStringLiteral(RRTF_DEMO_PACK); }

    // The demo models on the first eight demo problems (settings as a past session left them).
    QString seedEightProblems()
    {
        const WorkbenchDemo demo = readWorkbenchDemo(demoFolder());
        const QString path = m_dir.filePath("eight-demo-problems.jsonl");
        QFile all(demo.problemSetPath);
        QFile eight(path);
        if (!all.open(QIODevice::ReadOnly) || !eight.open(QIODevice::WriteOnly))
            return {};
        for (int line = 0; line < 8; ++line)
            eight.write(all.readLine());
        eight.close();
        WorkbenchSettings settings;
        settings.setModelSlots(demo.models);
        settings.setProblemSetPath(path);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("rrtf-workbench-test");
        QCoreApplication::setApplicationName("test_workbench_faults");
        QVERIFY(m_dir.isValid());
        qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
        QSettings().clear();
        markResponsiveThread();  // as main() does
        if (!qEnvironmentVariableIsSet(kInNamespace))
            QSKIP("no mount namespace of its own here (unshare --mount needs root or a user namespace)");
        m_mount = m_dir.filePath("mnt");
        QVERIFY(QDir().mkpath(m_mount));
        if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=4m", "tmpfs", m_mount}) != 0)
            QSKIP("cannot mount a tmpfs here");
    }

    void cleanupTestCase()
    {
        if (!m_mount.isEmpty())
            QProcess::execute("umount", {m_mount});
    }

    void cleanup()
    {
        QSettings().clear();
        QStringList violations;
        for (const std::string& entryPoint : threadViolations())
            violations << QString::fromStdString(entryPoint);
        clearThreadViolations();
        QVERIFY2(violations.isEmpty(), qPrintable("engine work on the GUI thread: " + violations.join(", ")));
    }

    void benchmarkStopsOnAFullDiskAndResumes()
    {
        const QString workspace = m_mount + "/bench.sqlite";
        BenchmarkDecoding sampled;
        sampled.greedy = false;
        sampled.samplesPerProblem = 3;
        sampled.maxNewTokens = 6;
        QVERIFY(!seedEightProblems().isEmpty());
        std::map<std::int64_t, std::map<int, std::int64_t>> before;
        {
            MainWindow window({demoFolder(), true, workspace, false});
            QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
            window.benchmark().refreshModels();
            window.benchmark().setDecoding(sampled);
            // Room for the runs and some verdicts, not for the 72 of three models.
            QVERIFY(fillLeaving(m_mount, 256));
            QSignalSpy finished(&window.benchmarkRunner(), &BenchmarkRunner::finished);
            window.benchmark().start();
            QVERIFY(finished.count() > 0 || finished.wait(300000));
            const BenchmarkTableModel& table = window.benchmark().table();
            QCOMPARE(table.rowCount(), 3);
            for (int row = 0; row < 3; ++row) {
                const QString status = table.rowAt(row).status;
                QVERIFY2(status.startsWith("failed: ") && status.contains("bench.sqlite") && status.contains("full"),
                         qPrintable(status));
                QVERIFY(table.rowAt(row).done < 8 * 3);
            }
            for (const BenchmarkRunInfo& info : benchmarkRuns(*window.workspace()))
                QVERIFY(!info.run.finished());  // not marked finished: Start resumes them
            before = recorded(*window.workspace());
            int stored = 0;
            for (const auto& [run, verdicts] : before)
                stored += int(verdicts.size());
            QVERIFY2(stored > 0 && stored < 3 * 8 * 3, qPrintable(QString::number(stored)));
        }
        QVERIFY(QFile::remove(m_mount + "/filler"));

        MainWindow window({demoFolder(), true, workspace, false});
        QTRY_VERIFY_WITH_TIMEOUT(allLoaded(window.models()), 60000);
        window.benchmark().refreshModels();
        QSignalSpy finished(&window.benchmarkRunner(), &BenchmarkRunner::finished);
        window.benchmark().start();
        QVERIFY(finished.wait(300000));
        const BenchmarkTableModel& table = window.benchmark().table();
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(table.rowAt(row).status, QString("done"));
            QCOMPARE(table.rowAt(row).done, 8 * 3);
        }
        const auto after = recorded(*window.workspace());
        for (const auto& [run, verdicts] : before)
            for (const auto& [index, when] : verdicts) {
                QVERIFY2(after.count(run) && after.at(run).count(index),
                         qPrintable(QString("run %1 sample %2 was lost").arg(run).arg(index)));
                QCOMPARE(after.at(run).at(index), when);  // kept, not judged again
            }
        for (const auto& [run, verdicts] : after)
            QCOMPARE(int(verdicts.size()), 8 * 3);
    }
};

int main(int argc, char** argv)
{
    // Again inside a mount namespace of its own, where the tmpfs is mounted.
    if (!qEnvironmentVariableIsSet(kInNamespace) && std::system("unshare --mount true >/dev/null 2>&1") == 0) {
        qputenv(kInNamespace, "1");
        std::vector<char*> arguments{const_cast<char*>("unshare"), const_cast<char*>("--mount")};
        for (int i = 0; i < argc; ++i)
            arguments.push_back(argv[i]);
        arguments.push_back(nullptr);
        execvp("unshare", arguments.data());
        qunsetenv(kInNamespace);  // could not start it: run here, and skip
    }
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestWorkbenchFaults test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_workbench_faults.moc"
