// A GPTBigCode model loaded from a Hugging Face directory onto a device and
// dtype, ready for inference: the entry point the generator and CLI use.
#pragma once

#include "model/config.h"
#include "model/gpt_bigcode.h"
#include "model/kv_cache.h"
#include "runtime/cancellation.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace rrtf {

struct LoadOptions {
    at::Device device = at::kCPU;          // where the weights live and compute runs
    at::ScalarType dtype = at::kFloat;     // compute dtype: kFloat or kBFloat16 (kHalf on CUDA)
    // Checked before the checkpoint is read and between tensors: a cancelled load
    // throws Cancelled and leaves nothing behind.
    CancellationToken cancel;
    // Called before each tensor is copied (done of total) and once at the end; may be empty.
    std::function<void(int done, int total)> onProgress;
};

// Parses "float32" | "fp32" | "bfloat16" | "bf16" | "float16" | "fp16".
at::ScalarType parseDtype(const std::string& name);

class CausalLM {
public:
    // Reads config.json and the weights of `modelDir` (any layout readCheckpoint knows).
    static std::shared_ptr<CausalLM> load(const std::filesystem::path& modelDir, const LoadOptions& options = {});
    // Builds the model from tensors already in memory; `source` names them in errors.
    static std::shared_ptr<CausalLM> fromTensors(const GPTBigCodeConfig& config,
                                                 const std::map<std::string, at::Tensor>& tensors,
                                                 const LoadOptions& options, const std::string& source);
    // A model with transformers' initialisation (normal(0, 0.02), unit LayerNorms), for demos and benchmarks.
    static std::shared_ptr<CausalLM> random(const GPTBigCodeConfig& config, uint64_t seed, const LoadOptions& options = {});

    const GPTBigCodeConfig& config() const { return m_config; }
    const LoadOptions& options() const { return m_options; }
    int vocabSize() const { return m_config.vocabSize; }
    int contextLength() const { return m_config.nPositions; }

    KvCache newCache() const { return KvCache(m_config.nLayer); }
    // Logits as float32, [B, T, V] or [B, 1, V] with lastPositionOnly. Refuses
    // positions beyond the context with a clear error.
    at::Tensor forward(const ForwardInput& input, KvCache* cache = nullptr);

    // Parameters under their Hugging Face names (lm_head omitted when tied), on the model's device.
    std::map<std::string, at::Tensor> stateDict() const;
    GPTBigCodeForCausalLM& module() { return m_module; }

private:
    CausalLM(const GPTBigCodeConfig& config, const LoadOptions& options);
    void validateInput(const ForwardInput& input, const KvCache* cache) const;

    GPTBigCodeConfig m_config;
    LoadOptions m_options;
    GPTBigCodeForCausalLM m_module{nullptr};
};

}  // namespace rrtf
