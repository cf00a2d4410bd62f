#include "training_support.h"

#include "runtime/error.h"
#include "runtime/threads.h"

#include <cstdio>

namespace rrtf::cli {

SamplingModel describeModel(const std::string& dir, AnswerRole role)
{
    const std::filesystem::path path(dir);
    for (const char* file : {"config.json", "tokenizer.json"})
        if (!std::filesystem::is_regular_file(path / file))
            throw InvalidArgument("model folder " + dir + " has no " + file);
    SamplingModel model;
    model.role = role;
    model.dir = std::filesystem::absolute(path).lexically_normal();
    // "models/wizardcoder/" names the model "wizardcoder", not "".
    model.name = (model.dir.has_filename() ? model.dir : model.dir.parent_path()).filename().string();
    model.fingerprint = checkpointFingerprint(path);
    return model;
}

LoadedModel loadModel(const SamplingModel& identity, const ModelOptions& device, bool quiet)
{
    configureComputeThreads(device.threads);
    if (!quiet)
        std::fprintf(stderr, "rrtf: loading %s (%s)\n", identity.dir.c_str(), std::string(answerRoleName(identity.role)).c_str());
    LoadedModel loaded;
    loaded.identity = identity;
    loaded.tokenizer = loadTokenizer(identity.dir / "tokenizer.json");
    loaded.lm = CausalLM::load(identity.dir, device.loadOptions());
    return loaded;
}

std::vector<PromptTemplateKind> templatesFor(const std::vector<std::string>& names, std::size_t count,
                                             const std::string& option)
{
    if (names.size() != 1 && names.size() != count)
        throw InvalidArgument(option + ": give one template for all " + std::to_string(count) +
                              " models or one per model, not " + std::to_string(names.size()));
    std::vector<PromptTemplateKind> kinds;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& name = names.size() == 1 ? names[0] : names[i];
        try {
            kinds.push_back(parsePromptTemplate(name));
        } catch (const InvalidArgument& error) {
            throw InvalidArgument(option + ": " + error.what());
        }
    }
    return kinds;
}

void addDeviceOptions(CLI::App& command, ModelOptions& options)
{
    command.add_option("--dtype", options.dtype, "Compute dtype: float32 or bfloat16")->capture_default_str();
    command.add_option("--device", options.device, "Where the models run: cpu or cuda[:N]")->capture_default_str();
    command.add_option("--threads", options.threads, "Compute threads (0 = one per core)")->capture_default_str();
}

}  // namespace rrtf::cli
