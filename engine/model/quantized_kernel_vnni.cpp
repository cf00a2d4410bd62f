// The integer quantised kernel on AVX-512 VNNI: the input already rounded to
// int8 (quantized_integer_product.cpp), one vpdpbusd multiplies 16 channels' 4
// weight codes (unsigned) by one row's 4 input codes (signed, broadcast) and adds
// them into the channels' int32 lanes: 64 multiply-adds, four times a float
// vector's, and no horizontal sums.
//
// For that, each block of 16 output channels is first laid out lane by lane
// (a 16 x 16 transpose of 4-byte words per 64 positions, in a per-thread buffer
// that stays in cache); then every input row streams past it. Per group the
// integer sums become floats: w_scale * x_scale * (Σ q·a - zero·Σ a).
#include <immintrin.h>

#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx512vnni")

#include "model/quantized_kernel.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace rrtf::quantized_kernel {
namespace {

constexpr int kLanes = 16;       // output channels per block, one per int32 lane
constexpr int64_t kChunk = 64;   // codes per vector

// 64 codes from position `position` (a multiple of 64) as unsigned bytes. Four
// bits: the 32 bytes' low nibbles, then their high ones (the input codes are
// laid out the same way).
template <int Bits>
inline __m512i loadCodes(const uint8_t* row, int64_t position)
{
    if constexpr (Bits == 8)
        return _mm512_loadu_si512(row + position);
    const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + position / 2));
    const __m256i mask = _mm256_set1_epi8(15);
    const __m256i low = _mm256_and_si256(bytes, mask);
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), mask);
    return _mm512_inserti64x4(_mm512_castsi256_si512(low), high, 1);
}

// v[i] lane j becomes v[j] lane i (4-byte lanes): within 128-bit lanes by
// unpacking 32- then 64-bit halves, then across them by two rounds of shuffles.
inline void transpose(__m512i v[kLanes])
{
    __m512i t[kLanes], u[kLanes];
    for (int i = 0; i < 8; ++i) {
        t[2 * i] = _mm512_unpacklo_epi32(v[2 * i], v[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_epi32(v[2 * i], v[2 * i + 1]);
    }
    for (int m = 0; m < 4; ++m) {
        u[4 * m + 0] = _mm512_unpacklo_epi64(t[4 * m], t[4 * m + 2]);
        u[4 * m + 1] = _mm512_unpackhi_epi64(t[4 * m], t[4 * m + 2]);
        u[4 * m + 2] = _mm512_unpacklo_epi64(t[4 * m + 1], t[4 * m + 3]);
        u[4 * m + 3] = _mm512_unpackhi_epi64(t[4 * m + 1], t[4 * m + 3]);
    }
    // u[4m + k], 128-bit lane L: rows 4m..4m+3 at word 4L + k.
    for (int k = 0; k < 4; ++k) {
        const __m512i lowFirst = _mm512_shuffle_i32x4(u[k], u[4 + k], 0x44);
        const __m512i highFirst = _mm512_shuffle_i32x4(u[k], u[4 + k], 0xEE);
        const __m512i lowSecond = _mm512_shuffle_i32x4(u[8 + k], u[12 + k], 0x44);
        const __m512i highSecond = _mm512_shuffle_i32x4(u[8 + k], u[12 + k], 0xEE);
        v[0 + k] = _mm512_shuffle_i32x4(lowFirst, lowSecond, 0x88);
        v[4 + k] = _mm512_shuffle_i32x4(lowFirst, lowSecond, 0xDD);
        v[8 + k] = _mm512_shuffle_i32x4(highFirst, highSecond, 0x88);
        v[12 + k] = _mm512_shuffle_i32x4(highFirst, highSecond, 0xDD);
    }
}

// One block of channels laid out for the products: word w of `packed` (64
// bytes) holds, in lane j, channel j's codes at slots 4w..4w+3; scales and
// zeros as [groups][16]. A block of fewer than 16 channels repeats its last.
struct Block {
    std::vector<uint8_t> packed;
    std::vector<float> scales, zeros;
    int64_t first = 0, live = 0;
};

template <int Bits>
void layOut(const IntegerOperands& o, int64_t first, int64_t end, Block& block)
{
    block.first = first;
    block.live = std::min<int64_t>(kLanes, end - first);
    const uint8_t* codes[kLanes];
    for (int j = 0; j < kLanes; ++j) {
        const int64_t channel = first + std::min<int64_t>(j, block.live - 1);
        codes[j] = o.codes + channel * o.rowBytes;
        for (int64_t g = 0; g < o.groups; ++g) {
            block.scales[g * kLanes + j] = o.scales[channel * o.groups + g];
            block.zeros[g * kLanes + j] = o.zeros[channel * o.groups + g];
        }
    }
    for (int64_t p = 0; p < o.in; p += kChunk) {
        __m512i v[kLanes];
        for (int j = 0; j < kLanes; ++j)
            v[j] = loadCodes<Bits>(codes[j], p);
        transpose(v);
        for (int w = 0; w < kLanes; ++w)
            _mm512_storeu_si512(block.packed.data() + (p + 4 * w) * kLanes, v[w]);
    }
}

inline __m512i broadcastWord(const int8_t* at)
{
    int32_t word;
    std::memcpy(&word, at, sizeof word);
    return _mm512_set1_epi32(word);
}

// R rows from r0 against one block, written to the output (live channels and rows only).
template <int R>
void rowsAgainstBlock(const IntegerOperands& o, const Block& block, int64_t r0)
{
    const int8_t* x[R];
    for (int r = 0; r < R; ++r)
        x[r] = o.x + (r0 + r) * o.in;
    __m512 total[R];
    for (auto& t : total)
        t = _mm512_setzero_ps();
    for (int64_t g = 0; g < o.groups; ++g) {
        const int64_t begin = o.starts[g], end = o.starts[g + 1];
        __m512i acc[R];
        for (auto& a : acc)
            a = _mm512_setzero_si512();
        for (int64_t p = begin; p < end; p += 4) {
            const __m512i w = _mm512_loadu_si512(block.packed.data() + p * kLanes);
            for (int r = 0; r < R; ++r)
                acc[r] = _mm512_dpbusd_epi32(acc[r], w, broadcastWord(x[r] + p));
        }
        const __m512 scale = _mm512_loadu_ps(block.scales.data() + g * kLanes);
        const __m512 zero = _mm512_loadu_ps(block.zeros.data() + g * kLanes);
        for (int r = 0; r < R; ++r) {
            const __m512 xScale = _mm512_set1_ps(o.xScale[g * o.paddedRows + r0 + r]);
            const __m512 xSum = _mm512_set1_ps(o.xSum[g * o.paddedRows + r0 + r]);
            const __m512 centred = _mm512_fnmadd_ps(zero, xSum, _mm512_cvtepi32_ps(acc[r]));
            total[r] = _mm512_fmadd_ps(_mm512_mul_ps(scale, xScale), centred, total[r]);
        }
    }
    const __mmask16 live = static_cast<__mmask16>((1u << block.live) - 1);
    const __m512 bias = o.bias ? _mm512_maskz_loadu_ps(live, o.bias + block.first) : _mm512_setzero_ps();
    for (int r = 0; r < R && r0 + r < o.rows; ++r)
        _mm512_mask_storeu_ps(o.out + (r0 + r) * o.outFeatures + block.first, live, _mm512_add_ps(total[r], bias));
}

template <int Bits>
void blockRange(const IntegerOperands& o, int64_t firstBlock, int64_t endBlock)
{
    thread_local Block block;
    block.packed.resize(o.in * kLanes);
    block.scales.resize(o.groups * kLanes);
    block.zeros.resize(o.groups * kLanes);
    for (int64_t b = firstBlock; b < endBlock; ++b) {
        layOut<Bits>(o, b * kLanes, o.outFeatures, block);
        int64_t r0 = 0;
        for (; r0 + 8 <= o.paddedRows; r0 += 8)
            rowsAgainstBlock<8>(o, block, r0);
        if (r0 < o.paddedRows)  // rows are padded to a multiple of 4
            rowsAgainstBlock<4>(o, block, r0);
    }
}

}  // namespace

int64_t integerBlocks(int64_t outFeatures)
{
    return (outFeatures + kLanes - 1) / kLanes;
}

void blockRangeVnni(const IntegerOperands& o, int bits, int64_t firstBlock, int64_t endBlock)
{
    if (bits == 8)
        blockRange<8>(o, firstBlock, endBlock);
    else
        blockRange<4>(o, firstBlock, endBlock);
}

}  // namespace rrtf::quantized_kernel

#pragma GCC pop_options

namespace rrtf::quantized_kernel {

bool cpuHasAvx512Vnni()
{
    static const bool supported = cpuHasAvx512() && __builtin_cpu_supports("avx512vnni");
    return supported;
}

}  // namespace rrtf::quantized_kernel
