// Runs the built rrtf command line (RRTF_CLI_PATH) the way a user or a script
// does and keeps what a test checks: the exit code, stdout and stderr.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rrtf::test {

struct CliRun {
    int exitCode = -1;  // -1: it crashed, was killed or did not finish in time
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

inline CliRun runCli(const QStringList& arguments,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 300000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(RRTF_CLI_PATH, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        // Never leave it running behind the test; say why there is no exit code.
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(),
                process.readAllStandardError() + "\n(test) rrtf did not finish within " +
                    QByteArray::number(timeoutMs / 1000) + " s"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

}  // namespace rrtf::test
