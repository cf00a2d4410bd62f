// RRTF step 1 (method.md §1.1): answers sampled from a model, student or
// teacher, for training records. Each record is one generation request whose k
// samples share one prefill; its seed is drawn from the run's seed, the task id
// and the model, so a record's answers are the same whichever records share its
// batch and whether or not the run was resumed.
#pragma once

#include "generation/generator.h"
#include "generation/prompt_template.h"
#include "model/causal_lm.h"
#include "training/answer_samples.h"
#include "training/training_records.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

class Tokenizer;

// Who writes the answers, as the samples file records it.
struct SamplingModel {
    AnswerRole role = AnswerRole::Student;
    std::string name;         // e.g. the model folder's name
    std::filesystem::path dir;
    std::string fingerprint;  // checkpointFingerprint(dir), or "" when not computed
};

// The paper gives no counts, temperatures or top_p for sampling (method.md §1.1,
// [NOT FOUND]); the defaults follow its evaluation settings (§2.5).
struct RecordSamplingOptions {
    PromptTemplateKind promptTemplate = PromptTemplateKind::PanGu;  // the student's training format (Fig. 3)
    int samplesPerRecord = 4;   // k answers per record and model
    double temperature = 0.8;   // "various temperatures": each model has its own; 0 = greedy
    double topP = 0.95;         // the paper's evaluation top_p (double: written to the file as given)
    std::uint64_t seed = 1;     // the run's seed; each request's is derived (requestSeed)
    int maxNewTokens = 512;     // the paper's max_new_tokens for evaluation (Table 4)
    std::vector<std::string> stopSequences;  // none: answers end at EOS or the length
};

// splitmix64 over the run's seed and an FNV-1a hash of the task id and model key.
std::uint64_t requestSeed(std::uint64_t runSeed, std::string_view taskId, std::string_view modelKey);

// Ids a sample must never contain: a [PAD] row distinct from EOS (WizardCoder),
// and rows of the embedding beyond the tokenizer's vocabulary.
std::vector<int> bannedTokenIds(const CausalLM& model, const Tokenizer& tokenizer);

// A cheap identity of the checkpoint in `dir`: FNV-1a 64 (hex) over config.json
// and, for each weight file, its name, size, first and last MiB. Reading whole
// 30 GB checkpoints would take minutes; the ends hold the header and the last
// tensor, which differ between any two trained checkpoints. "" when `dir` has
// no config.json.
std::string checkpointFingerprint(const std::filesystem::path& dir);

// The request for one record. InvalidArgument for bad sampling options.
GenerationRequest recordRequest(const TrainingRecord& record, const SamplingModel& model, const CausalLM& lm,
                                const Tokenizer& tokenizer, const RecordSamplingOptions& options);

// The provenance of a record's group before its answers are filled in.
SampleGroup emptySampleGroup(const TrainingRecord& record, const SamplingModel& model,
                             const RecordSamplingOptions& options);

// Samples answers for `records` with one model in one generator call
// (continuous batching across the records). Returns the groups whose samples
// all finished, in record order: after a cancellation the unfinished ones are
// left out, to be sampled again by a resumed run.
std::vector<SampleGroup> sampleRecords(Generator& generator, const CausalLM& lm, const Tokenizer& tokenizer,
                                       std::span<const TrainingRecord> records, const SamplingModel& model,
                                       const RecordSamplingOptions& options, const GenerateOptions& generateOptions = {});

}  // namespace rrtf
