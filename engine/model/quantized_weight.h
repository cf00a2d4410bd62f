// A linear layer's weights held in 8 or 4 bits: the one in-memory form that
// GPTQ checkpoints, CTranslate2-style int8 and round-to-nearest int4 all load
// into, laid out for the fused kernels of quantized_product.h.
//
// Weight [out, in] is rebuilt as W[o, order[p]] = scale[o, g] * (code[o, p] - zero[o, g])
// where p is a position in `order` (the input channels as the quantiser visited
// them: act-order permutes them) and g the group holding position p. Groups are
// contiguous runs of positions, so GPTQ's g_idx becomes a permutation plus
// group boundaries.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rrtf {

struct QuantizedWeight {
    int bits = 8;              // 8: one code per byte; 4: two per byte (see codes)
    int64_t outFeatures = 0;   // rows of the weight (N)
    int64_t inFeatures = 0;    // columns (K)
    // uint8 [out, rowBytes()]. 8 bits: byte p is position p. 4 bits: each run of
    // 16 positions takes 8 bytes, byte i holding position i in its low nibble and
    // i + 8 in its high one, so a vector unpacks 16 codes with one shift and mask.
    at::Tensor codes;
    at::Tensor scales;         // float32 [out, groups]
    at::Tensor zeros;          // float32 [out, groups]
    std::vector<int64_t> groupStarts;  // groups + 1 positions; the last is inFeatures
    at::Tensor order;          // int64 [in] input channel at each position; undefined: identity
    std::string scheme;        // what made it, for the model card: "int8", "rtn4 g128", "gptq4 g128 act-order"

    int64_t groups() const { return static_cast<int64_t>(groupStarts.size()) - 1; }
    int64_t rowBytes() const { return bits == 8 ? inFeatures : (inFeatures + 15) / 16 * 8; }
    // Bytes held: codes, scales, zeros and the permutation.
    int64_t storageBytes() const;
    // The group of each position, int64 [in].
    at::Tensor groupOfPosition() const;
};

// Builds codes from per-position integer values q [out, in] (in `order` order),
// packing four-bit ones; scales/zeros/groupStarts/order as described above.
// InvalidArgument when a value does not fit `bits` or the shapes disagree.
QuantizedWeight packQuantizedWeight(int bits, const at::Tensor& q, at::Tensor scales, at::Tensor zeros,
                                    std::vector<int64_t> groupStarts, at::Tensor order, std::string scheme);

// The integer codes, uint8 [out, in], positions in `order` order.
at::Tensor unpackCodes(const QuantizedWeight& weight);

// The float weight [out, in] in the input channels' own order, in `dtype` on the
// codes' device (rows [rowBegin, rowEnd) only when given).
at::Tensor dequantize(const QuantizedWeight& weight, at::ScalarType dtype = at::kFloat, int64_t rowBegin = 0,
                      int64_t rowEnd = -1);

// Rows `rows` (int64 [n]) of the float weight, [n, in], in `dtype`: an embedding lookup.
at::Tensor dequantizeRows(const QuantizedWeight& weight, const at::Tensor& rows, at::ScalarType dtype = at::kFloat);

// The same weight on another device (codes, scales, zeros, order moved).
QuantizedWeight quantizedTo(const QuantizedWeight& weight, const at::Device& device);

}  // namespace rrtf
