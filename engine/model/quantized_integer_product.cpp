// Quantised products in integers (quantized_product.h): the input rounded to
// int8 per row and weight group, then quantized_kernel_vnni.cpp's blocks.
#include "model/quantized_kernel.h"
#include "model/quantized_product.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <atomic>
#include <cmath>
#include <limits>

namespace rrtf {
namespace {

using quantized_kernel::IntegerOperands;

constexpr int64_t kAlignment = 64;          // codes per vector of the integer kernel
constexpr int64_t kRowTile = 4;             // rows per tile
constexpr int64_t kLongestGroup = 1 << 16;  // 255 * 127 * 2^16 still fits an int32 sum

std::atomic<QuantizedActivations> activationMode{QuantizedActivations::Int8};

// Where position `position` of a row sits among the int8 codes: as is for
// eight-bit weights; for four bits each run of 64 is reordered as the weight's
// packed bytes unpack (low nibbles of 32 bytes, then high ones), see
// quantized_weight.h: byte i of a run of 16 holds positions i and i + 8.
int64_t codeSlot(int bits, int64_t position)
{
    if (bits == 8)
        return position;
    const int64_t chunk = position - position % kAlignment, offset = position % kAlignment;
    const int64_t run = offset / 16, inRun = offset % 16;
    return chunk + (inRun < 8 ? run * 8 + inRun : 32 + run * 8 + inRun - 8);
}

struct IntegerInput {
    at::Tensor codes;   // int8 [paddedRows, in]
    at::Tensor scales;  // float [groups, paddedRows]
    at::Tensor sums;    // float [groups, paddedRows]
    int64_t paddedRows = 0;
};

// x [rows, in] (contiguous, channels in their own order) rounded per row and
// group to int8 codes with scale = largest magnitude / 127, read in the
// weight's position order (act-order's permutation applied on the way). A
// group holding a NaN or an infinity gets a NaN scale, so the product shows it
// as the float one would.
IntegerInput roundInput(const at::Tensor& x, const QuantizedWeight& weight)
{
    const int64_t rows = x.size(0), in = weight.inFeatures, groups = weight.groups();
    IntegerInput input;
    input.paddedRows = (rows + kRowTile - 1) / kRowTile * kRowTile;
    input.codes = at::zeros({input.paddedRows, in}, at::kChar);
    input.scales = at::zeros({groups, input.paddedRows}, at::kFloat);
    input.sums = at::zeros({groups, input.paddedRows}, at::kFloat);
    const float* source = x.data_ptr<float>();
    const int64_t* order = weight.order.defined() ? weight.order.data_ptr<int64_t>() : nullptr;
    int8_t* codes = input.codes.data_ptr<int8_t>();
    float* scales = input.scales.data_ptr<float>();
    float* sums = input.sums.data_ptr<float>();
    at::parallel_for(0, rows, 1, [&](int64_t firstRow, int64_t lastRow) {
        for (int64_t r = firstRow; r < lastRow; ++r)
            for (int64_t g = 0; g < groups; ++g) {
                const float* row = source + r * in;
                auto value = [&](int64_t p) { return row[order ? order[p] : p]; };
                float largest = 0.0f;
                bool finite = true;
                for (int64_t p = weight.groupStarts[g]; p < weight.groupStarts[g + 1]; ++p) {
                    largest = std::max(largest, std::fabs(value(p)));
                    finite = finite && std::isfinite(value(p));
                }
                if (!finite) {
                    scales[g * input.paddedRows + r] = std::numeric_limits<float>::quiet_NaN();
                    continue;
                }
                const float inverse = largest > 0.0f ? 127.0f / largest : 0.0f;
                int32_t sum = 0;
                for (int64_t p = weight.groupStarts[g]; p < weight.groupStarts[g + 1]; ++p) {
                    const auto code = static_cast<int8_t>(std::nearbyint(std::clamp(value(p) * inverse, -127.0f, 127.0f)));
                    codes[r * in + codeSlot(weight.bits, p)] = code;
                    sum += code;
                }
                scales[g * input.paddedRows + r] = largest / 127.0f;
                sums[g * input.paddedRows + r] = static_cast<float>(sum);
            }
    });
    return input;
}

}  // namespace

void setQuantizedActivations(QuantizedActivations mode)
{
    activationMode = mode;
}

QuantizedActivations quantizedActivations()
{
    return activationMode;
}

bool integerQuantizedProductsEnabled()
{
    return activationMode == QuantizedActivations::Int8 && quantized_kernel::cpuHasAvx512Vnni();
}

bool integerQuantizedProductApplies(const at::Tensor& input, const QuantizedWeight& weight)
{
    const int64_t in = weight.inFeatures;
    if (!integerQuantizedProductsEnabled() || !input.is_cpu() ||
        !weight.codes.is_cpu() || input.scalar_type() != at::kFloat || in == 0 || in % kAlignment != 0 ||
        input.size(-1) != in || input.numel() / in < 2)
        return false;
    for (int64_t g = 0; g < weight.groups(); ++g)
        if (weight.groupStarts[g] % kAlignment != 0 || weight.groupStarts[g + 1] - weight.groupStarts[g] > kLongestGroup)
            return false;
    return true;
}

at::Tensor integerQuantizedProduct(const at::Tensor& input, const QuantizedWeight& weight, const at::Tensor& bias)
{
    const at::Tensor x = input.reshape({-1, weight.inFeatures}).contiguous();
    const IntegerInput rounded = roundInput(x, weight);
    at::Tensor out = at::empty({x.size(0), weight.outFeatures}, x.options());
    const at::Tensor biasFloat = bias.defined() ? bias.to(at::kFloat).contiguous() : bias;
    IntegerOperands operands{quantized_kernel::weightOperands(weight)};
    operands.x = rounded.codes.data_ptr<int8_t>();
    operands.xScale = rounded.scales.data_ptr<float>();
    operands.xSum = rounded.sums.data_ptr<float>();
    operands.bias = biasFloat.defined() ? biasFloat.data_ptr<float>() : nullptr;
    operands.out = out.data_ptr<float>();
    operands.rows = x.size(0);
    operands.paddedRows = rounded.paddedRows;
    at::parallel_for(0, quantized_kernel::integerBlocks(weight.outFeatures), 1, [&](int64_t begin, int64_t end) {
        quantized_kernel::blockRangeVnni(operands, weight.bits, begin, end);
    });
    auto shape = input.sizes().vec();
    shape.back() = weight.outFeatures;
    return out.view(shape);
}

}  // namespace rrtf
