// Benchmark runs as the workbench stores them: one evaluation run per (model,
// problem set, decoding) in the workspace database, whose samples are the
// answers the model generated. The case-study and inspector views read them.
//
// Conventions (also what other tools see in the database):
//   eval_runs.settings = {"kind": "benchmark", "model": name, "checkpoint": folder,
//                         "fingerprint": sha256, "template": raw|alpaca|pangu,
//                         "decoding": label, "greedy": bool, "temperature": T,
//                         "top_p": p, "n": samples per problem, "seed": s,
//                         "max_new_tokens": m, "stop_sequences": [...]}
//   eval_runs.samples_path = "generated:" + model name
//   sample_index = problem index (file order) * n + sample number
//   completion_id = "<task id>#<sample number>"
//   an answer's annotation item key = "run:<run id>:<sample index>"
//
// Answers judged in the side-by-side view are kept the same way, in one run per
// model and problem set with settings {"kind": "comparison", "model": name,
// "decoding": "side by side", "n": 1, ...} and sample indexes in judging order,
// so that the inspector lists and labels them too.
#pragma once

#include "store/workspace.h"

#include <QString>
#include <QVector>

namespace rrtf {

struct BenchmarkDecoding {
    bool greedy = true;
    double temperature = 0.8;
    double topP = 0.95;
    int samplesPerProblem = 1;  // n; 1 when greedy
    quint64 seed = 1;
    int maxNewTokens = 256;
    QStringList stopSequences;

    QString label() const;  // "greedy" or "T=0.8 top-p=0.95 n=10"
};

// A stored decoding label as shown to people: "greedy" and "side by side" in
// the user's language (the stored label stays English: it identifies the run).
QString decodingText(const QString& label);

struct BenchmarkRunInfo {
    EvalRun run;
    QString model;
    QString decoding;  // BenchmarkDecoding::label()
    int samplesPerProblem = 1;
};

// The benchmark runs of the workspace, newest first (other evaluation runs are skipped).
QVector<BenchmarkRunInfo> benchmarkRuns(Workspace& workspace);
// Benchmark runs and side-by-side answers: every answer an annotator may label.
QVector<BenchmarkRunInfo> answerRuns(Workspace& workspace);

// Whether a stored run's settings mark it as a benchmark run (or, with
// `comparisons`, a run of side-by-side answers); fills `info` when so.
bool readBenchmarkRun(const EvalRun& run, BenchmarkRunInfo& info, bool comparisons = false);

QString annotationItemKey(std::int64_t runId, int sampleIndex);

}  // namespace rrtf
