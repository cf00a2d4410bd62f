// AutoGPTQ-format folders against an independent packer (gptq_fixture.py, numpy
// following AutoGPTQ's QuantLinear.pack()): every quantised linear unpacks to the
// packer's own float weight (4 and 8 bits, groups and per column, act-order), a
// loaded folder computes what its dequantised float copy computes (with and
// without the KV cache), corrupt folders are refused with the tensor and the
// expected shape named, and the writer packs exactly as AutoGPTQ does.
#include "model/causal_lm.h"
#include "model/quantized_product.h"
#include "model/checkpoint.h"
#include "model/gptq_checkpoint.h"
#include "model/safetensors.h"
#include "runtime/error.h"
#include "support/golden.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;
using namespace rrtf::test;
namespace fs = std::filesystem;

namespace {

// The packer's expected float weights, "<prefix>.weight" [out, in].
StateDict expectedWeights(const fs::path& folder)
{
    const auto file = SafetensorsFile::open(folder / "expected.safetensors.ref");
    StateDict weights;
    for (const auto& entry : file->entries())
        weights[entry.name] = file->tensor(entry.name);
    return weights;
}

std::string prefixOf(const std::string& weightName)
{
    return weightName.substr(0, weightName.size() - std::string(".weight").size());
}

at::Tensor someIds(int count, int vocab) { return ((at::arange(count, at::kLong) * 37 + 11) % vocab).view({1, -1}); }

// Writes `tensors` with the settings files of `from` (a fixture folder) into `to`.
void writeCopy(const fs::path& from, const fs::path& to, const StateDict& tensors, const WriteOptions& options = {})
{
    fs::create_directories(to);
    for (const char* name : {"config.json", "quantize_config.json"})
        if (fs::exists(from / name))
            fs::copy_file(from / name, to / name);
    writeCheckpoint(to, tensors, options);
}

nlohmann::json readJson(const fs::path& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

void writeJson(const fs::path& path, const nlohmann::json& json) { std::ofstream(path) << json.dump(2); }

// The message of the FormatError that loading `folder` throws, or a failure text.
QString loadError(const fs::path& folder)
{
    try {
        CausalLM::load(folder);
    } catch (const FormatError& error) {
        return QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        return "(not a FormatError) " + QString::fromStdString(error.what());
    }
    return "(loaded without an error)";
}

}  // namespace

class TestGptqCheckpoint : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path folder(const QString& name) const { return fs::path(m_dir.path().toStdString()) / name.toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        // The folders must compute what their float copies compute: no int8 input rounding.
        setQuantizedActivations(QuantizedActivations::Float);
        QVERIFY(m_dir.isValid());
        // The packer is the reference, so a machine without it must fail, not skip.
        QProcess python;
        python.start("/usr/bin/python3", {RRTF_TEST_SOURCE_DIR "/engine/model/gptq_fixture.py", m_dir.path()});
        QVERIFY2(python.waitForFinished(120000),
                 "/usr/bin/python3 did not run: install python3 and python3-numpy (scripts/install-deps.sh)");
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 qPrintable("gptq_fixture.py failed (python3-numpy installed?): " +
                            QString::fromUtf8(python.readAllStandardError())));
    }

    void folders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("bits");
        QTest::newRow("4 bits, groups of 32") << "b4_g32" << 4;
        QTest::newRow("4 bits, act-order, config.json, model_basename") << "b4_g32_act" << 4;
        QTest::newRow("8 bits, per column") << "b8_column" << 8;
    }

    void unpacksToThePackersWeights_data() { folders_data(); }
    void unpacksToThePackersWeights()
    {
        QFETCH(QString, name);
        QFETCH(int, bits);
        const fs::path dir = folder(name);
        const auto settings = readGptqSettings(dir);
        QVERIFY(settings.has_value());
        QCOMPARE(settings->bits, bits);
        QVERIFY(!settings->symmetric);  // the packer draws asymmetric zeros
        if (name == "b4_g32_act") {
            QVERIFY(settings->descAct);
            QVERIFY(QString::fromStdString(settings->source).contains("quantization_config"));
            QCOMPARE(settings->modelBasename, std::string("gptq_model-4bit-32g"));
        }
        if (name == "b8_column")
            QCOMPARE(settings->groupSize, int64_t{-1});

        std::optional<GptqSettings> read;
        const StateDict tensors = readModelTensors(dir, read);
        QVERIFY(read.has_value());
        const StateDict expected = expectedWeights(dir);
        QCOMPARE(expected.size(), size_t{8});  // 2 layers x 4 linears
        for (const auto& [weightName, want] : expected) {
            const QuantizedWeight weight = readGptqLinear(tensors, prefixOf(weightName), *read, want.size(1),
                                                          want.size(0), dir.string());
            QCOMPARE(weight.bits, bits);
            const double diff = maxAbsDiff(dequantize(weight), want);
            QVERIFY2(diff <= 1e-6, qPrintable(QString("%1: %2").arg(QString::fromStdString(weightName)).arg(diff)));
            // Read as gptq_v2 (no zero offset) every weight moves by one scale: the offset is applied.
            GptqSettings v2 = *read;
            v2.zeroPointOffset = false;
            const QuantizedWeight shifted = readGptqLinear(tensors, prefixOf(weightName), v2, want.size(1), want.size(0), "v2");
            QVERIFY(maxAbsDiff(dequantize(shifted), want) > 1e-4);
            // Act-order must really permute the channels, or the test above proves little.
            if (name == "b4_g32_act") {
                QVERIFY(weight.order.defined());
                QVERIFY(!at::equal(weight.order, at::arange(want.size(1), at::kLong)));
            }
        }
    }

    void loadedFolderComputesLikeItsFloatCopy_data() { folders_data(); }
    void loadedFolderComputesLikeItsFloatCopy()
    {
        QFETCH(QString, name);
        QFETCH(int, bits);
        const fs::path dir = folder(name);
        auto quantised = CausalLM::load(dir);
        QVERIFY2(QString::fromStdString(quantised->precisionLabel()).startsWith(QString("gptq%1").arg(bits)),
                 quantised->precisionLabel().c_str());
        // The float32 model would take 4 bytes a weight; packed it is a fraction of that
        // (measured 0.25 for 4 bits in groups of 32, 0.31 for 8 bits; float is 1).
        const double ratio = double(quantised->weightBytes()) / double(quantised->parameterCount() * 4);
        QVERIFY2(ratio < 0.4, qPrintable(QString::number(ratio)));

        auto copy = CausalLM::fromTensors(quantised->config(), quantised->stateDict(), {}, "copy");
        QCOMPARE(QString::fromStdString(copy->precisionLabel()), QString("float32"));
        const at::Tensor ids = someIds(12, quantised->vocabSize());
        const at::Tensor logits = quantised->forward({ids});
        const double diff = maxAbsDiff(logits, copy->forward({ids}));
        QVERIFY2(diff <= 1e-4, qPrintable(QString::number(diff)));
        // Two sequences of 40 rows: 80 rows take the banded path, not the fused kernel.
        const at::Tensor batch = at::cat({someIds(40, quantised->vocabSize()), someIds(40, quantised->vocabSize()).flip(1)});
        QVERIFY(maxAbsDiff(quantised->forward({batch}), copy->forward({batch})) <= 1e-4);

        // Decoding through the cache: a prefix, then one token at a time.
        KvCache cache = quantised->newCache();
        const at::Tensor prefix = quantised->forward({ids.narrow(1, 0, 8)}, &cache);
        QVERIFY(maxAbsDiff(prefix[0], logits[0].narrow(0, 0, 8)) <= 1e-4);
        for (int64_t t = 8; t < 12; ++t) {
            const at::Tensor row = quantised->forward({ids.narrow(1, t, 1)}, &cache).view({-1});
            QVERIFY2(maxAbsDiff(row, logits[0][t]) <= 1e-4, qPrintable(QString("step %1").arg(t)));
        }
    }

    void floatPrecisionDequantisesAtLoad_data() { folders_data(); }
    void floatPrecisionDequantisesAtLoad()
    {
        QFETCH(QString, name);
        const fs::path dir = folder(name);
        LoadOptions options;
        options.precision = WeightPrecision::Float;
        auto model = CausalLM::load(dir, options);
        QCOMPARE(QString::fromStdString(model->precisionLabel()), QString("float32"));
        QVERIFY(!model->module()->transformer->wte->quantized);
        const StateDict expected = expectedWeights(dir);
        int checked = 0;
        for (const auto& [layer, dense] : model->linearLayers()) {
            QVERIFY(!dense->quantized);
            if (const auto want = expected.find(layer + ".weight"); want != expected.end()) {
                QVERIFY2(maxAbsDiff(dense->weight, want->second) <= 1e-6, layer.c_str());
                ++checked;
            }
        }
        QCOMPARE(checked, 8);
    }

    void shardedFoldersLoad_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("index");  // what the index is renamed to; empty: kept
        QTest::newRow("usual names") << "b4_g32" << "";
        QTest::newRow("index named by model_basename") << "b4_g32_act" << "gptq_model-4bit-32g.safetensors.index.json";
    }

    void shardedFoldersLoad()
    {
        QFETCH(QString, name);
        QFETCH(QString, index);
        const fs::path source = folder(name), sharded = folder(name + "-sharded-" + QString::number(index.isEmpty()));
        std::optional<GptqSettings> settings;
        WriteOptions options;
        options.maxShardBytes = 20000;
        writeCopy(source, sharded, readModelTensors(source, settings), options);
        QVERIFY(fs::exists(sharded / "model.safetensors.index.json"));
        if (!index.isEmpty())
            fs::rename(sharded / "model.safetensors.index.json", sharded / index.toStdString());
        const at::Tensor ids = someIds(10, 300);
        QCOMPARE(maxAbsDiff(CausalLM::load(sharded)->forward({ids}), CausalLM::load(source)->forward({ids})), 0.0);
    }

    void v2ZerosAreReadWithoutTheOffset_data() { folders_data(); }
    void v2ZerosAreReadWithoutTheOffset()
    {
        QFETCH(QString, name);
        QFETCH(int, bits);
        // gptq_v2 stores each zero itself: one more in every field of every qzeros word.
        const fs::path source = folder(name), v2 = folder(name + "-v2");
        std::optional<GptqSettings> settings;
        StateDict tensors = readModelTensors(source, settings);
        const int64_t ones = bits == 4 ? 0x11111111 : 0x01010101;
        for (auto& [tensorName, tensor] : tensors)
            if (QString::fromStdString(tensorName).endsWith(".qzeros")) {
                const at::Tensor words = tensor.to(at::kLong).bitwise_and(int64_t{0xFFFFFFFF}) + ones;
                tensor = at::where(words >= (int64_t{1} << 31), words - (int64_t{1} << 32), words).to(at::kInt);
            }
        writeCopy(source, v2, tensors);
        for (const fs::path& file : {v2 / "quantize_config.json", v2 / "config.json"}) {
            if (!fs::exists(file))
                continue;
            nlohmann::json json = readJson(file);
            nlohmann::json& fields = file.filename() == "config.json" ? json["quantization_config"] : json;
            if (!fields.is_null())
                fields["checkpoint_format"] = "gptq_v2";
            writeJson(file, json);
        }
        LoadOptions floatWeights;
        floatWeights.precision = WeightPrecision::Float;
        const auto model = CausalLM::load(v2, floatWeights);
        int checked = 0;
        for (const auto& [weightName, want] : expectedWeights(source)) {
            QVERIFY2(maxAbsDiff(model->stateDict().at(weightName), want) <= 1e-6, weightName.c_str());
            ++checked;
        }
        QCOMPARE(checked, 8);
    }

    void corruptFoldersAreRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("qweight of the wrong shape")
            << "qweight shape" << QStringList{"transformer.h.0.mlp.c_fc.qweight", "[8, 256]"};
        QTest::newRow("qzeros of the wrong shape")
            << "qzeros shape" << QStringList{"transformer.h.1.attn.c_attn.qzeros", "[2, 12]"};
        QTest::newRow("qweight not int32") << "qweight dtype" << QStringList{"transformer.h.0.attn.c_proj.qweight", "int32"};
        QTest::newRow("g_idx beyond the groups") << "g_idx high" << QStringList{"transformer.h.1.mlp.c_proj.g_idx", "0..7"};
        QTest::newRow("negative g_idx") << "g_idx low" << QStringList{"transformer.h.0.attn.c_attn.g_idx", "-1"};
        QTest::newRow("scales missing") << "no scales" << QStringList{"transformer.h.1.attn.c_proj.scales", "[2, 64]"};
        QTest::newRow("bits 3") << "bits 3" << QStringList{"quantize_config.json", "bits 3"};
        QTest::newRow("quant_method awq") << "awq" << QStringList{"quantize_config.json", "quant_method", "awq"};
        QTest::newRow("group_size 0") << "group 0" << QStringList{"quantize_config.json", "group_size"};
        QTest::newRow("qweight without settings")
            << "no settings" << QStringList{"qweight", "quantize_config.json", "quantization_config"};
    }

    void corruptFoldersAreRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QStringList, mentions);
        const fs::path source = folder("b4_g32");
        StateDict tensors;
        for (const auto& [name, tensor] : readCheckpoint(source))
            tensors[name] = tensor.clone();  // the read ones are read-only views of the file
        auto corrupt = [&](const std::string& name, const at::Tensor& replacement) {
            QVERIFY(tensors.count(name));
            tensors[name] = replacement;
        };
        if (damage == "qweight shape")
            corrupt("transformer.h.0.mlp.c_fc.qweight", tensors["transformer.h.0.mlp.c_fc.qweight"].narrow(0, 0, 7).clone());
        else if (damage == "qzeros shape")
            corrupt("transformer.h.1.attn.c_attn.qzeros", at::zeros({2, 11}, at::kInt));
        else if (damage == "qweight dtype")
            corrupt("transformer.h.0.attn.c_proj.qweight", tensors["transformer.h.0.attn.c_proj.qweight"].to(at::kFloat));
        else if (damage == "g_idx high")
            tensors["transformer.h.1.mlp.c_proj.g_idx"][100] = 8;  // 256 inputs in groups of 32: 0..7
        else if (damage == "g_idx low")
            tensors["transformer.h.0.attn.c_attn.g_idx"][3] = -1;
        else if (damage == "no scales")
            QCOMPARE(tensors.erase("transformer.h.1.attn.c_proj.scales"), size_t{1});

        const fs::path broken = folder("broken-" + QString(damage).replace(' ', '-'));
        writeCopy(source, broken, tensors);
        nlohmann::json settings = readJson(broken / "quantize_config.json");
        if (damage == "bits 3")
            settings["bits"] = 3;
        else if (damage == "awq")
            settings["quant_method"] = "awq";
        else if (damage == "group 0")
            settings["group_size"] = 0;
        writeJson(broken / "quantize_config.json", settings);
        if (damage == "no settings")
            fs::remove(broken / "quantize_config.json");  // and config.json has no quantization_config

        const QString message = loadError(broken);
        for (const QString& mention : mentions)
            QVERIFY2(message.contains(mention), qPrintable(message + "\n  should mention: " + mention));
        QVERIFY2(!message.startsWith("("), qPrintable(message));
    }

    void settingsInConfigJsonAreCheckedToo()
    {
        const fs::path broken = folder("broken-config-bits");
        fs::copy(folder("b4_g32_act"), broken, fs::copy_options::recursive);
        nlohmann::json config = readJson(broken / "config.json");
        config["quantization_config"]["bits"] = 3;
        writeJson(broken / "config.json", config);
        const QString message = loadError(broken);
        QVERIFY2(message.contains("config.json quantization_config") && message.contains("bits 3"), qPrintable(message));
    }

    void writerPacksAsAutoGptq_data() { folders_data(); }
    void writerPacksAsAutoGptq()
    {
        QFETCH(QString, name);
        const fs::path dir = folder(name);
        std::optional<GptqSettings> settings;
        const StateDict tensors = readModelTensors(dir, settings);
        for (const auto& [weightName, want] : expectedWeights(dir)) {
            const std::string prefix = prefixOf(weightName);
            const QuantizedWeight weight = readGptqLinear(tensors, prefix, *settings, want.size(1), want.size(0), "fixture");
            StateDict written;
            appendGptqLinear(written, prefix, weight);
            // The same packing as AutoGPTQ's pack(), bit for bit (whole-code zeros, float16 scales).
            for (const std::string& part : gptqTensorNames(prefix)) {
                QCOMPARE(written.at(part).scalar_type(), tensors.at(part).scalar_type());
                QVERIFY2(at::equal(written.at(part), tensors.at(part)), part.c_str());
            }
            // And what it wrote reads back to the same weight.
            const QuantizedWeight reread = readGptqLinear(written, prefix, *settings, want.size(1), want.size(0), "written");
            QVERIFY(at::equal(dequantize(reread), dequantize(weight)));
        }
    }

    void writerRefusesWhatGptqCannotHold()
    {
        // A zero point that is not a whole code, or one the v1 offset cannot store (0).
        const at::Tensor q = at::randint(0, 16, {8, 32}, at::kLong);
        for (float zero : {2.5f, 0.0f}) {
            const QuantizedWeight weight =
                packQuantizedWeight(4, q, at::ones({8, 1}), at::full({8, 1}, zero), {0, 32}, {}, "test");
            StateDict written;
            QVERIFY_THROWS_EXCEPTION(InvalidArgument, appendGptqLinear(written, "layer", weight));
            QVERIFY(written.empty());
        }
        // 4-bit words hold 8 channels: 12 inputs cannot be packed.
        const QuantizedWeight odd = packQuantizedWeight(4, at::zeros({8, 12}, at::kLong), at::ones({8, 1}),
                                                        at::full({8, 1}, 8.0), {0, 12}, {}, "test");
        StateDict written;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, appendGptqLinear(written, "layer", odd));
    }
};

QTEST_GUILESS_MAIN(TestGptqCheckpoint)
#include "test_gptq_checkpoint.moc"
