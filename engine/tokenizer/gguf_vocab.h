// Builds a byte-level BPE tokenizer from the vocabulary arrays of a GGUF file
// (llama.cpp's format; StarCoder 2's tokenizer exists only in that form here).
// Only the key-value header is read, so a multi-gigabyte model file is cheap.
#pragma once

#include "tokenizer/bpe_tokenizer.h"

#include <filesystem>

namespace rrtf {

// Throws FormatError naming the file and the key at fault.
BpeSpec readGgufVocab(const std::filesystem::path& path);

}  // namespace rrtf
