#pragma once
// Private to VennView: where everything goes for the current size and font.
// Shared by the painting and the hit testing so both always agree.

#include "widgets/venn_geometry.h"
#include "widgets/venn_view.h"

#include <QRectF>
#include <QVector>

namespace rrtf {

struct VennView::VennLayout {
    QVector<VennCircle> circles;
    QVector<QRectF> nameRects;  // one per model, outside its circle
    QRectF noneRect;            // the "solved by none" label; its centre is region 0's
};

struct VennView::UpSetLayout {
    QVector<quint32> columns;  // intersections shown, largest first
    int maxCount = 0;
    int maxSetSize = 0;
    QRectF bars;     // intersection bars, above the matrix
    QRectF matrix;   // dot matrix: one row per model, one column per intersection
    QRectF setBars;  // set-size bars, left of the names, growing leftwards
    QRectF names;    // model names, between the set bars and the matrix
    qreal columnWidth = 0;
    qreal rowHeight = 0;

    // The whole column (bar and dots): what a click or the focus frame covers.
    QRectF columnRect(int column) const
    {
        return {matrix.left() + column * columnWidth, bars.top(), columnWidth,
                matrix.bottom() - bars.top()};
    }
    QRectF barRect(int column, int count) const
    {
        const qreal h = maxCount > 0 ? bars.height() * count / maxCount : 0;
        const qreal w = columnWidth * 0.7;
        return {matrix.left() + (column + 0.5) * columnWidth - w / 2, bars.bottom() - h, w, h};
    }
    qreal rowCenter(int model) const { return matrix.top() + (model + 0.5) * rowHeight; }
};

} // namespace rrtf
