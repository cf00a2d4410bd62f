#include "model/dense.h"

#include "model/large_batch_product.h"
#include "model/quantized_product.h"
#include "model/small_batch_product.h"

#include <ATen/core/grad_mode.h>

#include <cmath>

namespace rrtf {
namespace {

// Up to this many rows the weight-streaming kernel beats BLAS (which packs the
// whole weight matrix per call); beyond it BLAS's blocking wins (prefill).
constexpr int64_t kSmallBatchMaxRows = 64;

// Training records a graph; the small-batch kernel has no backward, so then
// at::linear does the product. Inference runs under NoGradGuard and keeps the fast paths.
bool recordsGradient(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias)
{
    return at::GradMode::is_enabled() &&
           (input.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
}

}  // namespace

at::Tensor denseProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias)
{
    if (recordsGradient(input, weight, bias))
        return at::linear(input, weight, bias);
    const int64_t in = weight.size(1);
    const int64_t rows = in > 0 ? input.numel() / in : 0;
    if (rows <= kSmallBatchMaxRows && smallBatchProductApplies(input, weight, bias))
        return smallBatchProduct(input, weight, bias);
    if (input.numel() == in && input.is_cpu()) {
        at::Tensor row = input.reshape({in});
        at::Tensor out = bias.defined() ? at::addmv(bias, weight, row) : at::mv(weight, row);
        auto shape = input.sizes().vec();
        shape.back() = weight.size(0);
        return out.view(shape);
    }
    if (largeBatchProductApplies(input, weight, bias))
        return largeBatchProduct(input, weight, bias);
    return at::linear(input, weight, bias);
}

at::Tensor DenseImpl::forward(const at::Tensor& input) const
{
    if (calibrationTap)
        calibrationTap(input);
    at::Tensor output = quantized ? quantizedProduct(input, *quantized, bias) : denseProduct(input, weight, bias);
    return lora_A.defined() ? output + adapterProduct(input) : output;
}

WeightedModule::WeightedModule(int64_t rows, int64_t columns, const at::TensorOptions& options)
    : m_dtype(options.dtype().toScalarType())
{
    weight = register_parameter("weight", at::empty({rows, columns}, options));
}

void WeightedModule::setQuantized(const QuantizedWeight& quantizedWeight)
{
    const at::Device device = quantized ? quantized->scales.device() : weight.device();
    quantized = std::make_shared<const QuantizedWeight>(quantizedTo(quantizedWeight, device));
    parameters_.erase("weight");  // the float copy goes with the parameter
    weight = at::Tensor();
}

at::Tensor WeightedModule::floatWeight() const
{
    return quantized ? dequantize(*quantized, m_dtype) : weight;
}

DenseImpl::DenseImpl(int64_t in, int64_t out, bool withBias, const at::TensorOptions& options)
    : WeightedModule(out, in, options)
{
    if (withBias)
        bias = register_parameter("bias", at::empty({out}, options));
}

void DenseImpl::addAdapter(int64_t rank, double scale, double dropout, at::Generator& generator)
{
    const int64_t in = quantized ? quantized->inFeatures : weight.size(1);
    const int64_t out = quantized ? quantized->outFeatures : weight.size(0);
    const at::TensorOptions options =
        quantized ? at::TensorOptions().dtype(m_dtype).device(quantized->scales.device()) : weight.options();
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    at::Tensor a = at::empty({rank, in}, at::kFloat).uniform_(-bound, bound, generator);
    lora_A = register_parameter("lora_A", a.to(options));
    lora_B = register_parameter("lora_B", at::zeros({out, rank}, options));
    loraScale = scale;
    loraDropout = dropout;
}

void DenseImpl::mergeAdapter()
{
    if (!lora_A.defined())
        return;
    if (quantized) {
        weight = register_parameter("weight", floatWeight(), false);
        quantized.reset();
    }
    {
        at::NoGradGuard noGrad;
        // The product in float32 so a bfloat16 weight gets one rounding, not two.
        weight.add_((at::matmul(lora_B.to(at::kFloat), lora_A.to(at::kFloat)) * loraScale).to(weight.scalar_type()));
    }
    parameters_.erase("lora_A");
    parameters_.erase("lora_B");
    lora_A = at::Tensor();
    lora_B = at::Tensor();
}

at::Tensor DenseImpl::adapterProduct(const at::Tensor& input) const
{
    const at::Tensor x = loraDropout > 0.0 && is_training() ? at::dropout(input, loraDropout, true) : input;
    return at::matmul(at::matmul(x, lora_A.t()), lora_B.t()).mul(loraScale);
}

LayerNormImpl::LayerNormImpl(int64_t size, double epsilon, const at::TensorOptions& options)
    : epsilon(epsilon)
{
    weight = register_parameter("weight", at::ones({size}, options));
    bias = register_parameter("bias", at::zeros({size}, options));
}

at::Tensor LayerNormImpl::forward(const at::Tensor& input) const
{
    return at::layer_norm(input, {weight.size(0)}, weight, bias, epsilon);
}

EmbeddingImpl::EmbeddingImpl(int64_t rows, int64_t size, const at::TensorOptions& options)
    : WeightedModule(rows, size, options)
{
}

at::Tensor EmbeddingImpl::forward(const at::Tensor& ids) const
{
    if (!quantized)
        return at::embedding(weight, ids);
    auto shape = ids.sizes().vec();
    shape.push_back(quantized->inFeatures);
    return dequantizeRows(*quantized, ids.reshape({-1}), m_dtype).view(shape);
}


}  // namespace rrtf
