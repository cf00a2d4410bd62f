#include "tokenizer/added_tokens.h"

#include <algorithm>

namespace rrtf {
namespace {

std::size_t previousCharStart(std::string_view text, std::size_t pos)
{
    std::size_t previous = pos - 1;
    while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80) --previous;
    return previous;
}

}  // namespace

AddedTokenMatcher::AddedTokenMatcher(const std::vector<AddedToken>& tokens)
    : m_tokens(tokens)
{
    for (const AddedToken& token : m_tokens) {
        if (token.content.empty()) continue;
        Index& index = token.normalized ? m_normalized : m_raw;
        const auto first = static_cast<unsigned char>(token.content[0]);
        index.byFirstByte[first].push_back(&token);
        index.starts[first] = true;
        index.empty = false;
        m_anyFlags = m_anyFlags || token.lstrip || token.rstrip || token.singleWord;
    }
    const auto longestFirst = [](const AddedToken* a, const AddedToken* b) {
        return a->content.size() > b->content.size();
    };
    for (auto& list : m_raw.byFirstByte) std::stable_sort(list.begin(), list.end(), longestFirst);
    for (auto& list : m_normalized.byFirstByte) std::stable_sort(list.begin(), list.end(), longestFirst);
    if (m_anyFlags) {
        // HF tests these with Rust's Unicode \s and \w; PCRE2 with UCP agrees.
        m_space = std::make_unique<Regex>("\\s");
        m_word = std::make_unique<Regex>("\\w");
    }
}

std::vector<TextSegment> AddedTokenMatcher::split(std::string_view text, bool withSpecials) const
{
    // HF matches tokens that skip normalization on the raw text first, then the
    // others in what is left (our text is never normalized, so both see raw text).
    std::vector<TextSegment> first;
    splitPass(m_raw, {text, -1}, withSpecials, first);
    std::vector<TextSegment> segments;
    for (const TextSegment& segment : first) {
        if (segment.addedId >= 0)
            segments.push_back(segment);
        else
            splitPass(m_normalized, segment, withSpecials, segments);
    }
    return segments;
}

void AddedTokenMatcher::splitPass(const Index& index, const TextSegment& segment, bool withSpecials,
                                  std::vector<TextSegment>& out) const
{
    const std::string_view text = segment.text;
    if (index.empty) {
        out.push_back(segment);
        return;
    }
    std::size_t textStart = 0;  // start of the pending ordinary text
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (!index.starts[byte]) {
            ++pos;
            continue;
        }
        const AddedToken* found = nullptr;
        for (const AddedToken* token : index.byFirstByte[byte]) {
            if (text.compare(pos, token->content.size(), token->content) == 0) {
                found = token;  // sorted longest first: this is the leftmost-longest match
                break;
            }
        }
        if (!found) {
            ++pos;
            continue;
        }
        std::size_t begin = pos;
        std::size_t end = pos + found->content.size();
        // Like HF, a match that is then refused (specials not wanted, inside a
        // word) stays ordinary text and the search resumes after it.
        if ((found->special && !withSpecials) || !acceptable(*found, text, begin, end)) {
            pos = end;
            continue;
        }
        if (found->lstrip) begin = std::max(textStart, begin - spaceRunBefore(text, begin));
        if (found->rstrip) {
            Regex::Match match;
            while (end < text.size() && m_space->matchAt(text, end, match)) end = match.end;
        }
        if (begin > textStart) out.push_back({text.substr(textStart, begin - textStart), -1});
        out.push_back({text.substr(begin, end - begin), found->id});
        textStart = pos = end;
    }
    if (textStart < text.size()) out.push_back({text.substr(textStart), -1});
}

bool AddedTokenMatcher::acceptable(const AddedToken& token, std::string_view text, std::size_t begin,
                                   std::size_t end) const
{
    if (!token.singleWord) return true;
    Regex::Match match;
    if (end < text.size() && m_word->matchAt(text, end, match)) return false;
    return begin == 0 || !m_word->matchAt(text, previousCharStart(text, begin), match);
}

std::size_t AddedTokenMatcher::spaceRunBefore(std::string_view text, std::size_t pos) const
{
    std::size_t begin = pos;
    Regex::Match match;
    while (begin > 0) {
        const std::size_t previous = previousCharStart(text, begin);
        if (!m_space->matchAt(text, previous, match) || match.end != begin) break;
        begin = previous;
    }
    return pos - begin;
}

}  // namespace rrtf
