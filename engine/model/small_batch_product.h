// out = x · Wᵀ + b for 1 to 64 rows of x (decoding one or several sequences).
// OpenBLAS packs the whole weight matrix on every call, which for a handful of
// rows costs more than the product itself (the 49,152-row output projection ran
// at ~36 GFLOP/s for 16 rows); this kernel streams the weights once, straight
// from memory, with a register-blocked AVX2/FMA inner loop.
#pragma once

#include <ATen/ATen.h>

namespace rrtf {

// Whether smallBatchProduct can take these operands (float32, contiguous CPU
// tensors, inner size a multiple of 8, a CPU with AVX2 and FMA).
bool smallBatchProductApplies(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// input [..., K] (the leading dims hold the rows), weight [N, K], bias [N] or undefined.
at::Tensor smallBatchProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

}  // namespace rrtf
