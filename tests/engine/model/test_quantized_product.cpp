// Quantised weights: packing keeps every code, dequantisation follows the
// documented formula (permutation and groups included), and the fused int8 /
// int4 kernels compute what at::linear computes on the dequantised weight for
// 1 to 64 rows, odd sizes, groups that do not fall on the kernel's runs of 16,
// and act-order permutations; beyond 64 rows the banded path does the same.
// The integer kernel (int8 input, AVX-512 VNNI) computes exactly the float
// product of the input rounded as it documents, and stays close to the float one.
#include "model/quantized_product.h"

#include <ATen/ATen.h>

#include <QtTest>

#include <limits>

using namespace rrtf;

namespace {

// Random codes, scales and zeros for a weight [out, in] with the given groups.
QuantizedWeight randomWeight(int bits, int64_t out, int64_t in, std::vector<int64_t> starts, bool permuted,
                             uint64_t seed)
{
    at::manual_seed(seed);
    const int64_t groups = static_cast<int64_t>(starts.size()) - 1;
    const at::Tensor q = at::randint(0, 1 << bits, {out, in}, at::kLong);
    const at::Tensor scales = at::rand({out, groups}) * 0.05 + 0.001;
    const at::Tensor zeros = at::randint(0, 1 << bits, {out, groups}).to(at::kFloat);
    const at::Tensor order = permuted ? at::randperm(in, at::kLong) : at::Tensor();
    return packQuantizedWeight(bits, q, scales, zeros, std::move(starts), order, "test");
}

std::vector<int64_t> evenStarts(int64_t in, int64_t size)
{
    std::vector<int64_t> starts;
    for (int64_t s = 0; s < in; s += size)
        starts.push_back(s);
    starts.push_back(in);
    return starts;
}

double relativeError(const at::Tensor& got, const at::Tensor& expected)
{
    return (got - expected).abs().max().item<double>() / (1.0 + expected.abs().max().item<double>());
}

// x [rows, in] as the integer kernel sees it: in the weight's position order,
// each row's group rounded to int8 codes x · (127 / largest magnitude), then put
// back in channel order. Written from the header's description, not the kernel.
at::Tensor roundedAsDocumented(const at::Tensor& x, const QuantizedWeight& weight)
{
    at::Tensor positioned = weight.order.defined() ? x.index_select(1, weight.order) : x.clone();
    for (int64_t g = 0; g < weight.groups(); ++g) {
        at::Tensor part = positioned.narrow(1, weight.groupStarts[g], weight.groupStarts[g + 1] - weight.groupStarts[g]);
        const at::Tensor largest = part.abs().amax(1, true);
        const at::Tensor codes = at::round((part * (127 / largest)).clamp(-127, 127));
        part.copy_(at::where(largest > 0, codes * (largest / 127), at::zeros_like(part)));
    }
    return weight.order.defined() ? at::empty_like(x).index_copy_(1, weight.order, positioned) : positioned;
}

// Sets the process-wide activation mode for one scope.
struct ActivationsFor {
    explicit ActivationsFor(QuantizedActivations mode) : saved(quantizedActivations()) { setQuantizedActivations(mode); }
    ~ActivationsFor() { setQuantizedActivations(saved); }
    QuantizedActivations saved;
};

}  // namespace

class TestQuantizedProduct : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every test but the integer kernel's compares with the float product exactly.
    void initTestCase() { setQuantizedActivations(QuantizedActivations::Float); }

    void packingKeepsEveryCode()
    {
        for (int bits : {4, 8})
            for (int64_t in : {8, 16, 40, 130}) {
                if (bits == 4 && in % 2)
                    continue;
                at::manual_seed(in);
                const at::Tensor q = at::randint(0, 1 << bits, {5, in}, at::kLong);
                const QuantizedWeight weight = packQuantizedWeight(bits, q, at::ones({5, 1}), at::zeros({5, 1}),
                                                                   {0, in}, {}, "test");
                QCOMPARE(weight.codes.size(1), weight.rowBytes());
                QVERIFY(at::equal(unpackCodes(weight).to(at::kLong), q));
            }
    }

    void dequantizesByTheFormula()
    {
        const QuantizedWeight weight = randomWeight(4, 3, 20, {0, 7, 20}, true, 5);
        const at::Tensor w = dequantize(weight);
        const at::Tensor q = unpackCodes(weight).to(at::kFloat);
        for (int64_t o = 0; o < 3; ++o)
            for (int64_t p = 0; p < 20; ++p) {
                const int64_t g = p < 7 ? 0 : 1;
                const int64_t channel = weight.order[p].item<int64_t>();
                const float want = weight.scales[o][g].item<float>() * (q[o][p].item<float>() - weight.zeros[o][g].item<float>());
                QCOMPARE(w[o][channel].item<float>(), want);
            }
        // Rows looked up one by one (the embedding) equal the whole matrix's rows.
        const at::Tensor rows = at::tensor({2, 0, 2}, at::kLong);
        QVERIFY(at::equal(dequantizeRows(weight, rows), w.index_select(0, rows)));
    }

    void rejectsCodesThatDoNotFit()
    {
        const at::Tensor q = at::full({2, 8}, 16, at::kLong);
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 packQuantizedWeight(4, q, at::ones({2, 1}), at::zeros({2, 1}), {0, 8}, {}, "t"));
    }

    void fusedKernelMatchesLinear_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("outputs");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("groupSize");  // 0: groups that split the runs of 16
        QTest::addColumn<bool>("permuted");
        QTest::newRow("int8 per channel") << 8 << 33 << 130 << 130 << false;
        QTest::newRow("int8 groups of 32") << 8 << 7 << 256 << 32 << false;
        QTest::newRow("int4 g32") << 4 << 33 << 256 << 32 << false;
        QTest::newRow("int4 per channel, odd inner") << 4 << 5 << 40 << 40 << false;
        QTest::newRow("int4 act-order") << 4 << 17 << 128 << 32 << true;
        QTest::newRow("int4 ragged groups") << 4 << 9 << 96 << 0 << true;
        QTest::newRow("int8 ragged groups") << 8 << 9 << 96 << 0 << false;
        QTest::newRow("one output") << 4 << 1 << 64 << 16 << false;
    }
    void fusedKernelMatchesLinear()
    {
        QFETCH(int, bits);
        QFETCH(int, outputs);
        QFETCH(int, inputs);
        QFETCH(int, groupSize);
        QFETCH(bool, permuted);
        const auto starts = groupSize > 0 ? evenStarts(inputs, groupSize) : std::vector<int64_t>{0, 5, 37, 38, inputs};
        const QuantizedWeight weight = randomWeight(bits, outputs, inputs, starts, permuted, outputs * 31 + inputs);
        if (!fusedQuantizedProductApplies(at::zeros({1, inputs}), weight))
            QSKIP("this CPU has no AVX2/FMA: the engine dequantises into at::linear instead");
        const at::Tensor bias = at::randn({outputs});
        const at::Tensor dense = dequantize(weight);
        // Up to 64 rows the fused kernel; beyond, bands dequantised into a float product.
        for (int rows : {1, 2, 3, 4, 5, 16, 63, 64, 65, 100}) {
            const at::Tensor x = at::randn({rows, inputs});
            const at::Tensor expected = at::linear(x, dense, bias);
            const at::Tensor got = rows <= 64 ? fusedQuantizedProduct(x, weight, bias) : quantizedProduct(x, weight, bias);
            QCOMPARE(got.sizes().vec(), expected.sizes().vec());
            QVERIFY2(relativeError(got, expected) < 1e-5, qPrintable(QString("%1 rows: %2").arg(rows).arg(relativeError(got, expected))));
            if (rows <= 64)  // the AVX2 kernel too, where the CPU would pick AVX-512
                QVERIFY(relativeError(fusedQuantizedProduct(x, weight, bias, false), expected) < 1e-5);
            QVERIFY(relativeError(quantizedProduct(x, weight, {}), at::linear(x, dense)) < 1e-5);
        }
    }

    void manyRowsGoThroughBands()
    {
        // 5,000 x 1,024 floats are 20 MB: more than one band of dequantised rows.
        const QuantizedWeight weight = randomWeight(4, 5000, 1024, evenStarts(1024, 128), true, 9);
        const at::Tensor x = at::randn({70, 1024});
        const at::Tensor bias = at::randn({5000});
        const at::Tensor expected = at::linear(x, dequantize(weight), bias);
        QVERIFY(relativeError(quantizedProduct(x, weight, bias), expected) < 1e-5);
        // Leading dimensions are kept on both paths.
        QCOMPARE(quantizedProduct(x.view({7, 10, 1024}), weight, bias).sizes().vec(), (std::vector<int64_t>{7, 10, 5000}));
        QCOMPARE(quantizedProduct(x.narrow(0, 0, 6).view({2, 3, 1024}), weight, bias).sizes().vec(),
                 (std::vector<int64_t>{2, 3, 5000}));
    }

    void integerKernelMatchesRoundedInput_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("outputs");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<bool>("permuted");
        QTest::newRow("int8 per channel") << 8 << 67 << 512 << 512 << false;
        QTest::newRow("int8 groups of 64") << 8 << 5 << 192 << 64 << false;
        QTest::newRow("int4 g128") << 4 << 33 << 512 << 128 << false;
        QTest::newRow("int4 g64, one output") << 4 << 1 << 192 << 64 << false;
        QTest::newRow("int4 per channel, act-order") << 4 << 18 << 256 << 256 << true;
        QTest::newRow("int4 g128 act-order") << 4 << 7 << 384 << 128 << true;
    }
    void integerKernelMatchesRoundedInput()
    {
        QFETCH(int, bits);
        QFETCH(int, outputs);
        QFETCH(int, inputs);
        QFETCH(int, groupSize);
        QFETCH(bool, permuted);
        const ActivationsFor integer(QuantizedActivations::Int8);
        const QuantizedWeight weight = randomWeight(bits, outputs, inputs, evenStarts(inputs, groupSize), permuted, outputs + inputs);
        if (!integerQuantizedProductApplies(at::zeros({2, inputs}), weight))
            QSKIP("this CPU has no AVX-512 VNNI: products stay in float");
        const at::Tensor bias = at::randn({outputs});
        const at::Tensor dense = dequantize(weight);
        for (int rows : {2, 3, 4, 5, 16, 63, 64, 65, 130}) {
            const at::Tensor x = at::randn({rows, inputs}) * at::rand({rows, 1}) * 4;
            const at::Tensor expected = at::linear(roundedAsDocumented(x, weight), dense, bias);
            const at::Tensor got = quantizedProduct(x, weight, bias);  // the integer kernel at any row count
            QVERIFY2(relativeError(got, expected) < 1e-5, qPrintable(QString("%1 rows: %2").arg(rows).arg(relativeError(got, expected))));
            // Rounding the input costs little against the float product.
            const double fromFloat = relativeError(got, at::linear(x, dense, bias));
            QVERIFY2(fromFloat < 5e-2, qPrintable(QString("%1 rows: %2 from the float product").arg(rows).arg(fromFloat)));
        }
    }

    void integerKernelTakesOnlyWhatItCan()
    {
        const ActivationsFor integer(QuantizedActivations::Int8);
        const QuantizedWeight aligned = randomWeight(4, 8, 128, evenStarts(128, 64), false, 1);
        if (!integerQuantizedProductApplies(at::zeros({2, 128}), aligned))
            QSKIP("this CPU has no AVX-512 VNNI: products stay in float");
        QVERIFY(!integerQuantizedProductApplies(at::zeros({1, 128}), aligned));  // one row waits on memory: float
        QVERIFY(!integerQuantizedProductApplies(at::zeros({2, 128}, at::kDouble), aligned));
        QVERIFY(!integerQuantizedProductApplies(at::zeros({2, 96}), randomWeight(4, 8, 96, evenStarts(96, 32), false, 2)));
        QVERIFY(!integerQuantizedProductApplies(at::zeros({2, 128}), randomWeight(8, 8, 128, {0, 32, 128}, false, 3)));
        {
            const ActivationsFor exact(QuantizedActivations::Float);
            QVERIFY(!integerQuantizedProductApplies(at::zeros({2, 128}), aligned));
        }
        // Where it does not apply, the float kernel answers exactly.
        const QuantizedWeight ragged = randomWeight(4, 8, 96, evenStarts(96, 32), false, 2);
        const at::Tensor x = at::randn({5, 96});
        QVERIFY(relativeError(quantizedProduct(x, ragged, {}), at::linear(x, dequantize(ragged))) < 1e-5);
        // A NaN in one row's input shows in that row's output only.
        at::Tensor poisoned = at::randn({3, 128});
        poisoned[1][5] = std::numeric_limits<float>::quiet_NaN();
        const at::Tensor out = quantizedProduct(poisoned, aligned, {});
        QVERIFY(at::isnan(out[1]).all().item<bool>());
        QVERIFY(at::isfinite(out[0]).all().item<bool>() && at::isfinite(out[2]).all().item<bool>());
    }

    void gradientsFlowToTheInput()
    {
        // LoRA over a quantised base: the product must pass gradients to its input.
        const QuantizedWeight weight = randomWeight(8, 6, 32, evenStarts(32, 32), false, 3);
        const at::Tensor x = at::randn({2, 32}).set_requires_grad(true);
        quantizedProduct(x, weight, {}).sum().backward();
        const at::Tensor expected = dequantize(weight).sum(0).expand({2, 32});
        QVERIFY(relativeError(x.grad(), expected) < 1e-6);
    }
};

QTEST_APPLESS_MAIN(TestQuantizedProduct)
#include "test_quantized_product.moc"
