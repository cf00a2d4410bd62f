// Round-to-nearest quantisation of a float weight [out, in]: CTranslate2's
// per-channel int8 and GPTQ's group quantiser (the naive baseline, and the rule
// the GPTQ algorithm applies column by column).
#pragma once

#include "model/quantized_weight.h"

namespace rrtf {

// GPTQ's quantiser for one group of columns (AutoGPTQ quantizer.find_params).
// Symmetric: zero = 2^(bits-1), scale = 2·max|w| / (2^bits − 1). Asymmetric:
// the range [min(w, 0), max(w, 0)] spread over the codes. Scales are rounded to
// float16, the precision a GPTQ file stores, so a written model reloads exactly.
struct GroupQuantizer {
    int bits = 4;
    bool symmetric = true;

    int maxCode() const { return (1 << bits) - 1; }
    // Per-row scale and zero [out] of the columns `w` [out, cols].
    void fit(const at::Tensor& w, at::Tensor& scale, at::Tensor& zero) const;
    // Integer codes (as float) of `w` [out, cols] under per-row scale/zero [out].
    at::Tensor codes(const at::Tensor& w, const at::Tensor& scale, const at::Tensor& zero) const;
};

// CTranslate2's int8: per output row, scale = max|w| / 127, codes round(w / scale)
// in [-127, 127] (held with zero 128 in the unsigned form).
QuantizedWeight quantizeInt8PerChannel(const at::Tensor& weight);

// Round-to-nearest in groups of `groupSize` input channels (<= 0: one group per row).
QuantizedWeight quantizeRoundToNearest(const at::Tensor& weight, int bits, int64_t groupSize, bool symmetric = true);

// Group starts for `in` channels in groups of `groupSize` (<= 0: one group).
std::vector<int64_t> evenGroupStarts(int64_t in, int64_t groupSize);

}  // namespace rrtf
