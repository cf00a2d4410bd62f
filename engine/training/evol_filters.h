// Filters for training records, run after Evol-Instruct and again once
// solutions and tests are attached: duplicate and near-duplicate instructions,
// length bounds, "must have tests" and "the solution must be valid Python".
// Each filter reports every record it dropped and why. The paper applies
// "several manually-defined rules" that it does not list (method.md §1.0,
// [NOT FOUND]); these are the usual ones, each switchable.
#pragma once

#include "evaluation/judge_task.h"
#include "evaluation/verdict.h"
#include "runtime/cancellation.h"
#include "training/training_records.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

class SandboxPool;

struct RecordFilterOptions {
    // Drop a record whose instruction equals an earlier one exactly, or after
    // normalisation (case, punctuation, whitespace; see text_tokens.h).
    bool removeDuplicates = true;
    // Drop a record whose instruction's shingle set has at least this Jaccard
    // similarity with an earlier one's (MinHash + LSH, verified exactly); 0: off.
    // 0.8: a rewrite keeping four fifths of its word 5-grams is the same task.
    double nearDuplicateJaccard = 0.8;
    int shingleTokens = 5;  // tokens per shingle for the near-duplicate check
    // Instruction length in characters (UTF-8 code points, after trimming).
    int minInstructionChars = 16;    // shorter is no task ("Sort a list.")
    int maxInstructionChars = 4096;  // longer crowds a 2048-token window (WizardCoder's, method.md §5.3)
    // Evolved records only: at most this many times the parent's instruction
    // length (Fig. 2: "similar length"); 0: off, because a short seed gains
    // "approximately 10 additional words" (heuristic 1) and still doubles.
    double maxGrowth = 0.0;
    int maxSolutionChars = 8192;  // the reference solution; 0: no bound
    bool requireTests = true;     // a record without tests cannot be ranked (method.md §1.2)
    // The reference solution must compile as Python; needs syntax verdicts
    // (judgeSolutionSyntax or your own judge step). Records without a solution
    // pass: their teacher answers are ranked by the sandbox, compile errors lowest.
    bool requireValidSolution = true;
    std::uint64_t seed = 1;  // MinHash hash functions
};

// The filters that make sense right after evolution, before any solution or
// test exists: duplicates and length only.
RecordFilterOptions evolvedInstructionFilters();

// Stable filter names used in reports: "reply" (evolution replies, see
// evol_instruct.h), "tests", "length", "syntax", "duplicate", "near_duplicate".
struct DroppedRecord {
    std::string taskId;
    std::string filter;
    std::string reason;  // e.g. "near-duplicate of alpaca/3 (Jaccard 0.86)"
};

struct FilterResult {
    std::vector<TrainingRecord> kept;     // in input order
    std::vector<DroppedRecord> dropped;   // in input order
    std::map<std::string, int> droppedBy;  // filter name -> records it dropped
};

// ---- the syntax check ------------------------------------------------------

// A program that only compiles the source, compile(src, '<solution>', 'exec'),
// never runs it: the sandbox judges it as a script.
JudgeTask solutionSyntaxTask(const std::string& taskId, std::string_view source);

enum class SyntaxStatus {
    Valid,    // compiles
    Invalid,  // SyntaxError (and IndentationError, TabError), null bytes, nesting too deep
    Unknown,  // the check did not finish (timeout, memory, sandbox error)
};
struct SyntaxCheck {
    SyntaxStatus status = SyntaxStatus::Unknown;
    std::string detail;  // the compiler's message, or why the check did not finish
};
SyntaxCheck interpretSyntaxVerdict(const Verdict& verdict);

// Verdicts of solutionSyntaxTask by task id.
using SyntaxVerdicts = std::map<std::string, Verdict>;

// Judges the reference solution of every record that has one, in parallel on
// the pool's workers. Stops handing out work once `cancel` is set (the result
// then lacks the records not judged).
SyntaxVerdicts judgeSolutionSyntax(SandboxPool& pool, const std::vector<TrainingRecord>& records,
                                   const CancellationToken& cancel = {});

// ---- filtering -------------------------------------------------------------

struct FilterContext {
    // Records already kept (the seed set): duplicates of these are dropped too,
    // and evolved records find their parents here for maxGrowth.
    const std::vector<TrainingRecord>* existing = nullptr;
    const SyntaxVerdicts* syntax = nullptr;  // needed when requireValidSolution
};

// Runs the filters in this order: tests, length, syntax, then duplicates (so
// that of a group of duplicates the first record that passes the rest is kept).
// InvalidArgument when requireValidSolution is set and a record with a solution
// has no verdict, or for options out of range.
FilterResult filterRecords(std::vector<TrainingRecord> records, const RecordFilterOptions& options,
                           const FilterContext& context = {});

}  // namespace rrtf
