// out = x · Wᵀ + b for many rows of x (prefill) in float32 on the CPU, through
// oneDNN's sgemm: its just-in-time AVX-512 kernels ran these shapes 1.3-1.4x
// faster than the OpenBLAS build LibTorch links here (which picks its AVX2
// kernels on this AMD CPU): 240 against 175 GFLOP/s for 128 x 512 x 1536.
#pragma once

#include <ATen/core/Tensor.h>

namespace rrtf {

// Whether largeBatchProduct can take these operands: the engine was built with
// oneDNN, float32 contiguous CPU tensors.
bool largeBatchProductApplies(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

// input [..., K] (the leading dims hold the rows), weight [N, K], bias [N] or undefined.
at::Tensor largeBatchProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias);

}  // namespace rrtf
