#include "quantization/gptq.h"

#include "quantization/rounding.h"
#include "runtime/error.h"

#include <ATen/ATen.h>

#include <cmath>

namespace rrtf {

HessianAccumulator::HessianAccumulator(int64_t inFeatures)
    : m_hessian(at::zeros({inFeatures, inFeatures}, at::kDouble))
{
}

void HessianAccumulator::add(const at::Tensor& inputs)
{
    const at::Tensor x = inputs.reshape({-1, m_hessian.size(0)}).to(at::kDouble);
    m_hessian.mul_(static_cast<double>(m_samples) / (m_samples + 1));
    ++m_samples;
    const at::Tensor scaled = x * std::sqrt(2.0 / m_samples);
    m_hessian.add_(scaled.t().matmul(scaled));
}

namespace {

// Where the quantiser is in the columns (in visiting order): the current group's
// scale and zero, and what every group got.
struct GroupState {
    GroupQuantizer quantizer;
    at::Tensor scale, zero;   // [out], the group being rounded
    at::Tensor scales, zeros; // [out, groups]
};

}  // namespace

QuantizedWeight gptqQuantize(const at::Tensor& weight, const at::Tensor& hessian, const GptqOptions& options)
{
    at::Tensor w = weight.to(at::kFloat).clone();
    at::Tensor h = hessian.to(at::kFloat).clone();
    const int64_t rows = w.size(0), columns = w.size(1);

    // Channels no calibration input ever touched: weight 0, unit curvature.
    const at::Tensor dead = h.diagonal().eq(0);
    h.diagonal().masked_fill_(dead, 1.0);
    w.masked_fill_(dead.unsqueeze(0), 0.0);
    at::Tensor order;
    if (options.actOrder) {
        order = at::argsort(h.diagonal(), /*dim=*/0, /*descending=*/true);
        w = w.index_select(1, order);
        h = h.index_select(0, order).index_select(1, order);
    }
    h.diagonal().add_(options.dampPercent * h.diagonal().mean().item<double>());
    const auto [lower, info] = at::linalg_cholesky_ex(h);
    if (info.item<int64_t>() != 0)
        throw InvalidArgument("GPTQ: the damped Hessian is not positive definite; raise the damping (now " +
                              std::to_string(options.dampPercent) + ")");
    const at::Tensor inverse = at::linalg_cholesky(at::cholesky_inverse(lower), /*upper=*/true);

    const auto starts = evenGroupStarts(columns, options.groupSize);
    const int64_t groupSize = options.groupSize > 0 ? options.groupSize : columns;
    GroupState state{{options.bits, options.symmetric}, {}, {}, at::empty({rows, static_cast<int64_t>(starts.size()) - 1}),
                     at::empty({rows, static_cast<int64_t>(starts.size()) - 1})};
    at::Tensor codes = at::empty({rows, columns});

    for (int64_t begin = 0; begin < columns; begin += options.blockSize) {
        const int64_t end = std::min(begin + options.blockSize, columns), count = end - begin;
        at::Tensor block = w.narrow(1, begin, count).clone();
        at::Tensor errors = at::empty({rows, count});
        const at::Tensor blockInverse = inverse.narrow(0, begin, count).narrow(1, begin, count);
        for (int64_t i = 0; i < count; ++i) {
            const int64_t column = begin + i;
            if (column % groupSize == 0) {
                // The group's columns as they stand now: this block's updated ones, then later ones.
                const int64_t inBlock = std::min(groupSize, count - i);
                at::Tensor group = block.narrow(1, i, inBlock);
                if (inBlock < groupSize && end < columns)
                    group = at::cat({group, w.narrow(1, end, std::min(groupSize - inBlock, columns - end))}, 1);
                state.quantizer.fit(group, state.scale, state.zero);
                state.scales.select(1, column / groupSize).copy_(state.scale);
                state.zeros.select(1, column / groupSize).copy_(state.zero);
            }
            const at::Tensor current = block.select(1, i);
            const at::Tensor q = state.quantizer.codes(current.unsqueeze(1), state.scale, state.zero).squeeze(1);
            codes.select(1, column).copy_(q);
            const at::Tensor rounded = (q - state.zero) * state.scale;
            const at::Tensor error = (current - rounded) / blockInverse[i][i];
            block.narrow(1, i, count - i).sub_(error.unsqueeze(1).matmul(blockInverse.narrow(0, i, 1).narrow(1, i, count - i)));
            errors.select(1, i).copy_(error);
        }
        if (end < columns)
            w.narrow(1, end, columns - end).sub_(errors.matmul(inverse.narrow(0, begin, count).narrow(1, end, columns - end)));
    }
    const std::string scheme = "gptq" + std::to_string(options.bits) +
                               (options.groupSize > 0 ? " g" + std::to_string(options.groupSize) : "") +
                               (options.actOrder ? " act-order" : "");
    return packQuantizedWeight(options.bits, codes, state.scales, state.zeros, starts, order, scheme);
}

}  // namespace rrtf
