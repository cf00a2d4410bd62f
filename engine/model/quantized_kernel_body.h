// The fused quantised kernel, written once for any vector width. Each
// instruction-set file (quantized_kernel_avx2.cpp, quantized_kernel_avx512.cpp)
// includes it under its own `#pragma GCC target`, with an `Isa` struct giving
//   Vec, kVectors (vectors per 16 codes), kWidth (floats per vector),
//   kChannels (channels per block when more than two rows share it),
//   zero(), set(float), load(const float*), store(float*, Vec), fma(a, b, acc),
//   sub(a, b), mul(a, b), sum(Vec), unpack<Bits>(row, position, Vec out[kVectors]).
// Everything here has internal linkage: code built for one instruction set can
// never be picked by the linker for another.
#pragma once

#include "model/quantized_kernel.h"

namespace rrtf::quantized_kernel {
namespace {

constexpr int64_t kInputRows = 4;  // input rows sharing one unpacked weight vector

template <int Bits>
inline float codeAt(const uint8_t* row, int64_t position)
{
    if constexpr (Bits == 8)
        return row[position];
    const uint8_t byte = row[position / 16 * 8 + position % 8];
    return (position % 16) < 8 ? (byte & 15) : (byte >> 4);
}

// C output channels against R input rows starting at `r0`, one accumulator per
// pair: each unpacked weight vector serves R rows and each loaded input vector C
// channels. Per group: s·Σx·q − s·z·Σx, the first from the vector sums, the
// second from the precomputed group sums; positions outside whole runs of 16 go
// one by one.
template <typename Isa, int Bits, int C, int R>
void outputChannels(const Operands& o, int64_t channel, int64_t r0)
{
    using Vec = typename Isa::Vec;
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
        Vec acc[C][R];
        float loose[C][R] = {};
        for (int c = 0; c < C; ++c)
            for (int i = 0; i < R; ++i)
                acc[c][i] = Isa::zero();
        int64_t p = begin;
        for (; p < end && p % 16 != 0; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (; p + 16 <= end; p += 16)
            for (int c = 0; c < C; ++c) {
                Vec w[Isa::kVectors];
                Isa::template unpack<Bits>(rows[c], p, w);
                for (int v = 0; v < Isa::kVectors; ++v)
                    for (int i = 0; i < R; ++i)
                        acc[c][i] = Isa::fma(w[v], Isa::load(x[i] + p + v * Isa::kWidth), acc[c][i]);
            }
        for (; p < end; ++p)
            for (int c = 0; c < C; ++c)
                for (int i = 0; i < R; ++i) loose[c][i] += codeAt<Bits>(rows[c], p) * x[i][p];
        for (int c = 0; c < C; ++c) {
            const float scale = o.scales[(channel + c) * o.groups + g], zero = o.zeros[(channel + c) * o.groups + g];
            for (int i = 0; i < R; ++i)
                total[c][i] += scale * (Isa::sum(acc[c][i]) + loose[c][i] - zero * o.xSum[(r0 + i) * o.groups + g]);
        }
    }
    for (int c = 0; c < C; ++c) {
        const float bias = o.bias ? o.bias[channel + c] : 0.0f;
        for (int i = 0; i < R; ++i)
            o.out[(r0 + i) * o.outFeatures + channel + c] = total[c][i] + bias;
    }
}

// C channels against every input row: four rows at a time, then the rest.
template <typename Isa, int Bits, int C>
void channelBlock(const Operands& o, int64_t channel)
{
    int64_t r = 0;
    for (; r + kInputRows <= o.rows; r += kInputRows)
        outputChannels<Isa, Bits, C, kInputRows>(o, channel, r);
    switch (o.rows - r) {
    case 3: outputChannels<Isa, Bits, C, 3>(o, channel, r); break;
    case 2: outputChannels<Isa, Bits, C, 2>(o, channel, r); break;
    case 1: outputChannels<Isa, Bits, C, 1>(o, channel, r); break;
    default: break;
    }
}

// Output channels [begin, end) against every input row: a block of channels'
// codes come from memory for the first rows and from cache for the others. At
// one or two rows, four channels at a time keep enough sums in flight.
template <typename Isa, int Bits>
void channelRange(const Operands& o, int64_t begin, int64_t end)
{
    int64_t channel = begin;
    if (o.rows <= 2 || Isa::kChannels == 4)
        for (; channel + 4 <= end; channel += 4)
            channelBlock<Isa, Bits, 4>(o, channel);
    for (; channel + 2 <= end; channel += 2)
        channelBlock<Isa, Bits, 2>(o, channel);
    for (; channel < end; ++channel)
        channelBlock<Isa, Bits, 1>(o, channel);
}

template <typename Isa>
void channelRangeOfBits(const Operands& o, int bits, int64_t begin, int64_t end)
{
    if (bits == 8)
        channelRange<Isa, 8>(o, begin, end);
    else
        channelRange<Isa, 4>(o, begin, end);
}

// One output channel's float weights, in the weight's position order: one pass
// over its codes, sixteen at a time.
template <typename Isa, int Bits>
void dequantizeChannel(const Operands& o, int64_t channel, float* target)
{
    const uint8_t* row = o.codes + channel * o.rowBytes;
    for (int64_t g = 0; g < o.groups; ++g) {
        const float scale = o.scales[channel * o.groups + g], zero = o.zeros[channel * o.groups + g];
        const auto scaleVector = Isa::set(scale), zeroVector = Isa::set(zero);
        const int64_t end = o.starts[g + 1];
        int64_t p = o.starts[g];
        for (; p < end && p % 16 != 0; ++p)
            target[p] = scale * (codeAt<Bits>(row, p) - zero);
        for (; p + 16 <= end; p += 16) {
            typename Isa::Vec w[Isa::kVectors];
            Isa::template unpack<Bits>(row, p, w);
            for (int v = 0; v < Isa::kVectors; ++v)
                Isa::store(target + p + v * Isa::kWidth, Isa::mul(Isa::sub(w[v], zeroVector), scaleVector));
        }
        for (; p < end; ++p)
            target[p] = scale * (codeAt<Bits>(row, p) - zero);
    }
}

}  // namespace
}  // namespace rrtf::quantized_kernel
