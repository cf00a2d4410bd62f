// A tokenizer small enough for a tiny test model: one id per byte (0-255) and
// "<|endoftext|>" as 256, so token counts can be worked out by hand.
#pragma once

#include "runtime/error.h"
#include "tokenizer/tokenizer.h"

namespace rrtf::test {

class ByteTokenizer : public Tokenizer {
public:
    static constexpr int kEos = 256;
    static constexpr std::string_view kEosText = "<|endoftext|>";

    explicit ByteTokenizer(bool withEos = true) : m_withEos(withEos) {}

    std::vector<int> encode(std::string_view text, const EncodeOptions& options = {}) const override
    {
        std::vector<int> ids;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (m_withEos && options.parseSpecialTokens && text.substr(i).starts_with(kEosText)) {
                ids.push_back(kEos);
                i += kEosText.size() - 1;
                continue;
            }
            ids.push_back(static_cast<unsigned char>(text[i]));
        }
        return ids;
    }

    std::string decode(const std::vector<int>& ids, const DecodeOptions& options = {}) const override
    {
        std::string text;
        for (int id : ids)
            if (id >= 0 && id < vocabSize() && !(options.skipSpecialTokens && isSpecial(id)))
                text += tokenBytes(id);
        return text;
    }

    std::string tokenBytes(int id) const override
    {
        if (id >= 0 && id < 256)
            return std::string(1, char(id));
        if (m_withEos && id == kEos)
            return std::string(kEosText);
        throw InvalidArgument("unknown token id " + std::to_string(id));
    }

    int vocabSize() const override { return m_withEos ? 257 : 256; }
    bool isSpecial(int id) const override { return m_withEos && id == kEos; }
    std::optional<int> tokenId(std::string_view token) const override
    {
        if (m_withEos && token == kEosText)
            return kEos;
        if (token.size() == 1)
            return static_cast<unsigned char>(token[0]);
        return std::nullopt;
    }
    std::optional<int> eosTokenId() const override { return m_withEos ? std::optional<int>(kEos) : std::nullopt; }
    bool decodesByteWise() const override { return true; }

private:
    bool m_withEos;
};

}  // namespace rrtf::test
