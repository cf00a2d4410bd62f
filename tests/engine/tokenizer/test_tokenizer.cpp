// The StarCoder and WizardCoder tokenizer.json files encode the shared vectors
// exactly as Hugging Face does, decode them back, and answer the questions the
// generator and the evaluation harness ask (ids of specials, eos, vocab size).
#include "runtime/error.h"
#include "tokenizer/tokenizer.h"
#include "vector_cases.h"

#include <QtTest>

#include <future>
#include <vector>

using namespace rrtf;
using namespace rrtf::test;

namespace {

const Tokenizer& starcoder() { return sharedTokenizer("starcoder-tokenizer.json"); }
const Tokenizer& wizardcoder() { return sharedTokenizer("wizardcoder-15b-tokenizer.json"); }

}  // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodesVectors_data() { addJsonVectorRows(); }
    void encodesVectors()
    {
        QFETCH(QString, tokenizer);
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, ids);
        QCOMPARE(toList(sharedTokenizer(tokenizer).encode(toStd(text))), ids);
    }

    void decodesVectorsBack_data() { addJsonVectorRows(); }
    void decodesVectorsBack()
    {
        QFETCH(QString, tokenizer);
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, ids);
        const Tokenizer& tok = sharedTokenizer(tokenizer);
        QCOMPARE(QByteArray::fromStdString(tok.decode(toVector(ids))), text);
        QCOMPARE(QByteArray::fromStdString(tok.decode(tok.encode(toStd(text)))), text);
    }

    void knowsStarCoderFacts()
    {
        QCOMPARE(starcoder().vocabSize(), 49152);
        QCOMPARE(wizardcoder().vocabSize(), 49153);
        QCOMPARE(starcoder().tokenId("<|endoftext|>").value_or(-1), 0);
        QCOMPARE(starcoder().eosTokenId().value_or(-1), 0);
        QCOMPARE(wizardcoder().eosTokenId().value_or(-1), 0);
        QCOMPARE(starcoder().tokenId("<fim_middle>").value_or(-1), 2);
        QCOMPARE(wizardcoder().tokenId("[PAD]").value_or(-1), 49152);
        QVERIFY(!starcoder().tokenId("[PAD]"));
        QVERIFY(starcoder().isSpecial(0));
        QVERIFY(starcoder().isSpecial(18));
        QVERIFY(!starcoder().isSpecial(19));
        QVERIFY(!starcoder().isSpecial(49152));
        QVERIFY(wizardcoder().isSpecial(49152));
        QVERIFY(!starcoder().isSpecial(-1));
    }

    void namesTokenBytes()
    {
        const Tokenizer& tok = starcoder();
        QCOMPARE(tok.tokenId("Hello").value_or(-1), 8279);
        QCOMPARE(tok.tokenId("ĠHello").value_or(-1), 12000);  // vocabulary strings are in byte-level form
        QCOMPARE(tok.tokenBytes(12000), std::string(" Hello"));
        QCOMPARE(tok.tokenBytes(0), std::string("<|endoftext|>"));
        QCOMPARE(tok.tokenBytes(203), std::string("\n"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, tok.tokenBytes(49152));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, tok.tokenBytes(-3));
    }

    void parsesSpecialTokensOnlyWhenAsked()
    {
        const Tokenizer& tok = starcoder();
        const std::string text = "<fim_prefix>def f():<fim_suffix>";
        const auto parsed = tok.encode(text);
        QCOMPARE(parsed.front(), 1);
        QCOMPARE(parsed.back(), 3);
        const auto plain = tok.encode(text, EncodeOptions{.parseSpecialTokens = false});
        for (int id : plain) QVERIFY2(!tok.isSpecial(id), qPrintable(QString::number(id)));
        QCOMPARE(tok.decode(plain), text);
        QVERIFY(plain.size() > parsed.size());
    }

    void skipsSpecialTokensWhenAsked()
    {
        const Tokenizer& tok = wizardcoder();
        const std::string body = "return a + b\n";
        std::vector<int> ids = {1};
        for (int id : tok.encode(body)) ids.push_back(id);
        ids.push_back(0);
        ids.push_back(49152);
        QCOMPARE(tok.decode(ids), "<fim_prefix>" + body + "<|endoftext|>[PAD]");
        QCOMPARE(tok.decode(ids, DecodeOptions{.skipSpecialTokens = true}), body);
    }

    void cleansUpSpacesLikeTransformers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("cleaned");
        QTest::newRow("punctuation") << QByteArray("a , b . c ? d !") << QByteArray("a, b. c? d!");
        QTest::newRow("contractions") << QByteArray("do n't I 'm it 's we 've they 're") << QByteArray("don't I'm it's we've they're");
        QTest::newRow("lone quote") << QByteArray("x ' y") << QByteArray("x'y");
        QTest::newRow("rules apply in order") << QByteArray("x n ' t") << QByteArray("xn't");
        QTest::newRow("code changes") << QByteArray("print(a .b)") << QByteArray("print(a.b)");
        QTest::newRow("nothing to do") << QByteArray("def f(x):\n    return x") << QByteArray("def f(x):\n    return x");
    }
    void cleansUpSpacesLikeTransformers()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, cleaned);
        QCOMPARE(QByteArray::fromStdString(cleanUpTokenizationSpaces(toStd(text))), cleaned);
        const Tokenizer& tok = starcoder();
        const auto decoded = tok.decode(tok.encode(toStd(text)), DecodeOptions{.cleanUpTokenizationSpaces = true});
        QCOMPARE(QByteArray::fromStdString(decoded), cleaned);
    }

    void decodesBrokenUtf8AsReplacementCharacters()
    {
        const Tokenizer& tok = starcoder();
        const auto chinese = tok.encode("中");  // E4 B8 AD: byte-level tokens may split it
        std::string bytes;
        for (int id : chinese) bytes += tok.tokenBytes(id);
        QCOMPARE(bytes, std::string("中"));
        const int firstByte = *tok.tokenId("ä");  // the byte-level symbol for 0xE4
        QCOMPARE(tok.decode({firstByte}), std::string("\xEF\xBF\xBD"));
        QCOMPARE(tok.decode({firstByte, 83}), std::string("\xEF\xBF\xBD" "a"));
    }

    void skipsUnknownIdsInDecode()
    {
        QCOMPARE(starcoder().decode({83, 99999999, -5, 83}), std::string("aa"));
    }

    void refusesInvalidUtf8Text()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, starcoder().encode("abc\xFF"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, starcoder().encode("\xE4\xB8"));
    }

    void encodesHugeAndOddInputs_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("200k spaces") << QByteArray(200000, ' ');
        QTest::newRow("100k letters") << QByteArray(100000, 'a');
        QTest::newRow("50k newlines") << QByteArray(50000, '\n');
        QTest::newRow("digits") << QByteArray("Ⅻ ½ ² ٣ 12") ;
        QTest::newRow("control bytes") << QByteArray("\x01\x02\x7F\t\v\f", 6);
        QTest::newRow("nul") << QByteArray("a\0b", 3);
        QTest::newRow("unicode spaces") << QByteArray("a\u00a0\u2028b\u3000\u0085c\u180Ed");
        QTest::newRow("specials only") << QByteArray("<|endoftext|><|endoftext|><fim_pad>");
        QTest::newRow("almost specials") << QByteArray("<<fim_prefix><|endoftext|<fim_prefix>>");
    }
    void encodesHugeAndOddInputs()
    {
        QFETCH(QByteArray, text);
        const Tokenizer& tok = starcoder();
        const auto ids = tok.encode(toStd(text));
        QCOMPARE(QByteArray::fromStdString(tok.decode(ids)), text);
    }

    void encodesFromSeveralThreads()
    {
        const Tokenizer& tok = starcoder();
        std::string text;
        for (const auto& c : readVectorCases("starcoder1-code.inp", "starcoder1-code.out")) text += toStd(c.text);
        std::vector<std::future<std::vector<int>>> results;
        for (int thread = 0; thread < 4; ++thread)
            results.push_back(std::async(std::launch::async, [&] {
                std::vector<int> last;
                for (int round = 0; round < 20; ++round) last = tok.encode(text);
                return last;
            }));
        const auto expected = tok.encode(text);
        for (auto& result : results) QCOMPARE(result.get(), expected);
    }

    void loadsFolderWithTokenizerConfig()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(kTokenizerData + "wizardcoder-15b-tokenizer.json", dir.filePath("tokenizer.json")));
        QFile config(dir.filePath("tokenizer_config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"eos_token": {"content": "[PAD]"}})");
        config.close();
        const auto tok = loadTokenizer(dir.path().toStdString());
        QCOMPARE(tok->eosTokenId().value_or(-1), 49152);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
