#include "tokenizer/byte_level.h"

#include "tokenizer/utf8.h"

#include <array>

namespace rrtf::byte_level {
namespace {

struct Tables {
    std::array<char32_t, 256> toCodePoint{};
    std::array<int, 512> toByte{};  // every alphabet code point is below U+0144

    Tables()
    {
        toByte.fill(-1);
        char32_t next = 256;
        for (int byte = 0; byte < 256; ++byte) {
            // Printable Latin-1 stands for itself; the other 68 bytes take U+0100, U+0101, ... in order.
            const bool printable = (byte >= 0x21 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xAC) || byte >= 0xAE;
            toCodePoint[byte] = printable ? static_cast<char32_t>(byte) : next++;
            toByte[toCodePoint[byte]] = byte;
        }
    }
};

const Tables& tables()
{
    static const Tables instance;
    return instance;
}

}  // namespace

char32_t byteToCodePoint(unsigned char byte)
{
    return tables().toCodePoint[byte];
}

std::optional<std::string> toBytes(std::string_view token)
{
    const Tables& t = tables();
    std::string bytes;
    bytes.reserve(token.size());
    std::size_t pos = 0;
    while (pos < token.size()) {
        const char32_t cp = utf8::nextCodePoint(token, pos);
        if (cp >= t.toByte.size() || t.toByte[cp] < 0) return std::nullopt;
        bytes.push_back(static_cast<char>(t.toByte[cp]));
    }
    return bytes;
}

std::string decodeToken(std::string_view token)
{
    auto bytes = toBytes(token);
    return bytes ? std::move(*bytes) : std::string(token);
}

std::string fromBytes(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char byte : bytes) utf8::appendCodePoint(byteToCodePoint(byte), out);
    return out;
}

}  // namespace rrtf::byte_level
