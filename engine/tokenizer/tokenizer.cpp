#include "tokenizer/tokenizer.h"

#include "runtime/error.h"
#include "runtime/json_file.h"
#include "runtime/thread_guard.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/gguf_vocab.h"
#include "tokenizer/sentencepiece_tokenizer.h"
#include "tokenizer/tokenizer_json.h"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>

namespace rrtf {
namespace {

enum class TokenizerFormat { Json, Gguf, SentencePiece };

TokenizerFormat detectFormat(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) throw FormatError(path.string() + ": cannot open the file");
    std::array<char, 64> head{};
    file.read(head.data(), head.size());
    const std::string_view start(head.data(), std::size_t(file.gcount()));
    if (start.starts_with("GGUF")) return TokenizerFormat::Gguf;
    const auto first = start.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && start[first] == '{') return TokenizerFormat::Json;
    if (path.extension() == ".json") return TokenizerFormat::Json;  // let the JSON reader say what is wrong
    if (path.extension() == ".gguf") return TokenizerFormat::Gguf;
    return TokenizerFormat::SentencePiece;  // a protobuf has no magic number
}

// transformers keeps the eos token in tokenizer_config.json beside tokenizer.json.
void readEosToken(const std::filesystem::path& jsonPath, BpeSpec& spec)
{
    if (jsonPath.filename() != "tokenizer.json") return;
    const auto configPath = jsonPath.parent_path() / "tokenizer_config.json";
    std::ifstream file(configPath, std::ios::binary);
    if (!file) return;
    const auto config = nlohmann::json::parse(file, jsonDepthLimit(configPath.string()), /*allow_exceptions=*/false);
    if (!config.is_object()) throw FormatError(configPath.string() + ": not a JSON object");
    auto it = config.find("eos_token");
    if (it == config.end() || it->is_null()) return;
    if (it->is_object() && it->contains("content") && it->at("content").is_string())
        spec.eosToken = it->at("content").get<std::string>();
    else if (it->is_string())
        spec.eosToken = it->get<std::string>();
    else
        throw FormatError(configPath.string() + ": eos_token is neither a string nor {\"content\": ...}");
}

}  // namespace

std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& path)
{
    requireWorkerThread("loadTokenizer");
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        for (const char* name : {"tokenizer.json", "tokenizer.model"})
            if (std::filesystem::exists(path / name, error)) return loadTokenizer(path / name);
        throw FormatError(path.string() + ": no tokenizer.json or tokenizer.model in this folder");
    }
    if (!std::filesystem::exists(path, error)) throw FormatError(path.string() + ": no such file");
    switch (detectFormat(path)) {
    case TokenizerFormat::Json: {
        BpeSpec spec = readTokenizerJson(path);
        readEosToken(path, spec);
        return std::make_unique<BpeTokenizer>(spec);
    }
    case TokenizerFormat::Gguf: return std::make_unique<BpeTokenizer>(readGgufVocab(path));
    case TokenizerFormat::SentencePiece: return std::make_unique<SentencePieceTokenizer>(path);
    }
    return nullptr;
}

std::string cleanUpTokenizationSpaces(std::string text)
{
    // The same replacements in the same order as transformers (each over the whole text).
    static const std::array<std::pair<std::string_view, std::string_view>, 10> kRules{{
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    }};
    for (const auto& [from, to] : kRules) {
        if (text.find(from) == std::string::npos) continue;
        std::string out;
        out.reserve(text.size());
        std::size_t done = 0;
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, done)) {
            out.append(text, done, at - done);
            out.append(to);
            done = at + from.size();
        }
        out.append(text, done);
        text = std::move(out);
    }
    return text;
}

}  // namespace rrtf
