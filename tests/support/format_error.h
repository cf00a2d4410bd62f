// Checks shared by the tests of every file reader: write a (possibly corrupt)
// file, load it, and expect an rrtf::FormatError that names what is at fault.
#pragma once

#include "runtime/error.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace rrtf::test {

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Runs `load` and verifies it throws a FormatError whose message contains every
// one of `words` (typically the file's path and the field or tensor at fault),
// on one line.
template <typename Load>
void expectFormatError(Load&& load, const QStringList& words)
{
    try {
        load();
        QFAIL("expected a FormatError");
    } catch (const FormatError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(!message.contains('\n'), qPrintable("spans several lines: " + message));
        for (const QString& word : words)
            QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
    }
}

}  // namespace rrtf::test
