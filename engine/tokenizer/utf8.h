// UTF-8 helpers shared by the tokenizers and the streaming decoder. Invalid input is
// replaced the way Rust's String::from_utf8_lossy does (one U+FFFD per maximal
// ill-formed subpart), so decoded text matches Hugging Face tokenizers byte for byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rrtf::utf8 {

// U+FFFD, what stands in for bytes that are not UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Offset of the first byte that is not part of a well-formed character, or nullopt.
std::optional<std::size_t> firstInvalidByte(std::string_view bytes);

// Appends `bytes` to `out` with every ill-formed subpart replaced by U+FFFD.
void appendLossy(std::string_view bytes, std::string& out);
std::string lossy(std::string_view bytes);

// Length (0..3) of a trailing, well-formed but incomplete character: bytes that
// may still become valid once more bytes arrive.
std::size_t incompleteTail(std::string_view bytes);

// Appends the UTF-8 encoding of code point `cp` (assumed valid).
void appendCodePoint(char32_t cp, std::string& out);

// Decodes the character starting at bytes[pos] (assumed valid) and advances pos.
char32_t nextCodePoint(std::string_view bytes, std::size_t& pos);

}  // namespace rrtf::utf8
