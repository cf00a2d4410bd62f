// The thread guard: on a thread marked as the GUI thread every engine entry point
// the workbench reaches (model load and forward, generation, tokenizer, sandbox,
// verdict writes) refuses with an error naming itself, and is recorded; the same
// calls work on any other thread.
#include "evaluation/sandbox_pool.h"
#include "generation/generator.h"
#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "runtime/thread_guard.h"
#include "store/workspace.h"
#include "tokenizer/tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>
#include <thread>

using namespace rrtf;

namespace {

GPTBigCodeConfig tinyConfig()
{
    GPTBigCodeConfig config;
    config.vocabSize = 64;
    config.nPositions = 32;
    config.nEmbd = 16;
    config.nLayer = 1;
    config.nHead = 2;
    config.eosTokenId = 0;
    return config;
}

// Runs `call` on a fresh thread (never marked) and returns its error text, empty when none.
QString errorOnWorker(const std::function<void()>& call)
{
    QString error;
    std::thread worker([&] {
        try {
            call();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
    });
    worker.join();
    return error;
}

}  // namespace

class TestThreadGuard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::filesystem::path modelDir() const { return std::filesystem::path(m_dir.path().toStdString()) / "model"; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const GPTBigCodeConfig config = tinyConfig();
        std::filesystem::create_directories(modelDir());
        writeCheckpoint(modelDir(), CausalLM::random(config, 1)->stateDict());
        std::ofstream(modelDir() / "config.json") << config.toJson().dump(2) << '\n';
    }

    void cleanup()
    {
        markResponsiveThread(false);
        clearThreadViolations();
    }

    void unmarkedThreadRunsEverything()
    {
        QVERIFY(!onResponsiveThread());
        auto model = CausalLM::load(modelDir());
        Generator generator(*model);
        GenerationRequest request;
        request.promptIds = {1, 2, 3};
        request.maxNewTokens = 2;
        QCOMPARE(generator.generate({request}).at(0).samples.at(0).ids.size(), size_t(2));
        QVERIFY(threadViolations().empty());
    }

    void entryPointsRefuseTheMarkedThread_data()
    {
        QTest::addColumn<QString>("entryPoint");
        QTest::newRow("load") << "CausalLM::load";
        QTest::newRow("forward") << "CausalLM::forward";
        QTest::newRow("generate") << "Generator::generate";
        QTest::newRow("tokenizer") << "loadTokenizer";
        QTest::newRow("sandbox") << "SandboxPool::judge";
        QTest::newRow("verdict write") << "Workspace::recordVerdicts";
    }

    void entryPointsRefuseTheMarkedThread()
    {
        QFETCH(QString, entryPoint);
        // What each entry point needs is made before the thread is marked.
        auto model = CausalLM::load(modelDir());
        const auto workspacePath = std::filesystem::path(m_dir.path().toStdString()) / "workspace.sqlite";
        Workspace workspace(workspacePath);
        const EvalRun run = workspace.findOrCreateRun({"guard", "problems.jsonl", "p", "samples", "s", {}, "test"});
        std::function<void()> call;
        if (entryPoint == "CausalLM::load") {
            call = [&] { CausalLM::load(modelDir()); };
        } else if (entryPoint == "CausalLM::forward") {
            call = [&] {
                ForwardInput input;
                input.ids = at::tensor(std::vector<int64_t>{1, 2}).unsqueeze(0);
                model->forward(input);
            };
        } else if (entryPoint == "Generator::generate") {
            call = [&] {
                Generator generator(*model);
                GenerationRequest request;
                request.promptIds = {1};
                request.maxNewTokens = 1;
                generator.generate({request});
            };
        } else if (entryPoint == "loadTokenizer") {
            call = [&] { loadTokenizer(modelDir() / "tokenizer.json"); };
        } else if (entryPoint == "SandboxPool::judge") {
            // The pool's workers start lazily enough for this: the guard refuses before any is asked.
            call = [&] {
                SandboxOptions options;
                options.workers = 1;
                options.allowUnsafe = true;
                SandboxPool pool(options);
                pool.judge(JudgeTask{}, JudgeLimits{});
            };
        } else {
            call = [&] {
                StoredVerdict stored;
                stored.taskId = "t";
                workspace.recordVerdict(run.id, stored);
            };
        }

        // On any other thread the call gets past the guard (it may fail for its own
        // reasons: the tokenizer file does not exist, the empty task is refused).
        const QString workerError = errorOnWorker(call);
        QVERIFY2(!workerError.contains("GUI thread"), qPrintable(workerError));
        QVERIFY(threadViolations().empty());

        markResponsiveThread(true);
        QVERIFY(onResponsiveThread());
        try {
            call();
            QFAIL("the call ran on the marked thread");
        } catch (const WrongThread& error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(entryPoint + " "), error.what());
        }
        markResponsiveThread(false);
        QCOMPARE(threadViolations(), std::vector<std::string>{entryPoint.toStdString()});
        // Only the marked thread is refused: a thread started from it is not marked.
        QVERIFY(errorOnWorker([] { requireWorkerThread("anything"); }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThreadGuard)
#include "test_thread_guard.moc"
