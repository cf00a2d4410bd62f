#include "tokenizer/utf8.h"

#include <cstdint>
#include <cstring>

namespace rrtf::utf8 {
namespace {

// Bytes a character needs given its lead byte; 0 for a byte that cannot lead.
int sequenceLength(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Unicode table 3-7: the second byte's range depends on the lead (no overlongs,
// no surrogates, nothing above U+10FFFF); later bytes are always 80..BF.
bool validSecond(unsigned char lead, unsigned char byte)
{
    switch (lead) {
    case 0xE0: return byte >= 0xA0 && byte <= 0xBF;
    case 0xED: return byte >= 0x80 && byte <= 0x9F;
    case 0xF0: return byte >= 0x90 && byte <= 0xBF;
    case 0xF4: return byte >= 0x80 && byte <= 0x8F;
    default: return byte >= 0x80 && byte <= 0xBF;
    }
}

// How many bytes from `pos` form a valid (possibly truncated) prefix of one
// character; `complete` tells whether the character is whole.
std::size_t validPrefix(std::string_view bytes, std::size_t pos, bool& complete)
{
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    const int need = sequenceLength(lead);
    complete = false;
    if (need == 0) return 0;
    std::size_t got = 1;
    while (got < static_cast<std::size_t>(need) && pos + got < bytes.size()) {
        const auto byte = static_cast<unsigned char>(bytes[pos + got]);
        const bool ok = got == 1 ? validSecond(lead, byte) : (byte >= 0x80 && byte <= 0xBF);
        if (!ok) return got;
        ++got;
    }
    complete = got == static_cast<std::size_t>(need);
    return got;
}

bool allAscii8(const char* p)
{
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::optional<std::size_t> firstInvalidByte(std::string_view bytes)
{
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        if (pos + 8 <= bytes.size() && allAscii8(bytes.data() + pos)) {
            pos += 8;
            continue;
        }
        bool complete = false;
        const std::size_t length = validPrefix(bytes, pos, complete);
        if (!complete) return pos;
        pos += length;
    }
    return std::nullopt;
}

void appendLossy(std::string_view bytes, std::string& out)
{
    out.reserve(out.size() + bytes.size());
    std::size_t pos = 0;
    std::size_t runStart = 0;  // start of the valid run not yet copied
    while (pos < bytes.size()) {
        if (pos + 8 <= bytes.size() && allAscii8(bytes.data() + pos)) {
            pos += 8;
            continue;
        }
        bool complete = false;
        const std::size_t length = validPrefix(bytes, pos, complete);
        if (complete) {
            pos += length;
            continue;
        }
        out.append(bytes.substr(runStart, pos - runStart));
        out.append(kReplacementCharacter);
        pos += length == 0 ? 1 : length;  // the maximal subpart is replaced as one
        runStart = pos;
    }
    out.append(bytes.substr(runStart));
}

std::string lossy(std::string_view bytes)
{
    std::string out;
    appendLossy(bytes, out);
    return out;
}

std::size_t incompleteTail(std::string_view bytes)
{
    const std::size_t size = bytes.size();
    for (std::size_t back = 1; back <= 3 && back <= size; ++back) {
        const auto byte = static_cast<unsigned char>(bytes[size - back]);
        if (byte >= 0x80 && byte <= 0xBF) continue;  // continuation: keep looking for the lead
        bool complete = false;
        const std::size_t length = validPrefix(bytes, size - back, complete);
        return (!complete && length == back) ? back : 0;
    }
    return 0;
}

void appendCodePoint(char32_t cp, std::string& out)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t nextCodePoint(std::string_view bytes, std::size_t& pos)
{
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    const int length = sequenceLength(lead);
    if (length <= 1 || pos + length > bytes.size()) {
        ++pos;
        return lead;
    }
    char32_t cp = lead & (0x7F >> length);
    for (int i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(bytes[pos + i]) & 0x3F);
    pos += length;
    return cp;
}

}  // namespace rrtf::utf8
