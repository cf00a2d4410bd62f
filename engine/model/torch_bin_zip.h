// The central directory of a torch.save zip, read from a memory map before
// LibTorch's PyTorchStreamReader touches the archive: it lets the reader check
// every record's size against the file (no zip bomb, no huge allocation for a
// forged size) before a byte of it is allocated.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace rrtf {

struct ZipRecord {
    uint16_t method = 0;          // 0 stored (what torch.save writes), 8 deflate
    uint64_t compressedSize = 0;  // bytes in the file
    uint64_t size = 0;            // bytes once read
};

class ZipDirectory {
public:
    // Throws FormatError naming `file` for a truncated or malformed archive,
    // duplicate names, records outside the file or implausible sizes.
    static ZipDirectory read(const uint8_t* data, uint64_t size, const std::string& file);

    // The folder every torch.save record sits in ("archive", or the file stem).
    const std::string& folder() const { return m_folder; }
    // A record by its name inside the folder ("data.pkl", "data/0"); null if absent.
    const ZipRecord* find(const std::string& name) const;

private:
    std::string m_folder;
    std::map<std::string, ZipRecord> m_records;  // full names
};

}  // namespace rrtf
