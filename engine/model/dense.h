// The building blocks of GPTBigCode, registered under Hugging Face's parameter
// names so that a checkpoint maps onto them without renaming.
#pragma once

#include "model/quantized_weight.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <ATen/core/Generator.h>

#include <functional>
#include <memory>

namespace rrtf {

// y = x W^T + b. Up to 64 rows (decoding) the weight-streaming kernel of
// small_batch_product.h; else, or where it does not apply, BLAS (gemv for one
// row: an M=1 gemm reads the weights several times slower).
at::Tensor denseProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// What a linear layer and an embedding share: a weight [rows, columns] in the
// compute dtype, registered as "weight", or held quantised instead.
class WeightedModule : public torch::nn::Module {
public:
    // Holds the weight in 8 or 4 bits from now on, on the module's device: the
    // float parameter "weight" is unregistered and freed.
    void setQuantized(const QuantizedWeight& quantizedWeight);
    // The float weight, dequantised when the module is quantised.
    at::Tensor floatWeight() const;

    at::Tensor weight;  // undefined when quantised
    std::shared_ptr<const QuantizedWeight> quantized;  // null for a float module

protected:
    // Parameters start uninitialised: a checkpoint or an explicit initialiser fills
    // them, and a 15B model must not pay for a random fill it throws away.
    WeightedModule(int64_t rows, int64_t columns, const at::TensorOptions& options);

    at::ScalarType m_dtype;  // the compute dtype
};

// A linear layer ("c_attn", "c_proj", "c_fc", "lm_head"); weights [out, in].
// It may carry a LoRA adapter (training/lora.h): y += scale * (x A^T) B^T, also
// over a quantised weight.
class DenseImpl : public WeightedModule {
public:
    DenseImpl(int64_t in, int64_t out, bool withBias, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& input) const;

    // Registers "lora_A" [rank, in] (uniform in +-1/sqrt(in), kaiming-uniform with
    // a = sqrt(5) as PEFT does) and "lora_B" [out, rank] = 0, in the weight's dtype and device.
    void addAdapter(int64_t rank, double scale, double dropout, at::Generator& generator);
    // Folds scale * B A into the weight and unregisters the adapter; a quantised
    // layer becomes a float one holding the dequantised weight plus the update.
    void mergeAdapter();

    at::Tensor bias;    // undefined when the layer has none
    // Sees every input while set: how GPTQ collects a layer's calibration activations.
    std::function<void(const at::Tensor& input)> calibrationTap;
    at::Tensor lora_A;  // undefined without an adapter
    at::Tensor lora_B;
    double loraScale = 0.0;
    double loraDropout = 0.0;  // on the adapter's input, in training mode only

private:
    at::Tensor adapterProduct(const at::Tensor& input) const;
};
TORCH_MODULE(Dense);

class LayerNormImpl : public torch::nn::Module {
public:
    LayerNormImpl(int64_t size, double epsilon, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& input) const;

    at::Tensor weight;
    at::Tensor bias;
    double epsilon;
};
TORCH_MODULE(LayerNorm);

// Token or position embeddings [rows, size]; a quantised one dequantises the rows it looks up.
class EmbeddingImpl : public WeightedModule {
public:
    EmbeddingImpl(int64_t rows, int64_t size, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& ids) const;
};
TORCH_MODULE(Embedding);

}  // namespace rrtf
