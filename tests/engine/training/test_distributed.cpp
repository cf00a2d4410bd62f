// Data parallelism over c10d Gloo on loopback: two ranks that each train on half
// of a global batch take the same steps as one process on the whole batch.
// The test executable re-launches itself as the two ranks (see main()).
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "support/free_port.h"
#include "tiny_training_model.h"
#include "training/distributed.h"

#include <torch/optim/sgd.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>
#include <fstream>
#include <iostream>

using namespace rrtf;
using namespace rrtf::test;

namespace {

// Set in a re-launched copy of this executable: where that rank writes its results.
constexpr const char* kWorkerOutput = "RRTF_TEST_DISTRIBUTED_OUTPUT";
constexpr int kGlobalBatch = 4;
constexpr int kSteps = 3;
constexpr double kLearningRate = 0.5;

at::Tensor flatParameters(CausalLM& model)
{
    std::vector<at::Tensor> parts;
    for (const auto& parameter : model.module()->parameters())
        parts.push_back(parameter.detach().reshape(-1).to(at::kDouble));
    return at::cat(parts);
}

// kSteps of SGD on rows [first, first + rows) of the global batch, gradients
// averaged over the ranks (a no-op for a single process).
void train(CausalLM& model, DistributedContext& context, int64_t first, int64_t rows)
{
    std::vector<at::Tensor> parameters = model.module()->parameters();
    torch::optim::SGD optimizer(parameters, torch::optim::SGDOptions(kLearningRate));
    const at::Tensor batch = fixedSequences(kGlobalBatch, 10, model.vocabSize()).narrow(0, first, rows);
    for (int step = 0; step < kSteps; ++step) {
        optimizer.zero_grad();
        nextTokenLoss(model, batch).backward();
        context.averageGradients(parameters);
        optimizer.step();
    }
}

// One rank: its results go to `output` as doubles: the two sums, the averaged
// gradient of a tensor only rank 0 had one for (3 values), whether a gradient no
// rank had stayed undefined, then the trained parameters.
int runWorker(const char* output)
{
    try {
        DistributedOptions options = distributedOptionsFromEnvironment();
        options.timeout = std::chrono::seconds(60);
        DistributedContext context(options);
        // Different seeds per rank: the broadcast must make them rank 0's model.
        auto model = CausalLM::random(tinyTrainingConfig(true), 7 + context.rank());
        std::vector<at::Tensor> parameters = model->module()->parameters();
        context.broadcast(parameters);
        const int64_t rows = kGlobalBatch / context.worldSize();
        train(*model, context, context.rank() * rows, rows);

        std::vector<double> results = context.sum({context.rank() + 1.0, 0.25});
        at::Tensor onlyRankZero = at::zeros({3}).requires_grad_(true);
        at::Tensor nobody = at::zeros({2}).requires_grad_(true);
        if (context.rank() == 0)
            onlyRankZero.mutable_grad() = at::full({3}, 4.0f);
        context.averageGradients({onlyRankZero, nobody});
        for (int i = 0; i < 3; ++i)
            results.push_back(onlyRankZero.grad().defined() ? onlyRankZero.grad()[i].item<double>() : -1.0);
        results.push_back(nobody.grad().defined() ? 1.0 : 0.0);
        context.barrier();

        const at::Tensor trained = flatParameters(*model);
        std::ofstream file(output, std::ios::binary);
        file.write(reinterpret_cast<const char*>(results.data()), std::streamsize(results.size() * sizeof(double)));
        file.write(static_cast<const char*>(trained.data_ptr()), std::streamsize(trained.numel() * sizeof(double)));
        return file.good() ? 0 : 1;
    } catch (const std::exception& error) {
        std::cerr << "rank worker failed: " << error.what() << "\n";
        return 1;
    }
}

at::Tensor readDoubles(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return at::from_blob(const_cast<char*>(bytes.data()), {bytes.size() / int64_t(sizeof(double))}, at::kDouble).clone();
}

DistributedOptions unreachable(int rank)
{
    DistributedOptions options;
    options.rank = rank;
    options.worldSize = 2;
    options.masterPort = freePort();
    options.timeout = std::chrono::seconds(2);
    return options;
}

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoRanksTrainLikeOneProcess()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString port = QString::number(freePort());
        std::vector<std::unique_ptr<QProcess>> ranks;
        for (int rank = 0; rank < 2; ++rank) {
            auto process = std::make_unique<QProcess>();
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("RANK", QString::number(rank));
            environment.insert("WORLD_SIZE", "2");
            environment.insert("MASTER_ADDR", "127.0.0.1");
            environment.insert("MASTER_PORT", port);
            environment.insert(kWorkerOutput, dir.filePath(QString("rank%1.bin").arg(rank)));
            process->setProcessEnvironment(environment);
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(process->waitForStarted(30000));
            ranks.push_back(std::move(process));
        }
        for (auto& process : ranks) {
            if (!process->waitForFinished(120000)) {
                for (auto& other : ranks)
                    other->kill(), other->waitForFinished(5000);  // reap, never leave a rank behind
                QFAIL("a rank did not finish in 120 s");
            }
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            QCOMPARE(process->exitCode(), 0);
        }

        auto single = CausalLM::random(tinyTrainingConfig(true), 7);
        DistributedContext alone(DistributedOptions{});
        train(*single, alone, 0, kGlobalBatch);
        const at::Tensor expected = flatParameters(*single);
        QVERIFY(!at::allclose(expected, flatParameters(*CausalLM::random(tinyTrainingConfig(true), 7))));

        const at::Tensor rank0 = readDoubles(dir.filePath("rank0.bin"));
        const at::Tensor rank1 = readDoubles(dir.filePath("rank1.bin"));
        constexpr int64_t kHeader = 6;
        QCOMPARE(rank0.numel(), kHeader + expected.numel());
        QVERIFY(at::equal(rank0, rank1));
        QCOMPARE(rank0[0].item<double>(), 3.0);   // 1 + 2
        QCOMPARE(rank0[1].item<double>(), 0.5);   // 0.25 twice
        for (int i = 2; i < 5; ++i)
            QCOMPARE(rank0[i].item<double>(), 2.0);  // (4 + missing-as-0) / 2
        QCOMPARE(rank0[5].item<double>(), 0.0);      // no rank had it: still undefined
        const at::Tensor trained = rank0.narrow(0, kHeader, expected.numel());
        QVERIFY2(at::allclose(trained, expected, 1e-5, 1e-5),
                 qPrintable(QString::number((trained - expected).abs().max().item<double>())));
    }

    void aSingleProcessNeedsNoNetwork()
    {
        DistributedContext context(DistributedOptions{});
        QCOMPARE(context.worldSize(), 1);
        QVERIFY(context.isMain());
        std::vector<at::Tensor> tensors{at::arange(4.0)};
        context.broadcast(tensors);
        QVERIFY(at::equal(tensors[0], at::arange(4.0)));
        at::Tensor parameter = at::zeros({2}).requires_grad_(true);
        parameter.mutable_grad() = at::full({2}, 3.0f);
        context.averageGradients({parameter});
        QVERIFY(at::equal(parameter.grad(), at::full({2}, 3.0f)));
        QCOMPARE(context.sum({1.5, -2.0}), (std::vector<double>{1.5, -2.0}));
        context.barrier();
    }

    void aMissingPeerTimesOut_data()
    {
        QTest::addColumn<int>("rank");
        QTest::newRow("rank 0 waits for rank 1") << 0;
        QTest::newRow("rank 1 finds no rank 0") << 1;
    }

    void aMissingPeerTimesOut()
    {
        QFETCH(int, rank);
        const DistributedOptions options = unreachable(rank);
        const QString where = QString("127.0.0.1:%1").arg(options.masterPort);
        try {
            DistributedContext context(options);
            QFAIL("joined a group whose peer never came");
        } catch (const Error& error) {
            qInfo("%s", error.what());
            QVERIFY2(QString(error.what()).contains(where), error.what());
        }
    }

    void badOptionsAreRefused()
    {
        DistributedOptions options;
        options.worldSize = 2;
        options.rank = 2;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, DistributedContext{options});
        options.rank = 0;
        options.masterPort = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, DistributedContext{options});
    }

    void optionsFromTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("variables");  // NAME=value, or NAME alone to unset it
        QTest::addColumn<QString>("error");          // the variable the error names; empty: accepted
        QTest::addColumn<int>("rank");
        QTest::addColumn<int>("worldSize");
        QTest::addColumn<int>("port");
        const QStringList unset{"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "LOCAL_RANK"};
        QTest::newRow("nothing set: one process") << unset << QString() << 0 << 1 << 29500;
        QTest::newRow("torchrun's variables")
            << QStringList{"RANK=3", "WORLD_SIZE=4", "MASTER_ADDR=10.0.0.2", "MASTER_PORT=1234", "LOCAL_RANK=1"} << ""
            << 3 << 4 << 1234;
        QTest::newRow("world size not a number") << QStringList{"WORLD_SIZE=two", "RANK=0"} << QString("WORLD_SIZE") << 0 << 0 << 0;
        QTest::newRow("world size 0") << QStringList{"WORLD_SIZE=0", "RANK=0"} << QString("WORLD_SIZE") << 0 << 0 << 0;
        QTest::newRow("rank equals world size") << QStringList{"WORLD_SIZE=2", "RANK=2"} << QString("RANK") << 0 << 0 << 0;
        QTest::newRow("negative rank") << QStringList{"WORLD_SIZE=2", "RANK=-1"} << QString("RANK") << 0 << 0 << 0;
        QTest::newRow("rank missing") << QStringList{"WORLD_SIZE=2", "RANK"} << QString("RANK") << 0 << 0 << 0;
        QTest::newRow("port out of range")
            << QStringList{"WORLD_SIZE=2", "RANK=1", "MASTER_PORT=70000"} << QString("MASTER_PORT") << 0 << 0 << 0;
        QTest::newRow("port with junk")
            << QStringList{"WORLD_SIZE=2", "RANK=1", "MASTER_PORT=29500x"} << QString("MASTER_PORT") << 0 << 0 << 0;
        QTest::newRow("empty address")
            << QStringList{"WORLD_SIZE=2", "RANK=1", "MASTER_ADDR="} << QString("MASTER_ADDR") << 0 << 0 << 0;
    }

    void optionsFromTheEnvironment()
    {
        QFETCH(QStringList, variables);
        QFETCH(QString, error);
        const QStringList all{"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "LOCAL_RANK"};
        for (const QString& name : all)
            qunsetenv(qPrintable(name));
        for (const QString& variable : variables) {
            const qsizetype equals = variable.indexOf('=');
            if (equals < 0)
                qunsetenv(qPrintable(variable));
            else
                qputenv(qPrintable(variable.left(equals)), variable.mid(equals + 1).toUtf8());
        }
        DistributedOptions options;
        QString message;
        try {
            options = distributedOptionsFromEnvironment();
        } catch (const InvalidArgument& thrown) {
            message = thrown.what();
        }
        for (const QString& name : all)
            qunsetenv(qPrintable(name));
        if (!error.isEmpty()) {
            QVERIFY2(message.contains(error), qPrintable("error: \"" + message + "\""));
            return;
        }
        QVERIFY2(message.isEmpty(), qPrintable(message));
        QFETCH(int, rank);
        QFETCH(int, worldSize);
        QFETCH(int, port);
        QCOMPARE(options.rank, rank);
        QCOMPARE(options.worldSize, worldSize);
        QCOMPARE(options.masterPort, port);
    }
};

int main(int argc, char** argv)
{
    if (const char* output = std::getenv(kWorkerOutput))
        return runWorker(output);
    QCoreApplication app(argc, argv);
    TestDistributed test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_distributed.moc"
