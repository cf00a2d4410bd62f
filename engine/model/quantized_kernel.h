// The fused quantised kernels' interface (quantized_product.cpp calls them; one
// file per instruction set builds them from quantized_kernel_body.h): the
// operands of one product and the entry points.
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

bool cpuHasAvx2Fma();
bool cpuHasAvx512();

// Output channels [begin, end) of a `bits`-bit weight against every input row
// (quantized_kernel_body.h), in AVX2/FMA or AVX-512 (F, BW, VL).
void channelRangeAvx2(const Operands& o, int bits, int64_t begin, int64_t end);
void channelRangeAvx512(const Operands& o, int bits, int64_t begin, int64_t end);
// One output channel's float weights, in the weight's position order (prefill's bands).
void dequantizeChannelAvx2(const Operands& o, int bits, int64_t channel, float* target);

}  // namespace rrtf::quantized_kernel
