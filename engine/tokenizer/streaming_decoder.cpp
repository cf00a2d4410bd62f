#include "tokenizer/tokenizer.h"

#include "tokenizer/utf8.h"

#include <algorithm>

namespace rrtf {
namespace {

// A character no clean-up rule contains and none removes: text before it can be
// cleaned without waiting for what follows.
bool cleanUpBarrier(char c)
{
    switch (c) {
    case ' ': case '.': case '?': case '!': case ',': case '\'':
    case 'n': case 't': case 'm': case 's': case 'v': case 'e': case 'r':
        return false;
    default:
        return true;
    }
}

}  // namespace

StreamingDecoder::StreamingDecoder(const Tokenizer& tokenizer, DecodeOptions options)
    : m_tokenizer(tokenizer), m_options(options), m_byteWise(tokenizer.decodesByteWise())
{
}

std::string StreamingDecoder::push(int id)
{
    return cleanUp(m_byteWise ? pushBytes(id) : pushWindow(id), false);
}

std::string StreamingDecoder::finish()
{
    std::string text;
    if (m_byteWise) {
        text = utf8::lossy(m_pendingBytes);
    } else if (!m_ids.empty()) {
        const std::string before = decodeWindow(m_readOffset);
        const std::string all = decodeWindow(m_ids.size());
        text = all.starts_with(before) ? all.substr(before.size()) : all;
    }
    m_pendingBytes.clear();
    m_ids.clear();
    m_readOffset = 0;
    m_anchored = false;
    return cleanUp(std::move(text), true);
}

// Byte-level BPE: decode() is the lossy UTF-8 of the tokens' bytes, so all but a
// trailing incomplete character can go out at once.
std::string StreamingDecoder::pushBytes(int id)
{
    if (id < 0 || id >= m_tokenizer.vocabSize()) return {};  // decode() skips unknown ids too
    if (m_options.skipSpecialTokens && m_tokenizer.isSpecial(id)) return {};
    try {
        m_pendingBytes += m_tokenizer.tokenBytes(id);
    } catch (const std::exception&) {
        return {};  // an id in a gap of the vocabulary: skipped like decode()
    }
    const std::size_t ready = m_pendingBytes.size() - utf8::incompleteTail(m_pendingBytes);
    std::string text = utf8::lossy(std::string_view(m_pendingBytes).substr(0, ready));
    m_pendingBytes.erase(0, ready);
    return text;
}

// Any other tokenizer: decode a short window of ids and emit what the newest id
// added (the method of HF text-generation-inference). Once text has gone out,
// the window is decoded behind an ordinary "anchor" token, so context-dependent
// decoding (SentencePiece drops the leading space of the first piece only)
// comes out as in a whole decode().
std::string StreamingDecoder::pushWindow(int id)
{
    m_ids.push_back(id);
    const std::string before = decodeWindow(m_readOffset);
    const std::string all = decodeWindow(m_ids.size());
    if (all.size() <= before.size() || !all.starts_with(before) || all.ends_with(utf8::kReplacementCharacter)) return {};
    if (!before.empty() && !m_anchored && m_anchor < 0) {
        for (int candidate = 0; candidate < std::min(m_tokenizer.vocabSize(), 100000) && m_anchor < 0; ++candidate) {
            if (m_tokenizer.isSpecial(candidate)) continue;
            const std::string text = m_tokenizer.decode({candidate});
            const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
            if (plain) {
                m_anchor = candidate;
                m_anchorText = text;
            }
        }
    }
    m_anchored = m_anchored || (!before.empty() && m_anchor >= 0);
    m_ids.erase(m_ids.begin(), m_ids.begin() + std::ptrdiff_t(m_readOffset));
    m_readOffset = m_ids.size();
    return all.substr(before.size());
}

std::string StreamingDecoder::decodeWindow(std::size_t count) const
{
    DecodeOptions plain = m_options;
    plain.cleanUpTokenizationSpaces = false;  // applied to the emitted text instead
    std::vector<int> ids;
    ids.reserve(count + 1);
    if (m_anchored) ids.push_back(m_anchor);
    ids.insert(ids.end(), m_ids.begin(), m_ids.begin() + std::ptrdiff_t(count));
    std::string text = m_tokenizer.decode(ids, plain);
    if (m_anchored && text.starts_with(m_anchorText)) text.erase(0, m_anchorText.size());
    return text;
}

std::string StreamingDecoder::cleanUp(std::string text, bool final)
{
    if (!m_options.cleanUpTokenizationSpaces) return text;
    m_pendingText += text;
    std::size_t cut = m_pendingText.size();
    if (!final) {
        while (cut > 0 && !cleanUpBarrier(m_pendingText[cut - 1])) --cut;
    }
    std::string ready = cleanUpTokenizationSpaces(m_pendingText.substr(0, cut));
    m_pendingText.erase(0, cut);
    return ready;
}

}  // namespace rrtf
