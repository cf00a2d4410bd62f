#pragma once
// A marked line of a text, as a diff or an annotator reports it.

#include <QVector>

namespace rrtf {

struct LineMark {
    enum class Kind { Added, Removed, Changed };

    int line = 0;                 // 0-based, like QScintilla's line numbers
    Kind kind = Kind::Changed;

    friend bool operator==(const LineMark&, const LineMark&) = default;
};

using LineMarks = QVector<LineMark>;

} // namespace rrtf
