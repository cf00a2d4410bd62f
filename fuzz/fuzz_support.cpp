#include "fuzz_support.h"

#include <unistd.h>

#include <fstream>

namespace rrtf::fuzz {
namespace {

std::filesystem::path makeScratch()
{
    std::error_code error;
    std::filesystem::path base = "/dev/shm";
    if (access(base.c_str(), W_OK) != 0)
        base = std::filesystem::temp_directory_path(error);
    std::string pattern = (base / "rrtf-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        broken("cannot create a scratch folder under " + base.string());
    return pattern;
}

struct Scratch {
    std::filesystem::path path = makeScratch();
    ~Scratch()
    {
        std::error_code error;
        std::filesystem::remove_all(path, error);
    }
};

}  // namespace

const std::filesystem::path& scratch()
{
    static Scratch folder;
    return folder.path;
}

std::filesystem::path writeFile(const std::string& name, const uint8_t* data, size_t size)
{
    const std::filesystem::path path = scratch() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    out.close();
    if (!out)
        broken("cannot write " + path.string());
    return path;
}

std::filesystem::path writeFile(const std::string& name, std::string_view text)
{
    return writeFile(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

std::filesystem::path freshFolder(const std::string& name)
{
    const std::filesystem::path path = scratch() / name;
    std::error_code error;
    std::filesystem::remove_all(path, error);
    std::filesystem::create_directories(path, error);
    if (error)
        broken("cannot create " + path.string() + ": " + error.message());
    return path;
}

}  // namespace rrtf::fuzz
