// The pieces under the tokenizer, checked against the behaviour they copy:
// Rust's from_utf8_lossy, HF's pre-tokenizer splits, and BPE merging whose fast
// path must agree with HF's heap algorithm.
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/utf8.h"
#include "vector_cases.h"

#include <QtTest>

#include <random>

using namespace rrtf;
using namespace rrtf::test;

class TestTokenizerInternals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replacesInvalidUtf8LikeRust_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray r = "\xEF\xBF\xBD";
        // Expected values are what Rust's String::from_utf8_lossy returns.
        QTest::newRow("valid") << QByteArray("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80") << QByteArray("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
        QTest::newRow("lone continuation") << QByteArray("a\x80" "b") << "a" + r + "b";
        QTest::newRow("truncated 3-byte") << QByteArray("\xE4\xB8" "a") << r + "a";
        QTest::newRow("truncated at end") << QByteArray("a\xF0\x9F\x98") << "a" + r;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << r + r;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << r + r + r;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << r + r + r + r;
        QTest::newRow("F0 then ASCII") << QByteArray("\xF0" "abc") << r + "abc";
        QTest::newRow("FF") << QByteArray("\xFF\xFE") << r + r;
        QTest::newRow("two truncated") << QByteArray("\xE2\x82\xE2\x82\xAC") << r + "\xE2\x82\xAC";
    }
    void replacesInvalidUtf8LikeRust()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(utf8::lossy(toStd(bytes))), expected);
        QCOMPARE(!utf8::firstInvalidByte(toStd(bytes)).has_value(), bytes == expected);
    }

    void findsIncompleteTails_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("tail");
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("ascii") << QByteArray("abc") << 0;
        QTest::newRow("complete emoji") << QByteArray("\xF0\x9F\x98\x80") << 0;
        QTest::newRow("one of four") << QByteArray("a\xF0") << 1;
        QTest::newRow("three of four") << QByteArray("a\xF0\x9F\x98") << 3;
        QTest::newRow("two of three") << QByteArray("\xE4\xB8") << 2;
        QTest::newRow("impossible second byte") << QByteArray("\xE0\x80") << 0;
        QTest::newRow("lone continuation") << QByteArray("\x80") << 0;
        QTest::newRow("invalid lead") << QByteArray("\xF8") << 0;
    }
    void findsIncompleteTails()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, tail);
        QCOMPARE(int(utf8::incompleteTail(toStd(bytes))), tail);
    }

    void splitsLikeHuggingFace_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("pieces");
        QTest::newRow("digits alone") << QByteArray("ied 4 ½ months") << QStringList{"ied", " ", "4", " ", "½", " months"};
        QTest::newRow("space before word") << QByteArray("a  b") << QStringList{"a", " ", " b"};
        QTest::newRow("trailing spaces") << QByteArray("x   ") << QStringList{"x", "   "};
        QTest::newRow("contractions") << QByteArray("don't we'll") << QStringList{"don", "'t", " we", "'ll"};
        QTest::newRow("upper contraction") << QByteArray("DON'T") << QStringList{"DON", "'", "T"};
        QTest::newRow("newlines and indent") << QByteArray("a\n    b") << QStringList{"a", "\n   ", " b"};
        QTest::newRow("punctuation run") << QByteArray("x+=(1);") << QStringList{"x", "+=(", "1", ");"};
        QTest::newRow("space before digit") << QByteArray("a  12") << QStringList{"a", "  ", "1", "2"};
        QTest::newRow("NEL is space") << QByteArray("a\u0085b") << QStringList{"a", "\u0085", "b"};
        QTest::newRow("U+180E is not space") << QByteArray("a \u180Eb") << QStringList{"a", " \u180E", "b"};
    }
    void splitsLikeHuggingFace()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, pieces);
        PreTokenizer pre(DigitSplit::Individual);
        QStringList got;
        pre.split(toStd(text), [&](std::string_view piece) { got.append(QString::fromUtf8(piece.data(), qsizetype(piece.size()))); });
        QCOMPARE(got, pieces);
    }

    void scanAndHeapMergesAgree()
    {
        const auto* tok = dynamic_cast<const BpeTokenizer*>(&sharedTokenizer("starcoder-tokenizer.json"));
        QVERIFY(tok);
        std::vector<std::string> words;
        for (const auto& c : readVectorCases("starcoder1-code.inp", "starcoder1-code.out")) words.push_back(toStd(c.text));
        std::mt19937 random(7);
        const std::string alphabet = "aeiou tnrsl_()=:\n\t0123456789ABCDEF";
        for (int i = 0; i < 300; ++i) {
            std::string word;
            const int length = 1 + int(random() % 300);
            for (int j = 0; j < length; ++j) word += alphabet[random() % alphabet.size()];
            words.push_back(word);
        }
        words.push_back(std::string(500, ' '));
        words.push_back(std::string(301, 'a'));
        for (const auto& word : words) {
            const auto scan = tok->model().mergeWord(word, MergeStrategy::Scan);
            const auto heap = tok->model().mergeWord(word, MergeStrategy::Heap);
            QCOMPARE(toList(scan), toList(heap));
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizerInternals)
#include "test_tokenizer_internals.moc"
