// rrtf contamination: the paper's data-leak study. Which training records share
// text with which benchmark problems (13-gram overlap and MinHash near-duplicates);
// prints a summary table and the overlapping pairs. Finding overlaps is a result,
// not an error: the exit status is 0 either way.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "model/mapped_file.h"
#include "runtime/error.h"
#include "training/contamination.h"

namespace rrtf::cli {
namespace {

struct ContaminationArgs {
    std::string training;
    std::string benchmark;
    std::string format = "auto";
    std::string jsonOut;
    ContaminationOptions options;
    bool noAnswers = false;
    bool noTests = false;
    bool quiet = false;
};

// Written through AtomicOutputFile so an interrupted write never leaves half a file.
void writeJson(const std::string& path, const nlohmann::ordered_json& json) {
    const std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    AtomicOutputFile file(path);
    file.write(text.data(), text.size());
    file.commit();
}

int runContamination(ContaminationArgs args) {
    const auto format = parseProblemFormat(args.format);
    if (!format) throw InvalidArgument("--format: unknown problem format '" + args.format + "'");
    args.options.includeAnswers = !args.noAnswers;
    args.options.includeTests = !args.noTests;
    validateContaminationOptions(args.options);

    // Tests are not needed to look for overlaps: instruction-only Evol-Instruct output can be checked too.
    const std::vector<TrainingRecord> training = loadTrainingRecords(args.training, {.requireTests = false});
    const ProblemSet benchmark = loadProblemSet(args.benchmark, *format);
    if (!args.quiet)
        std::fprintf(stderr, "rrtf: checking %zu training records against %zu %s problems\n", training.size(),
                     benchmark.size(), std::string(problemFormatName(benchmark.format())).c_str());

    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    ContaminationReport report = findContamination(training, benchmark, args.options, cancel);
    report.trainingLabel = args.training;
    report.benchmarkLabel = args.benchmark;
    if (!args.jsonOut.empty()) writeJson(args.jsonOut, contaminationJson(report));
    std::fputs(contaminationMarkdown(report).c_str(), stdout);
    return report.complete ? 0 : 130;
}

}  // namespace

void addContaminationCommand(CLI::App& app) {
    auto args = std::make_shared<ContaminationArgs>();
    CLI::App* command = app.add_subcommand(
        "contamination",
        "Look for benchmark problems in a training set: n-gram overlap and MinHash near-duplicates "
        "(exit status 0 whether or not overlaps are found)");
    command->add_option("TRAIN", args->training, "Training records (rrtf JSONL: task_id, instruction, solution, answers)")
        ->required();
    command->add_option("BENCHMARK", args->benchmark, "Benchmark problems: HumanEval, HumanEval+, MBPP or rrtf JSONL")
        ->required();
    command->add_option("--format", args->format,
                        "Benchmark format: auto, humaneval, humanevalplus, mbpp, mbpp-sanitized, rrtf")
        ->capture_default_str();
    command->add_option("--ngram", args->options.ngram, "Tokens per n-gram for the overlap check (0: off)")
        ->capture_default_str();
    command->add_option("--jaccard", args->options.jaccard,
                        "Near-duplicate threshold on the Jaccard similarity of token shingles (0: off)")
        ->capture_default_str();
    command->add_option("--shingle", args->options.shingleTokens, "Tokens per shingle for the Jaccard similarity")
        ->capture_default_str();
    command->add_flag("--keep-numeric-ngrams", [args](std::int64_t) { args->options.skipNumericNgrams = false; },
                      "Also count n-grams made mostly of numbers (test data)");
    command->add_flag("--no-answers", args->noAnswers, "Leave the teacher answers out of the check");
    command->add_flag("--no-tests", args->noTests, "Leave the tests (both sides) out of the check");
    command->add_option("--threads", args->options.threads, "Worker threads (0: one per core)")->capture_default_str();
    command->add_option("--json", args->jsonOut, "Also write the full report as JSON to this file");
    command->add_flag("--quiet", args->quiet, "No note on stderr");
    command->callback([args] {
        int code = runContamination(*args);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
