#include "training/evol_filters.h"

#include "evaluation/sandbox_pool.h"
#include "runtime/error.h"
#include "runtime/parallel_for.h"
#include "runtime/text_format.h"
#include "training/min_hash.h"
#include "training/text_tokens.h"

#include <cstdio>
#include <optional>
#include <unordered_map>

namespace rrtf {
namespace {

constexpr int kMinHashLength = 128;
constexpr double kNearDuplicateRecall = 0.99;  // chance that a pair at the threshold is compared at all

std::string_view trimmed(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n\f\v") - first + 1);
}

// UTF-8 code points: every byte that is not a continuation byte starts one.
std::size_t characterCount(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

void validate(const RecordFilterOptions& options)
{
    if (!(options.nearDuplicateJaccard >= 0.0 && options.nearDuplicateJaccard <= 1.0))
        throw InvalidArgument("nearDuplicateJaccard " + fixedDecimals(options.nearDuplicateJaccard, 3) +
                              " is outside [0, 1]");
    if (options.shingleTokens < 1)
        throw InvalidArgument("shingleTokens must be at least 1, not " + std::to_string(options.shingleTokens));
    if (options.minInstructionChars < 0 || options.maxInstructionChars < 0 || options.maxSolutionChars < 0 ||
        !(options.maxGrowth >= 0.0))
        throw InvalidArgument("length bounds must not be negative");
    if (options.maxInstructionChars > 0 && options.minInstructionChars > options.maxInstructionChars)
        throw InvalidArgument("minInstructionChars " + std::to_string(options.minInstructionChars) +
                              " is above maxInstructionChars " + std::to_string(options.maxInstructionChars));
}

// Remembers the instructions kept so far; says which one a new record duplicates.
class Deduplicator {
public:
    explicit Deduplicator(const RecordFilterOptions& options)
        : options(options),
          banding(options.nearDuplicateJaccard > 0
                      ? lshBandingFor(options.nearDuplicateJaccard, kMinHashLength, kNearDuplicateRecall)
                      : LshBanding{1, 1}),
          hasher(banding.signatureLength(), options.seed),
          index(banding)
    {
    }

    // The drop (filter and reason) for a duplicate, or nullopt after remembering the record.
    std::optional<DroppedRecord> check(const TrainingRecord& record)
    {
        const std::string exact(trimmed(record.instruction));
        const std::string normalized = normalizedText(record.instruction);
        // A record met again (listed both as existing and as new) is not its own duplicate.
        if (options.removeDuplicates) {
            if (const auto it = byText.find(exact); it != byText.end() && it->second != record.taskId)
                return DroppedRecord{record.taskId, "duplicate", "same instruction as " + it->second};
            if (const auto it = byNormalized.find(normalized); it != byNormalized.end() && it->second != record.taskId)
                return DroppedRecord{record.taskId, "duplicate",
                                     "same instruction as " + it->second +
                                         " after normalising case, punctuation and whitespace"};
        }
        std::vector<std::uint64_t> shingles;
        std::vector<std::uint64_t> keys;
        if (options.nearDuplicateJaccard > 0) {
            shingles = shingleSet(tokenizeText(record.instruction).ids, options.shingleTokens);
            if (!shingles.empty()) {
                keys = lshBandKeys(hasher.signature(shingles), banding);
                for (const int candidate : index.candidates(keys)) {
                    if (kept[std::size_t(candidate)].taskId == record.taskId)
                        continue;
                    const double similarity = jaccardSimilarity(shingles, kept[std::size_t(candidate)].shingles);
                    if (similarity >= options.nearDuplicateJaccard)
                        return DroppedRecord{record.taskId, "near_duplicate",
                                             "near-duplicate of " + kept[std::size_t(candidate)].taskId +
                                                 " (Jaccard " + fixedDecimals(similarity, 2) + ")"};
                }
            }
        }
        byText.emplace(exact, record.taskId);
        byNormalized.emplace(normalized, record.taskId);
        if (!keys.empty()) {
            index.insert(int(kept.size()), keys);
            kept.push_back({record.taskId, std::move(shingles)});
        }
        return std::nullopt;
    }

private:
    struct Kept {
        std::string taskId;
        std::vector<std::uint64_t> shingles;
    };

    const RecordFilterOptions& options;
    LshBanding banding;
    MinHasher hasher;
    LshIndex index;
    std::vector<Kept> kept;
    std::unordered_map<std::string, std::string> byText, byNormalized;
};

std::optional<std::string> lengthProblem(const TrainingRecord& record, const RecordFilterOptions& options,
                                         const std::unordered_map<std::string, const TrainingRecord*>& parents)
{
    const std::size_t chars = characterCount(trimmed(record.instruction));
    if (chars < std::size_t(options.minInstructionChars))
        return "instruction has " + std::to_string(chars) + " characters, fewer than " +
               std::to_string(options.minInstructionChars);
    if (options.maxInstructionChars > 0 && chars > std::size_t(options.maxInstructionChars))
        return "instruction has " + std::to_string(chars) + " characters, more than " +
               std::to_string(options.maxInstructionChars);
    if (options.maxGrowth > 0 && record.evolution) {
        const auto parent = parents.find(record.evolution->parent);
        const std::size_t parentChars =
            parent == parents.end() ? 0 : characterCount(trimmed(parent->second->instruction));
        if (parentChars > 0 && double(chars) > options.maxGrowth * double(parentChars))
            return "instruction is " + fixedDecimals(double(chars) / double(parentChars), 1) + " times as long as its parent " +
                   record.evolution->parent + "'s, more than " + fixedDecimals(options.maxGrowth, 1);
    }
    const std::size_t solutionChars = characterCount(record.solution);
    if (options.maxSolutionChars > 0 && solutionChars > std::size_t(options.maxSolutionChars))
        return "solution has " + std::to_string(solutionChars) + " characters, more than " +
               std::to_string(options.maxSolutionChars);
    return std::nullopt;
}

std::optional<std::string> syntaxProblem(const TrainingRecord& record, const SyntaxVerdicts& verdicts)
{
    if (isBlank(record.solution))
        return std::nullopt;
    const auto it = verdicts.find(record.taskId);
    if (it == verdicts.end())
        throw InvalidArgument("record \"" + record.taskId +
                              "\" has a solution but no syntax verdict (judge it with judgeSolutionSyntax first)");
    const SyntaxCheck check = interpretSyntaxVerdict(it->second);
    if (check.status == SyntaxStatus::Invalid)
        return "solution is not valid Python: " + check.detail;
    if (check.status == SyntaxStatus::Unknown)
        return "solution could not be checked: " + check.detail;
    return std::nullopt;
}

}  // namespace

RecordFilterOptions evolvedInstructionFilters()
{
    RecordFilterOptions options;
    options.requireTests = false;
    options.requireValidSolution = false;
    return options;
}

JudgeTask solutionSyntaxTask(const std::string& taskId, std::string_view source)
{
    // The source travels as an escaped bytes literal, so no text of it can end
    // the literal early, and is decoded as UTF-8 as a .py file would be.
    std::string literal;
    literal.reserve(source.size() + source.size() / 4 + 16);
    for (const char c : source) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && c != '\\' && c != '\'') {
            literal += c;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            literal += escaped;
        }
    }
    JudgeTask task;
    task.taskId = taskId;
    task.style = TestStyle::Script;
    task.preferSplit = false;  // a script runs in one process
    task.candidateSource =
        "compile(b'" + literal + "'.decode('utf-8'), '<solution>', 'exec', dont_inherit=True)\n";
    return task;
}

SyntaxCheck interpretSyntaxVerdict(const Verdict& verdict)
{
    if (verdict.outcome == Outcome::Passed)
        return {SyntaxStatus::Valid, ""};
    if (verdict.outcome == Outcome::Error) {
        // "SyntaxError: invalid syntax (<solution>, line 3) (line 1)": the last
        // line number is the compile() call's own; the solution's is inside.
        std::string detail = verdict.detail;
        if (detail.ends_with(" (line 1)"))
            detail.erase(detail.size() - 9);
        for (const std::string_view type : {"SyntaxError", "IndentationError", "TabError", "ValueError",
                                            "RecursionError", "UnicodeDecodeError", "OverflowError"})
            if (detail.starts_with(type) && detail.size() > type.size() && detail[type.size()] == ':')
                return {SyntaxStatus::Invalid, detail};
        return {SyntaxStatus::Unknown, "error: " + detail};
    }
    return {SyntaxStatus::Unknown, std::string(outcomeName(verdict.outcome)) +
                                       (verdict.detail.empty() ? "" : ": " + verdict.detail)};
}

SyntaxVerdicts judgeSolutionSyntax(SandboxPool& pool, const std::vector<TrainingRecord>& records,
                                   const CancellationToken& cancel)
{
    std::vector<std::size_t> withSolution;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!isBlank(records[i].solution))
            withSolution.push_back(i);
    JudgeLimits limits;  // compiling takes milliseconds; the defaults only stop a runaway parser
    std::vector<std::optional<Verdict>> verdicts(withSolution.size());
    parallelFor(int(withSolution.size()), pool.workers(), cancel, [&](int i) {
        const TrainingRecord& record = records[withSolution[std::size_t(i)]];
        verdicts[std::size_t(i)] = pool.judge(solutionSyntaxTask(record.taskId, record.solution), limits);
    });
    SyntaxVerdicts byTask;
    for (std::size_t i = 0; i < withSolution.size(); ++i)
        if (verdicts[i])
            byTask.emplace(records[withSolution[i]].taskId, std::move(*verdicts[i]));
    return byTask;
}

FilterResult filterRecords(std::vector<TrainingRecord> records, const RecordFilterOptions& options,
                           const FilterContext& context)
{
    validate(options);
    if (options.requireValidSolution && !context.syntax)
        throw InvalidArgument("requireValidSolution needs syntax verdicts (judgeSolutionSyntax)");
    std::unordered_map<std::string, const TrainingRecord*> parents;
    Deduplicator duplicates(options);
    if (context.existing) {
        for (const TrainingRecord& record : *context.existing) {
            parents.emplace(record.taskId, &record);
            (void)duplicates.check(record);  // remembered; duplicates among them are not this call's business
        }
    }
    for (const TrainingRecord& record : records)
        parents.emplace(record.taskId, &record);

    FilterResult result;
    std::vector<bool> keep(records.size(), false);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const TrainingRecord& record = records[i];
        std::optional<DroppedRecord> drop;
        if (options.requireTests && isBlank(record.tests))
            drop = DroppedRecord{record.taskId, "tests", "no tests"};
        else if (std::optional<std::string> reason = lengthProblem(record, options, parents))
            drop = DroppedRecord{record.taskId, "length", *reason};
        else if (std::optional<std::string> bad =
                     options.requireValidSolution ? syntaxProblem(record, *context.syntax) : std::nullopt)
            drop = DroppedRecord{record.taskId, "syntax", *bad};
        else if (options.removeDuplicates || options.nearDuplicateJaccard > 0)
            drop = duplicates.check(record);
        if (drop) {
            ++result.droppedBy[drop->filter];
            result.dropped.push_back(std::move(*drop));
        } else {
            keep[i] = true;
        }
    }
    for (std::size_t i = 0; i < records.size(); ++i)
        if (keep[i])
            result.kept.push_back(std::move(records[i]));
    return result;
}

}  // namespace rrtf
