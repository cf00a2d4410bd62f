// tr() for code outside a QObject class in namespace rrtf (free functions in
// .cpp files). lupdate files such calls under the context of the namespace,
// "rrtf", so the lookup at run time uses that context too.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace rrtf {

inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("rrtf", text, disambiguation, n);
}

}  // namespace rrtf
