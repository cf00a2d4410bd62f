// Writes to a workspace off the GUI thread (DESIGN.md "Show": the GUI thread
// never commits to SQLite). A commit can wait up to the database's busy timeout
// for another writer, such as the judge's thread storing a benchmark's verdicts;
// here that waits on a thread of the writer's own. It has one thread and its own
// connection, runs the writes in the order they were posted, and tells when each
// one is done with `done(ticket, error)`, emitted on that thread: a queued
// connection takes it to the receiver's. The destructor lets the writes posted so
// far finish (each one transaction), so an edit made just before the window
// closes is kept.
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <mutex>

namespace rrtf {

class Workspace;

class WorkspaceWriter : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceWriter(QObject* parent = nullptr);
    ~WorkspaceWriter() override;

    // Thread-safe: runs `work` on the writer's thread with its connection to the
    // workspace at `path` (opened on first use). Returns the ticket that `done`
    // carries; an exception `work` throws becomes its error.
    quint64 post(const QString& path, std::function<void(Workspace&)> work);

Q_SIGNALS:
    // Emitted on the writer's thread; `error` is empty when the write succeeded.
    void done(quint64 ticket, const QString& error);

private:
    std::shared_ptr<Workspace> workspaceAt(const QString& path);

    std::mutex m_mutex;  // guards m_next and m_workspace
    quint64 m_next = 1;
    std::shared_ptr<Workspace> m_workspace;
    QThreadPool m_thread;  // one thread; last, so that it is joined before the rest goes
};

}  // namespace rrtf
