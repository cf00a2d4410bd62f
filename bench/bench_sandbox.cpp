// bench_sandbox: how fast the sandbox judges programs, next to the execution
// scheme of openai/human-eval on the same machine and the same programs.
//
//   bench_sandbox [--workers N] [--samples-per-problem 10] [--skip-baseline]
//
// Prints a table: programs/s for all 164 HumanEval canonical solutions and for
// 10 copies of each (1,640 programs), and the per-program latency of one worker
// against a plain `python3 -c` start (the sandbox's own overhead).
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "evaluation/task_builder.h"

extern char** environ;

using namespace rrtf;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// Judges every task `copies` times on the pool's workers; returns {seconds, passed}.
std::pair<double, int> judgeAll(SandboxPool& pool, const std::vector<JudgeTask>& tasks, int copies) {
    std::atomic<int> next{0}, passed{0};
    int total = int(tasks.size()) * copies;
    auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < pool.workers(); ++t)
        threads.emplace_back([&] {
            for (int i = next++; i < total; i = next++)
                passed += pool.judge(tasks[size_t(i) % tasks.size()], JudgeLimits{}).passed();
        });
    for (auto& thread : threads) thread.join();
    return {secondsSince(start), passed.load()};
}

// Runs a command and waits; returns its wall time in seconds.
double timeCommand(std::vector<std::string> argv) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    auto start = Clock::now();
    pid_t pid;
    if (posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return -1;
    int status;
    waitpid(pid, &status, 0);
    return secondsSince(start);
}

// The human-eval scheme (bench/humaneval_harness_baseline.py); {seconds, passed} or {-1, 0}.
std::pair<double, int> humanEvalHarness(const std::string& data, int copies, int workers) {
    std::string command = "/usr/bin/python3 " RRTF_BENCH_DIR "/humaneval_harness_baseline.py " + data + " " +
                          std::to_string(copies) + " " + std::to_string(workers) + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return {-1, 0};
    std::string output;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    pclose(pipe);
    auto parsed = nlohmann::json::parse(output, nullptr, false);
    if (!parsed.is_object()) return {-1, 0};
    return {parsed.value("seconds", -1.0), parsed.value("passed", 0)};
}

void printRow(const char* what, int programs, double seconds, int passed, double baselineRate) {
    double rate = seconds > 0 ? programs / seconds : 0;
    char ratio[32] = "";
    if (baselineRate > 0) std::snprintf(ratio, sizeof ratio, "%.2fx", rate / baselineRate);
    std::printf("| %-44s | %8d | %8.2f | %10.1f | %6d | %8s |\n", what, programs, seconds, rate, passed, ratio);
}

}  // namespace

int main(int argc, char** argv) {
    int workers = int(std::max(1u, std::thread::hardware_concurrency()));
    int copies = 10;
    bool baseline = true;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--workers" && i + 1 < argc) workers = std::atoi(argv[++i]);
        else if (arg == "--samples-per-problem" && i + 1 < argc) copies = std::atoi(argv[++i]);
        else if (arg == "--skip-baseline") baseline = false;
        else {
            std::fprintf(stderr, "usage: bench_sandbox [--workers N] [--samples-per-problem N] [--skip-baseline]\n");
            return 2;
        }
    }
    const std::string data = std::string(RRTF_TEST_DATA) + "/humaneval/HumanEval.jsonl.gz";
    ProblemSet problems = loadProblemSet(data);
    std::vector<JudgeTask> tasks;
    for (const Problem& problem : problems) tasks.push_back(buildReferenceTask(problem));

    SandboxPool pool(SandboxOptions{workers});
    std::printf("sandbox: tier %s, %s, %d workers, level B (split process)\n\n", pool.info().tier.c_str(),
                pool.info().interpreter.c_str(), workers);
    judgeAll(pool, {tasks.begin(), tasks.begin() + 8}, 1);  // warm up the zygotes

    std::pair<double, int> base1{-1, 0}, base10{-1, 0};
    if (baseline) {
        base1 = humanEvalHarness(data, 1, workers);
        base10 = humanEvalHarness(data, copies, workers);
    }
    auto ours1 = judgeAll(pool, tasks, 1);
    auto ours10 = judgeAll(pool, tasks, copies);

    std::printf("| %-44s | %8s | %8s | %10s | %6s | %8s |\n", "workload", "programs", "seconds", "programs/s",
                "passed", "vs h-e");
    std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(10, '-').c_str(),
                std::string(10, '-').c_str(), std::string(12, '-').c_str(), std::string(8, '-').c_str(),
                std::string(10, '-').c_str());
    double rate1 = base1.first > 0 ? 164 / base1.first : 0;
    double rate10 = base10.first > 0 ? 164.0 * copies / base10.first : 0;
    if (baseline) {
        printRow("human-eval harness scheme, 164 canonical", 164, base1.first, base1.second, 0);
        printRow("human-eval harness scheme, x10", 164 * copies, base10.first, base10.second, 0);
    }
    printRow("rrtf sandbox, 164 canonical", 164, ours1.first, ours1.second, rate1);
    printRow("rrtf sandbox, x10", 164 * copies, ours10.first, ours10.second, rate10);

    // Per-program latency: one worker, one small program at a time.
    SandboxPool single(SandboxOptions{1});
    JudgeTask small = tasks[2];  // HumanEval/2 truncate_number: a trivial body, 3 asserts
    std::vector<double> judged, plain;
    for (int i = 0; i < 40; ++i) {
        auto start = Clock::now();
        single.judge(small, JudgeLimits{});
        judged.push_back(secondsSince(start) * 1000);
        plain.push_back(timeCommand({"/usr/bin/python3", "-I", "-S", "-c", "pass"}) * 1000);
    }
    std::printf("\nper program, one worker (median of 40): sandboxed judge %.1f ms (tests and candidate in two "
                "jailed processes)\n", median(judged));
    std::printf("plain `python3 -I -S -c pass` start, no sandbox: %.1f ms\n", median(plain));
    std::printf("sandbox overhead per program vs a plain interpreter start: %+.1f ms\n", median(judged) - median(plain));
    return 0;
}
