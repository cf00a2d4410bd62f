// CodeEditor: zoom the app can persist, find with wrap-around, read-only,
// diff marks, the failing-line annotation, palette-driven colours, shortcuts.

#include "widgets/code_editor.h"


#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using rrtf::CodeEditor;
using rrtf::LineMark;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1e1e1e));
    p.setColor(QPalette::WindowText, QColor(0xe0e0e0));
    p.setColor(QPalette::Base, QColor(0x121212));
    p.setColor(QPalette::AlternateBase, QColor(0x1b1b1b));
    p.setColor(QPalette::Text, QColor(0xe0e0e0));
    p.setColor(QPalette::Highlight, QColor(0x2f65ca));
    p.setColor(QPalette::HighlightedText, QColor(0xffffff));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xefefef));
    p.setColor(QPalette::WindowText, QColor(Qt::black));
    p.setColor(QPalette::Base, QColor(0xffffff));
    p.setColor(QPalette::Text, QColor(Qt::black));
    p.setColor(QPalette::Highlight, QColor(0x308cc6));
    p.setColor(QPalette::HighlightedText, QColor(0xffffff));
    return p;
}

bool hasMarker(const CodeEditor& e, int line, int marker)
{
    return (e.markersAtLine(line) & (1u << marker)) != 0;
}

} // namespace

class TestCodeEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        CodeEditor e;
        QVERIFY(e.lexer() != nullptr);
        QCOMPARE(QString::fromLatin1(e.lexer()->language()), QStringLiteral("Python"));
        QCOMPARE(e.tabWidth(), 4);
        QVERIFY(!e.indentationsUseTabs());
        QVERIFY(e.autoIndent());
        QCOMPARE(e.folding(), QsciScintilla::BoxedTreeFoldStyle);
        QCOMPARE(e.braceMatching(), QsciScintilla::SloppyBraceMatch);
        QVERIFY(!e.accessibleName().isEmpty());
        // What Qt draws with is fixed-pitch, whatever fontconfig's "monospace" is
        // (ctest runs this once more with FONTCONFIG_FILE making it a proportional
        // font and LANG=zh_CN, as on a machine where it is Noto Sans Mono or a CJK font).
        QVERIFY2(QFontInfo(e.lexer()->defaultFont()).fixedPitch(),
                 qPrintable(QFontInfo(e.lexer()->defaultFont()).family()));
        for (int style = 0; style < 20; ++style)
            QVERIFY(QFontInfo(e.lexer()->font(style)).fixedPitch());
        QVERIFY(QFontInfo(CodeEditor::codeFont()).fixedPitch());
    }

    // A UI font set for the application (a CJK one under zh_CN, say) does not
    // replace the code font.
    void applicationFontKeepsTheCodeFont()
    {
        const QFont saved = QApplication::font();
        CodeEditor e;
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        QCoreApplication::processEvents();
        QVERIFY2(QFontInfo(e.lexer()->defaultFont()).fixedPitch(),
                 qPrintable(QFontInfo(e.lexer()->defaultFont()).family()));
        CodeEditor created;
        QVERIFY(QFontInfo(created.lexer()->defaultFont()).fixedPitch());
        QApplication::setFont(saved);
    }

    void lineNumberMarginWidens()
    {
        CodeEditor e;
        e.setText(QStringLiteral("x\n"));
        const int narrow = e.marginWidth(0);
        QVERIFY(narrow > 0);
        QString many;
        for (int i = 0; i < 12000; ++i)
            many += QStringLiteral("pass\n");
        e.setText(many);
        QVERIFY2(e.marginWidth(0) > narrow, "five digits need a wider margin than one");
    }

    void zoomEmitsAndClamps()
    {
        CodeEditor e;
        QSignalSpy spy(&e, &CodeEditor::zoomChanged);
        QCOMPARE(e.zoomLevel(), 0);
        e.setZoomLevel(3);
        QCOMPARE(e.zoomLevel(), 3);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toInt(), 3);
        e.setZoomLevel(3);  // no change, no signal
        QCOMPARE(spy.count(), 1);
        e.zoomIn();
        QCOMPARE(spy.last().at(0).toInt(), 4);
        e.zoomOut();
        e.zoomOut();
        QCOMPARE(e.zoomLevel(), 2);
        e.resetZoom();
        QCOMPARE(e.zoomLevel(), 0);
        QCOMPARE(spy.last().at(0).toInt(), 0);
        e.setZoomLevel(100);
        QCOMPARE(e.zoomLevel(), CodeEditor::MaxZoom);
        e.setZoomLevel(-100);
        QCOMPARE(e.zoomLevel(), CodeEditor::MinZoom);
    }

    void find_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<int>("matches");

        QTest::newRow("plain") << "foo" << false << false << 3;
        QTest::newRow("ignore case") << "FOO" << false << false << 3;
        QTest::newRow("match case") << "FOO" << true << false << 0;
        QTest::newRow("regex") << "fo+\\(" << false << true << 1;
        QTest::newRow("regex class") << "[0-9]+" << false << true << 2;
        QTest::newRow("absent") << "bar" << false << false << 0;
    }

    void find()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, regex);
        QFETCH(int, matches);
        CodeEditor e;
        e.setText(QStringLiteral("def foo(x):\n    return foo_1 + x\n# foo 22\n"));
        QCOMPARE(e.findNext(pattern, caseSensitive, regex, false), matches > 0);
        QCOMPARE(e.highlightedMatchCount(), matches);
        QCOMPARE(e.lastFindPattern(), pattern);
    }

    void findStepsAndWraps()
    {
        CodeEditor e;
        e.setText(QStringLiteral("foo\nbar\nfoo\nfoo\n"));
        e.setCursorPosition(0, 0);
        int line = -1, index = -1;
        QVERIFY(e.findNext(QStringLiteral("foo"), true, false, false));
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 0);
        QVERIFY(e.findNext(QStringLiteral("foo"), true, false, false));
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        e.findNextAgain();
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 3);
        e.findNextAgain();  // wraps to the top
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 0);
        QCOMPARE(e.selectedText(), QStringLiteral("foo"));
        e.findPreviousAgain();  // backwards wraps to the bottom
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 3);
        e.findPreviousAgain();
        e.getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        QVERIFY(!e.findNext(QStringLiteral("nothing"), false, false, false));
        QCOMPARE(e.highlightedMatchCount(), 0);
        e.findNext(QStringLiteral("foo"), false, false, false);
        e.clearFindHighlights();
        QCOMPARE(e.highlightedMatchCount(), 0);
    }

    void readOnly()
    {
        CodeEditor e;
        e.setText(QStringLiteral("x = 1\n"));
        e.setReadOnly(true);
        QVERIFY(e.isReadOnly());
        e.setCursorPosition(0, 0);
        QTest::keyClicks(e.viewport(), QStringLiteral("abc"));
        QCOMPARE(e.text(), QStringLiteral("x = 1\n"));
        // Find still works on read-only answers.
        QVERIFY(e.findNext(QStringLiteral("1"), false, false, false));
        e.setReadOnly(false);
        QVERIFY(!e.isReadOnly());
    }

    void lineMarks()
    {
        CodeEditor e;
        e.setText(QStringLiteral("a\nb\nc\nd\n"));
        e.setLineMarks({{0, LineMark::Kind::Added}, {2, LineMark::Kind::Removed},
                        {3, LineMark::Kind::Changed}, {99, LineMark::Kind::Added}});
        QVERIFY(hasMarker(e, 0, CodeEditor::AddedLineMarker));
        QVERIFY(hasMarker(e, 0, CodeEditor::AddedSymbolMarker));
        QCOMPARE(e.markersAtLine(1), 0u);
        QVERIFY(hasMarker(e, 2, CodeEditor::RemovedLineMarker));
        QVERIFY(hasMarker(e, 2, CodeEditor::RemovedSymbolMarker));
        QVERIFY(hasMarker(e, 3, CodeEditor::ChangedLineMarker));
        QVERIFY(!hasMarker(e, 3, CodeEditor::AddedLineMarker));
        int marked = 0;
        for (int line = 0; line < e.lines(); ++line)
            marked += e.markersAtLine(line) != 0;
        QCOMPARE(marked, 3);  // the out-of-range mark is dropped

        e.setLineMarks({{1, LineMark::Kind::Changed}});  // replaces, not adds
        QCOMPARE(e.markersAtLine(0), 0u);
        QVERIFY(hasMarker(e, 1, CodeEditor::ChangedLineMarker));
        e.clearLineMarks();
        QCOMPARE(e.markersAtLine(1), 0u);
    }

    void errorLine()
    {
        CodeEditor e;
        e.setText(QStringLiteral("def f():\n    assert f() == 2\n"));
        e.setLineMarks({{0, LineMark::Kind::Changed}});
        e.setErrorLine(1, QStringLiteral("AssertionError"));
        QCOMPARE(e.errorLine(), 1);
        QVERIFY(hasMarker(e, 1, CodeEditor::ErrorSymbolMarker));
        QCOMPARE(e.annotation(1), QStringLiteral("AssertionError"));
        e.setErrorLine(0, QStringLiteral("NameError"));  // one error line at a time
        QCOMPARE(e.annotation(1), QString());
        QVERIFY(!hasMarker(e, 1, CodeEditor::ErrorSymbolMarker));
        QCOMPARE(e.annotation(0), QStringLiteral("NameError"));
        e.clearErrorLine();
        QCOMPARE(e.errorLine(), -1);
        QCOMPARE(e.annotation(0), QString());
        QVERIFY(hasMarker(e, 0, CodeEditor::ChangedLineMarker));  // diff marks untouched
        e.setErrorLine(57, QStringLiteral("beyond the end"));
        QCOMPARE(e.errorLine(), -1);
    }

    // A new answer in the same editor carries none of the old one's marks: not
    // after setText, and not after a theme switch re-styles the editor.
    void newTextDropsOldMarks()
    {
        CodeEditor e;
        e.setPalette(lightPalette());
        e.setText(QStringLiteral("def f(x):\n    y = x\n    return z\n"));
        e.setLineMarks({{1, LineMark::Kind::Changed}});
        e.setErrorLine(2, QStringLiteral("NameError: name 'z' is not defined"));
        QVERIFY(hasMarker(e, 2, CodeEditor::ErrorSymbolMarker));

        e.setText(QStringLiteral("def f(x):\n    return x\n"));  // the next answer, not judged yet
        const auto noMarks = [&e] {
            for (int line = 0; line < e.lines(); ++line) {
                if (e.markersAtLine(line) != 0 || !e.annotation(line).isEmpty())
                    return false;
            }
            return true;
        };
        QCOMPARE(e.errorLine(), -1);
        QVERIFY(noMarks());
        e.setPalette(darkPalette());
        QVERIFY(noMarks());
        e.setPalette(lightPalette());
        QVERIFY(noMarks());
    }

    void paletteChangeRecolours()
    {
        CodeEditor e;
        e.setPalette(lightPalette());
        QCOMPARE(e.paperColor(), QColor(0xffffff));
        QVERIFY(!e.isDarkTheme());
        const QColor lightKeyword = e.lexer()->color(5);
        e.setText(QStringLiteral("x = 1\n"));
        e.setErrorLine(0, QStringLiteral("boom"));

        e.setPalette(darkPalette());
        QVERIFY(e.isDarkTheme());
        QCOMPARE(e.paperColor(), QColor(0x121212));
        QCOMPARE(e.paperColor(0), QColor(0x121212));      // what the text is drawn on
        QCOMPARE(e.paperColor(5), QColor(0x121212));
        QCOMPARE(e.textColor(0), QColor(0xe0e0e0));
        QCOMPARE(e.lexer()->paper(0), QColor(0x121212));
        QCOMPARE(e.lexer()->color(0), QColor(0xe0e0e0));
        QVERIFY(e.lexer()->color(5) != lightKeyword);
        QCOMPARE(e.annotation(0), QStringLiteral("boom"));  // survives the re-styling

        e.setPalette(lightPalette());
        QCOMPARE(e.paperColor(), QColor(0xffffff));
        QCOMPARE(e.lexer()->color(5), lightKeyword);
    }

    void applicationPaletteChangeRecolours()
    {
        const QPalette saved = QApplication::palette();
        CodeEditor e;
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(e.paperColor(), QColor(0x121212));
        QApplication::setPalette(saved);
        QCoreApplication::processEvents();
        QCOMPARE(e.paperColor(), saved.color(QPalette::Base));
    }

    void shortcutsAreScopedToTheEditor()
    {
        QWidget window;
        auto* first = new CodeEditor(&window);
        auto* second = new CodeEditor(&window);
        first->setGeometry(0, 0, 300, 200);
        second->setGeometry(0, 200, 300, 200);
        window.resize(300, 400);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            QSKIP("the platform cannot activate windows; shortcuts need an active window");
        first->setFocus();
        QTRY_VERIFY(first->hasFocus());

        QSignalSpy findFirst(first, &CodeEditor::findRequested);
        QSignalSpy findSecond(second, &CodeEditor::findRequested);
        QSignalSpy zoomFirst(first, &CodeEditor::zoomChanged);
        QTest::keyClick(first, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(findFirst.count(), 1);
        QCOMPARE(findSecond.count(), 0);
        QTest::keyClick(first, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(first->zoomLevel(), 1);
        QCOMPARE(second->zoomLevel(), 0);
        QTest::keyClick(first, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(first, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(first->zoomLevel(), -1);
        QTest::keyClick(first, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(first->zoomLevel(), 0);
        QCOMPARE(zoomFirst.count(), 4);

        first->setText(QStringLiteral("ab\nab\n"));
        first->setCursorPosition(0, 0);
        first->findNext(QStringLiteral("ab"), false, false, false);
        QTest::keyClick(first, Qt::Key_F3);
        int line = -1, index = -1;
        first->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);
        QTest::keyClick(first, Qt::Key_F3, Qt::ShiftModifier);
        first->getCursorPosition(&line, &index);
        QCOMPARE(line, 0);
    }

    void rendersInLightAndDark()
    {
        CodeEditor e;
        e.resize(400, 200);
        e.setText(QStringLiteral("def f(x):\n    return (x + 1)\n\nprint(f(2))\n"));
        e.setLineMarks({{1, LineMark::Kind::Changed}});
        e.setErrorLine(3, QStringLiteral("Traceback: boom"));
        e.findNext(QStringLiteral("f"), false, false, false);
        for (const QPalette& pal : {lightPalette(), darkPalette()}) {
            e.setPalette(pal);
            const QImage image = e.grab().toImage();
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), e.size() * image.devicePixelRatio());
        }
    }
};

QTEST_MAIN(TestCodeEditor)
#include "test_code_editor.moc"
