// The training dashboard's parts: debiased EMA smoothing, spike-keeping
// down-sampling, a metrics file followed as it grows (and restarted when a
// resumed run truncates it), and the chart's log axes, follow mode and exports.
#include "widgets/metric_series.h"
#include "widgets/metrics_follower.h"
#include "widgets/training_chart.h"

#include <QFile>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPointer>
#include <QValueAxis>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rrtf;

class TestTrainingChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emaIsDebiased_data();
    void emaIsDebiased();
    void emaSkipsNonFiniteValues();
    void downsamplingKeepsSpikes();
    void followerReadsWhatIsAppended();
    void followerRestartsWhenTheFileShrinks();
    void followerNoticesGrowthByItself();
    void chartSmoothsLogsAndExports();
    void zoomStopsFollowing();
    void redrawReusesTheSeries();
    void flatLineGetsAReadableRange();
    void chartFollowsADarkPalette();
};

void TestTrainingChart::emaIsDebiased_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<double>("weight");
    QTest::addColumn<QVector<double>>("expected");
    QTest::newRow("off") << QVector<double>{3, 1, 2} << 0.0 << QVector<double>{3, 1, 2};
    // A constant is not pulled towards the zero the average starts from.
    QTest::newRow("constant") << QVector<double>{5, 5, 5} << 0.9 << QVector<double>{5, 5, 5};
    // By hand: ema 0.5, 1.25, 2.125 over debias 0.5, 0.75, 0.875.
    QTest::newRow("by hand") << QVector<double>{1, 2, 3} << 0.5 << QVector<double>{1.0, 1.25 / 0.75, 2.125 / 0.875};
    QTest::newRow("clamped at 0.999") << QVector<double>{2, 2} << 1.5 << QVector<double>{2, 2};
}

void TestTrainingChart::emaIsDebiased()
{
    QFETCH(QVector<double>, values);
    QFETCH(double, weight);
    QFETCH(QVector<double>, expected);
    const QVector<double> smoothed = debiasedEma(values, weight);
    QCOMPARE(smoothed.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(smoothed[i] - expected[i]) < 1e-9, qPrintable(QString::number(smoothed[i])));
}

void TestTrainingChart::emaSkipsNonFiniteValues()
{
    const QVector<double> smoothed = debiasedEma({1, std::nan(""), 3}, 0.5);
    QCOMPARE(smoothed[1], 1.0);  // the previous value held
    QVERIFY(std::abs(smoothed[2] - (0.5 * 0.5 + 1.5) / 0.75) < 1e-9);
}

void TestTrainingChart::downsamplingKeepsSpikes()
{
    QVector<QPointF> points;
    for (int i = 0; i < 10000; ++i)
        points.push_back({double(i), i == 5003 ? 100.0 : 1.0 + 0.001 * (i % 7)});
    const QVector<QPointF> drawn = downsampleMinMax(points, 100);
    QVERIFY(drawn.size() <= 200);
    bool spike = false;
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        spike |= drawn[i].y() == 100.0;
        if (i > 0)
            QVERIFY(drawn[i].x() >= drawn[i - 1].x());  // still in x order
    }
    QVERIFY(spike);
    QCOMPARE(downsampleMinMax(points.mid(0, 50), 100), points.mid(0, 50));  // few points: as they are
}

static void writeFile(const QString& path, const QByteArray& data, bool append = false)
{
    QFile file(path);
    QVERIFY(file.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

void TestTrainingChart::followerReadsWhatIsAppended()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("metrics.jsonl");
    writeFile(path, "{\"step\":1,\"loss\":2.5}\n{\"step\":2,\"loss\":2.0}\n{\"step\":3,\"lo");
    MetricsFollower follower(path);
    QCOMPARE(follower.records().size(), 2);  // the half-written line waits for its newline
    QSignalSpy appended(&follower, &MetricsFollower::recordsAppended);
    writeFile(path, "ss\":1.5}\nnot json\n{\"step\":4,\"loss\":1.25}\n", true);
    follower.refresh();
    QCOMPARE(appended.count(), 1);
    QCOMPARE(appended.first().first().toInt(), 2);
    QCOMPARE(follower.records().size(), 4);
    QCOMPARE(follower.records()[2].value("loss").toDouble(), 1.5);
    QCOMPARE(follower.records()[3].value("step").toInt(), 4);
    QCOMPARE(follower.malformedLines(), 1);
    follower.refresh();
    QCOMPARE(appended.count(), 1);  // nothing new, no signal
}

void TestTrainingChart::followerRestartsWhenTheFileShrinks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("metrics.jsonl");
    writeFile(path, "{\"step\":1,\"loss\":2.5}\n{\"step\":2,\"loss\":2.0}\n{\"step\":3,\"loss\":1.0}\n");
    MetricsFollower follower(path);
    QSignalSpy restarted(&follower, &MetricsFollower::restarted);
    // A resumed run cuts the file back to its checkpoint's step, then goes on.
    writeFile(path, "{\"step\":1,\"loss\":2.5}\n");
    follower.refresh();
    QCOMPARE(restarted.count(), 1);
    QCOMPARE(follower.records().size(), 1);
    // A different run written over it (same size or larger) is noticed by its first line.
    writeFile(path, "{\"step\":1,\"loss\":9.5}\n{\"step\":2,\"loss\":9.0}\n");
    follower.refresh();
    QCOMPARE(restarted.count(), 2);
    QCOMPARE(follower.records().first().value("loss").toDouble(), 9.5);
}

void TestTrainingChart::followerNoticesGrowthByItself()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("metrics.jsonl");
    MetricsFollower follower(path);  // before the run has written anything
    follower.setPollInterval(50);
    QCOMPARE(follower.records().size(), 0);
    for (int step = 1; step <= 3; ++step) {
        writeFile(path, QStringLiteral("{\"step\":%1,\"loss\":%2}\n").arg(step).arg(3.0 / step).toUtf8(), true);
        QTRY_COMPARE(follower.records().size(), step);
    }
}

void TestTrainingChart::chartSmoothsLogsAndExports()
{
    TrainingChart chart("loss");
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSmoothing(0.5);
    chart.setCurve("run a", Qt::blue, {{1, 1}, {2, 2}, {3, 3}});
    chart.setCurve("run b", Qt::red, {{1, -1}, {2, 4}});
    QCOMPARE(chart.runs(), QStringList({"run a", "run b"}));
    const QVector<QPointF> smoothed = chart.drawnPoints("run a");
    QCOMPARE(smoothed.size(), 3);
    QVERIFY(std::abs(smoothed[1].y() - 1.25 / 0.75) < 1e-9);
    // Two runs, each a faint raw line and a smoothed one; one legend entry per run.
    QCOMPARE(chart.chart()->series().size(), 4);
    QStringList named;
    for (QAbstractSeries* series : chart.chart()->series())
        if (!series->name().isEmpty())
            named << series->name();
    QCOMPARE(named, QStringList({"run a", "run b"}));

    chart.setSmoothing(0);
    chart.setLogY(true);
    QCOMPARE(chart.drawnPoints("run b").size(), 1);  // -1 has no place on a log axis
    QVERIFY(chart.chart()->axes(Qt::Vertical).first()->type() == QAbstractAxis::AxisTypeLogValue);
    chart.setLogY(false);
    QVERIFY(chart.chart()->axes(Qt::Vertical).first()->type() == QAbstractAxis::AxisTypeValue);

    const QStringList lines = chart.csv().split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QString("run,x,value,smoothed"));
    QCOMPARE(lines.size(), 1 + 5);
    QVERIFY(lines.contains("run a,2,2,2"));  // smoothing off: smoothed = raw
    QTemporaryDir dir;
    QVERIFY(chart.savePng(dir.filePath("loss.png")));
    QVERIFY(QImage(dir.filePath("loss.png")).width() > 0);
}

void TestTrainingChart::zoomStopsFollowing()
{
    TrainingChart chart("loss");
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCurve("run", Qt::blue, {{0, 1}, {10, 2}});
    auto* x = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).first());
    QCOMPARE(x->max(), 10.0);
    QTest::mousePress(chart.viewport(), Qt::LeftButton, {}, QPoint(150, 100));
    QTest::mouseMove(chart.viewport(), QPoint(300, 250));
    QTest::mouseRelease(chart.viewport(), Qt::LeftButton, {}, QPoint(300, 250));
    QVERIFY(!chart.isFollowing());
    const double zoomedMax = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).first())->max();
    chart.setCurve("run", Qt::blue, {{0, 1}, {10, 2}, {20, 3}});  // the run goes on
    QCOMPARE(qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).first())->max(), zoomedMax);
    chart.follow();
    QCOMPARE(qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).first())->max(), 20.0);
}

void TestTrainingChart::redrawReusesTheSeries()
{
    TrainingChart chart("loss");
    chart.setCurves({{"run a", Qt::blue, {{0, 1}, {1, 2}}}, {"run b", Qt::red, {{0, 3}, {1, 4}}}});
    const QList<QAbstractSeries*> before = chart.chart()->series();
    QCOMPARE(before.size(), 4);  // raw and smoothed line per run
    // Guards, not just addresses: a deleted series' address may come back for a new one.
    QList<QPointer<QAbstractSeries>> alive;
    for (QAbstractSeries* series : before)
        alive << series;
    // More points, as a running job appends them: the same series, new points.
    chart.setCurves({{"run a", Qt::blue, {{0, 1}, {1, 2}, {2, 3}}}, {"run b", Qt::red, {{0, 3}, {1, 4}, {2, 5}}}});
    QCOMPARE(chart.chart()->series(), before);
    for (const QPointer<QAbstractSeries>& series : alive)
        QVERIFY(series);
    QCOMPARE(qobject_cast<QLineSeries*>(before.first())->count(), 3);
    // A run leaving takes only its own series with it.
    chart.setCurves({{"run a", Qt::blue, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}}});
    QCOMPARE(chart.chart()->series(), before.mid(0, 2));
    chart.setSmoothing(0);  // the smoothed line goes, the raw one stays
    QCOMPARE(chart.chart()->series(), before.mid(0, 1));
}

void TestTrainingChart::flatLineGetsAReadableRange()
{
    TrainingChart chart("pass@1");
    chart.setCurve("run", Qt::blue, {{10, 0}, {20, 0}, {30, 0}});
    const auto* y = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).first());
    QCOMPARE(y->min(), 0.0);  // pass@1 of 0 does not open a negative axis
    QCOMPARE(y->max(), 0.5);
    QCOMPARE(y->labelFormat(), QString("%.4g"));

    // A constant learning rate, smoothed: the smoothed copy differs by rounding only,
    // which must not become the axis (a zig-zag over a range of 1e-13).
    TrainingChart lr("lr");
    lr.setSmoothing(0.6);
    QVector<QPointF> constant;
    for (int step = 1; step <= 12; ++step)
        constant.push_back({double(step), 2e-5});
    lr.setCurve("run", Qt::blue, constant);
    const auto* lrAxis = qobject_cast<QValueAxis*>(lr.chart()->axes(Qt::Vertical).first());
    QVERIFY2(lrAxis->min() < 1.9e-5 && lrAxis->min() > 1e-5 && lrAxis->max() > 2.1e-5 && lrAxis->max() < 3e-5,
             qPrintable(QString("%1 .. %2").arg(lrAxis->min()).arg(lrAxis->max())));
}

void TestTrainingChart::chartFollowsADarkPalette()
{
    TrainingChart chart("loss");
    chart.setCurve("run", QColor(0x0072b2), {{0, 1}, {1, 2}});
    QVERIFY(chart.chart()->backgroundBrush().color().lightnessF() > 0.5);
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(0x0d1117));
    dark.setColor(QPalette::Window, QColor(0x1f2328));
    dark.setColor(QPalette::Text, QColor(0xe6edf3));
    dark.setColor(QPalette::WindowText, QColor(0xe6edf3));
    chart.setPalette(dark);
    QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(0x0d1117));
    // The run keeps its own colour after the theme change.
    const auto* line = qobject_cast<QLineSeries*>(chart.chart()->series().last());
    QCOMPARE(line->pen().color().rgb(), QColor(0x0072b2).rgb());
}

QTEST_MAIN(TestTrainingChart)
#include "test_training_chart.moc"
