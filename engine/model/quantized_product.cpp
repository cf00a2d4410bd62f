#include "model/quantized_product.h"

#include "model/quantized_kernel.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <algorithm>

namespace rrtf {

quantized_kernel::WeightOperands quantized_kernel::weightOperands(const QuantizedWeight& weight)
{
    return {weight.codes.data_ptr<uint8_t>(), weight.rowBytes(),         weight.scales.data_ptr<float>(),
            weight.zeros.data_ptr<float>(),   weight.groupStarts.data(), weight.groups(),
            weight.outFeatures,               weight.inFeatures};
}

namespace {

using quantized_kernel::Operands;
using quantized_kernel::weightOperands;

constexpr int64_t kBandBytes = 16 << 20;  // float bytes of weight dequantised at a time (prefill)

// Above the kernel's row limit (prefill), off the CPU, or with a graph to record
// (LoRA over a quantised base): bands of output channels dequantised into a float
// product, so no float copy of the whole weight is held. `inPositions`: the CPU's
// one-pass dequantisation, which leaves the columns in the weight's position
// order, so the input's columns are put in that order once instead.
at::Tensor bandedProduct(const at::Tensor& x, const QuantizedWeight& weight, const at::Tensor& bias, bool inPositions)
{
    const at::Tensor input = inPositions && weight.order.defined() ? x.index_select(1, weight.order) : x;
    const int64_t band = std::max<int64_t>(1, kBandBytes / (4 * std::max<int64_t>(1, weight.inFeatures)));
    at::Tensor out = at::empty({x.size(0), weight.outFeatures}, x.options());
    for (int64_t begin = 0; begin < weight.outFeatures; begin += band) {
        const int64_t end = std::min(begin + band, weight.outFeatures);
        at::Tensor dense;
        if (inPositions) {
            dense = at::empty({end - begin, weight.inFeatures}, at::kFloat);
            float* target = dense.data_ptr<float>();
            const Operands operands{weightOperands(weight)};
            at::parallel_for(begin, end, 16, [&](int64_t first, int64_t last) {
                for (int64_t channel = first; channel < last; ++channel)
                    quantized_kernel::dequantizeChannelAvx2(operands, weight.bits, channel,
                                                            target + (channel - begin) * weight.inFeatures);
            });
        } else {
            dense = dequantize(weight, x.scalar_type(), begin, end);
        }
        at::Tensor part = at::matmul(input, dense.t());
        if (bias.defined())
            part = part + bias.narrow(0, begin, end - begin).to(x.scalar_type());
        out.narrow(1, begin, end - begin).copy_(part);
    }
    return out;
}

}  // namespace

bool fusedQuantizedProductApplies(const at::Tensor& input, const QuantizedWeight& weight)
{
    return quantized_kernel::cpuHasAvx2Fma() && input.is_cpu() && weight.codes.is_cpu() && input.scalar_type() == at::kFloat &&
           input.size(-1) == weight.inFeatures;
}

at::Tensor fusedQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias,
                                 bool allowAvx512)
{
    at::Tensor x = input.reshape({-1, weight.inFeatures});
    if (weight.order.defined())
        x = x.index_select(1, weight.order);
    x = x.contiguous();
    const int64_t rows = x.size(0), groups = weight.groups();
    at::Tensor xSum = at::empty({rows, groups}, at::kFloat);
    const float* xData = x.data_ptr<float>();
    float* sums = xSum.data_ptr<float>();
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t g = 0; g < groups; ++g) {
            float sum = 0.0f;
            for (int64_t p = weight.groupStarts[g]; p < weight.groupStarts[g + 1]; ++p)
                sum += xData[r * weight.inFeatures + p];
            sums[r * groups + g] = sum;
        }
    at::Tensor out = at::empty({rows, weight.outFeatures}, x.options());
    const at::Tensor biasFloat = bias.defined() ? bias.to(at::kFloat).contiguous() : bias;
    Operands operands{weightOperands(weight)};
    operands.x = xData;
    operands.xSum = sums;
    operands.bias = biasFloat.defined() ? biasFloat.data_ptr<float>() : nullptr;
    operands.out = out.data_ptr<float>();
    operands.rows = rows;
    // At one row the product waits on memory and the AVX2 kernel measured as fast
    // or faster; from two rows on the wider vectors' arithmetic pays (1.4-1.6x at 16).
    const bool wide = allowAvx512 && rows >= 2 && quantized_kernel::cpuHasAvx512();
    at::parallel_for(0, weight.outFeatures, 16, [&](int64_t begin, int64_t end) {
        if (wide)
            quantized_kernel::channelRangeAvx512(operands, weight.bits, begin, end);
        else
            quantized_kernel::channelRangeAvx2(operands, weight.bits, begin, end);
    });
    auto shape = input.sizes().vec();
    shape.back() = weight.outFeatures;
    return out.view(shape);
}

at::Tensor quantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias)
{
    const int64_t rows = weight.inFeatures > 0 ? input.numel() / weight.inFeatures : 0;
    // The fused kernel has no backward: a recorded graph (LoRA over a quantised base) takes the bands.
    const bool recordsGradient = at::GradMode::is_enabled() && input.requires_grad();
    const bool fusedApplies = !recordsGradient && fusedQuantizedProductApplies(input, weight);
    if (fusedApplies && integerQuantizedProductApplies(input, weight))
        return integerQuantizedProduct(input, weight, bias);
    if (fusedApplies && rows <= kQuantizedKernelMaxRows)
        return fusedQuantizedProduct(input, weight, bias);
    auto shape = input.sizes().vec();
    shape.back() = weight.outFeatures;
    const at::Tensor x = input.reshape({-1, weight.inFeatures});
    const bool floatBias = !bias.defined() || bias.scalar_type() == at::kFloat;
    const at::Tensor out = bandedProduct(x, weight, bias, fusedApplies && floatBias);
    return out.view(shape);
}

}  // namespace rrtf
