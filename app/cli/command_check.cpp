// rrtf check: run every reference solution of a problem set in the sandbox and
// report the ones that fail (a broken dataset record, like HumanEval+ OriginFmt's /32).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "judge_options.h"
#include "runtime/error.h"

namespace rrtf::cli {
namespace {

using nlohmann::json;

struct CheckArgs {
    std::string problems;
    std::string format = "auto";
    bool json = false;
    JudgeOptions judge;
};

int runCheck(const CheckArgs& args) {
    auto format = parseProblemFormat(args.format);
    if (!format) throw InvalidArgument("--format: unknown problem format '" + args.format + "'");
    ProblemSet problems = loadProblemSet(args.problems, *format);
    if (const std::string reason = noTestsReason(problems); !reason.empty()) throw InvalidArgument(reason);
    auto workspace = args.judge.openWorkspace();
    SandboxPool pool(args.judge.sandboxOptions());
    if (!args.judge.quiet) std::fprintf(stderr, "rrtf: %s\n", describeSandbox(pool).c_str());

    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    Progress progress(!args.judge.quiet);
    Evaluator evaluator(pool, workspace.get());
    ReferenceCheck check = evaluator.checkReferences(problems, args.judge.evaluationOptions(),
        [&](const EvaluationProgress& p) {
            progress.updateItems(p.done, p.total, "programs", std::to_string(p.passed) + " passed");
        },
        cancel);
    progress.restart();

    const auto listed = [](const std::vector<ReferenceFailure>& list) {
        json out = json::array();
        for (const ReferenceFailure& f : list)
            out.push_back({{"task_id", f.taskId}, {"outcome", outcomeName(f.verdict.outcome)},
                           {"detail", f.verdict.detail}, {"tests_passed", f.verdict.testsPassed},
                           {"tests_total", f.verdict.testsTotal}, {"level", f.verdict.level}});
        return out;
    };
    int withoutReference = int(problems.size()) - check.checked;
    if (args.json) {
        printJson({{"problems", problems.size()}, {"checked", check.checked},
                   {"passed", check.checked - int(check.failures.size())}, {"failed", listed(check.failures)},
                   {"without_reference", withoutReference},
                   {"stubs", {{"checked", check.stubsChecked},
                              {"failed_as_expected", check.stubsChecked - int(check.brokenStubs.size())},
                              {"broken", listed(check.brokenStubs)}}},
                   {"complete", !cancel.isCancelled()},
                   {"sandbox", {{"tier", pool.info().tier}, {"interpreter", pool.info().interpreter}}}});
    } else {
        std::printf("%d reference solutions checked, %zu failed\n", check.checked, check.failures.size());
        for (const ReferenceFailure& f : check.failures)
            std::printf("  %s: %s %s\n", f.taskId.c_str(), std::string(outcomeName(f.verdict.outcome)).c_str(),
                        f.verdict.detail.c_str());
        if (withoutReference > 0) std::printf("%d problems have no reference solution\n", withoutReference);
        if (check.stubsChecked > 0) {
            std::printf("instead, their tests were run against a wrong answer (the prompt's stub, its method "
                        "returning None): %d of %d failed as they should, %zu did not\n",
                        check.stubsChecked - int(check.brokenStubs.size()), check.stubsChecked,
                        check.brokenStubs.size());
            for (const ReferenceFailure& f : check.brokenStubs)
                std::printf("  %s: %s %s\n", f.taskId.c_str(), std::string(outcomeName(f.verdict.outcome)).c_str(),
                            f.verdict.detail.c_str());
        }
    }
    if (cancel.isCancelled()) return 130;
    return check.failures.empty() && check.brokenStubs.empty() ? 0 : 1;
}

}  // namespace

void addCheckCommand(CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* command = app.add_subcommand(
        "check", "Run every reference solution of a problem set in the sandbox; report those that fail "
                 "(exit status 1 when any does). A set without references (LeetCode contest) has its tests "
                 "run against a wrong stub answer instead, which they must fail");
    command->add_option("--problems", args->problems, "Problem set file")->required()->check(CLI::ExistingFile);
    command->add_option("--format", args->format,
                        "Problem format: auto, humaneval, humanevalplus, mbpp, mbpp-sanitized, rrtf, leetcode, "
                        "codereval")
        ->capture_default_str();
    command->add_flag("--json", args->json, "Print the report as one JSON object");
    args->judge.addTo(*command);
    command->callback([args] {
        int code = runCheck(*args);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
