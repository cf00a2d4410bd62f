// Text from a file inside an error message (a tensor's, a token's, a global's
// name): shown on one line and cut short, whatever bytes the file holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rrtf {

// Control characters (a NUL, a newline) as \xNN, at most `limit` bytes, then "...".
inline std::string printable(std::string_view text, std::size_t limit = 80)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7f)
            out.append({'\\', 'x', kHex[byte >> 4], kHex[byte & 15]});
        else
            out.push_back(char(byte));
    }
    if (text.size() > limit)
        out += "...";
    return out;
}

}  // namespace rrtf
