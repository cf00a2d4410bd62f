// Stop sequences over streamed text: found across piece boundaries, cut at the
// exact byte, never letting a stop string's bytes out while streaming.
#include "generation/stop_sequences.h"
#include "runtime/error.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace rrtf;

namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& item : list)
        out.push_back(item.toStdString());
    return out;
}

QStringList bytesOf(const QString& text)
{
    QStringList pieces;
    for (char byte : text.toStdString())
        pieces << QString(QChar(byte));
    return pieces;
}

}  // namespace

class TestStopSequences : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cutsAtTheStop_data()
    {
        QTest::addColumn<QStringList>("stops");
        QTest::addColumn<QStringList>("pieces");
        QTest::addColumn<int>("cut");  // -1: no stop
        QTest::addColumn<bool>("sameAsWholeText");

        const QStringList def{"\ndef"};
        QTest::newRow("split across two pushes") << def << QStringList{"    return x\n", "def foo():"} << 12 << true;
        QTest::newRow("many single-byte pushes") << def << bytesOf("    return x\ndef foo():") << 12 << true;
        QTest::newRow("stop inside one piece") << QStringList{"\n#"} << QStringList{"a = 1\n# note\nb = 2"} << 5
                                               << true;
        QTest::newRow("stop at the very start") << def << QStringList{"\ndef f():", "\n    pass"} << 0 << true;
        QTest::newRow("no stop") << def << QStringList{"x = 1\n", "de", "lta = 2"} << -1 << true;
        QTest::newRow("overlapping partial match") << QStringList{"aab"} << QStringList{"a", "a", "a", "b", "c"} << 1
                                                   << true;
        QTest::newRow("earlier start wins within a push")
            << QStringList{"rn", "\nreturn None"} << QStringList{"x\nretu", "rn None\n"} << 1 << true;
        QTest::newRow("later-starting shorter stop completes first")
            << QStringList{"\nreturn None", "rn"} << QStringList{"x\nreturn", " None\n"} << 6 << false;
        QTest::newRow("bigcode list, split newline")
            << QStringList{"\nclass", "\ndef", "\n#", "\n@", "\nprint", "\nif", "\n```"}
            << QStringList{"    return a + b\n", "\n", "\nif __name__ == '__main__':"} << 18 << true;
        QTest::newRow("multi-byte text") << QStringList{"\n#"} << QStringList{"s = 'héllo'\n", "# ✓"} << 12 << true;
    }

    void cutsAtTheStop()
    {
        QFETCH(QStringList, stops);
        QFETCH(QStringList, pieces);
        QFETCH(int, cut);
        QFETCH(bool, sameAsWholeText);

        StopSequenceMatcher matcher(toStd(stops));
        std::string text;
        std::optional<size_t> reported;
        for (const QString& piece : pieces) {
            const std::string bytes = piece.toStdString();
            text += bytes;
            const size_t shownBefore = matcher.safeLength();
            reported = matcher.push(bytes);
            QVERIFY(matcher.safeLength() >= shownBefore);  // shown text is never taken back
            QVERIFY(matcher.safeLength() <= matcher.cutPosition());
            if (reported)
                break;
        }
        const std::string expected = cut < 0 ? text : text.substr(0, cut);
        QCOMPARE(reported.has_value(), cut >= 0);
        QCOMPARE(matcher.stopped(), cut >= 0);
        QCOMPARE(QString::fromStdString(text.substr(0, matcher.cutPosition())), QString::fromStdString(expected));
        if (reported)
            QCOMPARE(*reported, size_t(cut));
        if (sameAsWholeText)
            QCOMPARE(QString::fromStdString(truncateAtStop(text, toStd(stops))), QString::fromStdString(expected));
    }

    void holdsBackAPossibleStop()
    {
        StopSequenceMatcher matcher({"\ndef"});
        matcher.push("x = 1\nd");
        QCOMPARE(matcher.safeLength(), size_t(5));  // "\nd" may still become "\ndef"
        matcher.push("o");
        QCOMPARE(matcher.safeLength(), size_t(8));
        QVERIFY(!matcher.stopped());
    }

    void ignoresTextAfterTheStop()
    {
        StopSequenceMatcher matcher({"\n#"});
        QCOMPARE(matcher.push("ab\n#c").value_or(99), size_t(2));
        QCOMPARE(matcher.push("more\n#").value_or(99), size_t(2));
        QCOMPARE(QString::fromStdString(std::string(matcher.matchedStop())), QString("\n#"));
        matcher.reset();
        QVERIFY(!matcher.stopped());
        QVERIFY(!matcher.push("x\n"));
        QCOMPARE(matcher.push("#").value_or(99), size_t(1));
    }

    void noStopsNeverStop()
    {
        StopSequenceMatcher matcher({});
        QVERIFY(!matcher.push("\ndef anything"));
        QCOMPARE(matcher.cutPosition(), size_t(13));
        QCOMPARE(matcher.safeLength(), size_t(13));
    }

    void rejectsEmptyStop()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, StopSequenceMatcher({"\ndef", ""}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, truncateAtStop("abc", {""}));
    }

    void humanEvalDefaults()
    {
        QCOMPARE(codexHumanEvalStops(), (std::vector<std::string>{"\nclass", "\ndef", "\n#", "\nif", "\nprint"}));
        QCOMPARE(bigcodeHumanEvalStops(),
                 (std::vector<std::string>{"\nclass", "\ndef", "\n#", "\n@", "\nprint", "\nif", "\n```"}));
        const std::string completion = "    return sorted(x)\n\n\nprint(f([3, 1]))\n";
        QCOMPARE(QString::fromStdString(truncateAtStop(completion, codexHumanEvalStops())),
                 QString("    return sorted(x)\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestStopSequences)
#include "test_stop_sequences.moc"
