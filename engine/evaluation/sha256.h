// SHA-256 (FIPS 180-4), small and self-contained, so that problem sets and
// sample files can be keyed by the hash of their bytes without OpenSSL.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rrtf {

// Incremental hashing: update() any number of times, then hexDigest() once.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // Lower-case hex of the 32-byte digest. Finishes the hash: call it once.
    std::string hexDigest();

private:
    void compressBlock(const unsigned char* block);

    std::array<std::uint32_t, 8> state;
    std::array<unsigned char, 64> pending{};  // bytes not yet making a whole block
    std::size_t pendingSize = 0;
    std::uint64_t totalBytes = 0;
};

// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

// Lower-case hex SHA-256 of a file's bytes; FormatError when it cannot be read.
std::string sha256OfFile(const std::filesystem::path& path);

}  // namespace rrtf
