#include "evaluation/sandbox/supervisor.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "evaluation/sandbox/job_lines.h"
#include "evaluation/sandbox/line_channel.h"
#include "evaluation/sandbox/seccomp_policy.h"
#include "evaluation/sandbox/tier.h"
#include "evaluation/sandbox/zygote_launcher.h"
#include "runtime/error.h"

namespace rrtf::sandbox {
namespace {

using nlohmann::json;

constexpr int kStartTimeoutMs = 15000;

void emit(int outFd, const json& message) { writeAll(outFd, message.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"); }

// One worker: the zygote and what it told us about itself.
class Worker {
public:
    Worker(const SupervisorOptions& options, Tier tier, std::string seccompProgram)
        : m_options(options), m_tier(tier), m_seccomp(std::move(seccompProgram)) {}
    ~Worker() { stop(); }

    // Starts (or restarts) the zygote and waits for its hello line.
    void start() {
        stop();
        m_zygote = startZygote({m_tier, m_options.slot, m_options.python}, m_seccomp);
        m_reader = std::make_unique<LineReader>(m_zygote.resultFd);
        auto hello = m_reader->readLine(kStartTimeoutMs);
        auto interpreter = hello ? decodeHello(*hello, m_options.python) : std::nullopt;
        if (!interpreter) {
            stop();
            throw Error(hello ? "sandbox: the zygote sent an unexpected first line: " + hello->substr(0, 200)
                              : "sandbox: the zygote did not start (see its error output)");
        }
        m_interpreter = *interpreter;
    }

    void stop() {
        m_reader.reset();
        if (m_zygote.keeper > 0) stopZygote(m_zygote);
    }

    // Sends one job and waits for its answer; nullopt when the zygote died or hung.
    std::optional<std::string> run(const std::string& line, int timeoutMs, std::string& why) {
        if (!writeAll(m_zygote.jobFd, line + "\n")) {
            why = "the sandbox worker exited before taking the job";
            return std::nullopt;
        }
        auto answer = m_reader->readLine(timeoutMs);
        if (!answer) why = m_reader->timedOut() ? "the sandbox worker stopped answering" : "the sandbox worker died";
        return answer;
    }

    const std::string& interpreter() const { return m_interpreter; }

private:
    SupervisorOptions m_options;
    Tier m_tier;
    std::string m_seccomp;
    Zygote m_zygote;
    std::unique_ptr<LineReader> m_reader;
    std::string m_interpreter;
};

json sandboxError(const json& id, const std::string& detail) {
    return {{"id", id}, {"outcome", "sandbox_error"}, {"tests_passed", 0}, {"tests_total", 0},
            {"detail", detail}, {"stdout", ""}, {"stderr", ""}, {"wall_ms", 0.0}, {"cpu_ms", 0.0},
            {"level", ""}, {"fallback_reason", ""}};
}

}  // namespace

int printProbe(int outFd) {
    TierProbe probe = probeTier();
    emit(outFd, {{"tier", tierName(probe.tier)}, {"detail", probe.detail}});
    return probe.tier == Tier::Unsafe ? 3 : 0;
}

int serveJobs(const SupervisorOptions& options, int inFd, int outFd) {
    signal(SIGPIPE, SIG_IGN);
    TierProbe probe = probeTier();
    if (probe.tier == Tier::Unsafe && !options.allowUnsafe) {
        emit(outFd, {{"ready", false}, {"tier", "unsafe"},
                     {"error", "no isolation available: " + probe.detail +
                                   ". Refusing to run untrusted code (use --allow-unsafe to accept the risk)"}});
        return 3;
    }
    std::unique_ptr<Worker> worker;
    try {
        worker = std::make_unique<Worker>(options, probe.tier, buildSeccompProgram());
        worker->start();
    } catch (const Error& e) {
        emit(outFd, {{"ready", false}, {"tier", tierName(probe.tier)}, {"error", e.what()}});
        return 4;
    }
    emit(outFd, {{"ready", true}, {"tier", tierName(probe.tier)}, {"interpreter", worker->interpreter()},
                 {"detail", probe.detail}});

    LineReader jobs(inFd);
    while (auto line = jobs.readLine()) {
        if (line->empty()) continue;
        const auto job = decodeJobLine(*line, options.graceSeconds);
        if (!job || !job->refusal.empty()) {
            emit(outFd, job ? sandboxError(job->job["id"], job->refusal) : sandboxError(nullptr, "malformed job line"));
            continue;
        }
        std::string why;
        auto answer = worker->run(*line, job->watchdogMs, why);
        json verdict = answer ? decodeAnswer(*answer).value_or(json()) : json();
        if (!verdict.is_object()) {
            verdict = sandboxError(job->job["id"], answer ? "the sandbox worker sent a malformed answer" : why);
            try {
                worker->start();  // a fresh zygote for the next job
            } catch (const Error& e) {
                emit(outFd, verdict);
                emit(outFd, {{"fatal", e.what()}});
                return 4;
            }
        }
        verdict["tier"] = tierName(probe.tier);
        verdict["interpreter"] = worker->interpreter();
        emit(outFd, verdict);
    }
    return 0;
}

}  // namespace rrtf::sandbox
