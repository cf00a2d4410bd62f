// Keys and values of the positions a model has already seen, one tensor per
// layer in Hugging Face's layout: key and value concatenated on the last dim,
// [batch, seq, 2*D] for multi-query attention and [batch, heads, seq, 2*D]
// otherwise. Storage is preallocated and grows by doubling, so a decode step
// writes in place instead of concatenating.
#pragma once

#include <ATen/ATen.h>

#include <vector>

namespace rrtf {

class KvCache {
public:
    KvCache() = default;
    explicit KvCache(int layers) : m_layers(layers) {}

    int64_t length() const { return m_length; }
    int64_t batch() const;
    bool empty() const { return m_length == 0; }

    // Stores `kv` (new positions on dim -2) after the committed ones and returns
    // the whole sequence so far for this layer, as a view.
    at::Tensor append(int layer, const at::Tensor& kv);
    // Marks the positions appended to every layer as part of the cache.
    void commit(int64_t newPositions) { m_length += newPositions; }
    // The committed keys and values of one layer, as a view.
    at::Tensor layer(int layer) const;

    // Keeps the given batch rows, in that order (drops finished sequences,
    // repeats one prompt's prefill for n samples).
    void selectRows(const at::Tensor& rows);
    // Forgets the first `positions` positions of every row (shared left padding).
    void dropFront(int64_t positions);
    // Pre-allocates room for `positions` in total, so later appends never copy.
    void reserve(int64_t positions);

    // Stacks caches of different lengths into one batch, each padded on the
    // left with zeros to the longest; padding must be masked by the caller.
    static KvCache concatLeftPadded(const std::vector<const KvCache*>& parts);

private:
    at::Tensor& storage(int layer);
    std::vector<at::Tensor> m_layers;
    int64_t m_length = 0;
};

}  // namespace rrtf
