#include "training/trainer.h"

#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "runtime/error.h"
#include "training/job_process.h"
#include "training/lr_schedule.h"
#include "training/rrtf_loss.h"
#include "training/run_files.h"
#include "training/train_data.h"
#include "training/trainer_eval.h"
#include "training/trainer_parts.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace rrtf {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

at::Tensor rngState()
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setRngState(const at::Tensor& state)
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

double gradientNorm(const std::vector<at::Tensor>& parameters, double maxNorm)
{
    if (maxNorm > 0)
        return torch::nn::utils::clip_grad_norm_(parameters, maxNorm);
    double squares = 0;
    for (const at::Tensor& parameter : parameters)
        if (parameter.grad().defined())
            squares += std::pow(parameter.grad().to(at::kFloat).norm().item<double>(), 2);
    return std::sqrt(squares);
}

// Everything the loop needs, set up once.
struct Job {
    TrainConfig config;
    const TrainerOptions& options;
    DistributedContext& context;
    std::vector<RankedItem> items;
    std::unique_ptr<Tokenizer> tokenizer;
    TrainableModel trainable;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    LrSchedule schedule;
    int64_t totalSteps = 0;
    std::optional<ProblemSet> problems;
    std::unique_ptr<SandboxPool> pool;

    fs::path metricsPath() const { return config.runDir / "metrics.jsonl"; }
    void note(const std::string& text) const
    {
        if (options.onNote && context.isMain())
            options.onNote(text);
    }
};

struct StepSums {
    double rank = 0, sft = 0, tokens = 0, activePairs = 0, items = 0;
};

// Forward and backward of this rank's share of one global batch.
StepSums accumulate(Job& job, const StepPlan& plan)
{
    const TrainConfig& config = job.config;
    std::vector<TrainingBatch> batches;
    double localItems = 0;
    TrainingBatchOptions rows;
    rows.maxLength = config.maxLength;
    rows.promptTemplate = config.promptTemplate;
    for (size_t start = 0; start < plan.mine.size(); start += size_t(config.microBatch)) {
        std::vector<const RankedItem*> chunk;
        for (size_t i = start; i < std::min(plan.mine.size(), start + size_t(config.microBatch)); ++i)
            chunk.push_back(&job.items[size_t(plan.mine[i])]);
        TrainingBatch batch = buildMicroBatch(chunk, *job.tokenizer, config.objective, rows);
        localItems += double(batch.items.size());
        if (!batch.empty())
            batches.push_back(std::move(batch));
    }
    const int world = job.context.worldSize();
    const double globalItems = world > 1 ? job.context.sum({localItems})[0] : localItems;
    StepSums sums;
    if (globalItems == 0)
        return sums;
    auto module = job.trainable.model->module();
    module->train();
    for (const TrainingBatch& batch : batches) {
        ForwardInput input;
        input.ids = batch.ids.to(job.options.device);
        input.attentionMask = batch.attentionMask.to(job.options.device);
        const at::Tensor logits = module->forward(input, nullptr);
        const RrtfLoss loss = rrtfLoss(logits, batch.labels.to(job.options.device), batch.items, config.sftReduction);
        // rrtfLoss is a mean over this micro batch; weighting by its share of the
        // global batch (and by the ranks, which averageGradients divides out)
        // makes the summed gradient that of the global batch's mean.
        const double items = double(loss.items);
        (loss.total * (items * world / globalItems)).backward();
        sums.rank += loss.rank.item<double>() * items;
        sums.sft += loss.sft.item<double>() * items;
        sums.tokens += double(loss.tokens);
        sums.activePairs += double(loss.activePairs);
        sums.items += items;
    }
    job.trainable.gradientsToMasters();  // float32 from here on: the allreduce, clipping, AdamW
    if (world > 1) {
        job.context.averageGradients(job.trainable.parameters);
        const auto total = job.context.sum({sums.rank, sums.sft, sums.tokens, sums.activePairs, sums.items});
        sums = {total[0], total[1], total[2], total[3], total[4]};
    }
    return sums;
}

void evaluate(Job& job, const TrainerState& state, double epoch)
{
    if (job.context.isMain()) {
        auto module = job.trainable.model->module();
        module->eval();
        const PassAtOne score = evaluatePassAtOne(*job.trainable.model, *job.tokenizer, *job.problems,
                                                  job.config.evalMaxNewTokens, *job.pool, job.config.promptTemplate);
        module->train();
        appendMetricsLine(job.metricsPath(), {{"step", state.step},
                                              {"epoch", epoch},
                                              {"elapsed_seconds", state.elapsedSeconds},
                                              {"tokens_seen", state.tokensSeen},
                                              {"pass_at_1", score.value()},
                                              {"eval_problems", score.problems},
                                              {"eval_passed", score.passed},
                                              {"time", unixSeconds()}});
        if (job.options.onEval)
            job.options.onEval({state.step, epoch, score.problems, score.passed, score.value()});
    }
    job.context.barrier();
}

void checkpoint(Job& job, TrainerState& state)
{
    state.rngState = rngState();
    if (job.context.isMain()) {
        const CheckpointContents contents{state, job.trainable.trainable, job.trainable.adaptersOnly, *job.optimizer};
        const fs::path written = writeTrainCheckpoint(job.config.runDir, contents, job.config.keepCheckpoints);
        job.note("checkpoint " + written.string());
    }
    job.context.barrier();
}

TrainerState resume(Job& job)
{
    TrainerState state;
    state.configHash = job.config.curveHash();
    at::manual_seed(job.config.seed);
    const auto latest = latestCheckpoint(job.config.runDir);
    if (!latest) {
        if (job.context.isMain())
            truncateMetrics(job.metricsPath(), 0);
        return state;
    }
    TrainerState saved = readTrainerState(*latest);
    if (saved.configHash != state.configHash)
        throw InvalidArgument((job.config.runDir / "config.json").string() +
                              ": the training settings changed since " + latest->string() +
                              " was written; restore them or start a new run directory");
    restoreWeights(*latest, job.trainable);
    loadOptimizerState(*latest, *job.optimizer);
    if (saved.rngState.defined())
        setRngState(saved.rngState);
    if (job.context.isMain())
        truncateMetrics(job.metricsPath(), saved.step);
    job.note("resuming from " + latest->string());
    return saved;
}

void setUp(Job& job, at::Device device)
{
    const TrainConfig& config = job.config;
    job.items = trainableItems(readRankings(config.rankings));
    const TrainingDataProblem problem = trainingDataProblem(config.objective, countTrainable(job.items));
    if (problem == TrainingDataProblem::NoTeacherAnswers)
        throw InvalidArgument(config.rankings.string() + ": no item has a teacher answer to train on");
    // Without a pair the ranking term is zero and "rrtf" would quietly be SFT.
    if (problem == TrainingDataProblem::NoPairs)
        throw InvalidArgument(config.rankings.string() +
                              ": has no pairs (no student answer ranked below its teacher), so objective \"rrtf\" "
                              "would train as plain SFT; set \"objective\": \"sft\" in " +
                              (config.runDir / "config.json").string() +
                              " to train on the teacher answers alone, or rank sampled student answers "
                              "(rrtf sample, then rrtf rank DATA SAMPLES)");
    job.tokenizer = loadTrainingTokenizer(config);
    if (!config.evalProblems.empty() && job.context.isMain()) {
        job.problems = loadProblemSet(config.evalProblems);
        SandboxOptions sandbox;
        sandbox.allowUnsafe = config.evalAllowUnsafe;
        job.pool = std::make_unique<SandboxPool>(sandbox);
    }
    job.trainable = loadTrainableModel(config, device);
    torch::optim::AdamWOptions adam(config.lr);
    adam.betas({config.beta1, config.beta2}).eps(config.eps).weight_decay(config.weightDecay);
    job.optimizer = std::make_unique<torch::optim::AdamW>(job.trainable.parameters, adam);

    const int64_t perEpoch = stepsPerEpoch(int64_t(job.items.size()), config.globalBatch);
    job.totalSteps = perEpoch * config.epochs;
    if (config.maxSteps)
        job.totalSteps = std::min(job.totalSteps, *config.maxSteps);
    job.schedule = {config.lr, config.warmupFor(job.totalSteps), job.totalSteps, config.schedule, config.minLrRatio};
}

// Ranks that resumed from different steps (run folders not shared between
// machines, one missing its checkpoints) would train different batches and
// fail later with an unrelated error. All ranks get the same sums, so all agree:
// the steps are equal exactly when n·Σs² = (Σs)².
void requireSameResumedStep(DistributedContext& context, int64_t step)
{
    const auto s = double(step);
    const std::vector<double> sums = context.sum({s, s * s});
    if (double(context.worldSize()) * sums[1] != sums[0] * sums[0])
        throw Error("rank " + std::to_string(context.rank()) + " resumed at step " + std::to_string(step) +
                    " but the ranks resumed at different steps: every rank must see the same run folder "
                    "(its checkpoints)");
}

// Whether to stop now: a Ctrl-C or SIGTERM, or RUN_DIR/stop (how the workbench
// and `rrtf cancel` ask). Every rank asks the others, so that a request that
// reached one rank (or reached them at different moments) stops them all after
// the same step, with one checkpoint; a rank that left alone would make the
// others' next collective fail.
bool stopRequested(Job& job)
{
    const bool mine = job.options.cancel.isCancelled() || rrtf::stopRequested(job.config.runDir);
    if (job.context.worldSize() == 1)
        return mine;
    return job.context.sum({mine ? 1.0 : 0.0})[0] > 0;
}

// One optimiser step: metrics line, evaluation and checkpoint when due.
// Returns whether the run stops after it (stopRequested).
bool trainStep(Job& job, TrainerState& state, int64_t step)
{
    const TrainerOptions& options = job.options;
    DistributedContext& context = job.context;
    const auto itemCount = int64_t(job.items.size());
    const auto start = Clock::now();
    const double lr = learningRate(job.schedule, step);
    for (auto& group : job.optimizer->param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    const StepPlan plan = planStep(step, itemCount, job.config, job.config.seed, context.rank(),
                                   context.worldSize());
    job.optimizer->zero_grad();
    const StepSums sums = accumulate(job, plan);
    const double gradNorm = gradientNorm(job.trainable.parameters, job.config.maxGradNorm);
    if (sums.items > 0) {
        job.optimizer->step();
        job.trainable.mastersToModel();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    state.step = step;
    state.epoch = plan.end >= itemCount ? plan.epoch + 1 : plan.epoch;
    state.position = plan.end >= itemCount ? 0 : plan.end;
    state.tokensSeen += int64_t(sums.tokens);
    state.elapsedSeconds += seconds;
    const double epoch = double(plan.epoch) + double(plan.end) / double(itemCount);
    const double items = std::max(sums.items, 1.0);
    StepReport line{step, job.totalSteps, epoch, (sums.rank + sums.sft) / items, sums.rank / items,
                    sums.sft / items, lr, gradNorm, int64_t(sums.tokens), state.tokensSeen,
                    seconds > 0 ? sums.tokens / seconds : 0.0, state.elapsedSeconds,
                    int64_t(sums.activePairs)};
    if (context.isMain()) {
        appendMetricsLine(job.metricsPath(),
                          {{"step", line.step}, {"epoch", line.epoch}, {"loss", line.loss},
                           {"rank_loss", line.rankLoss}, {"sft_loss", line.sftLoss}, {"lr", line.lr},
                           {"grad_norm", line.gradNorm}, {"tokens", line.tokens},
                           {"tokens_seen", line.tokensSeen}, {"tokens_per_second", line.tokensPerSecond},
                           {"elapsed_seconds", line.elapsedSeconds}, {"active_pairs", line.activePairs},
                           {"time", unixSeconds()}});
        if (options.onStep)
            options.onStep(line);
    }

    const bool last = step == job.totalSteps;
    const bool evalStep = !job.config.evalProblems.empty() &&
                          ((job.config.evalEvery > 0 && step % job.config.evalEvery == 0) || last);
    if (evalStep) {
        // The evaluation must not disturb the training's random stream.
        const at::Tensor rng = rngState();
        evaluate(job, state, epoch);
        setRngState(rng);
    }
    const bool stop = stopRequested(job);
    if (last || step % job.config.checkpointEvery == 0 || stop)
        checkpoint(job, state);
    return stop;
}

}  // namespace

TrainOutcome runTraining(const fs::path& runDir, const TrainerOptions& options)
{
    DistributedContext context(options.distributed);
    RunStatus status;
    status.started = utcTimestamp();
    auto report = [&](RunState state, const std::string& error = {}) {
        status.state = state;
        status.error = error;
        if (context.isMain())
            writeRunStatus(runDir, status);
    };
    try {
        // A stop file is a request to the job that was running: this start is a
        // new one. Cleared before the status says "running", so that any stop
        // asked of this job once it says so is seen.
        if (context.isMain())
            clearStopRequest(runDir);
        report(RunState::Running);
        Job job{loadTrainConfig(runDir), options, context};
        setUp(job, options.device);
        TrainerState state = resume(job);
        // Every rank starts from rank 0's weights, whatever it read itself.
        if (context.worldSize() > 1) {
            requireSameResumedStep(context, state.step);
            context.broadcast(job.trainable.parameters);
            job.trainable.mastersToModel();
        }
        TrainOutcome outcome;
        outcome.resumedFrom = state.step;
        outcome.totalSteps = status.totalSteps = job.totalSteps;
        status.step = state.step;
        report(RunState::Running);
        bool stop = stopRequested(job);
        for (int64_t step = state.step + 1; step <= job.totalSteps && !stop; ++step) {
            stop = trainStep(job, state, step);
            status.step = step;
            report(RunState::Running);
        }
        outcome.step = state.step;
        if (state.step < job.totalSteps) {
            outcome.cancelled = true;
            report(RunState::Cancelled);
            if (context.isMain())
                clearStopRequest(runDir);
            return outcome;
        }
        if (context.isMain())
            exportFinalModel(job.config, job.trainable);
        context.barrier();
        report(RunState::Finished);
        return outcome;
    } catch (const std::exception& error) {
        try {
            report(RunState::Failed, error.what());
        } catch (const std::exception&) {
            // The disk that failed the run may not take its status either: the first
            // error is the one to report, not this one.
        }
        throw;
    }
}

}  // namespace rrtf
