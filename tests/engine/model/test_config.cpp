// GPTBigCode config.json parsing: the real checkpoint configs load, and a
// missing or inconsistent field is an error that names the file and field.
#include "model/config.h"
#include "runtime/error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace rrtf;

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void loadsGoldenConfig()
    {
        auto config = GPTBigCodeConfig::fromFile(RRTF_SHARED_DATA "/golden/gpt_bigcode_tiny_mqa/config.json");
        QCOMPARE(config.nLayer, 2);
        QCOMPARE(config.nEmbd, 64);
        QCOMPARE(config.nHead, 4);
        QCOMPARE(config.headDim(), 16);
        QCOMPARE(config.innerSize(), 256);
        QCOMPARE(config.vocabSize, 512);
        QCOMPARE(config.nPositions, 128);
        QVERIFY(config.multiQuery);
        QVERIFY(config.activation == Activation::GeluTanh);
        QCOMPARE(config.eosTokenId, 0);
    }

    void rejectsBadFields_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing n_embd") << R"({"n_embd": null})" << "n_embd";
        QTest::newRow("heads do not divide") << R"({"n_head": 5})" << "n_head";
        QTest::newRow("wrong model type") << R"({"model_type": "llama"})" << "model_type";
        QTest::newRow("string layer count") << R"({"n_layer": "two"})" << "n_layer";
        QTest::newRow("negative vocab") << R"({"vocab_size": -3})" << "vocab_size";
        QTest::newRow("unknown activation") << R"({"activation_function": "relu"})" << "activation_function";
        QTest::newRow("kv heads disagree") << R"({"num_key_value_heads": 4})" << "num_key_value_heads";
    }

    void rejectsBadFields()
    {
        QFETCH(QString, patch);
        QFETCH(QString, field);
        nlohmann::json json = {{"model_type", "gpt_bigcode"}, {"vocab_size", 100}, {"n_positions", 32},
                               {"n_embd", 16},   {"n_layer", 1},   {"n_head", 2}, {"multi_query", true}};
        json.merge_patch(nlohmann::json::parse(patch.toStdString()));
        try {
            GPTBigCodeConfig::fromJson(json, "dir/config.json");
            QFAIL("expected an error");
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("dir/config.json"), qPrintable(message));
            QVERIFY2(message.contains(field), qPrintable(message));
        }
    }

    void roundTripsThroughJson()
    {
        GPTBigCodeConfig config;
        config.vocabSize = 49153;
        config.multiQuery = false;
        config.activation = Activation::GeluErf;
        config.padTokenId = 49152;
        auto again = GPTBigCodeConfig::fromJson(config.toJson(), "memory");
        QCOMPARE(again.vocabSize, 49153);
        QVERIFY(!again.multiQuery);
        QVERIFY(again.activation == Activation::GeluErf);
        QCOMPARE(again.padTokenId.value_or(-1), 49152);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
