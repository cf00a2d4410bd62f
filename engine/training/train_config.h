// An RRTF training job's settings: RUN_DIR/config.json, every field checked
// before anything is loaded, so a typo fails at once with the file and field.
//
//   {"model": "student", "rankings": "rankings.jsonl", "global_batch": 64, ...}
//
// Unknown fields are errors too (a misspelt "learning_rate" would otherwise
// train silently with the default).
#pragma once

#include "generation/prompt_template.h"
#include "training/lora.h"
#include "training/lr_schedule.h"
#include "training/sft_reduction.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rrtf {

enum class TrainObjective {
    Rrtf,  // rank loss + supervised loss on the teacher answer (method.md §1.3)
    Sft,   // the supervised loss only: the baseline RRTF is compared against
};

struct TrainConfig {
    std::filesystem::path runDir;        // where config.json was read; outputs go here
    std::filesystem::path model;         // "model": the student's HF folder (relative to runDir)
    std::filesystem::path tokenizer;     // "tokenizer": tokenizer.json or a folder; default: the model folder
    std::filesystem::path rankings;      // "rankings": rankings.jsonl (relative to runDir)
    std::filesystem::path evalProblems;  // "eval_problems": held-out problem set; empty = no evaluation
    int64_t evalEvery = 0;               // "eval_every": steps between evaluations; 0 = only at the end
    int evalMaxNewTokens = 256;          // "eval_max_new_tokens": greedy tokens per problem
    bool evalAllowUnsafe = false;        // "eval_allow_unsafe": judge without isolation where namespaces are refused
    int epochs = 3;                      // "epochs": passes over the ranked items (RRHF's train.sh: 3)
    std::optional<int64_t> maxSteps;     // "max_steps": stop earlier (also shortens the schedule)
    int globalBatch = 64;                // "global_batch": prompts per optimiser step over all ranks
    int microBatch = 4;                  // "micro_batch": prompts per forward on one rank
    double lr = 2e-5;                    // "lr": peak learning rate (RRHF's train.sh)
    double weightDecay = 0.0;            // "weight_decay": AdamW's decoupled decay
    double beta1 = 0.9;                  // "betas"[0]
    double beta2 = 0.999;                // "betas"[1]
    double eps = 1e-8;                   // "eps": AdamW's denominator term
    std::optional<int64_t> warmupSteps;  // "warmup_steps": overrides warmup_ratio
    double warmupRatio = 0.03;           // "warmup_ratio": warm-up as a fraction of all steps (RRHF)
    LrScheduleKind schedule = LrScheduleKind::Cosine;  // "schedule": cosine | linear | constant
    double minLrRatio = 0.0;             // "min_lr_ratio": the decay's floor, × lr
    double maxGradNorm = 1.0;            // "max_grad_norm": clip the global norm; 0 = no clipping
    std::string dtype = "float32";       // "dtype": float32 | bfloat16 (weights and compute)
    bool gradientCheckpointing = false;  // "gradient_checkpointing": recompute block activations
    std::optional<LoraOptions> lora;     // "lora": null, or {rank, alpha, dropout, targets}
    int64_t maxLength = 1024;            // "max_length": tokens per row, prompt and answer
    uint64_t seed = 1;                   // "seed": data order (seed + epoch) and torch's RNG
    int64_t checkpointEvery = 50;        // "checkpoint_every": steps between checkpoints (and at the end)
    int keepCheckpoints = 2;             // "keep_checkpoints": older ones are removed
    TrainObjective objective = TrainObjective::Rrtf;  // "objective": rrtf | sft
    // "prompt_template": raw | alpaca | pangu | a text with {instruction}: how an
    // instruction is shown to the model in training and in the held-out evaluation
    // (WizardCoder trains in Alpaca's, PanGu-Coder2 in the triple-quoted one).
    PromptTemplate promptTemplate{PromptTemplateKind::PanGu};
    // "sft_reduction": sum | mean. The paper's fine-tuning term sums the teacher's
    // token log-probs; RRHF's code, which RRTF builds on, averages them. With the
    // sum, an answer of n tokens weighs n times a ranking pair, whose scores are
    // means; with the mean the two terms are on one scale.
    SftReduction sftReduction = SftReduction::Sum;

    nlohmann::json json;  // the object as read, for the config hash

    // Warm-up steps for a run of `totalSteps`: warmup_steps, else ceil(ratio × total).
    int64_t warmupFor(int64_t totalSteps) const;
    // SHA-256 of the fields that shape the loss curve (not max_steps, the
    // evaluation or checkpoint settings), so a resume can refuse a changed job.
    std::string curveHash() const;
};

struct TrainableCount;

// Why rankings cannot train a job, checked before anything is loaded by `rrtf
// train` and by the workbench's job form: no item has a teacher answer to train
// on, or objective "rrtf" has no pair to rank (it would train as plain SFT).
enum class TrainingDataProblem { None, NoTeacherAnswers, NoPairs };
TrainingDataProblem trainingDataProblem(TrainObjective objective, const TrainableCount& count);

// Parses and validates `json`; `source` (the file) prefixes every error, which
// names the field and the value: "run/config.json: \"micro_batch\": 0 is not ...".
TrainConfig parseTrainConfig(const nlohmann::json& json, const std::filesystem::path& runDir,
                             const std::string& source);
// Reads RUN_DIR/config.json. FormatError / InvalidArgument naming the file and field.
TrainConfig loadTrainConfig(const std::filesystem::path& runDir);

}  // namespace rrtf
