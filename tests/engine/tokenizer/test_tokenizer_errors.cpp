// A broken or unsupported tokenizer file is a FormatError that names the file
// and the field at fault; nothing crashes and nothing is tokenized differently
// from Hugging Face without saying so.
#include "runtime/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/tokenizer.h"
#include "vector_cases.h"

#include <nlohmann/json.hpp>

#include "support/format_error.h"
#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

// A complete byte-level tokenizer: 256 byte symbols, "he" and "hel" by merges,
// and one added token that is not in the vocabulary.
nlohmann::json tinyTokenizer()
{
    nlohmann::json vocab = nlohmann::json::object();
    for (int byte = 0; byte < 256; ++byte) vocab[byte_level::fromBytes(std::string(1, char(byte)))] = byte;
    vocab["he"] = 256;
    vocab["hel"] = 257;
    return {
        {"version", "1.0"},
        {"added_tokens", {{{"id", 258}, {"content", "<eos>"}, {"special", true}, {"normalized", false}}}},
        {"normalizer", nullptr},
        {"pre_tokenizer",
         {{"type", "Sequence"},
          {"pretokenizers",
           {{{"type", "Digits"}, {"individual_digits", true}},
            {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}}}}}},
        {"post_processor", nullptr},
        {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", true}}},
        {"model", {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"vocab", vocab}, {"merges", {"h e", "he l"}}}},
    };
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

// Loads and expects a FormatError whose message names the file and `field`.
void expectFormatError(const QString& path, const QString& field)
{
    rrtf::test::expectFormatError([&] { loadTokenizer(path.toStdString()); }, {path, field});
}

}  // namespace

class TestTokenizerErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tinyTokenizerWorks()
    {
        QTemporaryDir dir;
        const auto tok = loadTokenizer(writeFile(dir, "tokenizer.json", QByteArray::fromStdString(tinyTokenizer().dump())).toStdString());
        QCOMPARE(tok->vocabSize(), 259);
        QCOMPARE(tok->encode("hello<eos>"), (std::vector<int>{257, 'l', 'o', 258}));
        QCOMPARE(tok->encode("hi 42"), (std::vector<int>{'h', 'i', ' ', '4', '2'}));  // Digits: " " apart from "4"
        QCOMPARE(tok->decode({257, 258}), std::string("hel<eos>"));
        QVERIFY(!tok->eosTokenId());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("field");
        QTest::newRow("unsupported model type") << R"({"model": {"type": "WordPiece"}})" << "model.type";
        QTest::newRow("merge names unknown symbol") << R"({"model": {"merges": ["h e", "he zz"]}})" << "model.merges[1]";
        QTest::newRow("merge result not in vocab") << R"({"model": {"merges": ["x y"]}})" << "model.merges[0]";
        QTest::newRow("merge without space") << R"({"model": {"merges": ["hel"]}})" << "model.merges[0]";
        QTest::newRow("merge of three") << R"({"model": {"merges": ["h e l"]}})" << "model.merges[0]";
        QTest::newRow("merge pair with number") << R"({"model": {"merges": [["h", 3]]}})" << "model.merges[0]";
        QTest::newRow("merges not an array") << R"({"model": {"merges": {"h": "e"}}})" << "model.merges";
        QTest::newRow("negative id") << R"({"model": {"vocab": {"zz": -1}}})" << "model.vocab";
        QTest::newRow("string id") << R"({"model": {"vocab": {"zz": "7"}}})" << "model.vocab";
        QTest::newRow("shared id") << R"({"model": {"vocab": {"zz": 5}}})" << "model.vocab";
        QTest::newRow("huge id") << R"({"model": {"vocab": {"zz": 2000000000}}})" << "model.vocab";
        // One id far past the others sized tables for it: 16M ids took ~1 GB.
        QTest::newRow("sparse id") << R"({"model": {"vocab": {"zz": 16000000}}})" << "far beyond";
        QTest::newRow("sparse added id") << R"({"added_tokens": [{"id": 9000000, "content": "<x>"}]})" << "far beyond";
        QTest::newRow("vocab missing") << R"({"model": {"vocab": null}})" << "model.vocab";
        QTest::newRow("added token takes a vocab id") << R"({"added_tokens": [{"id": 5, "content": "<x>"}]})" << "added_tokens[0]";
        QTest::newRow("added token without content") << R"({"added_tokens": [{"id": 300}]})" << "added_tokens[0].content";
        QTest::newRow("added token empty") << R"({"added_tokens": [{"id": 300, "content": ""}]})" << "added_tokens[0]";
        QTest::newRow("normalizer") << R"({"normalizer": {"type": "NFC"}})" << "normalizer";
        QTest::newRow("whitespace pre-tokenizer") << R"({"pre_tokenizer": {"type": "Whitespace"}})" << "pre_tokenizer.type";
        QTest::newRow("prefix space") << R"({"pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": true}})"
                                      << "add_prefix_space";
        QTest::newRow("no pre-tokenizer") << R"({"pre_tokenizer": null})" << "pre_tokenizer";
        QTest::newRow("no decoder") << R"({"decoder": null})" << "decoder";
        QTest::newRow("dropout") << R"({"model": {"dropout": 0.1}})" << "model.dropout";
        QTest::newRow("byte fallback") << R"({"model": {"byte_fallback": true}})" << "model.byte_fallback";
        QTest::newRow("unk token not in vocab") << R"({"model": {"unk_token": "<unk>"}})" << "model.unk_token";
        QTest::newRow("model not an object") << R"({"model": 3})" << "model";
    }
    void refusesBadFields()
    {
        QFETCH(QString, patch);
        QFETCH(QString, field);
        nlohmann::json json = tinyTokenizer();
        json.merge_patch(nlohmann::json::parse(patch.toStdString()));
        QTemporaryDir dir;
        expectFormatError(writeFile(dir, "tok.json", QByteArray::fromStdString(json.dump())), field);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");
        QByteArray real = readBytes(kTokenizerData + "starcoder-tokenizer.json");
        QTest::newRow("truncated starcoder file") << real.left(real.size() / 2) << "not valid JSON";
        QTest::newRow("cut after the opening brace") << QByteArray("{") << "not valid JSON";
        QTest::newRow("empty file") << QByteArray() << "not valid JSON";
        QTest::newRow("top-level array") << QByteArray("[1, 2]") << "top level";
        QTest::newRow("binary garbage") << QByteArray("\x00\xFF\x13{", 4) << "not valid JSON";
        QTest::newRow("invalid UTF-8 in a string") << QByteArray("{\"model\": \"\xFF\"}") << "not valid JSON";
        // nlohmann throws out_of_range, not parse_error, for a number past a double
        // (fuzz/regressions/tokenizer_json/number-overflow): it escaped as no FormatError.
        QTest::newRow("number overflow") << QByteArray(R"({"version": 1e999})") << "number overflow parsing '1e999'";
        QTest::newRow("deep nesting") << "{\"decoder\": " + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}"
                                      << "nested deeper than 512";
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        QTemporaryDir dir;
        expectFormatError(writeFile(dir, "tokenizer.json", content), field);
    }

    void reportsMissingFiles()
    {
        QTemporaryDir dir;
        expectFormatError(dir.filePath("nothing-here.json"), "no such file");
        expectFormatError(dir.path(), "no tokenizer.json");
    }
};

QTEST_GUILESS_MAIN(TestTokenizerErrors)
#include "test_tokenizer_errors.moc"
