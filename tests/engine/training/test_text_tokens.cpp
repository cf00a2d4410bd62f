// What duplicate removal and the contamination check stand on: normalised
// tokens, window hashes and shingle sets, the exact longest common run, MinHash
// signatures whose agreement estimates the Jaccard similarity, and the LSH
// banding chosen for a threshold.
#include "runtime/error.h"
#include "runtime/stable_hash.h"
#include "training/min_hash.h"
#include "training/text_tokens.h"

#include <QtTest>

#include <random>

using namespace rrtf;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

std::vector<std::uint64_t> ids(const char* text) { return tokenizeText(text).ids; }

}  // namespace

class TestTextTokens : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokensIgnoreCasePunctuationAndWhitespace()
    {
        QCOMPARE(q(normalizedText("  def  Has_Close(x: List[float]) -> bool:\n\t\"\"\"Check “it”…\"\"\"")),
                 QString("def has_close x list float bool check it"));
        const TokenizedText a = tokenizeText("return sorted(set(l))");
        const TokenizedText b = tokenizeText("RETURN   sorted( set( l ) )\n");
        QCOMPARE(a.ids, b.ids);
        QCOMPARE(a.size(), std::size_t(4));
        QCOMPARE(int(a.begins[1]), 7);
        QCOMPARE(int(a.ends[1]), 13);
        QCOMPARE(tokenizeText("x 12 _y").isWord, (std::vector<bool>{true, false, true}));
    }

    void longestCommonRunIsExact()
    {
        std::mt19937 random(7);
        for (int trial = 0; trial < 200; ++trial) {
            std::uniform_int_distribution<int> length(0, 40), symbol(0, 3);
            std::vector<std::uint64_t> a(std::size_t(length(random))), b(std::size_t(length(random)));
            for (auto& x : a)
                x = std::uint64_t(symbol(random));
            for (auto& x : b)
                x = std::uint64_t(symbol(random));
            int best = 0;
            for (std::size_t i = 0; i < a.size(); ++i)
                for (std::size_t j = 0; j < b.size(); ++j) {
                    int k = 0;
                    while (i + std::size_t(k) < a.size() && j + std::size_t(k) < b.size() &&
                           a[i + std::size_t(k)] == b[j + std::size_t(k)])
                        ++k;
                    best = std::max(best, k);
                }
            const CommonRun run = longestCommonRun(a, b);
            QCOMPARE(run.length, best);
            if (best > 0) {
                const std::vector<std::uint64_t> piece(a.begin() + run.startInA, a.begin() + run.startInA + best);
                QVERIFY(std::search(b.begin(), b.end(), piece.begin(), piece.end()) != b.end());
            }
        }
    }

    void bandingMeetsTheRecall_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("bands");
        QTest::addColumn<int>("rows");
        QTest::newRow("0.5") << 0.5 << 42 << 3;
        QTest::newRow("0.8") << 0.8 << 21 << 6;
        QTest::newRow("1.0") << 1.0 << 1 << 128;
    }

    void bandingMeetsTheRecall()
    {
        QFETCH(double, threshold);
        QFETCH(int, bands);
        QFETCH(int, rows);
        const LshBanding banding = lshBandingFor(threshold, 128, 0.99);
        QCOMPARE(banding.bands, bands);
        QCOMPARE(banding.rows, rows);
        QVERIFY(lshCandidateProbability(threshold, banding) >= 0.99);
        QVERIFY(lshCandidateProbability(threshold, {128 / (rows + 1), rows + 1}) < 0.99 || rows == 128);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, lshBandingFor(0.0, 128, 0.99));
    }

    void shinglesAndJaccard()
    {
        const std::vector<std::uint64_t> a = ids("a b c d e f"), b = ids("A, b. c d e g");
        QCOMPARE(windowHashes(a, 3).size(), std::size_t(4));
        QVERIFY(windowHashes(a, 7).empty());
        QCOMPARE(windowHashes(a, 3)[0], windowHashes(b, 3)[0]);  // "a b c" either way
        QVERIFY(windowHashes(a, 3)[3] != windowHashes(b, 3)[3]);  // "d e f" vs "d e g"
        QCOMPARE(shingleSet(ids("x y x y x y"), 2).size(), std::size_t(2));  // "x y", "y x"
        // 3 shared of 4 + 4 - 3 = 5 distinct shingles.
        QCOMPARE(jaccardSimilarity(shingleSet(a, 3), shingleSet(b, 3)), 3.0 / 5.0);
        QCOMPARE(jaccardSimilarity({}, {}), 0.0);
    }

    void minHashAgreementEstimatesJaccard_data()
    {
        QTest::addColumn<int>("shared");  // shingles in both sets, of 1000 in each
        QTest::newRow("J = 0.11") << 200;
        QTest::newRow("J = 0.43") << 600;
        QTest::newRow("J = 0.82") << 900;
    }

    void minHashAgreementEstimatesJaccard()
    {
        QFETCH(int, shared);
        std::mt19937_64 random(11);
        std::vector<std::uint64_t> a, b;
        for (int i = 0; i < 2 * (1000 - shared); ++i) {
            const std::uint64_t value = mixBits(random());
            (i < 1000 - shared ? a : b).push_back(value);
        }
        for (int i = 0; i < shared; ++i) {
            const std::uint64_t value = mixBits(random());
            a.push_back(value);
            b.push_back(value);
        }
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        const double exact = jaccardSimilarity(a, b);
        QCOMPARE(exact, double(shared) / double(2000 - shared));

        const MinHasher hasher(1024, 5);
        const std::vector<std::uint32_t> sa = hasher.signature(a), sb = hasher.signature(b);
        int agree = 0;
        for (std::size_t i = 0; i < sa.size(); ++i)
            agree += sa[i] == sb[i];
        // Standard error sqrt(J(1-J)/1024) <= 0.016; allow four of them.
        const double estimate = agree / 1024.0;
        QVERIFY2(std::abs(estimate - exact) < 0.064, qPrintable(QString("%1 vs %2").arg(estimate).arg(exact)));
        // The same set always gets the same signature and band keys.
        QCOMPARE(hasher.signature(a), sa);
        const LshBanding banding{64, 16};
        QCOMPARE(lshBandKeys(sa, banding), lshBandKeys(hasher.signature(a), banding));
    }

    void lshIndexFindsSharedBands()
    {
        const LshBanding banding{4, 2};
        LshIndex index(banding);
        index.insert(0, std::vector<std::uint64_t>{1, 2, 3, 4});
        index.insert(1, std::vector<std::uint64_t>{9, 9, 3, 9});
        index.insert(2, std::vector<std::uint64_t>{5, 6, 7, 8});
        QCOMPARE(index.candidates(std::vector<std::uint64_t>{1, 0, 3, 0}), (std::vector<int>{0, 1}));
        QCOMPARE(index.candidates(std::vector<std::uint64_t>{3, 3, 0, 0}), std::vector<int>{});  // bands differ
        QCOMPARE(index.candidates(std::vector<std::uint64_t>{5, 6, 7, 8}), std::vector<int>{2});
    }
};

QTEST_GUILESS_MAIN(TestTextTokens)
#include "test_text_tokens.moc"
