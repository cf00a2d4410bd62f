// safetensors: the golden checkpoint opens with the expected names and shapes,
// files round-trip, and every malformed header is a FormatError naming the
// file and tensor, never a crash.
#include "model/safetensors.h"
#include "runtime/error.h"

#include "engine/model/checkpoint_fixtures.h"

#include <nlohmann/json.hpp>

#include "support/format_error.h"
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace rrtf;
using namespace rrtf::testing;

namespace {

const QString kGolden = RRTF_TEST_DATA "/golden/gpt_bigcode_tiny_mqa/";

// A file made of an 8-byte length, `header` and `data` bytes.
QByteArray safetensorsBytes(const QByteArray& header, int dataBytes, quint64 length = ~quint64(0))
{
    if (length == ~quint64(0))
        length = header.size();
    QByteArray bytes;
    for (int i = 0; i < 8; ++i)
        bytes.append(char(length >> (8 * i)));
    return bytes + header + QByteArray(dataBytes, '\x01');
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensGoldenCheckpoint_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("hasLmHead");
        QTest::newRow("with lm_head") << "model.safetensors" << true;
        QTest::newRow("without lm_head") << "model_no_lm_head.safetensors" << false;
    }

    void opensGoldenCheckpoint()
    {
        QFETCH(QString, file);
        QFETCH(bool, hasLmHead);
        std::ifstream stream((kGolden + "expected.json").toStdString());
        const auto expected = nlohmann::json::parse(stream);
        auto keys = expected["state_dict_keys"].get<std::vector<std::string>>();
        if (!hasLmHead)
            keys.erase(std::find(keys.begin(), keys.end(), "lm_head.weight"));

        auto safetensors = SafetensorsFile::open((kGolden + file).toStdString());
        QCOMPARE(safetensors->entries().size(), keys.size());
        QCOMPARE(safetensors->metadata().at("format"), std::string("pt"));
        for (const auto& key : keys) {
            QVERIFY2(safetensors->contains(key), key.c_str());
            const at::Tensor tensor = safetensors->tensor(key);
            QCOMPARE(tensor.scalar_type(), at::kFloat);
            QCOMPARE(tensor.sizes().vec(), expected["state_dict_shapes"][key].get<std::vector<int64_t>>());
        }
        if (hasLmHead)
            QVERIFY(sameTensor(safetensors->tensor("lm_head.weight"), safetensors->tensor("transformer.wte.weight")));
    }

    void roundTrips()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.safetensors").toStdString();
        const NamedTensors tensors = sampleTensors();
        writeSafetensors(path, tensors, {{"format", "pt"}, {"note", "round trip"}});

        auto file = SafetensorsFile::open(path);
        QCOMPARE(file->metadata().at("note"), std::string("round trip"));
        QCOMPARE(file->entries().size(), tensors.size());
        for (const auto& [name, tensor] : tensors)
            QVERIFY2(sameTensor(file->tensor(name), tensor), name.c_str());
        // The reference layout: header padded to 8 bytes, dtypes in the order
        // of safetensors' Dtype enum from the last (I64) down, then names.
        const QByteArray bytes = readBytes(QString::fromStdString(path));
        quint64 headerBytes = 0;
        std::memcpy(&headerBytes, bytes.constData(), 8);
        QCOMPARE(headerBytes % 8, quint64(0));
        std::vector<std::string> order;
        for (const auto& entry : file->entries())
            order.push_back(entry.name);
        const std::vector<std::string> expected = {"positions", "double", "empty", "scalar", "transformer.wte.weight",
                                                   "transposed", "transformer.h.0.ln_1.bias",
                                                   "transformer.h.0.attn.c_attn.weight", "small ints", "mask"};
        QCOMPARE(order, expected);
    }

    void tensorsOutliveTheFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.safetensors").toStdString();
        const at::Tensor values = at::arange(16, at::kFloat);
        writeSafetensors(path, {{"values", values}});
        at::Tensor view;
        {
            auto file = SafetensorsFile::open(path);
            view = file->tensor("values");
        }
        QVERIFY(sameTensor(view, values));
    }

    void writerRefusesBadInput()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("bad.safetensors").toStdString();
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, writeSafetensors(path, {{"a", at::ones(2)}, {"a", at::ones(2)}}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, writeSafetensors(path, {{"c", at::ones(2, at::kComplexFloat)}}));
        QVERIFY(!QFile::exists(dir.filePath("bad.safetensors")));
    }

    void rejectsCorruptFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");  // words the message must contain
        const QByteArray f32 = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        QTest::newRow("truncated file") << QByteArray("\x10\0\0", 3) << "too small";
        QTest::newRow("header longer than file") << safetensorsBytes(f32, 8, 4096) << "runs past";
        QTest::newRow("absurd header length") << safetensorsBytes(f32, 8, quint64(1) << 62) << "exceeds";
        QTest::newRow("header not JSON") << safetensorsBytes("{\"a\": nope}   ", 0) << "not valid JSON";
        QTest::newRow("header not an object") << safetensorsBytes("[1, 2]  ", 0) << "start with '{'";
        QTest::newRow("leading space") << safetensorsBytes(" {}     ", 0) << "start with '{'";
        QTest::newRow("not UTF-8") << safetensorsBytes("{\"\xff\xfe\":{}}", 0) << "UTF-8";
        QTest::newRow("duplicate tensor name")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8)
            << "\"a\" twice";
        QTest::newRow("duplicate field")
            << safetensorsBytes(R"({"a":{"dtype":"F32","dtype":"F16","shape":[2],"data_offsets":[0,8]}})", 8)
            << "repeats key \"dtype\"";
        QTest::newRow("overlapping offsets")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12)
            << "tensor \"b\" overlaps";
        QTest::newRow("gap between offsets")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 12)
            << "tensor \"b\" gap";
        QTest::newRow("not starting at zero")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8) << "tensor \"a\" gap";
        QTest::newRow("offsets beyond the buffer")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", 8)
            << "tensor \"a\" beyond";
        QTest::newRow("buffer longer than the tensors") << safetensorsBytes(f32, 12) << "cover 8 bytes";
        QTest::newRow("dtype and shape disagree with bytes")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8)
            << "tensor \"a\" need 12 bytes";
        QTest::newRow("unknown dtype")
            << safetensorsBytes(R"({"a":{"dtype":"Q4","shape":[2],"data_offsets":[0,8]}})", 8)
            << "tensor \"a\" unknown dtype";
        QTest::newRow("fp8 dtype")
            << safetensorsBytes(R"({"a":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}})", 8)
            << "tensor \"a\" F8_E4M3";
        QTest::newRow("shape overflow")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", 8)
            << "tensor \"a\" overflows";
        QTest::newRow("negative dimension")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8)
            << "tensor \"a\" non-negative";
        QTest::newRow("fractional offset")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8.0]}})", 8) << "tensor \"a\"";
        QTest::newRow("offsets not a pair")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8) << "[begin, end]";
        QTest::newRow("entry missing shape")
            << safetensorsBytes(R"({"a":{"dtype":"F32","data_offsets":[0,8]}})", 8) << "tensor \"a\" needs";
        QTest::newRow("metadata not strings")
            << safetensorsBytes(R"({"__metadata__":{"format":1},)" + f32.mid(1), 8) << "__metadata__";
        QTest::newRow("metadata not an object")
            << safetensorsBytes(R"({"__metadata__":["pt"],)" + f32.mid(1), 8) << "__metadata__";
        // Entries that are not objects were shown whole: a million levels overflowed the stack.
        QTest::newRow("deep nesting")
            << safetensorsBytes("{\"a\":" + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}", 0)
            << "nested deeper than 512";
        QTest::newRow("huge entry shown short")
            << safetensorsBytes("{\"a\":[" + QByteArray(99999, '1').replace("11", "1,") + "]}", 0)
            << "entry must be an object ...";
    }

    void rejectsCorruptFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.safetensors");
        QVERIFY(writeBytes(path, bytes));
        rrtf::test::expectFormatError([&] { SafetensorsFile::open(path.toStdString()); },
                                      QStringList{path} + expected.split(' ', Qt::SkipEmptyParts));
    }

    // Random damage to a valid file: every outcome is a clean open or a FormatError.
    void survivesRandomDamage()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath("good.safetensors"), bad = dir.filePath("bad.safetensors");
        writeSafetensors(good.toStdString(), sampleTensors());
        const QByteArray original = readBytes(good);
        quint64 headerBytes = 0;
        std::memcpy(&headerBytes, original.constData(), 8);
        std::mt19937 random(1234);
        int opened = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray bytes = original;
            if (round % 4 == 0) {
                bytes.truncate(int(random() % bytes.size()));
            } else {
                for (int flips = 1 + int(random() % 3); flips > 0; --flips)
                    bytes[int(random() % (8 + headerBytes))] = char(random());
            }
            QVERIFY(writeBytes(bad, bytes));
            try {
                auto file = SafetensorsFile::open(bad.toStdString());
                for (const auto& entry : file->entries())
                    file->tensor(entry.name).sum();
                ++opened;
            } catch (const FormatError&) {
            }
        }
        QVERIFY(opened < 400);
    }

    void namesTheMissingTensor()
    {
        auto file = SafetensorsFile::open((kGolden + "model_no_lm_head.safetensors").toStdString());
        try {
            file->tensor("lm_head.weight");
            QFAIL("expected a FormatError");
        } catch (const FormatError& error) {
            QVERIFY(QString(error.what()).contains("lm_head.weight"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
