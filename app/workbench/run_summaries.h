// Summaries of the runs stored in a workspace, shared by the views and the
// report: each benchmark run's progress and pass@k, and runs grouped by problem
// set and decoding for the case study.
#pragma once

#include "benchmark_runs.h"
#include "evaluation/case_study.h"
#include "evaluation/pass_at_k.h"

#include <QStringList>

#include <vector>

namespace rrtf {

// One model's part of a benchmark, as the progress table (a leaderboard) shows it.
struct BenchmarkModelProgress {
    QString model;
    QString decoding;
    std::int64_t runId = 0;
    QString problemSetPath;
    int done = 0;      // samples judged (this session or before)
    int total = 0;
    int passed = 0;
    QString status;    // waiting, generating, judged, failed: <reason>
    std::vector<ProblemCounts> counts;  // per problem, for pass@k
    GenerationStats generation;         // speed and memory (stored with the run)
};

// pass@k over the problems whose n samples are all judged; empty when k > n or none are.
QString passAtKText(const BenchmarkModelProgress& progress, int k);

// Every stored benchmark run, newest first, as the table shows it when no run is
// active. Throws what the workspace throws.
std::vector<BenchmarkModelProgress> storedBenchmarkProgress(Workspace& workspace);

// One problem set under one decoding: the newest run of each model, models in
// name order (so that Venn bit i stays the same model between reloads).
struct RunGroup {
    QString sha256;
    QString decoding;
    QString problemSetPath;  // of the newest run
    int samplesPerProblem = 1;
    std::vector<BenchmarkRunInfo> runs;
    QStringList models;  // parallel to runs

    QString key() const { return sha256 + QLatin1Char('\n') + decoding; }
};

// The benchmark runs grouped, in the order their newest runs were made.
std::vector<RunGroup> runGroups(Workspace& workspace);

// Which model solved which problem in a group. Sandbox failures say nothing
// about the model: they are not samples, and are counted in `sandboxErrors`.
SolveMatrix groupSolveMatrix(Workspace& workspace, const RunGroup& group, int* sandboxErrors = nullptr);

}  // namespace rrtf
