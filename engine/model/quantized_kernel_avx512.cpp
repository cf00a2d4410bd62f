// The fused quantised kernel on AVX-512: sixteen codes unpacked into one
// vector, one multiply-add per sixteen weights and row, and room in 32
// registers for four channels x four rows of accumulators.
#include <immintrin.h>

#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,fma")

#include "model/quantized_kernel_body.h"

namespace rrtf::quantized_kernel {
namespace {

struct Avx512 {
    using Vec = __m512;
    static constexpr int kVectors = 1, kWidth = 16, kChannels = 4;
    static Vec zero() { return _mm512_setzero_ps(); }
    static Vec set(float value) { return _mm512_set1_ps(value); }
    static Vec load(const float* at) { return _mm512_loadu_ps(at); }
    static void store(float* at, Vec v) { _mm512_storeu_ps(at, v); }
    static Vec fma(Vec a, Vec b, Vec acc) { return _mm512_fmadd_ps(a, b, acc); }
    static Vec sub(Vec a, Vec b) { return _mm512_sub_ps(a, b); }
    static Vec mul(Vec a, Vec b) { return _mm512_mul_ps(a, b); }
    static float sum(Vec v) { return _mm512_reduce_add_ps(v); }
    template <int Bits>
    static void unpack(const uint8_t* row, int64_t position, Vec out[kVectors])
    {
        if constexpr (Bits == 8) {
            out[0] = _mm512_cvtepi32_ps(
                _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + position))));
        } else {
            const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + position / 2));
            const __m128i mask = _mm_set1_epi8(15);
            const __m128i codes =
                _mm_unpacklo_epi64(_mm_and_si128(bytes, mask), _mm_and_si128(_mm_srli_epi16(bytes, 4), mask));
            out[0] = _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(codes));
        }
    }
};

}  // namespace

void channelRangeAvx512(const Operands& o, int bits, int64_t begin, int64_t end)
{
    channelRangeOfBits<Avx512>(o, bits, begin, end);
}

}  // namespace rrtf::quantized_kernel

#pragma GCC pop_options

namespace rrtf::quantized_kernel {

bool cpuHasAvx512()
{
    static const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                                  __builtin_cpu_supports("avx512vl");
    return supported;
}

}  // namespace rrtf::quantized_kernel
