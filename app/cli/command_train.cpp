// rrtf train RUN_DIR: the RRTF training job (engine/training/trainer.h). One
// progress line per step on stderr; SIGINT, SIGTERM or RUN_DIR/stop (rrtf
// cancel, the workbench's Cancel) finishes the step, writes a checkpoint and
// exits 130 (a second Ctrl-C ends it at once); running it again resumes.
#include "cli_support.h"

#include "runtime/error.h"
#include "runtime/threads.h"
#include "training/trainer.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace rrtf::cli {

namespace {
struct TrainArgs {
    std::string runDir;
    std::string device = "cpu";  // cpu, cuda, cuda:N
    int threads = 0;             // 0 = one per core
};

std::string duration(double seconds)
{
    const long total = long(seconds + 0.5);
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, total / 60 % 60);
    else
        std::snprintf(text, sizeof text, "%ldm%02lds", total / 60, total % 60);
    return text;
}

int runTrain(const TrainArgs& args)
{
    ModelOptions device;
    device.device = args.device;
    TrainerOptions options;
    options.device = device.loadOptions().device;
    configureComputeThreads(args.threads);
    options.distributed = distributedOptionsFromEnvironment();

    cancelOnInterrupt(options.cancel, OnSigterm::Cancel);

    options.onNote = [](const std::string& note) { std::fprintf(stderr, "rrtf: %s\n", note.c_str()); };
    options.onStep = [](const StepReport& step) {
        const double perStep = step.elapsedSeconds / double(std::max<int64_t>(step.step, 1));
        std::fprintf(stderr, "step %lld/%lld  loss %.4f (rank %.4f, sft %.4f)  lr %.3g  %.0f tok/s  ETA %s\n",
                     static_cast<long long>(step.step), static_cast<long long>(step.totalSteps), step.loss,
                     step.rankLoss, step.sftLoss, step.lr, step.tokensPerSecond,
                     duration(perStep * double(step.totalSteps - step.step)).c_str());
    };
    options.onEval = [](const EvalReport& eval) {
        std::fprintf(stderr, "eval  step %lld  pass@1 %.4f (%d of %d)\n", static_cast<long long>(eval.step),
                     eval.passAtOne, eval.passed, eval.problems);
    };
    const TrainOutcome outcome = runTraining(args.runDir, options);
    if (outcome.cancelled) {
        std::fprintf(stderr, "rrtf: stopped after step %lld of %lld; run the same command again to resume\n",
                     static_cast<long long>(outcome.step), static_cast<long long>(outcome.totalSteps));
        return 130;
    }
    std::fprintf(stderr, "rrtf: finished %lld steps; the model is in %s/final\n",
                 static_cast<long long>(outcome.step), args.runDir.c_str());
    return 0;
}
}  // namespace

void addTrainCommand(CLI::App& app)
{
    auto args = std::make_shared<TrainArgs>();
    CLI::App* command = app.add_subcommand(
        "train", "Train a student with RRTF from RUN_DIR/config.json; resumes from the last checkpoint");
    command->add_option("run_dir", args->runDir, "Run directory holding config.json")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--device", args->device, "cpu, cuda or cuda:N")->capture_default_str();
    command->add_option("--threads", args->threads, "Compute threads (0 = one per core)")->capture_default_str();
    command->callback([args] {
        const int code = runTrain(*args);
        if (code != 0)
            throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
