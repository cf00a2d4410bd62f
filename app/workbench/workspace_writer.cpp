#include "workspace_writer.h"

#include "pool_task.h"
#include "store/workspace.h"

#include <exception>
#include <filesystem>

namespace rrtf {

WorkspaceWriter::WorkspaceWriter(QObject* parent) : QObject(parent)
{
    m_thread.setMaxThreadCount(1);  // one thread: the writes run in the order they were posted
    m_thread.setExpiryTimeout(-1);  // and it stays, with the connection it opened
    m_thread.setObjectName(QStringLiteral("workspace writer"));
}

WorkspaceWriter::~WorkspaceWriter()
{
    // The writes posted so far are edits someone made: they finish (each is one
    // short transaction) before the writer goes.
    m_thread.waitForDone();
}

std::shared_ptr<Workspace> WorkspaceWriter::workspaceAt(const QString& path)
{
    std::lock_guard lock(m_mutex);
    if (!m_workspace || m_workspace->path() != std::filesystem::path(path.toStdString()))
        m_workspace = std::make_shared<Workspace>(path.toStdString());
    return m_workspace;
}

quint64 WorkspaceWriter::post(const QString& path, std::function<void(Workspace&)> work)
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        ticket = m_next++;
    }
    // `this` outlives the task: the destructor waits for the thread's tasks.
    startPoolTask(m_thread, [this, path, ticket, work = std::move(work)] {
        QString error;
        try {
            work(*workspaceAt(path));
        } catch (const std::exception& failure) {
            error = QString::fromUtf8(failure.what());
        }
        Q_EMIT done(ticket, error);
    });
    return ticket;
}

}  // namespace rrtf
