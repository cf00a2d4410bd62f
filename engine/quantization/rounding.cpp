#include "quantization/rounding.h"

#include "runtime/error.h"

#include <ATen/ATen.h>

#include <functional>

namespace rrtf {

void GroupQuantizer::fit(const at::Tensor& w, at::Tensor& scale, at::Tensor& zero) const
{
    at::Tensor low = at::clamp_max(std::get<0>(w.min(1)), 0.0);
    at::Tensor high = at::clamp_min(std::get<0>(w.max(1)), 0.0);
    if (symmetric) {
        high = at::maximum(low.abs(), high);
        low = -high;
    }
    // An all-zero row gets the range [-1, 1], as AutoGPTQ does.
    const at::Tensor flat = (low == 0).logical_and(high == 0);
    low = at::where(flat, at::full_like(low, -1.0), low);
    high = at::where(flat, at::full_like(high, 1.0), high);
    scale = ((high - low) / maxCode()).to(at::kHalf).to(at::kFloat);
    zero = symmetric ? at::full_like(scale, (maxCode() + 1) / 2) : at::round(-low / scale);
}

at::Tensor GroupQuantizer::codes(const at::Tensor& w, const at::Tensor& scale, const at::Tensor& zero) const
{
    return at::clamp(at::round(w / scale.unsqueeze(1)) + zero.unsqueeze(1), 0, maxCode());
}

std::vector<int64_t> evenGroupStarts(int64_t in, int64_t groupSize)
{
    std::vector<int64_t> starts{0};
    const int64_t size = groupSize > 0 ? groupSize : in;
    for (int64_t start = size; start < in; start += size)
        starts.push_back(start);
    starts.push_back(in);
    return starts;
}

namespace {

// Rows are quantised independently: a band at a time keeps the float temporaries
// small (an embedding of 49,152 x 6,144 would otherwise need several float copies).
constexpr int64_t kBandElements = 1 << 22;

QuantizedWeight quantizeInBands(const at::Tensor& weight,
                                const std::function<QuantizedWeight(const at::Tensor& band)>& quantizeBand)
{
    const int64_t rows = weight.size(0);
    const int64_t band = std::max<int64_t>(1, kBandElements / std::max<int64_t>(1, weight.size(1)));
    if (band >= rows)
        return quantizeBand(weight.to(at::kFloat));
    std::vector<QuantizedWeight> parts;
    for (int64_t begin = 0; begin < rows; begin += band)
        parts.push_back(quantizeBand(weight.narrow(0, begin, std::min(band, rows - begin)).to(at::kFloat)));
    QuantizedWeight whole = parts.front();
    std::vector<at::Tensor> codes, scales, zeros;
    for (const QuantizedWeight& part : parts) {
        codes.push_back(part.codes);
        scales.push_back(part.scales);
        zeros.push_back(part.zeros);
    }
    whole.outFeatures = rows;
    whole.codes = at::cat(codes);
    whole.scales = at::cat(scales);
    whole.zeros = at::cat(zeros);
    return whole;
}

}  // namespace

QuantizedWeight quantizeInt8PerChannel(const at::Tensor& weight)
{
    return quantizeInBands(weight, [](const at::Tensor& w) {
        at::Tensor range = std::get<0>(w.abs().max(1));
        range = at::where(range == 0, at::ones_like(range), range);
        const at::Tensor scale = (range / 127.0).to(at::kHalf).to(at::kFloat);
        const at::Tensor q = at::clamp(at::round(w / scale.unsqueeze(1)), -127, 127) + 128;
        return packQuantizedWeight(8, q, scale.unsqueeze(1), at::full_like(scale, 128.0).unsqueeze(1),
                                   evenGroupStarts(w.size(1), 0), {}, "int8");
    });
}

QuantizedWeight quantizeRoundToNearest(const at::Tensor& weight, int bits, int64_t groupSize, bool symmetric)
{
    const GroupQuantizer quantizer{bits, symmetric};
    const auto starts = evenGroupStarts(weight.size(1), groupSize);
    const int64_t groups = static_cast<int64_t>(starts.size()) - 1;
    const std::string scheme = "rtn" + std::to_string(bits) + (groupSize > 0 ? " g" + std::to_string(groupSize) : "");
    return quantizeInBands(weight, [&](const at::Tensor& w) {
        at::Tensor scales = at::empty({w.size(0), groups}), zeros = at::empty({w.size(0), groups});
        at::Tensor q = at::empty_like(w);
        for (int64_t g = 0; g < groups; ++g) {
            const at::Tensor columns = w.narrow(1, starts[g], starts[g + 1] - starts[g]);
            at::Tensor scale, zero;
            quantizer.fit(columns, scale, zero);
            q.narrow(1, starts[g], columns.size(1)).copy_(quantizer.codes(columns, scale, zero));
            scales.select(1, g).copy_(scale);
            zeros.select(1, g).copy_(zero);
        }
        return packQuantizedWeight(bits, q, scales, zeros, starts, {}, scheme);
    });
}

}  // namespace rrtf
