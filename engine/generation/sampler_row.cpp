// The fused row kernel. One vectorised pass turns logits into weights
// w = p / p_max; truncation then works on a histogram of the weights, so only
// the tokens near a cut are gathered and sorted, never the whole vocabulary.
// Built with -fno-trapping-math (sources.cmake) so the weight loops vectorise;
// the passes over the whole row are also built for AVX2 and picked at run time.
#include "generation/sampler_row.h"

#include "runtime/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace rrtf {
namespace {

constexpr float negativeInfinity = -std::numeric_limits<float>::infinity();
constexpr float positiveInfinity = std::numeric_limits<float>::infinity();

// A weight's bin is read off its bits (exponent and two mantissa bits): a
// quarter octave each, bin 4n starting at 2^-n. Weight 0 lands in zeroBin.
constexpr int binCount = 512;
constexpr int zeroBin = 508;
constexpr int lanes = 4;  // interleaved histograms: neighbours in one bin do not wait on each other

// Not under ThreadSanitizer: the clones' resolver runs while the program is
// relocated, before TSan's runtime is up, and its instrumentation crashes there.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__SANITIZE_THREAD__)
#define RRTF_ROW_PASS __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define RRTF_ROW_PASS
#endif

inline int binOf(float weight)
{
    return static_cast<int>((0x3F800000u - std::bit_cast<std::uint32_t>(weight)) >> 21);
}

// The largest weight outside bins [0, bin): weights above it are in those bins.
inline float binCeiling(int bin)
{
    return std::bit_cast<float>(0x3F800000u - (static_cast<std::uint32_t>(bin) << 21));
}

// e^x for x <= 0 (Cephes' expf polynomial, about 1 ulp); 0 below -87 and for
// NaN. Branch-free so the weight loop vectorises; std::exp would be most of a
// row's time.
inline float expNonPositive(float x)
{
    const bool inRange = x > -87.0f;
    x = inRange ? x : 0.0f;
    const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;  // round to nearest
    const float r = (x - n * 0.693359375f) - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const float scale = std::bit_cast<float>((static_cast<std::int32_t>(n) + 127) << 23);
    return inRange ? p * scale : 0.0f;
}

struct Candidate {
    float logit;
    float weight;
    int id;
    int bin;
};

// Descending logit, ties to the lower id (as torch.argmax and a stable sort).
// A lambda, not a function, so std::sort and std::nth_element inline it.
constexpr auto ranksBefore = [](const Candidate& a, const Candidate& b) {
    return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
};

// Per-thread buffers, so a row allocates nothing once warm.
struct Scratch {
    std::vector<float> weights;
    std::vector<int> ids;
    std::vector<Candidate> candidates;
};

Scratch& scratch()
{
    thread_local Scratch buffers;
    return buffers;
}

// Calls visit(begin, end) for each run of ids between banned ones.
template <class Visit>
void forEachAllowedRange(int vocabSize, std::span<const int> banned, Visit&& visit)
{
    int begin = 0;
    for (int stop : banned) {
        if (stop > begin)
            visit(begin, stop);
        begin = stop + 1;
    }
    if (vocabSize > begin)
        visit(begin, vocabSize);
}

// The largest logit of [begin, end), NaN skipped (-inf when none). Eight running
// maxima, each `x > m ? x : m` (NaN never compares greater), which compiles to
// vector max instructions where a scan that also tracks the index would not.
RRTF_ROW_PASS float maxOfRange(const float* __restrict logits, int begin, int end)
{
    constexpr int width = 8;
    float lane[width];
    std::fill(lane, lane + width, negativeInfinity);
    int id = begin;
    for (; id + width <= end; id += width)
        for (int l = 0; l < width; ++l)
            lane[l] = logits[id + l] > lane[l] ? logits[id + l] : lane[l];
    float best = negativeInfinity;
    for (; id < end; ++id)
        best = logits[id] > best ? logits[id] : best;
    for (int l = 0; l < width; ++l)
        best = lane[l] > best ? lane[l] : best;
    return best;
}

// weights[id] = exp((logit - max) / T) over [begin, end); restrict-qualified so it vectorises.
RRTF_ROW_PASS void weighRange(const float* __restrict logits, float* __restrict weights, int begin, int end, float maxLogit,
                float inverseT)
{
    for (int id = begin; id < end; ++id)
        weights[id] = expNonPositive((logits[id] - maxLogit) * inverseT);
}

RRTF_ROW_PASS double sumOf(const float* weights, int count)
{
    double sums[lanes] = {};
    int id = 0;
    for (; id + lanes <= count; id += lanes)
        for (int lane = 0; lane < lanes; ++lane)
            sums[lane] += weights[id + lane];
    for (; id < count; ++id)
        sums[0] += weights[id];
    return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

// weights[id] = exp((logit - max) / T), 0 for banned ids; returns their sum.
// With a +inf best logit, the +inf tokens weigh 1 and all others 0.
double weighRow(const float* logits, int vocabSize, std::span<const int> banned, float maxLogit, float inverseT,
                float* weights)
{
    forEachAllowedRange(vocabSize, banned, [&](int begin, int end) {
        if (maxLogit != positiveInfinity) {
            weighRange(logits, weights, begin, end, maxLogit, inverseT);
            return;
        }
        for (int id = begin; id < end; ++id)
            weights[id] = logits[id] == positiveInfinity ? 1.0f : 0.0f;
    });
    for (int id : banned)
        weights[id] = 0.0f;
    return sumOf(weights, vocabSize);
}

// The bin where the per-bin token count (for top-k) or mass (for top-p),
// cumulated from the top, reaches a goal (or the last non-zero bin), and the
// count or mass of the bins above it.
struct BinCut {
    int bin;
    double above;
};

template <bool countTokens>
BinCut binReaching(const float* weights, int vocabSize, double goal)
{
    double mass[lanes][binCount] = {};
    for (int id = 0; id < vocabSize; ++id)
        mass[id % lanes][binOf(weights[id])] += countTokens ? 1.0 : weights[id];
    double cumulative = 0.0;
    for (int bin = 0; bin < zeroBin; ++bin) {
        const double binMass = (mass[0][bin] + mass[1][bin]) + (mass[2][bin] + mass[3][bin]);
        if (cumulative + binMass >= goal || bin == zeroBin - 1)
            return {bin, cumulative};
        cumulative += binMass;
    }
    return {zeroBin - 1, cumulative};
}

// The ids of the tokens in `bin`, in id order. Blocks of eight with none are
// skipped by a vector test; a flat row puts a few percent of its tokens there.
RRTF_ROW_PASS int idsInBin(const float* __restrict weights, int vocabSize, int bin, int* __restrict ids)
{
    constexpr int width = 8;
    int count = 0;
    int id = 0;
    for (; id + width <= vocabSize; id += width) {
        int hits = 0;
        for (int l = 0; l < width; ++l)
            hits |= binOf(weights[id + l]) == bin;
        if (!hits)
            continue;
        for (int l = 0; l < width; ++l) {
            ids[count] = id + l;
            count += binOf(weights[id + l]) == bin;
        }
    }
    for (; id < vocabSize; ++id) {
        ids[count] = id;
        count += binOf(weights[id]) == bin;
    }
    return count;
}

// Walks the tokens weighing more than `floor` in id order and returns the one
// where the running sum of their weights first passes `target`: the last such
// token if rounding leaves the target beyond the end, -1 if there is none.
// Whole blocks are summed as vectors and skipped until the one the target falls in.
RRTF_ROW_PASS int walkAbove(const float* weights, int vocabSize, float floor, double target)
{
    constexpr int block = 64, width = 8;
    double cumulative = 0.0;
    int id = 0;
    for (; id + block <= vocabSize; id += block) {
        float lane[width] = {};
        for (int i = id; i < id + block; i += width)
            for (int l = 0; l < width; ++l)
                lane[l] += weights[i + l] > floor ? weights[i + l] : 0.0f;
        const double blockMass = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
        if (cumulative + blockMass > target)
            break;
        cumulative += blockMass;
    }
    for (; id < vocabSize; ++id)
        if (weights[id] > floor && (cumulative += weights[id]) > target)
            return id;
    for (id = vocabSize - 1; id >= 0; --id)
        if (weights[id] > floor)
            return id;
    return -1;
}

// Collects the tokens whose bin passes `keep`.
template <class Keep>
void gather(const float* logits, const float* weights, int vocabSize, Keep keep, std::vector<Candidate>& out)
{
    out.clear();
    for (int id = 0; id < vocabSize; ++id) {
        const int bin = binOf(weights[id]);
        if (keep(bin))
            out.push_back({logits[id], weights[id], id, bin});
    }
}

// The candidate where the running sum of weights first passes `target`.
int walk(const std::vector<Candidate>& candidates, double target)
{
    double cumulative = 0.0;
    for (const Candidate& candidate : candidates)
        if ((cumulative += candidate.weight) > target)
            return candidate.id;
    return candidates.back().id;  // rounding left the target at the very end
}

double massOf(std::vector<Candidate>::const_iterator begin, std::vector<Candidate>::const_iterator end)
{
    double mass = 0.0;
    for (auto it = begin; it != end; ++it)
        mass += it->weight;
    return mass;
}

std::uint32_t bitsOf(float weight)
{
    return std::bit_cast<std::uint32_t>(weight);  // ordered like the weight, weights being >= 0
}

// Keeps the part of candidates[from, end) that the nucleus reaches: taken in
// descending order, a token stays while the mass ranked before it (`before` for
// everything above this range, plus its predecessors here) is < threshold.
// That is transformers' TopPLogitsWarper, which removes a token iff the
// ascending cumulative probability up to and including it is <= 1 - top_p.
// O(n) for flat rows too: radix steps on the weight bits, then halving with
// nth_element among equal weights, and a sort of the last few.
void cutNucleus(std::vector<Candidate>& candidates, std::size_t from, double before, double threshold)
{
    auto low = candidates.begin() + static_cast<std::ptrdiff_t>(from);
    auto high = candidates.end();
    while (high - low > 32) {
        std::uint32_t top = 0, bottom = ~0u;
        for (auto it = low; it != high; ++it) {
            top = std::max(top, bitsOf(it->weight));
            bottom = std::min(bottom, bitsOf(it->weight));
        }
        if (top == bottom)
            break;
        int shift = 0;
        while (((top - bottom) >> shift) >= 256)
            ++shift;
        // Key 0 holds the heaviest weights; find the key where the cut falls.
        auto key = [top, shift](const Candidate& c) { return static_cast<int>((top - bitsOf(c.weight)) >> shift); };
        double mass[256] = {};
        for (auto it = low; it != high; ++it)
            mass[key(*it)] += it->weight;
        int cut = 0;
        for (double above = before; cut < 255 && above + mass[cut] < threshold; ++cut)
            above += mass[cut];
        const auto inside = std::partition(low, high, [&](const Candidate& c) { return key(c) < cut; });
        high = std::partition(inside, high, [&](const Candidate& c) { return key(c) == cut; });
        before += massOf(low, inside);
        low = inside;
    }
    while (high - low > 32) {
        const auto middle = low + (high - low) / 2;
        std::nth_element(low, middle, high, ranksBefore);
        const double mass = massOf(low, middle);
        if (before + mass < threshold) {  // all of [low, middle] stay
            before += mass;
            low = middle;
        } else {  // middle and below are out
            high = middle;
        }
    }
    std::sort(low, high, ranksBefore);
    while (low != high && before < threshold)
        before += (low++)->weight;
    candidates.erase(low, candidates.end());
}

// Top-p alone, the common case: bins above the cut's bin lie wholly inside the
// nucleus, so they are only summed (and walked by id if the draw lands there);
// just the cut's bin is gathered and selected.
int drawNucleus(const float* logits, int vocabSize, const float* weights, double total, float topP,
                double uniform, Scratch& buffers)
{
    const double threshold = static_cast<double>(topP) * total;
    const auto [cutBin, head] = binReaching<false>(weights, vocabSize, threshold);
    std::vector<Candidate>& candidates = buffers.candidates;
    buffers.ids.resize(static_cast<std::size_t>(vocabSize));
    const int inBin = idsInBin(weights, vocabSize, cutBin, buffers.ids.data());
    candidates.clear();
    for (int i = 0; i < inBin; ++i) {
        const int id = buffers.ids[static_cast<std::size_t>(i)];
        candidates.push_back({logits[id], weights[id], id, cutBin});
    }
    cutNucleus(candidates, 0, head, threshold);
    const double target = uniform * (head + massOf(candidates.begin(), candidates.end()));
    if (target >= head && !candidates.empty())
        return walk(candidates, target - head);
    // target < head > 0: some token weighs more than the cut bin's ceiling.
    return walkAbove(weights, vocabSize, binCeiling(cutBin), target);
}

// Top-k, then top-p on the renormalised top-k set, then min-p: the order of
// transformers' warpers.
int drawTruncated(const float* logits, int vocabSize, const float* weights, double total,
                  const SamplingOptions& options, double uniform, Scratch& buffers)
{
    if (options.topK == 0 && options.minP <= 0.0f)
        return drawNucleus(logits, vocabSize, weights, total, options.topP, uniform, buffers);
    std::vector<Candidate>& candidates = buffers.candidates;

    // The last bin a survivor can be in, so that only bins above it are gathered.
    int limit = zeroBin - 1;
    int nucleusBin = zeroBin;
    if (options.topK > 0)
        limit = binReaching<true>(weights, vocabSize, options.topK).bin;
    else if (options.topP < 1.0f)
        limit = nucleusBin = binReaching<false>(weights, vocabSize, options.topP * total).bin;
    // min-p may bound the gathering unless top-p must first see the whole top-k set.
    if (options.minP > 0.0f && !(options.topK > 0 && options.topP < 1.0f))
        limit = std::min(limit, binOf(options.minP));

    gather(logits, weights, vocabSize, [limit](int bin) { return bin <= limit; }, candidates);

    const auto topK = static_cast<std::size_t>(options.topK);
    if (topK > 0 && candidates.size() > topK) {
        // Every token tied with the k-th stays, as in TopKLogitsWarper.
        std::nth_element(candidates.begin(), candidates.begin() + (topK - 1), candidates.end(), ranksBefore);
        const float kth = candidates[topK - 1].logit;
        std::erase_if(candidates, [kth](const Candidate& c) { return c.logit < kth; });
    }
    if (options.topP < 1.0f) {
        if (options.topK > 0) {
            cutNucleus(candidates, 0, 0.0, options.topP * massOf(candidates.begin(), candidates.end()));
        } else {
            // Bins above the cut's bin are inside the nucleus whatever their order.
            auto inside = std::partition(candidates.begin(), candidates.end(),
                                         [nucleusBin](const Candidate& c) { return c.bin < nucleusBin; });
            cutNucleus(candidates, static_cast<std::size_t>(inside - candidates.begin()),
                       massOf(candidates.begin(), inside), options.topP * total);
        }
    }
    if (options.minP > 0.0f) {
        // The best token has weight 1 >= minP, so one always stays.
        const float floor = options.minP;
        std::erase_if(candidates, [floor](const Candidate& c) { return c.weight < floor; });
    }
    return walk(candidates, uniform * massOf(candidates.begin(), candidates.end()));
}

}  // namespace

SampleResult sampleValidatedRow(const float* logits, int vocabSize, const SamplingOptions& options,
                                SequenceRng& rng, std::span<const int> banned, bool wantLogprob)
{
    float maxLogit = negativeInfinity;
    int best = -1;
    forEachAllowedRange(vocabSize, banned, [&](int begin, int end) {
        const float rangeMax = maxOfRange(logits, begin, end);
        if (!(rangeMax > maxLogit))
            return;
        maxLogit = rangeMax;
        best = static_cast<int>(std::find(logits + begin, logits + end, rangeMax) - logits);
    });
    if (best < 0)
        throw InvalidArgument("sampling: no token can be drawn: all " + std::to_string(vocabSize) +
                              " logits are NaN, -inf or banned");
    if (options.greedy && !wantLogprob)
        return {best, 0.0f};

    Scratch& buffers = scratch();
    buffers.weights.resize(static_cast<std::size_t>(vocabSize));
    float* weights = buffers.weights.data();
    // 1 / T saturates, so a tiny temperature still gives the best token weight 1.
    const float inverseT =
        options.greedy ? 1.0f : std::min(1.0f / options.temperature, std::numeric_limits<float>::max());
    const double total = weighRow(logits, vocabSize, banned, maxLogit, inverseT, weights);

    int chosen = best;
    if (!options.greedy) {
        const double uniform = rng.uniform();
        if (options.topK > 0 || options.topP < 1.0f || options.minP > 0.0f) {
            chosen = drawTruncated(logits, vocabSize, weights, total, options, uniform, buffers);
        } else {
            // Plain sampling: walk the weights in id order, nothing gathered.
            if (const int drawn = walkAbove(weights, vocabSize, 0.0f, uniform * total); drawn >= 0)
                chosen = drawn;
        }
    }

    SampleResult result{chosen, 0.0f};
    if (wantLogprob) {
        const float logit = logits[chosen];
        const double logWeight =
            logit == maxLogit ? 0.0 : (static_cast<double>(logit) - maxLogit) * static_cast<double>(inverseT);
        result.logprob = static_cast<float>(logWeight - std::log(total));
    }
    return result;
}

}  // namespace rrtf
