// replaceFileDurably, the one way the engine replaces a data file (status.json,
// checkpoints/latest, metrics.jsonl, rankings, training records, GPTQ configs):
// the new text or the old, never half of one, nothing left beside it, and on a
// failed fsync (a full or failing disk) an error naming the file, the old file
// intact, the temporary file gone and no descriptor left open.
#include "runtime/error.h"
#include "training/durable_file.h"

#include "support/test_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <sys/syscall.h>
#include <unistd.h>

using namespace rrtf;
using rrtf::test::readAll;

namespace {

bool g_failFsync = false;

}  // namespace

// The executable's fsync comes before libc's: a disk whose fsync fails (EIO), on demand.
extern "C" int fsync(int fd)
{
    if (g_failFsync) {
        errno = EIO;
        return -1;
    }
    return int(::syscall(SYS_fsync, fd));
}

namespace {

int openDescriptors()
{
    int count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++count;
    return count;
}

std::vector<std::string> folderNames(const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

class TestDurableFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replacesTheFileAndLeavesNothingBeside()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "status.json";
        replaceFileDurably(file, "{\"state\": \"running\"}\n");
        QCOMPARE(readAll(file), std::string("{\"state\": \"running\"}\n"));
        replaceFileDurably(file, "{\"state\": \"finished\"}\n");
        QCOMPARE(readAll(file), std::string("{\"state\": \"finished\"}\n"));
        QCOMPARE(folderNames(file.parent_path()), std::vector<std::string>{"status.json"});
    }

    void aMissingFolderIsNamed()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "gone" / "latest";
        try {
            replaceFileDurably(file, "step-00000010\n");
            QFAIL("no error for a folder that does not exist");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find(file.string()) != std::string::npos, error.what());
        }
    }

    void aFailedSyncKeepsTheOldFileAndClosesEverything()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "latest";
        replaceFileDurably(file, "step-00000010\n");
        const int before = openDescriptors();
        g_failFsync = true;
        for (int attempt = 0; attempt < 3; ++attempt) {
            try {
                replaceFileDurably(file, "step-00000020\n");
                g_failFsync = false;
                QFAIL("no error when fsync fails");
            } catch (const Error& error) {
                const std::string message = error.what();
                QVERIFY2(message.find(file.string()) != std::string::npos, error.what());
                QVERIFY2(message.find("cannot write") != std::string::npos, error.what());
            }
        }
        g_failFsync = false;
        QCOMPARE(openDescriptors(), before);
        QCOMPARE(readAll(file), std::string("step-00000010\n"));
        QCOMPARE(folderNames(file.parent_path()), std::vector<std::string>{"latest"});
    }
};

QTEST_GUILESS_MAIN(TestDurableFile)
#include "test_durable_file.moc"
