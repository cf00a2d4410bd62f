// LoRA (Hu et al. 2021) for the GPTBigCode linear layers: each chosen Dense gets
// a trainable low-rank update W + (alpha / r) * B A, with A ~ kaiming-uniform and
// B = 0 so training starts from the base model; the base weights are frozen.
// What makes a 15B model trainable on one workstation GPU: only A and B need
// gradients and optimiser state.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rrtf {

class CausalLM;

struct LoraOptions {
    int rank = 16;        // r
    double alpha = 32.0;  // scale alpha / r
    double dropout = 0.0; // on the adapter's input, training only
    // Which Dense layers get an adapter, by Hugging Face name suffix:
    // "attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj".
    std::vector<std::string> targets = {"attn.c_attn", "attn.c_proj"};
    uint64_t seed = 0;    // for A's initialisation, so every rank starts alike
};

// Adds adapters to `model`, freezes every other parameter (requires_grad false)
// and returns the adapter parameters under names like
// "transformer.h.0.attn.c_attn.lora_A" (and "...lora_B"). InvalidArgument for a
// target that matches no layer, a rank below 1, a dropout outside [0, 1) or a
// layer that already has an adapter; the model is unchanged then.
std::map<std::string, at::Tensor> enableLora(CausalLM& model, const LoraOptions& options);

// Folds B A into the base weights and removes the adapters (for export and
// inference). The base weights stay frozen as enableLora left them.
void mergeLora(CausalLM& model);

// Gradient checkpointing: each transformer block's activations are recomputed
// in the backward pass instead of kept, trading about a third more compute for
// memory that no longer grows with the layer count.
void setGradientCheckpointing(CausalLM& model, bool enabled);

}  // namespace rrtf
