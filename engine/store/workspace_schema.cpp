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

// Version 2: the editable failure taxonomy and one annotation per (answer,
// annotator). item_key is the caller's stable name for an answer ("run:<run id>:
// <sample index>", "cmp:<id>:<pane>"), not a foreign key, so that answers from
// any table (or none yet) can be annotated. Deleting a label keeps the notes.
constexpr std::string_view kAnnotations = R"sql(
CREATE TABLE failure_labels (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,  -- "Other" and "other" are one label
    description TEXT    NOT NULL DEFAULT '',
    shortcut    TEXT    NOT NULL DEFAULT '',              -- one character, or '' for none
    position    INTEGER NOT NULL,                         -- list order, 0 first
    created_ms  INTEGER NOT NULL
);

CREATE TABLE annotations (
    item_key   TEXT    NOT NULL,
    annotator  TEXT    NOT NULL,
    label_id   INTEGER REFERENCES failure_labels (id) ON DELETE SET NULL,
    note       TEXT    NOT NULL DEFAULT '',
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (item_key, annotator)
);
-- Deleting a label looks up its annotations: without an index, a full scan.
CREATE INDEX annotations_by_label ON annotations (label_id);

-- The default taxonomy, on keys 1..9 and 0 like a number row. julianday() rather
-- than unixepoch(), which SQLite older than 3.38 lacks.
WITH defaults (name, description, shortcut, position) AS (VALUES
    ('wrong algorithm', 'The approach cannot solve the problem even when carried out correctly.', '1', 0),
    ('off-by-one / boundary', 'Right idea, wrong at the edges: ranges, empty input, first or last element.', '2', 1),
    ('misread the spec', 'Solves a different problem than the docstring asks for.', '3', 2),
    ('syntax error', 'The completion does not parse.', '4', 3),
    ('runtime error', 'Raises an exception (TypeError, IndexError, ...) on some test.', '5', 4),
    ('timeout / inefficient', 'Correct in principle but too slow for the tests'' inputs.', '6', 5),
    ('incomplete code', 'Stops early: a missing return, an unfinished branch, cut off at the token limit.', '7', 6),
    ('hallucinated API', 'Calls functions, methods or modules that do not exist.', '8', 7),
    ('formatting / IO', 'Right values in the wrong form: types, rounding, whitespace, printing.', '9', 8),
    ('other', 'Anything the labels above do not cover: say what in the note.', '0', 9)
)
INSERT INTO failure_labels (name, description, shortcut, position, created_ms)
SELECT name, description, shortcut, position, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM defaults;
)sql";

// Version 3: how fast each run's answers were generated and how much memory the
// model's weights took, for the benchmark table's speed and memory columns.
// Rows are added to as generation goes on; runs judged from files have none.
constexpr std::string_view kGenerationStats = R"sql(
CREATE TABLE generation_stats (
    run_id       INTEGER PRIMARY KEY REFERENCES eval_runs (id) ON DELETE CASCADE,
    answers      INTEGER NOT NULL,  -- generated answers counted so far
    new_tokens   INTEGER NOT NULL,  -- tokens those answers took
    generate_ms  REAL    NOT NULL,  -- wall time of the generation calls (prefill included)
    weight_bytes INTEGER NOT NULL,  -- the model's weights on its device
    device       TEXT    NOT NULL,  -- "cpu", "cuda:0" ...
    dtype        TEXT    NOT NULL,
    updated_ms   INTEGER NOT NULL
);
)sql";

}  // namespace

const std::vector<Migration>& workspaceMigrations()
{
    static const std::vector<Migration> migrations{
        {"evaluation runs, verdicts and reference timings", kEvaluationRuns},
        {"failure labels and annotations", kAnnotations},
        {"generation speed and memory per run", kGenerationStats},
    };
    return migrations;
}

}  // namespace rrtf
