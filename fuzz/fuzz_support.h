// What every fuzz target shares: a scratch folder for the readers that take a
// path, and the rule every reader must keep: a bad input ends in an rrtf::Error
// whose message is one line naming the file (or stream), never in any other
// exception. A broken rule aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include "runtime/error.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

namespace rrtf::fuzz {

// A folder of this process's own (under /dev/shm when it can, else $TMPDIR),
// removed at exit.
const std::filesystem::path& scratch();

// Writes `size` bytes to scratch()/name (replacing it) and returns the path.
std::filesystem::path writeFile(const std::string& name, const uint8_t* data, size_t size);
std::filesystem::path writeFile(const std::string& name, std::string_view text);

// A fresh, empty folder scratch()/name.
std::filesystem::path freshFolder(const std::string& name);

[[noreturn]] inline void broken(const std::string& what)
{
    std::fprintf(stderr, "\n==fuzz== %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// The message of an rrtf::Error must name `place` and be one line.
inline void checkMessage(const std::string& message, std::string_view place)
{
    if (message.find('\n') != std::string::npos)
        broken("error message spans several lines: " + message);
    if (!place.empty() && message.find(place) == std::string::npos)
        broken("error message does not name \"" + std::string(place) + "\": " + message);
}

// Runs `read`. rrtf::Error naming `place` is a clean refusal; any other exception
// aborts. Returns whether `read` finished without an error.
template <class Read>
bool expectCleanError(std::string_view place, Read&& read)
{
    try {
        read();
        return true;
    } catch (const rrtf::Error& error) {
        if (std::getenv("RRTF_FUZZ_VERBOSE"))  // to see why an input is refused
            std::fprintf(stderr, "refused: %s\n", error.what());
        checkMessage(error.what(), place);
    } catch (const std::exception& error) {
        broken(std::string("an exception other than rrtf::Error escaped: ") + error.what());
    } catch (...) {
        broken("a non-std exception escaped");
    }
    return false;
}

}  // namespace rrtf::fuzz
