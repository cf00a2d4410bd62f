#include "tokenizer/pre_tokenizer.h"

namespace rrtf {
namespace {

// GPT-2's pattern as HF's ByteLevel runs it with Oniguruma. Oniguruma's \s is
// White_Space, which PCRE2's \s exceeds by one character, U+180E (a format
// character since Unicode 6.3), so that one is moved from the space classes to
// the punctuation class.
const char* const kWordPattern =
    "'s|'t|'re|'ve|'m|'ll|'d"
    "| ?\\p{L}+"
    "| ?\\p{N}+"
    "| ?(?:[^\\s\\p{L}\\p{N}]|\\x{180E})+"
    "|[^\\S\\x{180E}]+(?![^\\s]|\\x{180E})"
    "|[^\\S\\x{180E}]+";

}  // namespace

PreTokenizer::PreTokenizer(DigitSplit digits)
    : m_digits(digits)
    , m_digitRegex(digits == DigitSplit::Contiguous ? "\\p{N}+" : "\\p{N}")
    , m_wordRegex(kWordPattern)
{
}

void PreTokenizer::split(std::string_view text, const std::function<void(std::string_view)>& piece) const
{
    forEachPiece(text, piece);
}

}  // namespace rrtf
