#include "training_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>

#include <csignal>

namespace rrtf {

QString axisKey(TrainingAxis axis)
{
    switch (axis) {
    case TrainingAxis::Step: return QStringLiteral("step");
    case TrainingAxis::RelativeTime: return QStringLiteral("elapsed_seconds");
    case TrainingAxis::WallTime: return QStringLiteral("time");
    case TrainingAxis::Tokens: return QStringLiteral("tokens_seen");
    }
    return QStringLiteral("step");
}

TrainingRun::TrainingRun(const QString& folder, const QColor& color, QObject* parent)
    : QObject(parent),
      m_folder(folder),
      m_color(color),
      m_metrics(new MetricsFollower(QDir(folder).filePath(QStringLiteral("metrics.jsonl")), this))
{
    connect(m_metrics, &MetricsFollower::recordsAppended, this, &TrainingRun::changed);
    connect(m_metrics, &MetricsFollower::restarted, this, &TrainingRun::changed);
}

QString TrainingRun::name() const
{
    return QFileInfo(m_folder).fileName();
}

TrainingStatus TrainingRun::status() const
{
    TrainingStatus status;
    QFile file(QDir(m_folder).filePath(QStringLiteral("status.json")));
    if (!file.open(QIODevice::ReadOnly))
        return status;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    status.state = object.value(QStringLiteral("state")).toString();
    status.pid = object.value(QStringLiteral("pid")).toInteger();
    status.step = object.value(QStringLiteral("step")).toInt();
    status.totalSteps = object.value(QStringLiteral("total_steps")).toInt();
    status.error = object.value(QStringLiteral("error")).toString();
    // kill(pid, 0) asks whether the process exists without signalling it.
    status.processAlive = status.pid > 0 && ::kill(pid_t(status.pid), 0) == 0;
    return status;
}

QVector<QPointF> TrainingRun::curve(const QString& metric, TrainingAxis axis) const
{
    const QString xKey = axisKey(axis);
    QVector<QPointF> points;
    for (const QJsonObject& record : records()) {
        const QJsonValue x = record.value(xKey);
        const QJsonValue y = record.value(metric);
        if (x.isDouble() && y.isDouble())
            points.push_back({x.toDouble(), y.toDouble()});
    }
    return points;
}

bool TrainingRun::launch(const QString& program, QString* error, const QStringList& extra)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(QStringList{QStringLiteral("train"), m_folder} + extra);
    process.setWorkingDirectory(m_folder);
    process.setStandardOutputFile(QDir(m_folder).filePath(QStringLiteral("train.log")), QIODevice::Append);
    process.setStandardErrorFile(QDir(m_folder).filePath(QStringLiteral("train.log")), QIODevice::Append);
    if (!process.startDetached()) {
        *error = tr("Cannot start %1: %2").arg(program, process.errorString());
        return false;
    }
    return true;
}

bool TrainingRun::cancel(QString* error)
{
    const TrainingStatus now = status();
    if (!now.processAlive) {
        *error = tr("The job of %1 is not running.").arg(name());
        return false;
    }
    if (::kill(pid_t(now.pid), SIGTERM) != 0) {
        *error = tr("Cannot stop process %1: %2").arg(now.pid).arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    return true;
}

QString TrainingRun::logTail(int maxLines) const
{
    QFile file(QDir(m_folder).filePath(QStringLiteral("train.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kTailBytes = 64 * 1024;  // enough for the last few hundred lines
    if (file.size() > kTailBytes)
        file.seek(file.size() - kTailBytes);
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();  // the text after the final newline
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace rrtf
