// pass@k: the stable product form against hand-computed values and the naive
// binomial formula, and the report's rule of dropping k larger than some n.
#include "evaluation/pass_at_k.h"
#include "runtime/error.h"

#include <QtTest>

#include <cmath>
#include <cstdint>

using namespace rrtf;

namespace {

// Exact binomial coefficient for small arguments (n <= 60 fits in 64 bits this way).
std::uint64_t choose(int n, int k)
{
    if (k < 0 || k > n)
        return 0;
    std::uint64_t result = 1;
    for (int i = 1; i <= k; ++i)
        result = result * std::uint64_t(n - k + i) / std::uint64_t(i);
    return result;
}

double naivePassAtK(int n, int c, int k) { return 1.0 - double(choose(n - c, k)) / double(choose(n, k)); }

}  // namespace

class TestPassAtK : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesHandComputedValues_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("c");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("expected");

        QTest::newRow("n=10 c=3 k=1") << 10 << 3 << 1 << 0.3;
        QTest::newRow("n=10 c=3 k=5") << 10 << 3 << 5 << 1.0 - 21.0 / 252.0;
        QTest::newRow("n=10 c=3 k=8 (n-c < k)") << 10 << 3 << 8 << 1.0;
        QTest::newRow("all correct k=1") << 5 << 5 << 1 << 1.0;
        QTest::newRow("all correct k=5") << 5 << 5 << 5 << 1.0;
        QTest::newRow("none correct k=1") << 10 << 0 << 1 << 0.0;
        QTest::newRow("none correct k=10") << 10 << 0 << 10 << 0.0;
        QTest::newRow("single sample passed") << 1 << 1 << 1 << 1.0;
        QTest::newRow("single sample failed") << 1 << 0 << 1 << 0.0;
        QTest::newRow("n=200 c=1 k=100") << 200 << 1 << 100 << 0.5;
        QTest::newRow("n=200 c=2 k=100") << 200 << 2 << 100 << 1.0 - (99.0 / 199.0) * (100.0 / 200.0);
        QTest::newRow("n=200 c=37 k=1") << 200 << 37 << 1 << 37.0 / 200.0;
        QTest::newRow("n=100000 c=50000 k=1") << 100000 << 50000 << 1 << 0.5;
    }

    void matchesHandComputedValues()
    {
        QFETCH(int, n);
        QFETCH(int, c);
        QFETCH(int, k);
        QFETCH(double, expected);
        const double value = passAtK(n, c, k);
        QVERIFY2(std::abs(value - expected) < 1e-12, qPrintable(QString::number(value, 'g', 17)));
    }

    void matchesTheNaiveFormulaForSmallN()
    {
        for (int n = 1; n <= 30; ++n)
            for (int c = 0; c <= n; ++c)
                for (int k = 1; k <= n; ++k) {
                    const double stable = passAtK(n, c, k);
                    const double naive = naivePassAtK(n, c, k);
                    QVERIFY2(std::abs(stable - naive) < 1e-12,
                             qPrintable(QString("n=%1 c=%2 k=%3: %4 vs %5").arg(n).arg(c).arg(k).arg(stable).arg(naive)));
                }
    }

    void staysFiniteForLargeN()
    {
        // C(1000, 500) overflows a double; the product form does not.
        for (int c : {0, 1, 3, 10, 499, 500, 501, 1000}) {
            const double value = passAtK(1000, c, 500);
            QVERIFY(std::isfinite(value));
            QVERIFY(value >= 0.0 && value <= 1.0);
        }
        QCOMPARE(passAtK(1000, 1, 500), 0.5);
        QCOMPARE(passAtK(1000, 501, 500), 1.0);
    }

    void rejectsImpossibleCounts_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("c");
        QTest::addColumn<int>("k");
        QTest::newRow("c > n") << 5 << 6 << 1;
        QTest::newRow("c < 0") << 5 << -1 << 1;
        QTest::newRow("n < 0") << -1 << 0 << 1;
        QTest::newRow("k = 0") << 5 << 1 << 0;
        QTest::newRow("k < 0") << 5 << 1 << -2;
        QTest::newRow("k > n") << 5 << 1 << 6;
    }

    void rejectsImpossibleCounts()
    {
        QFETCH(int, n);
        QFETCH(int, c);
        QFETCH(int, k);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, passAtK(n, c, k));
    }

    void reportsMeansAndDropsUnsupportedK()
    {
        const std::vector<ProblemCounts> problems{{"A", 10, 3}, {"B", 10, 0}, {"C", 5, 5}};
        const PassAtKReport report = computePassAtK(problems, {1, 5, 10, 1, 100});

        QCOMPARE(report.values.size(), std::size_t(2));
        QCOMPARE(report.values[0].k, 1);
        QCOMPARE(report.values[1].k, 5);
        const std::vector<double> expectedAtOne{0.3, 0.0, 1.0};
        QCOMPARE(report.find(1)->perProblem.size(), expectedAtOne.size());
        for (std::size_t i = 0; i < expectedAtOne.size(); ++i)
            QVERIFY(std::abs(report.find(1)->perProblem[i] - expectedAtOne[i]) < 1e-15);
        QVERIFY(std::abs(report.find(1)->mean - 1.3 / 3.0) < 1e-15);
        QVERIFY(std::abs(report.find(5)->mean - (1.0 - 21.0 / 252.0 + 0.0 + 1.0) / 3.0) < 1e-15);
        QVERIFY(!report.find(10));

        QCOMPARE(report.dropped.size(), std::size_t(2));  // 10 and 100, each once
        QCOMPARE(report.dropped[0].k, 10);
        QCOMPARE(report.dropped[1].k, 100);
        QVERIFY2(report.dropped[0].reason.find("C has 5") != std::string::npos, report.dropped[0].reason.c_str());
        QCOMPARE(report.correctFraction, (std::vector<double>{0.3, 0.0, 1.0}));
        QCOMPARE(report.minSamples, 5);
    }

    void handlesUnequalSampleCounts()
    {
        const PassAtKReport report = computePassAtK({{"A", 200, 1}, {"B", 100, 100}}, {100});
        QCOMPARE(report.values.size(), std::size_t(1));
        QCOMPARE(report.values[0].mean, 0.75);
    }

    void dropsEverythingWithoutProblems()
    {
        const PassAtKReport report = computePassAtK({}, {1, 10});
        QVERIFY(report.values.empty());
        QCOMPARE(report.dropped.size(), std::size_t(2));
        QVERIFY(report.dropped[0].reason.find("no problems") != std::string::npos);
    }

    void rejectsBadInputsToTheReport()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, computePassAtK({{"A", 3, 4}}, {1}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, computePassAtK({{"A", 3, 1}}, {0}));
    }
};

QTEST_GUILESS_MAIN(TestPassAtK)
#include "test_pass_at_k.moc"
