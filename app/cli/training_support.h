// Shared pieces of the RRTF data commands (sample, evolve): a model loaded with
// its own tokenizer and its identity for the samples file, and per-model
// prompt templates.
#pragma once

#include "cli_support.h"

#include "generation/prompt_template.h"
#include "tokenizer/tokenizer.h"
#include "training/sampling.h"

#include <memory>
#include <string>
#include <vector>

namespace rrtf::cli {

struct LoadedModel {
    std::shared_ptr<CausalLM> lm;
    std::unique_ptr<Tokenizer> tokenizer;
    SamplingModel identity;
};

// Name, folder and fingerprint of the model in `dir`, without loading it.
// InvalidArgument naming the folder when it has no config.json or tokenizer.json.
SamplingModel describeModel(const std::string& dir, AnswerRole role);

// Loads the model in `dir` on the device and dtype of `device` (its modelDir is ignored).
LoadedModel loadModel(const SamplingModel& identity, const ModelOptions& device, bool quiet);

// `names` given once apply to all `count` models, else one per model in order.
// InvalidArgument naming `option` for another count or an unknown name.
std::vector<PromptTemplateKind> templatesFor(const std::vector<std::string>& names, std::size_t count,
                                             const std::string& option);

// --dtype, --device and --threads, for commands that name their models otherwise than --model.
void addDeviceOptions(CLI::App& command, ModelOptions& options);

}  // namespace rrtf::cli
