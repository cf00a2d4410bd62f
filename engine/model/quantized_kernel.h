// The fused quantised kernels' shared pieces (used by quantized_product.cpp and
// the per-instruction-set kernel files): the operands of one product, and one
// code read from a packed row.
#pragma once

#include <cstdint>

namespace rrtf::quantized_kernel {

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

bool cpuHasAvx512();
// Output channels [begin, end) against every input row, 16 codes per 512-bit
// vector (AVX-512 F/BW, where the CPU has it: twice the AVX2 kernel's width).
void channelRangeAvx512(const Operands& o, int bits, int64_t begin, int64_t end);

}  // namespace rrtf::quantized_kernel
