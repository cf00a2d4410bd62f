#include "evaluation/case_study.h"

#include "runtime/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <set>
#include <utility>

namespace rrtf {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

struct TaskIdOrder {
    bool operator()(const std::string& a, const std::string& b) const { return taskIdLess(a, b); }
};

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text.empty() ? "none" : text;
}

// Column indexes of `models` (all columns when empty), refusing unknown and repeated names.
std::vector<std::size_t> chooseModels(const SolveMatrix& matrix, std::span<const std::string> models)
{
    std::vector<std::size_t> columns;
    if (models.empty()) {
        for (std::size_t column = 0; column < matrix.models().size(); ++column)
            columns.push_back(column);
        return columns;
    }
    for (const std::string& model : models) {
        const std::size_t column = matrix.modelIndex(model);
        if (std::find(columns.begin(), columns.end(), column) != columns.end())
            throw InvalidArgument("model \"" + model + "\" is chosen twice");
        columns.push_back(column);
    }
    return columns;
}

// log(C(n, k) / 2^n) as a compensated (Neumaier) sum of k + 1 small terms: a
// plain running sum near -n * log 2 would lose ~1e-12 to rounding at n = 2000,
// and lgamma of a large argument is worse.
double logChooseOverPowerOfTwo(int n, int k)
{
    const double log2 = std::log(2.0);
    double sum = 0.0;
    double compensation = 0.0;
    auto add = [&](double term) {
        const double next = sum + term;
        compensation += std::abs(sum) >= std::abs(term) ? (sum - next) + term : (term - next) + sum;
        sum = next;
    };
    for (int j = 1; j <= k; ++j)
        add(std::log(double(n - k + j) / double(j)) - log2);
    add(-double(n - k) * log2);
    return sum + compensation;
}

// min(1, 2 * P(X <= k)) for X ~ Binomial(n, 1/2), k = min(b, c) <= n / 2. The
// tail is summed relative to its largest term C(n, k), walking down with the
// ratio C(n, i-1) / C(n, i) = i / (n - i + 1) < 1, so nothing underflows early.
double exactMcNemarP(int b, int c)
{
    const int n = b + c;
    const int k = std::min(b, c);
    if (n == 0)
        return 1.0;
    double relative = 0.0;
    double term = 1.0;
    for (int i = k; i >= 0; --i) {
        relative += term;
        if (term < 1e-17 * relative)
            break;
        term *= double(i) / double(n - i + 1);
    }
    const double logP = std::log(2.0) + logChooseOverPowerOfTwo(n, k) + std::log(relative);
    return std::min(1.0, std::exp(logP));
}

}  // namespace

bool taskIdLess(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            std::size_t endA = i;
            std::size_t endB = j;
            while (endA < a.size() && isDigit(a[endA]))
                ++endA;
            while (endB < b.size() && isDigit(b[endB]))
                ++endB;
            // Leading zeros do not change the number ("007" == "7"; bytes decide at the end).
            while (i + 1 < endA && a[i] == '0')
                ++i;
            while (j + 1 < endB && b[j] == '0')
                ++j;
            const std::string_view numberA = a.substr(i, endA - i);
            const std::string_view numberB = b.substr(j, endB - j);
            if (numberA.size() != numberB.size())
                return numberA.size() < numberB.size();
            if (numberA != numberB)
                return numberA < numberB;
            i = endA;
            j = endB;
        } else {
            if (a[i] != b[j])
                return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if (i < a.size() || j < b.size())
        return i == a.size();  // a ran out first: a prefix comes first
    return a < b;
}

// ---- SolveMatrix ----

bool SolveCell::solved(SolvedRule rule) const
{
    if (total == 0)
        return false;
    switch (rule) {
    case SolvedRule::AnyPass:
        return passed > 0;
    case SolvedRule::Majority:
        return 2 * passed > total;
    case SolvedRule::AllPass:
        return passed == total;
    }
    return false;
}

SolveMatrix::SolveMatrix(std::span<const SolveRecord> records, std::vector<std::string> models)
    : modelNames(std::move(models))
{
    const bool fixedModels = !modelNames.empty();
    for (std::size_t column = 0; column < modelNames.size(); ++column) {
        if (modelNames[column].empty())
            throw InvalidArgument("model " + std::to_string(column + 1) + " of the solve matrix has no name");
        if (!modelIndexes.emplace(modelNames[column], column).second)
            throw InvalidArgument("model \"" + modelNames[column] + "\" is listed twice");
    }
    std::set<std::string, TaskIdOrder> taskSet;
    for (const SolveRecord& record : records) {
        if (record.model.empty())
            throw InvalidArgument("a sample of task \"" + record.taskId + "\" has no model name");
        if (record.taskId.empty())
            throw InvalidArgument("a sample of model \"" + record.model + "\" has no task id");
        if (!modelIndexes.contains(record.model)) {
            if (fixedModels)
                throw InvalidArgument("a sample names model \"" + record.model + "\", which is not among " +
                                      joined(modelNames));
            modelIndexes.emplace(record.model, modelNames.size());
            modelNames.push_back(record.model);
        }
        taskSet.insert(record.taskId);
    }
    tasks.assign(taskSet.begin(), taskSet.end());
    for (std::size_t row = 0; row < tasks.size(); ++row)
        taskIndexes.emplace(tasks[row], row);
    cells.resize(tasks.size() * modelNames.size());
    for (const SolveRecord& record : records) {
        SolveCell& target = cells[taskIndexes.find(record.taskId)->second * modelNames.size() +
                                  modelIndexes.find(record.model)->second];
        ++target.total;
        target.passed += record.passed ? 1 : 0;
    }
}

std::size_t SolveMatrix::modelIndex(std::string_view model) const
{
    const auto found = modelIndexes.find(model);
    if (found == modelIndexes.end())
        throw InvalidArgument("unknown model \"" + std::string(model) + "\" (known: " + joined(modelNames) + ")");
    return found->second;
}

std::size_t SolveMatrix::taskIndex(std::string_view taskId) const
{
    const auto found = taskIndexes.find(taskId);
    if (found == taskIndexes.end())
        throw InvalidArgument("unknown task \"" + std::string(taskId) + "\": no model has a sample for it");
    return found->second;
}

const SolveCell& SolveMatrix::cell(std::size_t task, std::size_t model) const
{
    if (task >= tasks.size() || model >= modelNames.size())
        throw InvalidArgument("solve matrix cell (" + std::to_string(task) + ", " + std::to_string(model) +
                              ") is outside " + std::to_string(tasks.size()) + " tasks x " +
                              std::to_string(modelNames.size()) + " models");
    return cells[task * modelNames.size() + model];
}

const SolveCell& SolveMatrix::cell(std::string_view taskId, std::string_view model) const
{
    return cell(taskIndex(taskId), modelIndex(model));
}

int SolveMatrix::solvedCount(std::string_view model, SolvedRule rule) const
{
    const std::size_t column = modelIndex(model);
    int count = 0;
    for (std::size_t row = 0; row < tasks.size(); ++row)
        count += solved(row, column, rule) ? 1 : 0;
    return count;
}

// ---- regions ----

const std::vector<std::string>& SolveRegions::region(std::uint32_t mask) const
{
    if (models.size() < 32 && (mask >> models.size()) != 0)
        throw InvalidArgument("region mask " + std::to_string(mask) + " names more than the " +
                              std::to_string(models.size()) + " chosen models");
    if (mask == 0)
        return solvedByNone;
    for (const SolveRegion& candidate : regions)
        if (candidate.mask == mask)
            return candidate.taskIds;
    static const std::vector<std::string> empty;
    return empty;
}

SolveRegions solveRegions(const SolveMatrix& matrix, std::span<const std::string> models, SolvedRule rule)
{
    const std::size_t chosenCount = models.empty() ? matrix.models().size() : models.size();
    if (chosenCount > SolveRegions::kMaxModels)
        throw InvalidArgument("regions need at most " + std::to_string(SolveRegions::kMaxModels) +
                              " models (one bit each), got " + std::to_string(chosenCount));
    const std::vector<std::size_t> columns = chooseModels(matrix, models);
    SolveRegions result;
    for (std::size_t column : columns)
        result.models.push_back(matrix.models()[column]);
    std::map<std::uint32_t, std::vector<std::string>> byMask;
    for (std::size_t row = 0; row < matrix.taskIds().size(); ++row) {
        std::uint32_t mask = 0;
        for (std::size_t bit = 0; bit < columns.size(); ++bit)
            if (matrix.solved(row, columns[bit], rule))
                mask |= std::uint32_t{1} << bit;
        (mask == 0 ? result.solvedByNone : byMask[mask]).push_back(matrix.taskIds()[row]);
    }
    for (auto& [mask, taskIds] : byMask)
        result.regions.push_back({mask, std::move(taskIds)});
    std::sort(result.regions.begin(), result.regions.end(), [](const SolveRegion& a, const SolveRegion& b) {
        if (a.taskIds.size() != b.taskIds.size())
            return a.taskIds.size() > b.taskIds.size();
        if (std::popcount(a.mask) != std::popcount(b.mask))
            return std::popcount(a.mask) < std::popcount(b.mask);
        return a.mask < b.mask;
    });
    return result;
}

// ---- disagreement ----

std::vector<Disagreement> rankByDisagreement(const SolveMatrix& matrix, std::span<const std::string> models)
{
    const std::vector<std::size_t> columns = chooseModels(matrix, models);
    std::vector<Disagreement> ranked;
    for (std::size_t row = 0; row < matrix.taskIds().size(); ++row) {
        std::vector<double> fractions;
        for (std::size_t column : columns)
            if (const SolveCell& cell = matrix.cell(row, column); cell.total > 0)
                fractions.push_back(cell.fraction());
        Disagreement item{matrix.taskIds()[row], 0.0, 0.0};
        if (!fractions.empty()) {
            double sum = 0.0;
            for (double fraction : fractions)
                sum += fraction;
            item.meanFraction = sum / double(fractions.size());
            double squares = 0.0;
            for (double fraction : fractions)
                squares += (fraction - item.meanFraction) * (fraction - item.meanFraction);
            item.score = squares / double(fractions.size());
        }
        ranked.push_back(std::move(item));
    }
    // Compared at 1e-12 so that ties in exact arithmetic ([1,1,0] and [1,0,0]) stay
    // ties whatever order the float sums ran in; rows are in task order already,
    // so a stable sort leaves ties in it.
    auto key = [](const Disagreement& item) { return std::llround(item.score * 1e12); };
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const Disagreement& a, const Disagreement& b) { return key(a) > key(b); });
    return ranked;
}

// ---- McNemar ----

McNemarResult mcNemar(int onlyA, int onlyB)
{
    if (onlyA < 0 || onlyB < 0)
        throw InvalidArgument("McNemar's test needs counts >= 0, got b = " + std::to_string(onlyA) +
                              ", c = " + std::to_string(onlyB));
    McNemarResult result;
    result.onlyA = onlyA;
    result.onlyB = onlyB;
    result.pValue = exactMcNemarP(onlyA, onlyB);
    const int discordant = onlyA + onlyB;
    if (discordant > 0) {
        const double corrected = std::abs(double(onlyA) - double(onlyB)) - 1.0;
        result.chiSquare = corrected * corrected / double(discordant);
    }
    return result;
}

McNemarResult mcNemar(const SolveMatrix& matrix, std::string_view modelA, std::string_view modelB,
                      SolvedRule rule)
{
    const std::size_t a = matrix.modelIndex(modelA);
    const std::size_t b = matrix.modelIndex(modelB);
    int onlyA = 0, onlyB = 0, both = 0, neither = 0;
    for (std::size_t row = 0; row < matrix.taskIds().size(); ++row) {
        const SolveCell& cellA = matrix.cell(row, a);
        const SolveCell& cellB = matrix.cell(row, b);
        if (cellA.total == 0 || cellB.total == 0)
            continue;
        const bool solvedA = cellA.solved(rule);
        const bool solvedB = cellB.solved(rule);
        if (solvedA && solvedB)
            ++both;
        else if (solvedA)
            ++onlyA;
        else if (solvedB)
            ++onlyB;
        else
            ++neither;
    }
    McNemarResult result = mcNemar(onlyA, onlyB);
    result.both = both;
    result.neither = neither;
    return result;
}

// ---- Cohen's kappa ----

KappaResult cohensKappa(std::span<const std::string> labelsA, std::span<const std::string> labelsB)
{
    if (labelsA.size() != labelsB.size())
        throw InvalidArgument("Cohen's kappa needs one label per item from each annotator, got " +
                              std::to_string(labelsA.size()) + " and " + std::to_string(labelsB.size()));
    KappaResult result;
    result.items = static_cast<int>(labelsA.size());
    if (result.items == 0)
        return result;
    std::map<std::string_view, std::int64_t> countsA, countsB;
    std::int64_t agreeing = 0;
    for (std::size_t i = 0; i < labelsA.size(); ++i) {
        ++countsA[labelsA[i]];
        ++countsB[labelsB[i]];
        agreeing += labelsA[i] == labelsB[i] ? 1 : 0;
    }
    // Chance agreement in integers first, so p_e = 1 is detected exactly.
    std::int64_t chance = 0;
    for (const auto& [label, count] : countsA)
        if (const auto other = countsB.find(label); other != countsB.end())
            chance += count * other->second;
    const std::int64_t n = result.items;
    result.observed = double(agreeing) / double(n);
    result.expected = double(chance) / (double(n) * double(n));
    if (chance != n * n)
        result.kappa = (result.observed - result.expected) / (1.0 - result.expected);
    return result;
}

std::vector<PairwiseKappa> pairwiseKappa(std::span<const LabelRecord> records)
{
    std::map<std::string, std::map<std::string, std::string>> byAnnotator;  // annotator -> item -> label
    std::set<std::pair<std::string, std::string>> seen;
    for (const LabelRecord& record : records) {
        if (record.annotator.empty())
            throw InvalidArgument("a label of item \"" + record.itemKey + "\" has no annotator");
        if (record.itemKey.empty())
            throw InvalidArgument("a label by \"" + record.annotator + "\" has no item key");
        if (!seen.emplace(record.annotator, record.itemKey).second)
            throw InvalidArgument("annotator \"" + record.annotator + "\" labels item \"" + record.itemKey +
                                  "\" twice");
        auto& items = byAnnotator[record.annotator];  // an annotator with notes only still pairs
        if (!record.label.empty())
            items.emplace(record.itemKey, record.label);
    }
    std::vector<PairwiseKappa> pairs;
    for (auto first = byAnnotator.begin(); first != byAnnotator.end(); ++first) {
        for (auto second = std::next(first); second != byAnnotator.end(); ++second) {
            std::vector<std::string> labelsA, labelsB;
            for (const auto& [item, label] : first->second)
                if (const auto other = second->second.find(item); other != second->second.end()) {
                    labelsA.push_back(label);
                    labelsB.push_back(other->second);
                }
            pairs.push_back({first->first, second->first, cohensKappa(labelsA, labelsB)});
        }
    }
    return pairs;
}

}  // namespace rrtf
