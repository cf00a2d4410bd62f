#include "generation/decode_batch.h"

#include <algorithm>

namespace rrtf {

void DecodeBatch::addRows(const KvCache& prefill, int64_t length, int64_t count)
{
    KvCache added = prefill;
    added.selectRows(at::zeros({count}, at::kLong));  // one prefill, `count` rows
    at::Tensor addedMask = at::ones({count, length}, at::kLong);
    if (rows() == 0) {
        m_cache = std::move(added);
        m_mask = addedMask;
    } else {
        const int64_t longest = std::max(m_cache.length(), length);
        auto leftPad = [&](const at::Tensor& mask) {
            const int64_t pad = longest - mask.size(1);
            return pad == 0 ? mask : at::cat({at::zeros({mask.size(0), pad}, at::kLong), mask}, 1);
        };
        m_mask = at::cat({leftPad(m_mask), leftPad(addedMask)}, 0);
        m_cache = KvCache::concatLeftPadded({&m_cache, &added});
    }
    m_positions.insert(m_positions.end(), count, length);
    m_padded = !m_mask.all().item<bool>();
}

at::Tensor DecodeBatch::step(CausalLM& model, const std::vector<int64_t>& tokens)
{
    const int64_t batch = rows();
    ForwardInput input;
    input.ids = at::tensor(tokens, at::kLong).view({batch, 1});
    input.positions = at::tensor(m_positions, at::kLong).view({batch, 1});
    m_mask = at::cat({m_mask, at::ones({batch, 1}, at::kLong)}, 1);
    if (m_padded)
        input.attentionMask = m_mask;
    at::Tensor logits = model.forward(input, &m_cache);
    for (auto& position : m_positions)
        ++position;
    return logits.view({batch, -1});
}

void DecodeBatch::keepRows(const std::vector<bool>& keep)
{
    std::vector<int64_t> kept;
    std::vector<int64_t> positions;
    for (size_t row = 0; row < keep.size(); ++row) {
        if (keep[row]) {
            kept.push_back(static_cast<int64_t>(row));
            positions.push_back(m_positions[row]);
        }
    }
    if (kept.size() == keep.size())
        return;
    m_positions = std::move(positions);
    if (kept.empty()) {
        m_mask = at::Tensor();
        m_padded = false;
        return;
    }
    const at::Tensor index = at::tensor(kept, at::kLong);
    m_cache.selectRows(index);
    m_mask = m_mask.index_select(0, index);
    trimCommonPadding();
}

// Padding columns that every row has are dropped, so the cache never grows
// beyond the longest live row however many rows come and go.
void DecodeBatch::trimCommonPadding()
{
    const int64_t longest = *std::max_element(m_positions.begin(), m_positions.end());
    const int64_t common = m_cache.length() - longest;
    if (common > 0) {
        m_cache.dropFront(common);
        m_mask = m_mask.narrow(1, common, m_mask.size(1) - common);
    }
    m_padded = !m_mask.all().item<bool>();
}

}  // namespace rrtf
