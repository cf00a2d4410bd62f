// pass@1 of several models on one problem set (the project's training JSONL:
// task_id, instruction, tests), greedy and sampled, with the outcome classes of
// the samples: the RRTF demonstration's benchmark (bench/rrtf_demo/run.sh).
//
//   bench_pass_at_1 --problems heldout.jsonl base=DIR sft=DIR rrtf=DIR [--samples 10 --temperature 0.8]
//
// Each model answers every problem in the paper's prompt format (the format
// RRTF trains in), its answers are judged in the sandbox exactly as `rrtf rank`
// judges them, and pass@1 is the unbiased estimate from n samples (Codex: c/n
// averaged over problems). Greedy pass@1 is the same as the trainer's held-out
// evaluation.
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"
#include "training/answer_judging.h"
#include "training/ranking.h"
#include "training/sampling.h"

#include "evaluation/sandbox_pool.h"

#include <CLI/CLI.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace rrtf;

namespace {

struct NamedModel {
    std::string name;
    std::filesystem::path dir;
};

NamedModel parseNamedModel(const std::string& argument)
{
    const auto equals = argument.find('=');
    if (equals == std::string::npos)
        return {std::filesystem::path(argument).filename().string(), argument};
    return {argument.substr(0, equals), argument.substr(equals + 1)};
}

// What one model scored on the problem set.
struct ModelScore {
    double greedyPassAtOne = 0.0;
    double sampledPassAtOne = 0.0;
    std::map<std::string, int> sampleClasses;  // answerClassName (or "not_ranked") -> samples
    int samples = 0;
    double seconds = 0.0;
};

// Samples every problem `k` times at `temperature` (0: greedy) and judges the answers;
// returns, per problem, the share of its answers that pass.
std::vector<double> passShares(Generator& generator, const CausalLM& lm, const Tokenizer& tokenizer,
                               const std::vector<TrainingRecord>& problems, const NamedModel& model,
                               RecordSamplingOptions options, SandboxPool& pool, ModelScore* classes)
{
    const SamplingModel identity{AnswerRole::Student, model.name, model.dir, ""};
    const std::vector<SampleGroup> groups = sampleRecords(generator, lm, tokenizer, problems, identity, options);
    const JudgedRecords judged = judgeSampleGroups(pool, problems, groups);
    std::vector<double> shares;
    for (const RankingItem& item : judged.items) {
        int passed = 0;
        for (const JudgedAnswer& answer : item.studentAnswers) {
            passed += answer.verdict.passed() ? 1 : 0;
            if (classes) {
                const auto answerClass = classifyVerdict(answer.verdict);
                ++classes->sampleClasses[answerClass ? std::string(answerClassName(*answerClass)) : "not_ranked"];
                ++classes->samples;
            }
        }
        shares.push_back(item.studentAnswers.empty() ? 0.0 : double(passed) / item.studentAnswers.size());
    }
    return shares;
}

double mean(const std::vector<double>& values, std::size_t count)
{
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return count > 0 ? sum / double(count) : 0.0;
}

ModelScore scoreModel(const NamedModel& model, const std::vector<TrainingRecord>& problems, int samples,
                      double temperature, int maxNewTokens, uint64_t seed, SandboxPool& pool)
{
    const auto start = std::chrono::steady_clock::now();
    auto lm = CausalLM::load(model.dir);
    auto tokenizer = loadTokenizer(model.dir / "tokenizer.json");
    Generator generator(*lm, tokenizer.get());

    RecordSamplingOptions options;
    options.maxNewTokens = maxNewTokens;
    options.seed = seed;
    options.samplesPerRecord = 1;
    options.temperature = 0.0;
    ModelScore score;
    score.greedyPassAtOne = mean(passShares(generator, *lm, *tokenizer, problems, model, options, pool, nullptr),
                                 problems.size());
    options.samplesPerRecord = samples;
    options.temperature = temperature;
    score.sampledPassAtOne = mean(passShares(generator, *lm, *tokenizer, problems, model, options, pool, &score),
                                  problems.size());
    score.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return score;
}

std::string percent(int count, int total)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", total > 0 ? 100.0 * count / total : 0.0);
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"pass@1 of models on a problem set, greedy and sampled, judged in the sandbox"};
    std::string problemsPath;
    std::vector<std::string> modelArguments;
    int samples = 10;
    double temperature = 0.8;
    int maxNewTokens = 64;
    uint64_t seed = 1;
    int workers = 2;
    app.add_option("--problems", problemsPath, "Problems with tests (rrtf JSONL)")->required();
    app.add_option("models", modelArguments, "NAME=DIR (or DIR) of each model")->required();
    app.add_option("--samples", samples, "Samples per problem for sampled pass@1")->capture_default_str();
    app.add_option("--temperature", temperature, "Sampling temperature")->capture_default_str();
    app.add_option("--max-new-tokens", maxNewTokens, "Most tokens per answer")->capture_default_str();
    app.add_option("--seed", seed, "Sampling seed")->capture_default_str();
    app.add_option("--workers", workers, "Sandbox workers")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        configureComputeThreads(0);
        const std::vector<TrainingRecord> problems = loadTrainingRecords(problemsPath);
        SandboxPool pool(SandboxOptions{workers});
        std::printf("%zu problems from %s; sampled pass@1 from n=%d at T=%.2f, top-p 0.95; sandbox %s\n\n",
                    problems.size(), problemsPath.c_str(), samples, temperature, pool.info().tier.c_str());
        const std::array<const char*, 4> classes = {"all_pass", "partial", "runtime_error", "compile_error"};
        std::printf("| model | greedy pass@1 | pass@1 (n=%d, T=%.2g) | samples: all pass | partial | runtime error | "
                    "compile error | seconds |\n|---|---|---|---|---|---|---|---|\n",
                    samples, temperature);
        for (const std::string& argument : modelArguments) {
            const NamedModel model = parseNamedModel(argument);
            const ModelScore score = scoreModel(model, problems, samples, temperature, maxNewTokens, seed, pool);
            std::printf("| %s | %.1f%% | %.1f%% |", model.name.c_str(), 100 * score.greedyPassAtOne,
                        100 * score.sampledPassAtOne);
            for (const char* name : classes) {
                const auto it = score.sampleClasses.find(name);
                std::printf(" %s |", percent(it == score.sampleClasses.end() ? 0 : it->second, score.samples).c_str());
            }
            std::printf(" %.0f |\n", score.seconds);
            std::fflush(stdout);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_pass_at_1: %s\n", error.what());
        return 1;
    }
    return 0;
}
