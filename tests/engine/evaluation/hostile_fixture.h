// The fixture of the hostile-program suite (spec/sandbox.md §4 and §6.4): decoy
// files a contained program must not touch or read, a loopback listener it must
// not reach, victim processes it must not kill, and a /proc scan for processes
// it must not leave behind. Header-only; used by test_sandbox_hostile.cpp and
// test_sandbox.cpp.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QThread>

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace hostile {

// As root, rrtf-sandbox --slot N runs its worker as this unprivileged uid (app/sandbox/main.cpp).
constexpr uid_t kFirstSlotUid = 60000;

// ---- processes -----------------------------------------------------------------------------

struct ProcessInfo {
    pid_t pid = 0;
    pid_t ppid = 0;
    uid_t uid = 0;
    char state = '?';
    QString cmdline;  // arguments joined by spaces
    QString exe;      // readlink of /proc/<pid>/exe ("" when unreadable)
};

inline QByteArray readProcFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return file.readAll();
}

// Every process of the machine (this host's pid namespace).
inline std::vector<ProcessInfo> listProcesses()
{
    std::vector<ProcessInfo> processes;
    const QStringList entries = QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const pid_t pid = pid_t(entry.toInt(&numeric));
        if (!numeric)
            continue;
        ProcessInfo info;
        info.pid = pid;
        const QByteArray status = readProcFile(QStringLiteral("/proc/%1/status").arg(pid));
        if (status.isEmpty())
            continue;  // gone meanwhile
        for (const QByteArray& line : status.split('\n')) {
            if (line.startsWith("Uid:"))
                info.uid = uid_t(line.mid(4).simplified().split(' ').value(0).toUInt());
            else if (line.startsWith("PPid:"))
                info.ppid = pid_t(line.mid(5).trimmed().toInt());
            else if (line.startsWith("State:"))
            {
                const QByteArray state = line.mid(6).trimmed();
                info.state = state.isEmpty() ? '?' : state.at(0);
            }
        }
        QByteArray cmdline = readProcFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
        cmdline.replace('\0', ' ');
        info.cmdline = QString::fromLocal8Bit(cmdline).trimmed();
        info.exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
        processes.push_back(info);
    }
    return processes;
}

// Live (non-zombie) processes whose command line contains one of the markers.
inline std::vector<ProcessInfo> processesWithMarkers(const QStringList& markers)
{
    std::vector<ProcessInfo> found;
    for (const ProcessInfo& p : listProcesses()) {
        if (p.pid == getpid() || p.state == 'Z')
            continue;
        for (const QString& marker : markers)
            if (p.cmdline.contains(marker)) {
                found.push_back(p);
                break;
            }
    }
    return found;
}

// Live processes owned by one of the uids, except the pids in `ignore`.
inline std::vector<ProcessInfo> processesOfUids(const std::set<uid_t>& uids, const std::set<pid_t>& ignore)
{
    std::vector<ProcessInfo> found;
    for (const ProcessInfo& p : listProcesses())
        if (uids.count(p.uid) && !ignore.count(p.pid) && p.state != 'Z')
            found.push_back(p);
    return found;
}

// Direct children of this process that run the rrtf-sandbox program.
inline std::set<pid_t> sandboxHelperChildren()
{
    std::set<pid_t> helpers;
    for (const ProcessInfo& p : listProcesses())
        if (p.ppid == getpid() && p.state != 'Z' && QFileInfo(p.exe).fileName() == QLatin1String("rrtf-sandbox"))
            helpers.insert(p.pid);
    return helpers;
}

// Every live descendant of `root` (not `root` itself).
inline std::vector<ProcessInfo> descendantsOf(pid_t root)
{
    const std::vector<ProcessInfo> all = listProcesses();
    std::set<pid_t> tree{root};
    std::vector<ProcessInfo> found;
    bool grew = true;
    while (grew) {
        grew = false;
        for (const ProcessInfo& p : all)
            if (tree.count(p.ppid) && !tree.count(p.pid)) {
                tree.insert(p.pid);
                if (p.state != 'Z')
                    found.push_back(p);
                grew = true;
            }
    }
    return found;
}

inline QString describe(const std::vector<ProcessInfo>& processes)
{
    QStringList parts;
    for (const ProcessInfo& p : processes)
        parts << QStringLiteral("pid %1 uid %2 '%3'").arg(p.pid).arg(p.uid).arg(p.cmdline.left(80));
    return parts.join(QStringLiteral(", "));
}

// Polls `done` until it holds or `ms` pass; true when it held.
inline bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

// A process of the user the sandbox must not be able to signal ("the desktop session").
class Victim {
public:
    Victim() = default;
    Victim(const Victim&) = delete;
    Victim& operator=(const Victim&) = delete;
    ~Victim() { stop(); }

    // `sleep 3600` as `uid` (this process's own uid when it is not root).
    bool start(uid_t uid)
    {
        m_uid = uid;
        const pid_t pid = fork();
        if (pid < 0)
            return false;
        if (pid == 0) {
            // Only async-signal-safe calls between fork and exec.
            if (uid != geteuid()) {
                if (setgroups(0, nullptr) != 0 || setresgid(uid, uid, uid) != 0 || setresuid(uid, uid, uid) != 0)
                    _exit(126);
            }
            const int null = open("/dev/null", O_RDWR);
            if (null >= 0) {
                dup2(null, 0);
                dup2(null, 1);
                dup2(null, 2);
            }
            char* const argv[] = {const_cast<char*>("sleep"), const_cast<char*>("3600"), nullptr};
            execv("/bin/sleep", argv);
            _exit(127);
        }
        m_pid = pid;
        // It must really be running as `uid` before the suite counts on it.
        return waitFor([&] {
            for (const ProcessInfo& p : listProcesses())
                if (p.pid == m_pid)
                    return p.uid == m_uid && p.cmdline.startsWith(QLatin1String("sleep"));
            return false;
        }, 30000);
    }

    // Still running (not exited, not killed, not a zombie).
    bool alive()
    {
        if (m_pid <= 0)
            return false;
        int status = 0;
        const pid_t got = waitpid(m_pid, &status, WNOHANG);
        if (got == 0)
            return true;
        m_lastStatus = status;
        m_pid = -1;
        return false;
    }

    QString howItEnded() const
    {
        if (WIFSIGNALED(m_lastStatus))
            return QStringLiteral("killed by signal %1").arg(WTERMSIG(m_lastStatus));
        return QStringLiteral("exited %1").arg(WEXITSTATUS(m_lastStatus));
    }

    void stop()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        m_pid = -1;
    }

    pid_t pid() const { return m_pid; }
    uid_t uid() const { return m_uid; }

private:
    pid_t m_pid = -1;
    uid_t m_uid = 0;
    int m_lastStatus = 0;
};

// ---- decoy files ---------------------------------------------------------------------------

// A decoy home: <root>/.ssh/id_rsa and <root>/workbench.sqlite with known contents and
// modes. intact() says whether anything was deleted, changed or planted.
class DecoyHome {
public:
    struct File {
        QString relative;
        QByteArray content;
        mode_t mode;
    };

    bool create(const QString& root, mode_t dirMode, std::vector<File> files)
    {
        m_root = root;
        m_dirMode = dirMode;
        m_files = std::move(files);
        return restore();
    }

    // (Re)writes the decoys; also after a case that damaged them, so the next one starts clean.
    bool restore()
    {
        QDir root(m_root);
        for (const QString& extra : root.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            if (extra != QLatin1String(".ssh") && extra != QLatin1String("workbench.sqlite"))
                QFile::remove(root.filePath(extra));
        if (!root.mkpath(QStringLiteral(".ssh")))
            return false;
        for (const QString& dir : {m_root, root.filePath(QStringLiteral(".ssh"))})
            if (chmod(QFile::encodeName(dir).constData(), m_dirMode) != 0)
                return false;
        for (const File& file : m_files) {
            QFile out(root.filePath(file.relative));
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(file.content) != file.content.size())
                return false;
            out.close();
            if (chmod(QFile::encodeName(out.fileName()).constData(), file.mode) != 0)
                return false;
        }
        return true;
    }

    // Empty when intact, else what changed.
    QString damage() const
    {
        QStringList problems;
        QDir root(m_root);
        struct stat info {};
        if (stat(QFile::encodeName(m_root).constData(), &info) != 0)
            return QStringLiteral("%1 is gone").arg(m_root);
        if ((info.st_mode & 07777) != m_dirMode)
            problems << QStringLiteral("%1 mode changed to %2").arg(m_root).arg(info.st_mode & 07777, 0, 8);
        QStringList expectedTop{QStringLiteral(".ssh"), QStringLiteral("workbench.sqlite")};
        QStringList top = root.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        top.sort();
        if (top != expectedTop)
            problems << QStringLiteral("%1 holds [%2]").arg(m_root, top.join(QLatin1Char(',')));
        QStringList ssh = QDir(root.filePath(QStringLiteral(".ssh")))
                              .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        if (ssh != QStringList{QStringLiteral("id_rsa")})
            problems << QStringLiteral("%1/.ssh holds [%2]").arg(m_root, ssh.join(QLatin1Char(',')));
        for (const File& file : m_files) {
            const QString path = root.filePath(file.relative);
            QFile in(path);
            if (!in.open(QIODevice::ReadOnly)) {
                problems << QStringLiteral("%1 unreadable or gone").arg(path);
                continue;
            }
            if (in.readAll() != file.content)
                problems << QStringLiteral("%1 content changed").arg(path);
            struct stat fileInfo {};
            if (lstat(QFile::encodeName(path).constData(), &fileInfo) != 0 || !S_ISREG(fileInfo.st_mode) ||
                (fileInfo.st_mode & 07777) != file.mode)
                problems << QStringLiteral("%1 type or mode changed").arg(path);
        }
        return problems.join(QStringLiteral("; "));
    }

    const QString& root() const { return m_root; }

private:
    QString m_root;
    mode_t m_dirMode = 0777;
    std::vector<File> m_files;
};

// ---- listeners -----------------------------------------------------------------------------

// TCP and UDP on 127.0.0.1 (one ephemeral port), plus a world-writable unix-domain
// socket; connections() polls them without blocking and counts what arrived.
class Listener {
public:
    Listener() = default;
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    ~Listener()
    {
        for (int fd : {m_tcp, m_udp, m_unix})
            if (fd >= 0)
                close(fd);
        if (!m_unixPath.isEmpty())
            unlink(QFile::encodeName(m_unixPath).constData());
    }

    // Empty on success, else why not.
    QString start(const QString& unixPath)
    {
        m_tcp = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        m_udp = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_tcp < 0 || m_udp < 0)
            return QStringLiteral("socket: %1").arg(std::strerror(errno));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        if (bind(m_tcp, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(m_tcp, 64) != 0)
            return QStringLiteral("tcp bind/listen: %1").arg(std::strerror(errno));
        socklen_t length = sizeof address;
        getsockname(m_tcp, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        // UDP on the same port number where it is free (best effort: the TCP port is what counts).
        if (bind(m_udp, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close(m_udp);
            m_udp = -1;
        }

        m_unixPath = unixPath;
        m_unix = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_un unixAddress{};
        unixAddress.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(unixPath);
        if (m_unix < 0 || size_t(encoded.size()) >= sizeof unixAddress.sun_path)
            return QStringLiteral("unix socket path too long: %1").arg(unixPath);
        std::memcpy(unixAddress.sun_path, encoded.constData(), size_t(encoded.size()));
        unlink(encoded.constData());
        if (bind(m_unix, reinterpret_cast<sockaddr*>(&unixAddress), sizeof unixAddress) != 0 || listen(m_unix, 64) != 0)
            return QStringLiteral("unix bind/listen: %1").arg(std::strerror(errno));
        chmod(encoded.constData(), 0777);  // a stand-in for a socket any local user may use
        return {};
    }

    quint16 port() const { return m_port; }
    const QString& unixPath() const { return m_unixPath; }

    // What reached the listeners since the last call (accepted and closed right away).
    QStringList connections()
    {
        QStringList arrivals;
        for (auto [fd, what] : {std::pair{m_tcp, "tcp 127.0.0.1"}, std::pair{m_unix, "unix socket"}}) {
            if (fd < 0)
                continue;
            for (;;) {
                const int peer = accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
                if (peer < 0)
                    break;
                close(peer);
                arrivals << QString::fromLatin1(what);
            }
        }
        if (m_udp >= 0) {
            char buffer[2048];
            while (recv(m_udp, buffer, sizeof buffer, MSG_DONTWAIT) >= 0)
                arrivals << QStringLiteral("udp 127.0.0.1");
        }
        return arrivals;
    }

private:
    int m_tcp = -1;
    int m_udp = -1;
    int m_unix = -1;
    quint16 m_port = 0;
    QString m_unixPath;
};

}  // namespace hostile
