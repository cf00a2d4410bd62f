// Engine benchmark: load time, prefill and decode throughput, sampling with n
// samples of one prompt, and the decode step against its matrix products alone.
// Prints a Markdown table; nothing here is asserted.
//
//   bench_engine [--hidden 512] [--layers 4] [--heads 8] [--tokens 128] [--threads 0]
#include "generation/decode_batch.h"
#include "generation/generator.h"
#include "generation/sampler.h"
#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "runtime/threads.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace rrtf;
using Clock = std::chrono::steady_clock;

namespace {

struct BenchConfig {
    int hidden = 512;
    int layers = 4;
    int heads = 8;
    int vocab = 49152;
    int newTokens = 128;
    int promptTokens = 128;
    int threads = 0;
    int repeats = 5;
};

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// Median wall time of `repeats` runs of `work`, after one warm-up run.
double medianSeconds(int repeats, const std::function<void()>& work)
{
    work();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(seconds(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

std::vector<int> promptIds(int length)
{
    std::vector<int> ids;
    for (int i = 0; i < length; ++i)
        ids.push_back(100 + (i * 7919) % 40000);
    return ids;
}

// The decode step's matrix products alone: the same kernels on the same shapes.
double matmulOnlySeconds(CausalLM& model, int repeats, int rows = 1)
{
    at::NoGradGuard inference;  // the same kernels the model's forward pass picks
    auto state = model.stateDict();
    const auto& config = model.config();
    at::Tensor x = at::randn({rows, 1, config.nEmbd});
    at::Tensor inner = at::randn({rows, 1, config.innerSize()});
    const at::Tensor& lmHead = model.module()->outputWeight();
    return medianSeconds(repeats * 20, [&] {
        for (int layer = 0; layer < config.nLayer; ++layer) {
            const std::string prefix = "transformer.h." + std::to_string(layer) + ".";
            denseProduct(x, state[prefix + "attn.c_attn.weight"], state[prefix + "attn.c_attn.bias"]);
            denseProduct(x, state[prefix + "attn.c_proj.weight"], state[prefix + "attn.c_proj.bias"]);
            denseProduct(x, state[prefix + "mlp.c_fc.weight"], state[prefix + "mlp.c_fc.bias"]);
            denseProduct(inner, state[prefix + "mlp.c_proj.weight"], state[prefix + "mlp.c_proj.bias"]);
        }
        denseProduct(x, lmHead, {});
    });
}

// Where one decode step of `rows` samples spends its time: the forward pass, its
// matrix products alone, and drawing the next tokens (T 0.8, top-p 0.95).
struct StepBreakdown {
    double forward = 0, matmul = 0, sampling = 0;
};

StepBreakdown stepBreakdown(CausalLM& model, int rows, int repeats)
{
    at::NoGradGuard inference;
    KvCache prompt = model.newCache();
    model.forward({at::full({1, 16}, 5, at::kLong)}, &prompt);
    DecodeBatch batch(model);
    batch.addRows(prompt, 16, rows);
    batch.reserve(repeats * 40 + 2);
    const std::vector<int64_t> tokens(rows, 7);
    at::Tensor logits;
    StepBreakdown result;
    result.forward = medianSeconds(repeats * 20, [&] { logits = batch.step(model, tokens); });
    result.matmul = matmulOnlySeconds(model, repeats, rows);

    logits = logits.contiguous();
    SamplingOptions options;
    options.temperature = 0.8f;
    options.topP = 0.95f;
    std::vector<SequenceRng> rngs;
    for (int r = 0; r < rows; ++r)
        rngs.emplace_back(1, r);
    std::vector<int> drawn(rows);
    result.sampling = medianSeconds(repeats * 20, [&] {
        sampleRows(logits.data_ptr<float>(), rows, static_cast<int>(logits.size(1)), {&options, 1}, rngs, drawn);
    });
    return result;
}

double generateTokensPerSecond(CausalLM& model, int samples, bool greedy, int newTokens, int repeats)
{
    GenerationRequest request;
    request.promptIds = promptIds(16);
    request.numSamples = samples;
    request.sampling.greedy = greedy;
    request.sampling.temperature = 0.8f;
    request.sampling.topP = 0.95f;
    request.maxNewTokens = newTokens;
    request.stopAtEos = false;
    Generator generator(model);
    const double time = medianSeconds(repeats, [&] { generator.generate({request}); });
    return samples * newTokens / time;
}

void parseArgs(int argc, char** argv, BenchConfig& config)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const int value = std::stoi(argv[i + 1]);
        if (flag == "--hidden") config.hidden = value;
        else if (flag == "--layers") config.layers = value;
        else if (flag == "--heads") config.heads = value;
        else if (flag == "--tokens") config.newTokens = value;
        else if (flag == "--threads") config.threads = value;
        else if (flag == "--repeats") config.repeats = value;
        else std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
    }
}

}  // namespace

int main(int argc, char** argv)
{
    BenchConfig bench;
    parseArgs(argc, argv, bench);
    const int threads = configureComputeThreads(bench.threads);

    GPTBigCodeConfig config;
    config.vocabSize = bench.vocab;
    config.nPositions = 2048;
    config.nEmbd = bench.hidden;
    config.nLayer = bench.layers;
    config.nHead = bench.heads;
    config.multiQuery = true;
    config.eosTokenId = 0;

    const auto dir = std::filesystem::temp_directory_path() / ("rrtf-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    {
        auto random = CausalLM::random(config, 7);
        writeCheckpoint(dir, random->stateDict());
        std::ofstream(dir / "config.json") << config.toJson().dump(2);
    }
    std::vector<double> loads;
    std::shared_ptr<CausalLM> model;
    for (int i = 0; i < 3; ++i) {
        model.reset();
        const auto start = Clock::now();
        model = CausalLM::load(dir);
        loads.push_back(seconds(start));
    }
    std::sort(loads.begin(), loads.end());
    std::filesystem::remove_all(dir);

    ForwardInput prefill;
    prefill.ids = at::tensor(std::vector<int64_t>(bench.promptTokens, 1234), at::kLong).view({1, -1});
    prefill.lastPositionOnly = true;
    const double prefillTime = medianSeconds(bench.repeats, [&] {
        KvCache cache = model->newCache();
        model->forward(prefill, &cache);
    });

    // One decode step at batch 1, measured inside a 16-token context.
    KvCache cache = model->newCache();
    model->forward({at::full({1, 16}, 5, at::kLong)}, &cache);
    cache.reserve(16 + 4096);
    ForwardInput step{at::full({1, 1}, 7, at::kLong)};
    const double stepTime = medianSeconds(bench.repeats * 20, [&] { model->forward(step, &cache); });
    const double matmulTime = matmulOnlySeconds(*model, bench.repeats);

    const double greedy = generateTokensPerSecond(*model, 1, true, bench.newTokens, bench.repeats);
    const double n16 = generateTokensPerSecond(*model, 16, false, bench.newTokens, std::max(1, bench.repeats / 2));
    const double n64 = generateTokensPerSecond(*model, 64, false, bench.newTokens, 1);
    const StepBreakdown step16 = stepBreakdown(*model, 16, bench.repeats);

    int64_t parameters = 0;
    for (const auto& [name, tensor] : model->stateDict())
        parameters += tensor.numel();

    std::printf("\n## rrtf engine, GPTBigCode %d layers, hidden %d, %d heads (MQA), vocab %d, fp32, %d threads\n\n",
                config.nLayer, config.nEmbd, config.nHead, config.vocabSize, threads);
    std::printf("| figure | value |\n|---|---|\n");
    std::printf("| parameters | %.1f M (%.0f MiB fp32) |\n", parameters / 1e6, parameters * 4 / 1048576.0);
    std::printf("| checkpoint load (safetensors, median of 3) | %.1f ms |\n", loads[1] * 1e3);
    std::printf("| prefill, %d tokens | %.0f tok/s (%.1f ms) |\n", bench.promptTokens, bench.promptTokens / prefillTime,
                prefillTime * 1e3);
    std::printf("| decode step, batch 1 | %.2f ms |\n", stepTime * 1e3);
    std::printf("| its matrix products alone | %.2f ms |\n", matmulTime * 1e3);
    std::printf("| step / matrix products (target <= 1.5) | %.2f |\n", stepTime / matmulTime);
    std::printf("| greedy decode, batch 1, %d new tokens | %.0f tok/s |\n", bench.newTokens, greedy);
    std::printf("| sampling n=16 of one prompt (T 0.8, top-p 0.95) | %.0f tok/s (%.1fx batch 1) |\n", n16, n16 / greedy);
    std::printf("| sampling n=64 of one prompt | %.0f tok/s (%.1fx batch 1) |\n", n64, n64 / greedy);
    std::printf("| n=16 step: forward pass / its matrix products / sampling 16 rows | %.2f / %.2f / %.2f ms |\n",
                step16.forward * 1e3, step16.matmul * 1e3, step16.sampling * 1e3);
    std::printf("| peak resident memory | %.0f MiB |\n", peakMemoryMiB());
    return 0;
}
