// The building blocks of GPTBigCode, registered under Hugging Face's parameter
// names so that a checkpoint maps onto them without renaming.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace rrtf {

// y = x W^T + b. At one row per call (batch-1 decoding) it uses a matrix-vector
// product: BLAS gemv streams the weights at memory bandwidth, while an M=1 gemm
// reads them several times slower.
at::Tensor denseProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// A linear layer ("c_attn", "c_proj", "c_fc", "lm_head"); weights [out, in].
class DenseImpl : public torch::nn::Module {
public:
    DenseImpl(int64_t in, int64_t out, bool withBias, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& input) const { return denseProduct(input, weight, bias); }

    at::Tensor weight;
    at::Tensor bias;  // undefined when the layer has none
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
