#include "model/torch_bin_zip.h"

#include "runtime/error.h"
#include "runtime/printable.h"

#include <algorithm>

namespace rrtf {
namespace {

constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kZip64EndSignature = 0x06064b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint64_t kEndBytes = 22, kLocatorBytes = 20, kZip64EndBytes = 56, kCentralBytes = 46, kLocalBytes = 30;
constexpr uint64_t kMaxDeflateRatio = 1032;  // the most deflate can expand

class Bytes {
public:
    Bytes(const uint8_t* data, uint64_t size, const std::string& file) : m_data(data), m_size(size), m_file(file) {}

    // Record names come from the file: a newline or a NUL must not break the message.
    [[noreturn]] void fail(const std::string& why) const
    {
        throw FormatError(m_file + ": zip archive: " + printable(why, 1000));
    }

    // Little-endian field of `width` bytes at `offset`, bounds-checked.
    uint64_t field(uint64_t offset, unsigned width) const
    {
        if (offset > m_size || m_size - offset < width)
            fail("structure at byte " + std::to_string(offset) + " runs past the end of the file (truncated?)");
        uint64_t value = 0;
        for (unsigned i = width; i-- > 0;)
            value = (value << 8) | m_data[offset + i];
        return value;
    }

    std::string text(uint64_t offset, uint64_t length) const
    {
        field(offset, 0);
        if (m_size - offset < length)
            fail("name at byte " + std::to_string(offset) + " runs past the end of the file");
        return std::string(reinterpret_cast<const char*>(m_data + offset), length);
    }

    uint64_t size() const { return m_size; }

private:
    const uint8_t* m_data;
    uint64_t m_size;
    const std::string& m_file;
};

uint64_t findEnd(const Bytes& bytes)
{
    if (bytes.size() < kEndBytes)
        bytes.fail("file too small for a zip archive");
    // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
    const uint64_t lowest = bytes.size() > kEndBytes + 0xFFFF ? bytes.size() - kEndBytes - 0xFFFF : 0;
    for (uint64_t at = bytes.size() - kEndBytes + 1; at-- > lowest;)
        if (bytes.field(at, 4) == kEndSignature)
            return at;
    bytes.fail("no end of central directory (truncated or not a zip file)");
}

}  // namespace

ZipDirectory ZipDirectory::read(const uint8_t* data, uint64_t size, const std::string& file)
{
    const Bytes bytes(data, size, file);
    const uint64_t end = findEnd(bytes);
    uint64_t count = bytes.field(end + 10, 2);
    uint64_t directoryBytes = bytes.field(end + 12, 4);
    uint64_t directoryAt = bytes.field(end + 16, 4);
    if (count == 0xFFFF || directoryBytes == 0xFFFFFFFF || directoryAt == 0xFFFFFFFF) {
        // ZIP64 (archives over 4 GiB): the real numbers sit in the zip64 end record.
        if (end < kLocatorBytes || bytes.field(end - kLocatorBytes, 4) != kZip64LocatorSignature)
            bytes.fail("zip64 end locator missing");
        const uint64_t zip64End = bytes.field(end - kLocatorBytes + 8, 8);
        if (bytes.field(zip64End, 4) != kZip64EndSignature || size - zip64End < kZip64EndBytes)
            bytes.fail("zip64 end record missing at byte " + std::to_string(zip64End));
        count = bytes.field(zip64End + 32, 8);
        directoryBytes = bytes.field(zip64End + 40, 8);
        directoryAt = bytes.field(zip64End + 48, 8);
    }
    if (directoryAt > size || size - directoryAt < directoryBytes || count > directoryBytes / kCentralBytes)
        bytes.fail("central directory (" + std::to_string(count) + " entries at byte " + std::to_string(directoryAt) +
                   ") does not fit the file");
    if (count == 0)
        bytes.fail("archive holds no records");

    ZipDirectory directory;
    uint64_t at = directoryAt;
    for (uint64_t i = 0; i < count; ++i) {
        if (bytes.field(at, 4) != kCentralSignature)
            bytes.fail("central directory entry " + std::to_string(i) + " is corrupt");
        ZipRecord record;
        record.method = static_cast<uint16_t>(bytes.field(at + 10, 2));
        record.compressedSize = bytes.field(at + 20, 4);
        record.size = bytes.field(at + 24, 4);
        const uint64_t nameBytes = bytes.field(at + 28, 2), extraBytes = bytes.field(at + 30, 2);
        const uint64_t commentBytes = bytes.field(at + 32, 2);
        uint64_t localAt = bytes.field(at + 42, 4);
        const std::string name = bytes.text(at + kCentralBytes, nameBytes);
        // The zip64 extra field holds, in order, whichever sizes are saturated.
        for (uint64_t extra = at + kCentralBytes + nameBytes; extra + 4 <= at + kCentralBytes + nameBytes + extraBytes;) {
            const uint64_t id = bytes.field(extra, 2), length = bytes.field(extra + 2, 2);
            uint64_t cursor = extra + 4;
            if (id == 0x0001) {
                for (uint64_t* value : {&record.size, &record.compressedSize, &localAt})
                    if (*value == 0xFFFFFFFF && cursor + 8 <= extra + 4 + length)
                        *value = bytes.field(cursor, 8), cursor += 8;
            }
            extra += 4 + length;
        }
        at += kCentralBytes + nameBytes + extraBytes + commentBytes;

        const std::string where = "record \"" + name + "\"";
        if (bytes.field(localAt, 4) != kLocalSignature)
            bytes.fail(where + " has no local header at byte " + std::to_string(localAt));
        const uint64_t dataAt = localAt + kLocalBytes + bytes.field(localAt + 26, 2) + bytes.field(localAt + 28, 2);
        if (dataAt > size || size - dataAt < record.compressedSize)
            bytes.fail(where + " runs past the end of the file (truncated?)");
        if (record.method == 0 && record.size != record.compressedSize)
            bytes.fail(where + " is stored with two different sizes");
        if (record.method == 8 && record.size / kMaxDeflateRatio > record.compressedSize)
            bytes.fail(where + " claims an impossible compression ratio");
        if (record.method != 0 && record.method != 8)
            bytes.fail(where + " uses compression method " + std::to_string(record.method));
        if (i == 0) {
            const auto slash = name.find('/');
            if (slash == std::string::npos)
                bytes.fail(where + " is not inside a folder, as torch.save writes it");
            directory.m_folder = name.substr(0, slash);
        }
        if (!directory.m_records.emplace(name, record).second)
            bytes.fail(where + " appears twice");
    }
    return directory;
}

const ZipRecord* ZipDirectory::find(const std::string& name) const
{
    auto found = m_records.find(m_folder + "/" + name);
    return found == m_records.end() ? nullptr : &found->second;
}

}  // namespace rrtf
