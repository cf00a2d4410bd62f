// Internal to the sampler: the fused pass over one row of logits.
#pragma once

#include "generation/sampler.h"

#include <span>

namespace rrtf {

// Picks a token from `logits[0, vocabSize)` as sampleToken documents;
// `banned` is sorted, unique and inside the vocabulary. Options are validated.
SampleResult sampleValidatedRow(const float* logits, int vocabSize, const SamplingOptions& options,
                                SequenceRng& rng, std::span<const int> banned, bool wantLogprob);

}  // namespace rrtf
