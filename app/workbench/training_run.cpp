#include "training_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <exception>

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
    std::optional<RecordedRunStatus> recorded;
    try {
        recorded = readRunStatus(m_folder.toStdString());
    } catch (const std::exception& error) {
        status.error = QString::fromUtf8(error.what());
        return status;
    }
    status.liveness = jobLiveness(recorded);
    status.stopRequested = stopRequested(m_folder.toStdString());
    if (!recorded)
        return status;
    status.state = QString::fromStdString(recorded->state);
    status.pid = recorded->process.pid;
    status.host = QString::fromStdString(recorded->process.host);
    status.step = int(recorded->step);
    status.totalSteps = int(recorded->totalSteps);
    status.error = QString::fromStdString(recorded->error);
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

bool TrainingRun::cancel(QString* message)
{
    message->clear();
    const TrainingStatus now = status();
    switch (now.liveness) {
    case JobLiveness::NoStatus:
    case JobLiveness::Ended:
        *message = tr("The job of %1 is not running.").arg(name());
        return false;
    case JobLiveness::StoppedUnexpectedly:
        *message = tr("The job of %1 is not running: it stopped unexpectedly at step %2.").arg(name()).arg(now.step);
        return false;
    case JobLiveness::Running:
    case JobLiveness::RunningElsewhere:
        break;
    }
    try {
        requestStop(m_folder.toStdString());
    } catch (const std::exception& error) {
        *message = tr("Cannot ask the job of %1 to stop: %2").arg(name(), QString::fromUtf8(error.what()));
        return false;
    }
    if (now.liveness == JobLiveness::RunningElsewhere)
        *message = tr("The job of %1 runs on %2: it was asked to stop through %3, which reaches it only if %2 "
                      "sees this folder (a shared filesystem). No process was signalled.")
                       .arg(name(), now.host, QDir::toNativeSeparators(
                                                   QString::fromStdString(stopFilePath(m_folder.toStdString()).string())));
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
