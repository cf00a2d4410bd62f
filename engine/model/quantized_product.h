// out = x · Wᵀ + b with W held in 8 or 4 bits (quantized_weight.h). Decoding
// reads each code straight from memory once and dequantises it in registers
// (AVX2/FMA, chosen at run time); larger batches (prefill) dequantise a band of
// output rows at a time into a float matrix product, so no float copy of the
// whole weight is ever held.
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

// The fused kernel alone (fusedQuantizedProductApplies must hold), for tests and benchmarks.
at::Tensor fusedQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias);

}  // namespace rrtf
