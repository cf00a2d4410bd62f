// out = x · Wᵀ + b with W held in 8 or 4 bits (quantized_weight.h). Decoding
// reads each code straight from memory once and dequantises it in registers
// (AVX2/FMA, or AVX-512 where the CPU has it, chosen at run time); larger
// batches (prefill) dequantise a band of output rows at a time into a float
// matrix product, so no float copy of the whole weight is ever held.
#pragma once

#include "model/quantized_weight.h"

namespace rrtf {

// Up to this many rows the fused kernel streams the codes; beyond it, banded dequantisation.
constexpr int64_t kQuantizedKernelMaxRows = 64;

// Whether the fused kernel takes these operands (float32 CPU input, a CPU with AVX2 and FMA).
bool fusedQuantizedProductApplies(const at::Tensor& input, const QuantizedWeight& weight);

// input [..., in] (the leading dims hold the rows), bias [out] or undefined.
// Any device and dtype; the result has the input's dtype.
at::Tensor quantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias);

// The fused kernel alone (fusedQuantizedProductApplies must hold), for tests and
// benchmarks: AVX-512 for two rows or more where the CPU has it and `allowAvx512`, else AVX2.
at::Tensor fusedQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias,
                                 bool allowAvx512 = true);

}  // namespace rrtf
