// Hugging Face's pre-tokenizers as StarCoder uses them: Digits (each Unicode
// number character, or each run of them, becomes its own piece) followed by
// ByteLevel's GPT-2 regex split. Pieces are views into the caller's text.
#pragma once

#include "tokenizer/regex.h"

#include <functional>
#include <string_view>

namespace rrtf {

enum class DigitSplit {
    None,        // no Digits pre-tokenizer
    Individual,  // Digits{individual_digits: true}: "123" -> "1" "2" "3"
    Contiguous,  // Digits{individual_digits: false}: "123" stays one piece
};

class PreTokenizer {
public:
    explicit PreTokenizer(DigitSplit digits);

    // Calls `piece` for every piece of `text` (valid UTF-8) in order.
    void split(std::string_view text, const std::function<void(std::string_view)>& piece) const;

    // Templated variant for the hot path (no std::function call per piece).
    template <class Fn>
    void forEachPiece(std::string_view text, Fn&& piece) const;

private:
    template <class Fn>
    void splitWords(std::string_view text, Fn& piece) const;

    DigitSplit m_digits;
    Regex m_digitRegex;
    Regex m_wordRegex;
};

template <class Fn>
void PreTokenizer::forEachPiece(std::string_view text, Fn&& piece) const
{
    if (m_digits == DigitSplit::None) {
        splitWords(text, piece);
        return;
    }
    // Digits isolates number characters; the text between them is split by the
    // word regex on its own, so look-aheads stop at the piece's end as in HF.
    std::size_t done = 0;
    Regex::Match match;
    while (done < text.size() && m_digitRegex.find(text, done, match)) {
        if (match.begin > done) splitWords(text.substr(done, match.begin - done), piece);
        splitWords(text.substr(match.begin, match.end - match.begin), piece);
        done = match.end;
    }
    if (done < text.size()) splitWords(text.substr(done), piece);
}

template <class Fn>
void PreTokenizer::splitWords(std::string_view text, Fn& piece) const
{
    // HF keeps unmatched stretches too (SplitDelimiterBehavior::Isolated).
    std::size_t done = 0;
    Regex::Match match;
    while (done < text.size() && m_wordRegex.find(text, done, match)) {
        if (match.begin > done) piece(text.substr(done, match.begin - done));
        if (match.end == match.begin) break;  // cannot happen with the GPT-2 pattern; never loop
        piece(text.substr(match.begin, match.end - match.begin));
        done = match.end;
    }
    if (done < text.size()) piece(text.substr(done));
}

}  // namespace rrtf
