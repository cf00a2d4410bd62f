// The workspace database: one SQLite file per user holding evaluation runs and
// their verdicts (and, through later migrations, models, generations, annotations
// and training jobs). The CLI, the GUI and training jobs may open it at once.
//
// Every write is one transaction, committed (and synced) before the call returns:
// an evaluation that is killed loses nothing it had finished, and resumes by
// skipping recordedSampleIndexes(). A Workspace may be shared between threads.
#pragma once

#include "evaluation/verdict.h"
#include "store/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

// What identifies and describes one evaluation run.
struct EvalRunSpec {
    // Identity: the caller's hash of problem-set sha256 + samples sha256 + settings,
    // so that running the same command again finds the same run (and resumes it).
    std::string key;
    std::string problemSetPath;
    std::string problemSetSha256;
    std::string samplesPath;
    std::string samplesSha256;
    nlohmann::json settings = nlohmann::json::object();  // limits, k list, workers, level
    std::string engineVersion;
};

struct EvalRun {
    std::int64_t id = 0;
    std::string key;
    std::string problemSetPath;
    std::string problemSetSha256;
    std::string samplesPath;
    std::string samplesSha256;
    nlohmann::json settings = nlohmann::json::object();
    std::int64_t createdMs = 0;                // Unix time in milliseconds (UTC)
    std::optional<std::int64_t> finishedMs;    // empty while the run is unfinished
    std::string engineVersion;

    bool finished() const { return finishedMs.has_value(); }
};

// One judged sample of a run.
struct StoredVerdict {
    int sampleIndex = 0;  // line index in the samples file: the row's identity within its run
    std::string taskId;
    std::string completionId;
    std::string completion;
    Verdict verdict;
};

// How long a problem's reference solution took: the calibration that scales
// per-problem timeouts. Cached per problem set (by its sha256) and task.
struct ReferenceTiming {
    double wallMs = 0;
    double cpuMs = 0;
    Outcome outcome = Outcome::Passed;
    std::string level = "split";  // "in-process" when the reference's values could not cross processes
};

// How a run's answers were generated: the speed and memory columns of a leaderboard.
struct GenerationStats {
    std::int64_t answers = 0;
    std::int64_t newTokens = 0;
    double generateMs = 0;        // wall time of the generation calls, prefill included
    std::int64_t weightBytes = 0;
    std::string device;
    std::string dtype;

    // Adds a later call's answers, tokens and time; the weights, device and dtype
    // become the later call's (what the store's upsert does too).
    void add(const GenerationStats& call)
    {
        answers += call.answers;
        newTokens += call.newTokens;
        generateMs += call.generateMs;
        weightBytes = call.weightBytes;
        device = call.device;
        dtype = call.dtype;
    }
    // New tokens per second of generation; 0 before any were timed.
    double tokensPerSecond() const { return generateMs > 0 ? newTokens / (generateMs / 1000.0) : 0.0; }
};

// $RRTF_WORKSPACE if set, else $XDG_DATA_HOME/rrtf-workbench/workspace.sqlite, else
// ~/.local/share/rrtf-workbench/workspace.sqlite. Throws Error when there is no home.
std::filesystem::path defaultWorkspacePath();

class Workspace {
public:
    // Opens or creates the workspace (and its parent folders) and brings its schema
    // up to date. Throws FormatError for a file that is not a SQLite database or
    // whose schema is newer than this program; DatabaseError when SQLite fails.
    explicit Workspace(const std::filesystem::path& file, const DatabaseOptions& options = {});

    const std::filesystem::path& path() const { return db.path(); }
    // The schema version this program writes (the number of migrations it knows).
    static int schemaVersion();

    // ---- evaluation runs ----
    // The run with spec.key, created (unfinished, created now) when there is none.
    // An existing run is returned as stored: its paths are not updated. A write:
    // WrongThread on the GUI thread (runtime/thread_guard.h).
    EvalRun findOrCreateRun(const EvalRunSpec& spec);
    std::optional<EvalRun> findRun(std::string_view key);
    std::optional<EvalRun> run(std::int64_t runId);
    std::vector<EvalRun> runs();  // newest first
    // Stamps the run finished now (again if it already was: the last completion counts).
    void markRunFinished(std::int64_t runId);

    // Records, or replaces (a re-checked timeout), the verdict of one sample. Throws
    // InvalidArgument for an unknown run or a negative sample index.
    void recordVerdict(std::int64_t runId, const StoredVerdict& verdict);
    // The same for several samples in one transaction (one disk sync for all): all
    // are recorded or none.
    void recordVerdicts(std::int64_t runId, std::span<const StoredVerdict> verdicts);
    std::set<int> recordedSampleIndexes(std::int64_t runId);
    std::vector<StoredVerdict> verdicts(std::int64_t runId);  // by sample index

    // ---- generation speed and memory ----
    // Adds one generation call's answers, tokens and time to the run's totals; the
    // weight bytes, device and dtype are the latest. Unknown run: InvalidArgument.
    void addGenerationStats(std::int64_t runId, const GenerationStats& call);
    std::optional<GenerationStats> generationStats(std::int64_t runId);

    // ---- reference-solution calibration ----
    void recordReferenceTiming(std::string_view problemSetSha256, std::string_view taskId, double wallMs,
                               double cpuMs, Outcome outcome, std::string_view level = "split");
    std::map<std::string, ReferenceTiming> referenceTimings(std::string_view problemSetSha256);

    // The connection itself, for later additions and tests. Not locked: use it from
    // one thread, and not while other threads use this Workspace.
    Database& database() { return db; }

private:
    friend class Annotations;  // shares the connection and its lock (store/annotations.h)

    EvalRun readRun(const Statement& row) const;
    void requireRun(std::int64_t runId);
    [[noreturn]] void rethrow(const DatabaseError& error, const std::string& what) const;

    std::mutex mutex;  // one connection, many callers (evaluation workers)
    Database db;
};

}  // namespace rrtf
