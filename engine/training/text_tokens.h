// Normalised tokens for comparing texts across formats (natural language,
// Python, docstrings): the basis of duplicate removal and of the contamination
// check. A token is a run of letters, digits, '_' and non-ASCII characters,
// lower-cased; whitespace and punctuation separate tokens and are dropped, so
// re-indenting, re-wrapping or re-quoting a text leaves its tokens unchanged
// (GPT-3's decontamination normalises the same way: lower case, no punctuation).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

struct TokenizedText {
    std::vector<std::uint64_t> ids;  // 64-bit hash of each lower-cased token
    std::vector<std::uint32_t> begins, ends;  // byte range of each token in the text
    std::vector<bool> isWord;  // starts with a letter, '_' or a non-ASCII character (not a number)

    std::size_t size() const { return ids.size(); }
};

TokenizedText tokenizeText(std::string_view text);

// The tokens joined by single spaces: equal for texts that differ only in case,
// punctuation and whitespace.
std::string normalizedText(std::string_view text);

// Hash of each window of `width` consecutive ids, one per start position
// (ids.size() - width + 1 of them; none when the text is shorter).
std::vector<std::uint64_t> windowHashes(std::span<const std::uint64_t> ids, int width);

// The distinct window hashes, sorted: the shingle set of the text.
std::vector<std::uint64_t> shingleSet(std::span<const std::uint64_t> ids, int width);

// |A ∩ B| / |A ∪ B| of two sorted shingle sets; 0 when both are empty.
double jaccardSimilarity(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

// The longest run of tokens that `a` and `b` share, and where it starts in `a`.
struct CommonRun {
    int length = 0;
    int startInA = 0;
};
// Exact, O(|a| + |b|) with a suffix automaton of `b`.
CommonRun longestCommonRun(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

}  // namespace rrtf
