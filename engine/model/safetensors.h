// safetensors files (formats.md §3): a validated, memory-mapped reader whose
// tensors are zero-copy views, and a writer that matches the reference layout.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rrtf {

class MappedFile;

struct SafetensorsEntry {
    std::string name;
    std::string dtype;            // as in the file: "F32", "BF16", ...
    std::vector<int64_t> shape;   // [] is a scalar
    uint64_t begin = 0, end = 0;  // byte range relative to the data buffer
};

class SafetensorsFile {
public:
    // Maps and validates the whole header (every rule of the reference reader)
    // before any tensor is touched; throws FormatError naming the file and tensor.
    static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);

    // Entries in file order (sorted by data offset).
    const std::vector<SafetensorsEntry>& entries() const { return m_entries; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    const std::filesystem::path& path() const;
    bool contains(const std::string& name) const { return m_index.count(name) != 0; }

    // A view over the mapping that keeps it alive. The memory is mapped
    // read-only: clone() before writing in place. Data that is not aligned to
    // its element size (a foreign writer) is copied instead. FormatError if absent.
    at::Tensor tensor(const std::string& name) const;

private:
    SafetensorsFile() = default;

    std::shared_ptr<MappedFile> m_file;
    uint64_t m_dataStart = 0;  // 8 + header length
    std::vector<SafetensorsEntry> m_entries;
    std::map<std::string, size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

// Writes tensors sorted by element size (largest first) then name, with the
// header padded by spaces to a multiple of 8. Any device, layout or stride is
// accepted (data is copied contiguous to the CPU). Writes `path` through a
// temporary file, so a failed write leaves an earlier file intact.
// InvalidArgument for duplicate names or unsupported dtypes; Error on I/O failure.
void writeSafetensors(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

// The safetensors dtype string of a scalar type ("F32" ...); InvalidArgument if it has none.
std::string safetensorsDtype(at::ScalarType type);

}  // namespace rrtf
