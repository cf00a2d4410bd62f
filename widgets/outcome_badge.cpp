#include "widgets/outcome_badge.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace rrtf {
namespace {

struct OutcomeColors {
    const char* key;
    QRgb light;  // fill on light palettes, white text
    QRgb dark;   // fill on dark palettes, near-black text
};

// Contrast ratios against the text colour are all >= 4.5 (WCAG AA); the test
// checks them.
constexpr OutcomeColors Colors[] = {
    {"passed", 0x1a7f37, 0x3fb950},        {"failed", 0xcf222e, 0xff7b72},
    {"error", 0xbc4c00, 0xffa657},         {"syntax_error", 0x8250df, 0xd2a8ff},
    {"timeout", 0x9a6700, 0xe3b341},       {"out_of_memory", 0xbf3989, 0xf778ba},
    {"crashed", 0x82071e, 0xffa198},       {"output_limit", 0x0b6e6e, 0x56d4dd},
    {"tampered", 0x24292f, 0xe6edf3},      {"sandbox_error", 0x57606a, 0xa5b0bc},
    {"running", 0x0969da, 0x79c0ff},       {"not_judged", 0x6e7781, 0x8b949e},
};
constexpr QRgb LightText = 0xffffff;
constexpr QRgb DarkText = 0x0d1117;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

const OutcomeColors& colorsFor(const QString& key)
{
    for (const OutcomeColors& c : Colors)
        if (key == QLatin1String(c.key))
            return c;
    return Colors[std::size(Colors) - 1];  // unknown: neutral, like "not judged"
}

} // namespace

OutcomeBadge::OutcomeBadge(QWidget* parent) : OutcomeBadge(QStringLiteral("not_judged"), parent) {}

OutcomeBadge::OutcomeBadge(const QString& outcome, QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAttribute(Qt::WA_TranslucentBackground);
    m_outcome = normalizedKey(outcome);
    refresh();
}

QStringList OutcomeBadge::knownOutcomes()
{
    QStringList keys;
    for (const OutcomeColors& c : Colors)
        keys << QString::fromLatin1(c.key);
    return keys;
}

QString OutcomeBadge::normalizedKey(const QString& outcome)
{
    QString key = outcome.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return key;
}

QString OutcomeBadge::outcomeText(const QString& outcome)
{
    const QString key = normalizedKey(outcome);
    // One literal per tr() call so lupdate finds every string.
    if (key == QLatin1String("passed")) return tr("Passed");
    if (key == QLatin1String("failed")) return tr("Failed");
    if (key == QLatin1String("error")) return tr("Error");
    if (key == QLatin1String("syntax_error")) return tr("Syntax error");
    if (key == QLatin1String("timeout")) return tr("Timeout");
    if (key == QLatin1String("out_of_memory")) return tr("Out of memory");
    if (key == QLatin1String("crashed")) return tr("Crashed");
    if (key == QLatin1String("output_limit")) return tr("Output limit");
    if (key == QLatin1String("tampered")) return tr("Tampered");
    if (key == QLatin1String("sandbox_error")) return tr("Sandbox error");
    if (key == QLatin1String("running")) return tr("Running");
    if (key == QLatin1String("not_judged")) return tr("Not judged");
    return outcome.trimmed();
}

QColor OutcomeBadge::backgroundColor(const QString& outcome, const QPalette& palette)
{
    const OutcomeColors& c = colorsFor(normalizedKey(outcome));
    return QColor(isDark(palette) ? c.dark : c.light);
}

QColor OutcomeBadge::textColor(const QString&, const QPalette& palette)
{
    return QColor(isDark(palette) ? DarkText : LightText);
}

void OutcomeBadge::setOutcome(const QString& outcome)
{
    const QString key = normalizedKey(outcome);
    if (key == m_outcome)
        return;
    m_outcome = key;
    refresh();
}

void OutcomeBadge::setTestCounts(int passed, int total)
{
    if (total <= 0)
        passed = total = 0;
    if (passed == m_passed && total == m_total)
        return;
    m_passed = passed;
    m_total = total;
    refresh();
}

void OutcomeBadge::setDetail(const QString& detail)
{
    m_detail = detail;
    refresh();
}

QString OutcomeBadge::text() const
{
    const QString name = outcomeText(m_outcome);
    if (m_total <= 0)
        return name;
    //: Outcome badge suffix: passed / total unit tests, e.g. "3/5 tests"
    const QString counts = tr("%1/%n tests", nullptr, m_total).arg(m_passed);
    return tr("%1 · %2", "outcome · test counts").arg(name, counts);
}

void OutcomeBadge::refresh()
{
    const QString name = outcomeText(m_outcome);
    setAccessibleName(name);
    QString description = text();
    QString tip = description;
    if (!m_detail.isEmpty()) {
        description += QLatin1Char('\n') + m_detail;
        tip = QStringLiteral("<b>%1</b><br>%2").arg(text().toHtmlEscaped(),
                                                    m_detail.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    }
    setAccessibleDescription(description);
    setToolTip(tip);
    updateGeometry();
    update();
}

QSize OutcomeBadge::sizeHint() const
{
    // Derived from the font, never fixed pixels, so it scales with DPI and zoom.
    const QFontMetrics fm(font());
    const int padX = fm.height() / 2 + 2;
    const int padY = fm.height() / 6 + 1;
    return {fm.horizontalAdvance(text()) + 2 * padX, fm.height() + 2 * padY};
}

QSize OutcomeBadge::minimumSizeHint() const
{
    return sizeHint();
}

void OutcomeBadge::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2;
    p.setPen(Qt::NoPen);
    p.setBrush(backgroundColor(m_outcome, palette()));
    p.drawRoundedRect(r, radius, radius);
    if (hasFocus()) {
        QPen focusPen(palette().color(QPalette::Highlight), 2);
        p.setPen(focusPen);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r.adjusted(1, 1, -1, -1), radius - 1, radius - 1);
    }
    p.setPen(textColor(m_outcome, palette()));
    const QString shown = QFontMetrics(font()).elidedText(text(), Qt::ElideRight,
                                                          int(r.width() - radius));
    p.drawText(r, Qt::AlignCenter, shown);
}

void OutcomeBadge::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::LanguageChange:
        refresh();
        break;
    case QEvent::FontChange:
        updateGeometry();
        break;
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
        update();
        break;
    default:
        break;
    }
}

} // namespace rrtf
