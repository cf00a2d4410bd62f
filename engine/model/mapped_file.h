// File primitives of the checkpoint readers and writers. MappedFile: a
// read-only memory map of a whole file; readers hand out tensors that point
// into it, so it lives as long as a shared_ptr to it. AtomicOutputFile: a
// writer that only replaces its target once everything was written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>

namespace rrtf {

class MappedFile {
public:
    // Maps the file read-only (MAP_PRIVATE); throws FormatError naming the
    // file when it cannot be opened or mapped. An empty file maps to size 0.
    static std::shared_ptr<MappedFile> open(const std::filesystem::path& path);

    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::uint8_t* data() const { return m_data; }
    std::uint64_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

private:
    MappedFile(std::filesystem::path path, const std::uint8_t* data, std::uint64_t size);

    std::filesystem::path m_path;
    const std::uint8_t* m_data = nullptr;
    std::uint64_t m_size = 0;
};

// Writes to "<path>.partial" and renames it over `path` in commit(), so a
// crash or a full disk never leaves a half-written checkpoint under the real
// name. Without commit() the partial file is removed. Errors throw rrtf::Error.
class AtomicOutputFile {
public:
    explicit AtomicOutputFile(std::filesystem::path path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    void write(const void* data, std::size_t size);
    std::uint64_t written() const { return m_written; }
    void commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_partial;
    std::ofstream m_stream;
    std::uint64_t m_written = 0;
    bool m_committed = false;
};

}  // namespace rrtf
