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

// y = x W^T + b. At one row per call (batch-1 decoding) it uses a matrix-vector
// product: BLAS gemv streams the weights at memory bandwidth, while an M=1 gemm
// reads them several times slower.
at::Tensor denseProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// A linear layer ("c_attn", "c_proj", "c_fc", "lm_head"); weights [out, in].
// It may carry a LoRA adapter (training/lora.h): y += scale * (x A^T) B^T.
class DenseImpl : public torch::nn::Module {
public:
    DenseImpl(int64_t in, int64_t out, bool withBias, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& input) const;

    // Holds the weight in 8 or 4 bits from now on: the float parameter "weight"
    // is unregistered and freed. A LoRA adapter still trains on top.
    void setQuantized(std::shared_ptr<const QuantizedWeight> quantizedWeight);
    // The float weight, dequantised when the layer is quantised.
    at::Tensor floatWeight() const;

    // Registers "lora_A" [rank, in] (uniform in +-1/sqrt(in), kaiming-uniform with
    // a = sqrt(5) as PEFT does) and "lora_B" [out, rank] = 0, in the weight's dtype and device.
    void addAdapter(int64_t rank, double scale, double dropout, at::Generator& generator);
    // Folds scale * B A into the weight and unregisters the adapter; a quantised
    // layer becomes a float one holding the dequantised weight plus the update.
    void mergeAdapter();

    at::Tensor weight;  // undefined when quantised
    at::Tensor bias;    // undefined when the layer has none
    std::shared_ptr<const QuantizedWeight> quantized;  // null for a float layer
    // Sees every input while set: how GPTQ collects a layer's calibration activations.
    std::function<void(const at::Tensor& input)> calibrationTap;
    at::Tensor lora_A;  // undefined without an adapter
    at::Tensor lora_B;
    double loraScale = 0.0;
    double loraDropout = 0.0;  // on the adapter's input, in training mode only

private:
    at::Tensor adapterProduct(const at::Tensor& input) const;
    at::ScalarType m_dtype;  // the compute dtype
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

class EmbeddingImpl : public torch::nn::Module {
public:
    EmbeddingImpl(int64_t rows, int64_t size, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& ids) const;

    // Looks rows up in 8 or 4 bits from now on (the float "weight" is unregistered).
    void setQuantized(std::shared_ptr<const QuantizedWeight> quantizedWeight);
    at::Tensor floatWeight() const;

    at::Tensor weight;  // undefined when quantised
    std::shared_ptr<const QuantizedWeight> quantized;

private:
    at::ScalarType m_dtype;  // the compute dtype
};
TORCH_MODULE(Embedding);

}  // namespace rrtf
