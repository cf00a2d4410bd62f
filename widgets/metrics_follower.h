// Follows a growing JSON-lines file (a training run's metrics.jsonl): reads
// only what was appended since the last look, keeps a half-written last line
// until its newline arrives, and starts over when the file shrinks or is
// replaced (a resumed run truncates it to its checkpoint). Changes are noticed
// by a file watcher and, since watchers miss some (network folders, replaced
// files), by polling.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

class QFile;
class QFileSystemWatcher;

namespace rrtf {

class MetricsFollower : public QObject {
    Q_OBJECT
public:
    explicit MetricsFollower(const QString& path, QObject* parent = nullptr);

    const QString& path() const { return m_path; }
    // Every complete record read so far, in file order.
    const QVector<QJsonObject>& records() const { return m_records; }
    int malformedLines() const { return m_malformed; }
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

public Q_SLOTS:
    // Reads what is new now (also called by the watcher and the poll timer).
    void refresh();

Q_SIGNALS:
    void recordsAppended(int firstNew);  // records()[firstNew..] are new
    void restarted();                    // the file shrank or was replaced: records() were read again

private:
    void readFrom(QFile& file, qint64 offset);

    QString m_path;
    QFileSystemWatcher* m_watcher;
    QTimer m_poll;
    qint64 m_offset = 0;     // bytes consumed (complete lines only)
    QByteArray m_head;       // the start of the first line: tells a replaced file from a grown one
    QVector<QJsonObject> m_records;
    int m_malformed = 0;
};

}  // namespace rrtf
