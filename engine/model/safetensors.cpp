// safetensors reader: every validation rule of the reference reader
// (safetensors/src/tensor.rs) runs in open(), before a tensor is handed out.
#include "model/safetensors.h"

#include "model/mapped_file.h"
#include "runtime/error.h"
#include "runtime/json_file.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

namespace rrtf {
namespace {

constexpr uint64_t kMaxHeaderBytes = 100'000'000;  // the reference cap against JSON DoS
constexpr size_t kMaxDims = 64;

struct Dtype {
    const char* name;
    at::ScalarType type;
};

constexpr Dtype kDtypes[] = {
    {"BOOL", at::kBool}, {"U8", at::kByte},  {"I8", at::kChar},  {"I16", at::kShort},     {"I32", at::kInt},
    {"I64", at::kLong},  {"F16", at::kHalf}, {"F32", at::kFloat}, {"F64", at::kDouble}, {"BF16", at::kBFloat16},
};

// Valid in the format, but LibTorch 1.13 has no matching scalar type.
constexpr const char* kForeignDtypes[] = {"F8_E5M2", "F8_E4M3", "U16", "U32", "U64"};

const Dtype* findDtype(const std::string& name)
{
    for (const Dtype& dtype : kDtypes)
        if (name == dtype.name)
            return &dtype;
    return nullptr;
}

bool isUtf8(const uint8_t* text, uint64_t size)
{
    uint64_t i = 0;
    while (i < size) {
        const uint8_t lead = text[i];
        int extra = 0;
        uint32_t code = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1, code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2, code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3, code = lead & 0x07;
        } else {
            return false;
        }
        if (size - i <= static_cast<uint64_t>(extra))
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((text[i + k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (text[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        static constexpr uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (code < kMinimum[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

class HeaderParser {
public:
    explicit HeaderParser(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const std::string& why) const { throw FormatError(m_file + ": " + why); }
    [[noreturn]] void fail(const std::string& tensor, const std::string& why) const
    {
        fail("tensor \"" + tensor + "\": " + why);
    }

    // nlohmann::json keeps the last of duplicate keys; the format forbids them.
    nlohmann::json parse(const char* begin, const char* end)
    {
        std::vector<std::set<std::string>> objects;
        auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            using Event = nlohmann::json::parse_event_t;
            checkJsonDepth(depth, event, m_file + ": header");
            if (event == Event::object_start) {
                objects.emplace_back();
            } else if (event == Event::object_end) {
                objects.pop_back();
            } else if (event == Event::key && !objects.back().insert(parsed.get<std::string>()).second) {
                if (objects.size() == 1)
                    fail("header names tensor \"" + parsed.get<std::string>() + "\" twice");
                fail("header repeats key \"" + parsed.get<std::string>() + "\" inside one entry");
            }
            return true;
        };
        try {
            return nlohmann::json::parse(begin, end, callback);
        } catch (const nlohmann::json::exception& error) {
            fail(std::string("header is not valid JSON: ") + error.what());
        }
    }

    uint64_t unsignedInteger(const std::string& tensor, const char* field, const nlohmann::json& value) const
    {
        if (!value.is_number_unsigned())
            fail(tensor, std::string(field) + " must hold non-negative integers, found " + jsonExcerpt(value));
        return value.get<uint64_t>();
    }

    SafetensorsEntry entry(const std::string& name, const nlohmann::json& info) const
    {
        if (!info.is_object())
            fail(name, "entry must be an object, found " + jsonExcerpt(info));
        SafetensorsEntry entry;
        entry.name = name;
        auto dtype = info.find("dtype");
        auto shape = info.find("shape");
        auto offsets = info.find("data_offsets");
        if (dtype == info.end() || shape == info.end() || offsets == info.end())
            fail(name, "entry needs \"dtype\", \"shape\" and \"data_offsets\"");
        if (!dtype->is_string())
            fail(name, "dtype must be a string, found " + dtype->dump());
        entry.dtype = dtype->get<std::string>();
        if (!findDtype(entry.dtype)) {
            for (const char* foreign : kForeignDtypes)
                if (entry.dtype == foreign)
                    fail(name, "dtype " + entry.dtype + " has no LibTorch type; convert the checkpoint");
            fail(name, "unknown dtype \"" + entry.dtype + "\"");
        }
        if (!shape->is_array())
            fail(name, "shape must be an array, found " + shape->dump());
        if (shape->size() > kMaxDims)
            fail(name, "shape has " + std::to_string(shape->size()) + " dimensions");
        for (const auto& dim : *shape) {
            const uint64_t size = unsignedInteger(name, "shape", dim);
            if (size > static_cast<uint64_t>(INT64_MAX))
                fail(name, "dimension " + std::to_string(size) + " is too large");
            entry.shape.push_back(static_cast<int64_t>(size));
        }
        if (!offsets->is_array() || offsets->size() != 2)
            fail(name, "data_offsets must be [begin, end], found " + offsets->dump());
        entry.begin = unsignedInteger(name, "data_offsets", (*offsets)[0]);
        entry.end = unsignedInteger(name, "data_offsets", (*offsets)[1]);
        if (entry.end < entry.begin)
            fail(name, "data_offsets end before they begin: " + offsets->dump());
        uint64_t bytes = at::elementSize(findDtype(entry.dtype)->type);
        for (int64_t dim : entry.shape)
            if (__builtin_mul_overflow(bytes, static_cast<uint64_t>(dim), &bytes))
                fail(name, "shape " + shape->dump() + " overflows a 64-bit byte count");
        if (entry.end - entry.begin != bytes)
            fail(name, "dtype " + entry.dtype + " and shape " + shape->dump() + " need " + std::to_string(bytes) +
                           " bytes, but data_offsets span " + std::to_string(entry.end - entry.begin));
        return entry;
    }

    std::map<std::string, std::string> metadata(const nlohmann::json& value) const
    {
        std::map<std::string, std::string> result;
        if (value.is_null())
            return result;
        if (!value.is_object())
            fail("__metadata__ must be an object of strings, found " + jsonExcerpt(value));
        for (const auto& [key, text] : value.items()) {
            if (!text.is_string())
                fail("__metadata__ value of \"" + key + "\" must be a string, found " + jsonExcerpt(text));
            result.emplace(key, text.get<std::string>());
        }
        return result;
    }

    // Sorted by offset, the tensors must tile the buffer exactly: from 0, no
    // gaps, no overlaps, ending at its last byte.
    void checkTiling(std::vector<SafetensorsEntry>& entries, uint64_t bufferBytes) const
    {
        for (const auto& entry : entries)
            if (entry.end > bufferBytes)
                fail(entry.name, "data_offsets end at byte " + std::to_string(entry.end) +
                                     " beyond the data buffer of " + std::to_string(bufferBytes) + " bytes");
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
        });
        uint64_t expected = 0;
        const SafetensorsEntry* previous = nullptr;
        for (const auto& entry : entries) {
            if (entry.begin < expected)
                fail(entry.name, "data at byte " + std::to_string(entry.begin) + " overlaps tensor \"" +
                                     previous->name + "\"");
            if (entry.begin > expected)
                fail(entry.name, "data at byte " + std::to_string(entry.begin) + " leaves a gap after byte " +
                                     std::to_string(expected));
            expected = entry.end;
            previous = &entry;
        }
        if (expected != bufferBytes)
            fail("tensors cover " + std::to_string(expected) + " bytes of a " + std::to_string(bufferBytes) +
                 "-byte data buffer");
    }

private:
    std::string m_file;
};

}  // namespace

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path)
{
    auto mapped = MappedFile::open(path);
    HeaderParser parser(path.string());
    if (mapped->size() < 8)
        parser.fail("file has " + std::to_string(mapped->size()) + " bytes, too small for a safetensors header");
    uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i)  // little-endian u64
        headerBytes = (headerBytes << 8) | mapped->data()[i];
    if (headerBytes > kMaxHeaderBytes)
        parser.fail("header length " + std::to_string(headerBytes) + " exceeds the 100,000,000-byte limit");
    if (headerBytes > mapped->size() - 8)
        parser.fail("header length " + std::to_string(headerBytes) + " runs past the end of the " +
                    std::to_string(mapped->size()) + "-byte file (truncated?)");
    const uint8_t* header = mapped->data() + 8;
    if (!isUtf8(header, headerBytes))
        parser.fail("header is not valid UTF-8");
    if (headerBytes == 0 || header[0] != '{')
        parser.fail("header does not start with '{'");
    const nlohmann::json json = parser.parse(reinterpret_cast<const char*>(header),
                                             reinterpret_cast<const char*>(header + headerBytes));
    if (!json.is_object())
        parser.fail("header is not a JSON object");

    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile);
    for (const auto& [key, value] : json.items()) {
        if (key == "__metadata__")
            file->m_metadata = parser.metadata(value);
        else
            file->m_entries.push_back(parser.entry(key, value));
    }
    parser.checkTiling(file->m_entries, mapped->size() - 8 - headerBytes);
    for (size_t i = 0; i < file->m_entries.size(); ++i)
        file->m_index.emplace(file->m_entries[i].name, i);
    file->m_file = std::move(mapped);
    file->m_dataStart = 8 + headerBytes;
    return file;
}

const std::filesystem::path& SafetensorsFile::path() const
{
    return m_file->path();
}

at::Tensor SafetensorsFile::tensor(const std::string& name) const
{
    auto found = m_index.find(name);
    if (found == m_index.end())
        throw FormatError(path().string() + ": no tensor named \"" + name + "\"");
    const SafetensorsEntry& entry = m_entries[found->second];
    const auto options = at::TensorOptions().dtype(findDtype(entry.dtype)->type);
    const uint8_t* data = m_file->data() + m_dataStart + entry.begin;
    const auto bytes = entry.end - entry.begin;
    if (bytes == 0)
        return at::empty(entry.shape, options);
    if (reinterpret_cast<uintptr_t>(data) % options.dtype().itemsize() != 0) {
        // ATen kernels may assume aligned elements; a copy is cheap next to a crash.
        at::Tensor copy = at::empty(entry.shape, options);
        std::memcpy(copy.data_ptr(), data, bytes);
        return copy;
    }
    std::shared_ptr<MappedFile> keepAlive = m_file;
    return at::from_blob(
        const_cast<uint8_t*>(data), entry.shape, [keepAlive](void*) mutable { keepAlive.reset(); }, options);
}

}  // namespace rrtf
