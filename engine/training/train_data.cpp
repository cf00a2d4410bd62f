#include "training/train_data.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace rrtf {

std::vector<RankedItem> trainableItems(const std::vector<RankedItem>& items)
{
    std::vector<RankedItem> kept;
    for (const RankedItem& item : items)
        if (isTrainable(item))
            kept.push_back(item);
    return kept;
}

std::vector<int64_t> epochOrder(int64_t count, uint64_t seed, int64_t epoch)
{
    std::vector<int64_t> order(size_t(std::max<int64_t>(count, 0)));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 generator(seed + uint64_t(epoch));
    // Written out rather than std::shuffle, whose draws differ between standard libraries.
    for (int64_t i = count - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[size_t(generator() % uint64_t(i + 1))]);
    return order;
}

int64_t stepsPerEpoch(int64_t items, int globalBatch)
{
    return (items + globalBatch - 1) / globalBatch;
}

StepPlan planStep(int64_t step, int64_t items, const TrainConfig& config, uint64_t seed, int rank, int worldSize)
{
    const int64_t perEpoch = std::max<int64_t>(stepsPerEpoch(items, config.globalBatch), 1);
    StepPlan plan;
    plan.epoch = (step - 1) / perEpoch;
    plan.begin = ((step - 1) % perEpoch) * config.globalBatch;
    plan.end = std::min<int64_t>(plan.begin + config.globalBatch, items);
    const auto order = epochOrder(items, seed, plan.epoch);
    for (int64_t position = plan.begin + rank; position < plan.end; position += worldSize)
        plan.mine.push_back(order[size_t(position)]);
    return plan;
}

TrainingBatch buildMicroBatch(const std::vector<const RankedItem*>& items, const Tokenizer& tokenizer,
                              TrainObjective objective, const TrainingBatchOptions& options)
{
    // buildTrainingBatch keeps only items with a (non-empty) pair, so each item
    // gets one extra pair against a copy of its teacher answer, and those rows
    // are taken out again below: what is left is every item's teacher row and
    // its real pairs (none for "sft").
    std::vector<RankedItem> prepared;
    prepared.reserve(items.size());
    for (const RankedItem* item : items) {
        RankedItem copy = *item;
        if (objective == TrainObjective::Sft)
            copy.pairs.clear();
        copy.students.push_back(*copy.teacher());
        copy.pairs.push_back({int(copy.students.size()) - 1, 0.0, 0.0});
        prepared.push_back(std::move(copy));
    }
    TrainingBatch built = buildTrainingBatch(prepared, tokenizer, options);
    if (built.empty())
        return built;

    std::vector<int64_t> keep;
    std::vector<LossItem> lossItems;
    for (const LossItem& item : built.items) {
        LossItem kept;
        kept.teacherRow = int64_t(keep.size());
        keep.push_back(item.teacherRow);
        // The placeholder pair is the item's last one.
        for (size_t p = 0; p + 1 < item.pairs.size(); ++p) {
            LossPair pair = item.pairs[p];
            const int64_t row = pair.studentRow;
            pair.studentRow = int64_t(keep.size());
            keep.push_back(row);
            kept.pairs.push_back(pair);
        }
        lossItems.push_back(std::move(kept));
    }
    const at::Tensor index = at::tensor(keep, at::kLong);
    TrainingBatch batch;
    batch.ids = built.ids.index_select(0, index);
    batch.labels = built.labels.index_select(0, index);
    batch.attentionMask = built.attentionMask.index_select(0, index);
    // Trim the padding the dropped rows may have needed.
    const int64_t length = batch.attentionMask.sum(1).max().item<int64_t>();
    batch.ids = batch.ids.narrow(1, 0, length).contiguous();
    batch.labels = batch.labels.narrow(1, 0, length).contiguous();
    batch.attentionMask = batch.attentionMask.narrow(1, 0, length).contiguous();
    for (int64_t row : keep) {
        batch.promptTokens.push_back(built.promptTokens[size_t(row)]);
        batch.responseTokens.push_back(built.responseTokens[size_t(row)]);
        batch.truncated.push_back(built.truncated[size_t(row)]);
    }
    batch.items = std::move(lossItems);
    batch.taskIds = built.taskIds;
    batch.skipped = std::move(built.skipped);
    return batch;
}

}  // namespace rrtf
