// GPTBigCode config.json parsing: the real checkpoint configs load, and a
// missing or inconsistent field is an error that names the file and field.
#include "model/config.h"
#include "runtime/error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace rrtf;

class TestConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsGoldenConfig()
    {
        auto config = GPTBigCodeConfig::fromFile(RRTF_TEST_DATA "/golden/gpt_bigcode_tiny_mqa/config.json");
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

    // Inputs the fuzzer (fuzz/regressions/config_json) or a read of the code found:
    // each used to escape as a non-FormatError, overflow the stack or an int.
    void refusesHostileFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("words");
        const QByteArray base = R"({"model_type": "gpt_bigcode", "vocab_size": 100, "n_positions": 32, )"
                                R"("n_layer": 1, "multi_query": true, )";
        // nlohmann throws out_of_range, not parse_error, for a number past a double.
        QTest::newRow("number overflow") << base + R"("n_embd": 16, "n_head": 1e999})" << "invalid JSON 1e999";
        // The message dumped the value: a stack overflow for a million levels.
        QTest::newRow("deep nesting") << R"({"model_type": )" + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}"
                                      << "nested deeper than 512";
        // The file's text went into the message as it was: a newline broke its one line
        // (fuzz/regressions/config_json/newline-in-model-type).
        QTest::newRow("newline in model_type") << QByteArray(R"({"model_type": "x\ny"})") << "model_type x\\x0ay";
        // innerSize() = 4 * n_embd overflowed int.
        QTest::newRow("MLP width overflows") << base + R"("n_embd": 1073741824, "n_head": 1})" << "n_embd too large";
    }

    void refusesHostileFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
        file.close();
        try {
            const auto config = GPTBigCodeConfig::fromFile(path.toStdString());
            QFAIL(qPrintable("accepted, MLP width " + QString::number(config.innerSize())));
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith(path) && !message.contains('\n'), qPrintable(message));
            for (const QString& word : words.split(' '))
                QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QString("not a FormatError: ") + error.what()));
        }
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
