// rrtf evolve: Evol-Instruct for code (method.md §1.0, §5). Each round asks the
// teacher to rewrite the newest records (the first round: the seeds) a bit
// harder, cleans its replies and filters the evolved instructions (duplicates,
// length; evol_filters.h), then evolves what was kept. The kept records of all
// rounds go to EVOLVED.jsonl, without solutions or tests: those come later.
#include "cli_support.h"
#include "training_support.h"

#include "runtime/error.h"
#include "training/evol_instruct.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace rrtf::cli {
namespace {

using nlohmann::json;

struct EvolveArgs {
    std::string seeds;
    std::string teacher;
    std::string out;
    int rounds = 1;
    std::string prompt = "pangu";        // the paper's Fig. 2 prompt
    std::string templateName = "alpaca";  // WizardCoder-style teachers take Alpaca instructions
    bool oneHeuristic = false;
    std::uint64_t seed = 1;
    int maxNewTokens = 512;
    double temperature = 0.7;
    double topP = 0.95;
    int batchRecords = 8;
    bool json = false;
    bool quiet = false;
    ModelOptions device;
};

EvolPrompt parsePromptName(const std::string& name)
{
    if (name == "pangu")
        return EvolPrompt::PanGuCoder2;
    if (auto prompt = parseEvolPrompt(name))
        return *prompt;
    throw InvalidArgument("--prompt must be pangu (pangu-coder2) or wizardcoder, not \"" + name + "\"");
}

// The teacher's reply to each request, generated a batch of requests at a time.
// Empty when cancelled.
std::vector<std::string> teacherReplies(const std::vector<EvolRequest>& requests, LoadedModel& teacher,
                                        const EvolveArgs& args, PromptTemplateKind kind, const CancellationToken& cancel,
                                        Progress& progress)
{
    Generator generator(*teacher.lm, teacher.tokenizer.get());
    GenerateOptions options;
    options.cancel = cancel;
    long tokens = 0;
    int done = 0;
    const int total = int(requests.size());
    options.onToken = [&](const TokenEvent&) {
        ++tokens;
        progress.update(done, total, tokens);
        return true;
    };
    const std::vector<int> banned = bannedTokenIds(*teacher.lm, *teacher.tokenizer);
    std::vector<std::string> replies;
    for (std::size_t start = 0; start < requests.size(); start += std::size_t(args.batchRecords)) {
        std::vector<GenerationRequest> batch;
        for (std::size_t i = start; i < std::min(requests.size(), start + std::size_t(args.batchRecords)); ++i) {
            GenerationRequest request;
            request.promptIds = teacher.tokenizer->encode(applyPromptTemplate(kind, requests[i].text));
            request.sampling.temperature = float(args.temperature);
            request.sampling.topP = float(args.topP);
            request.sampling.validate();
            request.seed = requestSeed(args.seed, requests[i].taskId, "evolve");
            request.maxNewTokens = args.maxNewTokens;
            request.bannedIds = banned;
            try {
                generator.validate(request);
            } catch (const InvalidArgument& error) {
                throw InvalidArgument("record " + requests[i].parentTaskId + ": " + error.what());
            }
            batch.push_back(std::move(request));
        }
        for (const GenerationResult& result : generator.generate(batch, options))
            replies.push_back(result.samples.at(0).text);
        if (cancel.isCancelled())
            return {};
        done = int(replies.size());
        progress.update(done, total, tokens, true);
    }
    return replies;
}

int runEvolve(const EvolveArgs& args)
{
    if (args.rounds < 1)
        throw InvalidArgument("--rounds must be at least 1, not " + std::to_string(args.rounds));
    if (args.batchRecords < 1)
        throw InvalidArgument("--batch-records must be at least 1, not " + std::to_string(args.batchRecords));
    EvolOptions evolution;
    evolution.prompt = parsePromptName(args.prompt);
    evolution.seed = args.seed;
    evolution.panGuOneHeuristic = args.oneHeuristic;
    const PromptTemplateKind kind = parsePromptTemplate(args.templateName);
    TrainingReadOptions read;
    read.requireTests = false;  // seeds such as CodeAlpaca have no tests
    std::vector<TrainingRecord> all = loadTrainingRecords(args.seeds, read);
    LoadedModel teacher = loadModel(describeModel(args.teacher, AnswerRole::Teacher), args.device, args.quiet);

    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    std::vector<TrainingRecord> newest = all;
    std::vector<TrainingRecord> evolved;
    json rounds = json::array();
    for (int round = 1; round <= args.rounds && !newest.empty(); ++round) {
        const std::vector<EvolRequest> requests = evolutionRequests(newest, evolution);
        Progress progress(!args.quiet);
        const std::vector<std::string> replies = teacherReplies(requests, teacher, args, kind, cancel, progress);
        progress.restart();
        if (cancel.isCancelled()) {
            std::fprintf(stderr, "rrtf: cancelled in round %d; nothing written\n", round);
            return 130;
        }
        EvolResult result = applyEvolution(all, requests, replies, evolvedInstructionFilters());
        json dropped = json::array();
        for (const DroppedRecord& record : result.dropped)
            dropped.push_back({{"task_id", record.taskId}, {"filter", record.filter}, {"reason", record.reason}});
        rounds.push_back({{"round", round},
                          {"requests", requests.size()},
                          {"kept", result.kept.size()},
                          {"dropped_by", result.droppedBy},
                          {"dropped", dropped}});
        all.insert(all.end(), result.kept.begin(), result.kept.end());
        evolved.insert(evolved.end(), result.kept.begin(), result.kept.end());
        newest = std::move(result.kept);
    }
    writeTrainingRecords(args.out, evolved);

    if (args.json) {
        printJson({{"rounds", rounds}, {"kept", evolved.size()}, {"out", args.out}});
        return 0;
    }
    for (const json& round : rounds) {
        std::printf("round %d: %d requests, %d kept\n", round["round"].get<int>(), round["requests"].get<int>(),
                    round["kept"].get<int>());
        for (const auto& [filter, count] : round["dropped_by"].items()) {
            // One example per filter says what the filter means in this run.
            std::string example;
            for (const json& record : round["dropped"])
                if (record["filter"] == filter) {
                    example = record["task_id"].get<std::string>() + ": " + record["reason"].get<std::string>();
                    break;
                }
            std::printf("  dropped by %-15s %5d  (e.g. %s)\n", filter.c_str(), count.get<int>(), example.c_str());
        }
    }
    std::printf("%zu evolved records written to %s\n", evolved.size(), args.out.c_str());
    return 0;
}

}  // namespace

void addEvolveCommand(CLI::App& app)
{
    auto args = std::make_shared<EvolveArgs>();
    CLI::App* command = app.add_subcommand(
        "evolve", "Evol-Instruct: have a teacher model rewrite seed instructions to be harder, and filter them");
    command->add_option("seeds", args->seeds, "Seed records (rrtf JSONL: task_id, instruction; tests optional)")
        ->required();
    command->add_option("--teacher", args->teacher, "The model folder that rewrites the instructions")->required();
    command->add_option("--out", args->out, "EVOLVED.jsonl: the kept evolved records of every round")->required();
    command->add_option("--rounds", args->rounds, "Rounds; each evolves the previous round's kept records")
        ->capture_default_str();
    command->add_option("--prompt", args->prompt, "Evolution prompt: pangu (Fig. 2) or wizardcoder")
        ->capture_default_str();
    command->add_option("--template", args->templateName, "The teacher's prompt format: raw, alpaca or pangu")
        ->capture_default_str();
    command->add_flag("--one-heuristic", args->oneHeuristic,
                      "pangu prompt: list only one drawn heuristic, as WizardCoder does (default: all five)");
    command->add_option("--seed", args->seed, "Seed of heuristic draws and sampling")->capture_default_str();
    command->add_option("--max-new-tokens", args->maxNewTokens, "Most tokens per reply")->capture_default_str();
    command->add_option("--temperature", args->temperature, "Sampling temperature")->capture_default_str();
    command->add_option("--top-p", args->topP, "Nucleus sampling mass in (0, 1]")->capture_default_str();
    command->add_option("--batch-records", args->batchRecords, "Requests generated together")->capture_default_str();
    command->add_flag("--json", args->json, "Print the per-round report as one JSON object");
    command->add_flag("--quiet", args->quiet, "No progress on stderr");
    addDeviceOptions(*command, args->device);
    command->callback([args] {
        if (int code = runEvolve(*args); code != 0)
            throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
