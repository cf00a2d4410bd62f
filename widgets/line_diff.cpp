#include "widgets/line_diff.h"

#include "widgets/line_diff_engine.h"

#include <QHash>

#include <algorithm>

namespace rrtf {
namespace {

using Op = DiffEdit::Op;

// The edit script from the flags: deletions before insertions in each run.
QVector<Op> scriptFromFlags(const char* changedA, qsizetype n, const char* changedB, qsizetype m)
{
    QVector<Op> ops;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !changedA[i] && !changedB[j]) {
            ops << Op::Equal;
            ++i, ++j;
            continue;
        }
        // Past the end of one side, whatever remains of the other is changed,
        // so the loop always advances even on inconsistent flags.
        while (i < n && (changedA[i] || j >= m)) {
            ops << Op::Delete;
            ++i;
        }
        while (j < m && (changedB[j] || i >= n)) {
            ops << Op::Insert;
            ++j;
        }
    }
    return ops;
}

// GNU diff's range format: "start,count", "start" when count is 1, and the
// line before the range with ",0" when it is empty.
QString hunkRange(int start, int count)
{
    if (count == 0)
        return QStringLiteral("%1,0").arg(start);
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

void appendLine(QString& out, QChar prefix, const QString& line)
{
    out += prefix;
    out += line;
    if (!line.endsWith(QLatin1Char('\n')))
        out += QLatin1String("\n\\ No newline at end of file\n");
}

} // namespace

QStringList splitLinesKeepEnds(const QString& text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n')) {
            lines << text.mid(start, i - start + 1);
            start = i + 1;
        }
    }
    if (start < text.size())
        lines << text.mid(start);
    return lines;
}

QVector<DiffEdit> lineEdits(const QString& a, const QString& b, int horizon)
{
    const QStringList linesA = splitLinesKeepEnds(a);
    const QStringList linesB = splitLinesKeepEnds(b);
    // Compare small integers instead of strings in the inner loops.
    QHash<QString, int> ids;
    auto intern = [&ids](const QStringList& lines) {
        QVector<int> out;
        out.reserve(lines.size());
        for (const QString& line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()) + 1);
            out << *it;
        }
        return out;
    };
    const QVector<int> idsA = intern(linesA);
    const QVector<int> idsB = intern(linesB);
    const ChangedLines changed = changedLines(idsA, idsB, horizon);
    const QVector<Op> ops = scriptFromFlags(changed.a.data() + 1, idsA.size(), changed.b.data() + 1, idsB.size());

    QVector<DiffEdit> edits;
    edits.reserve(ops.size());
    int la = 0, lb = 0;
    for (Op op : ops) {
        edits.append({op, la, lb});
        if (op != Op::Insert)
            ++la;
        if (op != Op::Delete)
            ++lb;
    }
    return edits;
}

LineDiff lineDiff(const QString& a, const QString& b)
{
    const QVector<DiffEdit> edits = lineEdits(a, b);
    LineDiff result;
    qsizetype i = 0;
    while (i < edits.size()) {
        if (edits[i].op == Op::Equal) {
            ++i;
            continue;
        }
        QVector<int> deleted, inserted;
        while (i < edits.size() && edits[i].op != Op::Equal) {
            if (edits[i].op == Op::Delete)
                deleted << edits[i].lineA;
            else
                inserted << edits[i].lineB;
            ++i;
        }
        const qsizetype paired = std::min(deleted.size(), inserted.size());
        for (qsizetype k = 0; k < deleted.size(); ++k)
            result.left.append({deleted[k], k < paired ? LineMark::Kind::Changed : LineMark::Kind::Removed});
        for (qsizetype k = 0; k < inserted.size(); ++k)
            result.right.append({inserted[k], k < paired ? LineMark::Kind::Changed : LineMark::Kind::Added});
    }
    return result;
}

QString unifiedDiff(const QString& a, const QString& b, const QString& nameA,
                    const QString& nameB, int context)
{
    context = std::max(0, context);
    const QStringList linesA = splitLinesKeepEnds(a);
    const QStringList linesB = splitLinesKeepEnds(b);
    const QVector<DiffEdit> edits = lineEdits(a, b, context);
    const qsizetype n = edits.size();
    auto posA = [&](qsizetype i) { return i < n ? edits[i].lineA : int(linesA.size()); };
    auto posB = [&](qsizetype i) { return i < n ? edits[i].lineB : int(linesB.size()); };

    QString out;
    qsizetype i = 0;
    while (i < n) {
        while (i < n && edits[i].op == Op::Equal)
            ++i;
        if (i == n)
            break;
        const qsizetype start = std::max<qsizetype>(0, i - context);
        qsizetype end = i;
        // Extend the hunk while the gap to the next change is at most 2*context.
        for (;;) {
            while (end < n && edits[end].op != Op::Equal)
                ++end;
            qsizetype next = end;
            while (next < n && edits[next].op == Op::Equal)
                ++next;
            if (next < n && next - end <= 2 * context) {
                end = next;
                continue;
            }
            end = std::min(n, end + context);
            break;
        }
        if (out.isEmpty())
            out = QStringLiteral("--- %1\n+++ %2\n").arg(nameA, nameB);
        out += QStringLiteral("@@ -%1 +%2 @@\n")
                   .arg(hunkRange(posA(start), posA(end) - posA(start)),
                        hunkRange(posB(start), posB(end) - posB(start)));
        for (qsizetype k = start; k < end; ++k) {
            const DiffEdit& e = edits[k];
            switch (e.op) {
            case Op::Equal: appendLine(out, QLatin1Char(' '), linesA[e.lineA]); break;
            case Op::Delete: appendLine(out, QLatin1Char('-'), linesA[e.lineA]); break;
            case Op::Insert: appendLine(out, QLatin1Char('+'), linesB[e.lineB]); break;
            }
        }
        i = end;
    }
    return out;
}

} // namespace rrtf
