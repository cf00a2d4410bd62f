#include "tokenizer/gguf_vocab.h"

#include "runtime/error.h"
#include "runtime/printable.h"
#include "tokenizer/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <variant>

namespace rrtf {
namespace {

enum ValueType : std::uint32_t {
    U8 = 0, I8, U16, I16, U32, I32, F32, Bool, String, Array, U64, I64, F64,
};

// The values the tokenizer needs; other keys are skipped without being stored.
using Value = std::variant<std::monostate, std::int64_t, std::string, std::vector<std::string>, std::vector<std::int64_t>>;

class GgufReader {
public:
    explicit GgufReader(const std::filesystem::path& path) : m_source(path.string()), m_file(path, std::ios::binary)
    {
        if (!m_file) throw FormatError(m_source + ": cannot open the file");
        m_file.seekg(0, std::ios::end);
        m_size = std::uint64_t(m_file.tellg());
        m_file.seekg(0);
    }

    std::map<std::string, Value> readHeader()
    {
        if (u32("magic") != 0x46554747u) fail("the file", "is not GGUF (bad magic number)");
        m_version = u32("version");
        if (m_version < 1 || m_version > 3) fail("version", std::to_string(m_version) + " is not supported");
        count("tensor_count");
        const std::uint64_t keys = count("kv_count");
        std::map<std::string, Value> values;
        for (std::uint64_t i = 0; i < keys; ++i) {
            std::string key = string("key " + std::to_string(i));
            const std::uint32_t type = u32(key);
            values[key] = value(key, type);
        }
        return values;
    }

    [[noreturn]] void fail(const std::string& where, const std::string& what) const
    {
        // Keys and values come from the file: a newline in them must not break the one-line message.
        throw FormatError(m_source + ": " + printable(where + " " + what, 400));
    }

    const std::string& source() const { return m_source; }

private:
    void read(void* target, std::uint64_t size, const std::string& where)
    {
        if (size > remaining()) fail(where, "runs past the end of the file");
        m_file.read(static_cast<char*>(target), std::streamsize(size));
        if (!m_file) fail(where, "cannot be read");
    }
    std::uint64_t remaining() { return m_size - std::uint64_t(m_file.tellg()); }
    std::uint32_t u32(const std::string& where)
    {
        std::uint32_t v = 0;
        read(&v, 4, where);  // little-endian on every platform the engine runs on
        return v;
    }
    std::uint64_t count(const std::string& where)
    {
        if (m_version == 1) return u32(where);  // version 1 used 32-bit counts
        std::uint64_t v = 0;
        read(&v, 8, where);
        return v;
    }
    std::string string(const std::string& where)
    {
        const std::uint64_t length = count(where);
        if (length > remaining()) fail(where, "string length " + std::to_string(length) + " runs past the end of the file");
        std::string s(length, '\0');
        read(s.data(), length, where);
        return s;
    }
    static std::uint64_t scalarSize(std::uint32_t type)
    {
        switch (type) {
        case U8: case I8: case Bool: return 1;
        case U16: case I16: return 2;
        case U32: case I32: case F32: return 4;
        case U64: case I64: case F64: return 8;
        default: return 0;
        }
    }
    std::int64_t integer(const std::string& where, std::uint32_t type)
    {
        unsigned char bytes[8] = {};
        read(bytes, scalarSize(type), where);
        switch (type) {
        case U8: case Bool: return bytes[0];
        case I8: return std::int8_t(bytes[0]);
        case U16: { std::uint16_t v; std::memcpy(&v, bytes, 2); return v; }
        case I16: { std::int16_t v; std::memcpy(&v, bytes, 2); return v; }
        case U32: { std::uint32_t v; std::memcpy(&v, bytes, 4); return v; }
        case I32: { std::int32_t v; std::memcpy(&v, bytes, 4); return v; }
        case U64: { std::uint64_t v; std::memcpy(&v, bytes, 8); return std::int64_t(v); }
        case I64: { std::int64_t v; std::memcpy(&v, bytes, 8); return v; }
        default: return 0;  // floats are skipped; the tokenizer needs none
        }
    }
    Value value(const std::string& where, std::uint32_t type)
    {
        if (type == String) return string(where);
        if (type != Array) {
            if (scalarSize(type) == 0) fail(where, "has unknown value type " + std::to_string(type));
            const std::int64_t v = integer(where, type);
            return type == F32 || type == F64 ? Value{} : Value{v};
        }
        const std::uint32_t elementType = u32(where);
        const std::uint64_t n = count(where);
        // Each element takes at least one byte (a string at least its length field).
        if (n > remaining()) fail(where, "array of " + std::to_string(n) + " elements runs past the end of the file");
        if (elementType == String) {
            std::vector<std::string> items;
            items.reserve(std::min<std::uint64_t>(n, 1u << 20));
            for (std::uint64_t i = 0; i < n; ++i) items.push_back(string(where + "[" + std::to_string(i) + "]"));
            return items;
        }
        if (scalarSize(elementType) == 0) fail(where, "is an array of unsupported type " + std::to_string(elementType));
        // Checked per element size (no overflow: n is at most the bytes left) before anything is reserved.
        if (n > remaining() / scalarSize(elementType))
            fail(where, "array of " + std::to_string(n) + " elements runs past the end of the file");
        if (elementType == F32 || elementType == F64) {  // scores: not needed for BPE, skip them
            m_file.seekg(std::streamoff(n * scalarSize(elementType)), std::ios::cur);
            return Value{};
        }
        std::vector<std::int64_t> items;
        items.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) items.push_back(integer(where, elementType));
        return items;
    }

    std::string m_source;
    std::ifstream m_file;
    std::uint64_t m_size = 0;
    std::uint32_t m_version = 0;
};

template <class T>
const T& need(const GgufReader& reader, const std::map<std::string, Value>& values, const std::string& key,
              const char* what)
{
    auto it = values.find(key);
    if (it == values.end()) reader.fail(key, "is missing");
    if (!std::holds_alternative<T>(it->second)) reader.fail(key, std::string("is not ") + what);
    return std::get<T>(it->second);
}

}  // namespace

BpeSpec readGgufVocab(const std::filesystem::path& path)
{
    GgufReader reader(path);
    const auto values = reader.readHeader();
    const std::string& source = reader.source();

    const auto& model = need<std::string>(reader, values, "tokenizer.ggml.model", "a string");
    if (model != "gpt2") reader.fail("tokenizer.ggml.model", "\"" + model + "\" is not supported (only gpt2, byte-level BPE)");
    BpeSpec spec;
    spec.source = source;
    spec.mergesField = "tokenizer.ggml.merges";

    // The pre-tokenizer is named, not stored: llama.cpp's "starcoder" is HF's
    // Digits(individual) + ByteLevel; files from before that key were StarCoder 1.
    auto pre = values.find("tokenizer.ggml.pre");
    auto arch = values.find("general.architecture");
    const bool starcoderArch = arch != values.end() && std::holds_alternative<std::string>(arch->second) &&
                               std::get<std::string>(arch->second).starts_with("starcoder");
    if (pre == values.end()) {
        spec.digits = starcoderArch ? DigitSplit::Individual : DigitSplit::None;
    } else {
        const auto* name = std::get_if<std::string>(&pre->second);
        if (name && *name == "starcoder")
            spec.digits = DigitSplit::Individual;
        else if (name && (*name == "gpt-2" || *name == "gpt2"))
            spec.digits = DigitSplit::None;
        else
            reader.fail("tokenizer.ggml.pre", (name ? "\"" + *name + "\"" : "(not a string)") + " is not supported");
    }

    const auto& tokens = need<std::vector<std::string>>(reader, values, "tokenizer.ggml.tokens", "an array of strings");
    const auto* types = values.count("tokenizer.ggml.token_type")
        ? &need<std::vector<std::int64_t>>(reader, values, "tokenizer.ggml.token_type", "an integer array")
        : nullptr;
    if (types && types->size() != tokens.size())
        reader.fail("tokenizer.ggml.token_type", "has " + std::to_string(types->size()) + " entries for " +
                                                     std::to_string(tokens.size()) + " tokens");
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        if (utf8::firstInvalidByte(tokens[id]))
            reader.fail("tokenizer.ggml.tokens[" + std::to_string(id) + "]", "is not valid UTF-8");
        spec.vocab.emplace_back(tokens[id], int(id));
        const std::int64_t type = types ? (*types)[id] : 1;
        if (type == 3 || type == 4) {  // control and user-defined tokens are HF's added tokens
            AddedToken added;
            added.id = int(id);
            added.content = tokens[id];
            added.special = type == 3;
            added.normalized = type == 4;
            spec.addedTokens.push_back(std::move(added));
        }
    }

    if (values.count("tokenizer.ggml.merges")) {
        const auto& merges = need<std::vector<std::string>>(reader, values, "tokenizer.ggml.merges", "an array of strings");
        for (std::size_t i = 0; i < merges.size(); ++i) {
            const std::string& line = merges[i];
            const auto space = line.find(' ');
            if (space == std::string::npos || space == 0 || space + 1 == line.size() ||
                line.find(' ', space + 1) != std::string::npos)
                reader.fail("tokenizer.ggml.merges[" + std::to_string(i) + "]", "is not a \"a b\" pair");
            spec.merges.emplace_back(line.substr(0, space), line.substr(space + 1));
        }
    }
    if (auto eos = values.find("tokenizer.ggml.eos_token_id"); eos != values.end()) {
        const auto* id = std::get_if<std::int64_t>(&eos->second);
        if (!id || *id < 0 || *id >= std::int64_t(tokens.size()))
            reader.fail("tokenizer.ggml.eos_token_id", "is not a token id");
        spec.eosId = int(*id);
    }
    return spec;
}

}  // namespace rrtf
