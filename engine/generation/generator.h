// Batched text generation over a CausalLM: n samples of one prompt share one
// prefill, requests of different lengths decode together (continuous batching:
// a finished row frees its slot for the next waiting one), tokens stream to a
// callback, and a CancellationToken stops the run without losing what is done.
#pragma once

#include "generation/sampler.h"
#include "model/causal_lm.h"
#include "runtime/cancellation.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

class Tokenizer;

struct GenerationRequest {
    std::vector<int> promptIds;               // must be non-empty
    int numSamples = 1;                       // sequences drawn from this prompt
    SamplingOptions sampling;                 // greedy, or temperature / top-k / top-p
    uint64_t seed = 0;                        // sample i draws from stream i of this seed
    int maxNewTokens = 128;                   // upper bound on generated tokens per sample
    std::vector<std::string> stopSequences;   // cut the text at the first one (needs a tokenizer)
    bool stopAtEos = true;                    // end a sample at the model's EOS token
    std::vector<int> bannedIds;               // never sampled (e.g. WizardCoder's [PAD])
};

enum class FinishReason { Length, Eos, StopSequence, Callback, Cancelled };
const char* finishReasonName(FinishReason reason);

struct GeneratedSample {
    std::vector<int> ids;    // every generated token, EOS included when it ended the sample
    std::string text;        // decoded generated text, cut before a stop sequence; empty without a tokenizer
    FinishReason finish = FinishReason::Length;
};

struct GenerationResult {
    std::vector<GeneratedSample> samples;  // numSamples entries, in sample order
};

struct TokenEvent {
    size_t request;          // index into the request list
    int sample;              // sample index within the request
    int token;
    std::string_view text;   // newly completed text (may be empty mid-character or after a stop)
};

struct GenerateOptions {
    // Called for every generated token, on the generating thread. Returning
    // false ends that sample (FinishReason::Callback).
    std::function<bool(const TokenEvent&)> onToken;
    CancellationToken cancel;     // checked before every decoding step
    int maxBatchRows = 64;        // sequences decoded together in one step
};

class Generator {
public:
    // `tokenizer` may be null: then samples carry ids only and stop sequences are refused.
    Generator(CausalLM& model, const Tokenizer* tokenizer = nullptr);

    std::vector<GenerationResult> generate(const std::vector<GenerationRequest>& requests,
                                           const GenerateOptions& options = {});

    // Throws InvalidArgument when a request cannot run (context overflow, bad ids, ...).
    void validate(const GenerationRequest& request) const;

private:
    CausalLM& m_model;
    const Tokenizer* m_tokenizer;
};

}  // namespace rrtf
