#include "tokenizer/bpe_model.h"

#include <functional>
#include <limits>
#include <queue>

namespace rrtf {
namespace {

constexpr std::uint32_t kNoRank = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kScanLimit = 64;  // longer words merge with the heap

}  // namespace

void MergeTable::reserve(std::size_t count)
{
    std::size_t capacity = 16;
    while (capacity < count * 2 + 2) capacity *= 2;  // load factor <= 1/2 keeps probes short
    if (capacity <= m_slots.size()) return;
    std::vector<Entry> old = std::move(m_slots);
    m_slots.assign(capacity, Entry{});
    m_mask = capacity - 1;
    m_size = 0;
    for (const Entry& entry : old) {
        if (entry.key == kEmpty) continue;
        insert(int(entry.key >> 32), int(entry.key & 0xFFFFFFFFu), entry.rank, entry.merged);
    }
}

void MergeTable::insert(int left, int right, std::uint32_t rank, int merged)
{
    if ((m_size + 1) * 2 > m_slots.size()) reserve(m_size + 1);
    const std::uint64_t key = pack(left, right);
    for (std::size_t slot = hash(key) & m_mask;; slot = (slot + 1) & m_mask) {
        Entry& entry = m_slots[slot];
        if (entry.key == kEmpty) ++m_size;
        if (entry.key == kEmpty || entry.key == key) {
            entry = {key, rank, merged};
            return;
        }
    }
}

// Words are cached by their bytes. Shards keep threads that encode at the same
// time from queueing on one lock.
struct BpeModel::Cache {
    static constexpr std::size_t kShards = 16;
    static constexpr std::size_t kMaxEntriesPerShard = 16384;
    static constexpr std::size_t kMaxWordBytes = 256;

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, std::vector<int>, Hash, std::equal_to<>> words;
    };
    std::array<Shard, kShards> shards;

    Cache()
    {
        for (Shard& shard : shards) shard.words.reserve(kMaxEntriesPerShard);  // no rehashing mid-encode
    }

    Shard& shardFor(std::string_view word) { return shards[Hash{}(word) % kShards]; }
};

BpeModel::BpeModel(BpeModelOptions options, MergeTable merges)
    : m_options(std::move(options)), m_merges(std::move(merges)), m_cache(std::make_shared<Cache>())
{
}

void BpeModel::encodeWord(std::string_view word, std::vector<int>& ids) const
{
    if (m_options.ignoreMerges) {
        if (auto it = m_options.words.find(std::string(word)); it != m_options.words.end()) {
            ids.push_back(it->second);
            return;
        }
    }
    const bool cacheable = word.size() <= Cache::kMaxWordBytes;
    if (cacheable) {
        Cache::Shard& shard = m_cache->shardFor(word);
        std::lock_guard lock(shard.mutex);
        if (auto it = shard.words.find(word); it != shard.words.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int> merged = mergeWord(word, MergeStrategy::Auto);
    ids.insert(ids.end(), merged.begin(), merged.end());
    if (cacheable) {
        Cache::Shard& shard = m_cache->shardFor(word);
        std::lock_guard lock(shard.mutex);
        if (shard.words.size() < Cache::kMaxEntriesPerShard) shard.words.emplace(word, std::move(merged));
    }
}

std::vector<int> BpeModel::mergeWord(std::string_view word, MergeStrategy strategy) const
{
    std::vector<int> symbols = initialSymbols(word);
    if (strategy == MergeStrategy::Auto) strategy = symbols.size() <= kScanLimit ? MergeStrategy::Scan : MergeStrategy::Heap;
    if (strategy == MergeStrategy::Scan)
        mergeScan(symbols);
    else
        mergeHeap(symbols);
    return symbols;
}

std::vector<int> BpeModel::initialSymbols(std::string_view word) const
{
    std::vector<int> symbols;
    symbols.reserve(word.size());
    bool pendingUnk = false;  // an unk waiting to see whether the next byte fuses with it
    for (unsigned char byte : word) {
        const int id = m_options.byteIds[byte];
        if (id >= 0) {
            if (pendingUnk) symbols.push_back(*m_options.unkId);
            pendingUnk = false;
            symbols.push_back(id);
        } else if (m_options.unkId) {
            if (pendingUnk && !m_options.fuseUnk) symbols.push_back(*m_options.unkId);
            pendingUnk = true;
        }
        // No unk token: HF drops a symbol the vocabulary lacks.
    }
    if (pendingUnk) symbols.push_back(*m_options.unkId);
    return symbols;
}

void BpeModel::mergeScan(std::vector<int>& symbols) const
{
    if (symbols.size() < 2) return;
    // ranks[i] / targets[i] describe the pair (symbols[i], symbols[i + 1]).
    std::vector<std::uint32_t> ranks(symbols.size() - 1);
    std::vector<int> targets(symbols.size() - 1);
    auto lookup = [&](std::size_t i) {
        const MergeTable::Entry* entry = m_merges.find(symbols[i], symbols[i + 1]);
        ranks[i] = entry ? entry->rank : kNoRank;
        targets[i] = entry ? entry->merged : -1;
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) lookup(i);
    while (!ranks.empty()) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < ranks.size(); ++i)
            if (ranks[i] < ranks[best]) best = i;  // strict: the leftmost of equal ranks wins
        if (ranks[best] == kNoRank) break;
        symbols[best] = targets[best];
        symbols.erase(symbols.begin() + std::ptrdiff_t(best) + 1);
        ranks.erase(ranks.begin() + std::ptrdiff_t(best));
        targets.erase(targets.begin() + std::ptrdiff_t(best));
        if (best < ranks.size()) lookup(best);
        if (best > 0) lookup(best - 1);
    }
}

void BpeModel::mergeHeap(std::vector<int>& symbols) const
{
    const int count = int(symbols.size());
    if (count < 2) return;
    std::vector<int> prev(count), next(count);
    std::vector<bool> alive(count, true);
    for (int i = 0; i < count; ++i) {
        prev[i] = i - 1;
        next[i] = i + 1 < count ? i + 1 : -1;
    }
    struct Candidate {
        std::uint32_t rank;
        int pos;
        int merged;
        bool operator>(const Candidate& other) const
        {
            return rank != other.rank ? rank > other.rank : pos > other.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    auto offer = [&](int pos) {
        if (pos < 0 || next[pos] < 0) return;
        if (const MergeTable::Entry* entry = m_merges.find(symbols[pos], symbols[next[pos]]))
            queue.push({entry->rank, pos, entry->merged});
    };
    for (int i = 0; i + 1 < count; ++i) offer(i);
    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        // Entries go stale as neighbours merge; HF checks the pair still makes the same symbol.
        if (!alive[top.pos] || next[top.pos] < 0) continue;
        const int right = next[top.pos];
        const MergeTable::Entry* entry = m_merges.find(symbols[top.pos], symbols[right]);
        if (!entry || entry->merged != top.merged) continue;
        symbols[top.pos] = top.merged;
        alive[right] = false;
        next[top.pos] = next[right];
        if (next[right] >= 0) prev[next[right]] = top.pos;
        offer(prev[top.pos]);
        offer(top.pos);
    }
    std::vector<int> result;
    for (int i = 0; i >= 0; i = next[i]) result.push_back(symbols[i]);
    symbols = std::move(result);
}

}  // namespace rrtf
