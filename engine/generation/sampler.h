// The fused sampler: picks the next token from one row of logits on the CPU,
// with the Hugging Face warper semantics (temperature, top-k, top-p, min-p) but
// without a softmax or sort over the whole vocabulary.
#pragma once

#include <cstdint>
#include <span>

namespace rrtf {

struct SamplingOptions {
    bool greedy = false;       // argmax (ties to the lowest id); the other fields are ignored
    float temperature = 1.0f;  // > 0; logits are divided by it before everything else
    int topK = 0;              // 0 = off; keep the k highest logits (and any tied with the k-th, as HF)
    float topP = 1.0f;         // (0, 1]; 1 = off; nucleus: keep tokens whose probability mass
                               // *before* them (descending order) is < topP
    float minP = 0.0f;         // [0, 1]; 0 = off; keep tokens with p >= minP * p(most likely)

    void validate() const;  // throws InvalidArgument naming the option and value
};

// Counter-based splitmix64: draw i of a sequence is a pure function of
// (seed, stream, i), so a sample does not depend on which other sequences
// shared its batch, and a generation resumes exactly from (seed, stream, counter).
class SequenceRng {
public:
    SequenceRng(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter = 0);

    std::uint64_t next();  // 64 random bits
    double uniform();      // [0, 1), 53 bits
    std::uint64_t counter() const { return drawIndex; }  // draws taken so far

private:
    std::uint64_t key;
    std::uint64_t drawIndex;
};

struct SampleResult {
    int token = 0;
    // log p(token) under softmax(logits / T) over every allowed token, before
    // top-k / top-p / min-p truncation (T = 1 when greedy).
    float logprob = 0.0f;
};

// Picks one token from `logits[0, vocabSize)`. NaN logits count as -inf; when
// some logits are +inf they share all the probability. Ids in `bannedIds` are
// never returned (ids outside the vocabulary are ignored). A sampled row takes
// exactly one draw from `rng`, a greedy row none. Throws InvalidArgument for bad
// options, or when no token can be drawn (every logit NaN, -inf or banned).
int sampleToken(const float* logits, int vocabSize, const SamplingOptions& options, SequenceRng& rng,
                std::span<const int> bannedIds = {});

// As sampleToken, also returning the token's log-probability (costs one more
// exp pass over the row when greedy; free otherwise).
SampleResult sampleTokenWithLogprob(const float* logits, int vocabSize, const SamplingOptions& options,
                                    SequenceRng& rng, std::span<const int> bannedIds = {});

// Samples `rows` rows of a row-major [rows, vocabSize] buffer: row r uses
// options[r] (or options[0] when one is given) and rngs[r], writes tokens[r] and,
// when `logprobs` is not empty, logprobs[r]. Rows run on up to `maxThreads`
// threads (0 = one per core) when there are enough of them to pay for the
// threads; the result does not depend on the thread count. The lowest failing
// row's exception is rethrown.
void sampleRows(const float* logits, int rows, int vocabSize, std::span<const SamplingOptions> options,
                std::span<SequenceRng> rngs, std::span<int> tokens, std::span<float> logprobs = {},
                std::span<const int> bannedIds = {}, int maxThreads = 0);

}  // namespace rrtf
