#pragma once
// The diff engine behind line_diff.h: which lines of two files are changed,
// decided the way GNU diff decides it, so our unified diffs match `diff -u`
// and not just in length. Inputs are line ids (equal lines, equal ids, > 0).

#include <QVector>

#include <vector>

namespace rrtf {

// Returns per-line flags (1 = changed) for a and b, each with a zero guard
// element at both ends (flags for line i are at [i + 1]). horizon: lines of
// the identical prefix and suffix kept in the comparison, GNU diff's
// --horizon-lines (it uses the context size).
struct ChangedLines {
    std::vector<char> a;
    std::vector<char> b;
};
ChangedLines changedLines(const QVector<int>& a, const QVector<int>& b, int horizon);

} // namespace rrtf
