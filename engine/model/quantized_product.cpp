#include "model/quantized_product.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <immintrin.h>

#include <algorithm>

namespace rrtf {
namespace {

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

struct Operands {
    const uint8_t* codes;   // [out, rowBytes]
    int64_t rowBytes;
    const float* scales;    // [out, groups]
    const float* zeros;     // [out, groups]
    const int64_t* starts;  // [groups + 1]
    int64_t groups;
    const float* x;         // [rows, in], positions in the weight's order
    const float* xSum;      // [rows, groups]: each group's sum of x
    const float* bias;      // [out] or null
    float* out;             // [rows, out]
    int64_t rows, outFeatures, in;
};

template <int Bits>
inline float codeAt(const uint8_t* row, int64_t position)
{
    if constexpr (Bits == 8)
        return row[position];
    const uint8_t byte = row[position / 16 * 8 + position % 8];
    return (position % 16) < 8 ? (byte & 15) : (byte >> 4);
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

// One output channel against R input rows starting at `r0`. Per group:
// s·Σx·q − s·z·Σx, the first in vector registers, the second from the
// precomputed group sums; positions outside whole runs of 16 go one by one.
template <int Bits, int R>
__attribute__((target("avx2,fma"))) void outputChannel(const Operands& o, int64_t channel, int64_t r0)
{
    const uint8_t* row = o.codes + channel * o.rowBytes;
    const float* x[R];
    for (int i = 0; i < R; ++i)
        x[i] = o.x + (r0 + i) * o.in;
    __m256 total[R];
    float extra[R];
    for (int i = 0; i < R; ++i)
        total[i] = _mm256_setzero_ps(), extra[i] = 0.0f;
    for (int64_t g = 0; g < o.groups; ++g) {
        const int64_t begin = o.starts[g], end = o.starts[g + 1];
        if (begin == end)
            continue;
        __m256 even[R], odd[R];
        float loose[R];
        for (int i = 0; i < R; ++i)
            even[i] = odd[i] = _mm256_setzero_ps(), loose[i] = 0.0f;
        int64_t p = begin;
        for (; p < end && p % 16 != 0; ++p)
            for (int i = 0; i < R; ++i) loose[i] += codeAt<Bits>(row, p) * x[i][p];
        for (; p + 16 <= end; p += 16) {
            __m256 first, second;
            unpack16<Bits>(row, p, first, second);
            for (int i = 0; i < R; ++i) {
                even[i] = _mm256_fmadd_ps(first, _mm256_loadu_ps(x[i] + p), even[i]);
                odd[i] = _mm256_fmadd_ps(second, _mm256_loadu_ps(x[i] + p + 8), odd[i]);
            }
        }
        for (; p < end; ++p)
            for (int i = 0; i < R; ++i) loose[i] += codeAt<Bits>(row, p) * x[i][p];
        const float scale = o.scales[channel * o.groups + g], zero = o.zeros[channel * o.groups + g];
        const __m256 scaleVector = _mm256_set1_ps(scale);
        for (int i = 0; i < R; ++i) {
            total[i] = _mm256_fmadd_ps(scaleVector, _mm256_add_ps(even[i], odd[i]), total[i]);
            extra[i] += scale * (loose[i] - zero * o.xSum[(r0 + i) * o.groups + g]);
        }
    }
    const float bias = o.bias ? o.bias[channel] : 0.0f;
    for (int i = 0; i < R; ++i)
        o.out[(r0 + i) * o.outFeatures + channel] = horizontalSum(total[i]) + extra[i] + bias;
}

// Output channels [begin, end) against every input row: a channel's codes come
// from memory for the first group of rows and from cache for the others.
template <int Bits>
void channelRange(const Operands& o, int64_t begin, int64_t end)
{
    for (int64_t channel = begin; channel < end; ++channel) {
        int64_t r = 0;
        for (; r + kInputRows <= o.rows; r += kInputRows)
            outputChannel<Bits, kInputRows>(o, channel, r);
        switch (o.rows - r) {
        case 3: outputChannel<Bits, 3>(o, channel, r); break;
        case 2: outputChannel<Bits, 2>(o, channel, r); break;
        case 1: outputChannel<Bits, 1>(o, channel, r); break;
        default: break;
        }
    }
}

// Output channels [begin, end) as float32 [end - begin, in] in the input
// channels' own order: one pass over the codes (the generic dequantize makes several).
at::Tensor dequantizeOnCpu(const QuantizedWeight& weight, int64_t begin, int64_t end)
{
    at::Tensor out = at::empty({end - begin, weight.inFeatures}, at::kFloat);
    const uint8_t* codes = weight.codes.data_ptr<uint8_t>();
    const float* scales = weight.scales.data_ptr<float>();
    const float* zeros = weight.zeros.data_ptr<float>();
    const int64_t* order = weight.order.defined() ? weight.order.data_ptr<int64_t>() : nullptr;
    float* data = out.data_ptr<float>();
    const int64_t in = weight.inFeatures, groups = weight.groups();
    at::parallel_for(begin, end, 16, [&](int64_t first, int64_t last) {
        for (int64_t channel = first; channel < last; ++channel) {
            const uint8_t* row = codes + channel * weight.rowBytes();
            float* target = data + (channel - begin) * in;
            for (int64_t g = 0; g < groups; ++g) {
                const float scale = scales[channel * groups + g], zero = zeros[channel * groups + g];
                for (int64_t p = weight.groupStarts[g]; p < weight.groupStarts[g + 1]; ++p) {
                    const float value = scale * ((weight.bits == 8 ? codeAt<8>(row, p) : codeAt<4>(row, p)) - zero);
                    target[order ? order[p] : p] = value;
                }
            }
        }
    });
    return out;
}

at::Tensor dequantizeBand(const QuantizedWeight& weight, at::ScalarType dtype, int64_t begin, int64_t end)
{
    if (weight.codes.is_cpu())
        return dtype == at::kFloat ? dequantizeOnCpu(weight, begin, end) : dequantizeOnCpu(weight, begin, end).to(dtype);
    return dequantize(weight, dtype, begin, end);
}

// Above the kernel's row limit, or off the CPU: float bands of the weight into at::linear.
at::Tensor bandedProduct(const at::Tensor& x, const QuantizedWeight& weight, const at::Tensor& bias)
{
    const int64_t band = std::max<int64_t>(1, kBandBytes / (4 * std::max<int64_t>(1, weight.inFeatures)));
    if (band >= weight.outFeatures)
        return at::linear(x, dequantizeBand(weight, x.scalar_type(), 0, weight.outFeatures),
                          bias.defined() ? bias.to(x.scalar_type()) : bias);
    at::Tensor out = at::empty({x.size(0), weight.outFeatures}, x.options());
    for (int64_t begin = 0; begin < weight.outFeatures; begin += band) {
        const int64_t end = std::min(begin + band, weight.outFeatures);
        at::Tensor part = at::matmul(x, dequantizeBand(weight, x.scalar_type(), begin, end).t());
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

at::Tensor fusedQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias)
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
    at::parallel_for(0, weight.outFeatures, 16, [&](int64_t begin, int64_t end) {
        if (weight.bits == 8)
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
    if (!recordsGradient && rows <= kQuantizedKernelMaxRows && fusedQuantizedProductApplies(input, weight))
        return fusedQuantizedProduct(input, weight, bias);
    auto shape = input.sizes().vec();
    shape.back() = weight.outFeatures;
    return bandedProduct(input.reshape({-1, weight.inFeatures}), weight, bias).view(shape);
}

}  // namespace rrtf
