// The training job on a tiny model it writes itself: the loss falls, gradient
// accumulation gives the same step as one big micro batch, metrics.jsonl has
// the dashboard's keys, a run killed with SIGKILL resumes on the same curve,
// SIGTERM checkpoints and exits 130, so does the stop file (rrtf cancel) while
// rrtf status and cancel never take a reused pid or another host's job for the
// job, LoRA runs save adapters and export merged weights, bad input gives
// one-line errors naming the field or file, and evaluation steps record pass@1
// judged in the sandbox.
#include "model/checkpoint.h"
#include "runtime/error.h"
#include "tiny_run.h"
#include "training/job_process.h"
#include "training/train_checkpoint.h"
#include "training/trainer.h"

#include "support/cli_run.h"
#include "support/sigterm_counter.h"

#include <QProcess>
#include <QtTest>

#include <csignal>
#include <fstream>
#include <set>

using namespace rrtf;
using namespace rrtf::test;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

// RUN_DIR/status.json of a job running at step 7 of 20 as `process`.
void writeRunningStatus(const fs::path& run, const JobProcess& process)
{
    fs::create_directories(run);
    std::ofstream(run / "status.json") << json{{"state", "running"}, {"pid", process.pid},
                                               {"start_time", process.startTime}, {"host", process.host},
                                               {"step", 7}, {"total_steps", 20}}
                                              .dump(2)
                                       << '\n';
}

std::string latestCheckpointName(const fs::path& run)
{
    std::string name;
    std::getline(std::ifstream(run / "checkpoints" / "latest"), name);
    return name;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossFallsAndTheRunFinishes()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"epochs", 8}});
        int reported = 0;
        TrainerOptions options;
        options.onStep = [&](const StepReport&) { ++reported; };
        const TrainOutcome outcome = runTraining(run, options);
        // 7 items with a teacher, 4 per step: 2 steps per epoch.
        QCOMPARE(outcome.totalSteps, int64_t(16));
        QCOMPARE(outcome.step, int64_t(16));
        QCOMPARE(reported, 16);
        const auto steps = stepLines(run);
        QCOMPARE(steps.size(), size_t(16));
        const std::set<std::string> keys = {"step", "epoch", "loss", "rank_loss", "sft_loss", "lr", "grad_norm",
                                            "tokens", "tokens_seen", "tokens_per_second", "elapsed_seconds",
                                            "active_pairs", "time"};
        int64_t seen = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            std::set<std::string> have;
            for (const auto& item : steps[i].items())
                have.insert(item.key());
            QCOMPARE(have, keys);
            QCOMPARE(steps[i]["step"].get<int64_t>(), int64_t(i + 1));
            seen += steps[i]["tokens"].get<int64_t>();
            QCOMPARE(steps[i]["tokens_seen"].get<int64_t>(), seen);
            QCOMPARE(steps[i]["loss"].get<double>(),
                     steps[i]["rank_loss"].get<double>() + steps[i]["sft_loss"].get<double>());
        }
        QCOMPARE(steps[1]["epoch"].get<double>(), 1.0);
        const double first = steps[0]["loss"].get<double>() + steps[1]["loss"].get<double>();
        const double last = steps[14]["loss"].get<double>() + steps[15]["loss"].get<double>();
        QVERIFY2(last < 0.7 * first, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));

        std::ifstream statusFile(run / "status.json");
        const json status = json::parse(statusFile);
        QCOMPARE(status["state"].get<std::string>(), std::string("finished"));
        QCOMPARE(status["step"].get<int64_t>(), int64_t(16));
        QCOMPARE(status["total_steps"].get<int64_t>(), int64_t(16));
        QVERIFY(status["error"].is_null());
        // final/ loads as a Hugging Face folder and holds the trained weights.
        QVERIFY(fs::exists(run / "final" / "tokenizer.json"));
        auto trained = CausalLM::load(run / "final");
        auto initial = CausalLM::load(run / "model");
        QVERIFY(maxDifference(trained->stateDict(), initial->stateDict()) > 1e-3);
        // Only keep_checkpoints (2) remain, latest names the last one.
        std::ifstream latest(run / "checkpoints" / "latest");
        std::string name;
        std::getline(latest, name);
        QCOMPARE(name, std::string("step-000016"));
        int folders = 0;
        for (const auto& entry : fs::directory_iterator(run / "checkpoints"))
            folders += entry.is_directory();
        QCOMPARE(folders, 2);
    }

    void gradientAccumulationMatchesOneMicroBatch()
    {
        QTemporaryDir dir;
        const fs::path base = dir.path().toStdString();
        StateDict results[2];
        const int microBatches[2] = {4, 1};
        for (int i = 0; i < 2; ++i) {
            const fs::path run = base / ("micro" + std::to_string(microBatches[i]));
            writeTinyRun(run, {{"micro_batch", microBatches[i]}, {"max_steps", 1}, {"eps", 1e-4}, {"lr", 1e-3}});
            runTraining(run);
            results[i] = readCheckpoint(run / "final");
        }
        const StateDict initial = readCheckpoint(base / "micro4" / "model");
        QVERIFY(maxDifference(results[0], initial) > 1e-4);  // the step did move the weights
        const double difference = maxDifference(results[0], results[1]);
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
    }

    void killedRunResumesOnTheSameCurve()
    {
        QTemporaryDir dir;
        const fs::path base = dir.path().toStdString();
        const json settings = {{"global_batch", 2}, {"micro_batch", 1}, {"epochs", 15}, {"schedule", "cosine"},
                               {"warmup_steps", 5}};
        const fs::path reference = base / "reference";
        const fs::path killed = base / "killed";
        writeTinyRun(reference, settings);
        writeTinyRun(killed, settings);
        const QStringList threads = {"--threads", "1"};
        QCOMPARE(runCli(QStringList{"train", QString::fromStdString(reference.string())} + threads).exitCode, 0);
        const auto expected = stepLines(reference);
        QCOMPARE(expected.size(), size_t(60));

        // SIGKILL as soon as a checkpoint exists, mid-run.
        QProcess process;
        process.start(RRTF_CLI_PATH, QStringList{"train", QString::fromStdString(killed.string())} + threads);
        QVERIFY(process.waitForStarted());
        const fs::path latest = killed / "checkpoints" / "latest";
        while (!fs::exists(latest) && process.state() == QProcess::Running)
            QThread::usleep(500);
        process.kill();
        process.waitForFinished();
        std::string name;
        std::getline(std::ifstream(latest), name);
        const int64_t killedAt = std::stoll(name.substr(5));
        QVERIFY2(killedAt < 60, "the run finished before it could be killed");
        qInfo("killed after the checkpoint of step %lld", static_cast<long long>(killedAt));

        const CliRun resumed = runCli(QStringList{"train", QString::fromStdString(killed.string())} + threads);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY(resumed.err.contains("resuming from"));
        const auto steps = stepLines(killed);
        QCOMPARE(steps.size(), expected.size());
        for (size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i]["step"].get<int64_t>(), int64_t(i + 1));
            for (const char* key : {"loss", "rank_loss", "sft_loss", "lr", "grad_norm"})
                QVERIFY2(std::abs(steps[i][key].get<double>() - expected[i][key].get<double>()) <= 1e-6,
                         qPrintable(QString("step %1 %2: %3 vs %4").arg(i + 1).arg(key)
                                        .arg(steps[i][key].get<double>()).arg(expected[i][key].get<double>())));
            QCOMPARE(steps[i]["tokens_seen"].get<int64_t>(), expected[i]["tokens_seen"].get<int64_t>());
        }
        QVERIFY(steps.back()["elapsed_seconds"].get<double>() >= steps[size_t(killedAt) - 1]["elapsed_seconds"].get<double>());
        const double difference = maxDifference(readCheckpoint(killed / "final"), readCheckpoint(reference / "final"));
        QVERIFY2(difference <= 1e-6, qPrintable(QString::number(difference)));
    }

    void loraCheckpointsAdaptersAndExportsMergedWeights_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("float32") << "float32";
        QTest::newRow("bfloat16") << "bfloat16";
    }

    void loraCheckpointsAdaptersAndExportsMergedWeights()
    {
        QFETCH(QString, dtype);
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"max_steps", 2}, {"checkpoint_every", 1}, {"dtype", dtype.toStdString()},
                           {"lora", {{"rank", 4}, {"alpha", 8}}}, {"gradient_checkpointing", true}});
        runTraining(run);
        const fs::path checkpoint = run / "checkpoints" / "step-000002";
        QVERIFY(fs::exists(checkpoint / "adapter_model.safetensors"));
        QVERIFY(!fs::exists(checkpoint / "model.safetensors"));
        for (const auto& [name, tensor] : readCheckpoint(checkpoint / "adapter_model.safetensors"))
            QVERIFY2(name.find("lora_") != std::string::npos, name.c_str());
        // The export has the base model's names only, with B·A folded in.
        auto merged = CausalLM::load(run / "final");
        auto base = CausalLM::load(run / "model");
        const auto mergedWeights = merged->stateDict();
        QCOMPARE(mergedWeights.size(), base->stateDict().size());
        QVERIFY(maxDifference(mergedWeights, base->stateDict()) > 0);
        QVERIFY(stepLines(run).back()["loss"].get<double>() > 0);
    }

    // Updates of lr 1e-5 are below half a bfloat16 step for almost every weight
    // (|w| > 0.002): added to the bfloat16 weights they would round away. The
    // float32 masters keep them, and they are what a checkpoint saves.
    void bfloat16TrainsFloat32MasterWeights()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"max_steps", 3}, {"checkpoint_every", 1}, {"dtype", "bfloat16"}, {"lr", 1e-5},
                           {"max_grad_norm", 0}});
        runTraining(run);
        const StateDict saved = readCheckpoint(run / "checkpoints" / "step-000003" / "model.safetensors");
        const StateDict initial = readCheckpoint(run / "model");
        int64_t moved = 0, total = 0;
        for (const auto& [name, master] : saved) {
            QCOMPARE(master.scalar_type(), at::kFloat);
            const at::Tensor start = initial.at(name).to(at::kBFloat16).to(at::kFloat);  // what the run began with
            const at::Tensor step = (master - start).abs();
            QVERIFY2(step.max().item<double>() < 1e-4, name.c_str());  // 3 AdamW steps of ~lr each
            moved += (step > 0).sum().item<int64_t>();
            total += master.numel();
        }
        // Most weights moved: AdamW moves every one with a gradient (83% here; the
        // embedding rows of byte values no text uses get none). In bfloat16 alone, few would.
        QVERIFY2(moved > total * 3 / 4, qPrintable(QString("%1 of %2 weights moved").arg(moved).arg(total)));
        // Resumed from the checkpoint, the model is the masters rounded: training goes on from there.
        writeTinyRun(run, {{"max_steps", 4}, {"checkpoint_every", 1}, {"dtype", "bfloat16"}, {"lr", 1e-5},
                           {"max_grad_norm", 0}});
        QCOMPARE(runTraining(run).resumedFrom, int64_t(3));
        QCOMPARE(stepLines(run).size(), size_t(4));
    }

    void sigtermCheckpointsAndExits130()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"global_batch", 2}, {"micro_batch", 1}, {"epochs", 15}, {"checkpoint_every", 1000}});
        QProcess process;
        process.start(RRTF_CLI_PATH, {"train", QString::fromStdString(run.string()), "--threads", "1"});
        QVERIFY(process.waitForStarted());
        while (!fs::exists(run / "metrics.jsonl") && process.state() == QProcess::Running)
            QThread::usleep(500);
        process.terminate();  // SIGTERM
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        std::ifstream statusFile(run / "status.json");
        const json status = json::parse(statusFile);
        QCOMPARE(status["state"].get<std::string>(), std::string("cancelled"));
        // The step it was in finished and was checkpointed.
        const auto steps = stepLines(run);
        QCOMPARE(status["step"].get<int64_t>(), int64_t(steps.size()));
        std::string name;
        std::getline(std::ifstream(run / "checkpoints" / "latest"), name);
        QCOMPARE(name, checkpointName(int64_t(steps.size())));
        QCOMPARE(runCli({"train", QString::fromStdString(run.string())}).exitCode, 0);
        QCOMPARE(stepLines(run).size(), size_t(60));
    }

    // The stop file, seen between steps, stops the run after the step it is in
    // with a checkpoint of that step and status "cancelled"; a stop file left
    // from before the run started is not a request to it.
    void stopFileStopsTheRunWithACheckpoint()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"epochs", 8}, {"checkpoint_every", 1000}});
        requestStop(run);  // stale: the run must not stop at once
        TrainerOptions options;
        options.onStep = [&](const StepReport& step) {
            if (step.step == 3)
                requestStop(run);
        };
        const TrainOutcome outcome = runTraining(run, options);
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.step, int64_t(3));
        QCOMPARE(latestCheckpointName(run), checkpointName(3));
        QCOMPARE(stepLines(run).size(), size_t(3));
        QVERIFY(!fs::exists(run / "stop"));  // used up
        const std::optional<RecordedRunStatus> status = readRunStatus(run);
        QVERIFY(status);
        QCOMPARE(status->state, std::string("cancelled"));
        QCOMPARE(status->step, int64_t(3));
        // The process that wrote it, told apart from a later one with its pid.
        const JobProcess self = thisProcess();
        QCOMPARE(status->process.pid, self.pid);
        QVERIFY(status->process.startTime > 0);
        QCOMPARE(status->process.startTime, self.startTime);
        QCOMPARE(status->process.host, self.host);
        QCOMPARE(jobLiveness(status), JobLiveness::Ended);

        const TrainOutcome resumed = runTraining(run);
        QCOMPARE(resumed.resumedFrom, int64_t(3));
        QVERIFY(!resumed.cancelled);
        QCOMPARE(resumed.step, int64_t(16));
    }

    // rrtf cancel on a job running here: rrtf train stops after its step with a
    // checkpoint and exits 130, and rrtf status follows it.
    void rrtfCancelStopsARunningJob()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        const QString runText = QString::fromStdString(run.string());
        // 80,000 steps: far more than a fast machine runs before the cancel reaches it
        // (a 160-step job once finished while `rrtf status` started).
        writeTinyRun(run, {{"global_batch", 2}, {"micro_batch", 1}, {"epochs", 20000}, {"checkpoint_every", 1000000}});
        QProcess process;
        process.start(RRTF_CLI_PATH, {"train", runText, "--threads", "1"});
        QVERIFY(process.waitForStarted());
        while (!fs::exists(run / "metrics.jsonl") && process.state() == QProcess::Running)
            QThread::usleep(500);
        const CliRun status = runCli({"status", runText});
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.outText().contains(": running, step ") &&
                     status.outText().contains(QString("(pid %1)").arg(process.processId())),
                 status.out.constData());
        const CliRun cancel = runCli({"cancel", runText});
        QVERIFY2(cancel.exitCode == 0 && cancel.errText().contains("asked the job"), cancel.err.constData());
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        const auto steps = stepLines(run);
        QVERIFY2(steps.size() < 80000, "the run finished before the stop file was seen");
        QCOMPARE(latestCheckpointName(run), checkpointName(int64_t(steps.size())));
        QVERIFY(!fs::exists(run / "stop"));
        const CliRun after = runCli({"status", runText, "--json"});
        const json line = json::parse(after.out.toStdString());
        QCOMPARE(line["state"].get<std::string>(), std::string("cancelled"));
        QCOMPARE(line["step"].get<int64_t>(), int64_t(steps.size()));
        QCOMPARE(line["liveness"].get<std::string>(), std::string("ended"));
    }

    // A status.json whose pid now names another process (the test itself, with
    // another start time) is a job that stopped unexpectedly; one that names
    // another host is running there. rrtf cancel signals neither: the first is
    // refused, the second gets the stop file and a word about shared folders.
    void statusAndCancelNeverSignalAReusedPidOrAnotherHost()
    {
        QTemporaryDir dir;
        const JobProcess self = thisProcess();
        QVERIFY(self.startTime > 0);
        const SigtermCounter sigterm;

        const fs::path reused = fs::path(dir.path().toStdString()) / "reused";
        writeRunningStatus(reused, {self.pid, self.startTime + 1, self.host});
        const QString reusedText = QString::fromStdString(reused.string());
        const CliRun reusedStatus = runCli({"status", reusedText});
        QVERIFY2(reusedStatus.outText().contains("stopped unexpectedly at step 7 of 20") &&
                     !reusedStatus.outText().contains("running"),
                 reusedStatus.out.constData());
        const CliRun reusedCancel = runCli({"cancel", reusedText});
        QCOMPARE(reusedCancel.exitCode, 1);
        QVERIFY2(reusedCancel.errText().contains("stopped unexpectedly"), reusedCancel.err.constData());
        QVERIFY(!fs::exists(reused / "stop"));

        const fs::path elsewhere = fs::path(dir.path().toStdString()) / "elsewhere";
        const std::string host = self.host + "-elsewhere";
        writeRunningStatus(elsewhere, {self.pid, self.startTime, host});
        const QString elsewhereText = QString::fromStdString(elsewhere.string());
        const CliRun elsewhereStatus = runCli({"status", elsewhereText});
        QVERIFY2(elsewhereStatus.outText().contains(QString::fromStdString(": running on " + host + ", step 7 of 20")),
                 elsewhereStatus.out.constData());
        const CliRun elsewhereCancel = runCli({"cancel", elsewhereText});
        QVERIFY2(elsewhereCancel.exitCode == 0 && elsewhereCancel.errText().contains("shared filesystem") &&
                     elsewhereCancel.errText().contains(QString::fromStdString(host)),
                 elsewhereCancel.err.constData());
        QVERIFY(fs::exists(elsewhere / "stop"));

        QCoreApplication::processEvents();
        QCOMPARE(sigterm.count(), 0);
        // The test's own status, checked here: alive.
        writeRunningStatus(reused, self);
        QCOMPARE(jobLiveness(readRunStatus(reused)), JobLiveness::Running);
    }

    void badConfigIsOneLineNamingTheField()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"micro_batch", "four"}});
        const CliRun cli = runCli({"train", QString::fromStdString(run.string())});
        QCOMPARE(cli.exitCode, 1);
        const QByteArray message = cli.err.trimmed();
        QVERIFY2(message.startsWith("rrtf: error:") && message.contains("\"micro_batch\"") &&
                     message.contains("config.json") && !message.contains('\n'),
                 cli.err.constData());
        std::ifstream statusFile(run / "status.json");
        QCOMPARE(json::parse(statusFile)["state"].get<std::string>(), std::string("failed"));
    }

    void corruptCheckpointIsNamed()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        writeTinyRun(run, {{"max_steps", 3}});
        runTraining(run);
        std::ofstream(run / "checkpoints" / "step-000003" / "trainer_state.json") << "{\"step\": 3,";
        try {
            runTraining(run);
            QFAIL("a corrupt checkpoint was accepted");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).contains("step-000003/trainer_state.json"), error.what());
        }
    }

    void evaluationStepsRecordPassAtOne()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "run";
        fs::create_directories(run);
        std::ofstream(run / "held_out.jsonl")
            << R"({"task_id": "held/add", "instruction": "Write add(a, b).", "tests": "assert add(1, 2) == 3", "entry_point": "add"})"
            << '\n'
            << R"({"task_id": "held/neg", "instruction": "Write neg(x).", "tests": "assert neg(2) == -2", "entry_point": "neg"})"
            << '\n';
        writeTinyRun(run, {{"max_steps", 2}, {"eval_problems", "held_out.jsonl"}, {"eval_every", 1},
                           {"eval_max_new_tokens", 16}, {"eval_allow_unsafe", true}});
        int evaluations = 0;
        TrainerOptions options;
        options.onEval = [&](const EvalReport& report) {
            ++evaluations;
            QCOMPARE(report.problems, 2);
        };
        runTraining(run, options);
        QCOMPARE(evaluations, 2);
        std::vector<json> evals;
        for (const json& line : readJsonLines(run / "metrics.jsonl"))
            if (line.contains("pass_at_1"))
                evals.push_back(line);
        QCOMPARE(evals.size(), size_t(2));
        for (const json& line : evals) {
            const double value = line["pass_at_1"].get<double>();
            QVERIFY(value >= 0.0 && value <= 1.0);
            QCOMPARE(line["eval_problems"].get<int>(), 2);
            QCOMPARE(value, line["eval_passed"].get<int>() / 2.0);
            for (const char* key : {"step", "epoch", "elapsed_seconds", "tokens_seen"})
                QVERIFY(line.contains(key));
        }
        QCOMPARE(evals[1]["step"].get<int64_t>(), int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
