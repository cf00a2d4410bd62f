// The fused quantised kernel on AVX2/FMA: sixteen codes unpacked into two
// 8-float vectors; two channels per block at three rows or more (sixteen
// 256-bit registers hold 2 x 4 accumulators and their operands).
#include <immintrin.h>

#pragma GCC push_options
#pragma GCC target("avx2,fma")

#include "model/quantized_kernel_body.h"

namespace rrtf::quantized_kernel {
namespace {

struct Avx2 {
    using Vec = __m256;
    static constexpr int kVectors = 2, kWidth = 8, kChannels = 2;
    static Vec zero() { return _mm256_setzero_ps(); }
    static Vec set(float value) { return _mm256_set1_ps(value); }
    static Vec load(const float* at) { return _mm256_loadu_ps(at); }
    static void store(float* at, Vec v) { _mm256_storeu_ps(at, v); }
    static Vec fma(Vec a, Vec b, Vec acc) { return _mm256_fmadd_ps(a, b, acc); }
    static Vec sub(Vec a, Vec b) { return _mm256_sub_ps(a, b); }
    static Vec mul(Vec a, Vec b) { return _mm256_mul_ps(a, b); }
    static float sum(Vec v)
    {
        __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        half = _mm_add_ps(half, _mm_movehl_ps(half, half));
        half = _mm_add_ss(half, _mm_shuffle_ps(half, half, 1));
        return _mm_cvtss_f32(half);
    }
    template <int Bits>
    static void unpack(const uint8_t* row, int64_t position, Vec out[kVectors])
    {
        if constexpr (Bits == 8) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + position));
            out[0] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes));
            out[1] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_unpackhi_epi64(bytes, bytes)));
        } else {
            const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + position / 2));
            const __m128i mask = _mm_set1_epi8(15);
            out[0] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(bytes, mask)));
            out[1] = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(_mm_srli_epi16(bytes, 4), mask)));
        }
    }
};

}  // namespace

void channelRangeAvx2(const Operands& o, int bits, int64_t begin, int64_t end)
{
    channelRangeOfBits<Avx2>(o, bits, begin, end);
}

void dequantizeChannelAvx2(const Operands& o, int bits, int64_t channel, float* target)
{
    if (bits == 8)
        dequantizeChannel<Avx2, 8>(o, channel, target);
    else
        dequantizeChannel<Avx2, 4>(o, channel, target);
}

}  // namespace rrtf::quantized_kernel

#pragma GCC pop_options

namespace rrtf::quantized_kernel {

bool cpuHasAvx2Fma()
{
    static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return supported;
}

}  // namespace rrtf::quantized_kernel
