// How the RRTF loss adds up the fine-tuning term (rrtf_loss.h), a setting of
// its own so that a job's config can name it without the tensor headers.
#pragma once

namespace rrtf {

// How the fine-tuning term adds up the teacher's token log-probs.
enum class SftReduction {
    Sum,   // the paper's formula: -sum_t log P(y_tea,t); long answers weigh more
    Mean,  // RRHF's code (sft_loss: -logit_label.mean()): the per-token mean, on the
           // same scale as the length-normalised scores the ranking term compares
};

}  // namespace rrtf
