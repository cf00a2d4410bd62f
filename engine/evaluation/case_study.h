// Case-study statistics over judged samples: which model solves which problem
// (the PanGu-Coder2 paper's Figure 5 Venn diagram, an UpSet plot for more
// models), where models disagree, whether one model is significantly better than
// another on the same problems (McNemar), and how well annotators agree (Cohen's
// kappa). Plain data in, plain data out: no Qt, no database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

// Natural order of task ids: digit runs compare as numbers, so "HumanEval/2"
// comes before "HumanEval/10". A strict total order (ties fall back to bytes).
bool taskIdLess(std::string_view a, std::string_view b);

// One judged sample.
struct SolveRecord {
    std::string model;  // model or setting name, e.g. "PanGu-Coder2 greedy"
    std::string taskId;
    bool passed = false;
};

// When a model counts as solving a problem, from its samples for that problem.
enum class SolvedRule {
    AnyPass,   // at least one sample passed (greedy decoding: the one sample passed)
    Majority,  // more than half of the samples passed
    AllPass,   // every sample passed
};

struct SolveCell {
    int passed = 0;
    int total = 0;  // 0: the model has no sample for the problem (never "solved")

    double fraction() const { return total > 0 ? double(passed) / double(total) : 0.0; }
    bool solved(SolvedRule rule) const;
};

// Problems (rows, natural task-id order) by models (columns).
class SolveMatrix {
public:
    // Columns are `models` in that order, or, when empty, the models in the order
    // they first appear in `records`. InvalidArgument for an empty model or task
    // id, a record whose model is not in a non-empty `models`, or a model listed twice.
    explicit SolveMatrix(std::span<const SolveRecord> records, std::vector<std::string> models = {});

    const std::vector<std::string>& models() const { return modelNames; }
    const std::vector<std::string>& taskIds() const { return tasks; }
    // InvalidArgument naming the unknown model or task.
    std::size_t modelIndex(std::string_view model) const;
    std::size_t taskIndex(std::string_view taskId) const;

    const SolveCell& cell(std::size_t task, std::size_t model) const;
    const SolveCell& cell(std::string_view taskId, std::string_view model) const;
    bool solved(std::size_t task, std::size_t model, SolvedRule rule = SolvedRule::AnyPass) const
    {
        return cell(task, model).solved(rule);
    }
    int solvedCount(std::string_view model, SolvedRule rule = SolvedRule::AnyPass) const;

private:
    std::vector<std::string> modelNames;
    std::vector<std::string> tasks;
    std::map<std::string, std::size_t, std::less<>> modelIndexes;
    std::map<std::string, std::size_t, std::less<>> taskIndexes;
    std::vector<SolveCell> cells;  // row-major: task * models + model
};

// ---- Venn / UpSet regions ----

// The problems solved by exactly the models whose bits are set in `mask`
// (bit i = SolveRegions::models[i]) and by no other of the chosen models.
struct SolveRegion {
    std::uint32_t mask = 0;
    std::vector<std::string> taskIds;  // natural order
};

struct SolveRegions {
    static constexpr std::size_t kMaxModels = 16;

    std::vector<std::string> models;   // the chosen models, bit order
    // Non-empty regions only, in UpSet order: most problems first, then fewer
    // models, then lower mask. Empty masks are left out (2^16 of them at most).
    std::vector<SolveRegion> regions;
    std::vector<std::string> solvedByNone;  // natural order

    // The problems of exactly `mask` (empty when none); mask 0 is solvedByNone.
    // InvalidArgument for bits beyond the chosen models.
    const std::vector<std::string>& region(std::uint32_t mask) const;
};

// Regions over `models` (all of the matrix's models when empty), in that order.
// InvalidArgument for more than 16 models, an unknown or repeated model.
// A model with no sample for a problem does not solve it.
SolveRegions solveRegions(const SolveMatrix& matrix, std::span<const std::string> models = {},
                          SolvedRule rule = SolvedRule::AnyPass);

// ---- disagreement ----

struct Disagreement {
    std::string taskId;
    // Population variance of the per-model pass fractions: 0 when all models
    // agree, at most 0.25 (half pass everything, half nothing). Models with no
    // sample for the problem are left out; fewer than two left gives 0.
    double score = 0.0;
    double meanFraction = 0.0;  // over the same models (0 when none)
};

// Problems by disagreement, highest first; scores within 1e-12 of each other
// tie, and ties go in natural task-id order.
// `models` as in solveRegions (no 16-model limit).
std::vector<Disagreement> rankByDisagreement(const SolveMatrix& matrix, std::span<const std::string> models = {});

// ---- McNemar's test ----

struct McNemarResult {
    int onlyA = 0;    // b: solved by A, not by B
    int onlyB = 0;    // c: solved by B, not by A
    int both = 0;
    int neither = 0;
    // Exact two-sided binomial test of b against Binomial(b + c, 1/2):
    // min(1, 2 * sum_{i <= min(b, c)} C(b + c, i) / 2^(b + c)); 1 when b + c = 0.
    double pValue = 1.0;
    // (|b - c| - 1)^2 / (b + c), as R's mcnemar.test and statsmodels compute it
    // (no clamp at 0); 0 when b + c = 0. For reference only: pValue is exact.
    double chiSquare = 0.0;
};

// From the discordant counts alone (both and neither stay 0). InvalidArgument when negative.
McNemarResult mcNemar(int onlyA, int onlyB);
// Over the problems both models have samples for (others are not pairs).
McNemarResult mcNemar(const SolveMatrix& matrix, std::string_view modelA, std::string_view modelB,
                      SolvedRule rule = SolvedRule::AnyPass);

// ---- Cohen's kappa ----

struct KappaResult {
    int items = 0;           // items both annotators labelled
    double observed = 0.0;   // p_o: share of items with the same label
    double expected = 0.0;   // p_e: chance agreement from each annotator's label shares
    // (p_o - p_e) / (1 - p_e); empty when there are no items or p_e = 1 (both
    // annotators used one and the same label throughout: agreement is not informative).
    std::optional<double> kappa;
};

// Labels of the same items, pairwise: labelsA[i] and labelsB[i] are one item.
// InvalidArgument when the lengths differ.
KappaResult cohensKappa(std::span<const std::string> labelsA, std::span<const std::string> labelsB);

struct LabelRecord {
    std::string annotator;
    std::string itemKey;
    std::string label;  // empty: not labelled (a note only), skipped
};

struct PairwiseKappa {
    std::string annotatorA;  // annotatorA < annotatorB
    std::string annotatorB;
    KappaResult result;      // over the items both labelled
};

// Kappa for every pair of annotators (sorted by name; pairs in that order),
// including pairs with no common items (items 0, no kappa). InvalidArgument for an
// empty annotator or item key, or an annotator labelling one item twice.
std::vector<PairwiseKappa> pairwiseKappa(std::span<const LabelRecord> records);

}  // namespace rrtf
