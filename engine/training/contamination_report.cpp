// Rendering of a contamination report: JSON for tools, Markdown for people.
#include "training/contamination.h"

#include "runtime/text_format.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace rrtf {
namespace {

// Characters as a terminal shows them (UTF-8 code points).
std::size_t displayWidth(const std::string& text)
{
    std::size_t width = 0;
    for (const char c : text)
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return width;
}

std::string cell(const std::string& text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '|')
            escaped += "\\|";
        else
            escaped += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    }
    return escaped;
}

// A Markdown table padded so that it also reads well as plain text. `right`
// marks the columns aligned right (numbers).
std::string table(const std::vector<std::string>& header, const std::vector<bool>& right,
                  const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths;
    for (const std::string& title : header)
        widths.push_back(std::max<std::size_t>(3, displayWidth(title)));
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    const auto line = [&](const std::vector<std::string>& values) {
        std::string text = "|";
        for (std::size_t c = 0; c < values.size(); ++c) {
            const std::string padding(widths[c] - displayWidth(values[c]), ' ');
            text += " " + (right[c] ? padding + values[c] : values[c] + padding) + " |";
        }
        return text + "\n";
    };
    std::string text = line(header) + "|";
    for (std::size_t c = 0; c < header.size(); ++c)
        text += right[c] ? std::string(widths[c] + 1, '-') + ":|" : ":" + std::string(widths[c] + 1, '-') + "|";
    text += "\n";
    for (const auto& row : rows)
        text += line(row);
    return text;
}

std::string flaggedBy(const FieldOverlap& overlap, int ngram)
{
    std::string methods;
    if (overlap.ngramMatch)
        methods = std::to_string(ngram) + "-gram";
    if (overlap.jaccardMatch)
        methods += (methods.empty() ? "" : ", ") + std::string("Jaccard");
    return methods;
}

std::string sharedText(const FieldOverlap& overlap)
{
    if (overlap.benchmarkNgrams == 0)
        return "-";
    return std::to_string(overlap.sharedNgrams) + "/" + std::to_string(overlap.benchmarkNgrams) + " (" +
           fixedDecimals(100.0 * overlap.sharedNgrams / overlap.benchmarkNgrams, 0) + "%)";
}

}  // namespace

nlohmann::ordered_json contaminationJson(const ContaminationReport& report)
{
    using nlohmann::ordered_json;
    const ContaminationOptions& o = report.options;
    const ContaminationSummary& s = report.summary;
    ordered_json options{{"ngram", o.ngram},
                         {"skip_numeric_ngrams", o.skipNumericNgrams},
                         {"jaccard", o.jaccard},
                         {"shingle_tokens", o.shingleTokens},
                         {"include_answers", o.includeAnswers},
                         {"include_tests", o.includeTests}};
    if (o.jaccard > 0)
        options["minhash"] = {{"permutations", report.banding.signatureLength()},
                              {"bands", report.banding.bands},
                              {"rows", report.banding.rows},
                              {"recall_at_threshold", lshCandidateProbability(o.jaccard, report.banding)},
                              {"seed", o.seed}};
    ordered_json pairs = ordered_json::array();
    for (const OverlapPair& pair : report.pairs) {
        ordered_json fields = ordered_json::array();
        for (const FieldOverlap& f : pair.fields)
            fields.push_back({{"training_field", f.trainingField},
                              {"benchmark_field", f.benchmarkField},
                              {"ngram_match", f.ngramMatch},
                              {"jaccard_match", f.jaccardMatch},
                              {"shared_ngrams", f.sharedNgrams},
                              {"benchmark_ngrams", f.benchmarkNgrams},
                              {"jaccard", f.jaccard},
                              {"longest_run", f.longestRun},
                              {"snippet", f.snippet}});
        pairs.push_back({{"training_task_id", pair.trainingTaskId},
                         {"benchmark_task_id", pair.benchmarkTaskId},
                         {"fields", std::move(fields)}});
    }
    return {{"training", {{"path", report.trainingLabel}, {"records", s.trainingRecords}}},
            {"benchmark",
             {{"path", report.benchmarkLabel}, {"format", report.benchmarkFormat}, {"problems", s.benchmarkProblems}}},
            {"options", std::move(options)},
            {"complete", report.complete},
            {"summary",
             {{"pairs", s.pairs},
              {"ngram_pairs", s.ngramPairs},
              {"jaccard_pairs", s.jaccardPairs},
              {"training_records_affected", s.trainingRecordsAffected},
              {"benchmark_problems_affected", s.benchmarkProblemsAffected},
              {"benchmark_task_ids", s.benchmarkTaskIds}}},
            {"pairs", std::move(pairs)}};
}

std::string contaminationMarkdown(const ContaminationReport& report)
{
    const ContaminationOptions& o = report.options;
    const ContaminationSummary& s = report.summary;
    const std::string ngramName = o.ngram > 0 ? std::to_string(o.ngram) + "-gram" : "n-gram";
    std::string text = "# Contamination check\n\n";
    text += "Training set: " + (report.trainingLabel.empty() ? std::string("(in memory)") : report.trainingLabel) +
            " (" + std::to_string(s.trainingRecords) + " records)\n";
    text += "Benchmark: " + report.benchmarkLabel + " (" + report.benchmarkFormat + ", " +
            std::to_string(s.benchmarkProblems) + " problems)\n";
    std::string checks;
    if (o.ngram > 0)
        checks = ngramName + " overlap" + (o.skipNumericNgrams ? " (numeric n-grams skipped)" : "");
    if (o.jaccard > 0)
        checks += (checks.empty() ? "" : "; ") + std::string("Jaccard >= ") + fixedDecimals(o.jaccard, 2) + " on " +
                  std::to_string(o.shingleTokens) + "-token shingles (MinHash " + std::to_string(report.banding.bands) +
                  " bands x " + std::to_string(report.banding.rows) + " rows, verified exactly)";
    text += "Checks: " + checks + "\n";
    if (!report.complete)
        text += "Incomplete: cancelled before every training record was checked.\n";
    text += "\n";

    text += table({"pairs", "by " + ngramName, "by Jaccard", "training records affected", "benchmark problems affected"},
                  {true, true, true, true, true},
                  {{std::to_string(s.pairs), std::to_string(s.ngramPairs), std::to_string(s.jaccardPairs),
                    std::to_string(s.trainingRecordsAffected), std::to_string(s.benchmarkProblemsAffected)}});
    if (report.pairs.empty())
        return text + "\nNo overlaps found.\n";

    std::vector<std::vector<std::string>> rows;
    for (const OverlapPair& pair : report.pairs)
        for (const FieldOverlap& f : pair.fields)
            rows.push_back({cell(pair.trainingTaskId), cell(pair.benchmarkTaskId), f.trainingField, f.benchmarkField,
                            flaggedBy(f, o.ngram), sharedText(f), fixedDecimals(f.jaccard, 2), std::to_string(f.longestRun),
                            cell(f.snippet)});
    text += "\n";
    text += table({"training task", "benchmark task", "training field", "benchmark field", "flagged by",
                   ngramName + "s shared", "Jaccard", "longest run", "snippet"},
                  {false, false, false, false, false, true, true, true, false}, rows);
    return text;
}

}  // namespace rrtf
