#include "widgets/venn_geometry.h"

#include <QtMath>

#include <algorithm>

namespace rrtf {
namespace {

// Three circles: centres at distance TriangleR * r from the diagram's centre.
// 0.6 gives every one of the seven regions room for a label.
constexpr qreal TriangleR = 0.6;

// Unit vector of circle i in the 3-circle layout (y grows downwards):
// up, lower right, lower left.
QPointF unit3(int i)
{
    static const qreal angles[3] = {-90.0, 30.0, 150.0};
    const qreal a = qDegreesToRadians(angles[i]);
    return {qCos(a), qSin(a)};
}

} // namespace

QVector<VennCircle> vennCircles(int n, const QRectF& rect)
{
    QVector<VennCircle> circles;
    if (n < 1 || n > 3 || rect.isEmpty())
        return circles;
    const QPointF c = rect.center();
    if (n == 1) {
        circles.append({c, std::min(rect.width(), rect.height()) / 2});
    } else if (n == 2) {
        // Centres one radius apart: the diagram is 3r wide and 2r high.
        const qreal r = std::min(rect.width() / 3, rect.height() / 2);
        circles.append({c - QPointF(r / 2, 0), r});
        circles.append({c + QPointF(r / 2, 0), r});
    } else {
        // Extents around the centre O: x in +-(cos30 * R + 1) r, y in [-(R + 1) r, (R/2 + 1) r].
        const qreal halfW = qCos(qDegreesToRadians(30.0)) * TriangleR + 1;
        const qreal up = TriangleR + 1, down = TriangleR / 2 + 1;
        const qreal r = std::min(rect.width() / (2 * halfW), rect.height() / (up + down));
        const QPointF o(c.x(), c.y() + (up - down) * r / 2);
        for (int i = 0; i < 3; ++i)
            circles.append({o + unit3(i) * TriangleR * r, r});
    }
    return circles;
}

quint32 vennMaskAt(const QVector<VennCircle>& circles, const QPointF& point)
{
    quint32 mask = 0;
    for (int i = 0; i < circles.size(); ++i) {
        const QPointF d = point - circles[i].center;
        if (QPointF::dotProduct(d, d) <= circles[i].radius * circles[i].radius)
            mask |= 1u << i;
    }
    return mask;
}

QPointF vennRegionAnchor(const QVector<VennCircle>& circles, quint32 mask)
{
    if (circles.isEmpty())
        return {};
    const qreal r = circles[0].radius;
    const int n = int(circles.size());
    const quint32 all = (1u << n) - 1;
    mask &= all;
    if (n == 1)
        return circles[0].center;
    if (n == 2) {
        const QPointF mid = (circles[0].center + circles[1].center) / 2;
        if (mask == 1)
            return mid - QPointF(r, 0);
        if (mask == 2)
            return mid + QPointF(r, 0);
        return mid;
    }
    const QPointF o = (circles[0].center + circles[1].center + circles[2].center) / 3;
    switch (mask) {
    // One circle only: between the other circles' edges (0.55r) and its own (1.6r).
    case 1: return o + unit3(0) * 1.08 * r;
    case 2: return o + unit3(1) * 1.08 * r;
    case 4: return o + unit3(2) * 1.08 * r;
    // Two circles: away from the third, between its edge (0.4r) and the lens tip (1.15r).
    case 3: return o - unit3(2) * 0.78 * r;
    case 5: return o - unit3(1) * 0.78 * r;
    case 6: return o - unit3(0) * 0.78 * r;
    default: return o;
    }
}

QPainterPath vennRegionPath(const QVector<VennCircle>& circles, quint32 mask)
{
    QPainterPath inside, outside;
    bool first = true;
    for (int i = 0; i < circles.size(); ++i) {
        QPainterPath circle;
        circle.addEllipse(circles[i].center, circles[i].radius, circles[i].radius);
        if (mask & (1u << i)) {
            inside = first ? circle : inside.intersected(circle);
            first = false;
        } else {
            outside = outside.united(circle);
        }
    }
    return first ? QPainterPath() : inside.subtracted(outside);
}

} // namespace rrtf
