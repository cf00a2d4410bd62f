// Replacing a data file so that a crash or power loss leaves the old file or
// the new one, never half of one: written beside it, synced, renamed, and the
// folder synced so that the rename itself survives.
#pragma once

#include <filesystem>
#include <string>

namespace rrtf {

// Error naming `path` when it cannot be written or replaced.
void replaceFileDurably(const std::filesystem::path& path, const std::string& text);

}  // namespace rrtf
