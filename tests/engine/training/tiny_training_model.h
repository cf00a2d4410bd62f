// A tiny GPTBigCode and a next-token loss for the training tests (LoRA,
// checkpointing, data parallelism): small enough to train in milliseconds.
#pragma once

#include "model/causal_lm.h"

#include <ATen/CPUGeneratorImpl.h>

namespace rrtf::test {

inline GPTBigCodeConfig tinyTrainingConfig(bool multiQuery)
{
    GPTBigCodeConfig config;
    config.vocabSize = 61;
    config.nPositions = 32;
    config.nEmbd = 32;
    config.nLayer = 2;
    config.nHead = 4;
    config.multiQuery = multiQuery;
    config.tieWordEmbeddings = false;
    return config;
}

// `rows` fixed pseudo-random sequences of `length` token ids.
inline at::Tensor fixedSequences(int64_t rows, int64_t length, int vocabSize, uint64_t seed = 3)
{
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    return at::randint(vocabSize, {rows, length}, generator, at::kLong);
}

// Mean over the sequences of each sequence's mean next-token cross-entropy.
inline at::Tensor nextTokenLoss(CausalLM& model, const at::Tensor& ids)
{
    ForwardInput input;
    input.ids = ids;
    const at::Tensor logits = model.module()->forward(input, nullptr);
    const int64_t steps = ids.size(1) - 1;
    const at::Tensor predicted = logits.narrow(1, 0, steps).reshape({-1, logits.size(-1)});
    const at::Tensor perToken = at::cross_entropy_loss(predicted, ids.narrow(1, 1, steps).reshape({-1}), {},
                                                       at::Reduction::None);
    return perToken.view({ids.size(0), steps}).mean(1).mean();
}

}  // namespace rrtf::test
