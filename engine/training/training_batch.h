// Tokenised RRTF training rows for ranked items (method.md §2.3, §7): the
// instruction in the job's prompt template (by default the paper's triple
// quotes) as the prompt, the code extracted from the answer as the response,
// EOS after it; the loss scores response tokens only.
#pragma once

#include "generation/prompt_template.h"
#include "tokenizer/tokenizer.h"
#include "training/ranking.h"
#include "training/rrtf_loss.h"

#include <ATen/ATen.h>

#include <string>
#include <vector>

namespace rrtf {

struct TrainingBatchOptions {
    // Tokens per row, prompt and response together; a longer response is cut
    // (its EOS with it). The paper does not give its training length (§1.4);
    // 2048 covers function-level answers. Keep it within the model's context.
    int64_t maxLength = 2048;
    // EOS after the code, so the model learns where an answer ends (the paper is
    // silent, method.md §2.3; RRHF appends it).
    bool appendEos = true;
    // Id written into padding. -1: the tokenizer's EOS id (0 without one), which is
    // safe because the labels and the attention mask come from the lengths, never from ids.
    int padId = -1;
    // How an instruction becomes the prompt: the paper's `"""\n{instruction}\n"""\n`
    // (Fig. 3) unless the job trains in another model's format.
    PromptTemplate promptTemplate{PromptTemplateKind::PanGu};
};

// An item left out, or a pair of one (an empty student code), and why.
struct SkippedItem {
    std::string taskId;
    std::string reason;
};

// Rows: for each item its teacher row, then its student rows, right-padded.
struct TrainingBatch {
    at::Tensor ids;            // [R, T] int64
    at::Tensor labels;         // [R, T] int64: the id on response positions, kIgnoreLabel elsewhere
    at::Tensor attentionMask;  // [R, T] int64: 1 on prompt and response tokens, 0 on padding
    std::vector<int64_t> promptTokens;    // per row
    std::vector<int64_t> responseTokens;  // per row, after truncation (= responseTokenCounts(labels))
    std::vector<bool> truncated;          // per row: the response was cut at maxLength
    std::vector<LossItem> items;          // which rows form which pairs, for rrtfLoss
    std::vector<std::string> taskIds;     // per entry of items
    std::vector<SkippedItem> skipped;

    int64_t rows() const { return ids.defined() ? ids.size(0) : 0; }
    bool empty() const { return items.empty(); }
};

// The training prompt of an instruction: `"""\n{instruction}\n"""\n` (Fig. 3),
// or the instruction in `format`.
std::string trainingPrompt(const std::string& instruction,
                           const PromptTemplate& format = PromptTemplate(PromptTemplateKind::PanGu));
// The response as trained: the code without its leading blank lines, on a line of
// its own. A prompt that does not end in a newline (raw, Alpaca's "### Response:")
// gets one as the response's first token, so the model learns to start its answer
// on a fresh line, as it is judged.
std::string trainingResponse(const std::string& prompt, const std::string& code);

// Builds the rows of every item that has pairs. Items with no pair (their
// reason is kept), and items whose prompt alone leaves no room for a response
// token within maxLength, are skipped with a reason. InvalidArgument for bad
// options (maxLength < 2, a pad id outside the vocabulary, EOS wanted from a
// tokenizer without one).
TrainingBatch buildTrainingBatch(const std::vector<RankedItem>& items, const Tokenizer& tokenizer,
                                 const TrainingBatchOptions& options = {});

}  // namespace rrtf
