#include "widgets/line_diff_engine.h"

#include <QHash>

#include <algorithm>
#include <cstddef>
#include <limits>

// The steps follow GNU diffutils (analyze.c and gnulib's diffseq.h): discard
// lines that cannot match, Myers' middle-snake search with diff's tie-breaking,
// then slide change runs to diff's preferred boundaries. Each step only picks
// among shortest edit scripts, so the result stays minimal for the lines kept.

namespace rrtf {
namespace {

using Index = std::ptrdiff_t;

// Lines matching nothing in the other file are certainly changed; lines
// matching very many are left out of the search when they sit inside such a
// run (GNU's discard_confusing_lines).
void discardConfusingLines(const int* ids[2], const Index lengths[2], std::vector<char> discards[2])
{
    QHash<int, Index> counts[2];
    for (int f = 0; f < 2; ++f)
        for (Index i = 0; i < lengths[f]; ++i)
            ++counts[f][ids[f][i]];
    for (int f = 0; f < 2; ++f) {
        const Index end = lengths[f];
        discards[f].assign(size_t(end), 0);
        Index many = 5;  // times about the square root of the line count
        for (Index tem = end / 64; (tem >>= 2) > 0;)
            many *= 2;
        for (Index i = 0; i < end; ++i) {
            const Index matches = counts[1 - f].value(ids[f][i], 0);
            if (matches == 0)
                discards[f][i] = 1;
            else if (matches > many)
                discards[f][i] = 2;  // provisional
        }
    }
    for (int f = 0; f < 2; ++f) {
        char* d = discards[f].data();
        const Index end = lengths[f];
        for (Index i = 0; i < end; ++i) {
            if (d[i] == 2) {
                d[i] = 0;  // a provisional discard not inside a run
                continue;
            }
            if (d[i] == 0)
                continue;
            Index j = i, provisional = 0;
            for (; j < end && d[j] != 0; ++j)
                provisional += d[j] == 2;
            while (j > i && d[j - 1] == 2) {
                d[--j] = 0;
                --provisional;
            }
            const Index length = j - i;
            if (provisional * 4 > length) {
                while (j > i)
                    if (d[--j] == 2)
                        d[j] = 0;
                continue;
            }
            Index minimum = 1;
            for (Index tem = length >> 2; (tem >>= 2) > 0;)
                minimum <<= 1;
            ++minimum;
            Index consec = 0;
            for (j = 0; j < length; ++j) {
                if (d[i + j] != 2)
                    consec = 0;
                else if (minimum == ++consec)
                    j -= consec;  // back to the start of the subrun: cancel it all
                else if (minimum < consec)
                    d[i + j] = 0;
            }
            consec = 0;
            for (j = 0; j < length; ++j) {
                if (j >= 8 && d[i + j] == 1)
                    break;
                if (d[i + j] == 2)
                    consec = 0, d[i + j] = 0;
                else if (d[i + j] == 0)
                    consec = 0;
                else if (++consec == 3)
                    break;
            }
            i += length - 1;
            consec = 0;
            for (j = 0; j < length; ++j) {
                if (j >= 8 && d[i - j] == 1)
                    break;
                if (d[i - j] == 2)
                    consec = 0, d[i - j] = 0;
                else if (d[i - j] == 0)
                    consec = 0;
                else if (++consec == 3)
                    break;
            }
        }
    }
}

// Myers' divide and conquer on the undiscarded lines (gnulib's compareseq and
// diag, without the heuristics that only start beyond 4096 edits).
class CompareSeq {
public:
    CompareSeq(const std::vector<int>& x, const std::vector<int>& y, const std::vector<Index>& realX,
               const std::vector<Index>& realY, char* changedX, char* changedY)
        : m_x(x), m_y(y), m_realX(realX), m_realY(realY), m_changedX(changedX), m_changedY(changedY),
          m_fdStore(x.size() + y.size() + 3), m_bdStore(x.size() + y.size() + 3),
          m_fd(m_fdStore.data() + y.size() + 1), m_bd(m_bdStore.data() + y.size() + 1)
    {
    }

    void run() { compare(0, Index(m_x.size()), 0, Index(m_y.size())); }

private:
    void compare(Index xoff, Index xlim, Index yoff, Index ylim)
    {
        while (xoff < xlim && yoff < ylim && m_x[xoff] == m_y[yoff])
            ++xoff, ++yoff;
        while (xoff < xlim && yoff < ylim && m_x[xlim - 1] == m_y[ylim - 1])
            --xlim, --ylim;
        if (xoff == xlim) {
            while (yoff < ylim)
                m_changedY[m_realY[yoff++]] = 1;
        } else if (yoff == ylim) {
            while (xoff < xlim)
                m_changedX[m_realX[xoff++]] = 1;
        } else {
            Index xmid = 0, ymid = 0;
            diag(xoff, xlim, yoff, ylim, xmid, ymid);
            compare(xoff, xmid, yoff, ymid);
            compare(xmid, xlim, ymid, ylim);
        }
    }

    // Searches from both corners, one edit step at a time, until the paths
    // overlap; that point splits the problem. Diagonals are k = x - y.
    void diag(Index xoff, Index xlim, Index yoff, Index ylim, Index& xmid, Index& ymid)
    {
        constexpr Index Max = std::numeric_limits<Index>::max();
        Index* fd = m_fd;
        Index* bd = m_bd;
        const Index dmin = xoff - ylim, dmax = xlim - yoff;
        const Index fmid = xoff - yoff, bmid = xlim - ylim;
        Index fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
        const bool odd = ((fmid - bmid) & 1) != 0;
        fd[fmid] = xoff;
        bd[bmid] = xlim;
        for (;;) {
            if (fmin > dmin)
                fd[--fmin - 1] = -1;
            else
                ++fmin;
            if (fmax < dmax)
                fd[++fmax + 1] = -1;
            else
                --fmax;
            for (Index d = fmax; d >= fmin; d -= 2) {
                const Index tlo = fd[d - 1], thi = fd[d + 1];
                Index x = tlo < thi ? thi : tlo + 1;
                Index y = x - d;
                while (x < xlim && y < ylim && m_x[x] == m_y[y])
                    ++x, ++y;
                fd[d] = x;
                if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
                    xmid = x;
                    ymid = y;
                    return;
                }
            }
            if (bmin > dmin)
                bd[--bmin - 1] = Max;
            else
                ++bmin;
            if (bmax < dmax)
                bd[++bmax + 1] = Max;
            else
                --bmax;
            for (Index d = bmax; d >= bmin; d -= 2) {
                const Index tlo = bd[d - 1], thi = bd[d + 1];
                Index x = tlo < thi ? tlo : thi - 1;
                Index y = x - d;
                while (xoff < x && yoff < y && m_x[x - 1] == m_y[y - 1])
                    --x, --y;
                bd[d] = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
                    xmid = x;
                    ymid = y;
                    return;
                }
            }
        }
    }

    const std::vector<int>& m_x;
    const std::vector<int>& m_y;
    const std::vector<Index>& m_realX;
    const std::vector<Index>& m_realY;
    char* m_changedX;
    char* m_changedY;
    std::vector<Index> m_fdStore, m_bdStore;
    Index* m_fd;
    Index* m_bd;
};

// GNU's shift_boundaries(): slides each run of changed lines over equal
// neighbours so runs merge, end as low as possible, and line up with a run in
// the other file when they can. changed[-1] and changed[end] must be 0.
void shiftBoundaries(const int* ids, char* changed, const char* otherChanged, Index end)
{
    Index i = 0, j = 0;
    for (;;) {
        while (i < end && !changed[i]) {
            while (otherChanged[j++]) {}
            ++i;
        }
        if (i == end)
            break;
        Index start = i;
        while (changed[++i]) {}
        while (otherChanged[j])
            ++j;
        Index runLength = 0, corresponding = 0;
        do {
            runLength = i - start;
            // Back up while the line before the run equals its last line.
            while (start > 0 && ids[start - 1] == ids[i - 1]) {
                changed[--start] = 1;
                changed[--i] = 0;
                while (changed[start - 1])
                    --start;
                while (otherChanged[--j]) {}
            }
            corresponding = otherChanged[j - 1] ? i : end;
            // Then forward while the first line equals the line after the run.
            while (i != end && ids[start] == ids[i]) {
                changed[start++] = 0;
                changed[i++] = 1;
                while (changed[i])
                    ++i;
                while (otherChanged[++j])
                    corresponding = i;
            }
        } while (runLength != i - start);
        // Move back to where the run lines up with one in the other file.
        while (corresponding < i) {
            changed[--start] = 1;
            changed[--i] = 0;
            while (otherChanged[--j]) {}
        }
    }
}

} // namespace

ChangedLines changedLines(const QVector<int>& a, const QVector<int>& b, int horizon)
{
    const Index n = a.size(), m = b.size();
    ChangedLines result{std::vector<char>(size_t(n + 2), 0), std::vector<char>(size_t(m + 2), 0)};

    // Like diff, set the identical ends aside but keep `horizon` lines of each
    // in play: they take part in discarding and boundary shifting.
    Index prefix = 0;
    while (prefix < n && prefix < m && a[prefix] == b[prefix])
        ++prefix;
    Index suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
        ++suffix;
    const Index keep = std::max(0, horizon);
    const Index begin = prefix - std::min(prefix, keep);
    const Index trimmedSuffix = suffix - std::min(suffix, keep);
    const Index lengths[2] = {n - trimmedSuffix - begin, m - trimmedSuffix - begin};
    const int* ids[2] = {a.constData() + begin, b.constData() + begin};
    char* changed[2] = {result.a.data() + 1 + begin, result.b.data() + 1 + begin};

    std::vector<char> discards[2];
    discardConfusingLines(ids, lengths, discards);
    std::vector<int> kept[2];
    std::vector<Index> realIndex[2];
    for (int f = 0; f < 2; ++f) {
        for (Index i = 0; i < lengths[f]; ++i) {
            if (discards[f][size_t(i)] == 0) {
                kept[f].push_back(ids[f][i]);
                realIndex[f].push_back(i);
            } else {
                changed[f][i] = 1;
            }
        }
    }
    CompareSeq(kept[0], kept[1], realIndex[0], realIndex[1], changed[0], changed[1]).run();
    shiftBoundaries(ids[0], changed[0], changed[1], lengths[0]);
    shiftBoundaries(ids[1], changed[1], changed[0], lengths[1]);
    return result;
}

} // namespace rrtf
