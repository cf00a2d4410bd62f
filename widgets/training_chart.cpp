#include "training_chart.h"

#include "metric_series.h"
#include "series_colors.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace rrtf {
namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

TrainingChart::TrainingChart(const QString& title, QWidget* parent) : QChartView(parent)
{
    chart()->setTitle(title);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    applyPaletteTheme();
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setAccessibleName(title);
    setToolTip(tr("Drag to zoom, double-click to follow the run again"));
    redraw();
}

QVector<double> TrainingChart::smoothedValues(const QVector<QPointF>& points) const
{
    QVector<double> values;
    values.reserve(points.size());
    for (const QPointF& point : points)
        values.push_back(point.y());
    return debiasedEma(values, m_smoothing);
}

void TrainingChart::setCurve(const QString& run, const QColor& color, const QVector<QPointF>& points)
{
    if (points.isEmpty())
        m_curves.remove(run);
    else
        m_curves[run] = {color, points, smoothedValues(points)};
    redraw();
}

void TrainingChart::setCurves(const QVector<CurveData>& curves)
{
    m_curves.clear();
    for (const CurveData& curve : curves)
        if (!curve.points.isEmpty())
            m_curves[curve.run] = {curve.color, curve.points, smoothedValues(curve.points)};
    redraw();  // once for all runs, not once per run
}

void TrainingChart::setSmoothing(double weight)
{
    m_smoothing = std::clamp(weight, 0.0, 0.999);
    for (Curve& curve : m_curves)
        curve.smoothed = smoothedValues(curve.points);
    redraw();
}

void TrainingChart::setLogX(bool on)
{
    m_logX = on;
    redraw();
}

void TrainingChart::setLogY(bool on)
{
    m_logY = on;
    redraw();
}

void TrainingChart::setXTitle(const QString& title)
{
    if (title == m_xTitle)
        return;
    m_xTitle = title;
    if (QAbstractAxis* x = chart()->axes(Qt::Horizontal).value(0))
        x->setTitleText(m_xTitle);
}

void TrainingChart::follow()
{
    m_following = true;
    redraw();
}

QVector<QPointF> TrainingChart::shown(const QVector<QPointF>& points) const
{
    QVector<QPointF> usable;
    usable.reserve(points.size());
    for (const QPointF& point : points) {
        if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
            continue;
        if ((m_logX && point.x() <= 0) || (m_logY && point.y() <= 0))
            continue;  // no place on a log axis
        usable.push_back(point);
    }
    const int buckets = std::max(50, chart()->plotArea().toRect().width() / 2);
    return downsampleMinMax(usable, buckets);
}

QVector<QPointF> TrainingChart::drawnPoints(const QString& run) const
{
    const auto found = m_curves.find(run);
    if (found == m_curves.end())
        return {};
    if (m_smoothing <= 0)
        return shown(found->points);
    QVector<QPointF> smoothed;
    for (qsizetype i = 0; i < found->points.size(); ++i)
        smoothed.push_back({found->points[i].x(), found->smoothed[i]});
    return shown(smoothed);
}

QLineSeries* TrainingChart::addSeries()
{
    auto* series = new QLineSeries;
    chart()->addSeries(series);  // the chart owns it
    for (QAbstractAxis* axis : chart()->axes())
        series->attachAxis(axis);
    return series;
}

void TrainingChart::removeSeries(QLineSeries*& series)
{
    if (!series)
        return;
    chart()->removeSeries(series);
    delete series;
    series = nullptr;
}

void TrainingChart::syncSeries()
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (m_curves.contains(it.key())) {
            ++it;
            continue;
        }
        removeSeries(it->raw);
        removeSeries(it->smooth);
        it = m_series.erase(it);
    }
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it) {
        RunSeries& lines = m_series[it.key()];
        if (!lines.raw)
            lines.raw = addSeries();
        if (m_smoothing > 0 && !lines.smooth)
            lines.smooth = addSeries();
        else if (m_smoothing <= 0)
            removeSeries(lines.smooth);
    }
}

void TrainingChart::redraw()
{
    ensureAxes();  // before new series, so they attach to the axes in use
    syncSeries();
    const bool smoothing = m_smoothing > 0;
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it) {
        const RunSeries& lines = m_series.value(it.key());
        QColor faint = it->color;
        faint.setAlphaF(smoothing ? 0.25 : 1.0);
        lines.raw->setPen(QPen(faint, smoothing ? 1.0 : 1.6));
        lines.raw->setName(smoothing ? QString() : it.key());
        lines.raw->replace(shown(it->points));
        if (lines.smooth) {
            lines.smooth->setPen(QPen(it->color, 2.0));
            lines.smooth->setName(it.key());
            lines.smooth->replace(drawnPoints(it.key()));
        }
    }
    // Faint raw lines stay out of the legend: one entry per run.
    for (QLegendMarker* marker : chart()->legend()->markers())
        marker->setVisible(!marker->label().isEmpty());
    updateAxes();
}

void TrainingChart::ensureAxes()
{
    const auto isLog = [](const QAbstractAxis* axis) { return axis->type() == QAbstractAxis::AxisTypeLogValue; };
    const QAbstractAxis* x = chart()->axes(Qt::Horizontal).value(0);
    const QAbstractAxis* y = chart()->axes(Qt::Vertical).value(0);
    if (x && y && isLog(x) == m_logX && isLog(y) == m_logY)
        return;
    for (QAbstractAxis* axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
    QAbstractAxis* xAxis = m_logX ? static_cast<QAbstractAxis*>(new QLogValueAxis) : new QValueAxis;
    QAbstractAxis* yAxis = m_logY ? static_cast<QAbstractAxis*>(new QLogValueAxis) : new QValueAxis;
    // Short labels on every axis: "%.4g" gives 0.0001, 2e-05 and 165.5 alike.
    for (QAbstractAxis* axis : {xAxis, yAxis}) {
        if (auto* log = qobject_cast<QLogValueAxis*>(axis))
            log->setLabelFormat(QStringLiteral("%.4g"));
        else if (auto* linear = qobject_cast<QValueAxis*>(axis))
            linear->setLabelFormat(QStringLiteral("%.4g"));
    }
    xAxis->setTitleText(m_xTitle);
    chart()->addAxis(xAxis, Qt::AlignBottom);
    chart()->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries* series : chart()->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    m_axesFitted = false;
}

void TrainingChart::updateAxes()
{
    // A zoom lives in the axes' ranges: leave them while the user has one,
    // unless a log switch made new axes.
    if (!m_following && m_axesFitted)
        return;
    double minX = std::numeric_limits<double>::max(), maxX = std::numeric_limits<double>::lowest();
    double minY = minX, maxY = maxX;
    for (QAbstractSeries* series : chart()->series()) {
        for (const QPointF& point : static_cast<QLineSeries*>(series)->points()) {
            minX = std::min(minX, point.x());
            maxX = std::max(maxX, point.x());
            minY = std::min(minY, point.y());
            maxY = std::max(maxY, point.y());
        }
    }
    if (minX > maxX)
        return;  // no data: the axes' own defaults
    QAbstractAxis* xAxis = chart()->axes(Qt::Horizontal).value(0);
    QAbstractAxis* yAxis = chart()->axes(Qt::Vertical).value(0);
    // A flat line (pass@1 still 0, a constant learning rate) gets a readable range
    // around it. Its smoothed copy differs from it by rounding only (1e-13 of the
    // value): a range that narrow is flat too, or the rounding fills the chart.
    const bool flat = maxY - minY <= 1e-9 * std::max(std::abs(minY), std::abs(maxY));
    const double padY = !flat ? (maxY - minY) * 0.05 : maxY != 0 ? std::abs(maxY) * 0.1 : 0.5;
    xAxis->setRange(minX, maxX > minX ? maxX : minX + 1);
    const double low = m_logY || minY < 0 || minY - padY >= 0 ? minY - padY : 0.0;  // no negative axis for >= 0 data
    yAxis->setRange(m_logY ? minY / 1.1 : low, m_logY ? maxY * 1.1 : maxY + padY);
    m_axesFitted = true;
}

QString TrainingChart::csv() const
{
    QString out = QStringLiteral("run,x,value,smoothed\r\n");
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it)
        for (qsizetype i = 0; i < it->points.size(); ++i)
            out += QStringLiteral("%1,%2,%3,%4\r\n")
                       .arg(csvField(it.key()))
                       .arg(it->points[i].x(), 0, 'g', 10)
                       .arg(it->points[i].y(), 0, 'g', 10)
                       .arg(it->smoothed.value(i), 0, 'g', 10);
    return out;
}

bool TrainingChart::savePng(const QString& path)
{
    return grab().save(path, "PNG");
}

void TrainingChart::mouseReleaseEvent(QMouseEvent* event)
{
    const bool wasRubberBand = event->button() == Qt::LeftButton;
    QChartView::mouseReleaseEvent(event);
    if (wasRubberBand)
        m_following = false;  // the user chose a view: new points no longer move it
}

void TrainingChart::mouseDoubleClickEvent(QMouseEvent* event)
{
    QChartView::mouseDoubleClickEvent(event);
    follow();
}

void TrainingChart::applyPaletteTheme()
{
    // A chart theme also recolours the series: set it first, then draw our own pens.
    chart()->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(palette().base());
    chart()->setTitleBrush(palette().text());
    chart()->legend()->setLabelColor(palette().color(QPalette::Text));
}

void TrainingChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPaletteTheme();
        redraw();
    }
}

void TrainingChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (!m_curves.isEmpty())
        redraw();  // down-sampling depends on the width
}

}  // namespace rrtf
