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
//
// In bfloat16 the model computes in bfloat16 but the optimiser updates float32
// master copies of the trainable weights, which are rounded into the model
// after each step: bfloat16 keeps 8 bits of mantissa, so an update of lr 2e-5
// to a weight of 0.05 (a quarter of its last bit) would be lost every time.
struct TrainableModel {
    std::shared_ptr<CausalLM> model;
    std::map<std::string, at::Tensor> trainable;  // what the optimiser updates and a checkpoint saves, under
                                                  // HF names: the float32 masters when the model is not float32
    std::vector<at::Tensor> parameters;           // the same tensors, in the optimiser's order
    std::vector<at::Tensor> modelParameters;      // the model's own tensors, in the same order
    bool adaptersOnly = false;

    bool hasMasterWeights() const { return !parameters.empty() && !parameters[0].is_same(modelParameters[0]); }
    // After backward: the model's gradients, in float32, become the masters' (summed
    // into any they have) and the model's are cleared.
    void gradientsToMasters();
    // After the optimiser step (and a restore): the masters, rounded, into the model.
    void mastersToModel();
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
