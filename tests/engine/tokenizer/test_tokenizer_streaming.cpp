// Streaming decode, as the generator shows tokens while they arrive: the chunks
// add up to decode() of the whole sequence, and each chunk is whole UTF-8
// (a character split over tokens waits until its last byte).
#include "tokenizer/byte_level.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/utf8.h"
#include "vector_cases.h"

#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

const Tokenizer& starcoder() { return sharedTokenizer("starcoder-tokenizer.json"); }

// Pushes ids one by one; returns the chunks (finish() last).
std::vector<std::string> stream(const Tokenizer& tok, const std::vector<int>& ids, DecodeOptions options = {})
{
    StreamingDecoder decoder(tok, options);
    std::vector<std::string> chunks;
    for (int id : ids) chunks.push_back(decoder.push(id));
    chunks.push_back(decoder.finish());
    return chunks;
}

std::string joined(const std::vector<std::string>& chunks)
{
    std::string all;
    for (const auto& chunk : chunks) all += chunk;
    return all;
}

// Byte-level tokens that split `text` inside its characters: one token per byte.
std::vector<int> byteTokens(const Tokenizer& tok, std::string_view text)
{
    std::vector<int> ids;
    for (char byte : text) ids.push_back(tok.tokenId(byte_level::fromBytes(std::string(1, byte))).value());
    return ids;
}

}  // namespace

class TestTokenizerStreaming : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamsVectorsLikeDecode_data() { addJsonVectorRows(); }
    void streamsVectorsLikeDecode()
    {
        QFETCH(QString, tokenizer);
        QFETCH(QList<int>, ids);
        const Tokenizer& tok = sharedTokenizer(tokenizer);
        const auto chunks = stream(tok, toVector(ids));
        for (const auto& chunk : chunks) QVERIFY2(!utf8::firstInvalidByte(chunk), chunk.c_str());
        QCOMPARE(joined(chunks), tok.decode(toVector(ids)));
    }

    void holdsBackSplitCharacters_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("emoji") << QByteArray("print('😀')");
        QTest::newRow("chinese") << QByteArray("# 计算斐波那契数列");
        QTest::newRow("two byte") << QByteArray("naïve café");
    }
    void holdsBackSplitCharacters()
    {
        QFETCH(QByteArray, text);
        const Tokenizer& tok = starcoder();
        const auto ids = byteTokens(tok, toStd(text));
        const auto chunks = stream(tok, ids);
        QCOMPARE(joined(chunks), toStd(text));
        // Every non-ASCII character comes out whole, in the chunk of its last byte.
        std::size_t offset = 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string& chunk = chunks[i];
            QVERIFY2(!utf8::firstInvalidByte(chunk), qPrintable(QString::number(i)));
            if (!chunk.empty()) {
                QCOMPARE(chunk, toStd(text).substr(offset, i + 1 - offset));
                offset = i + 1;
            }
        }
        QCOMPARE(offset, ids.size());
        QVERIFY(chunks.back().empty());
    }

    void replacesBytesThatCannotComplete()
    {
        const Tokenizer& tok = starcoder();
        // E4 B8 then "a": the character can never complete, so it becomes U+FFFD at once.
        auto ids = byteTokens(tok, "\xE4\xB8");
        ids.push_back(*tok.tokenId("a"));
        const auto chunks = stream(tok, ids);
        QCOMPARE(chunks[0], std::string());
        QCOMPARE(chunks[1], std::string());
        QCOMPARE(chunks[2], std::string("\xEF\xBF\xBD" "a"));
        QCOMPARE(joined(chunks), tok.decode(ids));
        // A truncated character at the very end is flushed by finish().
        const auto tail = stream(tok, byteTokens(tok, "ab\xF0\x9F"));
        QCOMPARE(tail.back(), std::string("\xEF\xBF\xBD"));
    }

    void honoursDecodeOptions_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::addColumn<bool>("cleanUp");
        QTest::newRow("plain") << false << false;
        QTest::newRow("skip specials") << true << false;
        QTest::newRow("clean up") << false << true;
        QTest::newRow("both") << true << true;
    }
    void honoursDecodeOptions()
    {
        QFETCH(bool, skip);
        QFETCH(bool, cleanUp);
        const Tokenizer& tok = starcoder();
        const DecodeOptions options{.skipSpecialTokens = skip, .cleanUpTokenizationSpaces = cleanUp};
        const std::string text =
            "<fim_prefix>x = f(a , b) . y\nI do n't know ; it 's x n ' t<fim_middle> ok !<|endoftext|>";
        const auto ids = tok.encode(text);
        QCOMPARE(joined(stream(tok, ids, options)), tok.decode(ids, options));
    }

    void canBeReusedAfterFinish()
    {
        const Tokenizer& tok = starcoder();
        StreamingDecoder decoder(tok);
        std::string first;
        for (int id : tok.encode("hello")) first += decoder.push(id);
        first += decoder.finish();
        std::string second;
        for (int id : tok.encode(" world")) second += decoder.push(id);
        second += decoder.finish();
        QCOMPARE(first + "|" + second, std::string("hello| world"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizerStreaming)
#include "test_tokenizer_streaming.moc"
