// Byte-pair merging as Hugging Face's BPE model does it, on raw bytes: a word
// starts as one symbol per byte and the adjacent pair with the lowest merge rank
// is merged until none is left (ties: leftmost first). Results are cached per word.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rrtf {

// (left id, right id) -> (rank, merged id), open addressing: the table is built
// once and only read, so it needs no locking.
class MergeTable {
public:
    struct Entry {
        std::uint64_t key = kEmpty;
        std::uint32_t rank = 0;
        std::int32_t merged = 0;
    };
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    void reserve(std::size_t count);
    // A later merge of the same pair replaces the earlier one (HF builds a map the same way).
    void insert(int left, int right, std::uint32_t rank, int merged);
    const Entry* find(int left, int right) const
    {
        const std::uint64_t key = pack(left, right);
        for (std::size_t slot = hash(key) & m_mask;; slot = (slot + 1) & m_mask) {
            const Entry& entry = m_slots[slot];
            if (entry.key == key) return &entry;
            if (entry.key == kEmpty) return nullptr;
        }
    }
    std::size_t size() const { return m_size; }

private:
    static std::uint64_t pack(int left, int right)
    {
        return (std::uint64_t(std::uint32_t(left)) << 32) | std::uint32_t(right);
    }
    static std::size_t hash(std::uint64_t key)
    {
        const std::uint64_t h = key * 0x9E3779B97F4A7C15ULL;
        return std::size_t(h ^ (h >> 32));
    }

    std::vector<Entry> m_slots = std::vector<Entry>(16);
    std::size_t m_mask = 15;
    std::size_t m_size = 0;
};

enum class MergeStrategy {
    Auto,  // scan for short words, heap for long ones
    Scan,  // O(n^2), fastest for the short words of real text
    Heap,  // O(n log n), HF's algorithm, for long runs
};

struct BpeModelOptions {
    std::array<int, 256> byteIds{};              // vocab id of each single byte, -1 if absent
    std::optional<int> unkId;                    // HF unk_token; absent: unknown bytes are dropped
    bool fuseUnk = false;                        // consecutive unknown bytes become one unk
    std::unordered_map<std::string, int> words;  // raw bytes -> id, used when ignoreMerges
    bool ignoreMerges = false;                   // a whole word in the vocab is taken as is
};

class BpeModel {
public:
    BpeModel(BpeModelOptions options, MergeTable merges);

    // Appends the ids of one pre-tokenized word (raw bytes).
    void encodeWord(std::string_view word, std::vector<int>& ids) const;

    // Uncached merge with a chosen strategy (tests compare the two).
    std::vector<int> mergeWord(std::string_view word, MergeStrategy strategy) const;

private:
    struct Cache;
    std::vector<int> initialSymbols(std::string_view word) const;
    void mergeScan(std::vector<int>& symbols) const;
    void mergeHeap(std::vector<int>& symbols) const;

    BpeModelOptions m_options;
    MergeTable m_merges;
    std::shared_ptr<Cache> m_cache;
};

}  // namespace rrtf
