// VennView's layout and painting. Everything is in device-independent
// floating-point coordinates derived from the widget size and font, so it
// scales with the window and stays crisp at any device pixel ratio.

#include "widgets/series_colors.h"
#include "widgets/venn_view.h"
#include "widgets/venn_view_layout_p.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <bit>

namespace rrtf {
namespace {

QColor withAlpha(QColor c, qreal alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

QString noneLabel(int count)
{
    return VennView::tr("Solved by none: %1").arg(count);
}

} // namespace

VennView::VennLayout VennView::vennLayout() const
{
    VennLayout l;
    const int n = int(m_names.size());
    if (n < 1 || n > 3)
        return l;
    const QFontMetricsF fm(font());
    const qreal lh = fm.height();
    const qreal pad = lh / 2;
    const qreal header = lh * 1.4;          // names above the circles
    const qreal below = n == 3 ? lh * 1.4 : 0;  // names of the two lower circles
    const qreal footer = lh * 1.6;          // the "solved by none" label
    const QRectF area = QRectF(rect()).adjusted(pad, pad + header, -pad, -(pad + below + footer));
    l.circles = vennCircles(n, area);
    if (l.circles.isEmpty())
        return l;
    const qreal r = l.circles[0].radius;
    for (int i = 0; i < n; ++i) {
        const VennCircle& c = l.circles[i];
        // Lower circles of three get their name below; the others above. Two
        // side-by-side names shift outwards so they never overlap.
        const bool under = n == 3 && i > 0;
        const qreal width = n == 1 || (n == 3 && i == 0) ? 2 * r : 1.3 * r;
        qreal x = c.center.x();
        if (n == 2 || under)
            x += (c.center.x() < area.center().x() ? -0.3 : 0.3) * r;
        const qreal top = under ? c.center.y() + r + lh * 0.2 : c.center.y() - r - lh * 1.2;
        l.nameRects << QRectF(x - width / 2, top, width, lh);
    }
    const qreal labelWidth = fm.horizontalAdvance(noneLabel(m_none)) + lh;
    l.noneRect = QRectF(pad, height() - pad - lh * 1.4, labelWidth, lh * 1.4);
    return l;
}

VennView::UpSetLayout VennView::upSetLayout() const
{
    UpSetLayout l;
    const int n = int(m_names.size());
    if (n == 0)
        return l;
    // Non-empty intersections, largest first; ties: fewer models, then mask.
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        l.columns << it.key();
    if (m_none > 0)
        l.columns << 0u;
    std::stable_sort(l.columns.begin(), l.columns.end(), [this](quint32 a, quint32 b) {
        const int ca = count(a), cb = count(b);
        if (ca != cb)
            return ca > cb;
        if (std::popcount(a) != std::popcount(b))
            return std::popcount(a) < std::popcount(b);
        return a < b;
    });
    for (quint32 mask : l.columns)
        l.maxCount = std::max(l.maxCount, count(mask));
    for (int i = 0; i < n; ++i)
        l.maxSetSize = std::max(l.maxSetSize, setSize(i));

    const QFontMetricsF fm(font());
    const qreal lh = fm.height();
    const qreal pad = lh / 2;
    const qreal w = width(), h = height();
    qreal nameWidth = 0;
    for (const QString& name : m_names)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(name));
    nameWidth = std::min(nameWidth + pad, w * 0.3);
    const qreal setBarWidth = std::max(w * 0.15, lh * 2);
    l.rowHeight = std::clamp(h * 0.45 / n, lh * 0.6, lh * 1.5);
    const qreal matrixTop = h - pad - n * l.rowHeight;
    const qreal matrixLeft = pad + setBarWidth + nameWidth;
    l.setBars = QRectF(pad, matrixTop, setBarWidth - pad, n * l.rowHeight);
    l.names = QRectF(pad + setBarWidth, matrixTop, nameWidth, n * l.rowHeight);
    l.matrix = QRectF(matrixLeft, matrixTop, std::max<qreal>(0, w - pad - matrixLeft), n * l.rowHeight);
    l.bars = QRectF(matrixLeft, pad + lh, l.matrix.width(), std::max<qreal>(0, matrixTop - pad / 2 - pad - lh));
    l.columnWidth = l.columns.isEmpty() ? 0 : l.matrix.width() / l.columns.size();
    return l;
}

void VennView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), palette().base());
    if (m_names.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No results to compare"));
        return;
    }
    if (isUpSetShown())
        paintUpSet(p);
    else
        paintVenn(p);
}

void VennView::paintVenn(QPainter& p) const
{
    const VennLayout l = vennLayout();
    if (l.circles.isEmpty())
        return;
    const QPalette pal = palette();
    const bool dark = isDarkPalette(pal);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);

    for (int i = 0; i < l.circles.size(); ++i) {
        const VennCircle& c = l.circles[i];
        const QColor color = seriesColor(i, pal);
        p.setPen(QPen(color, 1.5));
        p.setBrush(withAlpha(color, dark ? 0.30 : 0.25));
        p.drawEllipse(c.center, c.radius, c.radius);
    }
    if (m_hover != NoRegion && m_hover != 0) {
        p.setPen(Qt::NoPen);
        p.setBrush(withAlpha(highlight, 0.25));
        p.drawPath(vennRegionPath(l.circles, m_hover));
    }
    const quint32 focused = hasFocus() ? focusedRegion() : NoRegion;
    QPen focusPen(highlight, 2.5, Qt::DashLine);
    if (focused != NoRegion && focused != 0) {
        p.setPen(focusPen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(vennRegionPath(l.circles, focused));
    }

    QFont countFont = font();
    countFont.setBold(true);
    if (countFont.pointSizeF() > 0)
        countFont.setPointSizeF(countFont.pointSizeF() * 1.15);
    else
        countFont.setPixelSize(int(countFont.pixelSize() * 1.15));
    p.setFont(countFont);
    p.setPen(text);
    const quint32 all = (1u << l.circles.size()) - 1;
    const qreal lh = QFontMetricsF(countFont).height();
    for (quint32 mask = 1; mask <= all; ++mask) {
        const QPointF at = vennRegionAnchor(l.circles, mask);
        p.drawText(QRectF(at.x() - lh * 2, at.y() - lh / 2, lh * 4, lh), Qt::AlignCenter,
                   QString::number(count(mask)));
    }

    p.setFont(font());
    const QFontMetricsF fm(font());
    for (int i = 0; i < l.nameRects.size(); ++i) {
        const QRectF& r = l.nameRects[i];
        p.drawText(r, Qt::AlignCenter, fm.elidedText(m_names[i], Qt::ElideRight, r.width()));
    }

    // Solved by none: a rounded label outside the circles.
    if (m_hover == 0) {
        p.setPen(Qt::NoPen);
        p.setBrush(withAlpha(highlight, 0.25));
        p.drawRoundedRect(l.noneRect, 4, 4);
    }
    p.setPen(focused == 0 ? focusPen : QPen(withAlpha(text, 0.35), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(l.noneRect, 4, 4);
    p.setPen(text);
    p.drawText(l.noneRect, Qt::AlignCenter, noneLabel(m_none));
}

void VennView::paintUpSet(QPainter& p) const
{
    const UpSetLayout l = upSetLayout();
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor faint = withAlpha(text, 0.18);
    const QFontMetricsF fm(font());
    const int n = int(m_names.size());

    // Alternate row shading keeps a model's dots on one line for the eye.
    p.setPen(Qt::NoPen);
    for (int i = 0; i < n; i += 2)
        p.fillRect(QRectF(l.names.left(), l.matrix.top() + i * l.rowHeight,
                          l.matrix.right() - l.names.left(), l.rowHeight),
                   withAlpha(text, 0.05));

    const quint32 focused = hasFocus() ? focusedRegion() : NoRegion;
    const qreal dotRadius = std::max<qreal>(1.5, std::min(l.columnWidth, l.rowHeight) * 0.28);
    for (int j = 0; j < l.columns.size(); ++j) {
        const quint32 mask = l.columns[j];
        const QRectF column = l.columnRect(j);
        if (mask == m_hover)
            p.fillRect(column, withAlpha(highlight, 0.18));
        const QRectF bar = l.barRect(j, count(mask));
        p.setPen(Qt::NoPen);
        p.setBrush(mask == 0 ? withAlpha(text, 0.4) : text);
        p.drawRect(bar);
        const QString label = QString::number(count(mask));
        if (fm.horizontalAdvance(label) <= l.columnWidth) {
            p.setPen(text);
            p.drawText(QRectF(column.left(), bar.top() - fm.height(), l.columnWidth, fm.height()),
                       Qt::AlignHCenter | Qt::AlignBottom, label);
        }
        // Member dots, joined by a line from the first member to the last.
        const qreal x = column.center().x();
        int first = -1, last = -1;
        for (int i = 0; i < n; ++i) {
            if (mask & (1u << i)) {
                last = i;
                if (first < 0)
                    first = i;
            }
        }
        if (first >= 0 && last > first) {
            p.setPen(QPen(text, std::max<qreal>(1, dotRadius / 2)));
            p.drawLine(QPointF(x, l.rowCenter(first)), QPointF(x, l.rowCenter(last)));
        }
        p.setPen(Qt::NoPen);
        for (int i = 0; i < n; ++i) {
            p.setBrush((mask & (1u << i)) ? text : faint);
            p.drawEllipse(QPointF(x, l.rowCenter(i)), dotRadius, dotRadius);
        }
        if (mask == focused) {
            p.setPen(QPen(highlight, 2, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(column.adjusted(1, 1, -1, -1));
        }
    }

    // Set sizes: bars growing leftwards in each model's colour, names beside them.
    for (int i = 0; i < n; ++i) {
        const qreal y = l.rowCenter(i);
        const qreal barH = l.rowHeight * 0.6;
        const qreal len = l.maxSetSize > 0 ? l.setBars.width() * setSize(i) / l.maxSetSize : 0;
        p.setPen(Qt::NoPen);
        p.setBrush(seriesColor(i, pal));
        p.drawRect(QRectF(l.setBars.right() - len, y - barH / 2, len, barH));
        p.setPen(text);
        const QRectF nameRect(l.names.left() + fm.height() / 4, y - l.rowHeight / 2,
                              l.names.width() - fm.height() / 2, l.rowHeight);
        p.drawText(nameRect, Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(m_names[i], Qt::ElideRight, nameRect.width()));
    }
    if (l.columns.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(l.bars, Qt::AlignCenter, tr("No problems"));
    }
}

} // namespace rrtf
