#include "model/quantized_weight.h"

#include "runtime/error.h"

#include <ATen/ATen.h>

namespace rrtf {
namespace {

void checkLayout(int bits, const at::Tensor& q, const at::Tensor& scales, const at::Tensor& zeros,
                 const std::vector<int64_t>& groupStarts, const at::Tensor& order)
{
    if (bits != 4 && bits != 8)
        throw InvalidArgument("quantised weights hold 4 or 8 bits, not " + std::to_string(bits));
    if (q.dim() != 2)
        throw InvalidArgument("quantised codes must be a matrix [out, in]");
    const int64_t out = q.size(0), in = q.size(1);
    if (groupStarts.size() < 2 || groupStarts.front() != 0 || groupStarts.back() != in)
        throw InvalidArgument("quantisation groups must cover input positions 0 to " + std::to_string(in));
    for (size_t g = 1; g < groupStarts.size(); ++g)
        if (groupStarts[g] < groupStarts[g - 1])
            throw InvalidArgument("quantisation group starts must not decrease");
    const int64_t groups = static_cast<int64_t>(groupStarts.size()) - 1;
    for (const at::Tensor* t : {&scales, &zeros})
        if (t->dim() != 2 || t->size(0) != out || t->size(1) != groups)
            throw InvalidArgument("quantisation scales and zeros must be [" + std::to_string(out) + ", " +
                                  std::to_string(groups) + "]");
    if (order.defined() && (order.dim() != 1 || order.size(0) != in))
        throw InvalidArgument("the input channel order must list " + std::to_string(in) + " channels");
    if (q.numel() > 0) {
        const auto [low, high] = at::aminmax(q);
        if (low.item<int64_t>() < 0 || high.item<int64_t>() >= (int64_t{1} << bits))
            throw InvalidArgument("a quantised code does not fit in " + std::to_string(bits) + " bits");
    }
}

}  // namespace

int64_t QuantizedWeight::storageBytes() const
{
    int64_t bytes = codes.numel() + (scales.numel() + zeros.numel()) * 4;
    return order.defined() ? bytes + order.numel() * 8 : bytes;
}

at::Tensor QuantizedWeight::groupOfPosition() const
{
    at::Tensor sizes = at::empty({groups()}, at::kLong);
    auto size = sizes.accessor<int64_t, 1>();
    for (int64_t g = 0; g < groups(); ++g)
        size[g] = groupStarts[g + 1] - groupStarts[g];
    return at::repeat_interleave(at::arange(groups(), at::kLong), sizes);
}

QuantizedWeight packQuantizedWeight(int bits, const at::Tensor& q, at::Tensor scales, at::Tensor zeros,
                                    std::vector<int64_t> groupStarts, at::Tensor order, std::string scheme)
{
    checkLayout(bits, q, scales, zeros, groupStarts, order);
    QuantizedWeight weight;
    weight.bits = bits;
    weight.outFeatures = q.size(0);
    weight.inFeatures = q.size(1);
    weight.scales = scales.to(at::kFloat).contiguous();
    weight.zeros = zeros.to(at::kFloat).contiguous();
    weight.groupStarts = std::move(groupStarts);
    weight.order = order.defined() ? order.to(at::kLong).contiguous() : order;
    weight.scheme = std::move(scheme);
    at::Tensor codes = q.to(at::kByte);
    if (bits == 4) {
        // Pad to whole runs of 16, then byte i of a run = position i | position i+8 << 4.
        const int64_t padded = weight.rowBytes() * 2;
        if (padded != weight.inFeatures)
            codes = at::constant_pad_nd(codes, {0, padded - weight.inFeatures}, 0);
        at::Tensor runs = codes.view({weight.outFeatures, padded / 16, 2, 8});
        codes = runs.select(2, 0).bitwise_or(runs.select(2, 1).__lshift__(4)).reshape({weight.outFeatures, -1});
    }
    weight.codes = codes.contiguous();
    return weight;
}

at::Tensor unpackCodes(const QuantizedWeight& weight)
{
    if (weight.bits == 8)
        return weight.codes;
    at::Tensor runs = weight.codes.view({weight.outFeatures, -1, 1, 8});
    at::Tensor low = runs.bitwise_and(15), high = runs.__rshift__(4);
    return at::cat({low, high}, 2).reshape({weight.outFeatures, -1}).narrow(1, 0, weight.inFeatures);
}

namespace {

// The float weight of the rows `slice` holds (codes, scales and zeros already cut to them).
at::Tensor dequantizeSlice(const QuantizedWeight& slice, at::ScalarType dtype)
{
    const at::Tensor group = slice.groupOfPosition().to(slice.codes.device());
    const at::Tensor scale = slice.scales.index_select(1, group);
    const at::Tensor zero = slice.zeros.index_select(1, group);
    at::Tensor positioned = (unpackCodes(slice).to(at::kFloat) - zero).mul_(scale);
    if (slice.order.defined())
        positioned = at::empty_like(positioned).index_copy_(1, slice.order, positioned);
    return positioned.to(dtype);
}

}  // namespace

at::Tensor dequantize(const QuantizedWeight& weight, at::ScalarType dtype, int64_t rowBegin, int64_t rowEnd)
{
    if (rowEnd < 0)
        rowEnd = weight.outFeatures;
    QuantizedWeight slice = weight;
    slice.outFeatures = rowEnd - rowBegin;
    slice.codes = weight.codes.narrow(0, rowBegin, slice.outFeatures);
    slice.scales = weight.scales.narrow(0, rowBegin, slice.outFeatures);
    slice.zeros = weight.zeros.narrow(0, rowBegin, slice.outFeatures);
    return dequantizeSlice(slice, dtype);
}

at::Tensor dequantizeRows(const QuantizedWeight& weight, const at::Tensor& rows, at::ScalarType dtype)
{
    QuantizedWeight slice = weight;
    slice.outFeatures = rows.numel();
    slice.codes = weight.codes.index_select(0, rows);
    slice.scales = weight.scales.index_select(0, rows);
    slice.zeros = weight.zeros.index_select(0, rows);
    return dequantizeSlice(slice, dtype);
}

QuantizedWeight quantizedTo(const QuantizedWeight& weight, const at::Device& device)
{
    QuantizedWeight moved = weight;
    moved.codes = weight.codes.to(device);
    moved.scales = weight.scales.to(device);
    moved.zeros = weight.zeros.to(device);
    if (weight.order.defined())
        moved.order = weight.order.to(device);
    return moved;
}

}  // namespace rrtf
