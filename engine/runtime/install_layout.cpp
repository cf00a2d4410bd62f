#include "runtime/install_layout.h"

#include <cstdlib>
#include <system_error>

namespace rrtf {

namespace {

const char* environment(const char* name)
{
    const char* value = name ? std::getenv(name) : nullptr;
    return value && *value ? value : nullptr;
}

// RRTF_*_DIR are relative paths from cmake/RrtfLayout.cmake, the same for every build.
const char* relativePath(InstallDir dir)
{
    switch (dir) {
    case InstallDir::Libexec: return RRTF_LIBEXEC_DIR;
    case InstallDir::PrivateLib: return RRTF_PRIVATE_LIB_DIR;
    case InstallDir::Data: return RRTF_DATA_DIR;
    }
    return RRTF_DATA_DIR;
}

}  // namespace

std::filesystem::path runningProgram()
{
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path() : self;
}

std::filesystem::path installPrefix()
{
    if (const char* prefix = environment("RRTF_PREFIX")) return prefix;
    const auto program = runningProgram();
    if (program.empty()) return std::filesystem::current_path();
    return program.parent_path().parent_path();
}

std::filesystem::path installDir(InstallDir dir)
{
    return installPrefix() / relativePath(dir);
}

std::filesystem::path installedFile(InstallDir dir, const std::string& relative, const char* envOverride)
{
    if (const char* chosen = environment(envOverride)) return chosen;
    return installDir(dir) / relative;
}

}  // namespace rrtf
