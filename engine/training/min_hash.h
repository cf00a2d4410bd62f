// MinHash signatures and locality-sensitive hashing by banding: finds the pairs
// of shingle sets whose Jaccard similarity may reach a threshold without
// comparing every pair. Candidates are only candidates: callers verify each
// with the exact Jaccard similarity (text_tokens.h).
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace rrtf {

// b bands of r rows: two sets whose Jaccard similarity is s share at least one
// band with probability 1 - (1 - s^r)^b.
struct LshBanding {
    int bands = 0;
    int rows = 0;
    int signatureLength() const { return bands * rows; }
};

// The banding with the most rows (fewest false candidates) for which a pair at
// `threshold` becomes a candidate with probability >= `recall`, using at most
// `permutations` hash functions. InvalidArgument for a threshold outside (0, 1],
// a recall outside (0, 1) or fewer than one permutation.
LshBanding lshBandingFor(double threshold, int permutations, double recall);

// 1 - (1 - s^r)^b.
double lshCandidateProbability(double jaccard, const LshBanding& banding);

// Signatures of `length` hash functions h_i(x) = high 32 bits of (a_i * x + b_i)
// mod 2^64, over shingle hashes that are already well mixed.
class MinHasher {
public:
    MinHasher(int length, std::uint64_t seed);

    int length() const { return int(m_multipliers.size()); }
    // All 0xffffffff for an empty set (callers leave empty sets out).
    std::vector<std::uint32_t> signature(std::span<const std::uint64_t> shingles) const;

private:
    std::vector<std::uint64_t> m_multipliers;  // odd
    std::vector<std::uint64_t> m_offsets;
};

// One key per band: the hash of the band's rows and its index.
std::vector<std::uint64_t> lshBandKeys(std::span<const std::uint32_t> signature, const LshBanding& banding);

// Band tables: items sharing a band key with a query are its candidates.
class LshIndex {
public:
    explicit LshIndex(const LshBanding& banding);

    void insert(int item, std::span<const std::uint64_t> bandKeys);
    // The items that share at least one band key, sorted, each once.
    std::vector<int> candidates(std::span<const std::uint64_t> bandKeys) const;

private:
    std::vector<std::unordered_map<std::uint64_t, std::vector<int>>> m_tables;  // one per band
};

}  // namespace rrtf
