// The numbers behind a training curve: TensorBoard's debiased exponential
// moving average, and down-sampling that keeps spikes (the minimum and maximum
// of each bucket) so that a long run draws fast without hiding a loss spike.
#pragma once

#include <QPointF>
#include <QVector>

namespace rrtf {

// Smoothed y_i = ema_i / (1 - w^(i+1)), ema_i = w * ema_{i-1} + (1 - w) * y_i,
// ema_{-1} = 0: the first points are not pulled towards zero. w = 0 returns the
// values unchanged; w is clamped to [0, 0.999]. NaN and infinite values are
// skipped (they keep the previous smoothed value).
QVector<double> debiasedEma(const QVector<double>& values, double weight);

// At most 2 * buckets points over the x range (points sorted by x): per bucket
// the lowest and highest point, in x order. Fewer points than that come back as they are.
QVector<QPointF> downsampleMinMax(const QVector<QPointF>& points, int buckets);

}  // namespace rrtf
