// GPT-2's bytes_to_unicode: byte-level BPE vocabularies write every byte as a
// printable code point (space is "Ġ", newline "Ċ"). The tokenizer works on raw
// bytes internally and converts only when reading vocabularies or naming tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rrtf::byte_level {

// The code point that stands for `byte` in vocabulary strings.
char32_t byteToCodePoint(unsigned char byte);

// The raw bytes a vocabulary string stands for, or nullopt when one of its
// characters is outside the 256-character alphabet (e.g. an added token with a
// plain space in it).
std::optional<std::string> toBytes(std::string_view token);

// What Hugging Face's ByteLevel decoder makes of one token: the bytes when every
// character maps back, otherwise the token's own UTF-8 text.
std::string decodeToken(std::string_view token);

// Raw bytes to vocabulary form ("\n" -> "Ċ").
std::string fromBytes(std::string_view bytes);

}  // namespace rrtf::byte_level
