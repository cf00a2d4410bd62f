#include "tokenizer/bpe_tokenizer.h"

#include "runtime/error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/utf8.h"

#include <algorithm>

namespace rrtf {
namespace {

// Ids index tables; this bound keeps a corrupt file from asking for gigabytes.
constexpr int kMaxId = 1 << 24;

std::string inQuotes(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

}  // namespace

BpeTokenizer::BpeTokenizer(const BpeSpec& spec)
{
    const std::string& source = spec.source;
    int highest = -1;
    for (const auto& [token, id] : spec.vocab) {
        if (id < 0 || id >= kMaxId)
            throw FormatError(source + ": model.vocab[" + inQuotes(token) + "] has id " + std::to_string(id) +
                              ", outside 0.." + std::to_string(kMaxId - 1));
        highest = std::max(highest, id);
    }
    for (const AddedToken& added : spec.addedTokens) {
        if (added.id < 0 || added.id >= kMaxId)
            throw FormatError(source + ": added token " + inQuotes(added.content) + " has id " + std::to_string(added.id) +
                              ", outside 0.." + std::to_string(kMaxId - 1));
        highest = std::max(highest, added.id);
    }
    if (highest < 0) throw FormatError(source + ": model.vocab is empty");
    m_tokens.resize(std::size_t(highest) + 1);
    std::vector<const std::string*> vocabText(m_tokens.size(), nullptr);

    m_vocab.reserve(spec.vocab.size());
    for (const auto& [token, id] : spec.vocab) {
        if (vocabText[id])
            throw FormatError(source + ": model.vocab gives id " + std::to_string(id) + " to both " +
                              inQuotes(*vocabText[id]) + " and " + inQuotes(token));
        vocabText[id] = &token;
        m_vocab.emplace(token, id);  // a repeated string keeps its first id
        m_tokens[id] = {byte_level::decodeToken(token), true, false};
    }

    std::vector<const std::string*> addedText(m_tokens.size(), nullptr);
    for (std::size_t i = 0; i < spec.addedTokens.size(); ++i) {
        const AddedToken& added = spec.addedTokens[i];
        const std::string where = source + ": added_tokens[" + std::to_string(i) + "] " + inQuotes(added.content);
        if (added.content.empty()) throw FormatError(where + " is empty");
        if (auto it = m_vocab.find(added.content); it != m_vocab.end() && it->second != added.id)
            throw FormatError(where + " has id " + std::to_string(added.id) + " but model.vocab gives it " +
                              std::to_string(it->second));
        if (vocabText[added.id] && *vocabText[added.id] != added.content)
            throw FormatError(where + " has id " + std::to_string(added.id) + ", which model.vocab gives to " +
                              inQuotes(*vocabText[added.id]));
        if (auto it = m_addedByContent.find(added.content); it != m_addedByContent.end() && it->second != added.id)
            throw FormatError(where + " is listed twice, with ids " + std::to_string(it->second) + " and " +
                              std::to_string(added.id));
        if (addedText[added.id] && *addedText[added.id] != added.content)
            throw FormatError(where + " has id " + std::to_string(added.id) + ", already used by " +
                              inQuotes(*addedText[added.id]));
        addedText[added.id] = &added.content;
        m_addedByContent.emplace(added.content, added.id);
        m_tokens[added.id] = {byte_level::decodeToken(added.content), true, added.special};
    }

    MergeTable merges;
    merges.reserve(spec.merges.size());
    auto idOf = [&](const std::string& token, std::size_t rank) {
        auto it = m_vocab.find(token);
        if (it == m_vocab.end())
            throw FormatError(source + ": " + spec.mergesField + "[" + std::to_string(rank) + "] names " + inQuotes(token) +
                              ", which is not in the vocabulary");
        return it->second;
    };
    for (std::size_t rank = 0; rank < spec.merges.size(); ++rank) {
        const auto& [left, right] = spec.merges[rank];
        merges.insert(idOf(left, rank), idOf(right, rank), std::uint32_t(rank), idOf(left + right, rank));
    }

    BpeModelOptions options;
    for (int byte = 0; byte < 256; ++byte) {
        auto it = m_vocab.find(byte_level::fromBytes(std::string(1, char(byte))));
        options.byteIds[byte] = it == m_vocab.end() ? -1 : it->second;
    }
    if (spec.unkToken) {
        auto it = m_vocab.find(*spec.unkToken);
        if (it == m_vocab.end())
            throw FormatError(source + ": model.unk_token " + inQuotes(*spec.unkToken) + " is not in the vocabulary");
        options.unkId = it->second;
    }
    options.fuseUnk = spec.fuseUnk;
    options.ignoreMerges = spec.ignoreMerges;
    if (spec.ignoreMerges)
        for (const auto& [token, id] : spec.vocab)
            if (auto bytes = byte_level::toBytes(token)) options.words.emplace(std::move(*bytes), id);

    m_added = std::make_unique<AddedTokenMatcher>(spec.addedTokens);
    m_preTokenizer = std::make_unique<PreTokenizer>(spec.digits);
    m_model = std::make_unique<BpeModel>(std::move(options), std::move(merges));
    m_eosId = spec.eosId ? spec.eosId : tokenId("<|endoftext|>");
    if (spec.eosToken) {
        m_eosId = tokenId(*spec.eosToken);
        if (!m_eosId) throw FormatError(source + ": eos token " + inQuotes(*spec.eosToken) + " is not in the vocabulary");
    }
    if (m_eosId && (*m_eosId < 0 || *m_eosId >= vocabSize() || !m_tokens[*m_eosId].present))
        throw FormatError(source + ": eos token id " + std::to_string(*m_eosId) + " is not in the vocabulary");
}

std::vector<int> BpeTokenizer::encode(std::string_view text, const EncodeOptions& options) const
{
    if (auto bad = utf8::firstInvalidByte(text))
        throw InvalidArgument("encode: text is not valid UTF-8 at byte " + std::to_string(*bad));
    std::vector<int> ids;
    ids.reserve(text.size() / 3 + 1);
    auto encodeText = [&](std::string_view part) {
        m_preTokenizer->forEachPiece(part, [&](std::string_view word) { m_model->encodeWord(word, ids); });
    };
    if (m_added->empty()) {
        encodeText(text);
        return ids;
    }
    for (const TextSegment& segment : m_added->split(text, options.parseSpecialTokens)) {
        if (segment.addedId >= 0)
            ids.push_back(segment.addedId);
        else
            encodeText(segment.text);
    }
    return ids;
}

std::string BpeTokenizer::decode(const std::vector<int>& ids, const DecodeOptions& options) const
{
    std::string bytes;
    for (int id : ids) {
        if (id < 0 || id >= vocabSize() || !m_tokens[id].present) continue;  // HF skips unknown ids
        if (options.skipSpecialTokens && m_tokens[id].special) continue;
        bytes += m_tokens[id].bytes;
    }
    std::string text = utf8::lossy(bytes);
    return options.cleanUpTokenizationSpaces ? cleanUpTokenizationSpaces(std::move(text)) : text;
}

std::string BpeTokenizer::tokenBytes(int id) const
{
    if (id < 0 || id >= vocabSize() || !m_tokens[id].present)
        throw InvalidArgument("token id " + std::to_string(id) + " is not in the vocabulary (size " +
                              std::to_string(vocabSize()) + ")");
    return m_tokens[id].bytes;
}

bool BpeTokenizer::isSpecial(int id) const
{
    return id >= 0 && id < vocabSize() && m_tokens[id].present && m_tokens[id].special;
}

std::optional<int> BpeTokenizer::tokenId(std::string_view token) const
{
    const std::string key(token);
    if (auto it = m_addedByContent.find(key); it != m_addedByContent.end()) return it->second;
    if (auto it = m_vocab.find(key); it != m_vocab.end()) return it->second;
    return std::nullopt;
}

}  // namespace rrtf
