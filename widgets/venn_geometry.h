#pragma once
// Geometry of 1-, 2- and 3-circle Venn diagrams: where the circles go in a
// rectangle, which region a point is in, and a point inside each region for
// its label. Pure functions, exact (hit tests use distances, not paths).

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QVector>

namespace rrtf {

struct VennCircle {
    QPointF center;
    qreal radius = 0;
};

// The largest symmetric arrangement of n (1..3) circles centred in rect.
// Two circles overlap by one radius; three sit on a triangle, the first on top.
QVector<VennCircle> vennCircles(int n, const QRectF& rect);

// Bit i set when the point is inside circle i; 0 when it is outside them all.
quint32 vennMaskAt(const QVector<VennCircle>& circles, const QPointF& point);

// A point well inside the region of exactly the circles in mask (mask != 0),
// where its count is drawn. Returns the first centre for an unknown mask.
QPointF vennRegionAnchor(const QVector<VennCircle>& circles, quint32 mask);

// The outline of a region (mask != 0), for focus and hover highlights.
QPainterPath vennRegionPath(const QVector<VennCircle>& circles, quint32 mask);

} // namespace rrtf
