// One training metric (loss, learning rate, tok/s, pass@1) for several runs:
// each run's raw values as a faint line and, with smoothing on, the debiased
// EMA as a solid line in the same colour. Linear or log axes, spike-keeping
// down-sampling to the chart's width, axes that follow the data until the user
// zooms (drag a rectangle; double-click to follow again), CSV and PNG export.
#pragma once

#include <QChartView>
#include <QColor>
#include <QMap>
#include <QPointF>
#include <QVector>

class QLineSeries;

namespace rrtf {

class TrainingChart : public QChartView {
    Q_OBJECT
public:
    explicit TrainingChart(const QString& title, QWidget* parent = nullptr);

    struct CurveData {
        QString run;
        QColor color;
        QVector<QPointF> points;  // x ascending
    };
    // Replaces one run's points (x ascending). An empty list removes the run.
    void setCurve(const QString& run, const QColor& color, const QVector<QPointF>& points);
    // Replaces every run at once (one redraw).
    void setCurves(const QVector<CurveData>& curves);
    QStringList runs() const { return m_curves.keys(); }

    void setSmoothing(double weight);  // 0 (off) .. 0.999
    void setLogX(bool on);
    void setLogY(bool on);
    void setXTitle(const QString& title);
    bool isFollowing() const { return m_following; }
    void follow();  // fit the axes to the data again, and keep doing so

    // Every run's points: run, x, value, smoothed (RFC 4180, header first).
    QString csv() const;
    bool savePng(const QString& path);

    // What is drawn, for tests: the smoothed (or raw) line of a run after down-sampling.
    QVector<QPointF> drawnPoints(const QString& run) const;

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Curve {
        QColor color;
        QVector<QPointF> points;
        QVector<double> smoothed;
    };
    // A run's lines on the chart, kept from redraw to redraw: new points go in
    // with one replace() rather than new series.
    struct RunSeries {
        QLineSeries* raw = nullptr;
        QLineSeries* smooth = nullptr;  // only while smoothing is on
    };
    void applyPaletteTheme();  // light or dark chart, following the palette (and its override)
    QVector<double> smoothedValues(const QVector<QPointF>& points) const;
    void redraw();
    void syncSeries();        // a series per run and line, made or dropped only as runs or smoothing change
    void ensureAxes();        // new axes only on the first draw or a log switch
    void updateAxes();        // fit the data, unless the user zoomed these axes
    QLineSeries* addSeries();
    void removeSeries(QLineSeries*& series);
    QVector<QPointF> shown(const QVector<QPointF>& points) const;  // log-safe, down-sampled

    QMap<QString, Curve> m_curves;
    QMap<QString, RunSeries> m_series;
    double m_smoothing = 0.6;
    bool m_logX = false;
    bool m_logY = false;
    bool m_following = true;
    bool m_axesFitted = false;  // the current axes have been fitted to data once
    QString m_xTitle;
};

}  // namespace rrtf
