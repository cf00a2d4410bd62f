// `rrtf train` as two c10d ranks on loopback against one process with the same
// global batch, on a tiny model the test writes: the same metrics and final
// weights, only rank 0 writing to its run directory, SIGTERM to one rank
// stopping both after the same step (and resuming), ranks that resume at
// different steps refusing to train, and a rank that dies making the other fail
// with an error instead of hanging.
#include "tiny_run.h"

#include "support/cli_run.h"
#include "support/free_port.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <set>

using namespace rrtf;
using namespace rrtf::test;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

// Two ranks add the gradients up in another order than one process does (and
// with micro_batch 2 in batches of other shapes), so results part in the last
// bit of float32 from the first step on: measured, the losses and gradient
// norms differ by one float32 ulp (1e-7 relative), and rank_loss, a small
// difference of length-normalised log-probabilities of size ~5, by 3e-7. The
// tolerances leave a few ulps more and still catch a real fault (an item
// counted twice or left out, a pair weighted wrongly, a rank starting from other
// weights), which moves these numbers by a percent or more.
constexpr double kRelativeTolerance = 1e-5;   // loss, sft_loss, lr, grad_norm: sums of like-signed terms
constexpr double kRankLossTolerance = 1e-5;   // absolute: its log-prob inputs' rounding does not shrink with it
// AdamW's step is ~lr * sign(gradient) where a gradient is near 0 and its rounding
// can flip the sign; eps 1e-4 (config below) keeps such steps small, so the
// weights part by rounding only (measured ~1e-6).
constexpr double kWeightTolerance = 1e-5;

QStringList trainArguments(const fs::path& runDir)
{
    return {"train", QString::fromStdString(runDir.string()), "--threads", "1"};
}

// The test's own environment without the launcher's variables: one process.
QProcessEnvironment singleProcessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "LOCAL_RANK"})
        environment.remove(name);
    return environment;
}

// Two `rrtf train` processes on loopback, one per rank; whatever is still
// running when the test ends is killed, never left behind.
class TwoRanks {
public:
    TwoRanks(const std::array<fs::path, 2>& runDirs, const QString& logDir)
    {
        const QString port = QString::number(freePort());
        for (int rank = 0; rank < 2; ++rank) {
            QProcessEnvironment environment = singleProcessEnvironment();
            environment.insert("RANK", QString::number(rank));
            environment.insert("WORLD_SIZE", "2");
            environment.insert("MASTER_ADDR", "127.0.0.1");
            environment.insert("MASTER_PORT", port);
            auto& process = m_processes[size_t(rank)];
            process = std::make_unique<QProcess>();
            process->setProcessEnvironment(environment);
            m_logs[size_t(rank)] = logDir + QString("/rank%1.log").arg(rank);
            process->setStandardErrorFile(m_logs[size_t(rank)]);  // a file: no pipe to fill up
            process->start(RRTF_CLI_PATH, trainArguments(runDirs[size_t(rank)]));
        }
    }
    ~TwoRanks()
    {
        for (auto& process : m_processes)
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(10000);
            }
    }

    QProcess& operator[](int rank) { return *m_processes[size_t(rank)]; }

    // The exit code, or -1 when it crashed, was killed or is still running after `timeoutMs`.
    int waitForExit(int rank, int timeoutMs)
    {
        QProcess& process = *m_processes[size_t(rank)];
        if (!process.waitForFinished(timeoutMs))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QByteArray log(int rank) const
    {
        QFile file(m_logs[size_t(rank)]);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    std::array<std::unique_ptr<QProcess>, 2> m_processes;
    std::array<QString, 2> m_logs;
};

std::set<std::string> entries(const fs::path& dir)
{
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// Lines with their newline written (another process may be appending one).
int completeLines(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    return int(std::count(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>(), '\n'));
}

json readStatus(const fs::path& runDir)
{
    std::ifstream file(runDir / "status.json");
    return json::parse(file);
}

}  // namespace

class TestTrainerDistributed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoRanksMatchOneProcess_data()
    {
        QTest::addColumn<int>("microBatch");
        QTest::newRow("micro batch 1") << 1;
        QTest::newRow("micro batch 2") << 2;
    }

    void twoRanksMatchOneProcess()
    {
        QFETCH(int, microBatch);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path base = dir.path().toStdString();
        // 7 items, 4 a step: step 2 of each epoch has 3, split 2 and 1 over the
        // ranks; six steps cross two epoch ends and the checkpoints of steps 3 and 6.
        const json settings = {{"max_steps", 6}, {"global_batch", 4}, {"micro_batch", microBatch},
                               {"checkpoint_every", 3}, {"eps", 1e-4}};
        const fs::path single = base / "single";
        const std::array<fs::path, 2> ranks = {base / "rank0", base / "rank1"};
        writeTinyRun(single, settings);
        writeTinyRun(ranks[0], settings);
        // Rank 1 reads other initial weights: rank 0's broadcast must replace them.
        writeTinyModel(ranks[1] / "model", 99);
        writeTinyRun(ranks[1], settings);
        const std::set<std::string> written = entries(ranks[1]);

        const CliRun alone = runCli(trainArguments(single), singleProcessEnvironment());
        QVERIFY2(alone.exitCode == 0, alone.err.constData());
        {
            TwoRanks processes(ranks, dir.path());
            for (int rank = 0; rank < 2; ++rank)
                QVERIFY2(processes.waitForExit(rank, 300000) == 0,
                         qPrintable(QString("rank %1:\n").arg(rank) + processes.log(rank)));
        }

        const auto expected = stepLines(single);
        const auto steps = stepLines(ranks[0]);
        QCOMPARE(expected.size(), size_t(6));
        QCOMPARE(steps.size(), expected.size());
        double worstRelative = 0, worstRankLoss = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            for (const char* key : {"step", "epoch", "tokens", "tokens_seen", "active_pairs"})
                QVERIFY2(steps[i][key] == expected[i][key],
                         qPrintable(QString("step %1 %2: %3 vs %4").arg(i + 1).arg(key)
                                        .arg(QString::fromStdString(steps[i][key].dump()))
                                        .arg(QString::fromStdString(expected[i][key].dump()))));
            for (const char* key : {"loss", "rank_loss", "sft_loss", "lr", "grad_norm"}) {
                const double got = steps[i][key].get<double>();
                const double want = expected[i][key].get<double>();
                const double difference = std::abs(got - want);
                const bool rankLoss = key == std::string("rank_loss");
                if (rankLoss)
                    worstRankLoss = std::max(worstRankLoss, difference);
                else
                    worstRelative = std::max(worstRelative, difference / std::abs(want));
                QVERIFY2(difference <= (rankLoss ? kRankLossTolerance : kRelativeTolerance * std::abs(want)),
                         qPrintable(QString("step %1 %2: %3 vs %4 (one process)").arg(i + 1).arg(key)
                                        .arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
            }
        }
        const StateDict trained = readCheckpoint(ranks[0] / "final");
        const double weights = maxDifference(trained, readCheckpoint(single / "final"));
        qInfo("largest differences: %.3g relative (loss, sft_loss, lr, grad_norm), %.3g in rank_loss, "
              "%.3g in the final weights",
              worstRelative, worstRankLoss, weights);
        QVERIFY2(weights <= kWeightTolerance, qPrintable(QString::number(weights)));
        QVERIFY(maxDifference(trained, readCheckpoint(single / "model")) > 1e-3);  // training moved them

        // Rank 0 writes the run's files; rank 1 leaves its directory as it found it.
        QCOMPARE(readStatus(ranks[0])["state"].get<std::string>(), std::string("finished"));
        std::string latest;
        std::getline(std::ifstream(ranks[0] / "checkpoints" / "latest"), latest);
        QCOMPARE(latest, std::string("step-000006"));
        QCOMPARE(entries(ranks[1]), written);
    }

    void sigtermToOneRankStopsBothAtTheSameStep()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"epochs", 30}, {"global_batch", 4}, {"micro_batch", 1}, {"checkpoint_every", 1000}});
        {
            TwoRanks processes({run, run}, dir.path());
            while (completeLines(run / "metrics.jsonl") < 2)
                for (int rank = 0; rank < 2; ++rank)
                    QVERIFY2(!processes[rank].waitForFinished(10),
                             qPrintable(QString("rank %1 ended early:\n").arg(rank) + processes.log(rank)));
            processes[1].terminate();  // a SIGTERM that only rank 1 gets
            for (int rank = 0; rank < 2; ++rank)
                QVERIFY2(processes.waitForExit(rank, 120000) == 130,
                         qPrintable(QString("rank %1:\n").arg(rank) + processes.log(rank)));
        }
        // Both stopped after the same step, which rank 0 checkpointed.
        const auto steps = stepLines(run);
        QVERIFY2(steps.size() < 60, "the run finished before the signal came");
        const json status = readStatus(run);
        QCOMPARE(status["state"].get<std::string>(), std::string("cancelled"));
        QCOMPARE(status["step"].get<size_t>(), steps.size());
        std::string latest;
        std::getline(std::ifstream(run / "checkpoints" / "latest"), latest);
        QCOMPARE(latest, QString("step-%1").arg(steps.size(), 6, 10, QChar('0')).toStdString());

        // Started again, both ranks resume from it and finish the run.
        TwoRanks again({run, run}, dir.path());
        for (int rank = 0; rank < 2; ++rank)
            QVERIFY2(again.waitForExit(rank, 300000) == 0,
                     qPrintable(QString("rank %1:\n").arg(rank) + again.log(rank)));
        QVERIFY(again.log(0).contains("resuming from"));
        const auto resumed = stepLines(run);
        QCOMPARE(resumed.size(), size_t(60));
        for (size_t i = 0; i < resumed.size(); ++i)
            QCOMPARE(resumed[i]["step"].get<size_t>(), i + 1);
    }

    // Rank 0 finds a checkpoint, rank 1 (another folder, as on another machine
    // without a shared disk) finds none: both refuse to start, naming the cause,
    // instead of training different batches until a collective fails.
    void ranksResumedAtDifferentStepsRefuseToTrain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path root = dir.path().toStdString();
        const json settings = {{"epochs", 30}, {"global_batch", 4}, {"micro_batch", 1}, {"checkpoint_every", 2}};
        writeTinyRun(root / "shared", settings);
        writeTinyRun(root / "alone", settings);
        QProcess single;
        single.setProcessEnvironment(singleProcessEnvironment());
        single.start(RRTF_CLI_PATH, trainArguments(root / "shared"));
        while (!fs::exists(root / "shared" / "checkpoints" / "latest"))
            QVERIFY2(!single.waitForFinished(10), single.readAllStandardError().constData());
        single.terminate();
        QVERIFY(single.waitForFinished(60000));

        TwoRanks processes({root / "shared", root / "alone"}, dir.path());
        for (int rank = 0; rank < 2; ++rank) {
            QVERIFY2(processes.waitForExit(rank, 120000) == 1, processes.log(rank).constData());
            const QByteArray last = processes.log(rank).trimmed().split('\n').last();
            QVERIFY2(last.contains("the ranks resumed at different steps"), last.constData());
        }
        QVERIFY(!fs::exists(root / "alone" / "metrics.jsonl") || completeLines(root / "alone" / "metrics.jsonl") == 0);
    }

    void aDeadRankMakesTheOtherFail_data()
    {
        QTest::addColumn<int>("victim");
        QTest::newRow("rank 1 killed") << 1;
        QTest::newRow("rank 0 killed") << 0;
    }

    void aDeadRankMakesTheOtherFail()
    {
        QFETCH(int, victim);
        const int survivor = 1 - victim;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Both ranks in one run directory, as the README starts them; long
        // enough (400 steps) that the kill comes mid-run.
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"epochs", 200}, {"global_batch", 4}, {"micro_batch", 1}, {"checkpoint_every", 1000}});
        TwoRanks processes({run, run}, dir.path());
        // A step needs both ranks: two metrics lines mean both are in the loop.
        while (completeLines(run / "metrics.jsonl") < 2)
            for (int rank = 0; rank < 2; ++rank)
                QVERIFY2(!processes[rank].waitForFinished(10),
                         qPrintable(QString("rank %1 ended early:\n").arg(rank) + processes.log(rank)));
        processes[victim].kill();  // SIGKILL: no goodbye on the sockets beyond the kernel closing them
        QVERIFY(processes[victim].waitForFinished(10000));

        // c10d's own timeout is 300 s; the closed connection must be noticed long before.
        QElapsedTimer clock;
        clock.start();
        const int exitCode = processes.waitForExit(survivor, 120000);
        const QByteArray log = processes.log(survivor);
        const double seconds = clock.elapsed() / 1000.0;
        QVERIFY2(exitCode == 1, qPrintable(QString("exit %1 after %2 s:\n").arg(exitCode).arg(seconds) + log));
        qInfo("rank %d failed %.1f s after rank %d was killed", survivor, seconds, victim);
        const QByteArray last = log.trimmed().split('\n').last();
        QVERIFY2(last.startsWith("rrtf: error: distributed") && last.contains("(rank " + QByteArray::number(survivor)),
                 log.constData());
        if (survivor == 0) {
            const json status = readStatus(run);
            QCOMPARE(status["state"].get<std::string>(), std::string("failed"));
            QVERIFY(status["error"].get<std::string>().starts_with("distributed"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainerDistributed)
#include "test_trainer_distributed.moc"
