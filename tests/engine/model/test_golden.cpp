// Parity with Hugging Face transformers' own GPTBigCode on the golden tiny
// checkpoint: logits to 1e-4 (max abs) and greedy tokens exactly, with and
// without the KV cache, batched and alone.
#include "generation/generator.h"
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "support/golden.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

static constexpr double kTolerance = 1e-4;

class TestGolden : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<CausalLM> m_model;
    const nlohmann::json& expected() { return goldenExpected(); }

    // Greedy decoding without a cache: the whole sequence through the model at every step.
    std::vector<int> greedyWithoutCache(std::vector<int> ids, int steps)
    {
        std::vector<int> out;
        for (int i = 0; i < steps; ++i) {
            at::Tensor logits = m_model->forward({idTensor(ids)});
            const int next = static_cast<int>(logits[0][-1].argmax().item<int64_t>());
            out.push_back(next);
            ids.push_back(next);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { m_model = CausalLM::load(goldenDir()); }

    void paddedBatchMatches()
    {
        const auto& batch = expected()["inputs"]["forward_batch"];
        ForwardInput input;
        input.ids = jsonTensor(batch["input_ids"]).to(at::kLong);
        input.attentionMask = jsonTensor(batch["attention_mask"]).to(at::kLong);
        at::Tensor logits = m_model->forward(input);
        const auto& forward = expected()["forward"];
        QVERIFY(maxAbsDiff(logits[0], jsonTensor(forward["logits_seq1"])) < kTolerance);
        QVERIFY(maxAbsDiff(logits[1].narrow(0, 0, 9), jsonTensor(forward["logits_seq2_valid"])) < kTolerance);
        const at::Tensor argmax = logits[0].argmax(-1).contiguous();
        QCOMPARE(jsonIds(forward["argmax_seq1"]),
                 std::vector<int>(argmax.data_ptr<int64_t>(), argmax.data_ptr<int64_t>() + argmax.numel()));
    }

    void singleSequencesMatch_data()
    {
        QTest::addColumn<QString>("sequence");
        QTest::addColumn<QString>("logits");
        QTest::newRow("seq1 alone") << "seq1" << "logits_seq1";
        QTest::newRow("seq2 alone") << "seq2" << "logits_seq2_valid";
    }

    void singleSequencesMatch()
    {
        QFETCH(QString, sequence);
        QFETCH(QString, logits);
        const auto ids = jsonIds(expected()["inputs"][sequence.toStdString()]);
        at::Tensor actual = m_model->forward({idTensor(ids)})[0];
        const double diff = maxAbsDiff(actual, jsonTensor(expected()["forward"][logits.toStdString()]));
        QVERIFY2(diff < kTolerance, qPrintable(QString::number(diff)));
    }

    void cachedStepsMatch()
    {
        const auto& incremental = expected()["incremental"];
        KvCache cache = m_model->newCache();
        ForwardInput prefix{idTensor(jsonIds(expected()["inputs"]["incremental"]["prefix"]))};
        prefix.lastPositionOnly = true;
        at::Tensor last = m_model->forward(prefix, &cache).view({-1});
        QVERIFY(maxAbsDiff(last, jsonTensor(incremental["prefix_last_logits"])) < kTolerance);
        QCOMPARE(cache.layer(0).sizes().vec(), (std::vector<int64_t>{1, 16, 32}));

        at::Tensor step1 = m_model->forward({idTensor({incremental["step1_token"].get<int>()})}, &cache).view({-1});
        QVERIFY(maxAbsDiff(step1, jsonTensor(incremental["step1_logits"])) < kTolerance);
        const int step2Token = static_cast<int>(step1.argmax().item<int64_t>());
        QCOMPARE(step2Token, incremental["step2_token"].get<int>());
        at::Tensor step2 = m_model->forward({idTensor({step2Token})}, &cache).view({-1});
        QVERIFY(maxAbsDiff(step2, jsonTensor(incremental["step2_logits"])) < kTolerance);
        QCOMPARE(cache.layer(1).sizes().vec(), (std::vector<int64_t>{1, 18, 32}));
    }

    void greedyGenerationMatches_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::newRow("prompt1") << "prompt1";
        QTest::newRow("prompt2") << "prompt2";
    }

    void greedyGenerationMatches()
    {
        QFETCH(QString, prompt);
        const auto& record = expected()["generate"][prompt.toStdString()];
        const auto want = jsonIds(record["new_tokens"]);
        GenerationRequest request;
        request.promptIds = jsonIds(record["prompt"]);
        request.sampling.greedy = true;
        request.maxNewTokens = 20;
        request.stopAtEos = false;
        Generator generator(*m_model);
        auto results = generator.generate({request});
        QCOMPARE(results[0].samples[0].ids, want);
        QCOMPARE(greedyWithoutCache(request.promptIds, 20), want);
    }

    void leftPaddedBatchMatches()
    {
        const auto& record = expected()["generate"]["batched_left_padded"];
        const at::Tensor want = jsonTensor(record["new_tokens"]).to(at::kLong);

        // Through the generator: two prompts of different lengths decoded together.
        std::vector<GenerationRequest> requests(2);
        for (int i = 0; i < 2; ++i) {
            requests[i].promptIds = jsonIds(expected()["generate"][i == 0 ? "prompt1" : "prompt2"]["prompt"]);
            requests[i].sampling.greedy = true;
            requests[i].maxNewTokens = 20;
            requests[i].stopAtEos = false;
        }
        Generator generator(*m_model);
        auto results = generator.generate(requests);
        for (int i = 0; i < 2; ++i) {
            const auto& ids = results[i].samples[0].ids;
            QCOMPARE(at::tensor(std::vector<int64_t>(ids.begin(), ids.end())).equal(want[i]), true);
        }

        // Directly: HF's left-padded prefill, positions cumsum(mask) - 1 with padding at 1.
        ForwardInput input;
        input.ids = jsonTensor(record["input_ids"]).to(at::kLong);
        input.attentionMask = jsonTensor(record["attention_mask"]).to(at::kLong);
        input.positions = (input.attentionMask.cumsum(1) - 1).masked_fill(input.attentionMask.eq(0), 1);
        at::Tensor first = m_model->forward(input).select(1, 7);
        QVERIFY(maxAbsDiff(first[0], jsonTensor(expected()["generate"]["prompt1"]["first_step_logits"])) < kTolerance);
        QVERIFY(maxAbsDiff(first[1], jsonTensor(expected()["generate"]["prompt2"]["first_step_logits"])) < kTolerance);
    }

    void untiedFileWithoutLmHeadMatches()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.path().toStdString();
        std::filesystem::copy_file(goldenDir() / "config.json", path / "config.json");
        std::filesystem::copy_file(goldenDir() / "model_no_lm_head.safetensors", path / "model.safetensors");
        auto model = CausalLM::load(path);
        const auto ids = jsonIds(expected()["inputs"]["seq1"]);
        QCOMPARE(maxAbsDiff(model->forward({idTensor(ids)}), m_model->forward({idTensor(ids)})), 0.0);
    }

    void bfloat16ComputeStaysClose()
    {
        auto model = CausalLM::load(goldenDir(), {at::kCPU, at::kBFloat16});
        const auto ids = jsonIds(expected()["inputs"]["seq1"]);
        const double diff = maxAbsDiff(model->forward({idTensor(ids)})[0], jsonTensor(expected()["forward"]["logits_seq1"]));
        QVERIFY2(diff < 0.15, qPrintable(QString::number(diff)));
    }

    void contextOverflowIsRefused()
    {
        std::vector<int> ids(129, 5);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, m_model->forward({idTensor(ids)}));
        GenerationRequest request;
        request.promptIds = std::vector<int>(100, 5);
        request.maxNewTokens = 29;
        Generator generator(*m_model);
        try {
            generator.generate({request});
            QFAIL("expected the request to be refused");
        } catch (const InvalidArgument& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("100") && message.contains("29") && message.contains("128"), qPrintable(message));
        }
        request.maxNewTokens = 28;
        QCOMPARE(generator.generate({request})[0].samples[0].ids.size(), size_t(28));
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "test_golden.moc"
