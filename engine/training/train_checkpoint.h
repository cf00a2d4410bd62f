// Training checkpoints: RUN_DIR/checkpoints/step-NNNNNN/ holding the trainable
// weights (model.safetensors under HF names, or adapter_model.safetensors with
// only the LoRA adapters), the AdamW state (optimizer.pt, LibTorch's archive)
// and trainer_state.json (step, data position, RNG, counters, config hash).
// A checkpoint is written into a temporary folder, fsynced and renamed: the
// rename is the commit point, and RUN_DIR/checkpoints/latest (a one-line file
// naming the folder, itself replaced by rename) only ever names a whole one.
#pragma once

#include "model/checkpoint.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/optim/optimizer.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rrtf {

// Where the loop stands after an optimiser step.
struct TrainerState {
    int64_t step = 0;            // optimiser steps done
    int64_t epoch = 0;           // epoch of the next step (0-based)
    int64_t position = 0;        // items of that epoch's shuffled order already used
    int64_t tokensSeen = 0;      // response tokens trained on, all ranks
    double elapsedSeconds = 0;   // training time, summed over every resume
    std::string configHash;      // TrainConfig::curveHash() of the run that wrote it
    at::Tensor rngState;         // LibTorch's default CPU generator (uint8 bytes)

    nlohmann::json toJson() const;
    // FormatError prefixed with `source` naming the field at fault.
    static TrainerState fromJson(const nlohmann::json& json, const std::string& source);
};

// "step-000042".
std::string checkpointName(int64_t step);

struct CheckpointContents {
    const TrainerState& state;
    const StateDict& weights;               // what to save, under HF names
    bool adaptersOnly = false;              // weights are LoRA adapters: adapter_model.safetensors
    const torch::optim::Optimizer& optimizer;
};

// Writes RUN_DIR/checkpoints/step-NNNNNN atomically, points `latest` at it,
// then removes all but the `keep` newest (never the one just written) and any
// temporary folder a killed run left. Returns the new folder. Error naming the
// path on an I/O failure (the previous checkpoint then stays the latest).
std::filesystem::path writeTrainCheckpoint(const std::filesystem::path& runDir, const CheckpointContents& contents,
                                           int keep);

// The folder `latest` names; nullopt when the run has none. FormatError when
// `latest` names a folder that does not exist.
std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& runDir);

// trainer_state.json of a checkpoint. FormatError naming the file.
TrainerState readTrainerState(const std::filesystem::path& checkpointDir);
// The weights of a checkpoint and whether they are adapters only. FormatError naming the file.
StateDict readCheckpointWeights(const std::filesystem::path& checkpointDir, bool* adaptersOnly = nullptr);
// Restores the optimiser's state (its parameters must be the same, in the same
// order). FormatError naming optimizer.pt when it cannot be read.
void loadOptimizerState(const std::filesystem::path& checkpointDir, torch::optim::Optimizer& optimizer);

// Makes a written file or folder durable (fsync); Error naming it on failure.
void syncPath(const std::filesystem::path& path);

}  // namespace rrtf
