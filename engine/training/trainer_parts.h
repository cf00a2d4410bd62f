// Pieces of the training job that trainer.cpp strings together: the model and
// its trainable parameters, restoring a checkpoint, and the final export.
#pragma once

#include "model/causal_lm.h"
#include "tokenizer/tokenizer.h"
#include "training/train_checkpoint.h"
#include "training/train_config.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rrtf {

// The student on `device` in the config's dtype, with LoRA and gradient
// checkpointing applied as configured.
struct TrainableModel {
    std::shared_ptr<CausalLM> model;
    std::map<std::string, at::Tensor> trainable;  // what a checkpoint saves, under HF names
    std::vector<at::Tensor> parameters;           // the same tensors, in the optimiser's order
    bool adaptersOnly = false;
};
TrainableModel loadTrainableModel(const TrainConfig& config, at::Device device);

// The tokenizer the config names (a tokenizer.json / .model file, or a folder holding one).
std::filesystem::path tokenizerFile(const TrainConfig& config);
std::unique_ptr<Tokenizer> loadTrainingTokenizer(const TrainConfig& config);

// Copies a checkpoint's weights into the trainable tensors. FormatError naming
// the checkpoint file for a missing tensor or a shape that differs.
void restoreWeights(const std::filesystem::path& checkpointDir, TrainableModel& trainable);

// RUN_DIR/final: config.json (the student's), model.safetensors (LoRA merged)
// and the tokenizer file, written to a temporary folder and renamed.
void exportFinalModel(const TrainConfig& config, TrainableModel& trainable);

}  // namespace rrtf
