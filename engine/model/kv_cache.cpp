#include "model/kv_cache.h"

#include "runtime/error.h"

#include <algorithm>

namespace rrtf {

static constexpr int64_t kSeqDimFromEnd = 2;  // the sequence is dim -2

static int64_t seqDim(const at::Tensor& tensor) { return tensor.dim() - kSeqDimFromEnd; }

int64_t KvCache::batch() const
{
    for (const auto& tensor : m_layers)
        if (tensor.defined())
            return tensor.size(0);
    return 0;
}

at::Tensor& KvCache::storage(int layer)
{
    if (layer < 0 || layer >= static_cast<int>(m_layers.size()))
        throw InvalidArgument("KV cache has no layer " + std::to_string(layer));
    return m_layers[layer];
}

at::Tensor KvCache::append(int layer, const at::Tensor& kv)
{
    at::Tensor& store = storage(layer);
    const int64_t added = kv.size(seqDim(kv));
    const int64_t needed = m_length + added;
    if (!store.defined() || store.size(seqDim(store)) < needed) {
        auto shape = kv.sizes().vec();
        shape[seqDim(kv)] = std::max<int64_t>(needed, store.defined() ? 2 * store.size(seqDim(store)) : needed);
        at::Tensor grown = at::empty(shape, kv.options());
        if (store.defined() && m_length > 0)
            grown.narrow(seqDim(kv), 0, m_length).copy_(store.narrow(seqDim(kv), 0, m_length));
        store = grown;
    }
    store.narrow(seqDim(kv), m_length, added).copy_(kv);
    return store.narrow(seqDim(kv), 0, needed);
}

at::Tensor KvCache::layer(int layer) const
{
    const at::Tensor& store = m_layers.at(layer);
    return store.defined() ? store.narrow(seqDim(store), 0, m_length) : store;
}

void KvCache::selectRows(const at::Tensor& rows)
{
    for (auto& store : m_layers) {
        if (!store.defined())
            continue;
        // Only the committed part is copied; the spare capacity goes with it.
        at::Tensor kept = store.narrow(seqDim(store), 0, m_length).index_select(0, rows.to(store.device()));
        store = kept;
    }
}

void KvCache::dropFront(int64_t positions)
{
    if (positions <= 0)
        return;
    if (positions > m_length)
        throw InvalidArgument("cannot drop more positions than the KV cache holds");
    for (auto& store : m_layers)
        if (store.defined())
            store = store.narrow(seqDim(store), positions, store.size(seqDim(store)) - positions);
    m_length -= positions;
}

void KvCache::reserve(int64_t positions)
{
    for (auto& store : m_layers) {
        if (!store.defined() || store.size(seqDim(store)) >= positions)
            continue;
        auto shape = store.sizes().vec();
        shape[seqDim(store)] = positions;
        at::Tensor grown = at::empty(shape, store.options());
        grown.narrow(seqDim(store), 0, m_length).copy_(store.narrow(seqDim(store), 0, m_length));
        store = grown;
    }
}

KvCache KvCache::concatLeftPadded(const std::vector<const KvCache*>& parts)
{
    if (parts.empty())
        return {};
    const size_t layers = parts.front()->m_layers.size();
    int64_t longest = 0;
    for (const KvCache* part : parts) {
        if (part->m_layers.size() != layers)
            throw InvalidArgument("KV caches with different layer counts cannot be merged");
        longest = std::max(longest, part->m_length);
    }
    KvCache merged(static_cast<int>(layers));
    merged.m_length = longest;
    for (size_t layer = 0; layer < layers; ++layer) {
        std::vector<at::Tensor> rows;
        for (const KvCache* part : parts) {
            at::Tensor piece = part->layer(static_cast<int>(layer));
            const int64_t pad = longest - part->m_length;
            if (pad > 0) {
                auto shape = piece.sizes().vec();
                shape[seqDim(piece)] = pad;
                piece = at::cat({at::zeros(shape, piece.options()), piece}, seqDim(piece));
            }
            rows.push_back(piece);
        }
        merged.m_layers[layer] = at::cat(rows, 0);
    }
    return merged;
}

}  // namespace rrtf
