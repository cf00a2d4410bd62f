#include "model/causal_lm.h"

#include "model/checkpoint.h"
#include "runtime/error.h"
#include "runtime/thread_guard.h"

#include <ATen/core/grad_mode.h>

#include <set>

namespace rrtf {
namespace {

// Keys that transformers ignores: old causal-mask buffers saved by early versions.
bool isIgnoredKey(const std::string& name)
{
    auto endsWith = [&](const std::string& suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith(".attn.masked_bias") || endsWith(".attn.bias") || name == "transformer.bias";
}

std::string shapeText(at::IntArrayRef shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

}  // namespace

at::ScalarType parseDtype(const std::string& name)
{
    if (name == "float32" || name == "fp32" || name == "float")
        return at::kFloat;
    if (name == "bfloat16" || name == "bf16")
        return at::kBFloat16;
    if (name == "float16" || name == "fp16" || name == "half")
        return at::kHalf;
    throw InvalidArgument("unknown dtype \"" + name + "\" (expected float32, bfloat16 or float16)");
}

CausalLM::CausalLM(const GPTBigCodeConfig& config, const LoadOptions& options)
    : m_config(config), m_options(options)
{
    if (options.device.is_cpu() && options.dtype == at::kHalf)
        throw InvalidArgument("float16 compute is not supported on the CPU; use float32 or bfloat16");
    m_module = GPTBigCodeForCausalLM(config, at::TensorOptions().dtype(options.dtype).device(options.device));
    m_module->eval();
}

std::shared_ptr<CausalLM> CausalLM::load(const std::filesystem::path& modelDir, const LoadOptions& options)
{
    requireWorkerThread("CausalLM::load");
    const auto config = GPTBigCodeConfig::fromFile(modelDir / "config.json");
    if (options.cancel.isCancelled())
        throw Cancelled();
    const auto tensors = readCheckpoint(modelDir);
    return fromTensors(config, tensors, options, modelDir.string());
}

std::shared_ptr<CausalLM> CausalLM::fromTensors(const GPTBigCodeConfig& config,
                                                const std::map<std::string, at::Tensor>& tensors,
                                                const LoadOptions& options, const std::string& source)
{
    if (auto wte = tensors.find("transformer.wte.weight"); wte != tensors.end() && wte->second.dim() == 2 &&
                                                             wte->second.size(0) != config.vocabSize)
        throw FormatError(source + ": transformer.wte.weight has " + std::to_string(wte->second.size(0)) +
                          " rows but config.json says vocab_size " + std::to_string(config.vocabSize));

    if (options.cancel.isCancelled())
        throw Cancelled();
    std::shared_ptr<CausalLM> model(new CausalLM(config, options));
    model->m_options.onProgress = nullptr;  // the caller's, for this load only
    at::NoGradGuard noGrad;
    std::set<std::string> used;
    auto parameters = model->m_module->named_parameters();
    const int total = static_cast<int>(parameters.size());
    int done = 0;
    for (auto& item : parameters) {
        if (options.onProgress)
            options.onProgress(done, total);
        if (options.cancel.isCancelled())
            throw Cancelled();
        ++done;
        const std::string& name = item.key();
        at::Tensor& parameter = item.value();
        auto found = tensors.find(name);
        if (found == tensors.end())
            throw FormatError(source + ": checkpoint has no tensor \"" + name + "\"");
        const at::Tensor& stored = found->second;
        if (stored.sizes() != parameter.sizes())
            throw FormatError(source + ": tensor \"" + name + "\" has shape " + shapeText(stored.sizes()) +
                              ", the config implies " + shapeText(parameter.sizes()));
        if (!at::isFloatingType(stored.scalar_type()))
            throw FormatError(source + ": tensor \"" + name + "\" is not floating point");
        parameter.copy_(stored);  // the one copy: file dtype -> compute dtype, onto the device
        used.insert(name);
    }
    for (const auto& [name, tensor] : tensors) {
        if (used.count(name) || isIgnoredKey(name))
            continue;
        // A tied checkpoint may still store lm_head; transformers uses wte then.
        if (name == "lm_head.weight" && config.tieWordEmbeddings)
            continue;
        throw FormatError(source + ": unexpected tensor \"" + name + "\" " + shapeText(tensor.sizes()) +
                          " (not part of a GPTBigCode model with this config)");
    }
    if (options.onProgress)
        options.onProgress(total, total);
    return model;
}

std::shared_ptr<CausalLM> CausalLM::random(const GPTBigCodeConfig& config, uint64_t seed, const LoadOptions& options)
{
    std::shared_ptr<CausalLM> model(new CausalLM(config, options));
    at::NoGradGuard noGrad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& item : model->m_module->named_parameters()) {
        const std::string& name = item.key();
        at::Tensor& parameter = item.value();
        const bool isNorm = name.find(".ln_") != std::string::npos || name.find("ln_f") != std::string::npos;
        at::Tensor value;
        if (isNorm)
            value = name.ends_with(".weight") ? at::ones(parameter.sizes()) : at::zeros(parameter.sizes());
        else if (name.ends_with(".bias"))
            value = at::zeros(parameter.sizes());
        else
            value = at::normal(0.0, 0.02, parameter.sizes(), generator);
        parameter.copy_(value);
    }
    return model;
}

void CausalLM::validateInput(const ForwardInput& input, const KvCache* cache) const
{
    if (!input.ids.defined() || input.ids.dim() != 2 || input.ids.size(1) == 0)
        throw InvalidArgument("model input must be a non-empty [batch, tokens] tensor of ids");
    const int64_t past = cache ? cache->length() : 0;
    const int64_t end = past + input.ids.size(1);
    const int64_t lastPosition = input.positions.defined() ? input.positions.max().item<int64_t>() + 1 : end;
    if (lastPosition > m_config.nPositions || end > m_config.nPositions)
        throw InvalidArgument(std::to_string(end) + " tokens exceed the model's context of " +
                              std::to_string(m_config.nPositions) + " positions (n_positions)");
    const auto [low, high] = at::aminmax(input.ids);
    if (low.item<int64_t>() < 0 || high.item<int64_t>() >= m_config.vocabSize)
        throw InvalidArgument("token id out of range: ids must lie in [0, " + std::to_string(m_config.vocabSize) + ")");
}

at::Tensor CausalLM::forward(const ForwardInput& input, KvCache* cache)
{
    requireWorkerThread("CausalLM::forward");
    validateInput(input, cache);
    at::NoGradGuard noGrad;
    ForwardInput onDevice = input;
    onDevice.ids = input.ids.to(m_options.device, at::kLong);
    if (input.positions.defined())
        onDevice.positions = input.positions.to(m_options.device, at::kLong);
    if (input.attentionMask.defined())
        onDevice.attentionMask = input.attentionMask.to(m_options.device);
    at::Tensor logits = m_module->forward(onDevice, cache);
    return logits.scalar_type() == at::kFloat ? logits : logits.to(at::kFloat);
}

std::map<std::string, at::Tensor> CausalLM::stateDict() const
{
    std::map<std::string, at::Tensor> tensors;
    for (const auto& item : m_module->named_parameters())
        tensors.emplace(item.key(), item.value().detach());
    return tensors;
}

}  // namespace rrtf
