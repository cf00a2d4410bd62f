// config.json of a training job: the defaults, paths relative to the run
// directory, and an error naming the file and field for every bad value.
#include "runtime/error.h"
#include "training/train_config.h"

#include <QtTest>

#include <fstream>

using namespace rrtf;
using nlohmann::json;

namespace {
json minimal()
{
    return {{"model", "student"}, {"rankings", "rankings.jsonl"}};
}
}  // namespace

class TestTrainConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const TrainConfig config = parseTrainConfig(minimal(), "/runs/a", "/runs/a/config.json");
        QCOMPARE(config.model, std::filesystem::path("/runs/a/student"));
        QCOMPARE(config.tokenizer, config.model);
        QCOMPARE(config.rankings, std::filesystem::path("/runs/a/rankings.jsonl"));
        QVERIFY(config.evalProblems.empty());
        QCOMPARE(config.evalEvery, int64_t(0));
        QCOMPARE(config.evalMaxNewTokens, 256);
        QCOMPARE(config.epochs, 3);
        QVERIFY(!config.maxSteps);
        QCOMPARE(config.globalBatch, 64);
        QCOMPARE(config.microBatch, 4);
        QCOMPARE(config.lr, 2e-5);
        QCOMPARE(config.weightDecay, 0.0);
        QCOMPARE(config.beta1, 0.9);
        QCOMPARE(config.beta2, 0.999);
        QCOMPARE(config.eps, 1e-8);
        QVERIFY(!config.warmupSteps);
        QCOMPARE(config.warmupRatio, 0.03);
        QCOMPARE(config.warmupFor(100), int64_t(3));
        QVERIFY(config.schedule == LrScheduleKind::Cosine);
        QCOMPARE(config.minLrRatio, 0.0);
        QCOMPARE(config.maxGradNorm, 1.0);
        QCOMPARE(config.dtype, std::string("float32"));
        QVERIFY(!config.gradientCheckpointing);
        QVERIFY(!config.lora);
        QCOMPARE(config.maxLength, int64_t(1024));
        QCOMPARE(config.seed, uint64_t(1));
        QCOMPARE(config.checkpointEvery, int64_t(50));
        QCOMPARE(config.keepCheckpoints, 2);
        QVERIFY(config.objective == TrainObjective::Rrtf);
        QVERIFY(config.promptTemplate.kind() == PromptTemplateKind::PanGu);  // the paper's training format
        QVERIFY(config.sftReduction == SftReduction::Sum);                    // the paper's formula
    }

    void promptTemplateIsRead()
    {
        json object = minimal();
        object["prompt_template"] = "alpaca";
        QVERIFY(parseTrainConfig(object, "r", "r/config.json").promptTemplate.kind() == PromptTemplateKind::Alpaca);
        object["prompt_template"] = "raw";
        QVERIFY(parseTrainConfig(object, "r", "r/config.json").promptTemplate.kind() == PromptTemplateKind::Raw);
        object["prompt_template"] = "### Q: {instruction}\n### A:";
        const TrainConfig custom = parseTrainConfig(object, "r", "r/config.json");
        QVERIFY(custom.promptTemplate.kind() == PromptTemplateKind::Custom);
        QCOMPARE(custom.promptTemplate.apply("add"), std::string("### Q: add\n### A:"));
        object["sft_reduction"] = "mean";
        QVERIFY(parseTrainConfig(object, "r", "r/config.json").sftReduction == SftReduction::Mean);
        // Another format is another loss curve: a resume must not mix them.
        QVERIFY(custom.curveHash() != parseTrainConfig(minimal(), "r", "r/config.json").curveHash());
    }

    void everyFieldIsRead()
    {
        json object = minimal();
        object.update({{"tokenizer", "/abs/tok.json"}, {"eval_problems", "held_out.jsonl"}, {"eval_every", 10},
                       {"epochs", 6}, {"max_steps", 100}, {"global_batch", 512}, {"micro_batch", 8}, {"lr", 1e-5},
                       {"weight_decay", 0.1}, {"betas", {0.9, 0.95}}, {"eps", 1e-6}, {"warmup_steps", 7},
                       {"schedule", "linear"}, {"min_lr_ratio", 0.1}, {"max_grad_norm", 0.5}, {"dtype", "bfloat16"},
                       {"gradient_checkpointing", true}, {"max_length", 2048}, {"seed", 7},
                       {"checkpoint_every", 5}, {"keep_checkpoints", 3}, {"objective", "sft"},
                       {"lora", {{"rank", 8}, {"alpha", 16}, {"dropout", 0.05}, {"targets", {"attn.c_attn"}}}}});
        const TrainConfig config = parseTrainConfig(object, "run", "run/config.json");
        QCOMPARE(config.tokenizer, std::filesystem::path("/abs/tok.json"));
        QCOMPARE(config.evalProblems, std::filesystem::path("run/held_out.jsonl"));
        QCOMPARE(config.maxSteps, std::optional<int64_t>(100));
        QCOMPARE(config.beta2, 0.95);
        QCOMPARE(config.warmupFor(1000), int64_t(7));
        QVERIFY(config.schedule == LrScheduleKind::Linear);
        QCOMPARE(config.dtype, std::string("bfloat16"));
        QVERIFY(config.lora);
        QCOMPARE(config.lora->rank, 8);
        QCOMPARE(config.lora->targets, std::vector<std::string>{"attn.c_attn"});
        QVERIFY(config.objective == TrainObjective::Sft);
    }

    void curveHashIgnoresRunLength()
    {
        json longer = minimal();
        longer["max_steps"] = 500;
        longer["checkpoint_every"] = 7;
        const auto a = parseTrainConfig(minimal(), "r", "r/config.json").curveHash();
        QCOMPARE(parseTrainConfig(longer, "r", "r/config.json").curveHash(), a);
        json other = minimal();
        other["lr"] = 1e-4;
        QVERIFY(parseTrainConfig(other, "r", "r/config.json").curveHash() != a);
    }

    void badFieldIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");  // JSON; "" removes the field
        QTest::newRow("model missing") << "model" << "";
        QTest::newRow("model not a string") << "model" << "3";
        QTest::newRow("rankings missing") << "rankings" << "";
        QTest::newRow("eval_every negative") << "eval_every" << "-1";
        QTest::newRow("eval_max_new_tokens zero") << "eval_max_new_tokens" << "0";
        QTest::newRow("epochs zero") << "epochs" << "0";
        QTest::newRow("epochs fractional") << "epochs" << "1.5";
        QTest::newRow("max_steps zero") << "max_steps" << "0";
        QTest::newRow("global_batch text") << "global_batch" << "\"64\"";
        QTest::newRow("micro_batch zero") << "micro_batch" << "0";
        QTest::newRow("micro_batch above global") << "micro_batch" << "128";
        QTest::newRow("lr zero") << "lr" << "0";
        QTest::newRow("weight_decay negative") << "weight_decay" << "-0.1";
        QTest::newRow("betas one value") << "betas" << "[0.9]";
        QTest::newRow("betas out of range") << "betas" << "[0.9, 1.0]";
        QTest::newRow("eps zero") << "eps" << "0";
        QTest::newRow("warmup_steps negative") << "warmup_steps" << "-3";
        QTest::newRow("warmup_ratio above one") << "warmup_ratio" << "1.5";
        QTest::newRow("schedule unknown") << "schedule" << "\"exponential\"";
        QTest::newRow("min_lr_ratio above one") << "min_lr_ratio" << "2";
        QTest::newRow("max_grad_norm negative") << "max_grad_norm" << "-1";
        QTest::newRow("dtype unknown") << "dtype" << "\"float16\"";
        QTest::newRow("gradient_checkpointing text") << "gradient_checkpointing" << "\"yes\"";
        QTest::newRow("lora not an object") << "lora" << "8";
        QTest::newRow("lora rank zero") << "lora.rank" << "{\"rank\": 0}";
        QTest::newRow("lora dropout one") << "lora.dropout" << "{\"dropout\": 1.0}";
        QTest::newRow("lora targets empty") << "lora.targets" << "{\"targets\": []}";
        QTest::newRow("lora unknown field") << "lora.ranks" << "{\"ranks\": 4}";
        QTest::newRow("max_length one") << "max_length" << "1";
        QTest::newRow("seed negative") << "seed" << "-1";
        QTest::newRow("checkpoint_every zero") << "checkpoint_every" << "0";
        QTest::newRow("keep_checkpoints zero") << "keep_checkpoints" << "0";
        QTest::newRow("objective unknown") << "objective" << "\"dpo\"";
        QTest::newRow("prompt_template unknown") << "prompt_template" << "\"chatml\"";
        QTest::newRow("prompt_template not text") << "prompt_template" << "1";
        QTest::newRow("sft_reduction unknown") << "sft_reduction" << "\"median\"";
        QTest::newRow("unknown field") << "learning_rate" << "1e-5";
    }

    void badFieldIsNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        json object = minimal();
        const std::string key = field.section('.', 0, 0).toStdString();
        if (value.isEmpty())
            object.erase(key);
        else
            object[key] = json::parse(value.toStdString());
        try {
            parseTrainConfig(object, "run", "run/config.json");
            QFAIL("accepted");
        } catch (const Error& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith("run/config.json: "), qPrintable(message));
            QVERIFY2(message.contains("\"" + field + "\""), qPrintable(message));
            QVERIFY(!message.contains('\n'));
        }
    }

    void unreadableFileIsNamed()
    {
        QTemporaryDir dir;
        const std::filesystem::path run = dir.path().toStdString();
        QVERIFY_THROWS_EXCEPTION(FormatError, loadTrainConfig(run));
        std::ofstream(run / "config.json") << "{\"model\": ";
        try {
            loadTrainConfig(run);
            QFAIL("accepted");
        } catch (const FormatError& error) {
            QVERIFY(QString(error.what()).contains("config.json"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainConfig)
#include "test_train_config.moc"
