// GPTBigCode (StarCoder, WizardCoder, PanGu-Coder2) exactly as Hugging Face
// transformers computes it: pre-LayerNorm blocks, learned absolute positions,
// multi-query (or per-head interleaved multi-head) attention, fp32 softmax.
#pragma once

#include "model/config.h"
#include "model/dense.h"
#include "model/kv_cache.h"

#include <torch/nn/modules/container/modulelist.h>

namespace rrtf {

struct ForwardInput {
    at::Tensor ids;            // [B, T] int64
    at::Tensor positions;      // [B, T] int64; undefined: past .. past+T-1 for every row
    at::Tensor attentionMask;  // [B, past+T], 1 = attend; undefined: attend everywhere
    bool lastPositionOnly = false;  // logits only for the last position (prefill for generation)
};

class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(const GPTBigCodeConfig& config, int layerIndex, const at::TensorOptions& options);
    // `allowed` is [B, T, S] bool or undefined (everything allowed).
    at::Tensor forward(const at::Tensor& hidden, const at::Tensor& allowed, KvCache* cache);

private:
    at::Tensor multiQuery(const at::Tensor& qkv, const at::Tensor& allowed, KvCache* cache);
    at::Tensor multiHead(const at::Tensor& qkv, const at::Tensor& allowed, KvCache* cache);
    at::Tensor softmax(at::Tensor scores, const at::Tensor& allowed) const;

    Dense c_attn{nullptr};
    Dense c_proj{nullptr};
    int m_layer;
    bool m_multiQuery;
    int64_t m_heads;
    int64_t m_headDim;
    double m_scale;
};
TORCH_MODULE(Attention);

class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& hidden);

private:
    Dense c_fc{nullptr};
    Dense c_proj{nullptr};
    Activation m_activation;
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(const GPTBigCodeConfig& config, int layerIndex, const at::TensorOptions& options);
    at::Tensor forward(at::Tensor hidden, const at::Tensor& allowed, KvCache* cache);

private:
    LayerNorm ln_1{nullptr};
    Attention attn{nullptr};
    LayerNorm ln_2{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(Block);

class GPTBigCodeModelImpl : public torch::nn::Module {
public:
    GPTBigCodeModelImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options);
    // Returns the final hidden states [B, T, E] after ln_f.
    at::Tensor forward(const ForwardInput& input, KvCache* cache);
    // Recompute each block's activations in the backward (training without a cache only).
    void setGradientCheckpointing(bool enabled) { m_checkpointing = enabled; }
    bool gradientCheckpointing() const { return m_checkpointing; }
    // The blocks one at a time (layer-by-layer quantisation runs them so).
    int64_t blockCount() const { return static_cast<int64_t>(h->size()); }
    BlockImpl& block(int64_t index) { return *h[index]->as<BlockImpl>(); }

    Embedding wte{nullptr};
    Embedding wpe{nullptr};

private:
    torch::nn::ModuleList h{nullptr};
    LayerNorm ln_f{nullptr};
    bool m_checkpointing = false;
};
TORCH_MODULE(GPTBigCodeModel);

class GPTBigCodeForCausalLMImpl : public torch::nn::Module {
public:
    GPTBigCodeForCausalLMImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options);
    // Logits [B, T, V] (or [B, 1, V] with lastPositionOnly) in the compute dtype.
    at::Tensor forward(const ForwardInput& input, KvCache* cache);
    // The output projection: lm_head, or wte when the embeddings are tied
    // (undefined when that layer is quantised).
    const at::Tensor& outputWeight() const;
    // lm_head, or an empty holder when the embeddings are tied.
    Dense outputLayer() const;

    GPTBigCodeModel transformer{nullptr};

private:
    Dense lm_head{nullptr};  // absent when tied: HF ignores a stored lm_head then
};
TORCH_MODULE(GPTBigCodeForCausalLM);

}  // namespace rrtf
