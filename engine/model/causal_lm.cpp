#include "model/causal_lm.h"

#include "model/checkpoint.h"
#include "model/gptq_checkpoint.h"
#include "quantization/rounding.h"
#include "runtime/error.h"
#include "runtime/shape_text.h"
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

void setPrecision(LoadOptions& options, const std::string& name)
{
    if (name == "int8" || name == "int4") {
        options.dtype = at::kFloat;
        options.precision = name == "int8" ? WeightPrecision::Int8 : WeightPrecision::Int4;
        return;
    }
    options.dtype = parseDtype(name);
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
    std::optional<GptqSettings> gptq;
    const auto tensors = readModelTensors(modelDir, gptq);
    return fromTensors(config, tensors, options, modelDir.string(), gptq ? &*gptq : nullptr);
}

std::shared_ptr<CausalLM> CausalLM::fromTensors(const GPTBigCodeConfig& config,
                                                const std::map<std::string, at::Tensor>& tensors,
                                                const LoadOptions& options, const std::string& source,
                                                const GptqSettings* gptq)
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
    // GPTQ linears: held quantised, or dequantised into the float parameter they replace.
    std::map<std::string, at::Tensor> floatTensors = tensors;
    bool quantisedFile = false;
    for (const auto& [name, dense] : model->linearLayers()) {
        if (!hasGptqLinear(tensors, name))
            continue;
        if (!gptq)
            throw FormatError(source + ": tensor \"" + name + ".qweight\" is GPTQ-quantised, but neither "
                              "quantize_config.json nor config.json's quantization_config gives the settings");
        const QuantizedWeight weight =
            readGptqLinear(tensors, name, *gptq, dense->weight.size(1), dense->weight.size(0), source);
        for (const std::string& part : gptqTensorNames(name))
            floatTensors.erase(part);
        if (options.precision == WeightPrecision::Float)
            floatTensors[name + ".weight"] = dequantize(weight);
        else
            dense->setQuantized(weight);
        quantisedFile = true;
    }
    // A quantised model's embeddings, output projection and (int8/int4 at load) block
    // linears are quantised straight from the stored tensor, band by band: no
    // float copy of them is ever held.
    const bool quantiseAtLoad = options.precision == WeightPrecision::Int8 || options.precision == WeightPrecision::Int4;
    const bool quantisedModel = quantiseAtLoad || (quantisedFile && options.precision == WeightPrecision::AsStored);
    std::map<std::string, DenseImpl*> linearByWeight;
    for (const auto& [name, dense] : model->linearLayers())
        linearByWeight[name + ".weight"] = dense;
    auto quantiseOnLoad = [&](const std::string& name, const at::Tensor& stored) {
        if (name == "transformer.wte.weight" && quantisedModel) {
            model->m_module->transformer->wte->setQuantized(quantizeInt8PerChannel(stored));
            return true;
        }
        const auto linear = linearByWeight.find(name);
        const bool isHead = name == "lm_head.weight";
        if (linear == linearByWeight.end() || (isHead ? !quantisedModel : !quantiseAtLoad))
            return false;
        linear->second->setQuantized(isHead || options.precision == WeightPrecision::Int8
                                         ? quantizeInt8PerChannel(stored)
                                         : quantizeRoundToNearest(stored, 4, 128));
        return true;
    };
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
        auto found = floatTensors.find(name);
        if (found == floatTensors.end())
            throw FormatError(source + ": checkpoint has no tensor \"" + name + "\"");
        const at::Tensor& stored = found->second;
        if (stored.sizes() != parameter.sizes())
            throw FormatError(source + ": tensor \"" + name + "\" has shape " + shapeText(stored.sizes()) +
                              ", the config implies " + shapeText(parameter.sizes()));
        if (!at::isFloatingType(stored.scalar_type()))
            throw FormatError(source + ": tensor \"" + name + "\" is not floating point");
        if (!quantiseOnLoad(name, stored))
            parameter.copy_(stored);  // the one copy: file dtype -> compute dtype, onto the device
        used.insert(name);
    }
    for (const auto& [name, tensor] : floatTensors) {
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
    for (const auto& [name, dense] : linearLayers())
        if (dense->quantized)
            tensors.emplace(name + ".weight", dense->floatWeight());
    if (const auto& wte = m_module->transformer->wte; wte->quantized)
        tensors.emplace("transformer.wte.weight", wte->floatWeight());
    return tensors;
}

std::vector<std::pair<std::string, DenseImpl*>> CausalLM::linearLayers() const
{
    std::vector<std::pair<std::string, DenseImpl*>> layers;
    for (const auto& item : m_module->named_modules("", /*include_self=*/false))
        if (auto* dense = item.value()->as<DenseImpl>())
            layers.emplace_back(item.key(), dense);
    return layers;
}

void CausalLM::quantizeLinears(
    const std::function<QuantizedWeight(const std::string& name, const at::Tensor& weight)>& quantize)
{
    at::NoGradGuard noGrad;
    for (const auto& [name, dense] : linearLayers())
        if (name != "lm_head" && !dense->quantized)
            dense->setQuantized(quantize(name, dense->weight));
}

void CausalLM::quantizeEmbeddingsAndHead()
{
    at::NoGradGuard noGrad;
    auto& wte = m_module->transformer->wte;
    if (!wte->quantized)
        wte->setQuantized(quantizeInt8PerChannel(wte->weight));
    if (Dense head = m_module->outputLayer(); head && !head->quantized)
        head->setQuantized(quantizeInt8PerChannel(head->weight));
}

std::string CausalLM::precisionLabel() const
{
    for (const auto& [name, dense] : linearLayers())
        if (name != "lm_head" && dense->quantized)
            return dense->quantized->scheme;
    return m_options.dtype == at::kBFloat16 ? "bfloat16" : m_options.dtype == at::kHalf ? "float16" : "float32";
}

std::vector<const QuantizedWeight*> CausalLM::quantizedWeights() const
{
    std::set<const QuantizedWeight*> found;
    for (const auto& [name, dense] : linearLayers())
        if (dense->quantized)
            found.insert(dense->quantized.get());
    if (const auto& wte = m_module->transformer->wte; wte->quantized)
        found.insert(wte->quantized.get());
    return {found.begin(), found.end()};
}

int64_t CausalLM::weightBytes() const
{
    int64_t bytes = 0;
    for (const auto& item : m_module->named_parameters())
        bytes += item.value().numel() * item.value().element_size();
    for (const QuantizedWeight* weight : quantizedWeights())
        bytes += weight->storageBytes();
    return bytes;
}

int64_t CausalLM::parameterCount() const
{
    int64_t count = 0;
    for (const auto& item : m_module->named_parameters())
        count += item.value().numel();
    for (const QuantizedWeight* weight : quantizedWeights())
        count += weight->outFeatures * weight->inFeatures;
    return count;
}

}  // namespace rrtf
