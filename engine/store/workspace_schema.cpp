#include "store/workspace_schema.h"

namespace rrtf {
namespace {

// Version 1: evaluation runs, their verdicts and the reference-solution timings.
// Times are Unix milliseconds (UTC); JSON columns hold objects as text. Tables are
// not STRICT so that SQLite older than 3.37 can still open the file.
constexpr std::string_view kEvaluationRuns = R"sql(
CREATE TABLE eval_runs (
    id                 INTEGER PRIMARY KEY,
    key                TEXT    NOT NULL UNIQUE,  -- caller's hash of inputs + settings
    problem_set_path   TEXT    NOT NULL,
    problem_set_sha256 TEXT    NOT NULL,
    samples_path       TEXT    NOT NULL,
    samples_sha256     TEXT    NOT NULL,
    settings           TEXT    NOT NULL,         -- JSON: limits, k list, workers, level
    created_ms         INTEGER NOT NULL,
    finished_ms        INTEGER,                  -- NULL while the run is unfinished
    engine_version     TEXT    NOT NULL
);

-- One row per sample of a run; recording a sample again updates its row in place.
CREATE TABLE eval_verdicts (
    run_id          INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
    sample_index    INTEGER NOT NULL,            -- line index in the samples file
    task_id         TEXT    NOT NULL,
    completion_id   TEXT    NOT NULL,
    completion      TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,            -- outcomeName(): "passed", "timeout", ...
    tests_passed    INTEGER NOT NULL,
    tests_total     INTEGER NOT NULL,
    detail          TEXT    NOT NULL,
    stdout          TEXT    NOT NULL,
    stderr          TEXT    NOT NULL,
    wall_ms         REAL    NOT NULL,
    cpu_ms          REAL    NOT NULL,
    level           TEXT    NOT NULL,
    fallback_reason TEXT    NOT NULL,
    tier            TEXT    NOT NULL,
    interpreter     TEXT    NOT NULL,
    limits          TEXT    NOT NULL,            -- JSON: JudgeLimits
    rechecked       INTEGER NOT NULL,
    recorded_ms     INTEGER NOT NULL,
    PRIMARY KEY (run_id, sample_index)
);
CREATE INDEX eval_verdicts_by_task ON eval_verdicts (run_id, task_id);

-- Calibration: how long each problem's reference solution runs on this machine.
CREATE TABLE reference_timings (
    problem_set_sha256 TEXT    NOT NULL,
    task_id            TEXT    NOT NULL,
    wall_ms            REAL    NOT NULL,
    cpu_ms             REAL    NOT NULL,
    outcome            TEXT    NOT NULL,
    level              TEXT    NOT NULL DEFAULT 'split',  -- "in-process": the reference needed level A
    recorded_ms        INTEGER NOT NULL,
    PRIMARY KEY (problem_set_sha256, task_id)
);
)sql";

}  // namespace

const std::vector<Migration>& workspaceMigrations()
{
    static const std::vector<Migration> migrations{
        {"evaluation runs, verdicts and reference timings", kEvaluationRuns},
    };
    return migrations;
}

}  // namespace rrtf
