// Byte-level BPE built from a GGUF file's vocabulary arrays: the StarCoder 1 GGUF
// matches the StarCoder tokenizer.json, and the StarCoder 2 GGUF (whose tokenizer
// exists only in that form here) reproduces llama.cpp's vectors. A bad GGUF is
// a FormatError naming the file.
#include "runtime/error.h"
#include "tokenizer/tokenizer.h"
#include "vector_cases.h"

#include "support/format_error.h"
#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

class TestTokenizerGguf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodesVectors_data()
    {
        addAllVectorColumns();
        addVectorRows("ggml-vocab-starcoder1.gguf", "ggml-vocab-starcoder1.gguf.inp", "ggml-vocab-starcoder1.gguf.out");
        addVectorRows("ggml-vocab-starcoder1.gguf", "starcoder1-code.inp", "starcoder1-code.out");
        addVectorRows("ggml-vocab-starcoder.gguf", "ggml-vocab-starcoder.gguf.inp", "ggml-vocab-starcoder.gguf.out");
    }
    void encodesVectors()
    {
        QFETCH(QString, tokenizer);
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, ids);
        const Tokenizer& tok = sharedTokenizer(tokenizer);
        QCOMPARE(toList(tok.encode(toStd(text))), ids);
        QCOMPARE(QByteArray::fromStdString(tok.decode(toVector(ids))), text);
    }

    void starCoder1GgufEqualsJson()
    {
        const Tokenizer& gguf = sharedTokenizer("ggml-vocab-starcoder1.gguf");
        const Tokenizer& json = sharedTokenizer("starcoder-tokenizer.json");
        QCOMPARE(gguf.vocabSize(), json.vocabSize());
        for (int id = 0; id < json.vocabSize(); ++id) {
            if (gguf.tokenBytes(id) != json.tokenBytes(id) || gguf.isSpecial(id) != json.isSpecial(id))
                QFAIL(qPrintable(QString("id %1 differs").arg(id)));
        }
        QCOMPARE(gguf.eosTokenId().value_or(-1), 0);
    }

    void knowsStarCoder2Specials()
    {
        const Tokenizer& tok = sharedTokenizer("ggml-vocab-starcoder.gguf");
        QCOMPARE(tok.vocabSize(), 49152);
        QCOMPARE(tok.tokenId("<file_sep>").value_or(-1), 6);
        QVERIFY(tok.isSpecial(37));
        QVERIFY(!tok.isSpecial(38));
        QCOMPARE(tok.encode("Hello world"), (std::vector<int>{8302, 5810}));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");
        const QByteArray real = readBytes(kTokenizerData + "ggml-vocab-starcoder1.gguf");
        QTest::newRow("truncated in the vocabulary") << real.left(real.size() / 2) << "past the end";
        QTest::newRow("header only") << real.left(24) << "key 0";
        QTest::newRow("magic only") << QByteArray("GGUF") << "version";
        QByteArray badVersion = real.left(64);
        badVersion[4] = 9;
        QTest::newRow("unknown version") << badVersion << "version";
        QByteArray hugeCount = real;
        hugeCount[16] = '\xFF';  // kv_count's low byte; the file then ends early
        hugeCount[22] = '\x7F';
        QTest::newRow("absurd key count") << hugeCount << "past the end";
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        QTemporaryDir dir;
        const QString path = dir.filePath("vocab.gguf");
        QVERIFY(rrtf::test::writeBytes(path, content));
        rrtf::test::expectFormatError([&] { loadTokenizer(path.toStdString()); }, {path, field});
    }

    // A tokenizer is read from the header of a model file of many gigabytes: an
    // integer array's count was checked against the bytes left, one byte per
    // element, and its vector reserved 8 bytes per element before reading one
    // (here 2^36 elements in a 256 GiB sparse file: 512 GiB, std::bad_alloc).
    void refusesAnArrayLongerThanTheFile()
    {
        QByteArray header("GGUF", 4);
        const auto u32 = [&](quint32 v) { header.append(reinterpret_cast<const char*>(&v), 4); };
        const auto u64 = [&](quint64 v) { header.append(reinterpret_cast<const char*>(&v), 8); };
        u32(3);   // version
        u64(0);   // tensor_count
        u64(1);   // kv_count
        const QByteArray key = "tokenizer.ggml.token_type";
        u64(quint64(key.size()));
        header.append(key);
        u32(9);   // array
        u32(11);  // of I64
        u64(quint64(1) << 36);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.gguf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(header) == header.size());
        if (!file.resize(qint64(1) << 38))
            QSKIP("this file system cannot hold a 256 GiB sparse file");
        file.close();
        try {
            loadTokenizer(path.toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains(path) && message.contains("tokenizer.ggml.token_type") &&
                         message.contains("past the end"),
                     qPrintable(message));
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QString("not a FormatError: ") + error.what()));
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizerGguf)
#include "test_tokenizer_gguf.moc"
