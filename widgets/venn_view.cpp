#include "widgets/venn_view.h"

#include "widgets/venn_view_layout_p.h"

#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <bit>

namespace rrtf {

VennView::VennView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vennView"));
    setAccessibleName(tr("Problems solved per model"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

VennView::~VennView() = default;

void VennView::setData(const QStringList& modelNames, const QMap<quint32, int>& counts, int solvedByNone)
{
    m_names = modelNames.mid(0, MaxModels);
    const quint32 all = m_names.isEmpty() ? 0 : quint32((quint64(1) << m_names.size()) - 1);
    m_counts.clear();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key() != 0 && (it.key() & ~all) == 0 && it.value() > 0)
            m_counts.insert(it.key(), it.value());
    }
    m_none = std::max(0, solvedByNone);
    m_hover = m_pressed = NoRegion;
    m_focusIndex = regions().isEmpty() ? -1 : 0;
    updateGeometry();
    update();
}

void VennView::clear()
{
    setData({}, {}, 0);
}

int VennView::count(quint32 mask) const
{
    return mask == 0 ? m_none : m_counts.value(mask, 0);
}

int VennView::setSize(int model) const
{
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        if (it.key() & (1u << model))
            total += it.value();
    return total;
}

void VennView::setUpSetMode(bool on)
{
    if (on == m_upSetRequested)
        return;
    const quint32 focused = focusedRegion();
    m_upSetRequested = on;
    m_hover = NoRegion;
    const QVector<quint32> list = regions();
    const int index = int(list.indexOf(focused));
    m_focusIndex = index >= 0 ? index : (list.isEmpty() ? -1 : 0);
    update();
}

bool VennView::isUpSetShown() const
{
    return m_upSetRequested || m_names.size() > 3;
}

QVector<quint32> VennView::regions() const
{
    QVector<quint32> list;
    if (m_names.isEmpty())
        return list;
    if (isUpSetShown())
        return upSetLayout().columns;
    const quint32 all = (1u << m_names.size()) - 1;
    for (quint32 mask = 1; mask <= all; ++mask)
        list << mask;
    std::stable_sort(list.begin(), list.end(), [](quint32 a, quint32 b) {
        return std::popcount(a) < std::popcount(b);
    });
    list << 0u;
    return list;
}

quint32 VennView::regionAt(const QPointF& pos) const
{
    if (m_names.isEmpty() || !QRectF(rect()).contains(pos))
        return NoRegion;
    if (!isUpSetShown())
        return vennMaskAt(vennLayout().circles, pos);
    const UpSetLayout l = upSetLayout();
    for (int j = 0; j < l.columns.size(); ++j)
        if (l.columnRect(j).contains(pos))
            return l.columns[j];
    return NoRegion;
}

QPointF VennView::regionCenter(quint32 mask) const
{
    const QPointF nowhere(-1, -1);
    if (m_names.isEmpty())
        return nowhere;
    if (!isUpSetShown()) {
        const VennLayout l = vennLayout();
        if (mask == 0)
            return l.noneRect.center();
        if (mask >= (1u << m_names.size()))
            return nowhere;
        return vennRegionAnchor(l.circles, mask);
    }
    const UpSetLayout l = upSetLayout();
    const int j = int(l.columns.indexOf(mask));
    if (j < 0)
        return nowhere;
    const QRectF bar = l.barRect(j, count(mask));
    return bar.height() >= 2 ? bar.center() : l.columnRect(j).center();
}

QString VennView::regionDescription(quint32 mask) const
{
    const int n = count(mask);
    if (mask == 0)
        return tr("Solved by no model") + QLatin1Char('\n') + tr("%n problem(s)", nullptr, n);
    QStringList members, others;
    for (int i = 0; i < m_names.size(); ++i)
        (mask & (1u << i) ? members : others) << m_names[i];
    QString text = tr("Solved by: %1").arg(members.join(QLatin1String(", ")));
    if (!others.isEmpty())
        text += QLatin1Char('\n') + tr("Not solved by: %1").arg(others.join(QLatin1String(", ")));
    return text + QLatin1Char('\n') + tr("%n problem(s)", nullptr, n);
}

quint32 VennView::focusedRegion() const
{
    const QVector<quint32> list = regions();
    return m_focusIndex >= 0 && m_focusIndex < list.size() ? list[m_focusIndex] : NoRegion;
}

void VennView::setFocusedRegion(quint32 mask)
{
    const int index = int(regions().indexOf(mask));
    if (index >= 0)
        setFocusIndex(index);
}

void VennView::setFocusIndex(int index)
{
    const QVector<quint32> list = regions();
    if (list.isEmpty()) {
        m_focusIndex = -1;
        return;
    }
    m_focusIndex = std::clamp(index, 0, int(list.size()) - 1);
    // Screen readers read the focused region through the description.
    setAccessibleDescription(regionDescription(list[m_focusIndex]));
    update();
}

void VennView::moveFocus(int step)
{
    setFocusIndex(m_focusIndex < 0 ? 0 : m_focusIndex + step);
}

QSize VennView::sizeHint() const
{
    const int h = fontMetrics().height();
    return {h * 24, h * 18};
}

QSize VennView::minimumSizeHint() const
{
    const int h = fontMetrics().height();
    return {h * 10, h * 8};
}

bool VennView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const quint32 mask = regionAt(help->pos());
        if (mask != NoRegion)
            QToolTip::showText(help->globalPos(), regionDescription(mask), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void VennView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = regionAt(event->position());
    if (m_pressed != NoRegion)
        setFocusedRegion(m_pressed);
}

void VennView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    // A click is press and release on the same region, like a button.
    const quint32 mask = regionAt(event->position());
    const bool clicked = mask != NoRegion && mask == m_pressed;
    m_pressed = NoRegion;
    if (clicked)
        Q_EMIT regionClicked(mask);
}

void VennView::mouseMoveEvent(QMouseEvent* event)
{
    const quint32 mask = regionAt(event->position());
    if (mask != m_hover) {
        m_hover = mask;
        setCursor(mask != NoRegion ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void VennView::leaveEvent(QEvent* event)
{
    m_hover = NoRegion;
    update();
    QWidget::leaveEvent(event);
}

void VennView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up:
        moveFocus(-1);
        break;
    case Qt::Key_Right:
    case Qt::Key_Down:
        moveFocus(1);
        break;
    case Qt::Key_Home:
        setFocusIndex(0);
        break;
    case Qt::Key_End:
        setFocusIndex(int(regions().size()) - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (const quint32 mask = focusedRegion(); mask != NoRegion)
            Q_EMIT regionClicked(mask);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void VennView::focusInEvent(QFocusEvent* event)
{
    const int last = int(regions().size()) - 1;
    if (event->reason() == Qt::TabFocusReason)
        setFocusIndex(0);
    else if (event->reason() == Qt::BacktabFocusReason)
        setFocusIndex(last);
    else if (m_focusIndex < 0 || m_focusIndex > last)
        setFocusIndex(0);
    QWidget::focusInEvent(event);
    update();
}

void VennView::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

bool VennView::focusNextPrevChild(bool next)
{
    // Tab walks the regions first and leaves the widget after the last one,
    // so the view is never a keyboard trap.
    const int size = int(regions().size());
    const int target = m_focusIndex + (next ? 1 : -1);
    if (hasFocus() && m_focusIndex >= 0 && target >= 0 && target < size) {
        setFocusIndex(target);
        return true;
    }
    return QWidget::focusNextPrevChild(next);
}

void VennView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
        updateGeometry();
        update();
        break;
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::LanguageChange:
        update();
        break;
    default:
        break;
    }
}

} // namespace rrtf
