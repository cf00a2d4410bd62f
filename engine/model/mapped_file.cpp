#include "model/mapped_file.h"

#include "runtime/error.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rrtf {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what)
{
    throw FormatError(path.string() + ": cannot " + what + ": " + std::strerror(errno));
}

// Closes the descriptor on every path out of open(); the map outlives it.
struct Descriptor {
    int fd;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

}  // namespace

std::shared_ptr<MappedFile> MappedFile::open(const std::filesystem::path& path)
{
    Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0)
        fail(path, "open file");
    struct stat info {};
    if (::fstat(file.fd, &info) != 0)
        fail(path, "stat file");
    if (!S_ISREG(info.st_mode)) {
        errno = EINVAL;
        fail(path, "map a file that is not a regular file");
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size == 0)  // mmap refuses length 0; readers see an empty buffer
        return std::shared_ptr<MappedFile>(new MappedFile(path, nullptr, 0));
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (data == MAP_FAILED)
        fail(path, "map file");
    return std::shared_ptr<MappedFile>(new MappedFile(path, static_cast<const std::uint8_t*>(data), size));
}

MappedFile::MappedFile(std::filesystem::path path, const std::uint8_t* data, std::uint64_t size)
    : m_path(std::move(path)), m_data(data), m_size(size)
{
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<std::uint8_t*>(m_data), m_size);
}

AtomicOutputFile::AtomicOutputFile(std::filesystem::path path)
    : m_path(std::move(path)), m_partial(m_path.string() + ".partial")
{
    m_stream.open(m_partial, std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw Error(m_partial.string() + ": cannot create file: " + std::strerror(errno));
}

AtomicOutputFile::~AtomicOutputFile()
{
    if (m_committed)
        return;
    m_stream.close();
    std::error_code ignored;
    std::filesystem::remove(m_partial, ignored);
}

void AtomicOutputFile::write(const void* data, std::size_t size)
{
    if (size == 0)
        return;
    m_stream.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!m_stream)
        throw Error(m_partial.string() + ": write failed after " + std::to_string(m_written) + " bytes: " +
                    std::strerror(errno));
    m_written += size;
}

void AtomicOutputFile::commit()
{
    m_stream.close();
    if (!m_stream)
        throw Error(m_partial.string() + ": cannot finish writing: " + std::strerror(errno));
    std::error_code error;
    std::filesystem::rename(m_partial, m_path, error);
    if (error)
        throw Error(m_path.string() + ": cannot replace with " + m_partial.filename().string() + ": " +
                    error.message());
    m_committed = true;
}

}  // namespace rrtf
