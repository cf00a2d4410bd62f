// Gradient checkpointing recomputes each block in the backward pass; the loss
// and every gradient must come out as without it.
#include "model/causal_lm.h"
#include "tiny_training_model.h"
#include "training/lora.h"

#include <torch/csrc/autograd/function.h>

#include <QtTest>

#include <set>

using namespace rrtf;
using namespace rrtf::test;

namespace {

struct Pass {
    double loss = 0;
    std::map<std::string, at::Tensor> grads;
    int checkpointNodes = 0;  // blocks the graph recomputes instead of keeping
};

int countCheckpointNodes(const at::Tensor& loss)
{
    std::set<torch::autograd::Node*> seen;
    std::vector<torch::autograd::Node*> pending{loss.grad_fn().get()};
    int found = 0;
    while (!pending.empty()) {
        torch::autograd::Node* node = pending.back();
        pending.pop_back();
        if (!node || !seen.insert(node).second)
            continue;
        found += node->name().find("CheckpointFunction") != std::string::npos;
        for (const auto& edge : node->next_edges())
            pending.push_back(edge.function.get());
    }
    return found;
}

Pass lossAndGradients(CausalLM& model, const at::Tensor& ids)
{
    for (auto& parameter : model.module()->parameters())
        parameter.mutable_grad() = at::Tensor();
    at::manual_seed(5);  // the same dropout masks in both passes
    const at::Tensor loss = nextTokenLoss(model, ids);
    Pass pass;
    pass.checkpointNodes = countCheckpointNodes(loss);
    loss.backward();
    pass.loss = loss.item<double>();
    for (const auto& item : model.module()->named_parameters())
        if (item.value().grad().defined())
            pass.grads.emplace(item.key(), item.value().grad().clone());
    return pass;
}

}  // namespace

class TestGradientCheckpointing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameLossAndGradients_data()
    {
        QTest::addColumn<bool>("multiQuery");
        QTest::addColumn<bool>("lora");
        QTest::addColumn<double>("dropout");
        QTest::newRow("multi-query") << true << false << 0.0;
        QTest::newRow("multi-head") << false << false << 0.0;
        QTest::newRow("multi-query, LoRA (frozen embeddings)") << true << true << 0.0;
        QTest::newRow("multi-head, LoRA (frozen embeddings)") << false << true << 0.0;
        // The recompute must draw the forward's dropout masks again.
        QTest::newRow("multi-query, LoRA with dropout") << true << true << 0.3;
    }

    void sameLossAndGradients()
    {
        QFETCH(bool, multiQuery);
        QFETCH(bool, lora);
        QFETCH(double, dropout);
        auto model = CausalLM::random(tinyTrainingConfig(multiQuery), 21);
        if (lora) {
            LoraOptions options;
            options.rank = 2;
            options.targets = {"attn.c_attn", "mlp.c_fc"};
            options.dropout = dropout;
            auto adapters = enableLora(*model, options);
            at::NoGradGuard noGrad;  // B = 0 would give A no gradient
            for (auto& [name, tensor] : adapters)
                if (name.ends_with("lora_B"))
                    tensor.normal_(0.0, 0.05);
        }
        const at::Tensor ids = fixedSequences(3, 14, model->vocabSize());
        model->module()->train(dropout > 0);  // LoRA dropout acts in training mode only
        if (dropout > 0) {  // the masks matter: another draw gives another loss
            at::manual_seed(6);
            const double otherDraw = nextTokenLoss(*model, ids).item<double>();
            at::manual_seed(5);
            QVERIFY(std::abs(nextTokenLoss(*model, ids).item<double>() - otherDraw) > 1e-4);
        }

        const Pass plain = lossAndGradients(*model, ids);
        QVERIFY(!model->module()->transformer->gradientCheckpointing());
        setGradientCheckpointing(*model, true);
        QVERIFY(model->module()->transformer->gradientCheckpointing());
        const Pass checkpointed = lossAndGradients(*model, ids);

        QCOMPARE(plain.checkpointNodes, 0);
        QCOMPARE(checkpointed.checkpointNodes, model->config().nLayer);
        QVERIFY(std::abs(plain.loss - checkpointed.loss) <= 1e-6);
        QCOMPARE(checkpointed.grads.size(), plain.grads.size());
        // Every trainable parameter has a gradient: blocks 0 and 1 included.
        QCOMPARE(int(plain.grads.size()), lora ? 2 * 2 * 2 : 4 + 2 * 12 + 1);
        for (const auto& [name, grad] : plain.grads) {
            QVERIFY2(checkpointed.grads.count(name), name.c_str());
            const at::Tensor& other = checkpointed.grads.at(name);
            QVERIFY2(grad.abs().sum().item<double>() > 0, name.c_str());
            const double difference = (grad - other).abs().max().item<double>();
            QVERIFY2(difference <= 1e-6, qPrintable(QString::fromStdString(name) + ": " + QString::number(difference)));
        }

        // Inference is untouched by the flag (no graph, no recompute).
        model->module()->eval();
        ForwardInput input;
        input.ids = ids;
        const at::Tensor logits = model->forward(input);
        setGradientCheckpointing(*model, false);
        QVERIFY(at::equal(model->forward(input), logits));
    }
};

QTEST_GUILESS_MAIN(TestGradientCheckpointing)
#include "test_gradient_checkpointing.moc"
