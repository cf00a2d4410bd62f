// out = x · Wᵀ + b with W held in 8 or 4 bits (quantized_weight.h). One row
// (decoding) reads each code straight from memory once and dequantises it in
// registers (AVX2/FMA, or AVX-512 where the CPU has it, chosen at run time).
// Two rows or more run in integers where the CPU has AVX-512 VNNI (see
// QuantizedActivations); elsewhere up to 64 rows take the float kernel and
// larger batches (prefill) dequantise a band of output rows at a time into a
// float matrix product, so no float copy of the whole weight is ever held.
#pragma once

#include "model/quantized_weight.h"

namespace rrtf {

// Up to this many rows the fused kernel streams the codes; beyond it, banded dequantisation.
constexpr int64_t kQuantizedKernelMaxRows = 64;

// How a quantised product takes its input where the CPU has AVX-512 VNNI.
// Int8 (the default): two rows or more are rounded to int8 per row and weight
// group (scale = the group's largest magnitude / 127, as CTranslate2 and
// llama.cpp do) and multiplied in integers, several times faster; the result
// differs from the float product by that rounding. Float:
// every product in float, equal to at::linear on the dequantised weight (tests
// that compare to a float reference). Process-wide.
enum class QuantizedActivations { Float, Int8 };
void setQuantizedActivations(QuantizedActivations mode);
QuantizedActivations quantizedActivations();
// Whether products of two rows or more run in integers here: Int8 and a CPU with AVX-512 VNNI.
bool integerQuantizedProductsEnabled();

// Whether the integer kernel takes these operands: Int8 activations, a CPU with
// AVX-512 VNNI, float32 CPU input of two rows or more, and a weight whose input
// size and group starts are multiples of 64 (all of StarCoder's; act-order's
// groups too, as they run in the quantiser's order).
bool integerQuantizedProductApplies(const at::Tensor& input, const QuantizedWeight& weight);

// The integer kernel alone (integerQuantizedProductApplies must hold but for the
// mode and row count), for tests and benchmarks.
at::Tensor integerQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias);

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
