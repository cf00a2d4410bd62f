// The weight-streaming kernel for a few rows computes what at::linear computes,
// for every edge of its blocking (rows and weight rows that are not multiples of
// the block, with and without bias, batched leading dimensions).
#include <ATen/ATen.h>

#include <QtTest>

#include "model/small_batch_product.h"

using namespace rrtf;

class TestSmallBatchProduct : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesLinear_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("outputs");
        QTest::addColumn<int>("inner");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("one row") << 1 << 7 << 8 << true;
        QTest::newRow("blocks exactly") << 8 << 12 << 64 << true;
        QTest::newRow("row and column edges") << 7 << 11 << 24 << true;
        QTest::newRow("no bias") << 5 << 10 << 16 << false;
        QTest::newRow("decode-sized") << 16 << 1000 << 512 << false;
        QTest::newRow("wide") << 3 << 2 << 4096 << true;
    }
    void matchesLinear() {
        QFETCH(int, rows);
        QFETCH(int, outputs);
        QFETCH(int, inner);
        QFETCH(bool, withBias);
        if (!smallBatchProductApplies(at::zeros({1, 8}), at::zeros({1, 8}), {}))
            QSKIP("this CPU has no AVX2/FMA: the engine uses BLAS instead");
        at::manual_seed(rows * 1000 + outputs);
        const at::Tensor x = at::randn({rows, inner});
        const at::Tensor w = at::randn({outputs, inner});
        const at::Tensor b = withBias ? at::randn({outputs}) : at::Tensor();
        QVERIFY(smallBatchProductApplies(x, w, b));
        const at::Tensor expected = at::linear(x, w, b);
        const at::Tensor got = smallBatchProduct(x, w, b);
        QCOMPARE(got.sizes().vec(), expected.sizes().vec());
        const double scale = std::sqrt(double(inner));
        QVERIFY2((got - expected).abs().max().item<double>() < 1e-5 * scale,
                 qPrintable(QString::number((got - expected).abs().max().item<double>())));
    }

    void keepsLeadingDimensions() {
        if (!smallBatchProductApplies(at::zeros({1, 8}), at::zeros({1, 8}), {})) QSKIP("no AVX2/FMA");
        const at::Tensor x = at::randn({2, 3, 16});
        const at::Tensor w = at::randn({5, 16});
        const at::Tensor got = smallBatchProduct(x, w, {});
        QCOMPARE(got.sizes().vec(), (std::vector<int64_t>{2, 3, 5}));
        QVERIFY(at::allclose(got, at::linear(x, w), 1e-5, 1e-5));
    }

    void refusesWhatItCannotTake() {
        QVERIFY(!smallBatchProductApplies(at::zeros({2, 12}), at::zeros({4, 12}), {}));  // inner not a multiple of 8
        QVERIFY(!smallBatchProductApplies(at::zeros({2, 8}, at::kDouble), at::zeros({4, 8}, at::kDouble), {}));
        QVERIFY(!smallBatchProductApplies(at::zeros({2, 8}), at::zeros({8, 4}).t(), {}));  // not contiguous
    }
};

QTEST_GUILESS_MAIN(TestSmallBatchProduct)
#include "test_small_batch_product.moc"
