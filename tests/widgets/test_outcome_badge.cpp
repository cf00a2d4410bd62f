// OutcomeBadge: the text, tooltip and accessible name a user relies on, and
// colours readable in light and dark palettes.

#include "evaluation/verdict.h"
#include "widgets/outcome_badge.h"

#include <QTest>

using rrtf::OutcomeBadge;

namespace {

qreal luminance(const QColor& c)
{
    auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor& a, const QColor& b)
{
    const qreal la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette palette(bool dark)
{
    QPalette p;
    p.setColor(QPalette::Window, dark ? QColor(0x202020) : QColor(0xf0f0f0));
    p.setColor(QPalette::WindowText, dark ? QColor(0xeeeeee) : QColor(0x111111));
    p.setColor(QPalette::Base, dark ? QColor(0x121212) : QColor(0xffffff));
    p.setColor(QPalette::Text, dark ? QColor(0xeeeeee) : QColor(0x111111));
    return p;
}

} // namespace

class TestOutcomeBadge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("passed") << "passed" << "Passed";
        QTest::newRow("failed") << "failed" << "Failed";
        QTest::newRow("error") << "error" << "Error";
        QTest::newRow("syntax_error") << "syntax_error" << "Syntax error";
        QTest::newRow("timeout") << "timeout" << "Timeout";
        QTest::newRow("out_of_memory") << "out_of_memory" << "Out of memory";
        QTest::newRow("crashed") << "crashed" << "Crashed";
        QTest::newRow("output_limit") << "output_limit" << "Output limit";
        QTest::newRow("tampered") << "tampered" << "Tampered";
        QTest::newRow("sandbox_error") << "sandbox_error" << "Sandbox error";
        QTest::newRow("running") << "running" << "Running";
        QTest::newRow("not_judged") << "not_judged" << "Not judged";
        QTest::newRow("spaces and case") << "Syntax Error" << "Syntax error";
        QTest::newRow("hyphen") << "out-of-memory" << "Out of memory";
        QTest::newRow("unknown shown as is") << "weird_state" << "weird_state";
    }

    void text()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        OutcomeBadge badge(key);
        QCOMPARE(badge.text(), text);
        QCOMPARE(OutcomeBadge::outcomeText(key), text);
        QCOMPARE(badge.accessibleName(), text);
        QVERIFY(badge.toolTip().contains(text));
    }

    // The engine's own list of outcomes: one added there without a badge (a text
    // and a colour of its own) fails here.
    void knownOutcomesCoverTheEngine()
    {
        const QStringList keys = OutcomeBadge::knownOutcomes();
        for (const rrtf::Outcome outcome : rrtf::allOutcomes()) {
            const std::string_view name = rrtf::outcomeName(outcome);
            const QString key = QString::fromLatin1(name.data(), qsizetype(name.size()));
            QVERIFY2(keys.contains(key), qPrintable(key));
            QVERIFY2(OutcomeBadge::outcomeText(key) != key, qPrintable(key));  // not shown as the raw key
        }
        // Besides those, only the window's own states.
        QCOMPARE(keys.size(), qsizetype(rrtf::allOutcomes().size()) + 2);
        QVERIFY(keys.contains(QStringLiteral("running")));
        QVERIFY(keys.contains(QStringLiteral("not_judged")));
    }

    void testCountsSuffix()
    {
        OutcomeBadge badge(QStringLiteral("failed"));
        const int narrow = badge.sizeHint().width();
        badge.setTestCounts(3, 5);
        QCOMPARE(badge.text(), QStringLiteral("Failed · 3/5 tests"));
        QCOMPARE(badge.testsPassed(), 3);
        QCOMPARE(badge.testsTotal(), 5);
        QVERIFY(badge.sizeHint().width() > narrow);
        QCOMPARE(badge.accessibleName(), QStringLiteral("Failed"));
        QVERIFY(badge.accessibleDescription().contains(QStringLiteral("3/5")));
        badge.clearTestCounts();
        QCOMPARE(badge.text(), QStringLiteral("Failed"));
    }

    void tooltipCarriesDetail()
    {
        OutcomeBadge badge(QStringLiteral("error"));
        badge.setDetail(QStringLiteral("ZeroDivisionError: division by zero\nline 3 <module>"));
        QVERIFY(badge.toolTip().contains(QStringLiteral("Error")));
        QVERIFY(badge.toolTip().contains(QStringLiteral("ZeroDivisionError: division by zero")));
        QVERIFY(badge.toolTip().contains(QStringLiteral("&lt;module&gt;")));  // escaped, not markup
        QVERIFY(badge.accessibleDescription().contains(QStringLiteral("ZeroDivisionError")));
    }

    void setOutcomeUpdates()
    {
        OutcomeBadge badge;
        QCOMPARE(badge.outcome(), QStringLiteral("not_judged"));
        badge.setOutcome(QStringLiteral("running"));
        QCOMPARE(badge.outcome(), QStringLiteral("running"));
        QCOMPARE(badge.accessibleName(), QStringLiteral("Running"));
        badge.setOutcome(QStringLiteral("passed"));
        QCOMPARE(badge.text(), QStringLiteral("Passed"));
        QCOMPARE(badge.property("outcome").toString(), QStringLiteral("passed"));
    }

    void coloursReadableInBothPalettes()
    {
        for (bool dark : {false, true}) {
            const QPalette pal = palette(dark);
            QSet<QRgb> fills;
            for (const QString& key : OutcomeBadge::knownOutcomes()) {
                const QColor bg = OutcomeBadge::backgroundColor(key, pal);
                const QColor fg = OutcomeBadge::textColor(key, pal);
                QVERIFY2(contrast(bg, fg) >= 4.5,
                         qPrintable(QStringLiteral("%1 (%2): contrast %3").arg(key).arg(dark).arg(contrast(bg, fg))));
                fills.insert(bg.rgb());
            }
            QCOMPARE(fills.size(), OutcomeBadge::knownOutcomes().size());  // every outcome its own colour
        }
        QVERIFY(OutcomeBadge::backgroundColor(QStringLiteral("passed"), palette(false))
                != OutcomeBadge::backgroundColor(QStringLiteral("failed"), palette(false)));
    }

    void renders()
    {
        for (bool dark : {false, true}) {
            OutcomeBadge badge(QStringLiteral("passed"));
            badge.setTestCounts(5, 5);
            badge.setPalette(palette(dark));
            badge.resize(badge.sizeHint());
            const QImage image = badge.grab().toImage();
            QVERIFY(!image.isNull());
            // The pill's fill is painted in the left cap, before the text starts.
            const QPoint probe(int(badge.height() / 3 * image.devicePixelRatio()),
                               int(badge.height() / 2 * image.devicePixelRatio()));
            QCOMPARE(QColor(image.pixel(probe)).rgb(),
                     OutcomeBadge::backgroundColor(QStringLiteral("passed"), palette(dark)).rgb());
        }
    }
};

QTEST_MAIN(TestOutcomeBadge)
#include "test_outcome_badge.moc"
