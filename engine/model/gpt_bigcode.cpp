#include "model/gpt_bigcode.h"

#include "model/block_checkpoint.h"
#include "model/quantized_product.h"

#include <ATen/core/grad_mode.h>

#include <cmath>
#include <limits>

namespace rrtf {

AttentionImpl::AttentionImpl(const GPTBigCodeConfig& config, int layerIndex, const at::TensorOptions& options)
    : m_layer(layerIndex),
      m_multiQuery(config.multiQuery),
      m_heads(config.nHead),
      m_headDim(config.headDim()),
      m_scale(config.scaleAttnWeights ? 1.0 / std::sqrt(static_cast<double>(config.headDim())) : 1.0)
{
    const int64_t embd = config.nEmbd;
    const int64_t kvWidth = 2 * static_cast<int64_t>(config.kvHeads()) * config.headDim();
    c_attn = register_module("c_attn", Dense(embd, embd + kvWidth, true, options));
    c_proj = register_module("c_proj", Dense(embd, embd, true, options));
}

at::Tensor AttentionImpl::forward(const at::Tensor& hidden, const at::Tensor& allowed, KvCache* cache)
{
    at::Tensor qkv = c_attn(hidden);
    at::Tensor context = m_multiQuery ? multiQuery(qkv, allowed, cache) : multiHead(qkv, allowed, cache);
    return c_proj(context);
}

// Masked scores get the smallest finite float, not -inf, as transformers does:
// a fully masked row (padding) becomes uniform instead of NaN. The softmax runs
// in fp32 whatever the compute dtype.
at::Tensor AttentionImpl::softmax(at::Tensor scores, const at::Tensor& allowed) const
{
    const auto dtype = scores.scalar_type();
    if (dtype != at::kFloat)
        scores = scores.to(at::kFloat);
    if (allowed.defined())
        scores.masked_fill_(allowed.logical_not(), std::numeric_limits<float>::lowest());
    at::Tensor probs = at::softmax(scores, -1);
    return dtype == at::kFloat ? probs : probs.to(dtype);
}

// One key/value head shared by all query heads. Queries of all heads are laid
// out as rows t*H + h, so one batched product covers every head.
at::Tensor AttentionImpl::multiQuery(const at::Tensor& qkv, const at::Tensor& allowed, KvCache* cache)
{
    const int64_t batch = qkv.size(0), steps = qkv.size(1), embd = m_heads * m_headDim;
    at::Tensor query = qkv.narrow(-1, 0, embd).reshape({batch, steps * m_heads, m_headDim});
    at::Tensor keyValue = qkv.narrow(-1, embd, 2 * m_headDim);
    if (cache)
        keyValue = cache->append(m_layer, keyValue);
    const int64_t seen = keyValue.size(1);
    at::Tensor key = keyValue.narrow(-1, 0, m_headDim);
    at::Tensor value = keyValue.narrow(-1, m_headDim, m_headDim);

    at::Tensor scores = at::bmm(query, key.transpose(1, 2)).mul_(m_scale);
    // [B, T*H, S] seen as [B, T, H, S]; the mask [B, T, S] broadcasts over heads.
    at::Tensor probs = softmax(scores.view({batch, steps, m_heads, seen}),
                               allowed.defined() ? allowed.unsqueeze(2) : allowed);
    return at::bmm(probs.view({batch, steps * m_heads, seen}), value).view({batch, steps, embd});
}

// Multi-head checkpoints (multi_query: false) fuse q, k, v per head:
// [q_h | k_h | v_h] for each head h, not GPT-2's [Q | K | V] blocks.
at::Tensor AttentionImpl::multiHead(const at::Tensor& qkv, const at::Tensor& allowed, KvCache* cache)
{
    const int64_t batch = qkv.size(0), steps = qkv.size(1);
    at::Tensor perHead = qkv.view({batch, steps, m_heads, 3 * m_headDim}).transpose(1, 2);
    at::Tensor query = perHead.narrow(-1, 0, m_headDim);
    at::Tensor keyValue = perHead.narrow(-1, m_headDim, 2 * m_headDim);
    if (cache)
        keyValue = cache->append(m_layer, keyValue);
    at::Tensor key = keyValue.narrow(-1, 0, m_headDim);
    at::Tensor value = keyValue.narrow(-1, m_headDim, m_headDim);

    at::Tensor scores = at::matmul(query, key.transpose(-1, -2)).mul_(m_scale);  // [B, H, T, S]
    at::Tensor probs = softmax(scores, allowed.defined() ? allowed.unsqueeze(1) : allowed);
    return at::matmul(probs, value).transpose(1, 2).reshape({batch, steps, m_heads * m_headDim});
}

MlpImpl::MlpImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options)
    : m_activation(config.activation)
{
    c_fc = register_module("c_fc", Dense(config.nEmbd, config.innerSize(), true, options));
    c_proj = register_module("c_proj", Dense(config.innerSize(), config.nEmbd, true, options));
}

at::Tensor MlpImpl::forward(const at::Tensor& hidden)
{
    at::Tensor inner = at::gelu(c_fc(hidden), m_activation == Activation::GeluTanh ? "tanh" : "none");
    return c_proj(inner);
}

BlockImpl::BlockImpl(const GPTBigCodeConfig& config, int layerIndex, const at::TensorOptions& options)
{
    ln_1 = register_module("ln_1", LayerNorm(config.nEmbd, config.layerNormEpsilon, options));
    attn = register_module("attn", Attention(config, layerIndex, options));
    ln_2 = register_module("ln_2", LayerNorm(config.nEmbd, config.layerNormEpsilon, options));
    mlp = register_module("mlp", Mlp(config, options));
}

at::Tensor BlockImpl::forward(at::Tensor hidden, const at::Tensor& allowed, KvCache* cache)
{
    hidden = hidden + attn(ln_1(hidden), allowed, cache);
    return hidden + mlp(ln_2(hidden));
}

GPTBigCodeModelImpl::GPTBigCodeModelImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options)
{
    wte = register_module("wte", Embedding(config.vocabSize, config.nEmbd, options));
    wpe = register_module("wpe", Embedding(config.nPositions, config.nEmbd, options));
    h = register_module("h", torch::nn::ModuleList());
    for (int layer = 0; layer < config.nLayer; ++layer)
        h->push_back(Block(config, layer, options));
    ln_f = register_module("ln_f", LayerNorm(config.nEmbd, config.layerNormEpsilon, options));
}

// Which key positions each query may see: causal order, and the mask's zeros
// (left padding) hidden. Undefined when everything is visible.
static at::Tensor allowedPositions(const ForwardInput& input, int64_t past)
{
    const int64_t batch = input.ids.size(0), steps = input.ids.size(1), seen = past + steps;
    at::Tensor allowed;
    if (steps > 1) {
        auto options = at::TensorOptions().dtype(at::kLong).device(input.ids.device());
        at::Tensor query = at::arange(past, seen, options).unsqueeze(1);
        at::Tensor key = at::arange(0, seen, options).unsqueeze(0);
        allowed = key.le(query).unsqueeze(0).expand({batch, steps, seen});
    }
    if (input.attentionMask.defined()) {
        at::Tensor visible = input.attentionMask.to(at::kBool).unsqueeze(1);  // [B, 1, S]
        allowed = allowed.defined() ? allowed.logical_and(visible) : visible.expand({batch, steps, seen});
    }
    return allowed;
}

at::Tensor GPTBigCodeModelImpl::forward(const ForwardInput& input, KvCache* cache)
{
    const int64_t past = cache ? cache->length() : 0;
    const int64_t steps = input.ids.size(1);
    at::Tensor positions = input.positions;
    if (!positions.defined())
        positions = at::arange(past, past + steps, input.ids.options().dtype(at::kLong)).unsqueeze(0).expand_as(input.ids);

    at::Tensor hidden = wte(input.ids) + wpe(positions);
    const at::Tensor allowed = allowedPositions(input, past);
    const bool checkpoint = m_checkpointing && !cache && at::GradMode::is_enabled();
    for (const auto& block : *h) {
        if (checkpoint)
            hidden = checkpointedBlock(std::static_pointer_cast<BlockImpl>(block), hidden, allowed);
        else
            hidden = block->as<BlockImpl>()->forward(hidden, allowed, cache);
    }
    if (cache)
        cache->commit(steps);
    if (input.lastPositionOnly)
        hidden = hidden.narrow(1, steps - 1, 1);
    return ln_f(hidden);
}

GPTBigCodeForCausalLMImpl::GPTBigCodeForCausalLMImpl(const GPTBigCodeConfig& config, const at::TensorOptions& options)
{
    transformer = register_module("transformer", GPTBigCodeModel(config, options));
    if (!config.tieWordEmbeddings)
        lm_head = register_module("lm_head", Dense(config.nEmbd, config.vocabSize, false, options));
}

const at::Tensor& GPTBigCodeForCausalLMImpl::outputWeight() const
{
    return lm_head ? lm_head->weight : transformer->wte->weight;
}

at::Tensor GPTBigCodeForCausalLMImpl::forward(const ForwardInput& input, KvCache* cache)
{
    const at::Tensor hidden = transformer(input, cache);
    if (lm_head)
        return lm_head(hidden);
    const auto& tied = transformer->wte->quantized;
    return tied ? quantizedProduct(hidden, *tied, {}) : denseProduct(hidden, outputWeight(), {});
}

Dense GPTBigCodeForCausalLMImpl::outputLayer() const
{
    return lm_head;
}

}  // namespace rrtf
