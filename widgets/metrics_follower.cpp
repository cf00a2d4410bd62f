#include "metrics_follower.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QJsonDocument>

#include <algorithm>

namespace rrtf {
namespace {

constexpr qsizetype kHeadBytes = 256;  // enough of the first line to tell two files apart

}  // namespace

MetricsFollower::MetricsFollower(const QString& path, QObject* parent)
    : QObject(parent), m_path(path), m_watcher(new QFileSystemWatcher(this))
{
    m_watcher->addPath(path);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MetricsFollower::refresh);
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &MetricsFollower::refresh);
    m_poll.start();
    refresh();
}

void MetricsFollower::refresh()
{
    if (m_watcher->files().isEmpty() && QFile::exists(m_path))
        m_watcher->addPath(m_path);  // the file appeared (or was replaced) since
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const bool replaced = !m_head.isEmpty() && file.peek(m_head.size()) != m_head;
    if (file.size() < m_offset || replaced) {
        m_records.clear();
        m_malformed = 0;
        m_offset = 0;
        m_head.clear();
        readFrom(file, 0);
        Q_EMIT restarted();
        return;
    }
    if (file.size() == m_offset)
        return;  // nothing new (the poll's usual case)
    const int before = int(m_records.size());
    readFrom(file, m_offset);
    if (m_records.size() > before)
        Q_EMIT recordsAppended(before);
}

void MetricsFollower::readFrom(QFile& file, qint64 offset)
{
    if (!file.seek(offset))
        return;
    const QByteArray data = file.readAll();
    qsizetype start = 0;
    for (qsizetype newline = data.indexOf('\n'); newline >= 0; newline = data.indexOf('\n', start)) {
        const QByteArray line = data.mid(start, newline - start).trimmed();
        start = newline + 1;
        if (offset == 0 && m_head.isEmpty())
            m_head = data.left(std::min<qsizetype>(newline + 1, kHeadBytes));
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            ++m_malformed;  // shown, not fatal: one bad line must not hide the curve
            continue;
        }
        m_records.push_back(document.object());
    }
    m_offset = offset + start;  // a line without its newline yet is read again next time
}

}  // namespace rrtf
