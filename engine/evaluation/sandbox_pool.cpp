#include "evaluation/sandbox_pool.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <thread>
#include <utility>
#include <nlohmann/json.hpp>

#include "evaluation/sandbox/line_channel.h"
#include "runtime/install_layout.h"
#include "runtime/json_file.h"
#include "runtime/thread_guard.h"

extern char** environ;

namespace rrtf {
namespace {

using nlohmann::json;

constexpr int kStartTimeoutMs = 30000;

std::string_view styleName(TestStyle style) {
    switch (style) {
    case TestStyle::CheckFunction: return "check";
    case TestStyle::TopLevelAsserts: return "asserts";
    case TestStyle::DifferentialInputs: return "inputs";
    case TestStyle::Script: return "script";
    }
    return "check";
}

// Generous: the worker enforces the real limits; this only catches a wedged helper.
int answerTimeoutMs(const JudgeLimits& limits) { return int((2 * limits.wallSeconds + 30) * 1000); }

}  // namespace

int defaultSandboxWorkers() { return int(std::max(1u, std::thread::hardware_concurrency())); }

std::filesystem::path findSandboxHelper() {
    const auto helper = installedFile(InstallDir::Libexec, "rrtf-sandbox", "RRTF_SANDBOX");
    std::error_code error;
    if (std::filesystem::exists(helper, error)) return helper;
    throw SandboxUnavailable("cannot find the sandbox helper " + helper.string() +
                             " (it is installed with rrtf; RRTF_SANDBOX may name another)");
}

json sandboxLimitsJson(const JudgeLimits& limits) {
    return {{"wall_s", limits.wallSeconds}, {"cpu_s", limits.cpuSeconds}, {"memory_mb", limits.memoryMiB},
            {"nproc", limits.maxProcesses}, {"fsize_mb", limits.fileSizeMiB},
            {"output_keep", limits.outputKeepBytes}, {"output_kill", limits.outputKillBytes}};
}

std::string sandboxJobLine(long id, const JudgeTask& task, const JudgeLimits& limits) {
    json job = {
        {"id", id},
        {"task_id", task.taskId},
        {"style", styleName(task.style)},
        {"candidate", task.candidateSource},
        {"prelude", task.testPrelude},
        {"tests", task.testSource},
        {"entry_point", task.entryPoint},
        {"reference", task.referenceSource},
        {"inputs", task.inputsJson},
        {"atol", task.atol},
        {"split", task.preferSplit},
        {"allow_fallback", task.allowFallback},
        {"limits", sandboxLimitsJson(limits)},
    };
    return job.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

// A line from the helper as JSON; discarded when it is not JSON or nests too deep.
json parseHelperLine(const std::string& line) {
    try {
        return json::parse(line, jsonDepthLimit("sandbox answer"), false);
    } catch (const FormatError&) {
        return json::value_t::discarded;
    }
}

// Typed fields of a helper's line: a field of another type is named in `error`
// and read as its default, never thrown.
struct HelperFields {
    const json& object;
    std::string error;

    const json* find(const char* key) {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }
    void wrongType(const char* key, const char* expected) {
        if (error.empty()) error = std::string("\"") + key + "\" is not " + expected;
    }
    std::string text(const char* key) {
        const json* value = find(key);
        if (value && !value->is_string()) wrongType(key, "a string");
        return value && value->is_string() ? value->get<std::string>() : std::string();
    }
    int count(const char* key) {
        const json* value = find(key);
        if (value && (!value->is_number_integer() || value->get<int64_t>() < 0 || value->get<int64_t>() > INT_MAX))
            wrongType(key, "a count");
        return error.empty() && value ? int(value->get<int64_t>()) : 0;
    }
    double number(const char* key) {
        const json* value = find(key);
        if (value && !value->is_number()) wrongType(key, "a number");
        return value && value->is_number() ? value->get<double>() : 0.0;
    }
    bool flag(const char* key, bool fallback) {
        const json* value = find(key);
        if (value && !value->is_boolean()) wrongType(key, "true or false");
        return value && value->is_boolean() ? value->get<bool>() : fallback;
    }
};

}  // namespace

Verdict verdictFromLine(const std::string& line, const JudgeLimits& limits) {
    Verdict verdict;
    verdict.limits = limits;
    const json answer = parseHelperLine(line);
    const auto malformed = [&](const std::string& why) {
        Verdict bad;
        bad.limits = limits;
        bad.outcome = Outcome::SandboxError;
        bad.detail = "malformed answer from the sandbox (" + why + "): " + printable(line, 200);
        return bad;
    };
    if (!answer.is_object()) return malformed("not a JSON object");
    HelperFields fields{answer, {}};
    const std::string outcomeText = fields.text("outcome");
    const auto outcome = parseOutcome(outcomeText);
    if (fields.error.empty() && !outcome) return malformed("unknown outcome \"" + printable(outcomeText) + "\"");
    verdict.outcome = outcome.value_or(Outcome::SandboxError);
    verdict.testsPassed = fields.count("tests_passed");
    verdict.testsTotal = fields.count("tests_total");
    verdict.detail = fields.text("detail");
    verdict.stdoutText = fields.text("stdout");
    verdict.stderrText = fields.text("stderr");
    verdict.wallMs = fields.number("wall_ms");
    verdict.cpuMs = fields.number("cpu_ms");
    verdict.level = fields.text("level");
    verdict.fallbackReason = fields.text("fallback_reason");
    verdict.tier = fields.text("tier");
    verdict.interpreter = fields.text("interpreter");
    if (!fields.error.empty()) return malformed(fields.error);
    return verdict;
}

SandboxInfo sandboxInfoFromReadyLine(const std::optional<std::string>& line) {
    if (!line) throw SandboxUnavailable("sandbox unavailable: the sandbox helper exited without saying why");
    const json ready = parseHelperLine(*line);
    if (!ready.is_object())
        throw SandboxUnavailable("sandbox unavailable: the sandbox helper's first line is not JSON: " +
                                 printable(*line, 200));
    HelperFields fields{ready, {}};
    const bool isReady = fields.flag("ready", false);
    const std::string error = fields.text("error");
    SandboxInfo info{fields.text("tier"), fields.text("interpreter"), fields.text("detail")};
    if (!fields.error.empty())
        throw SandboxUnavailable("sandbox unavailable: the sandbox helper's first line is malformed (" + fields.error +
                                 "): " + printable(*line, 200));
    if (!isReady) throw SandboxUnavailable("sandbox unavailable: " + (error.empty() ? "unknown error" : error));
    return info;
}

// One rrtf-sandbox process and the pipes to it.
struct SandboxPool::Worker {
    pid_t pid = -1;
    int toHelper = -1;
    int fromHelper = -1;
    std::unique_ptr<sandbox::LineReader> reader;

    // Reaps a helper that gave no answer: one that closed its pipe (killed, crashed)
    // or, `hung`, one that stopped answering (killed here). Says what became of it,
    // for the verdict. Its zygote and the program it ran die with it (PR_SET_PDEATHSIG).
    std::string bury(bool hung) {
        if (pid <= 0) return "the sandbox helper was not running";
        int status = 0;
        pid_t got = 0;
        // A helper whose pipe closed is exiting: give it a moment to become reapable.
        for (int i = 0; i < 200 && !hung && (got = waitpid(pid, &status, WNOHANG)) == 0; ++i) usleep(10000);
        const std::string who = "the sandbox helper (rrtf-sandbox, pid " + std::to_string(pid) + ")";
        if (got != pid) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            pid = -1;
            return who + (hung ? " stopped answering and was stopped" : " closed its pipe and was stopped");
        }
        pid = -1;
        if (WIFSIGNALED(status)) {
            const char* name = sigabbrev_np(WTERMSIG(status));  // "KILL"; thread-safe, unlike strsignal
            return who + " was killed by signal " + std::to_string(WTERMSIG(status)) +
                   (name ? std::string(" (SIG") + name + ")" : std::string());
        }
        return who + " exited with status " + std::to_string(WEXITSTATUS(status));
    }

    ~Worker() {
        if (toHelper >= 0) close(toHelper);  // end of input: the helper stops its zygote and exits
        if (fromHelper >= 0) close(fromHelper);
        if (pid > 0) {
            int status;
            for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; ++i) usleep(10000);
            if (waitpid(pid, &status, WNOHANG) == 0) {
                kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
            }
        }
    }
};

std::unique_ptr<SandboxPool::Worker> SandboxPool::startWorker(int slot) {
    int input[2], output[2];
    if (pipe2(input, O_CLOEXEC) != 0 || pipe2(output, O_CLOEXEC) != 0)
        throw SandboxUnavailable(std::string("sandbox: pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    if (!std::getenv("RRTF_SANDBOX_DEBUG"))
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::string helper = m_options.helper.string(), slotText = std::to_string(slot);
    std::vector<char*> argv = {helper.data(), const_cast<char*>("--serve"), const_cast<char*>("--slot"),
                               slotText.data(), const_cast<char*>("--python"), m_options.python.data()};
    if (m_options.allowUnsafe) argv.push_back(const_cast<char*>("--allow-unsafe"));
    argv.push_back(nullptr);
    auto worker = std::make_unique<Worker>();
    int rc = posix_spawn(&worker->pid, helper.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(input[0]);
    close(output[1]);
    worker->toHelper = input[1];
    worker->fromHelper = output[0];
    if (rc != 0) {
        worker->pid = -1;
        throw SandboxUnavailable("cannot start " + helper + ": " + std::strerror(rc));
    }
    worker->reader = std::make_unique<sandbox::LineReader>(worker->fromHelper);
    SandboxInfo info = sandboxInfoFromReadyLine(worker->reader->readLine(kStartTimeoutMs));
    if (m_workers.size() < size_t(m_options.workers)) m_info = std::move(info);  // not on a restart: others read it
    return worker;
}

SandboxPool::SandboxPool(SandboxOptions options) : m_options(std::move(options)) {
    if (m_options.workers < 1) throw InvalidArgument("sandbox: workers must be at least 1");
    if (m_options.helper.empty()) m_options.helper = findSandboxHelper();
    signal(SIGPIPE, SIG_IGN);  // a dead helper must surface as an error, not kill us
    for (int slot = 0; slot < m_options.workers; ++slot) {
        m_workers.push_back(startWorker(slot));
        m_idle.push_back(m_workers.back().get());
    }
}

SandboxPool::~SandboxPool() = default;

SandboxPool::Worker* SandboxPool::acquire() {
    std::unique_lock lock(m_mutex);
    m_freed.wait(lock, [&] { return !m_idle.empty(); });
    Worker* worker = m_idle.back();
    m_idle.pop_back();
    return worker;
}

void SandboxPool::release(Worker* worker) {
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(worker);
    }
    m_freed.notify_one();
}

void SandboxPool::replace(Worker* broken) {
    int slot = 0;
    {
        std::lock_guard lock(m_mutex);
        for (size_t i = 0; i < m_workers.size(); ++i)
            if (m_workers[i].get() == broken) slot = int(i);
    }
    std::unique_ptr<Worker> fresh;
    try {
        fresh = startWorker(slot);
    } catch (const Error& error) {
        release(broken);  // the next judge() on this slot tries again
        throw SandboxUnavailable("cannot restart the sandbox helper of worker " + std::to_string(slot) + ": " +
                                 error.what());
    }
    Worker* raw = fresh.get();
    std::unique_ptr<Worker> old;
    {
        std::lock_guard lock(m_mutex);
        old = std::exchange(m_workers[size_t(slot)], std::move(fresh));
    }
    release(raw);
}

Verdict SandboxPool::judge(const JudgeTask& task, const JudgeLimits& limits) {
    requireWorkerThread("SandboxPool::judge");
    Worker* worker = acquire();
    long id;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
    }
    std::optional<std::string> answer;
    if (sandbox::writeAll(worker->toHelper, sandboxJobLine(id, task, limits) + "\n"))
        answer = worker->reader->readLine(answerTimeoutMs(limits));
    if (answer) {
        release(worker);
        return verdictFromLine(*answer, limits);
    }
    // The helper died (kill -9, a crash, the OOM killer) or hung: a fresh one takes its
    // place for the next program. This one's verdict says nothing about the program:
    // a sandbox error, which pass@k leaves out and the evaluator judges again.
    const std::string loss = worker->bury(worker->reader->timedOut());
    replace(worker);  // SandboxUnavailable when no helper starts any more
    Verdict verdict;
    verdict.limits = limits;
    verdict.outcome = Outcome::SandboxError;
    verdict.detail = loss + "; a fresh helper took its place";
    return verdict;
}

}  // namespace rrtf
