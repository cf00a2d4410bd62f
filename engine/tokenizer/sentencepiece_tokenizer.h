// A SentencePiece .model through the rrtf_sentencepiece module, which is loaded
// with dlopen() on first use (see sentencepiece_abi.h for why).
#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/tokenizer.h"

#include <filesystem>
#include <memory>
#include <unordered_map>

struct RrtfSpModel;

namespace rrtf {

struct SentencePieceModule;

// The module's functions. Throws FormatError naming every place it looked
// when the module cannot be found or loaded.
const SentencePieceModule& sentencePieceModule();

// Trains a model with SentencePiece's command line ("--input=... --model_prefix=...").
void trainSentencePiece(const std::string& arguments);

class SentencePieceTokenizer final : public Tokenizer {
public:
    explicit SentencePieceTokenizer(const std::filesystem::path& path);
    ~SentencePieceTokenizer() override;

    // parseSpecialTokens: control pieces written in the text ("</s>") become their
    // ids; SentencePiece itself would spell them out.
    std::vector<int> encode(std::string_view text, const EncodeOptions& options = {}) const override;
    std::string decode(const std::vector<int>& ids, const DecodeOptions& options = {}) const override;
    std::string tokenBytes(int id) const override;  // "▁" as a space, <0x41> as the byte
    int vocabSize() const override { return int(m_pieces.size()); }
    bool isSpecial(int id) const override;  // control and unknown pieces
    std::optional<int> tokenId(std::string_view token) const override;
    std::optional<int> eosTokenId() const override { return m_eosId; }

private:
    void encodeText(std::string_view text, std::vector<int>& ids) const;

    const SentencePieceModule& m_module;
    std::string m_source;
    RrtfSpModel* m_model = nullptr;
    std::vector<std::string> m_pieces;
    std::vector<int> m_kinds;
    std::unordered_map<std::string, int> m_ids;
    std::optional<int> m_eosId;
    std::unique_ptr<AddedTokenMatcher> m_specials;
};

}  // namespace rrtf
