#include "training/durable_file.h"

#include "runtime/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rrtf {
namespace {

std::string systemError(const std::string& path, const char* what)
{
    return path + ": " + what + ": " + std::strerror(errno);
}

// Writes all of `bytes` to `path` and syncs it; Error naming `shownPath` on
// failure. The descriptor is closed whatever fails.
void writeAndSync(const std::string& path, const std::string& bytes, const std::string& shownPath)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error(systemError(shownPath, "cannot write"));
    std::string failure;  // the first error, with its errno before close() can change it
    std::size_t done = 0;
    while (failure.empty() && done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            failure = systemError(shownPath, "cannot write");
        else
            done += std::size_t(wrote);
    }
    // The data must be on disk before the rename makes it the file.
    if (failure.empty() && ::fsync(fd) != 0)
        failure = systemError(shownPath, "cannot write");
    if (::close(fd) != 0 && failure.empty())
        failure = systemError(shownPath, "cannot write");
    if (!failure.empty())
        throw Error(failure);
}

// Best effort: some file systems refuse to sync a folder, and the file itself is safe by then.
void syncFolder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void replaceFileDurably(const std::filesystem::path& path, const std::string& text)
{
    const std::string target = path.string();
    const std::string temporary = target + ".tmp." + std::to_string(::getpid());
    try {
        writeAndSync(temporary, text, target);
        std::filesystem::rename(temporary, path);
    } catch (const std::filesystem::filesystem_error& error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw Error(target + ": cannot replace the file: " + error.code().message());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    syncFolder(path.parent_path());
}

}  // namespace rrtf
