// Files a test writes for a command to read, and reads back whole.
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rrtf::test {

inline std::string readAll(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

inline std::string readAll(const QString& path)
{
    return readAll(std::filesystem::path(path.toStdString()));
}

// DIR/NAME with one JSON value per line; returns its path.
inline QString writeJsonLines(const QTemporaryDir& dir, const char* name, const std::vector<nlohmann::json>& lines)
{
    const QString path = dir.filePath(name);
    std::ofstream file(path.toStdString());
    for (const nlohmann::json& line : lines)
        file << line.dump() << '\n';
    return path;
}

// Four problems in the project's own format, each with a reference solution:
// own/I's f(x) returns x plus I.
inline QString ownProblems(const QTemporaryDir& dir)
{
    std::vector<nlohmann::json> problems;
    for (int i = 0; i < 4; ++i)
        problems.push_back({{"task_id", "own/" + std::to_string(i)},
                            {"instruction", "Return x plus " + std::to_string(i) + "."},
                            {"solution", "def f(x):\n    return x + " + std::to_string(i) + "\n"},
                            {"tests", "assert f(1) == " + std::to_string(1 + i) + "\nassert f(2) == " +
                                          std::to_string(2 + i) + "\n"}});
    return writeJsonLines(dir, "problems.jsonl", problems);
}

}  // namespace rrtf::test
