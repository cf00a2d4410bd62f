// Where the programs find their files: relative to their own folder, in the layout
// cmake/RrtfLayout.cmake installs (PREFIX/bin, PREFIX/libexec/rrtf, PREFIX/lib/rrtf/modules,
// PREFIX/share/rrtf) and the build tree copies. No path is baked in at build time,
// so an install moved to another prefix keeps working.
#pragma once

#include <filesystem>
#include <string>

namespace rrtf {

enum class InstallDir {
    Libexec,     // helper programs (rrtf-sandbox)
    PrivateLib,  // modules the engine loads (the SentencePiece one)
    Data,        // read-only data (demo pack, tokenizers)
};

// The running program's own file (/proc/self/exe).
std::filesystem::path runningProgram();

// $RRTF_PREFIX when set (tests running from deep inside the build tree set it to the
// build folder), else the folder above the running program's (PREFIX/bin/..).
std::filesystem::path installPrefix();

// PREFIX/<the dir's relative path>.
std::filesystem::path installDir(InstallDir dir);

// Where a file that ships with the programs should be: $ENV_OVERRIDE when that variable
// is set and not empty, else installDir(dir)/relative. Whether it is there is the
// caller's to check: each says what is missing in its own words.
std::filesystem::path installedFile(InstallDir dir, const std::string& relative, const char* envOverride);

}  // namespace rrtf
