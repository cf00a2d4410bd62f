// Shared fixtures of the checkpoint tests: a small state dict covering the
// awkward cases (several dtypes, a scalar, an empty and a non-contiguous
// tensor) and a bytewise comparison of two tensors.
#pragma once

#include <ATen/ATen.h>

#include "support/format_error.h"
#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace rrtf::testing {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

inline NamedTensors sampleTensors()
{
    at::manual_seed(7);
    return {
        {"transformer.wte.weight", at::randn({5, 4})},
        {"transformer.h.0.attn.c_attn.weight", at::randn({6, 4}).to(at::kHalf)},
        {"transformer.h.0.ln_1.bias", at::randn({4}).to(at::kBFloat16)},
        {"positions", at::arange(7, at::kLong)},
        {"scalar", at::scalar_tensor(3.5, at::kFloat)},
        {"empty", at::empty({0, 3})},
        {"transposed", at::randn({3, 5}).t()},  // non-contiguous
        {"mask", at::rand({6}) > 0.5},
        {"small ints", at::randint(-100, 100, {3}, at::kChar)},
        {"double", at::randn({2}, at::kDouble)},
    };
}

// Same dtype, shape and values (bytes), whatever the strides.
inline bool sameTensor(const at::Tensor& a, const at::Tensor& b)
{
    if (a.scalar_type() != b.scalar_type() || a.sizes() != b.sizes())
        return false;
    const at::Tensor x = a.contiguous(), y = b.contiguous();
    return x.nbytes() == y.nbytes() && (x.nbytes() == 0 || std::memcmp(x.data_ptr(), y.data_ptr(), x.nbytes()) == 0);
}

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

using rrtf::test::writeBytes;

}  // namespace rrtf::testing
