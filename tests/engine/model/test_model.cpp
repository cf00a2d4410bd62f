// The GPTBigCode module against an independent, loop-per-head re-implementation
// (multi-query and the per-head interleaved multi-head layout), the KV cache
// against full recomputation, and checkpoints of every layout and dtype
// loading into the same model.
#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "runtime/error.h"
#include "support/golden.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

GPTBigCodeConfig smallConfig(bool multiQuery, int vocab = 300)
{
    GPTBigCodeConfig config;
    config.vocabSize = vocab;
    config.nPositions = 64;
    config.nEmbd = 48;
    config.nLayer = 2;
    config.nHead = 4;
    config.multiQuery = multiQuery;
    config.activation = Activation::GeluErf;
    config.eosTokenId = 0;
    return config;
}

// Textbook attention, one head at a time, no cache, one sequence.
at::Tensor referenceLogits(const GPTBigCodeConfig& config, std::map<std::string, at::Tensor> w, const at::Tensor& ids)
{
    const int64_t steps = ids.numel(), embd = config.nEmbd, dim = config.headDim();
    auto norm = [&](const at::Tensor& x, const std::string& name) {
        return at::layer_norm(x, {embd}, w[name + ".weight"], w[name + ".bias"], config.layerNormEpsilon);
    };
    auto dense = [&](const at::Tensor& x, const std::string& name) {
        return at::matmul(x, w[name + ".weight"].t()) + w[name + ".bias"];
    };
    at::Tensor h = w["transformer.wte.weight"].index_select(0, ids) +
                   w["transformer.wpe.weight"].narrow(0, 0, steps);
    const at::Tensor future = at::ones({steps, steps}).triu(1).to(at::kBool);
    for (int layer = 0; layer < config.nLayer; ++layer) {
        const std::string p = "transformer.h." + std::to_string(layer);
        at::Tensor qkv = dense(norm(h, p + ".ln_1"), p + ".attn.c_attn");
        std::vector<at::Tensor> heads;
        for (int64_t j = 0; j < config.nHead; ++j) {
            at::Tensor q, k, v;
            if (config.multiQuery) {
                q = qkv.narrow(1, j * dim, dim);
                k = qkv.narrow(1, embd, dim);
                v = qkv.narrow(1, embd + dim, dim);
            } else {
                at::Tensor block = qkv.narrow(1, j * 3 * dim, 3 * dim);
                q = block.narrow(1, 0, dim);
                k = block.narrow(1, dim, dim);
                v = block.narrow(1, 2 * dim, dim);
            }
            at::Tensor scores = at::matmul(q, k.t()) / std::sqrt(static_cast<double>(dim));
            heads.push_back(at::matmul(at::softmax(scores.masked_fill(future, -INFINITY), 1), v));
        }
        h = h + dense(at::cat(heads, 1), p + ".attn.c_proj");
        h = h + dense(at::gelu(dense(norm(h, p + ".ln_2"), p + ".mlp.c_fc")), p + ".mlp.c_proj");
    }
    return at::matmul(norm(h, "transformer.ln_f"), w["transformer.wte.weight"].t());
}

at::Tensor someIds(int count, int vocab)
{
    return (at::arange(count, at::kLong) * 37 + 11) % vocab;
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesReferenceImplementation_data()
    {
        QTest::addColumn<bool>("multiQuery");
        QTest::newRow("multi-query") << true;
        QTest::newRow("multi-head, per-head interleaved c_attn") << false;
    }

    void matchesReferenceImplementation()
    {
        QFETCH(bool, multiQuery);
        const auto config = smallConfig(multiQuery);
        auto model = CausalLM::random(config, 3);
        const at::Tensor ids = someIds(20, config.vocabSize);
        at::Tensor want = referenceLogits(config, model->stateDict(), ids);
        QVERIFY(maxAbsDiff(model->forward({ids.view({1, -1})})[0], want) < 1e-4);

        // Token by token through the cache gives the same rows.
        KvCache cache = model->newCache();
        for (int64_t t = 0; t < ids.numel(); ++t) {
            at::Tensor row = model->forward({ids.narrow(0, t, 1).view({1, 1})}, &cache).view({-1});
            QVERIFY(maxAbsDiff(row, want[t]) < 1e-4);
        }
    }

    void paddedBatchMatchesSingleSequences_data() { matchesReferenceImplementation_data(); }

    void paddedBatchMatchesSingleSequences()
    {
        QFETCH(bool, multiQuery);
        const auto config = smallConfig(multiQuery);
        auto model = CausalLM::random(config, 4);
        const at::Tensor longer = someIds(12, config.vocabSize), shorter = someIds(7, config.vocabSize) + 1;
        // Left padding with positions from the mask, as batched generation uses.
        ForwardInput input;
        input.ids = at::stack({longer, at::cat({at::zeros({5}, at::kLong), shorter})});
        input.attentionMask = at::stack({at::ones({12}, at::kLong), at::cat({at::zeros({5}, at::kLong), at::ones({7}, at::kLong)})});
        input.positions = (input.attentionMask.cumsum(1) - 1).clamp_min(0);
        at::Tensor batched = model->forward(input);
        QVERIFY(maxAbsDiff(batched[0], model->forward({longer.view({1, -1})})[0]) < 1e-5);
        QVERIFY(maxAbsDiff(batched[1].narrow(0, 5, 7), model->forward({shorter.view({1, -1})})[0]) < 1e-5);
    }

    void everyCheckpointLayoutLoads_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<qint64>("shardBytes");
        QTest::addColumn<bool>("multiQuery");
        QTest::newRow("model.safetensors") << int(CheckpointFormat::Safetensors) << qint64(0) << true;
        QTest::newRow("sharded safetensors") << int(CheckpointFormat::Safetensors) << qint64(40000) << true;
        QTest::newRow("pytorch_model.bin") << int(CheckpointFormat::TorchBin) << qint64(0) << true;
        QTest::newRow("sharded pytorch_model.bin, multi-head") << int(CheckpointFormat::TorchBin) << qint64(40000) << false;
    }

    void everyCheckpointLayoutLoads()
    {
        QFETCH(int, format);
        QFETCH(qint64, shardBytes);
        QFETCH(bool, multiQuery);
        // WizardCoder's vocabulary: 49,153 rows would be slow here, so keep the odd row count.
        const auto config = smallConfig(multiQuery, 301);
        auto model = CausalLM::random(config, 5);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.path().toStdString();
        std::ofstream(path / "config.json") << config.toJson().dump();
        auto tensors = model->stateDict();
        tensors["lm_head.weight"] = tensors["transformer.wte.weight"];  // tied, but stored as WizardCoder's .bin does
        writeCheckpoint(path, tensors, {CheckpointFormat(format), static_cast<uint64_t>(shardBytes)});
        auto loaded = CausalLM::load(path);
        const at::Tensor ids = someIds(9, config.vocabSize).view({1, -1});
        QCOMPARE(maxAbsDiff(loaded->forward({ids}), model->forward({ids})), 0.0);
    }

    void halfPrecisionWeightsLoad_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("F16 file") << "float16";
        QTest::newRow("BF16 file") << "bfloat16";
    }

    void halfPrecisionWeightsLoad()
    {
        QFETCH(QString, dtype);
        const auto stored = parseDtype(dtype.toStdString());
        auto golden = readCheckpoint(goldenDir());
        std::map<std::string, at::Tensor> narrowed;
        for (const auto& [name, tensor] : golden)
            narrowed[name] = tensor.to(stored);
        const auto config = GPTBigCodeConfig::fromFile(goldenDir() / "config.json");
        auto model = CausalLM::fromTensors(config, narrowed, {}, "memory");
        auto reference = CausalLM::load(goldenDir());
        const at::Tensor ids = idTensor(jsonIds(goldenExpected()["inputs"]["seq1"]));
        const double diff = maxAbsDiff(model->forward({ids}), reference->forward({ids}));
        QVERIFY2(diff < (stored == at::kHalf ? 0.02 : 0.15), qPrintable(QString::number(diff)));
    }

    void inconsistentCheckpointsAreRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing tensor") << "drop" << "transformer.h.1.mlp.c_fc.bias";
        QTest::newRow("wrong shape") << "shape" << "transformer.h.0.attn.c_attn.weight";
        QTest::newRow("unexpected tensor") << "extra" << "transformer.h.9.attn.c_attn.weight";
        QTest::newRow("vocab disagrees with config") << "vocab" << "vocab_size";
    }

    void inconsistentCheckpointsAreRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QString, mentions);
        const auto config = smallConfig(true);
        auto tensors = CausalLM::random(config, 1)->stateDict();
        if (damage == "drop")
            tensors.erase("transformer.h.1.mlp.c_fc.bias");
        else if (damage == "shape")
            tensors["transformer.h.0.attn.c_attn.weight"] = at::zeros({10, 48});
        else if (damage == "extra")
            tensors["transformer.h.9.attn.c_attn.weight"] = at::zeros({10, 48});
        else
            tensors["transformer.wte.weight"] = at::zeros({299, 48});
        try {
            CausalLM::fromTensors(config, tensors, {}, "some/model");
            QFAIL("expected a FormatError");
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("some/model") && message.contains(mentions), qPrintable(message));
        }
    }

    void ignoresLegacyMaskBuffers()
    {
        const auto config = smallConfig(true);
        auto tensors = CausalLM::random(config, 1)->stateDict();
        tensors["transformer.h.0.attn.masked_bias"] = at::tensor(-1e4);
        tensors["transformer.h.0.attn.bias"] = at::ones({1, 1, 64, 64});
        CausalLM::fromTensors(config, tensors, {}, "old");
    }

    // A load is cancelled between tensors: the progress hook sees each step, and a
    // cancel made at step 3 stops the load there with Cancelled (no model).
    void loadIsCancelledBetweenTensors()
    {
        const auto config = smallConfig(true);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.path().toStdString();
        std::ofstream(path / "config.json") << config.toJson().dump();
        writeCheckpoint(path, CausalLM::random(config, 2)->stateDict());

        LoadOptions options;
        std::vector<int> steps;
        int total = 0;
        options.onProgress = [&](int done, int of) {
            steps.push_back(done);
            total = of;
            if (done == 3)
                options.cancel.cancel();
        };
        try {
            CausalLM::load(path, options);
            QFAIL("a cancelled load returned a model");
        } catch (const Cancelled&) {
        }
        QCOMPARE(steps, (std::vector<int>{0, 1, 2, 3}));
        QVERIFY(total > 4);

        LoadOptions cancelledBefore;
        cancelledBefore.cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, CausalLM::load(path, cancelledBefore));

        // Uncancelled, the hook ends at total of total.
        LoadOptions plain;
        std::vector<int> all;
        plain.onProgress = [&](int done, int) { all.push_back(done); };
        QVERIFY(CausalLM::load(path, plain) != nullptr);
        QCOMPARE(all.back(), total);
        QCOMPARE(int(all.size()), total + 1);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
