#include "generation/sampler.h"

#include "generation/sampler_row.h"

#include "runtime/error.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace rrtf {
namespace {

std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t golden = 0x9e3779b97f4a7c15ULL;

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
    : key(mix64(seed ^ mix64(stream + golden))), drawIndex(counter)
{
}

std::uint64_t SequenceRng::next()
{
    // splitmix64 whose state is key + (i + 1) * golden: draw i needs no history.
    return mix64(key + (++drawIndex) * golden);
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
    auto runRange = [&](std::size_t begin, std::size_t end, std::exception_ptr& error) {
        for (std::size_t r = begin; r < end; ++r) {
            try {
                const SamplingOptions& rowOptions = options.size() == 1 ? options[0] : options[r];
                const SampleResult result = sampleRow(logits + r * static_cast<std::size_t>(vocabSize), vocabSize,
                                                      rowOptions, rngs[r], bannedIds, wantLogprob);
                tokens[r] = result.token;
                if (wantLogprob)
                    logprobs[r] = result.logprob;
            } catch (...) {
                error = std::current_exception();
                return;
            }
        }
    };

    // A row costs 0.1-0.5 ms and a thread start tens of microseconds: threads
    // only for batches, each with at least two rows.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t limit = maxThreads > 0 ? static_cast<std::size_t>(maxThreads) : cores;
    const std::size_t threadCount = std::max<std::size_t>(1, std::min(limit, count / 2));

    std::vector<std::exception_ptr> errors(threadCount);
    std::vector<std::thread> workers;
    const std::size_t chunk = (count + threadCount - 1) / threadCount;
    for (std::size_t t = 1; t < threadCount; ++t) {
        const std::size_t begin = std::min(count, t * chunk), end = std::min(count, begin + chunk);
        try {
            workers.emplace_back(runRange, begin, end, std::ref(errors[t]));
        } catch (const std::system_error&) {  // no thread to be had: do the chunk here
            runRange(begin, end, errors[t]);
        }
    }
    runRange(0, std::min(count, chunk), errors[0]);
    for (std::thread& worker : workers)
        worker.join();

    // Chunks are in row order, so the first failing chunk holds the lowest failing row.
    for (std::size_t t = 0; t < threadCount; ++t)
        if (errors[t])
            std::rethrow_exception(errors[t]);
}

}  // namespace rrtf
