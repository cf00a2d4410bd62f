#include "widgets/code_editor.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QShortcut>

#include <algorithm>

namespace rrtf {
namespace {

// Symbol margin between the line numbers (0) and the fold margin (2).
// (Names differ from QsciScintilla's MarginType enumerators, which would shadow them.)
constexpr int MarginNumbers = 0;
constexpr int MarginSymbols = 1;
constexpr int MarginFold = 2;

QColor blend(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

struct SyntaxColors {
    QColor comment, number, string, keyword, className, function, decorator, unclosed;
};

// GitHub-like syntax colours, one set per brightness; each stays readable on
// its own Base colour.
SyntaxColors syntaxColors(bool dark)
{
    if (dark)
        return {QColor(0x8b949e), QColor(0x79c0ff), QColor(0xa5d6ff), QColor(0xff7b72),
                QColor(0xffa657), QColor(0xd2a8ff), QColor(0xd2a8ff), QColor(0xffa198)};
    return {QColor(0x6a737d), QColor(0x005cc5), QColor(0x0a3069), QColor(0xcf222e),
            QColor(0x953800), QColor(0x8250df), QColor(0x6639ba), QColor(0x82071e)};
}

// Installed monospace families, tried in order when the system's fixed font is
// not fixed-pitch by Qt's account. DejaVu Sans Mono comes with fonts-dejavu-core
// (scripts/install-deps.sh installs it).
constexpr const char* KnownMonospaceFamilies[] = {
    "DejaVu Sans Mono", "Liberation Mono", "Noto Mono", "Noto Sans Mono", "Ubuntu Mono", "Cousine",
    "Source Code Pro",  "Hack",            "Menlo",     "Consolas",       "Courier New", "Nimbus Mono PS",
    "FreeMono",         "Courier",
};

// The family Qt confirms fixed-pitch: the system font's own, a known one, or ""
// when none is (then the style hint is all that is left).
QString fixedPitchFamily(const QFont& system)
{
    if (QFontInfo(system).fixedPitch())
        return QFontInfo(system).family();
    for (const char* name : KnownMonospaceFamilies) {
        const QString family = QString::fromLatin1(name);
        if (!QFontDatabase::hasFamily(family))
            continue;
        QFont candidate = system;
        candidate.setFamily(family);
        const QFontInfo info(candidate);
        if (info.fixedPitch() && info.family().compare(family, Qt::CaseInsensitive) == 0)
            return family;
    }
    return {};
}

} // namespace

QFont CodeEditor::codeFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Resolved once: the fonts installed do not change while the program runs.
    static const QString family = fixedPitchFamily(font);
    font.setStyleHint(QFont::TypeWriter);
    font.setFixedPitch(true);
    if (!family.isEmpty())
        font.setFamily(family);
    return font;
}

CodeEditor::CodeEditor(QWidget* parent) : QsciScintilla(parent)
{
    setObjectName(QStringLiteral("codeEditor"));
    setAccessibleName(tr("Code editor"));
    setUtf8(true);

    m_lexer = new QsciLexerPython(this);
    m_lexer->setFoldComments(true);
    m_lexer->setFoldQuotes(true);
    setLexer(m_lexer);

    setTabWidth(4);
    setIndentationWidth(4);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setBackspaceUnindents(true);
    setIndentationGuides(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setFolding(BoxedTreeFoldStyle, MarginFold);
    setAnnotationDisplay(AnnotationBoxed);
    // A horizontal scroll bar only when a line is actually that long.
    setScrollWidth(1);
    setScrollWidthTracking(true);

    setMarginType(MarginNumbers, NumberMargin);
    setMarginLineNumbers(MarginNumbers, true);
    setMarginType(MarginSymbols, SymbolMargin);
    setMarginMarkerMask(MarginSymbols,
                        (1 << AddedSymbolMarker) | (1 << RemovedSymbolMarker)
                            | (1 << ChangedSymbolMarker) | (1 << ErrorSymbolMarker));
    setMarginMarkerMask(MarginNumbers, 0);

    defineMarkers();
    indicatorDefine(RoundBoxIndicator, FindIndicator);
    setIndicatorDrawUnder(true, FindIndicator);

    createShortcuts();
    applyTheme();

    connect(this, &QsciScintillaBase::SCN_ZOOM, this, &CodeEditor::onScintillaZoom);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    updateLineNumberWidth();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::createShortcuts()
{
    // Editor-scoped: three editors in one window must not fight over the keys.
    struct Binding {
        QKeySequence keys;
        void (CodeEditor::*slot)();
    };
    const Binding bindings[] = {
        {QKeySequence(Qt::CTRL | Qt::Key_F), &CodeEditor::findRequested},
        {QKeySequence(Qt::Key_F3), &CodeEditor::findNextAgain},
        {QKeySequence(Qt::SHIFT | Qt::Key_F3), &CodeEditor::findPreviousAgain},
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), &CodeEditor::zoomIn},
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), &CodeEditor::zoomIn},
        {QKeySequence(Qt::CTRL | Qt::Key_Minus), &CodeEditor::zoomOut},
        {QKeySequence(Qt::CTRL | Qt::Key_0), &CodeEditor::resetZoom},
    };
    for (const Binding& b : bindings) {
        // Scintilla's own key map would eat a bound key before the shortcut sees it.
        const int key = b.keys[0].toCombined();
        if (QsciCommand* cmd = standardCommands()->boundTo(key)) {
            if (cmd->key() == key)
                cmd->setKey(0);
            else
                cmd->setAlternateKey(0);
        }
        auto* shortcut = new QShortcut(b.keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, b.slot);
    }
}

void CodeEditor::defineMarkers()
{
    markerDefine(Background, AddedLineMarker);
    markerDefine(Background, RemovedLineMarker);
    markerDefine(Background, ChangedLineMarker);
    markerDefine('+', AddedSymbolMarker);
    markerDefine('-', RemovedSymbolMarker);
    markerDefine('~', ChangedSymbolMarker);
    markerDefine(RightArrow, ErrorSymbolMarker);
    markerDefine(Background, ErrorLineMarker);
}

// One palette -> QScintilla mapping for every colour the editor draws, so a
// theme switch can never leave stale colours behind.
void CodeEditor::applyTheme()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor window = pal.color(QPalette::Window);
    const QColor highlight = pal.color(QPalette::Highlight);
    m_dark = base.lightnessF() < text.lightnessF();
    const SyntaxColors syn = syntaxColors(m_dark);

    const QFont font = codeFont();
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    m_lexer->setDefaultPaper(base);
    m_lexer->setPaper(base, -1);
    m_lexer->setDefaultColor(text);
    m_lexer->setColor(text, -1);
    using L = QsciLexerPython;
    m_lexer->setColor(syn.comment, L::Comment);
    m_lexer->setColor(syn.comment, L::CommentBlock);
    m_lexer->setColor(syn.number, L::Number);
    for (int s : {L::DoubleQuotedString, L::SingleQuotedString, L::TripleSingleQuotedString,
                  L::TripleDoubleQuotedString, L::DoubleQuotedFString, L::SingleQuotedFString,
                  L::TripleSingleQuotedFString, L::TripleDoubleQuotedFString})
        m_lexer->setColor(syn.string, s);
    m_lexer->setColor(syn.keyword, L::Keyword);
    m_lexer->setColor(syn.className, L::ClassName);
    m_lexer->setColor(syn.function, L::FunctionMethodName);
    m_lexer->setColor(syn.decorator, L::Decorator);
    m_lexer->setColor(syn.unclosed, L::UnclosedString);
    m_lexer->setColor(syn.keyword, L::HighlightedIdentifier);

    // setPaper()/setColor() are ignored while a lexer is set: the lexer carries
    // the colours, and the area past the text is STYLE_DEFAULT's.
    SendScintilla(SCI_STYLESETBACK, STYLE_DEFAULT, base);
    SendScintilla(SCI_STYLESETFORE, STYLE_DEFAULT, text);
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(blend(base, highlight, m_dark ? 0.18 : 0.10));
    setSelectionBackgroundColor(highlight);
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMarginsFont(font);
    setMarginsBackgroundColor(window);
    setMarginsForegroundColor(blend(window, text, 0.6));
    setFoldMarginColors(window, window);
    setIndentationGuidesForegroundColor(blend(base, text, 0.25));
    setIndentationGuidesBackgroundColor(base);
    setMatchedBraceBackgroundColor(blend(base, highlight, 0.35));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceBackgroundColor(base);
    setUnmatchedBraceForegroundColor(syn.keyword);

    // Diff tints: faint backgrounds so syntax colours stay readable over them.
    const QColor added = m_dark ? QColor(0x2ea043) : QColor(0x1a7f37);
    const QColor removed = m_dark ? QColor(0xf85149) : QColor(0xcf222e);
    const QColor changed = m_dark ? QColor(0xd29922) : QColor(0x9a6700);
    const qreal tint = m_dark ? 0.25 : 0.15;
    setMarkerBackgroundColor(blend(base, added, tint), AddedLineMarker);
    setMarkerBackgroundColor(blend(base, removed, tint), RemovedLineMarker);
    setMarkerBackgroundColor(blend(base, changed, tint), ChangedLineMarker);
    setMarkerBackgroundColor(blend(base, removed, tint + 0.05), ErrorLineMarker);
    // Symbol markers draw their character on a box of the background colour.
    for (int marker : {AddedSymbolMarker, RemovedSymbolMarker, ChangedSymbolMarker})
        setMarkerBackgroundColor(window, marker);
    // Fold boxes: the box inside in the margin colour, lines and signs dimmed.
    for (int marker = int(SC_MARKNUM_FOLDEREND); marker <= int(SC_MARKNUM_FOLDEROPEN); ++marker) {
        setMarkerForegroundColor(window, marker);
        setMarkerBackgroundColor(blend(window, text, 0.55), marker);
    }
    setMarkerForegroundColor(added, AddedSymbolMarker);
    setMarkerForegroundColor(removed, RemovedSymbolMarker);
    setMarkerForegroundColor(changed, ChangedSymbolMarker);
    setMarkerForegroundColor(removed, ErrorSymbolMarker);
    setMarkerBackgroundColor(removed, ErrorSymbolMarker);

    setIndicatorForegroundColor(m_dark ? QColor(0xe3b341) : QColor(0xbf8700), FindIndicator);
    setIndicatorOutlineColor(m_dark ? QColor(0xe3b341) : QColor(0x9a6700), FindIndicator);

    m_applyingTheme = false;
    // The annotation's style number is re-styled with the new colours, on the
    // line the failing line's marker is on now; a marker gone with its text
    // (an edit) is not brought back.
    if (m_errorLine >= 0) {
        const int line = int(SendScintilla(SCI_MARKERLINEFROMHANDLE, static_cast<unsigned long>(m_errorMarkerHandle)));
        const QString message = m_errorMessage;
        if (line >= 0)
            setErrorLine(line, message);
        else
            clearErrorLine();
    }
    updateLineNumberWidth();
}

void CodeEditor::setText(const QString& text)
{
    // Scintilla keeps the markers of deleted lines (on the line above), so the
    // marks of an old answer would stay on the new one and come back with a theme.
    clearErrorLine();
    clearLineMarks();
    clearAnnotations();
    QsciScintilla::setText(text);
}

void CodeEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::FontChange:
        applyTheme();
        break;
    default:
        break;
    }
}

QColor CodeEditor::paperColor(int style) const
{
    // Scintilla keeps colours as 0xBBGGRR.
    const long bgr = SendScintilla(SCI_STYLEGETBACK, static_cast<unsigned long>(style));
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

QColor CodeEditor::textColor(int style) const
{
    const long bgr = SendScintilla(SCI_STYLEGETFORE, static_cast<unsigned long>(style));
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

int CodeEditor::zoomLevel() const
{
    return int(SendScintilla(SCI_GETZOOM));
}

void CodeEditor::setZoomLevel(int level)
{
    zoomTo(std::clamp(level, MinZoom, MaxZoom));
}

void CodeEditor::resetZoom()
{
    zoomTo(0);
}

void CodeEditor::onScintillaZoom()
{
    const int level = zoomLevel();
    m_lineNumberDigits = 0;  // the margin text got wider or narrower
    updateLineNumberWidth();
    if (level != m_zoom) {
        m_zoom = level;
        Q_EMIT zoomChanged(level);
    }
}

void CodeEditor::updateLineNumberWidth()
{
    const int digits = int(QString::number(std::max(1, lines())).size());
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    // One spare digit of padding; measured by Scintilla, so it follows the zoom.
    setMarginWidth(MarginNumbers, QString(digits + 1, QLatin1Char('9')));
    setMarginWidth(MarginSymbols, QStringLiteral("~~"));
}

bool CodeEditor::findNext(const QString& pattern, bool caseSensitive, bool regex, bool backwards)
{
    m_findPattern = pattern;
    m_findCaseSensitive = caseSensitive;
    m_findRegex = regex;
    highlightAllMatches(pattern, caseSensitive, regex);
    if (pattern.isEmpty())
        return false;
    // Start after the current match going forwards, before it going backwards,
    // so repeated calls step through the matches.
    int lineFrom = -1, indexFrom = -1, lineTo = -1, indexTo = -1;
    getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    int line = -1, index = -1;
    if (lineFrom >= 0 && hasSelectedText()) {
        line = backwards ? lineFrom : lineTo;
        index = backwards ? indexFrom : indexTo;
    } else {
        getCursorPosition(&line, &index);
    }
    return findFirst(pattern, regex, caseSensitive, false, true, !backwards, line, index, true,
                     false, regex);
}

void CodeEditor::findNextAgain()
{
    if (!m_findPattern.isEmpty())
        findNext(m_findPattern, m_findCaseSensitive, m_findRegex, false);
}

void CodeEditor::findPreviousAgain()
{
    if (!m_findPattern.isEmpty())
        findNext(m_findPattern, m_findCaseSensitive, m_findRegex, true);
}

void CodeEditor::clearFindHighlights()
{
    SendScintilla(SCI_SETINDICATORCURRENT, FindIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, SendScintilla(SCI_GETLENGTH));
    m_matchCount = 0;
}

void CodeEditor::highlightAllMatches(const QString& pattern, bool caseSensitive, bool regex)
{
    clearFindHighlights();
    if (pattern.isEmpty())
        return;
    // Same search engine and flags as findFirst(), so highlights and steps agree.
    int flags = 0;
    if (caseSensitive)
        flags |= SCFIND_MATCHCASE;
    if (regex)
        flags |= SCFIND_REGEXP | SCFIND_CXX11REGEX;
    const QByteArray needle = pattern.toUtf8();
    const long length = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_SETSEARCHFLAGS, flags);
    long from = 0;
    while (from <= length && m_matchCount < MaxHighlightedMatches) {
        SendScintilla(SCI_SETTARGETSTART, from);
        SendScintilla(SCI_SETTARGETEND, length);
        const long found = SendScintilla(SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()),
                                         needle.constData());
        if (found < 0)
            break;
        const long end = SendScintilla(SCI_GETTARGETEND);
        if (end > found) {
            SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(found), end - found);
            ++m_matchCount;
        }
        from = std::max(end, found + 1);  // an empty regex match must still advance
    }
}

int CodeEditor::lineMarker(LineMark::Kind kind)
{
    switch (kind) {
    case LineMark::Kind::Added: return AddedLineMarker;
    case LineMark::Kind::Removed: return RemovedLineMarker;
    case LineMark::Kind::Changed: break;
    }
    return ChangedLineMarker;
}

int CodeEditor::symbolMarker(LineMark::Kind kind)
{
    switch (kind) {
    case LineMark::Kind::Added: return AddedSymbolMarker;
    case LineMark::Kind::Removed: return RemovedSymbolMarker;
    case LineMark::Kind::Changed: break;
    }
    return ChangedSymbolMarker;
}

void CodeEditor::setLineMarks(const QVector<LineMark>& marks)
{
    clearLineMarks();
    const int lineCount = lines();
    for (const LineMark& mark : marks) {
        if (mark.line < 0 || mark.line >= lineCount)
            continue;  // marks from a stale diff must not land on a random line
        markerAdd(mark.line, lineMarker(mark.kind));
        markerAdd(mark.line, symbolMarker(mark.kind));
    }
}

void CodeEditor::clearLineMarks()
{
    for (int marker : {AddedLineMarker, RemovedLineMarker, ChangedLineMarker, AddedSymbolMarker,
                       RemovedSymbolMarker, ChangedSymbolMarker})
        markerDeleteAll(marker);
}

void CodeEditor::setErrorLine(int line, const QString& messageIn)
{
    const QString message = messageIn;  // may alias m_errorMessage, cleared next
    clearErrorLine();
    if (line < 0 || line >= lines())
        return;
    m_errorLine = line;
    m_errorMessage = message;
    m_errorMarkerHandle = markerAdd(line, ErrorSymbolMarker);
    markerAdd(line, ErrorLineMarker);
    if (!message.isEmpty()) {
        const QPalette pal = palette();
        const QColor base = pal.color(QPalette::Base);
        const QColor removed = m_dark ? QColor(0xffa198) : QColor(0x82071e);
        const QsciStyle style(ErrorAnnotationStyle, QStringLiteral("error annotation"), removed,
                              blend(base, removed, 0.12), codeFont());
        annotate(line, message, style);
    }
}

void CodeEditor::clearErrorLine()
{
    if (m_errorLine >= 0) {
        const int line = int(SendScintilla(SCI_MARKERLINEFROMHANDLE, static_cast<unsigned long>(m_errorMarkerHandle)));
        markerDeleteAll(ErrorSymbolMarker);
        markerDeleteAll(ErrorLineMarker);
        clearAnnotations(line >= 0 ? line : m_errorLine);
    }
    m_errorLine = -1;
    m_errorMarkerHandle = -1;
    m_errorMessage.clear();
}

} // namespace rrtf
