// A GPTBigCode model loaded from a Hugging Face directory onto a device and
// dtype, ready for inference: the entry point the generator and CLI use.
#pragma once

#include "model/config.h"
#include "model/gpt_bigcode.h"
#include "model/kv_cache.h"
#include "runtime/cancellation.h"

#include <filesystem>
#include <functional>
#include <utility>
#include <vector>
#include <map>
#include <memory>
#include <string>

namespace rrtf {

struct GptqSettings;

// How the linear layers hold their weights. In a quantised model the token
// embeddings and the output projection are held in int8 as well (CTranslate2's
// per-channel scheme; llama.cpp's Q4 files likewise keep the output layer wider
// than 4 bits): at a small model's size they are most of the weights.
enum class WeightPrecision {
    AsStored,  // a GPTQ folder stays quantised, a float checkpoint stays float
    Float,     // all in the compute dtype; a GPTQ folder is dequantised (full fine-tuning)
    Int8,      // float layers quantised at load: per-channel symmetric int8
    Int4,      // float layers quantised at load: round-to-nearest 4 bits, groups of 128
};

struct LoadOptions {
    at::Device device = at::kCPU;          // where the weights live and compute runs
    at::ScalarType dtype = at::kFloat;     // compute dtype: kFloat or kBFloat16 (kHalf on CUDA)
    WeightPrecision precision = WeightPrecision::AsStored;
    // Checked before the checkpoint is read and between tensors: a cancelled load
    // throws Cancelled and leaves nothing behind.
    CancellationToken cancel;
    // Called before each tensor is copied (done of total) and once at the end; may be empty.
    std::function<void(int done, int total)> onProgress;
};

// Parses "float32" | "fp32" | "bfloat16" | "bf16" | "float16" | "fp16".
at::ScalarType parseDtype(const std::string& name);
// Sets dtype and precision from a name users pick: a dtype above, or "int8" /
// "int4" (float32 compute over quantised weights).
void setPrecision(LoadOptions& options, const std::string& name);

class CausalLM {
public:
    // Reads config.json and the weights of `modelDir` (any layout readCheckpoint knows).
    static std::shared_ptr<CausalLM> load(const std::filesystem::path& modelDir, const LoadOptions& options = {});
    // Builds the model from tensors already in memory; `source` names them in errors.
    // GPTQ-quantised linears (prefix.qweight ...) need `gptq`, the folder's settings.
    static std::shared_ptr<CausalLM> fromTensors(const GPTBigCodeConfig& config,
                                                 const std::map<std::string, at::Tensor>& tensors,
                                                 const LoadOptions& options, const std::string& source,
                                                 const GptqSettings* gptq = nullptr);
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

    // Parameters under their Hugging Face names (lm_head omitted when tied), on the
    // model's device; a quantised layer's weight dequantised into the compute dtype.
    std::map<std::string, at::Tensor> stateDict() const;
    GPTBigCodeForCausalLM& module() { return m_module; }
    const GPTBigCodeForCausalLM& module() const { return m_module; }

    // The linear layers by name ("transformer.h.0.attn.c_attn", ..., "lm_head").
    std::vector<std::pair<std::string, DenseImpl*>> linearLayers() const;
    // Quantises every float linear of the blocks (not the output projection) with `quantize`.
    void quantizeLinears(const std::function<QuantizedWeight(const std::string& name, const at::Tensor& weight)>& quantize);
    // Int8 embeddings and output projection: what a quantised model holds at run time.
    void quantizeEmbeddingsAndHead();
    // "float32", "bfloat16", or the blocks' scheme: "int8", "rtn4 g128", "gptq4 g128 act-order".
    std::string precisionLabel() const;
    // Bytes the weights take in memory, quantised ones at their packed size.
    int64_t weightBytes() const;
    // Weights counted one by one (a tied embedding once), quantised or not.
    int64_t parameterCount() const;

private:
    CausalLM(const GPTBigCodeConfig& config, const LoadOptions& options);
    void validateInput(const ForwardInput& input, const KvCache* cache) const;
    std::vector<const QuantizedWeight*> quantizedWeights() const;  // each one once

    GPTBigCodeConfig m_config;
    LoadOptions m_options;
    GPTBigCodeForCausalLM m_module{nullptr};
};

}  // namespace rrtf
