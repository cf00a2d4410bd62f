// The paper's Table 4 at this project's scale: for each precision (fp32, bf16,
// int8, rtn4, gptq4 g128, gptq4 act-order) the weights' memory, the process's
// peak memory, batch-1 greedy ms/token, n=16 sampling tokens/s and prefill on the
// bench model (4 layers, hidden 512, vocab 49,152, random weights); then greedy
// pass@1 of the three trained demo models on their 140 held-out problems, judged
// in the sandbox. Every quantised model goes through `rrtf quantize`'s code and
// is loaded back from its AutoGPTQ folder, as a user would. Prints Markdown.
//
//   bench_quant [--threads 2] [--repeats 3] [--rounds 3] [--demo resources/demo] [--skip-pass] [--keep DIR]
//
// Each speed row runs in a child process of its own (this program with --speed),
// so that its peak memory is its own.
#include "generation/generator.h"
#include "generation/prompt_template.h"
#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "quantization/model_quantizer.h"
#include "runtime/error.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"
#include "training/answer_judging.h"
#include "training/sampling.h"
#include "training/training_records.h"

#include "evaluation/sandbox_pool.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace rrtf;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Precision {
    std::string name;    // the table's row
    std::string folder;  // under the work folder; "" for the float checkpoint
    std::string dtype;   // what the model loads with
};

const std::vector<Precision> kPrecisions = {
    {"fp32", "", "float32"},          {"bf16", "", "bfloat16"},        {"int8", "int8", "float32"},
    {"rtn4 g128", "rtn4", "float32"}, {"gptq4 g128", "gptq4", "float32"}, {"gptq4 g128 act-order", "gptq4-act", "float32"},
};

double medianSeconds(int repeats, const std::function<void()>& work)
{
    work();  // warm-up
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::vector<int> promptIds(int length)
{
    std::vector<int> ids;
    for (int i = 0; i < length; ++i)
        ids.push_back(100 + (i * 7919) % 40000);
    return ids;
}

// The quantised folders of `floatDir` under `work`, each as rrtf quantize writes it.
void writeQuantisedCopies(const fs::path& floatDir, const fs::path& work,
                          const std::vector<std::vector<int64_t>>& calibration)
{
    for (const Precision& precision : kPrecisions) {
        if (precision.folder.empty())
            continue;
        LoadOptions options;
        options.precision = WeightPrecision::Float;
        auto model = CausalLM::load(floatDir, options);
        QuantizeSettings settings;
        settings.calibration = calibration;
        if (precision.folder == "int8")
            settings.method = QuantizeMethod::Int8;
        else if (precision.folder == "rtn4")
            settings.method = QuantizeMethod::RoundToNearest;
        settings.options.actOrder = precision.folder == "gptq4-act";
        writeGptqModel(*model, quantizeModel(*model, settings), floatDir, work / precision.folder);
    }
}

// --speed: one precision's figures as a JSON line (run in a child process);
// `only` names one figure (greedy, n16, prefill) to measure alone, for a profiler.
nlohmann::json measureSpeed(const fs::path& dir, const std::string& dtype, int repeats, const std::string& only)
{
    LoadOptions options;
    setPrecision(options, dtype);
    auto model = CausalLM::load(dir, options);
    Generator generator(*model);
    GenerationRequest request;
    request.promptIds = promptIds(16);
    request.maxNewTokens = 128;
    request.stopAtEos = false;
    request.sampling.greedy = true;
    nlohmann::json figures = {{"weights", model->weightBytes()}};
    if (only.empty() || only == "greedy")
        figures["ms_per_token"] = medianSeconds(repeats, [&] { generator.generate({request}); }) / 128 * 1e3;
    request.numSamples = 16;
    request.sampling.greedy = false;
    request.sampling.temperature = 0.8f;
    request.sampling.topP = 0.95f;
    if (only.empty() || only == "n16")
        figures["n16"] = 16 * 128 / medianSeconds(std::max(1, repeats / 2), [&] { generator.generate({request}); });
    ForwardInput prefill;
    prefill.ids = at::tensor(std::vector<int64_t>(128, 1234), at::kLong).view({1, -1});
    prefill.lastPositionOnly = true;
    if (only.empty() || only == "prefill")
        figures["prefill"] = 128 / medianSeconds(repeats, [&] {
                                 KvCache cache = model->newCache();
                                 model->forward(prefill, &cache);
                             });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    figures["peak"] = usage.ru_maxrss * 1024.0;
    return figures;
}

nlohmann::json runChild(const std::string& self, const fs::path& dir, const std::string& dtype, int repeats,
                        int threads)
{
    const std::string command = "'" + self + "' --speed '" + dir.string() + "' --dtype " + dtype + " --repeats " +
                                std::to_string(repeats) + " --threads " + std::to_string(threads);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        throw Error("cannot start " + command);
    std::string output;
    char buffer[4096];
    while (size_t read = fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, read);
    if (pclose(pipe) != 0)
        throw Error("the measurement of " + dir.string() + " (" + dtype + ") failed");
    return nlohmann::json::parse(output);
}

// Calibration for a demo model: its own training data (never the held-out
// problems), each record's prompt in the model's template followed by an answer.
std::vector<std::vector<int64_t>> demoCalibration(const fs::path& rankings, const Tokenizer& tokenizer,
                                                  PromptTemplateKind kind, int samples)
{
    std::ifstream file(rankings);
    std::vector<std::vector<int64_t>> ids;
    std::string line;
    while (static_cast<int>(ids.size()) < samples && std::getline(file, line)) {
        const auto record = nlohmann::json::parse(line);
        std::string text = applyPromptTemplate(kind, record.at("prompt").get<std::string>());
        if (!record.at("students").empty())
            text += record["students"][0].at("text").get<std::string>();
        const std::vector<int> encoded = tokenizer.encode(text);
        ids.emplace_back(encoded.begin(), encoded.end());
    }
    return ids;
}

double greedyPassAtOne(const fs::path& dir, const std::string& dtype, PromptTemplateKind kind,
                       const std::vector<TrainingRecord>& problems, SandboxPool& pool)
{
    LoadOptions options;
    setPrecision(options, dtype);
    auto model = CausalLM::load(dir, options);
    auto tokenizer = loadTokenizer(dir / "tokenizer.json");
    Generator generator(*model, tokenizer.get());
    RecordSamplingOptions sampling;
    sampling.promptTemplate = kind;
    sampling.samplesPerRecord = 1;
    sampling.temperature = 0.0;
    sampling.maxNewTokens = 128;  // as the demo pack's own table (resources/demo/pass-at-1.md)
    const SamplingModel identity{AnswerRole::Student, dir.filename().string(), dir, ""};
    const JudgedRecords judged =
        judgeSampleGroups(pool, problems, sampleRecords(generator, *model, *tokenizer, problems, identity, sampling));
    int passed = 0;
    for (const RankingItem& item : judged.items)
        for (const JudgedAnswer& answer : item.studentAnswers)
            passed += answer.verdict.passed() ? 1 : 0;
    return problems.empty() ? 0.0 : double(passed) / problems.size();
}

void printSpeedTable(const std::string& self, const fs::path& work, int repeats, int rounds, int threads)
{
    GPTBigCodeConfig config;
    config.vocabSize = 49152;
    config.nPositions = 2048;
    config.nEmbd = 512;
    config.nLayer = 4;
    config.nHead = 8;
    config.eosTokenId = 0;
    const fs::path floatDir = work / "float";
    fs::create_directories(floatDir);
    writeCheckpoint(floatDir, CausalLM::random(config, 7)->stateDict());
    std::ofstream(floatDir / "config.json") << config.toJson().dump(2);
    std::vector<std::vector<int64_t>> calibration;
    for (int s = 0; s < 16; ++s) {
        std::vector<int64_t> ids;
        for (int i = 0; i < 256; ++i)
            ids.push_back((s * 7919 + i * 104729) % config.vocabSize);
        calibration.push_back(ids);
    }
    writeQuantisedCopies(floatDir, work, calibration);

    std::printf("## Bench model: GPTBigCode 4 layers, hidden 512, 8 heads (MQA), vocab 49,152, %d threads, median of "
                "%d rounds\n\n", threads, rounds);
    // Rounds over all precisions, so that a slow spell of a shared machine hits
    // every row alike; each cell is the median over the rounds.
    std::vector<std::vector<nlohmann::json>> rows(kPrecisions.size());
    for (int round = 0; round < rounds; ++round)
        for (size_t p = 0; p < kPrecisions.size(); ++p) {
            const fs::path dir = kPrecisions[p].folder.empty() ? floatDir : work / kPrecisions[p].folder;
            rows[p].push_back(runChild(self, dir, kPrecisions[p].dtype, repeats, threads));
            std::fprintf(stderr, "bench_quant: round %d, %s: %s\n", round + 1, kPrecisions[p].name.c_str(),
                         rows[p].back().dump().c_str());
        }
    auto median = [](const std::vector<nlohmann::json>& runs, const char* key) {
        std::vector<double> values;
        for (const auto& run : runs)
            values.push_back(run[key].get<double>());
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    std::printf("| precision | weights MiB | peak memory MiB | batch 1 ms/token | n=16 tok/s | prefill 128 tok/s |\n"
                "|---|---|---|---|---|---|\n");
    for (size_t p = 0; p < kPrecisions.size(); ++p)
        std::printf("| %s | %.1f | %.0f | %.2f | %.0f | %.0f |\n", kPrecisions[p].name.c_str(),
                    median(rows[p], "weights") / 1048576, median(rows[p], "peak") / 1048576,
                    median(rows[p], "ms_per_token"), median(rows[p], "n16"), median(rows[p], "prefill"));
    std::fflush(stdout);
}

void printPassTable(const fs::path& demo, const fs::path& work)
{
    const nlohmann::json pack = nlohmann::json::parse(std::ifstream(demo / "demo.json"));
    const auto problems = loadTrainingRecords(demo / pack.at("problems").get<std::string>());
    const fs::path rankings = demo / pack.at("training").at("rankings").get<std::string>();
    SandboxPool pool(SandboxOptions{2});
    std::printf("\n## Greedy pass@1 of the demo models on their %zu held-out problems (sandbox)\n\n| precision |",
                problems.size());
    for (const auto& model : pack.at("models"))
        std::printf(" %s |", model.at("name").get<std::string>().c_str());
    std::printf("\n|---|");
    for (size_t m = 0; m < pack.at("models").size(); ++m)
        std::printf("---|");
    std::printf("\n");
    std::vector<std::vector<double>> scores(kPrecisions.size());
    for (const auto& entry : pack.at("models")) {
        const fs::path floatDir = demo / entry.at("folder").get<std::string>();
        const auto kind = parsePromptTemplate(entry.at("template").get<std::string>());
        const fs::path modelWork = work / floatDir.filename();
        const auto tokenizer = loadTokenizer(floatDir / "tokenizer.json");
        writeQuantisedCopies(floatDir, modelWork, demoCalibration(rankings, *tokenizer, kind, 128));
        for (size_t p = 0; p < kPrecisions.size(); ++p) {
            const fs::path dir = kPrecisions[p].folder.empty() ? floatDir : modelWork / kPrecisions[p].folder;
            scores[p].push_back(greedyPassAtOne(dir, kPrecisions[p].dtype, kind, problems, pool));
        }
    }
    for (size_t p = 0; p < kPrecisions.size(); ++p) {
        std::printf("| %s |", kPrecisions[p].name.c_str());
        for (double score : scores[p])
            std::printf(" %.1f%% |", 100 * score);
        std::printf("\n");
    }
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Table 4 at the project's scale: memory, speed and pass@1 per precision"};
    int threads = 2, repeats = 3, rounds = 3;
    std::string demo = RRTF_DEMO_DIR, speedDir, dtype = "float32", keep, only;
    bool skipPass = false;
    app.add_option("--threads", threads, "Compute threads")->capture_default_str();
    app.add_option("--repeats", repeats, "Timed runs per figure in one process (median)")->capture_default_str();
    app.add_option("--rounds", rounds, "Processes per precision, interleaved (median)")->capture_default_str();
    app.add_option("--demo", demo, "The demo pack (models, problems, training data)")->capture_default_str();
    app.add_flag("--skip-pass", skipPass, "Speed table only");
    app.add_option("--keep", keep, "Write the bench models into this folder and keep them (for profiling with --speed)");
    app.add_option("--speed", speedDir, "(internal) measure one model folder and print JSON");
    app.add_option("--dtype", dtype, "(internal) the precision --speed loads with");
    app.add_option("--only", only, "With --speed: measure one figure alone (greedy, n16 or prefill)");
    CLI11_PARSE(app, argc, argv);
    try {
        configureComputeThreads(threads);
        if (!speedDir.empty()) {
            std::printf("%s\n", measureSpeed(speedDir, dtype, repeats, only).dump().c_str());
            return 0;
        }
        const fs::path work =
            keep.empty() ? fs::temp_directory_path() / ("rrtf-bench-quant-" + std::to_string(getpid())) : fs::path(keep);
        const auto cleanup = std::shared_ptr<void>(nullptr, [&](void*) {
            if (keep.empty())
                fs::remove_all(work);
        });
        printSpeedTable(fs::read_symlink("/proc/self/exe").string(), work, repeats, rounds, threads);
        if (!skipPass)
            printPassTable(demo, work);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_quant: %s\n", error.what());
        return 1;
    }
    return 0;
}
