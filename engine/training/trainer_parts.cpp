#include "training/trainer_parts.h"

#include "model/safetensors.h"
#include "runtime/error.h"
#include "training/lora.h"

namespace rrtf {

namespace fs = std::filesystem;

TrainableModel loadTrainableModel(const TrainConfig& config, at::Device device)
{
    LoadOptions options;
    options.device = device;
    options.dtype = parseDtype(config.dtype);
    // Full fine-tuning needs float weights (a GPTQ base is dequantised); LoRA trains
    // its adapters over the base as stored, quantised or not.
    options.precision = config.lora ? WeightPrecision::AsStored : WeightPrecision::Float;
    TrainableModel made;
    made.model = CausalLM::load(config.model, options);
    if (config.lora) {
        made.trainable = enableLora(*made.model, *config.lora);
        made.adaptersOnly = true;
    } else {
        for (const auto& item : made.model->module()->named_parameters())
            made.trainable.emplace(item.key(), item.value());
    }
    // Map order (by name) is the optimiser's order: stable across runs and resumes.
    const bool masters = options.dtype != at::kFloat;
    for (auto& [name, tensor] : made.trainable) {
        made.modelParameters.push_back(tensor);
        if (masters)
            tensor = tensor.detach().to(at::kFloat).clone().set_requires_grad(true);
        made.parameters.push_back(tensor);
    }
    if (config.gradientCheckpointing)
        setGradientCheckpointing(*made.model, true);
    return made;
}

void TrainableModel::gradientsToMasters()
{
    if (!hasMasterWeights())
        return;
    at::NoGradGuard noGrad;
    for (size_t i = 0; i < parameters.size(); ++i) {
        at::Tensor& modelGrad = modelParameters[i].mutable_grad();
        if (!modelGrad.defined())
            continue;
        at::Tensor& masterGrad = parameters[i].mutable_grad();
        if (masterGrad.defined())
            masterGrad.add_(modelGrad.to(at::kFloat));
        else
            masterGrad = modelGrad.to(at::kFloat);
        modelGrad = at::Tensor();
    }
}

void TrainableModel::mastersToModel()
{
    if (!hasMasterWeights())
        return;
    at::NoGradGuard noGrad;
    for (size_t i = 0; i < parameters.size(); ++i)
        modelParameters[i].copy_(parameters[i]);
}

fs::path tokenizerFile(const TrainConfig& config)
{
    if (!fs::is_directory(config.tokenizer))
        return config.tokenizer;
    for (const char* name : {"tokenizer.json", "tokenizer.model"})
        if (fs::exists(config.tokenizer / name))
            return config.tokenizer / name;
    throw FormatError(config.tokenizer.string() + ": no tokenizer.json or tokenizer.model (set \"tokenizer\" in " +
                      (config.runDir / "config.json").string() + ")");
}

std::unique_ptr<Tokenizer> loadTrainingTokenizer(const TrainConfig& config)
{
    return loadTokenizer(tokenizerFile(config));
}

void restoreWeights(const fs::path& checkpointDir, TrainableModel& trainable)
{
    bool adaptersOnly = false;
    const StateDict weights = readCheckpointWeights(checkpointDir, &adaptersOnly);
    const fs::path file = checkpointDir / (adaptersOnly ? "adapter_model.safetensors" : "model.safetensors");
    if (adaptersOnly != trainable.adaptersOnly)
        throw FormatError(file.string() + ": the checkpoint holds " +
                          (adaptersOnly ? "LoRA adapters" : "a full model") + " but the config trains " +
                          (trainable.adaptersOnly ? "LoRA adapters" : "the full model"));
    at::NoGradGuard noGrad;
    for (auto& [name, tensor] : trainable.trainable) {
        const auto found = weights.find(name);
        if (found == weights.end())
            throw FormatError(file.string() + ": missing tensor " + name);
        if (found->second.sizes() != tensor.sizes())
            throw FormatError(file.string() + ": tensor " + name + " has shape " +
                              c10::str(found->second.sizes()) + ", the model wants " + c10::str(tensor.sizes()));
        tensor.copy_(found->second);
    }
    trainable.mastersToModel();
}

void exportFinalModel(const TrainConfig& config, TrainableModel& trainable)
{
    const fs::path final = config.runDir / "final";
    const fs::path temporary = config.runDir / ".final.tmp";
    std::error_code ignored;
    fs::remove_all(temporary, ignored);
    fs::create_directories(temporary);
    if (trainable.adaptersOnly)
        mergeLora(*trainable.model);
    writeCheckpoint(temporary, trainable.model->stateDict());
    fs::copy_file(config.model / "config.json", temporary / "config.json");
    const fs::path tokenizer = tokenizerFile(config);
    fs::copy_file(tokenizer, temporary / tokenizer.filename());
    for (const auto& entry : fs::directory_iterator(temporary))
        syncPath(entry.path());
    syncPath(temporary);
    fs::remove_all(final, ignored);
    fs::rename(temporary, final);
    syncPath(config.runDir);
}

}  // namespace rrtf
