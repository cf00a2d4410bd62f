// The RRTF loss (method.md §1.3, §7): a score-gap-weighted hinge between the
// teacher's and the student's length-normalised log-probabilities, plus
// cross-entropy on the teacher response.
#pragma once

#include "training/sft_reduction.h"

#include <ATen/ATen.h>

#include <vector>

namespace rrtf {

// Label value of positions that are not scored (prompt and padding), as in
// transformers and RRHF.
constexpr int64_t kIgnoreLabel = -100;

// Log-probability of each labelled token. `logits` [R, T, V] (any float dtype)
// and `labels` [R, T] are aligned with the input ids: labels[r, t] is ids[r, t]
// on a response position and kIgnoreLabel elsewhere, and logits[r, t - 1]
// predicts it (the plain shift, done here; the label at t = 0 has no prediction
// and is ignored). Returns [R, T] float32 with log P(labels[r, t] | ids[r, <t]) on
// labelled positions and 0 elsewhere, differentiable w.r.t. the logits.
// Only labelled positions are normalised, in float32, `chunkRows` rows of the
// vocabulary at a time, so no full-vocabulary log_softmax copy is made.
at::Tensor tokenLogProbs(const at::Tensor& logits, const at::Tensor& labels, int64_t chunkRows = 1024);

// Scored tokens per row: labelled positions from t = 1 on, [R] int64.
at::Tensor responseTokenCounts(const at::Tensor& labels);

// p_i = (sum of row i's response-token log-probs) / (row i's own response-token
// count), [R] float32. The count is the row's, not the padded length (RRHF's bug,
// method.md §4.2). InvalidArgument for a row without response tokens.
at::Tensor sequenceScores(const at::Tensor& tokenLogProbs, const at::Tensor& labels);

// A student row paired with its item's teacher row.
struct LossPair {
    int64_t studentRow = 0;
    double rTeacher = 0.0;
    double rStudent = 0.0;
};

// One prompt of the batch: its teacher row and the student rows it is paired with.
struct LossItem {
    int64_t teacherRow = 0;
    std::vector<LossPair> pairs;
};

struct RrtfLoss {
    at::Tensor total;  // rank + sft, scalar float32, differentiable
    at::Tensor rank;   // mean over items of sum over pairs (r_tea - r_stu) * max(0, p_stu - p_tea)
    at::Tensor sft;    // mean over items of -(sum, or mean, of the teacher's response-token log-probs)
    at::Tensor scores;  // p per row [R], detached (for metrics and the viewer)
    int64_t items = 0;
    int64_t pairs = 0;          // pairs with r_tea > r_stu (the others are not in the sum)
    int64_t activePairs = 0;    // of those, pairs where p_stu > p_tea: the hinge fires
    int64_t tokens = 0;         // response tokens scored, all rows of the items
    int64_t teacherTokens = 0;  // response tokens in the fine-tuning term
};

// The loss from per-token log-probs (tokenLogProbs) and the labels they came
// from. Reduction over items (prompts) is the mean, which the paper leaves
// open: the loss scale then does not grow with the batch, as in RRHF's
// one-prompt-per-device setup. L_ft is the paper's token sum unless `sft` asks
// for RRHF's mean. InvalidArgument when there is no item, a row is out of range,
// or a scored row has no response token.
RrtfLoss rrtfLossFromLogProbs(const at::Tensor& tokenLogProbs, const at::Tensor& labels,
                              const std::vector<LossItem>& items, SftReduction sft = SftReduction::Sum);

// tokenLogProbs then rrtfLossFromLogProbs.
RrtfLoss rrtfLoss(const at::Tensor& logits, const at::Tensor& labels, const std::vector<LossItem>& items,
                  SftReduction sft = SftReduction::Sum);

}  // namespace rrtf
