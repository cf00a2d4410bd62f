// Prefill's float products through oneDNN's sgemm compute what at::linear
// computes: rows past the small-batch kernel's 64, odd sizes, with and without
// bias, leading dimensions kept; what it cannot take is refused.
#include <ATen/ATen.h>

#include <QtTest>

#include "model/large_batch_product.h"

using namespace rrtf;

class TestLargeBatchProduct : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesLinear_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("outputs");
        QTest::addColumn<int>("inner");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("prefill-sized") << 128 << 1536 << 512 << true;
        QTest::newRow("odd sizes") << 65 << 37 << 23 << true;
        QTest::newRow("no bias") << 100 << 64 << 96 << false;
        QTest::newRow("one output") << 70 << 1 << 8 << true;
    }
    void matchesLinear()
    {
        QFETCH(int, rows);
        QFETCH(int, outputs);
        QFETCH(int, inner);
        QFETCH(bool, withBias);
        at::manual_seed(rows + outputs);
        const at::Tensor x = at::randn({rows, inner});
        const at::Tensor w = at::randn({outputs, inner});
        const at::Tensor b = withBias ? at::randn({outputs}) : at::Tensor();
        if (!largeBatchProductApplies(x, w, b))
            QSKIP("built without oneDNN (libdnnl-dev): at::linear does these products");
        const at::Tensor expected = at::linear(x, w, b);
        const at::Tensor got = largeBatchProduct(x, w, b);
        QCOMPARE(got.sizes().vec(), expected.sizes().vec());
        const double difference = (got - expected).abs().max().item<double>();
        QVERIFY2(difference < 1e-5 * std::sqrt(double(inner)), qPrintable(QString::number(difference)));
    }

    void keepsLeadingDimensions()
    {
        const at::Tensor x = at::randn({2, 40, 16});
        const at::Tensor w = at::randn({5, 16});
        if (!largeBatchProductApplies(x, w, {}))
            QSKIP("built without oneDNN");
        const at::Tensor got = largeBatchProduct(x, w, {});
        QCOMPARE(got.sizes().vec(), (std::vector<int64_t>{2, 40, 5}));
        QVERIFY(at::allclose(got, at::linear(x, w), 1e-5, 1e-5));
    }

    void refusesWhatItCannotTake()
    {
        QVERIFY(!largeBatchProductApplies(at::zeros({80, 8}, at::kDouble), at::zeros({4, 8}, at::kDouble), {}));
        QVERIFY(!largeBatchProductApplies(at::zeros({80, 8}), at::zeros({8, 4}).t(), {}));  // not contiguous
        QVERIFY(!largeBatchProductApplies(at::zeros({80, 8}), at::zeros({4, 6}), {}));       // sizes disagree
        QVERIFY(!largeBatchProductApplies(at::zeros({80, 8}), at::zeros({4, 8}), at::zeros({4}, at::kDouble)));
    }
};

QTEST_GUILESS_MAIN(TestLargeBatchProduct)
#include "test_large_batch_product.moc"
