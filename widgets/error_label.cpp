#include "widgets/error_label.h"

#include "widgets/outcome_badge.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPointer>

namespace rrtf {
namespace {

// The palette the label sits on: its own Window and WindowText are the pill's,
// so whether the theme is light or dark is read from the parent.
QPalette surroundingPalette(const QLabel& label)
{
    return label.parentWidget() ? label.parentWidget()->palette() : QApplication::palette(&label);
}

void applyErrorColours(QLabel& label)
{
    const QPalette surrounding = surroundingPalette(label);
    const QString outcome = QStringLiteral("error");
    QPalette colours = label.palette();
    colours.setColor(QPalette::Window, OutcomeBadge::backgroundColor(outcome, surrounding));
    colours.setColor(QPalette::WindowText, OutcomeBadge::textColor(outcome, surrounding));
    label.setPalette(colours);  // unchanged colours send no further PaletteChange
}

// Lives as the label's child, so it goes when the label does. It watches the
// parent: the label's own Window and WindowText are set here, so a theme that
// changes only those roles would send the label no PaletteChange.
class ErrorColoursFollower : public QObject {
public:
    static constexpr const char* Name = "rrtfErrorColoursFollower";

    explicit ErrorColoursFollower(QLabel* label) : QObject(label), m_label(label)
    {
        setObjectName(QLatin1String(Name));
        label->installEventFilter(this);
        watchParent();
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_label && event->type() == QEvent::ParentChange) {
            watchParent();
            applyErrorColours(*m_label);
        } else if (watched == m_parent && event->type() == QEvent::PaletteChange) {
            applyErrorColours(*m_label);
        }
        return false;
    }

private:
    void watchParent()
    {
        if (m_parent)
            m_parent->removeEventFilter(this);
        m_parent = m_label->parentWidget();
        if (m_parent)
            m_parent->installEventFilter(this);
    }

    QLabel* m_label;
    QPointer<QWidget> m_parent;
};

} // namespace

void styleAsError(QLabel* label)
{
    label->setAutoFillBackground(true);
    label->setMargin(6);
    applyErrorColours(*label);
    // By name: without Q_OBJECT the follower's type cannot be told apart.
    if (!label->findChild<QObject*>(QLatin1String(ErrorColoursFollower::Name), Qt::FindDirectChildrenOnly))
        new ErrorColoursFollower(label);
}

} // namespace rrtf
