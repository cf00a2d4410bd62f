// LoRA on a tiny GPTBigCode: adapters start as a no-op, only they learn, the
// base weights stay untouched, and merging them gives the adapted model's logits.
#include "model/causal_lm.h"
#include "quantization/rounding.h"
#include "runtime/error.h"
#include "tiny_training_model.h"
#include "training/lora.h"

#include <torch/optim/adamw.h>

#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

at::Tensor logitsOf(CausalLM& model, const at::Tensor& ids)
{
    ForwardInput input;
    input.ids = ids;
    return model.forward(input);
}

// Eight AdamW steps on the adapters alone; the loss before and after.
std::pair<double, double> trainAdapters(CausalLM& model, const std::map<std::string, at::Tensor>& adapters,
                                        const at::Tensor& ids)
{
    std::vector<at::Tensor> trainable;
    for (const auto& [name, tensor] : adapters)
        trainable.push_back(tensor);
    torch::optim::AdamW optimizer(trainable, torch::optim::AdamWOptions(1e-2));
    const double initial = nextTokenLoss(model, ids).item<double>();
    for (int step = 0; step < 8; ++step) {
        optimizer.zero_grad();
        nextTokenLoss(model, ids).backward();
        optimizer.step();
    }
    return {initial, nextTokenLoss(model, ids).item<double>()};
}

QString maxDifference(const at::Tensor& a, const at::Tensor& b)
{
    return QString::number((a - b).abs().max().item<double>());
}

}  // namespace

class TestLora : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void adaptersStartAsNoOpAndAreTheOnlyTrainables_data()
    {
        QTest::addColumn<bool>("multiQuery");
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<int>("adaptedLayersPerBlock");
        QTest::newRow("multi-query, attention") << true << QStringList{"attn.c_attn", "attn.c_proj"} << 2;
        QTest::newRow("multi-head, every layer")
            << false << QStringList{"attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"} << 4;
        QTest::newRow("multi-query, mlp.c_proj only") << true << QStringList{"mlp.c_proj"} << 1;
    }

    void adaptersStartAsNoOpAndAreTheOnlyTrainables()
    {
        QFETCH(bool, multiQuery);
        QFETCH(QStringList, targets);
        QFETCH(int, adaptedLayersPerBlock);
        auto model = CausalLM::random(tinyTrainingConfig(multiQuery), 4);
        const at::Tensor ids = fixedSequences(2, 10, model->vocabSize());
        const at::Tensor before = logitsOf(*model, ids);

        LoraOptions options;
        options.rank = 4;
        options.targets.clear();
        for (const QString& target : targets)
            options.targets.push_back(target.toStdString());
        const auto adapters = enableLora(*model, options);
        QCOMPARE(int(adapters.size()), 2 * adaptedLayersPerBlock * model->config().nLayer);
        QVERIFY(adapters.count("transformer.h.0." + options.targets[0] + ".lora_A"));
        QVERIFY(adapters.count("transformer.h.1." + options.targets[0] + ".lora_B"));
        const at::Tensor& a = adapters.at("transformer.h.0." + options.targets[0] + ".lora_A");
        QCOMPARE(a.size(0), int64_t(4));
        QVERIFY(a.abs().sum().item<double>() > 0);

        // B = 0: the adapted model computes exactly what the base model did.
        QVERIFY(at::equal(logitsOf(*model, ids), before));
        for (const auto& item : model->module()->named_parameters()) {
            const bool isAdapter = adapters.count(item.key()) > 0;
            QVERIFY2(item.value().requires_grad() == isAdapter, item.key().c_str());
        }
    }

    void trainingMovesOnlyTheAdaptersAndMergingKeepsTheLogits()
    {
        auto model = CausalLM::random(tinyTrainingConfig(true), 8);
        const at::Tensor ids = fixedSequences(4, 12, model->vocabSize());
        LoraOptions options;
        options.rank = 4;
        options.targets = {"attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"};
        const auto adapters = enableLora(*model, options);
        std::map<std::string, at::Tensor> base;
        for (const auto& item : model->module()->named_parameters())
            if (!adapters.count(item.key()))
                base.emplace(item.key(), item.value().detach().clone());

        const auto [initial, trained] = trainAdapters(*model, adapters, ids);
        QVERIFY2(trained < initial - 0.05, qPrintable(QString("loss %1 -> %2").arg(initial).arg(trained)));
        for (const auto& item : model->module()->named_parameters()) {
            if (adapters.count(item.key()))
                continue;
            QVERIFY2(!item.value().grad().defined(), item.key().c_str());
            QVERIFY2(at::equal(item.value(), base.at(item.key())), item.key().c_str());
        }

        const at::Tensor adapted = logitsOf(*model, ids);
        QVERIFY(!at::equal(adapted, logitsOf(*CausalLM::random(tinyTrainingConfig(true), 8), ids)));
        mergeLora(*model);
        for (const auto& item : model->module()->named_parameters())
            QVERIFY2(item.key().find("lora_") == std::string::npos, item.key().c_str());
        QCOMPARE(int(model->module()->named_parameters().size()), int(base.size()));
        const at::Tensor merged = logitsOf(*model, ids);
        QVERIFY2(at::allclose(merged, adapted, 1e-5, 1e-5), qPrintable(maxDifference(merged, adapted)));
        // The merged weights differ from the base ones: the adapters were folded in.
        QVERIFY(!at::equal(model->stateDict().at("transformer.h.0.attn.c_attn.weight"),
                           base.at("transformer.h.0.attn.c_attn.weight")));
    }

    void adaptersTrainOverAQuantisedBase()
    {
        // LoRA on a GPTQ/int4 base (QLoRA's setting): the packed codes stay as they
        // are, gradients pass through the quantised products to the adapters, and
        // merging gives a float model computing what the adapted one computed.
        auto model = CausalLM::random(tinyTrainingConfig(true), 8);
        model->quantizeLinears([](const std::string&, const at::Tensor& w) { return quantizeRoundToNearest(w, 4, 32); });
        const at::Tensor ids = fixedSequences(4, 12, model->vocabSize());
        LoraOptions options;
        options.rank = 4;
        options.targets = {"attn.c_attn", "mlp.c_proj"};
        const auto adapters = enableLora(*model, options);
        const at::Tensor codes = model->linearLayers().front().second->quantized->codes.clone();
        const auto [initial, trained] = trainAdapters(*model, adapters, ids);
        QVERIFY2(trained < initial - 0.05, qPrintable(QString("loss %1 -> %2").arg(initial).arg(trained)));
        QVERIFY(at::equal(model->linearLayers().front().second->quantized->codes, codes));
        const at::Tensor adapted = logitsOf(*model, ids);
        mergeLora(*model);
        QVERIFY(!model->linearLayers().front().second->quantized);  // merged into a float weight
        const at::Tensor merged = logitsOf(*model, ids);
        QVERIFY2(at::allclose(merged, adapted, 1e-4, 1e-4), qPrintable(maxDifference(merged, adapted)));
    }

    void badOptionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<int>("rank");
        QTest::addColumn<double>("dropout");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown target") << QStringList{"attn.c_attn", "attn.q_proj"} << 4 << 0.0 << QString("attn.q_proj");
        QTest::newRow("partial name") << QStringList{"tn.c_attn"} << 4 << 0.0 << QString("tn.c_attn");
        QTest::newRow("not a dense layer") << QStringList{"ln_1"} << 4 << 0.0 << QString("ln_1");
        QTest::newRow("rank 0") << QStringList{"attn.c_attn"} << 0 << 0.0 << QString("rank 0");
        QTest::newRow("dropout 1") << QStringList{"attn.c_attn"} << 4 << 1.0 << QString("dropout 1");
    }

    void badOptionsAreRefused()
    {
        QFETCH(QStringList, targets);
        QFETCH(int, rank);
        QFETCH(double, dropout);
        QFETCH(QString, named);
        auto model = CausalLM::random(tinyTrainingConfig(true), 1);
        LoraOptions options;
        options.rank = rank;
        options.dropout = dropout;
        options.targets.clear();
        for (const QString& target : targets)
            options.targets.push_back(target.toStdString());
        try {
            enableLora(*model, options);
            QFAIL("enableLora accepted bad options");
        } catch (const InvalidArgument& error) {
            QVERIFY2(QString(error.what()).contains(named), error.what());
        }
        // Nothing changed: no adapter, everything still trainable.
        for (const auto& item : model->module()->named_parameters()) {
            QVERIFY(item.key().find("lora_") == std::string::npos);
            QVERIFY(item.value().requires_grad());
        }
    }

    void aSecondAdapterOnALayerIsRefused()
    {
        auto model = CausalLM::random(tinyTrainingConfig(true), 1);
        enableLora(*model, {});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, enableLora(*model, {}));
    }
};

QTEST_GUILESS_MAIN(TestLora)
#include "test_lora.moc"
