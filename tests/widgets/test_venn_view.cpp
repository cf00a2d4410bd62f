// VennView: hit testing of every region, clicks, keyboard activation and the
// UpSet plot for more than three models.

#include "widgets/venn_geometry.h"
#include "widgets/venn_view.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using rrtf::VennView;

namespace {

QStringList names(int n)
{
    QStringList list;
    for (int i = 0; i < n; ++i)
        list << QStringLiteral("Model %1").arg(QChar(u'A' + i));
    return list;
}

// Every region non-empty, with distinct counts.
QMap<quint32, int> allRegions(int n)
{
    QMap<quint32, int> counts;
    for (quint32 mask = 1; mask < (1u << n); ++mask)
        counts.insert(mask, int(mask) * 2 + 1);
    return counts;
}

} // namespace

class TestVennView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void geometryAnchorsAreInsideTheirRegions_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QRectF>("rect");
        for (int n = 1; n <= 3; ++n) {
            QTest::addRow("%d circles, wide", n) << n << QRectF(0, 0, 600, 300);
            QTest::addRow("%d circles, tall", n) << n << QRectF(10, 20, 200, 500);
        }
    }

    void geometryAnchorsAreInsideTheirRegions()
    {
        QFETCH(int, n);
        QFETCH(QRectF, rect);
        const QVector<rrtf::VennCircle> circles = rrtf::vennCircles(n, rect);
        QCOMPARE(circles.size(), n);
        for (const rrtf::VennCircle& c : circles) {
            const QRectF bounds(c.center - QPointF(c.radius, c.radius), QSizeF(2 * c.radius, 2 * c.radius));
            QVERIFY(rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(bounds));
        }
        for (quint32 mask = 1; mask < (1u << n); ++mask) {
            const QPointF anchor = rrtf::vennRegionAnchor(circles, mask);
            QCOMPARE(rrtf::vennMaskAt(circles, anchor), mask);
            QVERIFY(rrtf::vennRegionPath(circles, mask).contains(anchor));
        }
        QCOMPARE(rrtf::vennMaskAt(circles, rect.topLeft()), 0u);
    }

    void regionAtCentres_data()
    {
        QTest::addColumn<int>("n");
        QTest::newRow("one circle") << 1;
        QTest::newRow("two circles") << 2;
        QTest::newRow("three circles") << 3;
    }

    void regionAtCentres()
    {
        QFETCH(int, n);
        VennView view;
        view.resize(480, 360);
        view.setData(names(n), allRegions(n), 7);
        QVERIFY(!view.isUpSetShown());
        const QVector<quint32> regions = view.regions();
        QCOMPARE(regions.size(), 1 << n);  // 2^n - 1 regions and "none"
        for (quint32 mask : regions)
            QCOMPARE(view.regionAt(view.regionCenter(mask)), mask);
        // Independent of regionCenter(): the middle of the diagram is inside
        // every circle, a corner inside none.
        const QPointF middle = n == 3 ? view.regionCenter(7) : QPointF(view.width() / 2.0, view.height() / 2.0);
        QCOMPARE(view.regionAt(middle), (1u << n) - 1);
        QCOMPARE(view.regionAt(QPointF(2, 2)), 0u);
        QCOMPARE(view.regionAt(QPointF(-5, 10)), VennView::NoRegion);
        if (n == 2) {
            QCOMPARE(view.regionAt(QPointF(view.width() * 0.3, view.height() / 2.0)), 1u);
            QCOMPARE(view.regionAt(QPointF(view.width() * 0.7, view.height() / 2.0)), 2u);
        }
    }

    void clickEmitsMask_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<quint32>("mask");
        QTest::newRow("1: inside") << 1 << 1u;
        QTest::newRow("1: none") << 1 << 0u;
        QTest::newRow("2: left only") << 2 << 1u;
        QTest::newRow("2: both") << 2 << 3u;
        QTest::newRow("3: B and C") << 3 << 6u;
        QTest::newRow("3: all") << 3 << 7u;
        QTest::newRow("3: none") << 3 << 0u;
    }

    void clickEmitsMask()
    {
        QFETCH(int, n);
        QFETCH(quint32, mask);
        VennView view;
        view.resize(480, 360);
        view.setData(names(n), allRegions(n), 4);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &VennView::regionClicked);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.regionCenter(mask).toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<quint32>(), mask);
        QCOMPARE(view.focusedRegion(), mask);
    }

    void tooltipNamesMembers()
    {
        VennView view;
        view.setData({QStringLiteral("StarCoder"), QStringLiteral("WizardCoder")}, {{1, 5}, {2, 3}, {3, 12}}, 2);
        const QString both = view.regionDescription(3);
        QVERIFY(both.contains(QStringLiteral("StarCoder")));
        QVERIFY(both.contains(QStringLiteral("WizardCoder")));
        QVERIFY(both.contains(QStringLiteral("12")));
        const QString onlyFirst = view.regionDescription(1);
        QVERIFY(onlyFirst.contains(QStringLiteral("Not solved by: WizardCoder")));
        QVERIFY(view.regionDescription(0).contains(QStringLiteral("2")));
        QCOMPARE(view.count(3), 12);
        QCOMPARE(view.setSize(0), 17);
    }

    void hoverShowsTooltip()
    {
        VennView view;
        view.resize(480, 360);
        view.setData({QStringLiteral("StarCoder"), QStringLiteral("WizardCoder")}, {{1, 5}, {2, 3}, {3, 12}}, 2);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint pos = view.regionCenter(3).toPoint();
        QHelpEvent help(QEvent::ToolTip, pos, view.mapToGlobal(pos));
        QCoreApplication::sendEvent(&view, &help);
        QTRY_COMPARE(QToolTip::text(), view.regionDescription(3));
        QVERIFY(QToolTip::text().contains(QStringLiteral("12 problem")));
    }

    void accessibleToScreenReaders()
    {
        VennView view;
        view.setData(names(2), allRegions(2), 1);
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(iface);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        view.setFocusedRegion(3);
        QCOMPARE(iface->text(QAccessible::Description), view.regionDescription(3));
        QVERIFY(view.focusPolicy() & Qt::TabFocus);
    }

    void keyboardMovesAndActivates()
    {
        VennView view;
        view.resize(480, 360);
        view.setData(names(3), allRegions(3), 4);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus(Qt::TabFocusReason);
        QSignalSpy spy(&view, &VennView::regionClicked);
        const QVector<quint32> order = view.regions();
        QCOMPARE(order, (QVector<quint32>{1, 2, 4, 3, 5, 6, 7, 0}));
        view.setFocusedRegion(1);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).value<quint32>(), 1u);
        QTest::keyClick(&view, Qt::Key_Right);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.focusedRegion(), 4u);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.focusedRegion(), 2u);
        QTest::keyClick(&view, Qt::Key_End);
        QTest::keyClick(&view, Qt::Key_Enter);
        QCOMPARE(spy.last().at(0).value<quint32>(), 0u);
        QVERIFY(view.accessibleDescription().contains(QStringLiteral("Solved by no model")));
        QVERIFY(!view.accessibleName().isEmpty());
    }

    void tabWalksRegionsThenLeaves()
    {
        QWidget window;
        auto* view = new VennView(&window);
        view->setGeometry(0, 0, 300, 240);
        auto* after = new QWidget(&window);
        after->setFocusPolicy(Qt::StrongFocus);
        after->setGeometry(0, 250, 50, 20);
        window.resize(300, 280);
        view->setData(names(2), allRegions(2), 1);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            QSKIP("the platform cannot activate windows");
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        QCOMPARE(view->focusedRegion(), 1u);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->focusedRegion(), 2u);
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->focusedRegion(), 0u);  // the last region
        QTest::keyClick(view, Qt::Key_Tab);   // no keyboard trap: focus moves on
        QTRY_VERIFY(after->hasFocus());
    }

    void upSetWithFiveModels()
    {
        VennView view;
        view.resize(640, 420);
        QMap<quint32, int> counts{{0b00001, 4}, {0b11111, 40}, {0b00110, 9}, {0b10000, 13}, {0b01010, 2}};
        view.setData(names(5), counts, 6);
        QVERIFY(view.isUpSetShown());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Bars are sorted by size; empty intersections are left out; "none" is one.
        QCOMPARE(view.regions(), (QVector<quint32>{0b11111, 0b10000, 0b00110, 0b00000, 0b00001, 0b01010}));
        QSignalSpy spy(&view, &VennView::regionClicked);
        const QPointF biggest = view.regionCenter(0b11111);
        QCOMPARE(view.regionAt(biggest), 0b11111u);
        QTest::mouseClick(&view, Qt::LeftButton, {}, biggest.toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<quint32>(), 0b11111u);
        // Bars left to right follow regions(); empty space gives NoRegion.
        QVERIFY(view.regionCenter(0b11111).x() < view.regionCenter(0b10000).x());
        QCOMPARE(view.regionAt(QPointF(2, 2)), VennView::NoRegion);
        QCOMPARE(view.regionCenter(0b00010), QPointF(-1, -1));  // empty: not shown
        view.setFocusedRegion(0b00110);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(spy.last().at(0).value<quint32>(), 0b00110u);
    }

    void upSetModeToggle()
    {
        VennView view;
        view.resize(480, 360);
        view.setData(names(3), allRegions(3), 0);
        QCOMPARE(view.regions().size(), 7 + 1);
        view.setUpSetMode(true);
        QVERIFY(view.isUpSetShown());
        QCOMPARE(view.regions().size(), 7);  // nobody unsolved: no "none" bar
        QCOMPARE(view.regions().first(), 7u);  // largest count first
        for (quint32 mask : view.regions())
            QCOMPARE(view.regionAt(view.regionCenter(mask)), mask);
        view.setUpSetMode(false);
        QVERIFY(!view.isUpSetShown());
    }

    void ignoresBadInput()
    {
        VennView view;
        view.resize(300, 200);
        QCOMPARE(view.regionAt(QPointF(100, 100)), VennView::NoRegion);  // no data
        view.setData(names(2), {{0b100, 5}, {0, 3}, {1, -2}, {2, 1}}, -4);
        QCOMPARE(view.count(0b100), 0);  // bit beyond the models
        QCOMPARE(view.count(1), 0);      // negative count
        QCOMPARE(view.count(2), 1);
        QCOMPARE(view.solvedByNone(), 0);
        view.clear();
        QVERIFY(view.regions().isEmpty());
    }

    void renders_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("upSet");
        QTest::addColumn<bool>("dark");
        for (int n : {1, 2, 3, 5, 8})
            for (bool dark : {false, true})
                QTest::addRow("%d models%s", n, dark ? ", dark" : "") << n << false << dark;
        QTest::newRow("3 models as UpSet") << 3 << true << false;
        QTest::newRow("no data") << 0 << false << false;
    }

    void renders()
    {
        QFETCH(int, n);
        QFETCH(bool, upSet);
        QFETCH(bool, dark);
        VennView view;
        if (dark) {
            QPalette p;
            p.setColor(QPalette::Base, QColor(0x121212));
            p.setColor(QPalette::Text, QColor(0xeeeeee));
            view.setPalette(p);
        }
        view.resize(500, 360);
        view.setData(names(n), allRegions(n), 3);
        view.setUpSetMode(upSet);
        view.setFocusedRegion(view.regions().value(0, VennView::NoRegion));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        view.resize(40, 30);  // tiny sizes must not crash either
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestVennView)
#include "test_venn_view.moc"
