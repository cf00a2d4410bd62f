// Hashes that give the same value on every machine and in every run, unlike
// std::hash: a sampled answer's seed, a checkpoint's fingerprint, n-gram ids.
#pragma once

#include <cstdint>
#include <string_view>

namespace rrtf {

// FNV-1a, 64-bit. Hash several pieces by passing each result on as `hash`.
inline constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;

constexpr std::uint64_t fnv1aByte(std::uint64_t hash, unsigned char byte)
{
    return (hash ^ byte) * 0x100000001b3ULL;
}

constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffsetBasis)
{
    for (const char c : bytes)
        hash = fnv1aByte(hash, static_cast<unsigned char>(c));
    return hash;
}

// splitmix64: its state advances by this odd constant and each state goes through mixBits.
inline constexpr std::uint64_t kSplitmixIncrement = 0x9e3779b97f4a7c15ULL;

// splitmix64's finaliser: spreads the bits of a hash.
constexpr std::uint64_t mixBits(std::uint64_t value)
{
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

// splitmix64's draw from `state`: a well-mixed seed from any 64 bits.
constexpr std::uint64_t splitmix64(std::uint64_t state)
{
    return mixBits(state + kSplitmixIncrement);
}

}  // namespace rrtf
