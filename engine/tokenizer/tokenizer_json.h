// Reads a Hugging Face tokenizer.json into a BpeSpec. Only what byte-level BPE
// models like StarCoder use is accepted; anything else is refused by name
// rather than tokenized differently from HF.
#pragma once

#include "tokenizer/bpe_tokenizer.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>

namespace rrtf {

BpeSpec readTokenizerJson(const std::filesystem::path& path);
BpeSpec parseTokenizerJson(const nlohmann::json& json, const std::string& source);

}  // namespace rrtf
