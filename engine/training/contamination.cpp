#include "training/contamination.h"

#include "evaluation/problem_records.h"
#include "runtime/error.h"
#include "runtime/parallel_for.h"
#include "training/text_tokens.h"

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

namespace rrtf {
namespace {

struct Field {
    std::string name;
    std::string_view text;
};

// A benchmark field with everything the checks look up.
struct BenchmarkDoc {
    int problem = 0;
    std::string field;
    TokenizedText tokens;
    std::vector<std::uint64_t> shingles;
    int ngramCount = 0;
};

struct NgramHit {
    int doc = 0;
    int position = 0;
};

// The fields of a benchmark problem under its format's own names.
std::vector<std::pair<std::string, std::string>> benchmarkFields(const Problem& problem, bool includeTests)
{
    std::vector<std::pair<std::string, std::string>> fields;
    const auto add = [&](const char* name, std::string text) {
        if (!text.empty())
            fields.emplace_back(name, std::move(text));
    };
    switch (problem.format) {
    case ProblemFormat::Mbpp:
    case ProblemFormat::MbppSanitized:
        add(problem.format == ProblemFormat::Mbpp ? "text" : "prompt", problem.prompt);
        add("code", problem.canonicalSolution);
        if (includeTests)
            add("test_list", detail::joinLines(problem.testList));
        break;
    case ProblemFormat::Rrtf:
        add("instruction", problem.prompt);
        add("solution", problem.canonicalSolution);
        if (includeTests)
            add("tests", problem.test);
        break;
    default:
        add("prompt", problem.prompt);
        add("canonical_solution", problem.canonicalSolution);
        if (includeTests)
            add("test", problem.test);
        break;
    }
    return fields;
}

std::vector<Field> trainingFields(const TrainingRecord& record, const ContaminationOptions& options)
{
    std::vector<Field> fields{{"instruction", record.instruction}, {"solution", record.solution}};
    if (options.includeTests)
        fields.push_back({"tests", record.tests});
    if (options.includeAnswers)
        for (std::size_t i = 0; i < record.answers.size(); ++i)
            fields.push_back({"answers[" + std::to_string(i) + "]", record.answers[i].text});
    return fields;
}

// Whether window [start, start + width) has fewer than half word tokens.
class NumericWindows {
public:
    NumericWindows(const TokenizedText& tokens, bool enabled) : enabled(enabled)
    {
        wordsBefore.assign(tokens.size() + 1, 0);
        for (std::size_t i = 0; i < tokens.size(); ++i)
            wordsBefore[i + 1] = wordsBefore[i] + (tokens.isWord[i] ? 1 : 0);
    }
    bool skip(std::size_t start, int width) const
    {
        return enabled && 2 * (wordsBefore[start + std::size_t(width)] - wordsBefore[start]) < width;
    }

private:
    bool enabled;
    std::vector<int> wordsBefore;
};

// The training text of tokens [first, first + count), whitespace collapsed and cut.
std::string snippetOf(std::string_view text, const TokenizedText& tokens, int first, int count, int maxChars)
{
    if (count <= 0)
        return {};
    const std::size_t begin = tokens.begins[std::size_t(first)];
    const std::size_t end = tokens.ends[std::size_t(first + count - 1)];
    std::string snippet;
    int chars = 0;
    bool space = false;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            continue;
        }
        const bool startsCharacter = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (startsCharacter && chars + (space ? 1 : 0) >= maxChars) {
            snippet += "…";
            return snippet;
        }
        if (space) {
            snippet += ' ';
            ++chars;
            space = false;
        }
        snippet += c;
        chars += startsCharacter;
    }
    return snippet;
}

// The benchmark side, built once and then only read (by all threads).
class BenchmarkIndex {
public:
    BenchmarkIndex(const ProblemSet& benchmark, const ContaminationOptions& options, const LshBanding& banding)
        : options(options), banding(banding), hasher(banding.signatureLength(), options.seed), lsh(banding)
    {
        for (std::size_t p = 0; p < benchmark.size(); ++p) {
            for (auto& [name, text] : benchmarkFields(benchmark[p], options.includeTests)) {
                BenchmarkDoc doc;
                doc.problem = int(p);
                doc.field = name;
                doc.tokens = tokenizeText(text);
                doc.shingles = shingleSet(doc.tokens.ids, options.shingleTokens);
                const int index = int(docs.size());
                if (options.ngram > 0 && doc.tokens.size() >= std::size_t(options.ngram)) {
                    const NumericWindows numeric(doc.tokens, options.skipNumericNgrams);
                    const std::vector<std::uint64_t> hashes = windowHashes(doc.tokens.ids, options.ngram);
                    for (std::size_t q = 0; q < hashes.size(); ++q) {
                        if (numeric.skip(q, options.ngram))
                            continue;
                        ngrams[hashes[q]].push_back({index, int(q)});
                        ++doc.ngramCount;
                    }
                }
                if (options.jaccard > 0 && !doc.shingles.empty())
                    lsh.insert(index, lshBandKeys(hasher.signature(doc.shingles), banding));
                docs.push_back(std::move(doc));
            }
        }
    }

    // Every flagged (benchmark doc, overlap) for one training field.
    std::vector<std::pair<int, FieldOverlap>> match(const Field& field) const
    {
        const TokenizedText tokens = tokenizeText(field.text);
        std::map<int, std::set<int>> shared;  // doc -> matched n-gram positions in the doc
        if (options.ngram > 0 && tokens.size() >= std::size_t(options.ngram)) {
            const NumericWindows numeric(tokens, options.skipNumericNgrams);
            const std::vector<std::uint64_t> hashes = windowHashes(tokens.ids, options.ngram);
            for (std::size_t p = 0; p < hashes.size(); ++p) {
                const auto it = ngrams.find(hashes[p]);
                if (it == ngrams.end() || numeric.skip(p, options.ngram))
                    continue;
                for (const NgramHit& hit : it->second) {
                    const auto& ids = docs[std::size_t(hit.doc)].tokens.ids;
                    if (std::equal(tokens.ids.begin() + long(p), tokens.ids.begin() + long(p) + options.ngram,
                                   ids.begin() + hit.position))
                        shared[hit.doc].insert(hit.position);
                }
            }
        }
        const std::vector<std::uint64_t> shingles = shingleSet(tokens.ids, options.shingleTokens);
        std::map<int, double> similar;
        if (options.jaccard > 0 && !shingles.empty()) {
            for (const int doc : lsh.candidates(lshBandKeys(hasher.signature(shingles), banding))) {
                const double similarity = jaccardSimilarity(shingles, docs[std::size_t(doc)].shingles);
                if (similarity >= options.jaccard)
                    similar[doc] = similarity;
            }
        }

        std::set<int> flagged;
        for (const auto& entry : shared)
            flagged.insert(entry.first);
        for (const auto& entry : similar)
            flagged.insert(entry.first);
        std::vector<std::pair<int, FieldOverlap>> found;
        for (const int index : flagged) {
            const BenchmarkDoc& doc = docs[std::size_t(index)];
            FieldOverlap overlap;
            overlap.trainingField = field.name;
            overlap.benchmarkField = doc.field;
            overlap.ngramMatch = shared.count(index) > 0;
            overlap.jaccardMatch = similar.count(index) > 0;
            overlap.sharedNgrams = overlap.ngramMatch ? int(shared[index].size()) : 0;
            overlap.benchmarkNgrams = doc.ngramCount;
            overlap.jaccard = jaccardSimilarity(shingles, doc.shingles);
            const CommonRun run = longestCommonRun(tokens.ids, doc.tokens.ids);
            overlap.longestRun = run.length;
            overlap.snippet = snippetOf(field.text, tokens, run.startInA, run.length, options.snippetChars);
            found.emplace_back(doc.problem, std::move(overlap));
        }
        return found;
    }

private:
    const ContaminationOptions& options;
    LshBanding banding;
    MinHasher hasher;
    LshIndex lsh;
    std::vector<BenchmarkDoc> docs;
    std::unordered_map<std::uint64_t, std::vector<NgramHit>> ngrams;
};

ContaminationSummary summarize(const std::vector<OverlapPair>& pairs, std::size_t trainingRecords,
                               const ProblemSet& benchmark)
{
    ContaminationSummary summary;
    summary.trainingRecords = int(trainingRecords);
    summary.benchmarkProblems = int(benchmark.size());
    summary.pairs = int(pairs.size());
    std::set<std::string> training;
    std::set<std::string> problems;
    for (const OverlapPair& pair : pairs) {
        training.insert(pair.trainingTaskId);
        problems.insert(pair.benchmarkTaskId);
        summary.ngramPairs += std::any_of(pair.fields.begin(), pair.fields.end(),
                                          [](const FieldOverlap& f) { return f.ngramMatch; });
        summary.jaccardPairs += std::any_of(pair.fields.begin(), pair.fields.end(),
                                            [](const FieldOverlap& f) { return f.jaccardMatch; });
    }
    summary.trainingRecordsAffected = int(training.size());
    summary.benchmarkProblemsAffected = int(problems.size());
    for (const Problem& problem : benchmark)
        if (problems.count(problem.taskId))
            summary.benchmarkTaskIds.push_back(problem.taskId);
    return summary;
}

}  // namespace

void validateContaminationOptions(const ContaminationOptions& options)
{
    if (options.ngram < 0)
        throw InvalidArgument("ngram must be 0 (off) or a positive token count, not " + std::to_string(options.ngram));
    if (!(options.jaccard >= 0.0 && options.jaccard <= 1.0))
        throw InvalidArgument("jaccard threshold " + std::to_string(options.jaccard) + " is outside [0, 1]");
    if (options.ngram == 0 && options.jaccard == 0.0)
        throw InvalidArgument("both checks are off (ngram 0 and jaccard 0): nothing to compare");
    if (options.shingleTokens < 1)
        throw InvalidArgument("shingleTokens must be at least 1, not " + std::to_string(options.shingleTokens));
    if (options.snippetChars < 1)
        throw InvalidArgument("snippetChars must be at least 1, not " + std::to_string(options.snippetChars));
    if (options.jaccard > 0)
        (void)lshBandingFor(options.jaccard, options.permutations, options.lshRecall);
}

ContaminationReport findContamination(const std::vector<TrainingRecord>& training, const ProblemSet& benchmark,
                                      const ContaminationOptions& options, const CancellationToken& cancel)
{
    validateContaminationOptions(options);
    ContaminationReport report;
    report.options = options;
    report.banding = options.jaccard > 0 ? lshBandingFor(options.jaccard, options.permutations, options.lshRecall)
                                         : LshBanding{1, 1};
    report.benchmarkLabel = benchmark.sourcePath().string();
    report.benchmarkFormat = std::string(problemFormatName(benchmark.format()));
    const BenchmarkIndex index(benchmark, report.options, report.banding);

    std::vector<std::vector<OverlapPair>> perRecord(training.size());
    const auto matchRecord = [&](int r) {
        const TrainingRecord& record = training[std::size_t(r)];
        std::map<int, OverlapPair> byProblem;
        for (const Field& field : trainingFields(record, options)) {
            for (auto& [problem, overlap] : index.match(field)) {
                OverlapPair& pair = byProblem[problem];
                pair.trainingTaskId = record.taskId;
                pair.benchmarkTaskId = benchmark[std::size_t(problem)].taskId;
                pair.fields.push_back(std::move(overlap));
            }
        }
        for (auto& [problem, pair] : byProblem)
            perRecord[std::size_t(r)].push_back(std::move(pair));
    };
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int done = parallelFor(int(training.size()), options.threads > 0 ? options.threads : cores, cancel,
                                 matchRecord);

    report.complete = std::size_t(done) == training.size();
    for (std::vector<OverlapPair>& pairs : perRecord)
        for (OverlapPair& pair : pairs)
            report.pairs.push_back(std::move(pair));
    report.summary = summarize(report.pairs, training.size(), benchmark);
    return report;
}

}  // namespace rrtf
