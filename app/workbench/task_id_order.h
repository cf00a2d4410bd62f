// The natural order of task ids (task/2 before task/10) for the views' sort
// proxies: the engine's taskIdLess on the ids' UTF-8.
#pragma once

#include "evaluation/case_study.h"

#include <QString>

namespace rrtf {

inline bool taskIdLess(const QString& left, const QString& right)
{
    const QByteArray a = left.toUtf8();
    const QByteArray b = right.toUtf8();
    return taskIdLess(std::string_view(a.constData(), size_t(a.size())),
                      std::string_view(b.constData(), size_t(b.size())));
}

}  // namespace rrtf
