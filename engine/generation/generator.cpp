#include "generation/generator.h"

#include "generation/decode_batch.h"
#include "generation/stop_sequences.h"
#include "runtime/error.h"
#include "runtime/thread_guard.h"
#include "tokenizer/tokenizer.h"

#include <ATen/Parallel.h>

#include <deque>
#include <memory>
#include <optional>

namespace rrtf {

const char* finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Length: return "length";
    case FinishReason::Eos: return "eos";
    case FinishReason::StopSequence: return "stop";
    case FinishReason::Callback: return "callback";
    case FinishReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

namespace {

// One sample being generated.
struct Sequence {
    size_t request;
    int sample;
    SequenceRng rng;
    int64_t nextInput = 0;   // the token fed at the next step
    GeneratedSample* out;    // where the result goes
    std::unique_ptr<StreamingDecoder> decoder;
    std::unique_ptr<StopSequenceMatcher> stops;
    size_t streamed = 0;     // bytes of the text already passed to the callback
    bool done = false;
};

// A request whose prompt went through the model once; its samples are admitted
// into the decode batch as slots free up, all from this one prefill.
struct Prefill {
    size_t request;
    KvCache cache;
    at::Tensor logits;  // [vocab] float, the distribution of the first new token
    int nextSample = 0;
};

}  // namespace

Generator::Generator(CausalLM& model, const Tokenizer* tokenizer) : m_model(model), m_tokenizer(tokenizer) {}

void Generator::validate(const GenerationRequest& request) const
{
    const auto& config = m_model.config();
    if (request.promptIds.empty())
        throw InvalidArgument("the prompt is empty: give at least one token");
    for (int id : request.promptIds)
        if (id < 0 || id >= config.vocabSize)
            throw InvalidArgument("prompt token id " + std::to_string(id) + " is outside the vocabulary [0, " +
                                  std::to_string(config.vocabSize) + ")");
    if (request.numSamples < 1)
        throw InvalidArgument("the number of samples must be at least 1, got " + std::to_string(request.numSamples));
    if (request.maxNewTokens < 1)
        throw InvalidArgument("max new tokens must be at least 1, got " + std::to_string(request.maxNewTokens));
    const int64_t needed = static_cast<int64_t>(request.promptIds.size()) + request.maxNewTokens;
    if (needed > config.nPositions)
        throw InvalidArgument("prompt of " + std::to_string(request.promptIds.size()) + " tokens plus " +
                              std::to_string(request.maxNewTokens) + " new tokens exceeds the model's context of " +
                              std::to_string(config.nPositions) + " positions");
    if (!request.stopSequences.empty() && !m_tokenizer)
        throw InvalidArgument("stop sequences need a tokenizer to decode the generated text");
    request.sampling.validate();
}

std::vector<GenerationResult> Generator::generate(const std::vector<GenerationRequest>& requests,
                                                  const GenerateOptions& options)
{
    requireWorkerThread("Generator::generate");
    for (const auto& request : requests)
        validate(request);
    if (options.maxBatchRows < 1)
        throw InvalidArgument("max batch rows must be at least 1");

    std::vector<GenerationResult> results(requests.size());
    for (size_t r = 0; r < requests.size(); ++r)
        results[r].samples.resize(requests[r].numSamples);

    const int eos = m_model.config().eosTokenId;
    // Adds decoded text to a sequence; a stop string cuts it and ends the sequence.
    auto appendText = [](Sequence& sequence, const std::string& piece) {
        GeneratedSample& out = *sequence.out;
        out.text += piece;
        if (sequence.stops && !sequence.done) {
            if (auto cut = sequence.stops->push(piece)) {
                out.text.resize(*cut);
                out.finish = FinishReason::StopSequence;
                sequence.done = true;
            }
        }
    };
    // Feeds one new token to a sequence: text, stop sequences, limits, callback.
    auto accept = [&](Sequence& sequence, int token) {
        const GenerationRequest& request = requests[sequence.request];
        GeneratedSample& out = *sequence.out;
        out.ids.push_back(token);
        sequence.nextInput = token;
        const bool isEos = request.stopAtEos && token == eos;
        if (sequence.decoder && !isEos)
            appendText(sequence, sequence.decoder->push(token));
        if (!sequence.done && (isEos || static_cast<int>(out.ids.size()) >= request.maxNewTokens)) {
            out.finish = isEos ? FinishReason::Eos : FinishReason::Length;
            sequence.done = true;
            if (sequence.decoder)
                appendText(sequence, sequence.decoder->finish());
        }
        // Text that may still turn out to start a stop string is held back.
        size_t releasable = out.text.size();
        if (sequence.stops && !sequence.done)
            releasable = std::min(releasable, sequence.stops->safeLength());
        std::string_view chunk;
        if (releasable > sequence.streamed) {
            chunk = std::string_view(out.text).substr(sequence.streamed, releasable - sequence.streamed);
            sequence.streamed = releasable;
        }
        if (options.onToken && !options.onToken({sequence.request, sequence.sample, token, chunk}) && !sequence.done) {
            out.finish = FinishReason::Callback;
            sequence.done = true;
        }
    };

    DecodeBatch batch(m_model);
    std::vector<Sequence> active;
    std::deque<size_t> waiting;
    for (size_t r = 0; r < requests.size(); ++r)
        waiting.push_back(r);
    std::optional<Prefill> prefill;

    // Fills free slots of the batch with samples of waiting requests.
    auto admit = [&]() {
        while (static_cast<int>(active.size()) < options.maxBatchRows && (prefill || !waiting.empty())) {
            if (options.cancel.isCancelled())
                return;
            if (!prefill) {
                const size_t r = waiting.front();
                waiting.pop_front();
                Prefill fresh{r, m_model.newCache(), {}, 0};
                ForwardInput input;
                input.ids = at::tensor(std::vector<int64_t>(requests[r].promptIds.begin(), requests[r].promptIds.end()),
                                       at::kLong).view({1, -1});
                input.lastPositionOnly = true;
                // The sampler reads host memory: logits computed on a GPU come back first.
                fresh.logits = m_model.forward(input, &fresh.cache).view({-1}).to(at::kCPU).contiguous();
                prefill = std::move(fresh);
            }
            const GenerationRequest& request = requests[prefill->request];
            const int room = options.maxBatchRows - static_cast<int>(active.size());
            const int count = std::min(room, request.numSamples - prefill->nextSample);
            int joined = 0;
            for (int i = 0; i < count; ++i) {
                const int sample = prefill->nextSample++;
                Sequence sequence{prefill->request, sample, SequenceRng(request.seed, sample), 0,
                                  &results[prefill->request].samples[sample]};
                if (m_tokenizer)
                    sequence.decoder = std::make_unique<StreamingDecoder>(*m_tokenizer, DecodeOptions{true, false});
                if (!request.stopSequences.empty())
                    sequence.stops = std::make_unique<StopSequenceMatcher>(request.stopSequences);
                const int token = sampleToken(prefill->logits.data_ptr<float>(), static_cast<int>(prefill->logits.numel()),
                                              request.sampling, sequence.rng, request.bannedIds);
                accept(sequence, token);
                if (!sequence.done) {
                    active.push_back(std::move(sequence));
                    ++joined;
                }
            }
            if (joined > 0) {
                batch.addRows(prefill->cache, static_cast<int64_t>(request.promptIds.size()), joined);
                batch.reserve(request.maxNewTokens);
            }
            if (prefill->nextSample == request.numSamples)
                prefill.reset();
        }
    };

    admit();
    while (!active.empty()) {
        if (options.cancel.isCancelled())
            break;
        std::vector<int64_t> inputs;
        for (const auto& sequence : active)
            inputs.push_back(sequence.nextInput);
        const at::Tensor logits = batch.step(m_model, inputs).to(at::kCPU).contiguous();

        // Sampling is per row and independent: rows run in parallel.
        std::vector<int> tokens(active.size());
        const int64_t vocab = logits.size(1);
        const float* base = logits.data_ptr<float>();
        at::parallel_for(0, static_cast<int64_t>(active.size()), 1, [&](int64_t begin, int64_t end) {
            for (int64_t row = begin; row < end; ++row) {
                const GenerationRequest& request = requests[active[row].request];
                tokens[row] = sampleToken(base + row * vocab, static_cast<int>(vocab), request.sampling,
                                          active[row].rng, request.bannedIds);
            }
        });

        std::vector<bool> keep(active.size());
        for (size_t row = 0; row < active.size(); ++row) {
            accept(active[row], tokens[row]);
            keep[row] = !active[row].done;
        }
        batch.keepRows(keep);
        std::erase_if(active, [](const Sequence& sequence) { return sequence.done; });
        admit();
    }

    if (options.cancel.isCancelled()) {
        for (auto& sequence : active)
            sequence.out->finish = FinishReason::Cancelled;
        // Samples never started are marked too, so callers see what is missing.
        auto markUnstarted = [&](size_t r, int from) {
            for (int s = from; s < requests[r].numSamples; ++s)
                results[r].samples[s].finish = FinishReason::Cancelled;
        };
        if (prefill)
            markUnstarted(prefill->request, prefill->nextSample);
        for (size_t r : waiting)
            markUnstarted(r, 0);
    }
    return results;
}

}  // namespace rrtf
