#pragma once
// Line diff between two texts (Myers' O(ND) algorithm, linear space, with GNU
// diff's choices among equal-length scripts): per-side marks for two editors
// and a unified diff as `diff -u` prints it.
// Pure functions on QtCore types; no widgets.

#include "widgets/line_mark.h"

#include <QString>
#include <QStringList>

namespace rrtf {

struct LineDiff {
    LineMarks left;   // lines of the first text: Removed or Changed
    LineMarks right;  // lines of the second text: Added or Changed
};

// One step of the edit script, on 0-based line numbers of each side.
struct DiffEdit {
    enum class Op { Equal, Delete, Insert };
    Op op = Op::Equal;
    int lineA = 0;  // line of the first text (Equal, Delete)
    int lineB = 0;  // line of the second text (Equal, Insert)
};

// Splits a text into lines, each keeping its "\n"; the last one has none when
// the text does not end with a newline. "" gives no lines.
QStringList splitLinesKeepEnds(const QString& text);

// The edit script `diff` would use from a to b: a shortest one (up to GNU
// diff's discarding of lines repeated very often), aligned as diff aligns it.
// Inside each run of changes the deletions come before the insertions.
// horizon: identical lines kept around the changes, diff's context size.
QVector<DiffEdit> lineEdits(const QString& a, const QString& b, int horizon = 3);

// Marks for a side-by-side view. In a run of d deleted and i inserted lines
// the first min(d, i) lines of each side are Changed, the rest Removed (left)
// or Added (right). A last line that differs only by its missing newline is
// Changed, as `diff` reports it.
LineDiff lineDiff(const QString& a, const QString& b);

// The unified diff `diff -u` prints (without timestamps in the header);
// empty when the texts are equal. context: lines of context around changes.
QString unifiedDiff(const QString& a, const QString& b, const QString& nameA,
                    const QString& nameB, int context = 3);

} // namespace rrtf
