// GPTQ (Frantar et al., 2022) for one linear layer, as AutoGPTQ runs it: the
// inputs' Hessian H = 2/n Σ x xᵀ, damping, the Cholesky factor of H⁻¹, and
// column-by-column rounding whose error is pushed onto the columns not yet
// rounded, in lazy blocks; optionally in act-order (largest diag(H) first).
#pragma once

#include "model/quantized_weight.h"

namespace rrtf {

struct GptqOptions {
    int bits = 4;               // 4 or 8
    int64_t groupSize = 128;    // input channels per group; <= 0: one group per row
    bool actOrder = false;      // visit channels by decreasing diag(H) (desc_act)
    double dampPercent = 0.01;  // of the mean of diag(H), added to the diagonal
    int64_t blockSize = 128;    // columns per lazy batch update
    bool symmetric = true;
};

// Accumulates a layer's Hessian from its calibration inputs, in float64, with
// AutoGPTQ's running mean over samples (a sample of many tokens counts once).
class HessianAccumulator {
public:
    explicit HessianAccumulator(int64_t inFeatures);
    // `inputs` [..., in]: the layer's inputs for one calibration sample.
    void add(const at::Tensor& inputs);
    at::Tensor hessian() const { return m_hessian.to(at::kFloat); }
    int64_t samples() const { return m_samples; }

private:
    at::Tensor m_hessian;
    int64_t m_samples = 0;
};

// Quantises `weight` [out, in] against `hessian` [in, in].
// InvalidArgument when the damped Hessian is not positive definite (raise dampPercent).
QuantizedWeight gptqQuantize(const at::Tensor& weight, const at::Tensor& hessian, const GptqOptions& options);

}  // namespace rrtf
