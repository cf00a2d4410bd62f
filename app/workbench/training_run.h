// One RRTF training job as the dashboard sees it: its run folder, the metrics
// the job appends (followed as they grow), and the status the job rewrites
// (status.json: state, step, and its process as pid + start time + host). The
// job is a separate `rrtf train` process, so it outlives the window: reopening
// the folder shows it and follows it again. It is cancelled through its stop
// file (engine/training/job_process.h), never by a signal to a pid.
#pragma once

#include "training/job_process.h"

#include "widgets/metrics_follower.h"

#include <QColor>
#include <QJsonObject>
#include <QObject>
#include <QPointF>
#include <QVector>

namespace rrtf {

// What the x axis of the curves counts.
enum class TrainingAxis { Step, RelativeTime, WallTime, Tokens };

struct TrainingStatus {
    QString state;  // running, finished, failed, cancelled; empty when the job wrote none yet
    qint64 pid = 0;
    QString host;   // where the job runs (status.json's "host")
    int step = 0;
    int totalSteps = 0;
    QString error;  // the job's failure, or why status.json cannot be read
    // Running (here, its process checked by pid and start time), running on
    // another host, or stopped unexpectedly: a "running" job whose process is
    // gone has crashed or been killed, and a reused pid is not that job.
    JobLiveness liveness = JobLiveness::NoStatus;
    bool stopRequested = false;  // the stop file is there: the job stops after its step
};

class TrainingRun : public QObject {
    Q_OBJECT
public:
    TrainingRun(const QString& folder, const QColor& color, QObject* parent = nullptr);

    const QString& folder() const { return m_folder; }
    QString name() const;  // the folder's name
    QColor color() const { return m_color; }
    const QVector<QJsonObject>& records() const { return m_metrics->records(); }
    TrainingStatus status() const;

    // (x, value) for each record that has `metric` (and the x field), in file order.
    QVector<QPointF> curve(const QString& metric, TrainingAxis axis) const;

    // Starts `program train FOLDER [extra...]` detached, its output going to
    // FOLDER/train.log. Returns false with `error` set when it cannot start.
    bool launch(const QString& program, QString* error, const QStringList& extra = {});
    // Asks the running job to stop through its stop file: it finishes its step,
    // checkpoints and exits. No process is signalled. Returns false with `message`
    // set when there is no running job (or the file cannot be written); true with
    // `message` set when the job runs on another host (the file reaches it only
    // through a shared filesystem), true with `message` empty otherwise.
    bool cancel(QString* message);
    // The last lines of FOLDER/train.log.
    QString logTail(int maxLines = 200) const;

Q_SIGNALS:
    void changed();  // new metrics, or the file started over

private:
    QString m_folder;
    QColor m_color;
    MetricsFollower* m_metrics;
};

// The metrics.jsonl key for an axis ("step", "elapsed_seconds", "time", "tokens_seen").
QString axisKey(TrainingAxis axis);

}  // namespace rrtf
