// What each optimiser step trains on: the ranked items that have a teacher, in
// a seeded shuffle per epoch (seed + epoch, so a resumed run sees the same
// order), cut into global batches, shared out over the ranks and split into
// micro batches of tokenised rows.
#pragma once

#include "training/ranking.h"
#include "training/train_config.h"
#include "training/training_batch.h"

#include <cstdint>
#include <vector>

namespace rrtf {

// The items isTrainable() keeps; the others cannot give the supervised term and
// are left out (items without pairs stay: they still do).
std::vector<RankedItem> trainableItems(const std::vector<RankedItem>& items);

// A permutation of 0..count-1 drawn from (seed + epoch) with its own generator
// (Fisher-Yates over a 64-bit Mersenne twister), independent of LibTorch's RNG.
std::vector<int64_t> epochOrder(int64_t count, uint64_t seed, int64_t epoch);

struct StepPlan {
    int64_t epoch = 0;               // 0-based
    int64_t begin = 0, end = 0;      // the global batch: positions [begin, end) of the epoch's order
    std::vector<int64_t> mine;       // item indices this rank trains on, in order
};

// Optimiser steps of one epoch: ceil(items / global batch); the last batch may be smaller.
int64_t stepsPerEpoch(int64_t items, int globalBatch);
// The plan of 1-based step `step` for `rank` of `worldSize`: every worldSize-th
// position of the global batch, starting at `rank`.
StepPlan planStep(int64_t step, int64_t items, const TrainConfig& config, uint64_t seed, int rank, int worldSize);

// Tokenised rows for the given items. Every item keeps its supervised term,
// also with no pair or only empty student answers; with objective "sft" no
// student row is built at all. Items whose prompt leaves no room are skipped
// (batch.skipped says why).
TrainingBatch buildMicroBatch(const std::vector<const RankedItem*>& items, const Tokenizer& tokenizer,
                              TrainObjective objective, const TrainingBatchOptions& options);

}  // namespace rrtf
