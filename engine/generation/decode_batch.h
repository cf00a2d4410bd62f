// The rows decoded together in one step: their shared KV cache, the attention
// mask that hides each row's left padding, and each row's next position.
#pragma once

#include "model/causal_lm.h"

#include <vector>

namespace rrtf {

class DecodeBatch {
public:
    explicit DecodeBatch(const CausalLM& model) : m_cache(model.newCache()) {}

    int64_t rows() const { return static_cast<int64_t>(m_positions.size()); }

    // Adds `count` rows that continue from one prefilled prompt (its cache holds
    // the prompt; `length` positions). Rows of different lengths are padded on the left.
    void addRows(const KvCache& prefill, int64_t length, int64_t count);
    // Runs one step: `tokens[i]` is the next input of row i. Returns float
    // logits [rows, vocab].
    at::Tensor step(CausalLM& model, const std::vector<int64_t>& tokens);
    // Keeps only the rows whose flag is true, in order.
    void keepRows(const std::vector<bool>& keep);
    // Makes room for `extra` more steps without reallocating.
    void reserve(int64_t extra) { m_cache.reserve(m_cache.length() + extra); }

private:
    void trimCommonPadding();

    KvCache m_cache;
    at::Tensor m_mask;                  // [rows, cache length], 1 where a real token sits
    std::vector<int64_t> m_positions;   // next position id of each row
    bool m_padded = false;              // some row has left padding: the mask is needed
};

}  // namespace rrtf
