// The fused quantised product on AVX-512: the AVX2 kernel's scheme (C channels
// against R rows, one accumulator per pair, group sums for the zero point) with
// sixteen codes unpacked into one vector and one multiply-add per sixteen
// weights and row, and room in 32 registers for 4 x 4 accumulators.
#include "model/quantized_kernel.h"

#include <immintrin.h>

namespace rrtf::quantized_kernel {
namespace {

constexpr int64_t kInputRows = 4;

template <int Bits>
__attribute__((target("avx512f,avx512bw,avx512vl"))) inline __m512 unpack16(const uint8_t* row, int64_t position)
{
    if constexpr (Bits == 8)
        return _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + position))));
    const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + position / 2));
    const __m128i mask = _mm_set1_epi8(15);
    const __m128i codes = _mm_unpacklo_epi64(_mm_and_si128(bytes, mask), _mm_and_si128(_mm_srli_epi16(bytes, 4), mask));
    return _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(codes));
}

template <int Bits, int C, int R>
__attribute__((target("avx512f,avx512bw,avx512vl"))) void outputChannels(const Operands& o, int64_t channel,
                                                                            int64_t r0)
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
        __m512 acc[C][R];
        float loose[C][R] = {};
        for (int c = 0; c < C; ++c)
            for (int i = 0; i < R; ++i)
                acc[c][i] = _mm512_setzero_ps();
        int64_t p = begin;
        for (; p < end && p % 16 != 0; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (; p + 16 <= end; p += 16)
            for (int c = 0; c < C; ++c) {
                const __m512 w = unpack16<Bits>(rows[c], p);
                for (int i = 0; i < R; ++i)
                    acc[c][i] = _mm512_fmadd_ps(w, _mm512_loadu_ps(x[i] + p), acc[c][i]);
            }
        for (; p < end; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (int c = 0; c < C; ++c) {
            const float scale = o.scales[(channel + c) * o.groups + g], zero = o.zeros[(channel + c) * o.groups + g];
            for (int i = 0; i < R; ++i)
                total[c][i] += scale * (_mm512_reduce_add_ps(acc[c][i]) + loose[c][i] -
                                        zero * o.xSum[(r0 + i) * o.groups + g]);
        }
    }
    for (int c = 0; c < C; ++c) {
        const float bias = o.bias ? o.bias[channel + c] : 0.0f;
        for (int i = 0; i < R; ++i)
            o.out[(r0 + i) * o.outFeatures + channel + c] = total[c][i] + bias;
    }
}

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

template <int Bits>
void channelRange(const Operands& o, int64_t begin, int64_t end)
{
    int64_t channel = begin;
    for (; channel + 4 <= end; channel += 4)
        channelBlock<Bits, 4>(o, channel);
    for (; channel < end; ++channel)
        channelBlock<Bits, 1>(o, channel);
}

}  // namespace

bool cpuHasAvx512()
{
    static const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                                  __builtin_cpu_supports("avx512vl");
    return supported;
}

void channelRangeAvx512(const Operands& o, int bits, int64_t begin, int64_t end)
{
    if (bits == 8)
        channelRange<8>(o, begin, end);
    else
        channelRange<4>(o, begin, end);
}

}  // namespace rrtf::quantized_kernel
