// SentencePiece models through the dlopen()ed rrtf_sentencepiece module, in a
// process that also has LibTorch (and so LibTorch's protobuf) loaded: a tiny
// model trained here round-trips text, names its pieces, streams, and a corrupt
// or missing .model file is a FormatError.
#include "runtime/error.h"
#include "tokenizer/sentencepiece_tokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/utf8.h"

#include "support/format_error.h"
#include <QtTest>

using namespace rrtf;

namespace {

const char* const kCorpus[] = {
    "def add(a, b):\n    return a + b\n",
    "The quick brown fox jumps over the lazy dog.",
    "for i in range(10):\n    print(i * i)\n",
    "Write a function that reverses a string.",
    "import os\nimport sys\n",
    "class Stack:\n    def push(self, item):\n        self.items.append(item)\n",
    "数据 结构 与 算法",
    "if x > 0 and y < 0: return None",
};

bool mapped(const char* library)
{
    QFile maps("/proc/self/maps");
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(library);
}

}  // namespace

class TestTokenizerSentencePiece : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Tokenizer> m_tokenizer;

private Q_SLOTS:
    void initTestCase()
    {
        // The point of the module: libsentencepiece next to LibTorch's protobuf.
        QVERIFY2(mapped("libprotobuf"), "the test should run with LibTorch's protobuf loaded");
        QVERIFY(m_dir.isValid());
        QFile corpus(m_dir.filePath("corpus.txt"));
        QVERIFY(corpus.open(QIODevice::WriteOnly));
        for (int round = 0; round < 40; ++round)
            for (const char* line : kCorpus) corpus.write(QByteArray(line).replace('\n', ' ') + " " + QByteArray::number(round) + "\n");
        corpus.close();
        const std::string prefix = m_dir.filePath("tiny").toStdString();
        // Byte fallback needs 256 byte pieces, hence a vocabulary of a few hundred.
        try {
            trainSentencePiece("--input=" + corpus.fileName().toStdString() + " --model_prefix=" + prefix +
                               " --vocab_size=320 --model_type=unigram --character_coverage=1.0 --byte_fallback=true"
                               " --hard_vocab_limit=false --minloglevel=2");
            m_tokenizer = loadTokenizer(prefix + ".model");
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
        QVERIFY(!mapped("libsentencepiece.so") || mapped("librrtf_sentencepiece"));
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("code") << "def add(a, b):\n    return a + b";
        QTest::newRow("sentence") << "The quick brown fox.";
        QTest::newRow("unseen characters") << "naïve 😀 Ω";
        QTest::newRow("chinese") << "数据结构";
        QTest::newRow("empty") << "";
    }
    void roundTrips()
    {
        QFETCH(QString, text);
        const std::string utf8Text = text.toStdString();
        const auto ids = m_tokenizer->encode(utf8Text);
        for (int id : ids) QVERIFY(id >= 0 && id < m_tokenizer->vocabSize());
        // SentencePiece's normaliser folds runs of spaces and newlines; compare without them.
        QString decoded = QString::fromStdString(m_tokenizer->decode(ids));
        QCOMPARE(decoded.simplified(), text.simplified());
        // The streamed text is the decoded text, in whole characters.
        StreamingDecoder decoder(*m_tokenizer);
        std::string streamed;
        for (int id : ids) {
            const std::string chunk = decoder.push(id);
            QVERIFY(!utf8::firstInvalidByte(chunk));
            streamed += chunk;
        }
        streamed += decoder.finish();
        QCOMPARE(streamed, m_tokenizer->decode(ids));
    }

    void streamsAsTokensArrive_data()
    {
        QTest::addColumn<bool>("leadingSpaces");
        QTest::newRow("bare spaces inside") << false;
        QTest::newRow("bare spaces first") << true;
    }
    void streamsAsTokensArrive()
    {
        // A bare "▁" piece decodes differently at the start (dropped) than later
        // (a space): the streamed text must still equal decode().
        QFETCH(bool, leadingSpaces);
        const Tokenizer& tok = *m_tokenizer;
        const int space = *tok.tokenId("\xE2\x96\x81");
        const auto words = tok.encode("The quick brown fox jumps over the lazy dog.");
        std::vector<int> ids;
        if (leadingSpaces) ids = {space, space};
        for (std::size_t i = 0; i < words.size(); ++i) {
            ids.push_back(words[i]);
            if (i % 3 == 1) ids.insert(ids.end(), {space, space});
        }
        StreamingDecoder decoder(tok);
        std::string streamed;
        int nonEmpty = 0;
        for (int id : ids) {
            const std::string chunk = decoder.push(id);
            nonEmpty += chunk.empty() ? 0 : 1;
            streamed += chunk;
        }
        streamed += decoder.finish();
        QCOMPARE(streamed, tok.decode(ids));
        QVERIFY2(nonEmpty >= int(words.size()) / 2, "text should arrive while tokens do, not at finish()");
    }

    void namesPieces()
    {
        const Tokenizer& tok = *m_tokenizer;
        QVERIFY(tok.vocabSize() > 256 && tok.vocabSize() <= 320);
        QCOMPARE(tok.tokenId("<unk>").value_or(-1), 0);
        QCOMPARE(tok.tokenId("<s>").value_or(-1), 1);
        QCOMPARE(tok.eosTokenId().value_or(-1), 2);
        QCOMPARE(tok.tokenId("</s>").value_or(-1), 2);
        QVERIFY(tok.isSpecial(1) && tok.isSpecial(2) && tok.isSpecial(0));
        QVERIFY(!tok.tokenId("no such piece"));
        QCOMPARE(tok.tokenBytes(2), std::string("</s>"));
        QCOMPARE(tok.tokenBytes(*tok.tokenId("<0x41>")), std::string("A"));
        const int space = *tok.tokenId("\xE2\x96\x81");  // "▁" alone
        QCOMPARE(tok.tokenBytes(space), std::string(" "));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, tok.tokenBytes(tok.vocabSize()));
    }

    void handlesSpecialTokens()
    {
        const Tokenizer& tok = *m_tokenizer;
        const auto parsed = tok.encode("a</s>");
        QCOMPARE(parsed.back(), 2);
        const auto plain = tok.encode("a</s>", EncodeOptions{.parseSpecialTokens = false});
        QVERIFY(std::find(plain.begin(), plain.end(), 2) == plain.end());
        std::vector<int> ids = tok.encode("return");
        ids.push_back(2);
        QCOMPARE(tok.decode(ids, DecodeOptions{.skipSpecialTokens = true}), std::string("return"));
    }

    void refusesBadModels_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x0A\xFF\xFF\xFF\xFF\x0F garbage", 14);
        QTest::newRow("text") << QByteArray("not a model at all\n");
    }
    void refusesBadModels()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath("bad.model");
        QVERIFY(rrtf::test::writeBytes(path, content));
        rrtf::test::expectFormatError([&] { loadTokenizer(path.toStdString()); }, {path});
    }

    void refusesTruncatedModel()
    {
        QFile model(m_dir.filePath("tiny.model"));
        QVERIFY(model.open(QIODevice::ReadOnly));
        const QByteArray bytes = model.readAll();
        const QString path = m_dir.filePath("truncated.model");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 3));
        out.close();
        QVERIFY_THROWS_EXCEPTION(FormatError, loadTokenizer(path.toStdString()));
    }

    void reportsMissingModel()
    {
        try {
            SentencePieceTokenizer tokenizer(m_dir.filePath("missing.model").toStdString());
            QFAIL("expected a FormatError");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).contains("missing.model"), error.what());
        }
    }

    void reportsTrainingErrors()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, trainSentencePiece("--input=/nonexistent/file.txt --model_prefix=" +
                                                                     m_dir.filePath("x").toStdString() +
                                                                     " --vocab_size=50 --minloglevel=2"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizerSentencePiece)
#include "test_tokenizer_sentencepiece.moc"
