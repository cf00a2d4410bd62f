// A whole JSON file (a config, a manifest), with errors that name it.
#pragma once

#include "runtime/error.h"
#include "runtime/printable.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace rrtf {

// Outside data nests JSON a few levels deep. nlohmann's dump, copy and
// comparison recurse once per level, so a value nested a million deep (a few
// megabytes of '[') would overflow the stack wherever it is shown or kept:
// every reader of outside JSON refuses nesting deeper than this.
inline constexpr int kMaxJsonDepth = 512;

// For a parser callback of one's own: FormatError "WHERE: JSON nested deeper
// than 512 levels" when `event` opens a container below kMaxJsonDepth others.
inline void checkJsonDepth(int depth, nlohmann::json::parse_event_t event, const std::string& where)
{
    using Event = nlohmann::json::parse_event_t;
    if ((event == Event::object_start || event == Event::array_start) && depth >= kMaxJsonDepth)
        throw FormatError(where + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
}

// A callback for nlohmann::json::parse that only applies checkJsonDepth.
inline nlohmann::json::parser_callback_t jsonDepthLimit(std::string where)
{
    return [where = std::move(where)](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        checkJsonDepth(depth, event, where);
        return true;
    };
}

// A value from a file as an error message shows it: its JSON text, cut to
// `limit` bytes (a huge array must not become a huge message), one line.
inline std::string jsonExcerpt(const nlohmann::json& value, std::size_t limit = 80)
{
    return printable(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), limit);
}

// FormatError "PATH: cannot be read", "PATH: not valid JSON (...)" or "PATH:
// JSON nested deeper than 512 levels".
inline nlohmann::json readJsonFile(const std::filesystem::path& path)
{
    std::ifstream file(path);
    if (!file)
        throw FormatError(path.string() + ": cannot be read");
    try {
        return nlohmann::json::parse(file, jsonDepthLimit(path.string()));
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(path.string() + ": not valid JSON (" + error.what() + ")");
    }
}

}  // namespace rrtf
