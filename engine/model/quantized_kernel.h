// The fused quantised kernels' interface (quantized_product.cpp and
// quantized_integer_product.cpp call them; one file per instruction set builds
// the float ones from quantized_kernel_body.h): the operands of one product and
// the entry points.
#pragma once

#include <cstdint>

namespace rrtf {
struct QuantizedWeight;
}

namespace rrtf::quantized_kernel {

// A quantised weight as the kernels read it (quantized_weight.h).
struct WeightOperands {
    const uint8_t* codes;   // [out, rowBytes]
    int64_t rowBytes;
    const float* scales;    // [out, groups]
    const float* zeros;     // [out, groups]
    const int64_t* starts;  // [groups + 1]
    int64_t groups;
    int64_t outFeatures, in;
};

// The weight's codes, scales and groups (quantized_product.cpp).
WeightOperands weightOperands(const QuantizedWeight& weight);

// The float kernels' operands: the weight and its float input.
struct Operands : WeightOperands {
    const float* x;         // [rows, in], positions in the weight's order
    const float* xSum;      // [rows, groups]: each group's sum of x
    const float* bias;      // [out] or null
    float* out;             // [rows, out]
    int64_t rows;
};

// The integer kernel's operands (quantized_kernel_vnni.cpp): the weight and its
// input rounded to int8 per row and group. Every group starts at a multiple of
// 64 and `in` is one; rows are padded to a multiple of 4 with zeros.
struct IntegerOperands : WeightOperands {
    const int8_t* x;        // [paddedRows, in]; four bits: each run of 64 as the codes' nibbles order it
    const float* xScale;    // [groups, paddedRows]: x ≈ xScale · code
    const float* xSum;      // [groups, paddedRows]: each group's sum of codes
    const float* bias;      // [out] or null
    float* out;             // [rows, out]
    int64_t rows, paddedRows;
};

bool cpuHasAvx2Fma();
bool cpuHasAvx512();
bool cpuHasAvx512Vnni();

// Output channels [begin, end) of a `bits`-bit weight against every input row
// (quantized_kernel_body.h), in AVX2/FMA or AVX-512 (F, BW, VL).
void channelRangeAvx2(const Operands& o, int bits, int64_t begin, int64_t end);
void channelRangeAvx512(const Operands& o, int bits, int64_t begin, int64_t end);
// The integer kernel works on blocks of 16 output channels: how many cover
// `outFeatures`, and blocks [first, end) against every row of int8 input (AVX-512 VNNI).
int64_t integerBlocks(int64_t outFeatures);
void blockRangeVnni(const IntegerOperands& o, int bits, int64_t firstBlock, int64_t endBlock);
// One output channel's float weights, in the weight's position order (prefill's bands).
void dequantizeChannelAvx2(const Operands& o, int bits, int64_t channel, float* target);

}  // namespace rrtf::quantized_kernel
