// The learning-rate schedule: linear warm-up to the peak, then cosine or
// linear decay to min_lr_ratio × peak, or constant; the same step always gives
// the same rate (a resumed run continues the curve).
#include "runtime/error.h"
#include "training/lr_schedule.h"

#include <QtTest>

using namespace rrtf;

Q_DECLARE_METATYPE(rrtf::LrScheduleKind)

class TestLrSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rateAtStep_data()
    {
        QTest::addColumn<LrScheduleKind>("kind");
        QTest::addColumn<qint64>("warmup");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<double>("minRatio");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("expected");
        const auto cosine = LrScheduleKind::Cosine;
        const auto linear = LrScheduleKind::Linear;
        const auto constant = LrScheduleKind::Constant;
        QTest::newRow("first warm-up step moves") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(1) << 0.1;
        QTest::newRow("mid warm-up") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(5) << 0.5;
        QTest::newRow("peak at the warm-up's end") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(10) << 1.0;
        QTest::newRow("cosine middle") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(60) << 0.5;
        QTest::newRow("cosine quarter") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(35)
                                        << 0.5 * (1 + std::cos(M_PI / 4));
        QTest::newRow("cosine end") << cosine << qint64(10) << qint64(110) << 0.0 << qint64(110) << 0.0;
        QTest::newRow("past the end keeps the floor") << cosine << qint64(10) << qint64(110) << 0.1 << qint64(500) << 0.1;
        QTest::newRow("cosine middle with a floor") << cosine << qint64(10) << qint64(110) << 0.1 << qint64(60) << 0.55;
        QTest::newRow("cosine end with a floor") << cosine << qint64(10) << qint64(110) << 0.1 << qint64(110) << 0.1;
        QTest::newRow("no warm-up") << cosine << qint64(0) << qint64(100) << 0.0 << qint64(1)
                                    << 0.5 * (1 + std::cos(M_PI / 100));
        QTest::newRow("linear quarter") << linear << qint64(10) << qint64(110) << 0.0 << qint64(35) << 0.75;
        QTest::newRow("linear end") << linear << qint64(10) << qint64(110) << 0.2 << qint64(110) << 0.2;
        QTest::newRow("constant warm-up") << constant << qint64(4) << qint64(110) << 0.0 << qint64(2) << 0.5;
        QTest::newRow("constant after warm-up") << constant << qint64(4) << qint64(110) << 0.5 << qint64(100) << 1.0;
        QTest::newRow("warm-up covers the run") << cosine << qint64(10) << qint64(10) << 0.0 << qint64(10) << 1.0;
    }

    void rateAtStep()
    {
        QFETCH(LrScheduleKind, kind);
        QFETCH(qint64, warmup);
        QFETCH(qint64, total);
        QFETCH(double, minRatio);
        QFETCH(qint64, step);
        QFETCH(double, expected);
        const LrSchedule schedule{2e-5, warmup, total, kind, minRatio};
        const double rate = learningRate(schedule, step);
        QVERIFY2(std::abs(rate - 2e-5 * expected) < 1e-15,
                 qPrintable(QString("%1 != %2").arg(rate).arg(2e-5 * expected)));
    }

    void stepZeroIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, learningRate(LrSchedule{}, 0));
    }

    void namesRoundTrip()
    {
        for (auto kind : {LrScheduleKind::Cosine, LrScheduleKind::Linear, LrScheduleKind::Constant})
            QCOMPARE(parseLrScheduleKind(lrScheduleKindName(kind)), std::optional(kind));
        QVERIFY(!parseLrScheduleKind("exponential"));
    }
};

QTEST_GUILESS_MAIN(TestLrSchedule)
#include "test_lr_schedule.moc"
