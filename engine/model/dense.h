// The building blocks of GPTBigCode, registered under Hugging Face's parameter
// names so that a checkpoint maps onto them without renaming.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <ATen/core/Generator.h>

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
    at::Tensor forward(const at::Tensor& input) const
    {
        at::Tensor output = denseProduct(input, weight, bias);
        return lora_A.defined() ? output + adapterProduct(input) : output;
    }

    // Registers "lora_A" [rank, in] (uniform in +-1/sqrt(in), kaiming-uniform with
    // a = sqrt(5) as PEFT does) and "lora_B" [out, rank] = 0, in the weight's dtype and device.
    void addAdapter(int64_t rank, double scale, double dropout, at::Generator& generator);
    // Folds scale * B A into the weight and unregisters the adapter.
    void mergeAdapter();

    at::Tensor weight;
    at::Tensor bias;    // undefined when the layer has none
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

class EmbeddingImpl : public torch::nn::Module {
public:
    EmbeddingImpl(int64_t rows, int64_t size, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& ids) const { return at::embedding(weight, ids); }

    at::Tensor weight;
};
TORCH_MODULE(Embedding);

}  // namespace rrtf
