#include "tokenizer/tokenizer_json.h"

#include "runtime/error.h"
#include "runtime/json_file.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>

namespace rrtf {
namespace {

// How far past the number of tokens an id may lie (gaps of unused ids are normal).
constexpr std::size_t kMaxIdGap = std::size_t(1) << 16;

using nlohmann::json;

// Field access that names the file and the place on failure.
class Reader {
public:
    explicit Reader(std::string source) : m_source(std::move(source)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const
    {
        throw FormatError(m_source + ": " + where + " " + what);
    }

    const json& member(const json& object, const std::string& where, const char* key) const
    {
        if (!object.is_object()) fail(where, "is not an object");
        auto it = object.find(key);
        if (it == object.end()) fail(where + "." + key, "is missing");
        return *it;
    }

    std::string string(const json& value, const std::string& where) const
    {
        if (!value.is_string()) fail(where, "is not a string");
        return value.get<std::string>();
    }

    bool boolean(const json& object, const std::string& where, const char* key, bool fallback) const
    {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return fallback;
        if (!it->is_boolean()) fail(where + "." + key, "is not true or false");
        return it->get<bool>();
    }

    int id(const json& value, const std::string& where) const
    {
        if (!value.is_number_integer()) fail(where, "is not an integer id");
        const auto id = value.get<std::int64_t>();
        if (id < 0 || id > std::numeric_limits<int>::max()) fail(where, "= " + std::to_string(id) + " is out of range");
        return int(id);
    }

    std::string type(const json& object, const std::string& where) const
    {
        return string(member(object, where, "type"), where + ".type");
    }

private:
    std::string m_source;
};

DigitSplit readPreTokenizer(const Reader& r, const json& pre)
{
    const std::string where = "pre_tokenizer";
    const auto byteLevelOk = [&](const json& node, const std::string& at) {
        if (r.type(node, at) != "ByteLevel") return false;
        if (r.boolean(node, at, "add_prefix_space", true)) r.fail(at + ".add_prefix_space", "= true is not supported");
        if (!r.boolean(node, at, "use_regex", true)) r.fail(at + ".use_regex", "= false is not supported");
        return true;
    };
    if (pre.is_null()) r.fail(where, "is null; only ByteLevel (optionally after Digits) is supported");
    if (byteLevelOk(pre, where)) return DigitSplit::None;
    const std::string type = r.type(pre, where);
    if (type != "Sequence")
        r.fail(where + ".type", "\"" + type + "\" is not supported (ByteLevel or Sequence[Digits, ByteLevel])");
    const json& list = r.member(pre, where, "pretokenizers");
    if (!list.is_array() || list.size() != 2)
        r.fail(where + ".pretokenizers", "must be [Digits, ByteLevel]");
    const std::string digitsAt = where + ".pretokenizers[0]";
    if (r.type(list[0], digitsAt) != "Digits") r.fail(digitsAt + ".type", "must be Digits");
    if (!byteLevelOk(list[1], where + ".pretokenizers[1]"))
        r.fail(where + ".pretokenizers[1].type", "must be ByteLevel");
    return r.boolean(list[0], digitsAt, "individual_digits", false) ? DigitSplit::Individual : DigitSplit::Contiguous;
}

void readMerges(const Reader& r, const json& merges, BpeSpec& spec)
{
    if (!merges.is_array()) r.fail("model.merges", "is not an array");
    spec.merges.reserve(merges.size());
    std::size_t index = 0;
    for (const json& merge : merges) {
        const std::string where = "model.merges[" + std::to_string(index++) + "]";
        if (merge.is_array()) {  // newer files: ["a", "b"]
            if (merge.size() != 2 || !merge[0].is_string() || !merge[1].is_string())
                r.fail(where, "is not a [\"a\", \"b\"] pair");
            spec.merges.emplace_back(merge[0].get<std::string>(), merge[1].get<std::string>());
            continue;
        }
        const std::string line = r.string(merge, where);
        if (line.starts_with("#version")) continue;  // HF skips the header line of merges.txt
        const auto space = line.find(' ');
        if (space == std::string::npos || space == 0 || space + 1 == line.size() ||
            line.find(' ', space + 1) != std::string::npos)
            r.fail(where, "is not a \"a b\" pair");
        spec.merges.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
}

void readModel(const Reader& r, const json& model, BpeSpec& spec)
{
    const std::string type = r.type(model, "model");
    if (type != "BPE") r.fail("model.type", "\"" + type + "\" is not supported (only byte-level BPE)");
    const auto mustBeNull = [&](const char* key, const char* what) {
        auto it = model.find(key);
        if (it != model.end() && !it->is_null()) r.fail(std::string("model.") + key, what);
    };
    mustBeNull("continuing_subword_prefix", "is not supported");
    mustBeNull("end_of_word_suffix", "is not supported");
    if (auto it = model.find("dropout"); it != model.end() && !it->is_null() && !(it->is_number() && it->get<double>() == 0))
        r.fail("model.dropout", "is not supported (tokenization would be random)");
    if (r.boolean(model, "model", "byte_fallback", false)) r.fail("model.byte_fallback", "= true is not supported");
    if (auto it = model.find("unk_token"); it != model.end() && !it->is_null())
        spec.unkToken = r.string(*it, "model.unk_token");
    spec.fuseUnk = r.boolean(model, "model", "fuse_unk", false);
    spec.ignoreMerges = r.boolean(model, "model", "ignore_merges", false);

    const json& vocab = r.member(model, "model", "vocab");
    if (!vocab.is_object()) r.fail("model.vocab", "is not an object");
    spec.vocab.reserve(vocab.size());
    for (auto it = vocab.begin(); it != vocab.end(); ++it)
        spec.vocab.emplace_back(it.key(), r.id(it.value(), "model.vocab[\"" + it.key() + "\"]"));
    readMerges(r, r.member(model, "model", "merges"), spec);
}

void readAddedTokens(const Reader& r, const json& root, BpeSpec& spec)
{
    auto it = root.find("added_tokens");
    if (it == root.end() || it->is_null()) return;
    if (!it->is_array()) r.fail("added_tokens", "is not an array");
    std::size_t index = 0;
    for (const json& entry : *it) {
        const std::string where = "added_tokens[" + std::to_string(index++) + "]";
        AddedToken token;
        token.id = r.id(r.member(entry, where, "id"), where + ".id");
        token.content = r.string(r.member(entry, where, "content"), where + ".content");
        token.special = r.boolean(entry, where, "special", false);
        token.lstrip = r.boolean(entry, where, "lstrip", false);
        token.rstrip = r.boolean(entry, where, "rstrip", false);
        token.singleWord = r.boolean(entry, where, "single_word", false);
        token.normalized = r.boolean(entry, where, "normalized", !token.special);
        spec.addedTokens.push_back(std::move(token));
    }
}

// Tables are sized by the largest id: one far past the number of tokens (16M ids
// for a vocabulary of three) would take gigabytes for nothing.
void checkIdsAreDense(const Reader& r, const BpeSpec& spec)
{
    const std::size_t tokens = spec.vocab.size() + spec.addedTokens.size();
    const auto check = [&](int id, const std::string& where) {
        if (std::size_t(id) >= tokens + kMaxIdGap)
            r.fail(where, "= " + std::to_string(id) + " is far beyond the " + std::to_string(tokens) +
                              " tokens the file holds");
    };
    for (const auto& [token, id] : spec.vocab)
        check(id, "model.vocab[\"" + printable(token) + "\"]");
    for (std::size_t i = 0; i < spec.addedTokens.size(); ++i)
        check(spec.addedTokens[i].id, "added_tokens[" + std::to_string(i) + "].id");
}

}  // namespace

BpeSpec parseTokenizerJson(const json& root, const std::string& source)
{
    const Reader r(source);
    if (!root.is_object()) r.fail("top level", "is not an object");
    BpeSpec spec;
    spec.source = source;
    if (auto it = root.find("normalizer"); it != root.end() && !it->is_null())
        r.fail("normalizer", "is not supported (byte-level BPE has none)");
    const json& decoder = r.member(root, "top level", "decoder");
    if (decoder.is_null() || r.type(decoder, "decoder") != "ByteLevel")
        r.fail("decoder", "must be ByteLevel");
    spec.digits = readPreTokenizer(r, r.member(root, "top level", "pre_tokenizer"));
    readModel(r, r.member(root, "top level", "model"), spec);
    readAddedTokens(r, root, spec);
    checkIdsAreDense(r, spec);
    return spec;
}

BpeSpec readTokenizerJson(const std::filesystem::path& path)
{
    const std::string source = path.string();
    std::ifstream file(path, std::ios::binary);
    if (!file) throw FormatError(source + ": cannot open the file");
    const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad()) throw FormatError(source + ": read error");
    json root;
    try {
        root = json::parse(text, jsonDepthLimit(source));
    } catch (const json::exception& error) {  // parse_error, or out_of_range for a number past a double
        throw FormatError(source + ": not valid JSON: " + error.what());
    }
    return parseTokenizerJson(root, source);
}

}  // namespace rrtf
