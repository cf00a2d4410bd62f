// Hugging Face byte-level BPE (GPT-2 / StarCoder): added tokens, Digits and
// ByteLevel pre-tokenizers, BPE by merge rank, ByteLevel decoder.
#pragma once

#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe_model.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rrtf {

// Everything a byte-level BPE tokenizer is made of, as read from a file.
// Vocabulary strings are in byte-level form ("ĠHello").
struct BpeSpec {
    std::string source;                                      // file name for messages
    std::string mergesField = "model.merges";                // field name for messages
    std::vector<std::pair<std::string, int>> vocab;          // token -> id
    std::vector<std::pair<std::string, std::string>> merges;  // in rank order
    std::vector<AddedToken> addedTokens;
    DigitSplit digits = DigitSplit::Individual;
    std::optional<std::string> unkToken;
    bool fuseUnk = false;
    bool ignoreMerges = false;
    std::optional<int> eosId;          // from the file (GGUF)
    std::optional<std::string> eosToken;  // from tokenizer_config.json
    // Neither: "<|endoftext|>" when the vocabulary has it.
};

class BpeTokenizer final : public Tokenizer {
public:
    // Validates the spec; throws FormatError naming spec.source and the field.
    explicit BpeTokenizer(const BpeSpec& spec);

    std::vector<int> encode(std::string_view text, const EncodeOptions& options = {}) const override;
    std::string decode(const std::vector<int>& ids, const DecodeOptions& options = {}) const override;
    std::string tokenBytes(int id) const override;
    int vocabSize() const override { return int(m_tokens.size()); }
    bool isSpecial(int id) const override;
    std::optional<int> tokenId(std::string_view token) const override;
    std::optional<int> eosTokenId() const override { return m_eosId; }
    bool decodesByteWise() const override { return true; }

    const BpeModel& model() const { return *m_model; }

private:
    struct TokenInfo {
        std::string bytes;  // what decode() emits for it
        bool present = false;
        bool special = false;
    };

    std::vector<TokenInfo> m_tokens;                      // by id
    std::unordered_map<std::string, int> m_vocab;         // vocab string -> id
    std::unordered_map<std::string, int> m_addedByContent; // added token text -> id
    std::unique_ptr<AddedTokenMatcher> m_added;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unique_ptr<BpeModel> m_model;
    std::optional<int> m_eosId;
};

}  // namespace rrtf
