#include "evaluation/json_records.h"

#include "runtime/error.h"
#include "runtime/json_file.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace rrtf {
namespace {

// ---- whole files -----------------------------------------------------------

std::string readRawBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FormatError(path.string() + ": cannot open file");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw FormatError(path.string() + ": read error");
    return bytes;
}

bool isGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

int lineCount(std::string_view text, std::size_t end)
{
    return 1 + int(std::count(text.begin(), text.begin() + std::min(end, text.size()), '\n'));
}

// gzread handles concatenated gzip members and reports a truncated stream as
// an error once the data runs out, which is what must not pass silently.
std::string gunzipFile(const std::filesystem::path& path)
{
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        throw FormatError(path.string() + ": cannot open gzip file");
    std::string text;
    std::string buffer(1 << 16, '\0');
    int got = 0;
    while ((got = gzread(file, buffer.data(), unsigned(buffer.size()))) > 0)
        text.append(buffer.data(), std::size_t(got));
    int code = Z_OK;
    std::string zlibMessage = gzerror(file, &code);
    gzclose(file);
    const std::string pathPrefix = path.string() + ": ";  // gzerror names the file; the message already does
    if (zlibMessage.starts_with(pathPrefix))
        zlibMessage.erase(0, pathPrefix.size());
    if (got < 0 || (code != Z_OK && code != Z_STREAM_END))
        throw FormatError(path.string() + ":" + std::to_string(lineCount(text, text.size())) +
                          ": gzip data is truncated or corrupt (zlib: " + zlibMessage +
                          "); the readable text ends in this line");
    return text;
}

// ---- scanning valid JSON text ------------------------------------------------

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skipSpace(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isJsonSpace(text[pos]))
        ++pos;
    return pos;
}

// `pos` is at an opening quote; returns the index just past the closing one.
std::size_t skipString(std::string_view text, std::size_t pos)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"')
            return pos + 1;
    }
    return text.size();
}

// `pos` is at the first character of a value; returns the index just past it.
std::size_t skipValue(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return pos;
    if (text[pos] == '"')
        return skipString(text, pos);
    if (text[pos] == '[' || text[pos] == '{') {
        int depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skipString(text, pos);
                continue;
            }
            if (c == '[' || c == '{')
                ++depth;
            else if ((c == ']' || c == '}') && --depth == 0)
                return pos + 1;
            ++pos;
        }
        return pos;
    }
    while (pos < text.size() && !isJsonSpace(text[pos]) && text[pos] != ',' && text[pos] != ']' &&
           text[pos] != '}')
        ++pos;
    return pos;
}

// Calls visit(keyAsWritten, valueText) for each top-level member of an object;
// stops early when visit returns false.
template <typename Visit>
void forEachMember(std::string_view object, Visit&& visit)
{
    std::size_t pos = skipSpace(object, 0);
    if (pos >= object.size() || object[pos] != '{')
        return;
    pos = skipSpace(object, pos + 1);
    while (pos < object.size() && object[pos] == '"') {
        const std::size_t keyEnd = skipString(object, pos);
        const std::string_view key = object.substr(pos + 1, keyEnd - pos - 2);
        pos = skipSpace(object, keyEnd);
        if (pos >= object.size() || object[pos] != ':')
            return;
        const std::size_t valueStart = skipSpace(object, pos + 1);
        const std::size_t valueEnd = skipValue(object, valueStart);
        if (!visit(key, object.substr(valueStart, valueEnd - valueStart)))
            return;
        pos = skipSpace(object, valueEnd);
        if (pos >= object.size() || object[pos] != ',')
            return;
        pos = skipSpace(object, pos + 1);
    }
}

// nlohmann's what() starts with "[json.exception.parse_error.101] parse error at
// line 1, column 5: "; keep only the explanation after it.
std::string parseErrorExplanation(const nlohmann::json::parse_error& error)
{
    std::string message = error.what();
    const std::size_t colon = message.find(": ");
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

// ---- splitting into records --------------------------------------------------

std::vector<RawRecord> splitJsonLines(std::string_view text)
{
    std::vector<RawRecord> records;
    int lineNumber = 0;
    for (std::size_t start = 0; start < text.size();) {
        ++lineNumber;
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        const std::string_view line = text.substr(start, end - start);
        if (!std::all_of(line.begin(), line.end(), [](char c) { return isJsonSpace(c) || c == '\f' || c == '\v'; }))
            records.push_back({line, lineNumber, int(records.size()), false});
        start = end + 1;
    }
    return records;
}

// Accepts any JSON and keeps nothing, noting where it is invalid: a syntax error,
// or a number past a double ("1e999"), which nlohmann reports as out_of_range
// without a place when it builds values.
class JsonChecker : public nlohmann::json_sax<nlohmann::json> {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override
    {
        errorByte = position;
        const std::string message = error.what();
        const std::size_t colon = message.find(": ");
        explanation = error.id == 406 || colon == std::string::npos ? message : message.substr(colon + 2);
        return false;
    }

    std::size_t errorByte = 0;  // 1-based, as nlohmann counts; 0: valid
    std::string explanation;
};

// Validates the whole array without building its elements, then cuts it into
// one text per element so that each is parsed (and reported) on its own.
std::vector<RawRecord> splitJsonArray(std::string_view text, const std::string& file)
{
    JsonChecker checker;
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &checker)) {
        const std::size_t at = checker.errorByte == 0 ? 0 : checker.errorByte - 1;
        const std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t column = lineStart == std::string_view::npos ? at + 1 : at - lineStart;
        throw FormatError(file + ":" + std::to_string(lineCount(text, at)) + ": invalid JSON at column " +
                          std::to_string(column) + ": " + checker.explanation);
    }

    std::vector<RawRecord> records;
    std::size_t pos = skipSpace(text, skipSpace(text, 0) + 1);  // past '['
    int line = lineCount(text, pos);
    std::size_t counted = pos;
    while (pos < text.size() && text[pos] != ']') {
        const std::size_t end = skipValue(text, pos);
        line += int(std::count(text.begin() + counted, text.begin() + pos, '\n'));
        counted = pos;
        records.push_back({text.substr(pos, end - pos), line, int(records.size()), true});
        pos = skipSpace(text, end);
        if (pos < text.size() && text[pos] == ',')
            pos = skipSpace(text, pos + 1);
    }
    return records;
}

std::string jsonTypeName(const nlohmann::json& value)
{
    if (value.is_number_integer())
        return "an integer";
    if (value.is_number())
        return "a number";
    if (value.is_null())
        return "null";
    const std::string name = value.type_name();
    return (name == "array" || name == "object" ? "an " : "a ") + name;
}

}  // namespace

RecordFileBytes readRecordFile(const std::filesystem::path& path)
{
    RecordFileBytes file;
    file.raw = readRawBytes(path);
    file.text = isGzip(file.raw) ? gunzipFile(path) : file.raw;
    return file;
}

std::vector<RawRecord> splitRecords(std::string_view text, const std::string& file)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos)
        throw FormatError(file + ":1: the file is empty (no records)");
    std::vector<RawRecord> records = text[first] == '[' ? splitJsonArray(text, file) : splitJsonLines(text);
    if (records.empty())
        throw FormatError(file + ":1: the JSON array is empty (no records)");
    return records;
}

std::string recordLocation(const std::string& file, const RawRecord& record)
{
    std::string location = file + ":" + std::to_string(record.line);
    if (record.inArray)
        location += ": record " + std::to_string(record.index + 1);
    return location;
}

nlohmann::json parseRecordObject(const RawRecord& record, const std::string& location,
                                 std::span<const std::string_view> skippedKeys)
{
    const auto dropSkippedKeys = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        checkJsonDepth(depth, event, location);  // a value nested a million deep would overflow the stack later
        if (depth != 1 || event != nlohmann::json::parse_event_t::key || !parsed.is_string())
            return true;
        const auto& key = parsed.get_ref<const std::string&>();
        return std::find(skippedKeys.begin(), skippedKeys.end(), key) == skippedKeys.end();
    };
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(record.text.begin(), record.text.end(), dropSkippedKeys);
    } catch (const nlohmann::json::parse_error& error) {
        throw FormatError(location + ": invalid JSON at column " + std::to_string(error.byte) + ": " +
                          parseErrorExplanation(error));
    } catch (const nlohmann::json::out_of_range& error) {  // a number past a double ("1e999")
        throw FormatError(location + ": invalid JSON: " + error.what());
    }
    if (!object.is_object())
        throw FormatError(location + ": expected a JSON object, found " + jsonTypeName(object));
    return object;
}

std::optional<std::string_view> rawTopLevelValue(std::string_view objectText, std::string_view key)
{
    std::optional<std::string_view> found;
    forEachMember(objectText, [&](std::string_view name, std::string_view value) {
        if (name == key)
            found = value;
        return !found;
    });
    return found;
}

// ---- RecordFields ------------------------------------------------------------

RecordFields::RecordFields(const nlohmann::json& object, std::string location)
    : object(object), where(std::move(location))
{
}

void RecordFields::fail(const std::string& what) const { throw FormatError(where + ": " + what); }

void RecordFields::failWrongType(std::string_view key, std::string_view expected) const
{
    fail("field \"" + std::string(key) + "\" is " + jsonTypeName(object.at(std::string(key))) + ", expected " +
         std::string(expected));
}

bool RecordFields::has(std::string_view key) const
{
    const auto it = object.find(key);
    return it != object.end() && !it->is_null();
}

const nlohmann::json& RecordFields::field(std::string_view key) const
{
    const auto it = object.find(key);
    if (it == object.end())
        fail("missing field \"" + std::string(key) + "\"");
    return *it;
}

std::string RecordFields::requiredString(std::string_view key) const
{
    const nlohmann::json& value = field(key);
    if (!value.is_string())
        failWrongType(key, "a string");
    return value.get<std::string>();
}

std::string RecordFields::optionalString(std::string_view key) const
{
    return has(key) ? requiredString(key) : std::string();
}

std::vector<std::string> RecordFields::requiredStringList(std::string_view key) const
{
    const nlohmann::json& value = field(key);
    if (!value.is_array())
        failWrongType(key, "a list of strings");
    std::vector<std::string> items;
    for (const nlohmann::json& item : value) {
        if (!item.is_string())
            fail("field \"" + std::string(key) + "\" item " + std::to_string(items.size()) + " is " +
                 jsonTypeName(item) + ", expected a string");
        items.push_back(item.get<std::string>());
    }
    return items;
}

std::vector<std::string> RecordFields::optionalStringList(std::string_view key) const
{
    return has(key) ? requiredStringList(key) : std::vector<std::string>();
}

std::string RecordFields::taskId() const
{
    const nlohmann::json& value = field("task_id");
    if (value.is_number_integer())
        return value.dump();
    if (!value.is_string())
        failWrongType("task_id", "a string or an integer");
    std::string id = value.get<std::string>();
    if (id.empty())
        fail("field \"task_id\" is empty");
    return id;
}

bool fitsInt(const nlohmann::json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max());
    return value.is_number_integer() && value.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
           value.get<std::int64_t>() <= std::numeric_limits<int>::max();
}

}  // namespace rrtf
