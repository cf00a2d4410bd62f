// The RRTF training job (DESIGN.md "Train"): `rrtf train RUN_DIR` reads
// RUN_DIR/config.json (TrainConfig) and the rankings it names, and trains the
// student with AdamW under a warm-up + decay schedule, accumulating micro
// batches to the global batch, clipping the global gradient norm, averaging
// gradients over data-parallel ranks through c10d (DistributedContext).
//
// Run directory:
//   metrics.jsonl   one line per step: step, epoch (fractional), loss,
//                   rank_loss, sft_loss, lr, grad_norm, tokens, tokens_seen,
//                   tokens_per_second, elapsed_seconds, active_pairs; and at
//                   evaluation steps a line with step, epoch, elapsed_seconds,
//                   tokens_seen, pass_at_1, eval_problems, eval_passed
//   checkpoints/    step-NNNNNN/ folders and `latest` (train_checkpoint.h)
//   status.json     running | finished | failed | cancelled, and the process
//                   (pid, start time, host) that wrote it (run_files.h)
//   stop            written by whoever cancels the job (job_process.h): seen
//                   between steps, it stops the job as SIGTERM does
//   final/          the trained model as a Hugging Face folder (LoRA merged)
//
// A killed job resumes from checkpoints/latest: same data order, RNG and
// optimiser state, so the following steps' losses equal an uninterrupted run's
// (metrics.jsonl is cut back to the checkpoint's step first).
//
// bfloat16: the model is loaded in bf16 and AdamW updates those bf16 weights
// directly (no fp32 master copy): half the memory of float32, at the price of
// updates smaller than bf16's resolution being lost. The loss is computed in
// float32 (tokenLogProbs).
#pragma once

#include "runtime/cancellation.h"
#include "training/distributed.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace rrtf {

// One optimiser step, as metrics.jsonl records it (summed over the ranks).
struct StepReport {
    int64_t step = 0;
    int64_t totalSteps = 0;
    double epoch = 0;          // fractional: epochs done after this step
    double loss = 0;           // rank + sft, mean over the global batch's prompts
    double rankLoss = 0;
    double sftLoss = 0;
    double lr = 0;
    double gradNorm = 0;       // before clipping
    int64_t tokens = 0;        // response tokens scored in this step
    int64_t tokensSeen = 0;    // all steps so far, resumed runs included
    double tokensPerSecond = 0;
    double elapsedSeconds = 0; // training time so far, resumed runs included
    int64_t activePairs = 0;   // pairs whose hinge fired
};

struct EvalReport {
    int64_t step = 0;
    double epoch = 0;
    int problems = 0;
    int passed = 0;
    double passAtOne = 0;
};

struct TrainerOptions {
    at::Device device = at::kCPU;        // where the model trains
    DistributedOptions distributed;      // rank 0 of 1 unless a launcher says otherwise
    CancellationToken cancel;            // finish the step, checkpoint, stop (SIGINT/SIGTERM)
    std::function<void(const StepReport&)> onStep;   // after each step (rank 0)
    std::function<void(const EvalReport&)> onEval;   // after each evaluation (rank 0)
    std::function<void(const std::string&)> onNote;  // resumed, checkpoint written, ...
};

struct TrainOutcome {
    int64_t step = 0;         // steps done when it stopped
    int64_t totalSteps = 0;
    int64_t resumedFrom = 0;  // the checkpoint's step; 0 for a fresh start
    bool cancelled = false;   // stopped by `cancel` (a checkpoint was written)
};

// Runs the job in `runDir` to its end, or resumes it. Errors (bad config,
// unreadable rankings, a corrupt checkpoint) are rrtf::Error naming the file;
// status.json then says "failed" with the message.
TrainOutcome runTraining(const std::filesystem::path& runDir, const TrainerOptions& options = {});

}  // namespace rrtf
