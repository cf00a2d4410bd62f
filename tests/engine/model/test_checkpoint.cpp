// Model folders: every layout (safetensors or .bin, whole or sharded) reads
// back what was written, safetensors wins when both exist, and a broken index
// or a missing shard is a FormatError that names it.
#include "model/checkpoint.h"
#include "model/safetensors.h"
#include "model/torch_bin.h"
#include "runtime/error.h"

#include "engine/model/checkpoint_fixtures.h"

#include <nlohmann/json.hpp>

#include "support/format_error.h"
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;
using namespace rrtf::testing;

Q_DECLARE_METATYPE(rrtf::CheckpointFormat)

namespace {

StateDict sampleDict()
{
    StateDict dict;
    for (auto& [name, tensor] : sampleTensors())
        dict.emplace(name, tensor);
    return dict;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

void expectFormatError(const std::filesystem::path& path, const QStringList& words)
{
    rrtf::test::expectFormatError([&] { readCheckpoint(path); }, words);
}

}  // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<CheckpointFormat>("format");
        QTest::addColumn<qulonglong>("maxShardBytes");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("safetensors") << CheckpointFormat::Safetensors << 0ull << QStringList{"model.safetensors"};
        QTest::newRow("sharded safetensors")
            << CheckpointFormat::Safetensors << 64ull
            << QStringList{"model-00001-of-00005.safetensors", "model-00002-of-00005.safetensors",
                           "model-00003-of-00005.safetensors", "model-00004-of-00005.safetensors",
                           "model-00005-of-00005.safetensors", "model.safetensors.index.json"};
        QTest::newRow("pytorch_model.bin") << CheckpointFormat::TorchBin << 0ull << QStringList{"pytorch_model.bin"};
        QTest::newRow("sharded pytorch_model.bin")
            << CheckpointFormat::TorchBin << 64ull
            << QStringList{"pytorch_model-00001-of-00005.bin", "pytorch_model-00002-of-00005.bin",
                           "pytorch_model-00003-of-00005.bin", "pytorch_model-00004-of-00005.bin",
                           "pytorch_model-00005-of-00005.bin", "pytorch_model.bin.index.json"};
        QTest::newRow("one shard is one file") << CheckpointFormat::Safetensors << (1ull << 30)
                                               << QStringList{"model.safetensors"};
    }

    void roundTrips()
    {
        QFETCH(CheckpointFormat, format);
        QFETCH(qulonglong, maxShardBytes);
        QFETCH(QStringList, files);
        QTemporaryDir dir;
        const StateDict tensors = sampleDict();
        writeCheckpoint(dir.path().toStdString(), tensors, {format, maxShardBytes});
        QCOMPARE(filesIn(dir.path()), files);

        const StateDict back = readCheckpoint(dir.path().toStdString());
        QCOMPARE(back.size(), tensors.size());
        for (const auto& [name, tensor] : tensors)
            QVERIFY2(back.count(name) && sameTensor(back.at(name), tensor), name.c_str());

        const CheckpointFiles found = findCheckpointFiles(dir.path().toStdString());
        QVERIFY(found.format == format);
        QCOMPARE(found.index.empty(), files.size() == 1);
        if (!found.index.empty()) {
            std::ifstream stream(found.index);
            const auto index = nlohmann::json::parse(stream);
            QCOMPARE(index["weight_map"].size(), tensors.size());
            uint64_t total = 0;
            for (const auto& [name, tensor] : tensors)
                total += tensor.nbytes();
            QCOMPARE(index["metadata"]["total_size"].get<uint64_t>(), total);
            QCOMPARE(found.files.size(), size_t(files.size() - 1));
        }
    }

    void tiedTensorsShareMemoryInBin()
    {
        QTemporaryDir dir;
        StateDict tensors = sampleDict();
        tensors["lm_head.weight"] = tensors.at("transformer.wte.weight");
        writeCheckpoint(dir.path().toStdString(), tensors, {CheckpointFormat::TorchBin});
        const StateDict back = readCheckpoint(dir.path().toStdString());
        QVERIFY(back.at("lm_head.weight").is_alias_of(back.at("transformer.wte.weight")));
        QVERIFY(sameTensor(back.at("lm_head.weight"), tensors.at("transformer.wte.weight")));
    }

    void prefersSafetensors()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeTorchBin(root + "/pytorch_model.bin", {{"from_bin", at::ones(2)}});
        writeSafetensors(root + "/model.safetensors", {{"from_safetensors", at::ones(2)}});
        const StateDict back = readCheckpoint(root);
        QCOMPARE(back.size(), size_t(1));
        QVERIFY(back.count("from_safetensors"));
        QVERIFY(findCheckpointFiles(root).format == CheckpointFormat::Safetensors);
    }

    void readsSingleFilesAndTheGoldenModel()
    {
        const std::string golden = RRTF_TEST_DATA "/golden/gpt_bigcode_tiny_mqa";
        QCOMPARE(readCheckpoint(golden).size(), size_t(29));
        QCOMPARE(readCheckpoint(golden + "/model_no_lm_head.safetensors").size(), size_t(28));
    }

    void replacesEarlierWeights()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        QVERIFY(writeBytes(dir.filePath("config.json"), "{}"));
        writeCheckpoint(root, sampleDict(), {CheckpointFormat::Safetensors, 64});
        writeCheckpoint(root, {{"only", at::ones(3)}});
        QCOMPARE(filesIn(dir.path()), (QStringList{"config.json", "model.safetensors"}));
        writeCheckpoint(root, {{"bin", at::ones(3)}}, {CheckpointFormat::TorchBin});
        QCOMPARE(filesIn(dir.path()), (QStringList{"config.json", "pytorch_model.bin"}));
        QVERIFY(readCheckpoint(root).count("bin"));
    }

    void rejectsBrokenFolders_data()
    {
        QTest::addColumn<QString>("index");  // model.safetensors.index.json; "" for none
        QTest::addColumn<QStringList>("words");
        QTest::newRow("no weights at all")
            << QString() << QStringList{"no weights", "model.safetensors", "pytorch_model.bin.index.json"};
        QTest::newRow("index not JSON") << "{\"weight_map\": " << QStringList{"index.json", "not valid JSON"};
        QTest::newRow("index without weight_map") << "{\"metadata\": {}}" << QStringList{"index.json", "weight_map"};
        QTest::newRow("shard name not a string")
            << R"({"weight_map": {"a": 3}})" << QStringList{"index.json", "\"a\""};
        QTest::newRow("shard outside the folder")
            << R"({"weight_map": {"a": "../a.safetensors"}})" << QStringList{"index.json", "../a.safetensors"};
        QTest::newRow("missing shard")
            << R"({"weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}})"
            << QStringList{"index.json", "model-00002-of-00002.safetensors", "missing"};
        QTest::newRow("tensor not in its shard")
            << R"({"weight_map": {"a": "model-00001-of-00002.safetensors", "z": "model-00001-of-00002.safetensors"}})"
            << QStringList{"model-00001-of-00002.safetensors", "\"z\"", "missing"};
        // A name from the file is shown escaped: the message stays one line.
        QTest::newRow("shard name with a newline")
            << R"({"weight_map": {"a\nb": "x\ny"}})" << QStringList{"index.json", R"("x\x0ay")", R"("a\x0ab")", "missing"};
        // The message showed the value: nested a million deep, a stack overflow.
        QTest::newRow("deeply nested shard name")
            << R"({"weight_map": {"a": )" + QString(1000000, '[') + QString(1000000, ']') + "}}"
            << QStringList{"index.json", "nested deeper than 512"};
        QTest::newRow("number overflow") << R"({"weight_map": {"a": 1e999}})" << QStringList{"index.json", "1e999"};
    }

    void rejectsBrokenFolders()
    {
        QFETCH(QString, index);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        QVERIFY(writeBytes(dir.filePath("config.json"), "{}"));
        writeSafetensors(dir.filePath("model-00001-of-00002.safetensors").toStdString(), {{"a", at::ones(2)}});
        if (!index.isEmpty())
            QVERIFY(writeBytes(dir.filePath("model.safetensors.index.json"), index.toUtf8()));
        expectFormatError(dir.path().toStdString(), words);
    }

    void rejectsMissingFolder()
    {
        expectFormatError("/nonexistent/model", {"/nonexistent/model"});
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
