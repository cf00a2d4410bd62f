// rrtf demo [--pack DIR] [--problem TASK_ID]: the three shipped demo models
// (StarCoder, WizardCoder and PanGu-Coder2 stand-ins, demo.json) answer one
// held-out problem greedily, each in the template it was trained with; the
// sandbox judges every answer, and the answers and verdicts are printed. The
// quick start's view without a display.
#include "cli_support.h"

#include "evaluation/demo_pack.h"
#include "evaluation/sandbox_pool.h"
#include "evaluation/verdict_json.h"
#include "generation/generator.h"
#include "runtime/error.h"
#include "runtime/install_layout.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"
#include "training/answer_judging.h"
#include "training/ranking.h"
#include "training/sampling.h"
#include "training/training_records.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <utility>

namespace rrtf::cli {
namespace {

struct DemoArgs {
    std::string pack;     // empty: the shipped one
    std::string problem;  // empty: the pack's showcase
    int maxNewTokens = 128;
    int threads = 0;
    bool json = false;
};

struct DemoAnswer {
    const DemoModel* model = nullptr;
    std::string text;
    Verdict verdict;
};

const TrainingRecord& findProblem(const std::vector<TrainingRecord>& problems, const std::string& taskId,
                                  const std::filesystem::path& file)
{
    for (const TrainingRecord& problem : problems)
        if (problem.taskId == taskId)
            return problem;
    throw InvalidArgument(file.string() + " has no problem \"" + taskId + "\"");
}

DemoAnswer answer(const DemoModel& model, const TrainingRecord& problem, const DemoArgs& args, SandboxPool& pool)
{
    const auto lm = CausalLM::load(model.dir);
    const auto tokenizer = loadTokenizer(model.dir);
    Generator generator(*lm, tokenizer.get());
    RecordSamplingOptions options;
    options.promptTemplate = parsePromptTemplate(model.promptTemplate);
    options.samplesPerRecord = 1;
    options.temperature = 0.0;  // greedy
    options.maxNewTokens = args.maxNewTokens;
    const SamplingModel identity{AnswerRole::Student, model.name, model.dir, ""};
    const std::vector<TrainingRecord> one{problem};
    const auto groups = sampleRecords(generator, *lm, *tokenizer, one, identity, options);
    const JudgedRecords judged = judgeSampleGroups(pool, one, groups);
    if (judged.items.empty() || judged.items[0].studentAnswers.empty())
        throw Error(model.name + " gave no answer to " + problem.taskId);
    const JudgedAnswer& judgedAnswer = judged.items[0].studentAnswers[0];
    return {&model, judgedAnswer.text, judgedAnswer.verdict};
}

std::string testsText(const Verdict& verdict)
{
    if (verdict.testsTotal <= 0)
        return "-";
    return std::to_string(verdict.testsPassed) + "/" + std::to_string(verdict.testsTotal);
}

void printHuman(const TrainingRecord& problem, const std::vector<DemoAnswer>& answers)
{
    std::cout << "Problem " << problem.taskId << ": " << problem.instruction << "\n";
    for (const DemoAnswer& each : answers) {
        std::cout << "\n" << each.model->name << " (" << each.model->promptTemplate << " template): "
                  << outcomeName(each.verdict.outcome);
        if (!each.verdict.detail.empty())
            std::cout << " - " << each.verdict.detail.substr(0, each.verdict.detail.find('\n'));
        std::cout << "\n";
        std::istringstream lines(extractCode(each.text));
        for (std::string line; std::getline(lines, line);)
            if (!line.empty())
                std::cout << "    " << line << "\n";
    }
    std::cout << "\n| model | template | verdict | asserts passed |\n|---|---|---|---|\n";
    for (const DemoAnswer& each : answers)
        std::cout << "| " << each.model->name << " | " << each.model->promptTemplate << " | "
                  << outcomeName(each.verdict.outcome) << " | " << testsText(each.verdict) << " |\n";
}

void run(const DemoArgs& args)
{
    configureComputeThreads(args.threads);
    std::filesystem::path folder = args.pack;
    if (folder.empty()) {
        folder = installedDemoPack();
        if (folder.empty())
            throw Error("no demo pack in " + installedFile(InstallDir::Data, "demo", "RRTF_DEMO_DIR").string() +
                        ": build the demo_pack target, or give --pack or RRTF_DEMO_DIR");
    }
    const DemoPack pack = readDemoPack(folder);
    const std::vector<TrainingRecord> problems = loadTrainingRecords(pack.problems);
    const std::string taskId = args.problem.empty() ? pack.showcaseTaskId : args.problem;
    if (taskId.empty())
        throw InvalidArgument((folder / "demo.json").string() + " names no showcase problem: give --problem");
    const TrainingRecord& problem = findProblem(problems, taskId, pack.problems);

    SandboxPool pool(SandboxOptions{1});
    std::vector<DemoAnswer> answers;
    for (const DemoModel& model : pack.models)
        answers.push_back(answer(model, problem, args, pool));

    if (!args.json) {
        printHuman(problem, answers);
        return;
    }
    nlohmann::json out = {{"task_id", problem.taskId}, {"instruction", problem.instruction}, {"answers", nlohmann::json::array()}};
    for (const DemoAnswer& each : answers) {
        // The verdict as every other command writes it (outcome, tests_passed, tests_total, detail, ...).
        nlohmann::json answer = verdictJson(each.verdict);
        answer["model"] = each.model->name;
        answer["template"] = each.model->promptTemplate;
        answer["answer"] = each.text;
        out["answers"].push_back(std::move(answer));
    }
    printJson(out);
}

}  // namespace

void addDemoCommand(CLI::App& app)
{
    auto args = std::make_shared<DemoArgs>();
    CLI::App* command = app.add_subcommand(
        "demo", "The three demo models (StarCoder, WizardCoder, PanGu-Coder2 stand-ins) answer a held-out "
                "problem; their answers are judged in the sandbox");
    command->add_option("--pack", args->pack, "Demo pack folder with demo.json (default: the shipped one)");
    command->add_option("--problem", args->problem, "Task id of the problem (default: the pack's showcase)");
    command->add_option("--max-new-tokens", args->maxNewTokens, "Most tokens per answer")->capture_default_str();
    command->add_option("--threads", args->threads, "Compute threads (0 = one per core)")->capture_default_str();
    command->add_flag("--json", args->json, "Print one JSON object instead of the table");
    command->callback([args] { run(*args); });
}

}  // namespace rrtf::cli
