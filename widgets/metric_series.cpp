#include "metric_series.h"

#include <algorithm>
#include <cmath>

namespace rrtf {

QVector<double> debiasedEma(const QVector<double>& values, double weight)
{
    weight = std::clamp(weight, 0.0, 0.999);
    QVector<double> smoothed;
    smoothed.reserve(values.size());
    double ema = 0.0;
    int seen = 0;
    double last = std::nan("");
    for (double value : values) {
        if (!std::isfinite(value)) {
            smoothed.push_back(last);
            continue;
        }
        ema = weight * ema + (1.0 - weight) * value;
        ++seen;
        const double debias = 1.0 - std::pow(weight, seen);
        last = debias > 0 ? ema / debias : value;
        smoothed.push_back(last);
    }
    return smoothed;
}

QVector<QPointF> downsampleMinMax(const QVector<QPointF>& points, int buckets)
{
    if (buckets <= 0 || points.size() <= 2 * buckets)
        return points;
    const double first = points.front().x();
    const double span = points.back().x() - first;
    QVector<QPointF> result;
    result.reserve(2 * buckets);
    int start = 0;
    for (int bucket = 0; bucket < buckets && start < points.size(); ++bucket) {
        const double end = first + span * (bucket + 1) / buckets;
        int stop = start;
        while (stop < points.size() && (points[stop].x() <= end || bucket == buckets - 1))
            ++stop;
        if (stop == start)
            continue;
        const auto [low, high] = std::minmax_element(points.begin() + start, points.begin() + stop,
                                                     [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
        if (low == high) {
            result.push_back(*low);
        } else if (low < high) {
            result.push_back(*low);
            result.push_back(*high);
        } else {
            result.push_back(*high);
            result.push_back(*low);
        }
        start = stop;
    }
    return result;
}

}  // namespace rrtf
