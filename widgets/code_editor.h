#pragma once
// The one QsciScintilla wrapper of the workbench: Python lexing, palette-driven
// colours (light and dark), zoom the app can persist, find with all matches
// highlighted, diff line marks and a failing-line annotation.

#include "widgets/line_mark.h"

#include "widgets/qscintilla_include.h"

#include <QFont>

namespace rrtf {

class CodeEditor : public QsciScintilla {
    Q_OBJECT

public:
    // Marker numbers, public so views and tests can read markersAtLine().
    enum Marker {
        AddedLineMarker = 0,   // line backgrounds
        RemovedLineMarker = 1,
        ChangedLineMarker = 2,
        AddedSymbolMarker = 3, // "+", "-", "~" in the symbol margin: colour is never the only signal
        RemovedSymbolMarker = 4,
        ChangedSymbolMarker = 5,
        ErrorSymbolMarker = 6,
        ErrorLineMarker = 7,
    };
    static constexpr int FindIndicator = 8;  // INDIC_CONTAINER: the first one free for applications
    static constexpr int MinZoom = -10;      // Scintilla's own limits for SCI_SETZOOM
    static constexpr int MaxZoom = 20;
    static constexpr int MaxHighlightedMatches = 10000;  // keeps huge documents responsive
    static constexpr int ErrorAnnotationStyle = 120;     // above every lexer's and Scintilla's own styles

    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    // The font code is shown in: the system's fixed font when Qt confirms it
    // is fixed-pitch, else the first installed monospace family that Qt
    // confirms (DejaVu Sans Mono, Liberation Mono, Noto Mono, ...), at the
    // system fixed font's size. fontconfig's "monospace" can be a font Qt does
    // not report fixed-pitch (Noto Sans Mono, or a CJK font under zh_CN).
    static QFont codeFont();

    // Replacing the text drops what was marked on the old one: diff marks,
    // the failing line and its annotation.
    void setText(const QString& text) override;

    // Zoom in points relative to the font size (0 = no zoom).
    int zoomLevel() const;
    void setZoomLevel(int level);

    // Selects the next (or previous) match from the cursor, wrapping around, and
    // highlights every match with FindIndicator. Returns false when none.
    bool findNext(const QString& pattern, bool caseSensitive, bool regex, bool backwards);
    QString lastFindPattern() const { return m_findPattern; }
    int highlightedMatchCount() const { return m_matchCount; }
    void clearFindHighlights();

    // Diff marks: a background and a margin symbol per line (0-based lines).
    void setLineMarks(const QVector<LineMark>& marks);
    void clearLineMarks();
    static int lineMarker(LineMark::Kind kind);
    static int symbolMarker(LineMark::Kind kind);

    // Marks the failing line (0-based; a negative line clears) with a margin
    // symbol and the message as an annotation below it.
    void setErrorLine(int line, const QString& message);
    void clearErrorLine();
    int errorLine() const { return m_errorLine; }

    // True when the colours follow a dark palette (Base darker than Text).
    bool isDarkTheme() const { return m_dark; }
    // The colours Scintilla draws a style with (STYLE_DEFAULT: the area past
    // the text). QsciScintilla::paper() ignores the lexer, so ask here.
    QColor paperColor(int style = STYLE_DEFAULT) const;
    QColor textColor(int style = STYLE_DEFAULT) const;

public Q_SLOTS:
    void findNextAgain();      // F3: last pattern, forwards
    void findPreviousAgain();  // Shift+F3
    void resetZoom();  // zoomIn()/zoomOut() are QsciScintilla's own slots

Q_SIGNALS:
    void zoomChanged(int level);
    void findRequested();  // Ctrl+F: the app shows its find bar

protected:
    void changeEvent(QEvent* event) override;

private Q_SLOTS:
    void onScintillaZoom();
    void updateLineNumberWidth();

private:
    void createShortcuts();
    void defineMarkers();
    void applyTheme();
    void highlightAllMatches(const QString& pattern, bool caseSensitive, bool regex);

    QsciLexerPython* m_lexer = nullptr;
    QString m_findPattern;
    bool m_findCaseSensitive = false;
    bool m_findRegex = false;
    int m_matchCount = 0;
    int m_zoom = 0;
    int m_lineNumberDigits = 0;
    int m_errorLine = -1;
    int m_errorMarkerHandle = -1;  // follows the failing line through edits
    QString m_errorMessage;
    bool m_dark = false;
    bool m_applyingTheme = false;
};

} // namespace rrtf
