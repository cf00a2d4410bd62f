#include "model/quantized_product.h"

#include "model/quantized_kernel.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <immintrin.h>

#include <algorithm>

namespace rrtf {
namespace {

using quantized_kernel::codeAt;
using quantized_kernel::Operands;

constexpr int64_t kInputRows = 4;              // input rows sharing one unpacked weight vector
constexpr int64_t kBandBytes = 16 << 20;       // float bytes of weight dequantised at a time (prefill)

bool cpuHasAvx2Fma()
{
    static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return supported;
}

__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v)
{
    __m128 sum = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_shuffle_ps(sum, sum, 1));
    return _mm_cvtss_f32(sum);
}

// Sixteen codes from the row at `position` (a multiple of 16), as two float vectors.
template <int Bits>
__attribute__((target("avx2,fma"))) inline void unpack16(const uint8_t* row, int64_t position, __m256& first,
                                                         __m256& second)
{
    if constexpr (Bits == 8) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + position));
        first = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes));
        second = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_unpackhi_epi64(bytes, bytes)));
    } else {
        const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + position / 2));
        const __m128i mask = _mm_set1_epi8(15);
        first = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(bytes, mask)));
        second = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(_mm_srli_epi16(bytes, 4), mask)));
    }
}

// C output channels against R input rows starting at `r0`, one accumulator per
// pair: each unpacked weight vector serves R rows and each loaded input vector C
// channels. Per group: s·Σx·q − s·z·Σx, the first from the vector sums, the
// second from the precomputed group sums; positions outside whole runs of 16 go
// one by one.
template <int Bits, int C, int R>
__attribute__((target("avx2,fma"))) void outputChannels(const Operands& o, int64_t channel, int64_t r0)
{
    const uint8_t* rows[C];
    for (int c = 0; c < C; ++c)
        rows[c] = o.codes + (channel + c) * o.rowBytes;
    const float* x[R];
    for (int i = 0; i < R; ++i)
        x[i] = o.x + (r0 + i) * o.in;
    float total[C][R] = {};
    for (int64_t g = 0; g < o.groups; ++g) {
        const int64_t begin = o.starts[g], end = o.starts[g + 1];
        if (begin == end)
            continue;
        __m256 acc[C][R];
        float loose[C][R] = {};
        for (int c = 0; c < C; ++c)
            for (int i = 0; i < R; ++i)
                acc[c][i] = _mm256_setzero_ps();
        int64_t p = begin;
        for (; p < end && p % 16 != 0; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (; p + 16 <= end; p += 16) {
            for (int c = 0; c < C; ++c) {
                __m256 first, second;
                unpack16<Bits>(rows[c], p, first, second);
                for (int i = 0; i < R; ++i) {
                    acc[c][i] = _mm256_fmadd_ps(first, _mm256_loadu_ps(x[i] + p), acc[c][i]);
                    acc[c][i] = _mm256_fmadd_ps(second, _mm256_loadu_ps(x[i] + p + 8), acc[c][i]);
                }
            }
        }
        for (; p < end; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (int c = 0; c < C; ++c) {
            const float scale = o.scales[(channel + c) * o.groups + g], zero = o.zeros[(channel + c) * o.groups + g];
            for (int i = 0; i < R; ++i)
                total[c][i] += scale * (horizontalSum(acc[c][i]) + loose[c][i] - zero * o.xSum[(r0 + i) * o.groups + g]);
        }
    }
    for (int c = 0; c < C; ++c) {
        const float bias = o.bias ? o.bias[channel + c] : 0.0f;
        for (int i = 0; i < R; ++i)
            o.out[(r0 + i) * o.outFeatures + channel + c] = total[c][i] + bias;
    }
}

// C channels against every input row: four rows at a time, then the rest.
template <int Bits, int C>
void channelBlock(const Operands& o, int64_t channel)
{
    int64_t r = 0;
    for (; r + kInputRows <= o.rows; r += kInputRows)
        outputChannels<Bits, C, kInputRows>(o, channel, r);
    switch (o.rows - r) {
    case 3: outputChannels<Bits, C, 3>(o, channel, r); break;
    case 2: outputChannels<Bits, C, 2>(o, channel, r); break;
    case 1: outputChannels<Bits, C, 1>(o, channel, r); break;
    default: break;
    }
}

// Output channels [begin, end) against every input row: a block of channels'
// codes come from memory for the first rows and from cache for the others. At
// one or two rows, four channels at a time keep enough sums in flight.
template <int Bits>
void channelRange(const Operands& o, int64_t begin, int64_t end)
{
    int64_t channel = begin;
    if (o.rows <= 2)
        for (; channel + 4 <= end; channel += 4)
            channelBlock<Bits, 4>(o, channel);
    for (; channel + 2 <= end; channel += 2)
        channelBlock<Bits, 2>(o, channel);
    for (; channel < end; ++channel)
        channelBlock<Bits, 1>(o, channel);
}

// One output channel's float weights, in the weight's position order: one pass
// over its codes, sixteen at a time.
__attribute__((target("avx2,fma"))) void dequantizeChannel(const QuantizedWeight& weight, int64_t channel,
                                                           float* target)
{
    const uint8_t* row = weight.codes.data_ptr<uint8_t>() + channel * weight.rowBytes();
    const int64_t groups = weight.groups();
    for (int64_t g = 0; g < groups; ++g) {
        const float scale = weight.scales.data_ptr<float>()[channel * groups + g];
        const float zero = weight.zeros.data_ptr<float>()[channel * groups + g];
        const __m256 scaleVector = _mm256_set1_ps(scale), zeroVector = _mm256_set1_ps(zero);
        const int64_t groupEnd = weight.groupStarts[g + 1];
        int64_t p = weight.groupStarts[g];
        for (; p < groupEnd && p % 16 != 0; ++p)
            target[p] = scale * ((weight.bits == 8 ? codeAt<8>(row, p) : codeAt<4>(row, p)) - zero);
        for (; p + 16 <= groupEnd; p += 16) {
            __m256 first, second;
            if (weight.bits == 8)
                unpack16<8>(row, p, first, second);
            else
                unpack16<4>(row, p, first, second);
            _mm256_storeu_ps(target + p, _mm256_mul_ps(_mm256_sub_ps(first, zeroVector), scaleVector));
            _mm256_storeu_ps(target + p + 8, _mm256_mul_ps(_mm256_sub_ps(second, zeroVector), scaleVector));
        }
        for (; p < groupEnd; ++p)
            target[p] = scale * ((weight.bits == 8 ? codeAt<8>(row, p) : codeAt<4>(row, p)) - zero);
    }
}

int64_t bandRows(const QuantizedWeight& weight)
{
    return std::max<int64_t>(1, kBandBytes / (4 * std::max<int64_t>(1, weight.inFeatures)));
}

// Above the kernel's row limit (prefill): bands of output channels dequantised
// into a float matrix product. The input's columns are put in the weight's
// position order once, so the bands never need permuting.
at::Tensor bandedProductOnCpu(const at::Tensor& x, const QuantizedWeight& weight, const at::Tensor& bias)
{
    const at::Tensor positioned = weight.order.defined() ? x.index_select(1, weight.order) : x;
    const int64_t band = bandRows(weight);
    at::Tensor out = at::empty({x.size(0), weight.outFeatures}, x.options());
    at::Tensor buffer = at::empty({std::min(band, weight.outFeatures), weight.inFeatures}, at::kFloat);
    for (int64_t begin = 0; begin < weight.outFeatures; begin += band) {
        const int64_t end = std::min(begin + band, weight.outFeatures);
        at::Tensor dense = buffer.narrow(0, 0, end - begin);
        float* target = dense.data_ptr<float>();
        at::parallel_for(begin, end, 16, [&](int64_t first, int64_t last) {
            for (int64_t channel = first; channel < last; ++channel)
                dequantizeChannel(weight, channel, target + (channel - begin) * weight.inFeatures);
        });
        at::Tensor part = at::mm(positioned, dense.t());
        if (bias.defined())
            part.add_(bias.narrow(0, begin, end - begin));
        out.narrow(1, begin, end - begin).copy_(part);
    }
    return out;
}

// Off the CPU, or a graph to record (LoRA over a quantised base): float bands
// through at::linear, which every device and autograd know.
at::Tensor bandedProduct(const at::Tensor& x, const QuantizedWeight& weight, const at::Tensor& bias)
{
    const int64_t band = bandRows(weight);
    if (band >= weight.outFeatures)
        return at::linear(x, dequantize(weight, x.scalar_type()), bias.defined() ? bias.to(x.scalar_type()) : bias);
    at::Tensor out = at::empty({x.size(0), weight.outFeatures}, x.options());
    for (int64_t begin = 0; begin < weight.outFeatures; begin += band) {
        const int64_t end = std::min(begin + band, weight.outFeatures);
        at::Tensor part = at::matmul(x, dequantize(weight, x.scalar_type(), begin, end).t());
        if (bias.defined())
            part.add_(bias.narrow(0, begin, end - begin).to(x.scalar_type()));
        out.narrow(1, begin, end - begin).copy_(part);
    }
    return out;
}

}  // namespace

bool fusedQuantizedProductApplies(const at::Tensor& input, const QuantizedWeight& weight)
{
    return cpuHasAvx2Fma() && input.is_cpu() && weight.codes.is_cpu() && input.scalar_type() == at::kFloat &&
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
    const Operands operands{weight.codes.data_ptr<uint8_t>(), weight.rowBytes(), weight.scales.data_ptr<float>(),
                            weight.zeros.data_ptr<float>(), weight.groupStarts.data(), groups, xData, sums,
                            biasFloat.defined() ? biasFloat.data_ptr<float>() : nullptr, out.data_ptr<float>(),
                            rows, weight.outFeatures, weight.inFeatures};
    // At one row the product waits on memory and the AVX2 kernel measured as fast
    // or faster; from two rows on the wider vectors' arithmetic pays (1.4-1.6x at 16).
    const bool wide = allowAvx512 && rows >= 2 && quantized_kernel::cpuHasAvx512();
    at::parallel_for(0, weight.outFeatures, 16, [&](int64_t begin, int64_t end) {
        if (wide)
            quantized_kernel::channelRangeAvx512(operands, weight.bits, begin, end);
        else if (weight.bits == 8)
            channelRange<8>(operands, begin, end);
        else
            channelRange<4>(operands, begin, end);
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
    if (fusedApplies && rows <= kQuantizedKernelMaxRows)
        return fusedQuantizedProduct(input, weight, bias);
    auto shape = input.sizes().vec();
    shape.back() = weight.outFeatures;
    const at::Tensor x = input.reshape({-1, weight.inFeatures});
    const bool floatBias = !bias.defined() || bias.scalar_type() == at::kFloat;
    const at::Tensor out = fusedApplies && floatBias ? bandedProductOnCpu(x.contiguous(), weight, bias)
                                                     : bandedProduct(x, weight, bias);
    return out.view(shape);
}

}  // namespace rrtf
