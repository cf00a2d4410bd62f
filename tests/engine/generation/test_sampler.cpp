// The fused sampler: greedy is torch.argmax, draws are reproducible per
// (seed, stream), truncation never lets a token outside the kept set through,
// and untruncated sampling follows softmax(logits / T).
#include "generation/sampler.h"
#include "runtime/error.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <vector>

using namespace rrtf;

namespace {

constexpr float notANumber = std::numeric_limits<float>::quiet_NaN();
constexpr float infinity = std::numeric_limits<float>::infinity();

std::vector<float> randomLogits(int vocab, float spread, unsigned seed)
{
    std::mt19937 engine(seed);
    std::normal_distribution<float> normal(0.0f, spread);
    std::vector<float> logits(vocab);
    for (float& logit : logits)
        logit = normal(engine);
    return logits;
}

// softmax(logits / T) in double, computed the plain way.
std::vector<double> softmax(const std::vector<float>& logits, double temperature)
{
    const double best = *std::max_element(logits.begin(), logits.end());
    std::vector<double> p(logits.size());
    double total = 0.0;
    for (size_t i = 0; i < logits.size(); ++i)
        total += p[i] = std::exp((logits[i] - best) / temperature);
    for (double& value : p)
        value /= total;
    return p;
}

// transformers' TopPLogitsWarper, by full sort: keep a token iff the mass of the
// tokens ranked before it is < topP.
std::set<int> nucleus(const std::vector<float>& logits, double temperature, double topP)
{
    const std::vector<double> p = softmax(logits, temperature);
    std::vector<int> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
    std::set<int> kept;
    double before = 0.0;
    for (int id : order) {
        if (!kept.empty() && before >= topP)
            break;
        kept.insert(id);
        before += p[id];
    }
    return kept;
}

std::vector<int> draw(const std::vector<float>& logits, const SamplingOptions& options, int count, uint64_t seed,
                      std::span<const int> banned = {})
{
    SequenceRng rng(seed, 0);
    std::vector<int> tokens;
    for (int i = 0; i < count; ++i)
        tokens.push_back(sampleToken(logits.data(), static_cast<int>(logits.size()), options, rng, banned));
    return tokens;
}

SamplingOptions sampling(float temperature, int topK = 0, float topP = 1.0f, float minP = 0.0f)
{
    SamplingOptions options;
    options.temperature = temperature;
    options.topK = topK;
    options.topP = topP;
    options.minP = minP;
    return options;
}

}  // namespace

class TestSampler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greedyIsArgmax_data()
    {
        QTest::addColumn<QVector<float>>("logits");
        QTest::addColumn<QVector<int>>("banned");
        QTest::addColumn<int>("expected");
        QTest::newRow("distinct") << QVector<float>{0.1f, 2.5f, -1.0f, 2.4f} << QVector<int>{} << 1;
        QTest::newRow("tie goes to the lowest id") << QVector<float>{1.0f, 3.0f, 0.0f, 3.0f} << QVector<int>{} << 1;
        QTest::newRow("maximum last") << QVector<float>{-5.0f, -4.0f, -3.0f} << QVector<int>{} << 2;
        QTest::newRow("NaN is not a maximum") << QVector<float>{notANumber, 0.5f, notANumber, 0.2f} << QVector<int>{} << 1;
        QTest::newRow("+infinity wins") << QVector<float>{1e30f, infinity, 2.0f, infinity} << QVector<int>{} << 1;
        QTest::newRow("banned maximum skipped") << QVector<float>{0.0f, 9.0f, 8.0f} << QVector<int>{1} << 2;
        QTest::newRow("out-of-vocabulary ban ignored") << QVector<float>{0.0f, 9.0f} << QVector<int>{7, -1} << 1;
    }

    void greedyIsArgmax()
    {
        QFETCH(QVector<float>, logits);
        QFETCH(QVector<int>, banned);
        QFETCH(int, expected);
        SamplingOptions options;
        options.greedy = true;
        options.temperature = 0.0f;  // ignored when greedy, as in HF
        SequenceRng rng(1, 0);
        const std::vector<int> ban(banned.begin(), banned.end());
        QCOMPARE(sampleToken(logits.data(), int(logits.size()), options, rng, ban), expected);
        QCOMPARE(rng.counter(), uint64_t(0));  // greedy takes no draw
    }

    void drawsAreReproducible()
    {
        SequenceRng a(42, 3), b(42, 3), other(42, 4), otherSeed(43, 3);
        int sameAsOther = 0, sameAsOtherSeed = 0;
        std::vector<double> first;
        for (int i = 0; i < 1000; ++i) {
            const double value = a.uniform();
            first.push_back(value);
            QVERIFY(value >= 0.0 && value < 1.0);
            QCOMPARE(b.uniform(), value);
            sameAsOther += other.uniform() == value;
            sameAsOtherSeed += otherSeed.uniform() == value;
        }
        QCOMPARE(sameAsOther, 0);
        QCOMPARE(sameAsOtherSeed, 0);
        // A generation resumes from its counter.
        SequenceRng resumed(42, 3, 500);
        QCOMPARE(resumed.uniform(), first[500]);
        QCOMPARE(a.counter(), uint64_t(1000));
    }

    void batchCompositionDoesNotMatter()
    {
        const int rows = 9, vocab = 3000;
        std::vector<float> logits;
        for (int r = 0; r < rows; ++r) {
            const auto row = randomLogits(vocab, 2.0f, 100 + r);
            logits.insert(logits.end(), row.begin(), row.end());
        }
        const std::vector<SamplingOptions> options{sampling(0.8f, 0, 0.95f)};
        auto run = [&](int threads) {
            std::vector<SequenceRng> rngs;
            for (int r = 0; r < rows; ++r)
                rngs.emplace_back(7, r);
            std::vector<int> tokens(rows);
            std::vector<float> logprobs(rows);
            for (int step = 0; step < 5; ++step)
                sampleRows(logits.data(), rows, vocab, options, rngs, tokens, logprobs, {}, threads);
            return tokens;
        };
        const std::vector<int> serial = run(1);
        QCOMPARE(run(4), serial);
        // Row 5 alone, with its own stream, draws what it drew in the batch.
        SequenceRng alone(7, 5);
        int token = -1;
        for (int step = 0; step < 5; ++step)
            token = sampleToken(logits.data() + 5 * vocab, vocab, options[0], alone);
        QCOMPARE(token, serial[5]);
    }

    void topKStaysInTheTopK_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<float>("temperature");
        QTest::newRow("k=1") << 1 << 1.0f;
        QTest::newRow("k=3") << 3 << 1.0f;
        QTest::newRow("k=10 hot") << 10 << 5.0f;
        QTest::newRow("k=400 of 49152") << 400 << 1.0f;
    }

    void topKStaysInTheTopK()
    {
        QFETCH(int, k);
        QFETCH(float, temperature);
        const std::vector<float> logits = randomLogits(49152, 1.0f, 11);
        std::vector<float> sorted = logits;
        std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.end(), std::greater<float>());
        const float kth = sorted[k - 1];
        std::set<int> seen;
        for (int token : draw(logits, sampling(temperature, k), 1000, 5)) {
            QVERIFY2(logits[token] >= kth, qPrintable(QString("token %1 is outside the top %2").arg(token).arg(k)));
            seen.insert(token);
        }
        if (k <= 10)
            QCOMPARE(int(seen.size()), k);  // and the kept tokens do come up
    }

    void topKKeepsTiesWithTheKth()
    {
        // transformers keeps every token whose logit equals the k-th largest.
        const std::vector<float> logits{3.0f, 1.0f, 1.0f, 1.0f, 0.0f};
        std::set<int> seen;
        for (int token : draw(logits, sampling(1.0f, 2), 2000, 9))
            seen.insert(token);
        QCOMPARE(seen, (std::set<int>{0, 1, 2, 3}));
    }

    void topPMatchesTheNucleus_data()
    {
        QTest::addColumn<QVector<float>>("probabilities");
        QTest::addColumn<float>("topP");
        QTest::addColumn<QVector<int>>("kept");
        const QVector<float> p{0.2f, 0.5f, 0.3f};
        QTest::newRow("below the first") << p << 0.49f << QVector<int>{1};
        QTest::newRow("just over the first") << p << 0.51f << QVector<int>{1, 2};
        QTest::newRow("just under two") << p << 0.79f << QVector<int>{1, 2};
        QTest::newRow("just over two") << p << 0.81f << QVector<int>{0, 1, 2};
        QTest::newRow("tiny top_p keeps one") << p << 1e-6f << QVector<int>{1};
    }

    void topPMatchesTheNucleus()
    {
        QFETCH(QVector<float>, probabilities);
        QFETCH(float, topP);
        QFETCH(QVector<int>, kept);
        std::vector<float> logits;
        for (float p : probabilities)
            logits.push_back(std::log(p));
        std::set<int> seen;
        for (int token : draw(logits, sampling(1.0f, 0, topP), 2000, 3))
            seen.insert(token);
        QCOMPARE(seen, std::set<int>(kept.begin(), kept.end()));
    }

    void topPStaysInTheNucleus_data()
    {
        QTest::addColumn<float>("temperature");
        QTest::addColumn<float>("topP");
        QTest::addColumn<float>("spread");
        QTest::newRow("T 0.8, top_p 0.95") << 0.8f << 0.95f << 3.0f;
        QTest::newRow("T 0.2, top_p 0.95") << 0.2f << 0.95f << 3.0f;
        QTest::newRow("T 1.2, top_p 0.5") << 1.2f << 0.5f << 3.0f;
        QTest::newRow("flat row, top_p 0.9") << 1.0f << 0.9f << 0.05f;
    }

    void topPStaysInTheNucleus()
    {
        QFETCH(float, temperature);
        QFETCH(float, topP);
        QFETCH(float, spread);
        const std::vector<float> logits = randomLogits(49152, spread, 21);
        const std::set<int> kept = nucleus(logits, temperature, topP);
        for (int token : draw(logits, sampling(temperature, 0, topP), 500, 4))
            QVERIFY2(kept.count(token), qPrintable(QString("token %1 is outside the nucleus").arg(token)));
    }

    void topPAppliesToTheTopKSet()
    {
        // Top-k first, then top-p over the renormalised survivors (transformers' order):
        // {0.4, 0.3} renormalise to {4/7, 3/7}, so top_p 0.5 keeps only the first
        // (over the whole row, 0.4 < 0.5 would have kept the second too).
        const std::vector<float> logits{std::log(0.4f), std::log(0.3f), std::log(0.2f), std::log(0.1f)};
        std::set<int> seen;
        for (int token : draw(logits, sampling(1.0f, 2, 0.5f), 2000, 8))
            seen.insert(token);
        QCOMPARE(seen, (std::set<int>{0}));
    }

    void minPDropsUnlikelyTokens()
    {
        const std::vector<float> logits{std::log(0.5f), std::log(0.3f), std::log(0.15f), std::log(0.05f)};
        std::set<int> seen;
        for (int token : draw(logits, sampling(1.0f, 0, 1.0f, 0.25f), 2000, 12))
            seen.insert(token);
        QCOMPARE(seen, (std::set<int>{0, 1, 2}));  // 0.05 < 0.25 * 0.5
    }

    void frequenciesFollowSoftmax_data()
    {
        QTest::addColumn<float>("temperature");
        QTest::newRow("T 1") << 1.0f;
        QTest::newRow("T 0.7") << 0.7f;
        QTest::newRow("T 1.5") << 1.5f;
    }

    void frequenciesFollowSoftmax()
    {
        QFETCH(float, temperature);
        const std::vector<float> logits{0.3f, -1.2f, 2.0f, 0.0f, 1.1f, -0.4f, 0.8f, -2.5f, 1.6f, 0.5f};
        const std::vector<double> p = softmax(logits, temperature);
        const int draws = 20000;
        std::vector<int> counts(logits.size());
        for (int token : draw(logits, sampling(temperature), draws, 2024))
            ++counts[token];
        double chiSquare = 0.0;
        for (size_t i = 0; i < p.size(); ++i) {
            const double expected = draws * p[i];
            chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        // 9 degrees of freedom: 27.88 is the 0.1% critical value (the seed is fixed).
        QVERIFY2(chiSquare < 27.88, qPrintable(QString("chi-square %1").arg(chiSquare)));
    }

    void lowTemperatureApproachesGreedy()
    {
        const std::vector<float> logits = randomLogits(49152, 1.0f, 31);
        const int best = int(std::max_element(logits.begin(), logits.end()) - logits.begin());
        for (int token : draw(logits, sampling(1e-5f, 0, 0.95f), 200, 6))
            QCOMPARE(token, best);
        for (int token : draw(logits, sampling(1e-5f), 200, 6))
            QCOMPARE(token, best);
    }

    void bannedIdsAreNeverDrawn()
    {
        std::vector<float> logits = randomLogits(49153, 1.0f, 41);
        logits[49152] = 50.0f;  // WizardCoder's [PAD], made the likeliest
        logits[17] = 49.0f;
        const std::vector<int> banned{49152, 17};
        for (const SamplingOptions& options : {sampling(1.0f), sampling(0.8f, 0, 0.95f), sampling(1.0f, 5)})
            for (int token : draw(logits, options, 500, 13, banned))
                QVERIFY(token != 49152 && token != 17);
    }

    void nonFiniteLogits()
    {
        const std::vector<float> someNaN{notANumber, 1.0f, notANumber, 0.5f, -infinity};
        for (int token : draw(someNaN, sampling(1.0f), 500, 1))
            QVERIFY(token == 1 || token == 3);
        for (int token : draw(someNaN, sampling(1.0f, 0, 0.9f), 500, 1))
            QVERIFY(token == 1 || token == 3);

        // +infinity logits share all the mass.
        std::set<int> seen;
        for (int token : draw({1.0f, infinity, 3.0f, infinity}, sampling(1.0f), 500, 2))
            seen.insert(token);
        QCOMPARE(seen, (std::set<int>{1, 3}));

        // No drawable token: a defined error, not a crash or a made-up id.
        const std::vector<int> banAll{0, 1};
        for (const std::vector<float>& row : {std::vector<float>{notANumber, notANumber}, std::vector<float>{-infinity, notANumber}})
            QVERIFY_THROWS_EXCEPTION(InvalidArgument, draw(row, sampling(1.0f), 1, 0));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, draw({1.0f, 2.0f}, sampling(1.0f), 1, 0, banAll));
    }

    void logprobIsUntruncated()
    {
        const std::vector<float> logits{0.3f, -1.2f, 2.0f, 0.0f, 1.1f};
        const std::vector<double> p = softmax(logits, 0.7);
        SequenceRng rng(3, 0);
        for (int i = 0; i < 50; ++i) {
            const SampleResult result = sampleTokenWithLogprob(logits.data(), 5, sampling(0.7f, 2, 0.9f), rng);
            QVERIFY(std::abs(result.logprob - std::log(p[result.token])) < 1e-5);
        }
        SamplingOptions greedy;
        greedy.greedy = true;
        const SampleResult best = sampleTokenWithLogprob(logits.data(), 5, greedy, rng);
        QCOMPARE(best.token, 2);
        QVERIFY(std::abs(best.logprob - std::log(softmax(logits, 1.0)[2])) < 1e-5);
    }

    void rejectsBadOptions_data()
    {
        QTest::addColumn<float>("temperature");
        QTest::addColumn<int>("topK");
        QTest::addColumn<float>("topP");
        QTest::addColumn<float>("minP");
        QTest::addColumn<QString>("option");
        QTest::newRow("zero temperature") << 0.0f << 0 << 1.0f << 0.0f << "temperature";
        QTest::newRow("negative temperature") << -1.0f << 0 << 1.0f << 0.0f << "temperature";
        QTest::newRow("NaN temperature") << notANumber << 0 << 1.0f << 0.0f << "temperature";
        QTest::newRow("negative top_k") << 1.0f << -1 << 1.0f << 0.0f << "top_k";
        QTest::newRow("zero top_p") << 1.0f << 0 << 0.0f << 0.0f << "top_p";
        QTest::newRow("top_p over one") << 1.0f << 0 << 1.5f << 0.0f << "top_p";
        QTest::newRow("min_p over one") << 1.0f << 0 << 1.0f << 2.0f << "min_p";
    }

    void rejectsBadOptions()
    {
        QFETCH(float, temperature);
        QFETCH(int, topK);
        QFETCH(float, topP);
        QFETCH(float, minP);
        QFETCH(QString, option);
        const std::vector<float> logits{0.0f, 1.0f};
        try {
            draw(logits, sampling(temperature, topK, topP, minP), 1, 0);
            QFAIL("expected an error");
        } catch (const InvalidArgument& error) {
            QVERIFY2(QString(error.what()).contains(option), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "test_sampler.moc"
