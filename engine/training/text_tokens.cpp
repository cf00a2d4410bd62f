#include "training/text_tokens.h"

#include "runtime/stable_hash.h"

#include <algorithm>
#include <utility>

namespace rrtf {
namespace {

constexpr std::uint64_t kWindowBase = 0x9e3779b97f4a7c15ULL;  // odd, so powers never vanish mod 2^64

bool isAsciiWordByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Bytes of U+2000..U+206F (general punctuation: dashes, curly quotes, ellipsis)
// and U+3000..U+303F (CJK punctuation) separate tokens like ASCII punctuation.
std::size_t punctuationLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
    if (byte(i) == 0xE2 && (byte(i + 1) == 0x80 || byte(i + 1) == 0x81) && (byte(i + 2) & 0xC0) == 0x80)
        return 3;
    if (byte(i) == 0xE3 && byte(i + 1) == 0x80 && (byte(i + 2) & 0xC0) == 0x80)
        return 3;
    return 0;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Calls visit(begin, end) for every token of `text`.
template <typename Visit>
void forEachToken(std::string_view text, Visit&& visit)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool word = isAsciiWordByte(c) || (c >= 0x80 && punctuationLength(text, i) == 0);
        if (!word) {
            i += std::max<std::size_t>(1, punctuationLength(text, i));
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size()) {
            const auto d = static_cast<unsigned char>(text[i]);
            if (!(isAsciiWordByte(d) || (d >= 0x80 && punctuationLength(text, i) == 0)))
                break;
            ++i;
        }
        visit(begin, i);
    }
}

// Suffix automaton of a token sequence; transitions per state kept sorted.
class SuffixAutomaton {
public:
    explicit SuffixAutomaton(std::span<const std::uint64_t> tokens)
    {
        states.reserve(2 * tokens.size() + 1);
        states.push_back({});
        for (const std::uint64_t token : tokens)
            extend(token);
    }

    // The longest suffix of a[0..i] present in the automaton's text, for every i.
    CommonRun longestRun(std::span<const std::uint64_t> a) const
    {
        CommonRun best;
        int state = 0, length = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            while (state != 0 && next(state, a[i]) < 0) {
                state = states[std::size_t(state)].link;
                length = states[std::size_t(state)].length;
            }
            if (const int to = next(state, a[i]); to >= 0) {
                state = to;
                ++length;
            }
            if (length > best.length)
                best = {length, int(i) + 1 - length};
        }
        return best;
    }

private:
    struct State {
        int length = 0;
        int link = -1;
        std::vector<std::pair<std::uint64_t, int>> edges;  // sorted by token
    };

    int next(int state, std::uint64_t token) const
    {
        const auto& edges = states[std::size_t(state)].edges;
        const auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(token, -1));
        return it != edges.end() && it->first == token ? it->second : -1;
    }

    void setEdge(int state, std::uint64_t token, int to)
    {
        auto& edges = states[std::size_t(state)].edges;
        const auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(token, -1));
        if (it != edges.end() && it->first == token)
            it->second = to;
        else
            edges.insert(it, {token, to});
    }

    void extend(std::uint64_t token)
    {
        const int current = int(states.size());
        states.push_back({states[std::size_t(last)].length + 1, -1, {}});
        int p = last;
        while (p != -1 && next(p, token) < 0) {
            setEdge(p, token, current);
            p = states[std::size_t(p)].link;
        }
        if (p == -1) {
            states[std::size_t(current)].link = 0;
        } else {
            const int q = next(p, token);
            if (states[std::size_t(p)].length + 1 == states[std::size_t(q)].length) {
                states[std::size_t(current)].link = q;
            } else {
                const int clone = int(states.size());
                State copy = states[std::size_t(q)];
                copy.length = states[std::size_t(p)].length + 1;
                states.push_back(std::move(copy));
                while (p != -1 && next(p, token) == q) {
                    setEdge(p, token, clone);
                    p = states[std::size_t(p)].link;
                }
                states[std::size_t(q)].link = clone;
                states[std::size_t(current)].link = clone;
            }
        }
        last = current;
    }

    std::vector<State> states;
    int last = 0;
};

}  // namespace

TokenizedText tokenizeText(std::string_view text)
{
    TokenizedText tokens;
    forEachToken(text, [&](std::size_t begin, std::size_t end) {
        std::uint64_t hash = kFnvOffsetBasis;
        for (std::size_t i = begin; i < end; ++i)
            hash = fnv1aByte(hash, static_cast<unsigned char>(lower(text[i])));
        const auto first = static_cast<unsigned char>(text[begin]);
        tokens.ids.push_back(mixBits(hash));
        tokens.begins.push_back(std::uint32_t(begin));
        tokens.ends.push_back(std::uint32_t(end));
        tokens.isWord.push_back(!(first >= '0' && first <= '9'));
    });
    return tokens;
}

std::string normalizedText(std::string_view text)
{
    std::string normalized;
    forEachToken(text, [&](std::size_t begin, std::size_t end) {
        if (!normalized.empty())
            normalized += ' ';
        for (std::size_t i = begin; i < end; ++i)
            normalized += lower(text[i]);
    });
    return normalized;
}

std::vector<std::uint64_t> windowHashes(std::span<const std::uint64_t> ids, int width)
{
    std::vector<std::uint64_t> hashes;
    if (width <= 0 || ids.size() < std::size_t(width))
        return hashes;
    // Polynomial rolling hash: H = sum id[i] * base^(width-1-i), mod 2^64.
    std::uint64_t topPower = 1;
    for (int i = 1; i < width; ++i)
        topPower *= kWindowBase;
    std::uint64_t hash = 0;
    for (int i = 0; i < width; ++i)
        hash = hash * kWindowBase + ids[std::size_t(i)];
    hashes.reserve(ids.size() - std::size_t(width) + 1);
    hashes.push_back(mixBits(hash));
    for (std::size_t i = std::size_t(width); i < ids.size(); ++i) {
        hash = (hash - ids[i - std::size_t(width)] * topPower) * kWindowBase + ids[i];
        hashes.push_back(mixBits(hash));
    }
    return hashes;
}

std::vector<std::uint64_t> shingleSet(std::span<const std::uint64_t> ids, int width)
{
    std::vector<std::uint64_t> set = windowHashes(ids, width);
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

double jaccardSimilarity(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b)
{
    if (a.empty() && b.empty())
        return 0.0;
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return double(shared) / double(a.size() + b.size() - shared);
}

CommonRun longestCommonRun(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b)
{
    if (a.empty() || b.empty())
        return {};
    return SuffixAutomaton(b).longestRun(a);
}

}  // namespace rrtf
