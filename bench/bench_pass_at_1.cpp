// pass@1 of several models on one problem set (the project's training JSONL:
// task_id, instruction, tests), greedy and sampled, with the outcome classes of
// the samples: the RRTF demonstration's benchmark (bench/rrtf_demo/run.sh).
//
//   bench_pass_at_1 --problems heldout.jsonl base:raw=DIR sft:alpaca=DIR rrtf=DIR [--samples 10]
//
// Each model answers every problem in its prompt format (NAME:TEMPLATE=DIR; the
// paper's triple-quoted one, the format RRTF trains in, when none is given), its
// answers are judged in the sandbox exactly as `rrtf rank` judges them, and
// pass@1 is the unbiased estimate from n samples (Codex: c/n averaged over
// problems). Greedy pass@1 is the same as the trainer's held-out evaluation.
// Problems with a "kind" field also get a table of greedy passes per kind;
// --answers FILE writes every greedy answer with its verdict, one JSON line each.
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"
#include "training/answer_judging.h"
#include "training/ranking.h"
#include "training/sampling.h"

#include "evaluation/sandbox_pool.h"
#include "evaluation/verdict_json.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace rrtf;

namespace {

struct NamedModel {
    std::string name;
    std::filesystem::path dir;
    PromptTemplateKind promptTemplate = PromptTemplateKind::PanGu;
};

// NAME[:TEMPLATE]=DIR, or DIR alone (named by its folder).
NamedModel parseNamedModel(const std::string& argument)
{
    const auto equals = argument.find('=');
    if (equals == std::string::npos)
        return {std::filesystem::path(argument).filename().string(), argument};
    NamedModel model{argument.substr(0, equals), argument.substr(equals + 1)};
    if (const auto colon = model.name.find(':'); colon != std::string::npos) {
        model.promptTemplate = parsePromptTemplate(model.name.substr(colon + 1));
        model.name.resize(colon);
    }
    return model;
}

// What one model scored on the problem set.
struct ModelScore {
    std::vector<double> greedyShares;  // per problem
    double greedyPassAtOne = 0.0;
    double sampledPassAtOne = 0.0;
    std::map<std::string, int> sampleClasses;  // answerClassName (or "not_ranked") -> samples
    int samples = 0;
    double seconds = 0.0;
};

// Samples every problem `k` times at `temperature` (0: greedy) and judges the answers;
// returns, per problem, the share of its answers that pass. With `answers`, each
// answer is written to it as a JSON line.
std::vector<double> passShares(Generator& generator, const CausalLM& lm, const Tokenizer& tokenizer,
                               const std::vector<TrainingRecord>& problems, const NamedModel& model,
                               RecordSamplingOptions options, SandboxPool& pool, ModelScore* classes,
                               std::ofstream* answers = nullptr)
{
    const SamplingModel identity{AnswerRole::Student, model.name, model.dir, ""};
    const std::vector<SampleGroup> groups = sampleRecords(generator, lm, tokenizer, problems, identity, options);
    const JudgedRecords judged = judgeSampleGroups(pool, problems, groups);
    std::vector<double> shares;
    for (const RankingItem& item : judged.items) {
        int passed = 0;
        for (const JudgedAnswer& answer : item.studentAnswers) {
            passed += answer.verdict.passed() ? 1 : 0;
            if (answers)
                *answers << nlohmann::ordered_json{{"model", model.name}, {"task_id", item.taskId}, {"answer", answer.text},
                                           {"verdict", verdictJson(answer.verdict)}}
                                .dump()
                         << '\n';
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
                      double temperature, int maxNewTokens, uint64_t seed, SandboxPool& pool,
                      std::ofstream* answers)
{
    const auto start = std::chrono::steady_clock::now();
    auto lm = CausalLM::load(model.dir);
    auto tokenizer = loadTokenizer(model.dir / "tokenizer.json");
    Generator generator(*lm, tokenizer.get());

    RecordSamplingOptions options;
    options.maxNewTokens = maxNewTokens;
    options.seed = seed;
    options.promptTemplate = model.promptTemplate;
    options.samplesPerRecord = 1;
    options.temperature = 0.0;
    ModelScore score;
    score.greedyShares = passShares(generator, *lm, *tokenizer, problems, model, options, pool, nullptr, answers);
    score.greedyPassAtOne = mean(score.greedyShares, problems.size());
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

// The problems' "kind" field (make_task.py writes one), in order of first appearance.
std::vector<std::string> kindsOf(const std::vector<TrainingRecord>& problems)
{
    std::vector<std::string> kinds;
    for (const TrainingRecord& problem : problems) {
        const auto kind = problem.extra.find("kind");
        if (kind == problem.extra.end() || !kind->is_string())
            return {};
        if (std::find(kinds.begin(), kinds.end(), kind->get<std::string>()) == kinds.end())
            kinds.push_back(kind->get<std::string>());
    }
    return kinds;
}

// Greedy passes per kind: which problems each model solves, not only how many.
void printKindTable(const std::vector<TrainingRecord>& problems, const std::vector<NamedModel>& models,
                    const std::vector<ModelScore>& scores)
{
    const std::vector<std::string> kinds = kindsOf(problems);
    if (kinds.empty())
        return;
    std::printf("\nGreedy passes per kind of problem:\n\n| kind | problems |");
    for (const NamedModel& model : models)
        std::printf(" %s |", model.name.c_str());
    std::printf("\n|---|---|");
    for (size_t m = 0; m < models.size(); ++m)
        std::printf("---|");
    std::printf("\n");
    for (const std::string& kind : kinds) {
        int total = 0;
        std::vector<double> passed(models.size(), 0.0);
        for (size_t p = 0; p < problems.size(); ++p) {
            if (problems[p].extra["kind"] != kind)
                continue;
            ++total;
            for (size_t m = 0; m < scores.size(); ++m)
                passed[m] += scores[m].greedyShares.at(p);
        }
        std::printf("| %s | %d |", kind.c_str(), total);
        for (double count : passed)
            std::printf(" %.0f |", count);
        std::printf("\n");
    }
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
    int threads = 0;
    std::string answersPath;
    app.add_option("--problems", problemsPath, "Problems with tests (rrtf JSONL)")->required();
    app.add_option("models", modelArguments,
                   "NAME[:TEMPLATE]=DIR (or DIR) of each model; TEMPLATE raw, alpaca or pangu (default)")
        ->required();
    app.add_option("--samples", samples, "Samples per problem for sampled pass@1")->capture_default_str();
    app.add_option("--temperature", temperature, "Sampling temperature")->capture_default_str();
    app.add_option("--max-new-tokens", maxNewTokens, "Most tokens per answer")->capture_default_str();
    app.add_option("--seed", seed, "Sampling seed")->capture_default_str();
    app.add_option("--workers", workers, "Sandbox workers")->capture_default_str();
    app.add_option("--threads", threads, "Compute threads (0 = one per core)")->capture_default_str();
    app.add_option("--answers", answersPath, "Write every greedy answer and its verdict here (JSONL)");
    CLI11_PARSE(app, argc, argv);

    try {
        configureComputeThreads(threads);
        const std::vector<TrainingRecord> problems = loadTrainingRecords(problemsPath);
        SandboxPool pool(SandboxOptions{workers});
        std::printf("%zu problems from %s; sampled pass@1 from n=%d at T=%.2f, top-p 0.95; sandbox %s\n\n",
                    problems.size(), problemsPath.c_str(), samples, temperature, pool.info().tier.c_str());
        const std::array<const char*, 4> classes = {"all_pass", "partial", "runtime_error", "compile_error"};
        std::printf("| model | greedy pass@1 | pass@1 (n=%d, T=%.2g) | samples: all pass | partial | runtime error | "
                    "compile error | seconds |\n|---|---|---|---|---|---|---|---|\n",
                    samples, temperature);
        std::ofstream answers;
        if (!answersPath.empty()) {
            answers.open(answersPath);
            if (!answers)
                throw Error("cannot write " + answersPath);
        }
        std::vector<NamedModel> models;
        std::vector<ModelScore> scores;
        for (const std::string& argument : modelArguments) {
            const NamedModel& model = models.emplace_back(parseNamedModel(argument));
            const ModelScore& score = scores.emplace_back(
                scoreModel(model, problems, samples, temperature, maxNewTokens, seed, pool,
                           answersPath.empty() ? nullptr : &answers));
            std::printf("| %s | %.1f%% | %.1f%% |", model.name.c_str(), 100 * score.greedyPassAtOne,
                        100 * score.sampledPassAtOne);
            for (const char* name : classes) {
                const auto it = score.sampleClasses.find(name);
                std::printf(" %s |", percent(it == score.sampleClasses.end() ? 0 : it->second, score.samples).c_str());
            }
            std::printf(" %.0f |\n", score.seconds);
            std::fflush(stdout);
        }
        printKindTable(problems, models, scores);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_pass_at_1: %s\n", error.what());
        return 1;
    }
    return 0;
}
