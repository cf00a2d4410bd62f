#include "training/min_hash.h"

#include "runtime/error.h"
#include "runtime/stable_hash.h"
#include "training/text_tokens.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace rrtf {

LshBanding lshBandingFor(double threshold, int permutations, double recall)
{
    if (!(threshold > 0.0 && threshold <= 1.0))
        throw InvalidArgument("Jaccard threshold " + std::to_string(threshold) + " is outside (0, 1]");
    if (!(recall > 0.0 && recall < 1.0))
        throw InvalidArgument("LSH recall " + std::to_string(recall) + " is outside (0, 1)");
    if (permutations < 1)
        throw InvalidArgument("MinHash needs at least one permutation, not " + std::to_string(permutations));
    LshBanding best{permutations, 1};
    for (int rows = 2; rows <= permutations; ++rows) {
        const LshBanding banding{permutations / rows, rows};
        if (lshCandidateProbability(threshold, banding) >= recall)
            best = banding;
    }
    return best;
}

double lshCandidateProbability(double jaccard, const LshBanding& banding)
{
    return 1.0 - std::pow(1.0 - std::pow(jaccard, banding.rows), banding.bands);
}

MinHasher::MinHasher(int length, std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (int i = 0; i < length; ++i) {
        state += kSplitmixIncrement;
        m_multipliers.push_back(mixBits(state) | 1);
        state += 0x9e3779b97f4a7c15ULL;
        m_offsets.push_back(mixBits(state));
    }
}

std::vector<std::uint32_t> MinHasher::signature(std::span<const std::uint64_t> shingles) const
{
    std::vector<std::uint32_t> minimum(m_multipliers.size(), std::numeric_limits<std::uint32_t>::max());
    const std::size_t length = minimum.size();
    for (const std::uint64_t shingle : shingles)
        for (std::size_t i = 0; i < length; ++i)
            minimum[i] = std::min(minimum[i], std::uint32_t((m_multipliers[i] * shingle + m_offsets[i]) >> 32));
    return minimum;
}

std::vector<std::uint64_t> lshBandKeys(std::span<const std::uint32_t> signature, const LshBanding& banding)
{
    std::vector<std::uint64_t> keys;
    keys.reserve(std::size_t(banding.bands));
    for (int band = 0; band < banding.bands; ++band) {
        std::uint64_t key = mixBits(std::uint64_t(band) + 1);
        for (int row = 0; row < banding.rows; ++row)
            key = mixBits(key ^ signature[std::size_t(band * banding.rows + row)]);
        keys.push_back(key);
    }
    return keys;
}

LshIndex::LshIndex(const LshBanding& banding) : m_tables(std::size_t(banding.bands)) {}

void LshIndex::insert(int item, std::span<const std::uint64_t> bandKeys)
{
    for (std::size_t band = 0; band < m_tables.size() && band < bandKeys.size(); ++band)
        m_tables[band][bandKeys[band]].push_back(item);
}

std::vector<int> LshIndex::candidates(std::span<const std::uint64_t> bandKeys) const
{
    std::vector<int> found;
    for (std::size_t band = 0; band < m_tables.size() && band < bandKeys.size(); ++band) {
        const auto it = m_tables[band].find(bandKeys[band]);
        if (it != m_tables[band].end())
            found.insert(found.end(), it->second.begin(), it->second.end());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace rrtf
