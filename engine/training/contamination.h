// The data-leak study of the paper (method.md §1.0: the authors "surveyed" the
// overlap of their 68K training set with HumanEval; how is [NOT FOUND]): which
// training records share text with which benchmark problems.
//
// Two checks on normalised tokens (text_tokens.h: lower case, no punctuation or
// whitespace), every training field against every benchmark field:
//  (a) n-gram overlap: a run of n equal tokens (n = 13 as in GPT-3's
//      decontamination); reports how many of the benchmark field's n-grams the
//      training field contains;
//  (b) near-duplicates: Jaccard similarity of the two fields' token shingle sets
//      at or above a threshold, found with MinHash + LSH banding and verified
//      exactly, so that 68K records against 164 problems stay fast.
// For each flagged field pair it also gives the longest common token run and
// the training text of that run.
#pragma once

#include "evaluation/problem_set.h"
#include "runtime/cancellation.h"
#include "training/min_hash.h"
#include "training/training_records.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rrtf {

struct ContaminationOptions {
    int ngram = 13;  // tokens per n-gram (GPT-3's decontamination); 0: no n-gram check
    // Skip n-grams with fewer than half word tokens: runs of numbers (test data,
    // doctest lists) are shared by unrelated problems and prove nothing.
    bool skipNumericNgrams = true;
    double jaccard = 0.5;   // near-duplicate threshold in (0, 1]; 0: no near-duplicate check
    int shingleTokens = 5;  // tokens per shingle for the Jaccard similarity
    int permutations = 128;   // MinHash signature length (the banding uses at most this many)
    double lshRecall = 0.99;  // chance that a pair exactly at the threshold is verified at all
    bool includeAnswers = true;  // teacher answers are training text too (RRTF trains on them)
    bool includeTests = true;    // training tests against benchmark tests
    int snippetChars = 160;      // the matched snippet is cut to this many characters
    int threads = 0;             // 0: one per core
    std::uint64_t seed = 1;      // MinHash hash functions
};

// One flagged pair of fields.
struct FieldOverlap {
    std::string trainingField;   // "instruction", "solution", "tests", "answers[0]", ...
    std::string benchmarkField;  // the benchmark's own names: "prompt", "canonical_solution", "test";
                                 // MBPP "text", "code", "test_list"
    bool ngramMatch = false;     // shares at least one n-gram
    bool jaccardMatch = false;   // Jaccard similarity >= the threshold
    int sharedNgrams = 0;        // distinct n-grams of the benchmark field found in the training field
    int benchmarkNgrams = 0;     // n-grams of the benchmark field (numeric ones skipped)
    double jaccard = 0.0;        // exact Jaccard similarity of the shingle sets
    int longestRun = 0;          // longest common run of tokens
    std::string snippet;         // the training text of that run, whitespace collapsed
};

struct OverlapPair {
    std::string trainingTaskId;
    std::string benchmarkTaskId;
    std::vector<FieldOverlap> fields;  // training field order, then benchmark field order
};

struct ContaminationSummary {
    int trainingRecords = 0;
    int benchmarkProblems = 0;
    int pairs = 0;
    int ngramPairs = 0;    // pairs with an n-gram match
    int jaccardPairs = 0;  // pairs with a near-duplicate field
    int trainingRecordsAffected = 0;
    int benchmarkProblemsAffected = 0;
    std::vector<std::string> benchmarkTaskIds;  // the affected problems, in benchmark order
};

struct ContaminationReport {
    ContaminationOptions options;
    LshBanding banding;            // bands x rows used for the Jaccard check
    std::string trainingLabel;     // e.g. the training file's path (set by the caller)
    std::string benchmarkLabel;    // the benchmark file's path
    std::string benchmarkFormat;   // "humaneval", "mbpp", ...
    std::vector<OverlapPair> pairs;  // training order, then benchmark order
    ContaminationSummary summary;
    bool complete = true;  // false when cancelled before every record was checked
};

// InvalidArgument naming the option when one is out of range.
void validateContaminationOptions(const ContaminationOptions& options);

ContaminationReport findContamination(const std::vector<TrainingRecord>& training, const ProblemSet& benchmark,
                                      const ContaminationOptions& options = {}, const CancellationToken& cancel = {});

// {"training", "benchmark", "options", "summary", "pairs": [...]}.
nlohmann::ordered_json contaminationJson(const ContaminationReport& report);

// A readable report: the options, a summary table and one Markdown table row per
// flagged field pair.
std::string contaminationMarkdown(const ContaminationReport& report);

}  // namespace rrtf
