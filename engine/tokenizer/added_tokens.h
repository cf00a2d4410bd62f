// Added tokens (StarCoder's <|endoftext|>, <fim_prefix>, ...) are cut out of the
// raw text before pre-tokenization, as Hugging Face's AddedVocabulary does:
// leftmost match wins, the longest token among those starting there.
#pragma once

#include "tokenizer/regex.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

struct AddedToken {
    int id = 0;
    std::string content;
    bool special = true;
    bool lstrip = false;      // the match swallows white space on its left
    bool rstrip = false;      // ... and on its right
    bool singleWord = false;  // only matches when not inside a word
    bool normalized = false;  // matched in HF's second pass (after the raw-text pass)
};

// One stretch of text: either an added token or ordinary text for the pre-tokenizer.
struct TextSegment {
    std::string_view text;
    int addedId = -1;  // >= 0: the whole segment is this added token
};

class AddedTokenMatcher {
public:
    explicit AddedTokenMatcher(const std::vector<AddedToken>& tokens);

    // Splits valid UTF-8 text; specials are matched only when `withSpecials`.
    std::vector<TextSegment> split(std::string_view text, bool withSpecials) const;

    bool empty() const { return m_tokens.empty(); }

private:
    struct Index {
        std::vector<std::vector<const AddedToken*>> byFirstByte = std::vector<std::vector<const AddedToken*>>(256);
        std::array<bool, 256> starts{};  // quick reject for bytes no token starts with
        bool empty = true;
    };
    void splitPass(const Index& index, const TextSegment& segment, bool withSpecials,
                   std::vector<TextSegment>& out) const;
    bool acceptable(const AddedToken& token, std::string_view text, std::size_t begin, std::size_t end) const;
    std::size_t spaceRunBefore(std::string_view text, std::size_t pos) const;

    std::vector<AddedToken> m_tokens;
    Index m_raw;         // normalized: false
    Index m_normalized;  // normalized: true
    bool m_anyFlags = false;
    std::unique_ptr<Regex> m_space;
    std::unique_ptr<Regex> m_word;
};

}  // namespace rrtf
