#include "generation/sampler.h"

#include "generation/sampler_row.h"

#include "runtime/error.h"
#include "runtime/stable_hash.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include <omp.h>

namespace rrtf {
namespace {

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

SampleResult sampleRow(const float* logits, int vocabSize, const SamplingOptions& options, SequenceRng& rng,
                       std::span<const int> bannedIds, bool wantLogprob)
{
    options.validate();
    if (!logits || vocabSize <= 0)
        throw InvalidArgument("sampling: empty logits row (vocabSize " + std::to_string(vocabSize) + ")");
    // Banned ids sorted, unique and inside the vocabulary (others are ignored).
    thread_local std::vector<int> banned;
    banned.clear();
    for (int id : bannedIds)
        if (id >= 0 && id < vocabSize)
            banned.push_back(id);
    std::sort(banned.begin(), banned.end());
    banned.erase(std::unique(banned.begin(), banned.end()), banned.end());
    return sampleValidatedRow(logits, vocabSize, options, rng, banned, wantLogprob);
}

}  // namespace

void SamplingOptions::validate() const
{
    if (greedy)
        return;
    if (!(temperature > 0.0f) || !std::isfinite(temperature))
        throw InvalidArgument("sampling option temperature must be finite and > 0, got " + number(temperature));
    if (topK < 0)
        throw InvalidArgument("sampling option top_k must be >= 0, got " + std::to_string(topK));
    if (!(topP > 0.0f && topP <= 1.0f))
        throw InvalidArgument("sampling option top_p must be in (0, 1], got " + number(topP));
    if (!(minP >= 0.0f && minP <= 1.0f))
        throw InvalidArgument("sampling option min_p must be in [0, 1], got " + number(minP));
}

SequenceRng::SequenceRng(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter)
    : key(mixBits(seed ^ splitmix64(stream))), drawIndex(counter)
{
}

std::uint64_t SequenceRng::next()
{
    // splitmix64 whose state is key + (i + 1) * increment: draw i needs no history.
    return mixBits(key + (++drawIndex) * kSplitmixIncrement);
}

double SequenceRng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int sampleToken(const float* logits, int vocabSize, const SamplingOptions& options, SequenceRng& rng,
                std::span<const int> bannedIds)
{
    return sampleRow(logits, vocabSize, options, rng, bannedIds, false).token;
}

SampleResult sampleTokenWithLogprob(const float* logits, int vocabSize, const SamplingOptions& options,
                                    SequenceRng& rng, std::span<const int> bannedIds)
{
    return sampleRow(logits, vocabSize, options, rng, bannedIds, true);
}

void sampleRows(const float* logits, int rows, int vocabSize, std::span<const SamplingOptions> options,
                std::span<SequenceRng> rngs, std::span<int> tokens, std::span<float> logprobs,
                std::span<const int> bannedIds, int maxThreads)
{
    const auto count = static_cast<std::size_t>(std::max(rows, 0));
    if (rows < 0 || vocabSize <= 0 || (rows > 0 && !logits))
        throw InvalidArgument("sampleRows: bad shape [" + std::to_string(rows) + ", " +
                              std::to_string(vocabSize) + "]");
    if (options.size() != 1 && options.size() != count)
        throw InvalidArgument("sampleRows: " + std::to_string(options.size()) + " option sets for " +
                              std::to_string(rows) + " rows");
    if (rngs.size() != count || tokens.size() != count || (!logprobs.empty() && logprobs.size() != count))
        throw InvalidArgument("sampleRows: rngs, tokens and logprobs must have one entry per row (" +
                              std::to_string(rows) + ")");

    const bool wantLogprob = !logprobs.empty();
    std::vector<std::exception_ptr> errors(count);
    auto runRow = [&](std::size_t r) {
        try {
            const SamplingOptions& rowOptions = options.size() == 1 ? options[0] : options[r];
            const SampleResult result = sampleRow(logits + r * static_cast<std::size_t>(vocabSize), vocabSize,
                                                  rowOptions, rngs[r], bannedIds, wantLogprob);
            tokens[r] = result.token;
            if (wantLogprob)
                logprobs[r] = result.logprob;
        } catch (...) {
            errors[r] = std::current_exception();
        }
    };

    // A row costs 0.1-0.5 ms: threads only for batches, each with at least two
    // rows. OpenMP's pool is the one the matrix products just used, so its
    // threads are awake and no spinning worker competes with a thread of ours.
    const int cores = std::max(1, omp_get_max_threads());
    const int limit = maxThreads > 0 ? std::min(maxThreads, cores) : cores;
    const int threadCount = std::max(1, std::min(limit, rows / 2));
#pragma omp parallel for num_threads(threadCount) schedule(static) if (threadCount > 1)
    for (int r = 0; r < rows; ++r)
        runRow(static_cast<std::size_t>(r));

    for (const std::exception_ptr& error : errors)  // the lowest failing row's
        if (error)
            std::rethrow_exception(error);
}

}  // namespace rrtf
