// Case-study statistics against hand-computed answers: a 3-model Venn diagram
// (every region and the outside), UpSet order, disagreement order, McNemar's exact
// p-values (checked with Python's math.comb) and Cohen's kappa (textbook tables).
#include "evaluation/case_study.h"
#include "runtime/error.h"

#include <QtTest>

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace rrtf;

namespace {

using Names = std::vector<std::string>;

// One task's samples per model as "P"/"F" strings; "" means no sample at all.
struct TaskSamples {
    int task;
    const char* a;
    const char* b;
    const char* c;
};

// Solved (any pass) by:      A B C   region mask (bit 0 = A)
const std::vector<TaskSamples> kTable{
    {0, "PPP", "PP", "P"},    // x x x   7
    {1, "PFF", "FF", "F"},    // x       1
    {2, "PPF", "F", "F"},     // x       1
    {3, "FFF", "PF", "F"},    //   x     2
    {4, "PPP", "PPP", "F"},   // x x     3
    {5, "FPF", "F", "P"},     // x   x   5
    {6, "FFF", "FF", "F"},    //         0
    {7, "FFF", "PP", "P"},    //   x x   6
    {8, "P", "FP", "FFFF"},   // x x     3
    {9, "PPP", "FFF", "F"},   // x       1
    {10, "F", "F", "PPF"},    //     x   4
    {11, "F", "", "F"},       //         0 (B has no sample)
    {12, "P", "P", "P"},      // x x x   7
};

std::string task(int index)
{
    return "HumanEval/" + std::to_string(index);
}

Names tasks(std::initializer_list<int> indexes)
{
    Names names;
    for (int index : indexes)
        names.push_back(task(index));
    return names;
}

std::vector<SolveRecord> tableRecords()
{
    std::vector<SolveRecord> records;
    // Models interleaved and tasks out of order: neither order may leak into the matrix.
    for (auto row = kTable.rbegin(); row != kTable.rend(); ++row)
        for (const auto& [model, samples] : {std::pair{"A", row->a}, {"B", row->b}, {"C", row->c}})
            for (const char* s = samples; *s; ++s)
                records.push_back({model, task(row->task), *s == 'P'});
    return records;
}

SolveMatrix tableMatrix()
{
    return SolveMatrix(tableRecords(), {"A", "B", "C"});
}

template <typename F>
void expectInvalid(F&& call, const QString& word)
{
    try {
        call();
        QFAIL("expected an InvalidArgument");
    } catch (const InvalidArgument& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
    }
}

}  // namespace

class TestCaseStudy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matrixCountsSamplesInNaturalTaskOrder()
    {
        const SolveMatrix matrix = tableMatrix();
        QCOMPARE(matrix.models(), (Names{"A", "B", "C"}));
        QCOMPARE(matrix.taskIds(), tasks({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        QCOMPARE(matrix.cell(task(2), "A").passed, 2);
        QCOMPARE(matrix.cell(task(2), "A").total, 3);
        QCOMPARE(matrix.cell(task(8), "C").total, 4);
        QCOMPARE(matrix.cell(task(11), "B").total, 0);
        QCOMPARE(matrix.cell(task(11), "B").fraction(), 0.0);
        QVERIFY(!matrix.cell(task(11), "B").solved(SolvedRule::AnyPass));

        // Without an explicit list the columns follow the records' first appearance.
        const std::vector<SolveRecord> records{{"wizard", "t/2", true}, {"pangu", "t/10", false}};
        QCOMPARE(SolveMatrix(records).models(), (Names{"wizard", "pangu"}));
        QCOMPARE(SolveMatrix(records).taskIds(), (Names{"t/2", "t/10"}));
    }

    void solvedRules_data()
    {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QList<int>>("counts");  // A, B, C
        QTest::newRow("any pass") << int(SolvedRule::AnyPass) << QList<int>{8, 6, 5};
        QTest::newRow("majority") << int(SolvedRule::Majority) << QList<int>{6, 4, 5};
        QTest::newRow("all pass") << int(SolvedRule::AllPass) << QList<int>{5, 4, 4};
    }

    void solvedRules()
    {
        QFETCH(int, rule);
        QFETCH(QList<int>, counts);
        const SolveMatrix matrix = tableMatrix();
        QCOMPARE(matrix.solvedCount("A", SolvedRule(rule)), counts[0]);
        QCOMPARE(matrix.solvedCount("B", SolvedRule(rule)), counts[1]);
        QCOMPARE(matrix.solvedCount("C", SolvedRule(rule)), counts[2]);
    }

    void threeModelVennRegions()
    {
        const SolveRegions venn = solveRegions(tableMatrix());
        QCOMPARE(venn.models, (Names{"A", "B", "C"}));
        QCOMPARE(venn.region(0b001), tasks({1, 2, 9}));
        QCOMPARE(venn.region(0b010), tasks({3}));
        QCOMPARE(venn.region(0b100), tasks({10}));
        QCOMPARE(venn.region(0b011), tasks({4, 8}));
        QCOMPARE(venn.region(0b101), tasks({5}));
        QCOMPARE(venn.region(0b110), tasks({7}));
        QCOMPARE(venn.region(0b111), tasks({0, 12}));
        QCOMPARE(venn.solvedByNone, tasks({6, 11}));
        QCOMPARE(venn.region(0), venn.solvedByNone);
        std::size_t total = venn.solvedByNone.size();
        for (const SolveRegion& region : venn.regions)
            total += region.taskIds.size();
        QCOMPARE(total, tableMatrix().taskIds().size());  // every problem in exactly one region
    }

    void upsetOrderIsBySizeThenFewerModels()
    {
        const SolveRegions upset = solveRegions(tableMatrix());
        std::vector<std::uint32_t> masks;
        for (const SolveRegion& region : upset.regions)
            masks.push_back(region.mask);
        // 3 problems; then 2 and 2 (A+B before A+B+C: fewer models); then the 1s by mask.
        QCOMPARE(masks, (std::vector<std::uint32_t>{0b001, 0b011, 0b111, 0b010, 0b100, 0b101, 0b110}));
    }

    void regionsOverChosenModelsAndRules()
    {
        const SolveMatrix matrix = tableMatrix();
        // Bits follow the order asked for: bit 0 is C here.
        const Names chosen{"C", "A"};
        const SolveRegions two = solveRegions(matrix, chosen);
        QCOMPARE(two.models, chosen);
        QCOMPARE(two.region(0b01), tasks({7, 10}));
        QCOMPARE(two.region(0b10), tasks({1, 2, 4, 8, 9}));
        QCOMPARE(two.region(0b11), tasks({0, 5, 12}));
        QCOMPARE(two.solvedByNone, tasks({3, 6, 11}));

        const SolveRegions majority = solveRegions(matrix, {}, SolvedRule::Majority);
        QCOMPARE(majority.region(0b001), tasks({2, 8, 9}));
        QCOMPARE(majority.region(0b011), tasks({4}));
        QCOMPARE(majority.region(0b100), tasks({5, 10}));
        QCOMPARE(majority.region(0b110), tasks({7}));
        QCOMPARE(majority.region(0b111), tasks({0, 12}));
        QVERIFY(majority.region(0b010).empty());
        QVERIFY(majority.region(0b101).empty());
        QCOMPARE(majority.solvedByNone, tasks({1, 3, 6, 11}));
    }

    void disagreementOrder()
    {
        const std::vector<Disagreement> ranked = rankByDisagreement(tableMatrix());
        Names order;
        for (const Disagreement& item : ranked)
            order.push_back(item.taskId);
        // Variances: 4, 7, 9 -> 2/9; 5 -> 14/81; 8 -> 1/6; 2, 10 -> 8/81; 3 -> 1/18;
        // 1 -> 2/81; 0, 6, 11, 12 -> 0. Ties in natural task order (2 before 10).
        QCOMPARE(order, tasks({4, 7, 9, 5, 8, 2, 10, 3, 1, 0, 6, 11, 12}));
        QCOMPARE(ranked[0].score, 2.0 / 9.0);
        QCOMPARE(ranked[0].meanFraction, 2.0 / 3.0);
        QCOMPARE(ranked[3].score, 14.0 / 81.0);
        QCOMPARE(ranked[4].score, 1.0 / 6.0);
        QCOMPARE(ranked[11].taskId, task(11));  // B has no sample: A and C agree
        QCOMPARE(ranked[11].score, 0.0);
    }

    void mcNemarExactPValues_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("c");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("chiSquare");
        // Expected p: min(1, 2 * sum(comb(b+c, i) for i <= min(b, c)) / 2**(b+c)) in Python.
        QTest::newRow("b=10 c=2") << 10 << 2 << 0.03857421875 << 49.0 / 12.0;
        QTest::newRow("b=0 c=0") << 0 << 0 << 1.0 << 0.0;
        QTest::newRow("b=1 c=0") << 1 << 0 << 1.0 << 0.0;
        QTest::newRow("b=6 c=1") << 6 << 1 << 0.125 << 16.0 / 7.0;
        QTest::newRow("b=0 c=7") << 0 << 7 << 0.015625 << 36.0 / 7.0;
        QTest::newRow("b=3 c=3 (capped at 1)") << 3 << 3 << 1.0 << 1.0 / 6.0;
        QTest::newRow("b=25 c=5") << 25 << 5 << 0.00032491423189640045 << 361.0 / 30.0;
        QTest::newRow("b=5 c=25 (symmetric)") << 5 << 25 << 0.00032491423189640045 << 361.0 / 30.0;
        QTest::newRow("b=100 c=70") << 100 << 70 << 0.02584438758134169 << 841.0 / 170.0;
        QTest::newRow("b=1000 c=900") << 1000 << 900 << 0.02310884510890107 << 9801.0 / 1900.0;
        QTest::newRow("b=0 c=200 (2^-199)") << 0 << 200 << std::ldexp(1.0, -199) << 39601.0 / 200.0;
    }

    void mcNemarExactPValues()
    {
        QFETCH(int, b);
        QFETCH(int, c);
        QFETCH(double, p);
        QFETCH(double, chiSquare);
        const McNemarResult result = mcNemar(b, c);
        QCOMPARE(result.onlyA, b);
        QCOMPARE(result.onlyB, c);
        QVERIFY2(std::abs(result.pValue - p) <= 1e-9 * p, qPrintable(QString::number(result.pValue, 'g', 17)));
        QCOMPARE(result.chiSquare, chiSquare);
    }

    void mcNemarOverTheMatrixPairsProblemsBothAnswered()
    {
        // A vs B: task 11 has no B sample, so 12 pairs: A only 1, 2, 5, 9; B only 3, 7.
        const McNemarResult result = mcNemar(tableMatrix(), "A", "B");
        QCOMPARE(result.onlyA, 4);
        QCOMPARE(result.onlyB, 2);
        QCOMPARE(result.both, 4);
        QCOMPARE(result.neither, 2);
        QCOMPARE(result.pValue, 0.6875);  // 2 * (1 + 6 + 15) / 64
    }

    void cohensKappaTextbookTables_data()
    {
        QTest::addColumn<int>("yesYes");
        QTest::addColumn<int>("yesNo");
        QTest::addColumn<int>("noYes");
        QTest::addColumn<int>("noNo");
        QTest::addColumn<double>("observed");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("kappa");
        QTest::newRow("50 items, kappa 0.4") << 20 << 5 << 10 << 15 << 0.7 << 0.5 << 0.4;
        QTest::newRow("100 items, kappa 0.1304") << 45 << 15 << 25 << 15 << 0.6 << 0.54 << 0.06 / 0.46;
        QTest::newRow("perfect") << 7 << 0 << 0 << 3 << 1.0 << 0.58 << 1.0;
        QTest::newRow("never agree") << 0 << 5 << 5 << 0 << 0.0 << 0.5 << -1.0;
    }

    void cohensKappaTextbookTables()
    {
        QFETCH(int, yesYes);
        QFETCH(int, yesNo);
        QFETCH(int, noYes);
        QFETCH(int, noNo);
        QFETCH(double, observed);
        QFETCH(double, expected);
        QFETCH(double, kappa);
        Names first, second;
        auto add = [&](int count, const char* a, const char* b) {
            first.insert(first.end(), count, a);
            second.insert(second.end(), count, b);
        };
        add(yesYes, "yes", "yes");
        add(yesNo, "yes", "no");
        add(noYes, "no", "yes");
        add(noNo, "no", "no");
        const KappaResult result = cohensKappa(first, second);
        QCOMPARE(result.items, yesYes + yesNo + noYes + noNo);
        QCOMPARE(result.observed, observed);
        QCOMPARE(result.expected, expected);
        QVERIFY(result.kappa.has_value());
        QCOMPARE(*result.kappa, kappa);
    }

    void cohensKappaIsUndefinedWithoutChanceOfDisagreement()
    {
        const Names same(6, "off-by-one / boundary");
        const KappaResult result = cohensKappa(same, same);
        QCOMPARE(result.items, 6);
        QCOMPARE(result.observed, 1.0);
        QCOMPARE(result.expected, 1.0);
        QVERIFY(!result.kappa.has_value());
        QVERIFY(!cohensKappa(Names{}, Names{}).kappa.has_value());
    }

    void pairwiseKappaOverCommonItems()
    {
        const std::vector<LabelRecord> records{
            {"bo", "run:1:0", "syntax error"},  {"ann", "run:1:0", "syntax error"},
            {"ann", "run:1:1", "wrong algorithm"}, {"bo", "run:1:1", "wrong algorithm"},
            {"ann", "run:1:2", "syntax error"}, {"bo", "run:1:2", "wrong algorithm"},
            {"ann", "run:1:3", "other"},        {"bo", "run:1:3", ""},  // a note only: not an item
            {"cy", "run:9:0", "other"},
        };
        const std::vector<PairwiseKappa> pairs = pairwiseKappa(records);
        QCOMPARE(pairs.size(), 3u);
        QCOMPARE(pairs[0].annotatorA, std::string("ann"));
        QCOMPARE(pairs[0].annotatorB, std::string("bo"));
        QCOMPARE(pairs[0].result.items, 3);
        QCOMPARE(pairs[0].result.observed, 2.0 / 3.0);
        QCOMPARE(pairs[0].result.expected, 4.0 / 9.0);  // (2*1 + 1*2) / 9
        QCOMPARE(*pairs[0].result.kappa, 0.4);          // (2/3 - 4/9) / (5/9)
        QCOMPARE(pairs[1].annotatorB, std::string("cy"));
        QCOMPARE(pairs[1].result.items, 0);
        QVERIFY(!pairs[1].result.kappa.has_value());
        QCOMPARE(pairs[2].annotatorA, std::string("bo"));
    }

    void badInputIsRefused()
    {
        const SolveMatrix matrix = tableMatrix();
        expectInvalid([&] { matrix.modelIndex("StarCoder"); }, "unknown model \"StarCoder\"");
        expectInvalid([&] { mcNemar(matrix, "A", "D"); }, "\"D\"");
        expectInvalid([&] { matrix.cell("HumanEval/99", "A"); }, "HumanEval/99");
        expectInvalid([&] { solveRegions(matrix, Names{"A", "A"}); }, "twice");
        expectInvalid([&] { solveRegions(matrix).region(0b1000); }, "mask 8");
        expectInvalid([&] { mcNemar(-1, 3); }, "b = -1");
        expectInvalid([&] { cohensKappa(Names{"a"}, Names{}); }, "1 and 0");
        expectInvalid([&] { pairwiseKappa(std::vector<LabelRecord>{{"ann", "x", "a"}, {"ann", "x", "b"}}); },
                      "twice");
        expectInvalid([&] { pairwiseKappa(std::vector<LabelRecord>{{"", "x", "a"}}); }, "no annotator");

        const std::vector<SolveRecord> records{{"A", "t/1", true}, {"B", "t/1", false}};
        expectInvalid([&] { SolveMatrix(records, {"A"}); }, "\"B\", which is not among A");
        expectInvalid([&] { SolveMatrix(records, {"A", "A"}); }, "listed twice");
        expectInvalid([&] { SolveMatrix(std::vector<SolveRecord>{{"", "t/1", true}}); }, "no model name");
        expectInvalid([&] { SolveMatrix(std::vector<SolveRecord>{{"A", "", true}}); }, "no task id");

        std::vector<SolveRecord> seventeen;
        for (int model = 0; model < 17; ++model)
            seventeen.push_back({"m" + std::to_string(model), "t/1", model % 2 == 0});
        const SolveMatrix wide(seventeen);
        expectInvalid([&] { solveRegions(wide); }, "at most 16 models");
        const Names sixteen(wide.models().begin(), wide.models().begin() + 16);
        const SolveRegions widest = solveRegions(wide, sixteen);
        QCOMPARE(widest.regions.size(), 1u);
        QCOMPARE(widest.regions[0].mask, 0x5555u);
        QCOMPARE(rankByDisagreement(wide).front().score, 72.0 / 289.0);  // 9 of 17 pass
    }

    void naturalTaskIdOrder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("numbers") << "HumanEval/2" << "HumanEval/10";
        QTest::newRow("prefix") << "HumanEval" << "HumanEval/0";
        QTest::newRow("text") << "HumanEval/99" << "MBPP/1";
        QTest::newRow("leading zeros tie on bytes") << "t/007" << "t/7";
        QTest::newRow("later number") << "a1b2" << "a1b10";
    }

    void naturalTaskIdOrder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(taskIdLess(a.toStdString(), b.toStdString()));
        QVERIFY(!taskIdLess(b.toStdString(), a.toStdString()));
        QVERIFY(!taskIdLess(a.toStdString(), a.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestCaseStudy)
#include "test_case_study.moc"
