#include "model/small_batch_product.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <algorithm>

namespace rrtf {
namespace {

constexpr int64_t kWeightRows = 3;  // weight rows per block: 3 x 4 accumulators + 3 + 1 registers
constexpr int64_t kInputRows = 4;   // input rows per block
// Weights are requested this many blocks ahead of their use, so that memory
// reads overlap the arithmetic of the blocks in between.
constexpr int64_t kPrefetchBlocks = 4;
// At one input row each weight row is a stream of its own: each is requested
// this many floats (1 KiB) ahead of its use.
constexpr int64_t kPrefetchFloats = 256;

bool cpuHasAvx2Fma() {
    static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return supported;
}

__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v) {
    __m128 sum = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_shuffle_ps(sum, sum, 1));
    return _mm_cvtss_f32(sum);
}

struct ProductOperands {
    const float* x;     // [rows, K]
    const float* w;     // [N, K]
    const float* bias;  // [N] or null
    float* out;         // [rows, N]
    int64_t rows, n, k;
};

// Cache lines to request while one block computes: a share of a later block.
struct Prefetch {
    const char* next = nullptr;
    int64_t lines = 0;
};

// Three weight rows against four input rows: twelve dot products in registers,
// each weight vector loaded once and used four times.
__attribute__((target("avx2,fma"))) void block3x4(const ProductOperands& o, int64_t j, int64_t r, Prefetch prefetch) {
    const float* w0 = o.w + j * o.k;
    const float* w1 = w0 + o.k;
    const float* w2 = w1 + o.k;
    const float* x0 = o.x + r * o.k;
    const float* x1 = x0 + o.k;
    const float* x2 = x1 + o.k;
    const float* x3 = x2 + o.k;
    __m256 a00 = _mm256_setzero_ps(), a01 = a00, a02 = a00, a03 = a00;
    __m256 a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    __m256 a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    for (int64_t k = 0; k < o.k; k += 8) {
        if (prefetch.lines > 0) {  // one request per step while some are due
            _mm_prefetch(prefetch.next, _MM_HINT_T0);
            prefetch.next += 64;
            --prefetch.lines;
        }
        const __m256 v0 = _mm256_loadu_ps(w0 + k), v1 = _mm256_loadu_ps(w1 + k), v2 = _mm256_loadu_ps(w2 + k);
        __m256 u = _mm256_loadu_ps(x0 + k);
        a00 = _mm256_fmadd_ps(v0, u, a00), a10 = _mm256_fmadd_ps(v1, u, a10), a20 = _mm256_fmadd_ps(v2, u, a20);
        u = _mm256_loadu_ps(x1 + k);
        a01 = _mm256_fmadd_ps(v0, u, a01), a11 = _mm256_fmadd_ps(v1, u, a11), a21 = _mm256_fmadd_ps(v2, u, a21);
        u = _mm256_loadu_ps(x2 + k);
        a02 = _mm256_fmadd_ps(v0, u, a02), a12 = _mm256_fmadd_ps(v1, u, a12), a22 = _mm256_fmadd_ps(v2, u, a22);
        u = _mm256_loadu_ps(x3 + k);
        a03 = _mm256_fmadd_ps(v0, u, a03), a13 = _mm256_fmadd_ps(v1, u, a13), a23 = _mm256_fmadd_ps(v2, u, a23);
    }
    const __m256 acc[3][4] = {{a00, a01, a02, a03}, {a10, a11, a12, a13}, {a20, a21, a22, a23}};
    for (int64_t dj = 0; dj < kWeightRows; ++dj) {
        const float b = o.bias ? o.bias[j + dj] : 0.0f;
        for (int64_t dr = 0; dr < kInputRows; ++dr) o.out[(r + dr) * o.n + j + dj] = horizontalSum(acc[dj][dr]) + b;
    }
}

// One weight row against one input row: the edges the blocks do not cover.
__attribute__((target("avx2,fma"))) void dot1x1(const ProductOperands& o, int64_t j, int64_t r) {
    const float* w = o.w + j * o.k;
    const float* x = o.x + r * o.k;
    __m256 a = _mm256_setzero_ps();
    for (int64_t k = 0; k < o.k; k += 8) a = _mm256_fmadd_ps(_mm256_loadu_ps(w + k), _mm256_loadu_ps(x + k), a);
    o.out[r * o.n + j] = horizontalSum(a) + (o.bias ? o.bias[j] : 0.0f);
}

// Four weight rows against one input row, two accumulators each so that eight
// multiply-add chains are in flight: at one input row (batch-1 decoding) the
// product is bound by memory, not by one chain's latency.
__attribute__((target("avx2,fma"))) void block4x1(const ProductOperands& o, int64_t j, int64_t r) {
    const float* w[4] = {o.w + j * o.k, o.w + (j + 1) * o.k, o.w + (j + 2) * o.k, o.w + (j + 3) * o.k};
    const float* x = o.x + r * o.k;
    __m256 even[4], odd[4];
    for (int i = 0; i < 4; ++i) even[i] = odd[i] = _mm256_setzero_ps();
    int64_t k = 0;
    for (; k + 16 <= o.k; k += 16) {
        const __m256 u = _mm256_loadu_ps(x + k), v = _mm256_loadu_ps(x + k + 8);
        for (int i = 0; i < 4; ++i) {
            _mm_prefetch(reinterpret_cast<const char*>(w[i] + k + kPrefetchFloats), _MM_HINT_T0);
            even[i] = _mm256_fmadd_ps(_mm256_loadu_ps(w[i] + k), u, even[i]);
            odd[i] = _mm256_fmadd_ps(_mm256_loadu_ps(w[i] + k + 8), v, odd[i]);
        }
    }
    if (k < o.k) {  // the inner size is a multiple of 8
        const __m256 u = _mm256_loadu_ps(x + k);
        for (int i = 0; i < 4; ++i) even[i] = _mm256_fmadd_ps(_mm256_loadu_ps(w[i] + k), u, even[i]);
    }
    for (int i = 0; i < 4; ++i)
        o.out[r * o.n + j + i] = horizontalSum(_mm256_add_ps(even[i], odd[i])) + (o.bias ? o.bias[j + i] : 0.0f);
}

// Fewer input rows than a 3x4 block takes (1 to 3): four weight rows at a time
// against each input row, the later rows reading the weights from cache.
void narrowProductRange(const ProductOperands& o, int64_t begin, int64_t end) {
    int64_t j = begin;
    for (; j + 4 <= end; j += 4)
        for (int64_t r = 0; r < o.rows; ++r) block4x1(o, j, r);
    for (; j < end; ++j)
        for (int64_t r = 0; r < o.rows; ++r) dot1x1(o, j, r);
}

// Weight rows [begin, end): every input row against them, so each weight block is
// read from memory once and then from cache. The passes of a block over the
// input rows share out the requests for the block kPrefetchBlocks ahead.
void productRange(const ProductOperands& o, int64_t begin, int64_t end) {
    if (o.rows < kInputRows)
        return narrowProductRange(o, begin, end);
    const int64_t blockLines = kWeightRows * o.k * static_cast<int64_t>(sizeof(float)) / 64;
    const int64_t passes = std::max<int64_t>(1, o.rows / kInputRows);
    const int64_t linesPerPass = (blockLines + passes - 1) / passes;
    int64_t j = begin;
    for (; j + kWeightRows <= end; j += kWeightRows) {
        const int64_t ahead = j + kPrefetchBlocks * kWeightRows;
        const char* aheadBytes = reinterpret_cast<const char*>(o.w + ahead * o.k);
        int64_t r = 0;
        for (int64_t pass = 0; r + kInputRows <= o.rows; r += kInputRows, ++pass) {
            Prefetch prefetch;
            if (ahead + kWeightRows <= end) {
                prefetch.next = aheadBytes + pass * linesPerPass * 64;
                prefetch.lines = std::clamp<int64_t>(blockLines - pass * linesPerPass, 0, linesPerPass);
            }
            block3x4(o, j, r, prefetch);
        }
        for (; r < o.rows; ++r)
            for (int64_t dj = 0; dj < kWeightRows; ++dj) dot1x1(o, j + dj, r);
    }
    for (; j < end; ++j)
        for (int64_t r = 0; r < o.rows; ++r) dot1x1(o, j, r);
}

}  // namespace

bool smallBatchProductApplies(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
    return cpuHasAvx2Fma() && input.is_cpu() && weight.is_cpu() && input.scalar_type() == at::kFloat &&
           weight.scalar_type() == at::kFloat && weight.dim() == 2 && weight.is_contiguous() &&
           weight.size(1) % 8 == 0 && input.size(-1) == weight.size(1) &&
           (!bias.defined() || (bias.scalar_type() == at::kFloat && bias.is_contiguous()));
}

at::Tensor smallBatchProduct(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
    const at::Tensor x = input.reshape({-1, weight.size(1)}).contiguous();
    at::Tensor out = at::empty({x.size(0), weight.size(0)}, x.options());
    const ProductOperands operands{x.data_ptr<float>(), weight.data_ptr<float>(),
                            bias.defined() ? bias.data_ptr<float>() : nullptr, out.data_ptr<float>(),
                            x.size(0), weight.size(0), weight.size(1)};
    // Whole blocks per task, so threads never split a block.
    const int64_t blockRows = operands.rows < kInputRows ? 4 : kWeightRows;
    const int64_t blocks = (operands.n + blockRows - 1) / blockRows;
    at::parallel_for(0, blocks, 64, [&](int64_t begin, int64_t end) {
        productRange(operands, begin * blockRows, std::min(end * blockRows, operands.n));
    });
    auto shape = input.sizes().vec();
    shape.back() = weight.size(0);
    return out.view(shape);
}

}  // namespace rrtf
