// RRTF training steps on a tiny random GPTBigCode: the loss of a batch of two
// prompts falls under AdamW, every parameter gets a gradient, and inference
// (no gradient, fast products) gives the logits the training forward gives.
#include "byte_tokenizer.h"
#include "model/causal_lm.h"
#include "model/small_batch_product.h"
#include "training/rrtf_loss.h"
#include "training/training_batch.h"

#include <torch/optim/adamw.h>

#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

GPTBigCodeConfig tinyConfig(bool multiQuery, bool tied)
{
    GPTBigCodeConfig config;
    config.vocabSize = 257;  // ByteTokenizer
    config.nPositions = 64;
    config.nEmbd = 32;
    config.nLayer = 2;
    config.nHead = 4;
    config.multiQuery = multiQuery;
    config.tieWordEmbeddings = tied;
    config.bosTokenId = config.eosTokenId = ByteTokenizer::kEos;
    return config;
}

RankedAnswer answer(std::string code, AnswerClass answerClass, double score)
{
    RankedAnswer made;
    made.text = "```python\n" + code + "```\n";
    made.code = std::move(code);
    made.answerClass = answerClass;
    made.score = score;
    return made;
}

// Two prompts: one student each for the first, two for the second (one tie).
std::vector<RankedItem> twoItems()
{
    RankedItem first;
    first.taskId = "evol/1";
    first.instruction = "Add one.";
    first.teachers = {answer("def f(x):\n    return x + 1\n", AnswerClass::AllPass, 3)};
    first.bestTeacher = 0;
    first.students = {answer("def f(x):\n    return x\n", AnswerClass::RuntimeError, 1)};
    first.pairs = {{0, 3.0, 1.0}};
    RankedItem second;
    second.taskId = "evol/2";
    second.instruction = "Double.";
    second.teachers = {answer("def g(x):\n    return 2 * x\n", AnswerClass::AllPass, 3)};
    second.bestTeacher = 0;
    second.students = {answer("def g(x):\n    return x + x\n", AnswerClass::AllPass, 3),
                       answer("def g(x):\n    pass\n", AnswerClass::CompileError, 0)};
    second.pairs = {{0, 3.5, 3.0}, {1, 3.0, 0.0}};
    return {first, second};
}

// One short prompt: 2 rows of 12 tokens, so every product has at most 64 rows,
// the size at which inference switches to the small-batch kernel.
std::vector<RankedItem> oneShortItem()
{
    RankedItem item;
    item.taskId = "evol/3";
    item.instruction = "x";
    item.teachers = {answer("y\n", AnswerClass::AllPass, 3)};
    item.bestTeacher = 0;
    item.students = {answer("z\n", AnswerClass::Partial, 2.5)};
    item.pairs = {{0, 3.0, 2.5}};
    return {item};
}

ForwardInput inputOf(const TrainingBatch& batch)
{
    ForwardInput input;
    input.ids = batch.ids;
    input.attentionMask = batch.attentionMask;
    return input;
}

RrtfLoss lossOf(CausalLM& model, const TrainingBatch& batch)
{
    return rrtfLoss(model.module()->forward(inputOf(batch), nullptr), batch.labels, batch.items);
}

}  // namespace

class TestTrainingStep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossFallsAndEveryParameterLearns_data()
    {
        QTest::addColumn<bool>("multiQuery");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("decodeSized");
        QTest::newRow("multi-query, tied embeddings") << true << true << false;
        QTest::newRow("multi-head, own lm_head") << false << false << false;
        QTest::newRow("decode-sized products") << true << true << true;
        QTest::newRow("decode-sized products, multi-head") << false << false << true;
    }

    void lossFallsAndEveryParameterLearns()
    {
        QFETCH(bool, multiQuery);
        QFETCH(bool, tied);
        QFETCH(bool, decodeSized);
        auto model = CausalLM::random(tinyConfig(multiQuery, tied), 11);
        TrainingBatchOptions options;
        options.maxLength = 64;
        const TrainingBatch batch = buildTrainingBatch(decodeSized ? oneShortItem() : twoItems(), ByteTokenizer(), options);
        QCOMPARE(batch.rows(), int64_t(decodeSized ? 2 : 5));
        QVERIFY(batch.skipped.empty());
        QVERIFY(!decodeSized || batch.ids.numel() <= 64);

        RrtfLoss first = lossOf(*model, batch);
        QCOMPARE(first.items, int64_t(decodeSized ? 1 : 2));
        QCOMPARE(first.pairs, int64_t(decodeSized ? 1 : 3));
        QVERIFY(std::isfinite(first.total.item<double>()));
        first.total.backward();
        int checked = 0;
        for (const auto& item : model->module()->named_parameters()) {
            const at::Tensor& grad = item.value().grad();
            QVERIFY2(grad.defined(), qPrintable(QString::fromStdString(item.key()) + " has no gradient"));
            QVERIFY2(grad.abs().sum().item<double>() > 0, qPrintable(QString::fromStdString(item.key()) + " has a zero gradient"));
            QVERIFY(grad.isfinite().all().item<bool>());
            ++checked;
        }
        // wte, wpe, ln_f (2), 12 per block, and lm_head when untied.
        QCOMPARE(checked, 4 + 2 * 12 + (tied ? 0 : 1));

        torch::optim::AdamW optimizer(model->module()->parameters(), torch::optim::AdamWOptions(1e-2));
        optimizer.zero_grad();
        const double initial = first.total.item<double>();
        const float initialTeacherScore = first.scores[0].item<float>();
        double last = initial;
        RrtfLoss now;
        for (int step = 0; step < 6; ++step) {
            optimizer.zero_grad();
            now = lossOf(*model, batch);
            last = now.total.item<double>();
            now.total.backward();
            optimizer.step();
        }
        now = lossOf(*model, batch);
        QVERIFY2(now.total.item<double>() < 0.8 * initial,
                 qPrintable(QString("loss %1 -> %2").arg(initial).arg(now.total.item<double>())));
        QVERIFY(now.total.item<double>() < last);
        // Fine-tuning on the teacher raises its length-normalised log-probability.
        QVERIFY(now.scores[0].item<float>() > initialTeacherScore);
    }

    void inferenceLogitsMatchTheTrainingForward()
    {
        auto model = CausalLM::random(tinyConfig(true, true), 5);
        TrainingBatchOptions options;
        options.maxLength = 64;
        TrainingBatch batch = buildTrainingBatch(twoItems(), ByteTokenizer(), options);
        const at::Tensor trained = model->module()->forward(inputOf(batch), nullptr);
        QVERIFY(trained.requires_grad());
        const at::Tensor inferred = model->forward(inputOf(batch));
        QVERIFY(!inferred.requires_grad());
        QVERIFY2(at::allclose(inferred, trained.detach(), 1e-4, 1e-5),
                 qPrintable(QString::number((inferred - trained.detach()).abs().max().item<double>())));
        // A few rows (decoding-sized): inference takes the small-batch kernel.
        ForwardInput few;
        few.ids = batch.ids.narrow(0, 0, 1).narrow(1, 0, 9);
        const at::Tensor fewTrained = model->module()->forward(few, nullptr);
        const at::Tensor fewInferred = model->forward(few);
        QVERIFY(at::allclose(fewInferred, fewTrained.detach(), 1e-4, 1e-5));
    }

    void denseProductKeepsTheFastPathForInference()
    {
        at::manual_seed(2);
        const at::Tensor weight = at::randn({16, 32}).requires_grad_(true);
        const at::Tensor bias = at::randn({16}).requires_grad_(true);
        const at::Tensor input = at::randn({3, 32});
        {
            at::NoGradGuard noGrad;
            const at::Tensor fast = denseProduct(input, weight, bias);
            QVERIFY(!fast.requires_grad());
            if (smallBatchProductApplies(input, weight, bias))
                QVERIFY(at::equal(fast, smallBatchProduct(input, weight, bias)));
            else
                qWarning("this CPU has no small-batch kernel: the fast-path comparison was not made");
        }
        const at::Tensor recorded = denseProduct(input, weight, bias);
        QVERIFY(recorded.requires_grad() && recorded.grad_fn());
        recorded.sum().backward();
        QVERIFY(at::allclose(weight.grad(), input.sum(0).unsqueeze(0).expand({16, 32})));
        QVERIFY(at::allclose(bias.grad(), at::full({16}, 3.0f)));
        // One row (the matrix-vector path) records too.
        const at::Tensor row = denseProduct(input.narrow(0, 0, 1), weight, bias);
        QVERIFY(row.grad_fn());
    }
};

QTEST_GUILESS_MAIN(TestTrainingStep)
#include "test_training_step.moc"
