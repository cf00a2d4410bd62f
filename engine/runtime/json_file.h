// A whole JSON file (a config, a manifest), with errors that name it.
#pragma once

#include "runtime/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace rrtf {

// FormatError "PATH: cannot be read" or "PATH: not valid JSON (...)".
inline nlohmann::json readJsonFile(const std::filesystem::path& path)
{
    std::ifstream file(path);
    if (!file)
        throw FormatError(path.string() + ": cannot be read");
    try {
        return nlohmann::json::parse(file);
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(path.string() + ": not valid JSON (" + error.what() + ")");
    }
}

}  // namespace rrtf
