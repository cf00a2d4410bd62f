#include "store/workspace.h"

#include "store/workspace_schema.h"

#include "runtime/thread_guard.h"

#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <system_error>

namespace rrtf {
namespace {

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

// Parent folders first: a fresh machine has no ~/.local/share/rrtf-workbench yet.
Database openDatabase(const std::filesystem::path& file, const DatabaseOptions& options)
{
    const std::filesystem::path parent = file.parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::is_directory(parent, error)) {
        std::filesystem::create_directories(parent, error);
        if (error)
            throw Error("cannot create the folder " + parent.string() + " for the workspace database " +
                        file.string() + ": " + error.message());
    }
    // SQLite must write the file and, for its WAL and lock files, the folder: a
    // read-only one is said plainly (SQLite says "unable to open database file").
    const std::filesystem::path folder = parent.empty() ? std::filesystem::path(".") : parent;
    for (const std::filesystem::path& needed : {folder, file}) {
        if (needed == file && !std::filesystem::exists(file, error))
            continue;
        if (::access(needed.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
            throw Error("cannot use the workspace database " + file.string() + ": " +
                        (needed == folder ? "its folder " : "the file ") + needed.string() + " is read-only (" +
                        std::strerror(errno) + "); make it writable or use another workspace");
    }
    return Database(file, options);
}

// Limits as a JSON object. Fields missing when read keep their defaults, so rows
// written before a new limit existed still load.
nlohmann::json limitsToJson(const JudgeLimits& limits)
{
    return {{"wall_seconds", limits.wallSeconds},         {"cpu_seconds", limits.cpuSeconds},
            {"memory_mib", limits.memoryMiB},             {"max_processes", limits.maxProcesses},
            {"file_size_mib", limits.fileSizeMiB},        {"output_keep_bytes", limits.outputKeepBytes},
            {"output_kill_bytes", limits.outputKillBytes}};
}

JudgeLimits limitsFromJson(const nlohmann::json& json)
{
    JudgeLimits limits;
    limits.wallSeconds = json.value("wall_seconds", limits.wallSeconds);
    limits.cpuSeconds = json.value("cpu_seconds", limits.cpuSeconds);
    limits.memoryMiB = json.value("memory_mib", limits.memoryMiB);
    limits.maxProcesses = json.value("max_processes", limits.maxProcesses);
    limits.fileSizeMiB = json.value("file_size_mib", limits.fileSizeMiB);
    limits.outputKeepBytes = json.value("output_keep_bytes", limits.outputKeepBytes);
    limits.outputKillBytes = json.value("output_kill_bytes", limits.outputKillBytes);
    return limits;
}

constexpr std::string_view kRunColumns =
    "id, key, problem_set_path, problem_set_sha256, samples_path, samples_sha256, settings, created_ms, "
    "finished_ms, engine_version";

constexpr std::string_view kVerdictColumns =
    "sample_index, task_id, completion_id, completion, outcome, tests_passed, tests_total, detail, stdout, "
    "stderr, wall_ms, cpu_ms, level, fallback_reason, tier, interpreter, limits, rechecked";

}  // namespace

std::filesystem::path defaultWorkspacePath()
{
    if (std::string explicitPath = environment("RRTF_WORKSPACE"); !explicitPath.empty())
        return explicitPath;
    const std::filesystem::path relative = std::filesystem::path("rrtf-workbench") / "workspace.sqlite";
    // The XDG spec says to ignore a relative XDG_DATA_HOME.
    if (std::filesystem::path xdg = environment("XDG_DATA_HOME"); xdg.is_absolute())
        return xdg / relative;
    std::string home = environment("HOME");
    if (home.empty())
        if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir)
            home = entry->pw_dir;
    if (home.empty())
        throw Error("cannot place the workspace database: RRTF_WORKSPACE, XDG_DATA_HOME and HOME are unset");
    return std::filesystem::path(home) / ".local" / "share" / relative;
}

Workspace::Workspace(const std::filesystem::path& file, const DatabaseOptions& options)
    : db(openDatabase(file, options))
{
    db.migrate(workspaceMigrations());
}

int Workspace::schemaVersion()
{
    return static_cast<int>(workspaceMigrations().size());
}

void Workspace::rethrow(const DatabaseError& error, const std::string& what) const
{
    // Replace the low-level context ("running INSERT ...") with what the caller asked for.
    throw DatabaseError(db.path().string() + ": " + what + ": " + error.sqliteMessage() +
                            databaseFaultHint(error.code(), db.busyTimeout()),
                        error.code(), error.sqliteMessage());
}

EvalRun Workspace::readRun(const Statement& row) const
{
    EvalRun run;
    run.id = row.columnInt64(0);
    run.key = row.columnText(1);
    run.problemSetPath = row.columnText(2);
    run.problemSetSha256 = row.columnText(3);
    run.samplesPath = row.columnText(4);
    run.samplesSha256 = row.columnText(5);
    try {
        run.settings = nlohmann::json::parse(row.columnText(6));
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(db.path().string() + ": evaluation run " + std::to_string(run.id) +
                          " has unreadable settings JSON: " + error.what());
    }
    run.createdMs = row.columnInt64(7);
    run.finishedMs = row.column<std::optional<std::int64_t>>(8);
    run.engineVersion = row.columnText(9);
    return run;
}

void Workspace::requireRun(std::int64_t runId)
{
    Statement statement = db.prepare("SELECT 1 FROM eval_runs WHERE id = ?");
    if (!statement.bindAll(runId).step())
        throw InvalidArgument(db.path().string() + " has no evaluation run " + std::to_string(runId));
}

EvalRun Workspace::findOrCreateRun(const EvalRunSpec& spec)
{
    requireWorkerThread("Workspace::findOrCreateRun");
    if (spec.key.empty())
        throw InvalidArgument("an evaluation run needs a key (a hash of its inputs and settings)");
    std::lock_guard lock(mutex);
    try {
        // One write transaction for look-up and insert: two processes starting the
        // same command cannot both create the run.
        Transaction transaction(db);
        Statement find = db.prepare("SELECT " + std::string(kRunColumns) + " FROM eval_runs WHERE key = ?");
        if (find.bindAll(spec.key).step())
            return readRun(find);
        const std::int64_t created = unixTimeMs();
        db.prepare("INSERT INTO eval_runs (key, problem_set_path, problem_set_sha256, samples_path, samples_sha256, "
                   "settings, created_ms, engine_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(spec.key, spec.problemSetPath, spec.problemSetSha256, spec.samplesPath, spec.samplesSha256,
                     spec.settings.dump(), created, spec.engineVersion)
            .run();
        EvalRun run;
        run.id = db.lastInsertRowId();
        run.key = spec.key;
        run.problemSetPath = spec.problemSetPath;
        run.problemSetSha256 = spec.problemSetSha256;
        run.samplesPath = spec.samplesPath;
        run.samplesSha256 = spec.samplesSha256;
        run.settings = spec.settings;
        run.createdMs = created;
        run.engineVersion = spec.engineVersion;
        transaction.commit();
        return run;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot find or create the evaluation run " + spec.key);
    }
}

std::optional<EvalRun> Workspace::findRun(std::string_view key)
{
    std::lock_guard lock(mutex);
    try {
        Statement find = db.prepare("SELECT " + std::string(kRunColumns) + " FROM eval_runs WHERE key = ?");
        if (find.bindAll(key).step())
            return readRun(find);
        return std::nullopt;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read the evaluation run " + std::string(key));
    }
}

std::optional<EvalRun> Workspace::run(std::int64_t runId)
{
    std::lock_guard lock(mutex);
    try {
        Statement find = db.prepare("SELECT " + std::string(kRunColumns) + " FROM eval_runs WHERE id = ?");
        if (find.bindAll(runId).step())
            return readRun(find);
        return std::nullopt;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read evaluation run " + std::to_string(runId));
    }
}

std::vector<EvalRun> Workspace::runs()
{
    std::lock_guard lock(mutex);
    try {
        std::vector<EvalRun> result;
        Statement all =
            db.prepare("SELECT " + std::string(kRunColumns) + " FROM eval_runs ORDER BY created_ms DESC, id DESC");
        while (all.step())
            result.push_back(readRun(all));
        return result;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot list the evaluation runs");
    }
}

void Workspace::markRunFinished(std::int64_t runId)
{
    requireWorkerThread("Workspace::markRunFinished");
    std::lock_guard lock(mutex);
    try {
        Transaction transaction(db);
        db.prepare("UPDATE eval_runs SET finished_ms = ? WHERE id = ?").bindAll(unixTimeMs(), runId).run();
        if (db.changes() == 0)
            throw InvalidArgument(db.path().string() + " has no evaluation run " + std::to_string(runId));
        transaction.commit();
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot mark evaluation run " + std::to_string(runId) + " finished");
    }
}

void Workspace::addGenerationStats(std::int64_t runId, const GenerationStats& call)
{
    requireWorkerThread("Workspace::addGenerationStats");
    std::lock_guard lock(mutex);
    try {
        Transaction transaction(db);
        requireRun(runId);
        db.prepare("INSERT INTO generation_stats (run_id, answers, new_tokens, generate_ms, weight_bytes, device, "
                   "dtype, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (run_id) DO UPDATE SET answers = answers + excluded.answers, "
                   "new_tokens = new_tokens + excluded.new_tokens, generate_ms = generate_ms + excluded.generate_ms, "
                   "weight_bytes = excluded.weight_bytes, device = excluded.device, dtype = excluded.dtype, "
                   "updated_ms = excluded.updated_ms")
            .bindAll(runId, call.answers, call.newTokens, call.generateMs, call.weightBytes, call.device, call.dtype,
                     unixTimeMs())
            .run();
        transaction.commit();
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot record the generation speed of evaluation run " + std::to_string(runId));
    }
}

std::optional<GenerationStats> Workspace::generationStats(std::int64_t runId)
{
    std::lock_guard lock(mutex);
    try {
        Statement select = db.prepare("SELECT answers, new_tokens, generate_ms, weight_bytes, device, dtype "
                                      "FROM generation_stats WHERE run_id = ?");
        select.bindAll(runId);
        if (!select.step())
            return std::nullopt;
        GenerationStats stats;
        stats.answers = select.columnInt64(0);
        stats.newTokens = select.columnInt64(1);
        stats.generateMs = select.columnDouble(2);
        stats.weightBytes = select.columnInt64(3);
        stats.device = select.columnText(4);
        stats.dtype = select.columnText(5);
        return stats;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read the generation speed of evaluation run " + std::to_string(runId));
    }
}

void Workspace::recordVerdict(std::int64_t runId, const StoredVerdict& stored)
{
    recordVerdicts(runId, std::span(&stored, 1));
}

void Workspace::recordVerdicts(std::int64_t runId, std::span<const StoredVerdict> batch)
{
    requireWorkerThread("Workspace::recordVerdicts");
    for (const StoredVerdict& stored : batch)
        if (stored.sampleIndex < 0)
            throw InvalidArgument("sample index must be >= 0, got " + std::to_string(stored.sampleIndex));
    std::lock_guard lock(mutex);
    try {
        Transaction transaction(db);
        requireRun(runId);
        // An upsert rather than INSERT OR REPLACE: REPLACE deletes the old row first,
        // which would cascade to rows that later tables (annotations) attach to it.
        Statement upsert = db.prepare(
            "INSERT INTO eval_verdicts (run_id, " + std::string(kVerdictColumns) +
            ", recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (run_id, sample_index) DO UPDATE SET "
            "task_id = excluded.task_id, completion_id = excluded.completion_id, "
            "completion = excluded.completion, outcome = excluded.outcome, "
            "tests_passed = excluded.tests_passed, tests_total = excluded.tests_total, "
            "detail = excluded.detail, stdout = excluded.stdout, stderr = excluded.stderr, "
            "wall_ms = excluded.wall_ms, cpu_ms = excluded.cpu_ms, level = excluded.level, "
            "fallback_reason = excluded.fallback_reason, tier = excluded.tier, "
            "interpreter = excluded.interpreter, limits = excluded.limits, "
            "rechecked = excluded.rechecked, recorded_ms = excluded.recorded_ms");
        const std::int64_t recorded = unixTimeMs();
        for (const StoredVerdict& stored : batch) {
            const Verdict& v = stored.verdict;
            upsert.reset();
            upsert
                .bindAll(runId, stored.sampleIndex, stored.taskId, stored.completionId, stored.completion,
                         outcomeName(v.outcome), v.testsPassed, v.testsTotal, v.detail, v.stdoutText, v.stderrText,
                         v.wallMs, v.cpuMs, v.level, v.fallbackReason, v.tier, v.interpreter,
                         limitsToJson(v.limits).dump(), v.rechecked, recorded)
                .run();
        }
        transaction.commit();  // synced to disk here: the verdicts survive a kill
    } catch (const DatabaseError& error) {
        rethrow(error, batch.size() == 1 ? "cannot record the verdict of sample " +
                                               std::to_string(batch.front().sampleIndex) + " of evaluation run " +
                                               std::to_string(runId)
                                         : "cannot record " + std::to_string(batch.size()) +
                                               " verdicts of evaluation run " + std::to_string(runId));
    }
}

std::set<int> Workspace::recordedSampleIndexes(std::int64_t runId)
{
    std::lock_guard lock(mutex);
    try {
        std::set<int> indexes;
        Statement select = db.prepare("SELECT sample_index FROM eval_verdicts WHERE run_id = ?");
        select.bindAll(runId);
        while (select.step())
            indexes.insert(select.columnInt(0));
        return indexes;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read the recorded samples of evaluation run " + std::to_string(runId));
    }
}

std::vector<StoredVerdict> Workspace::verdicts(std::int64_t runId)
{
    std::lock_guard lock(mutex);
    try {
        std::vector<StoredVerdict> result;
        Statement select = db.prepare("SELECT " + std::string(kVerdictColumns) +
                                      " FROM eval_verdicts WHERE run_id = ? ORDER BY sample_index");
        select.bindAll(runId);
        while (select.step()) {
            StoredVerdict stored;
            stored.sampleIndex = select.columnInt(0);
            stored.taskId = select.columnText(1);
            stored.completionId = select.columnText(2);
            stored.completion = select.columnText(3);
            Verdict& v = stored.verdict;
            const std::string outcome = select.columnText(4);
            const std::optional<Outcome> parsed = parseOutcome(outcome);
            if (!parsed)
                throw FormatError(db.path().string() + ": evaluation run " + std::to_string(runId) + ", sample " +
                                  std::to_string(stored.sampleIndex) + ": unknown outcome \"" + outcome + "\"");
            v.outcome = *parsed;
            v.testsPassed = select.columnInt(5);
            v.testsTotal = select.columnInt(6);
            v.detail = select.columnText(7);
            v.stdoutText = select.columnText(8);
            v.stderrText = select.columnText(9);
            v.wallMs = select.columnDouble(10);
            v.cpuMs = select.columnDouble(11);
            v.level = select.columnText(12);
            v.fallbackReason = select.columnText(13);
            v.tier = select.columnText(14);
            v.interpreter = select.columnText(15);
            try {
                v.limits = limitsFromJson(nlohmann::json::parse(select.columnText(16)));
            } catch (const nlohmann::json::exception& error) {
                throw FormatError(db.path().string() + ": evaluation run " + std::to_string(runId) + ", sample " +
                                  std::to_string(stored.sampleIndex) + ": unreadable limits JSON: " + error.what());
            }
            v.rechecked = select.column<bool>(17);
            result.push_back(std::move(stored));
        }
        return result;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read the verdicts of evaluation run " + std::to_string(runId));
    }
}

void Workspace::recordReferenceTiming(std::string_view problemSetSha256, std::string_view taskId, double wallMs,
                                      double cpuMs, Outcome outcome, std::string_view level)
{
    std::lock_guard lock(mutex);
    try {
        Transaction transaction(db);
        db.prepare("INSERT INTO reference_timings (problem_set_sha256, task_id, wall_ms, cpu_ms, outcome, "
                   "level, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (problem_set_sha256, task_id) DO "
                   "UPDATE SET wall_ms = excluded.wall_ms, cpu_ms = excluded.cpu_ms, outcome = excluded.outcome, "
                   "level = excluded.level, recorded_ms = excluded.recorded_ms")
            .bindAll(problemSetSha256, taskId, wallMs, cpuMs, outcomeName(outcome), level, unixTimeMs())
            .run();
        transaction.commit();
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot record the reference timing of " + std::string(taskId));
    }
}

std::map<std::string, ReferenceTiming> Workspace::referenceTimings(std::string_view problemSetSha256)
{
    std::lock_guard lock(mutex);
    try {
        std::map<std::string, ReferenceTiming> timings;
        Statement select =
            db.prepare("SELECT task_id, wall_ms, cpu_ms, outcome, level FROM reference_timings "
                       "WHERE problem_set_sha256 = ?");
        select.bindAll(problemSetSha256);
        while (select.step()) {
            const std::string taskId = select.columnText(0);
            const std::string outcome = select.columnText(3);
            const std::optional<Outcome> parsed = parseOutcome(outcome);
            if (!parsed)
                throw FormatError(db.path().string() + ": reference timing of " + taskId + ": unknown outcome \"" +
                                  outcome + "\"");
            timings[taskId] = ReferenceTiming{select.columnDouble(1), select.columnDouble(2), *parsed,
                                              select.columnText(4)};
        }
        return timings;
    } catch (const DatabaseError& error) {
        rethrow(error, "cannot read the reference timings of problem set " + std::string(problemSetSha256));
    }
}

}  // namespace rrtf
