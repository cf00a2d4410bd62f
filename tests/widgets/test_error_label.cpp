// styleAsError: an error label takes the outcome badges' error colours for the
// palette it sits on, and follows that palette when it changes.

#include "widgets/error_label.h"
#include "widgets/outcome_badge.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using rrtf::OutcomeBadge;

namespace {

QPalette palette(bool dark)
{
    QPalette p;
    p.setColor(QPalette::Window, dark ? QColor(0x202020) : QColor(0xefefef));
    p.setColor(QPalette::WindowText, dark ? QColor(0xeeeeee) : QColor(Qt::black));
    return p;
}

QColor errorFill(bool dark)
{
    return OutcomeBadge::backgroundColor(QStringLiteral("error"), palette(dark));
}

QColor errorText(bool dark)
{
    return OutcomeBadge::textColor(QStringLiteral("error"), palette(dark));
}

} // namespace

class TestErrorLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void takesTheParentsPalette()
    {
        QWidget parent;
        parent.setPalette(palette(false));
        auto* label = new QLabel(QStringLiteral("Choose a folder for the run."), &parent);
        rrtf::styleAsError(label);
        QVERIFY(label->autoFillBackground());
        QCOMPARE(label->palette().color(QPalette::Window), errorFill(false));
        QCOMPARE(label->palette().color(QPalette::WindowText), errorText(false));
    }

    void followsAParentPaletteChange()
    {
        QWidget parent;
        parent.setPalette(palette(false));
        auto* label = new QLabel(&parent);
        rrtf::styleAsError(label);
        parent.setPalette(palette(true));
        QCOMPARE(label->palette().color(QPalette::Window), errorFill(true));
        QCOMPARE(label->palette().color(QPalette::WindowText), errorText(true));
        parent.setPalette(palette(false));
        QCOMPARE(label->palette().color(QPalette::Window), errorFill(false));
    }

    void followsAnApplicationPaletteChange()
    {
        const QPalette before = QApplication::palette();
        QApplication::setPalette(palette(false));
        QWidget parent;
        auto* label = new QLabel(&parent);
        rrtf::styleAsError(label);
        QApplication::setPalette(palette(true));
        QTRY_COMPARE(label->palette().color(QPalette::Window), errorFill(true));
        QApplication::setPalette(before);
    }

    void stylingTwiceAddsOneFollower()
    {
        QLabel label;
        rrtf::styleAsError(&label);
        rrtf::styleAsError(&label);
        QCOMPARE(label.children().size(), 1);
    }
};

QTEST_MAIN(TestErrorLabel)
#include "test_error_label.moc"
