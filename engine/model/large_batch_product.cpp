#include "model/large_batch_product.h"

#include "runtime/error.h"

#include <ATen/ATen.h>

#ifdef RRTF_HAVE_DNNL
#include <oneapi/dnnl/dnnl.h>
#endif

namespace rrtf {

bool largeBatchProductApplies(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias)
{
#ifdef RRTF_HAVE_DNNL
    auto plainFloat = [](const at::Tensor& t) {
        return t.is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous();
    };
    return plainFloat(input) && plainFloat(weight) && weight.dim() == 2 && input.size(-1) == weight.size(1) &&
           (!bias.defined() || plainFloat(bias));
#else
    (void)input, (void)weight, (void)bias;
    return false;
#endif
}

at::Tensor largeBatchProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias)
{
    const int64_t in = weight.size(1), outFeatures = weight.size(0);
    const at::Tensor x = input.reshape({-1, in});
    const int64_t rows = x.size(0);
    // C starts as the bias in every row (beta = 1) or is overwritten (beta = 0).
    at::Tensor out = bias.defined() ? bias.expand({rows, outFeatures}).contiguous()
                                    : at::empty({rows, outFeatures}, x.options());
#ifdef RRTF_HAVE_DNNL
    // Row-major: out [rows, N] = x [rows, K] · weight [N, K]ᵀ.
    const dnnl_status_t status =
        dnnl_sgemm('N', 'T', rows, outFeatures, in, 1.0f, x.data_ptr<float>(), in, weight.data_ptr<float>(), in,
                   bias.defined() ? 1.0f : 0.0f, out.data_ptr<float>(), outFeatures);
    if (status != dnnl_success)
        throw Error("oneDNN's sgemm failed (status " + std::to_string(static_cast<int>(status)) + ") on a " +
                    std::to_string(rows) + " x " + std::to_string(in) + " x " + std::to_string(outFeatures) +
                    " product");
#else
    throw Error("largeBatchProduct called in a build without oneDNN (check largeBatchProductApplies first)");
#endif
    auto shape = input.sizes().vec();
    shape.back() = outFeatures;
    return out.view(shape);
}

}  // namespace rrtf
