#include "run_summaries.h"

#include "free_tr.h"

#include "evaluation/problem_set.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <numeric>

namespace rrtf {
namespace {

// The problem count of a set, by path, read once; 0 when the file is gone.
std::size_t problemCount(const std::string& path, std::map<std::string, std::size_t>& cache)
{
    if (!cache.count(path)) {
        try {
            cache[path] = loadProblemSet(path).size();
        } catch (const std::exception&) {
            cache[path] = 0;
        }
    }
    return cache[path];
}

void sortByModelName(RunGroup& group)
{
    std::vector<std::size_t> order(group.runs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int c = group.models[int(a)].compare(group.models[int(b)], Qt::CaseInsensitive);
        return c != 0 ? c < 0 : group.models[int(a)] < group.models[int(b)];
    });
    std::vector<BenchmarkRunInfo> runs;
    QStringList models;
    for (std::size_t i : order) {
        runs.push_back(group.runs[i]);
        models << group.models[int(i)];
    }
    group.runs = std::move(runs);
    group.models = std::move(models);
}

}  // namespace

QString passAtKText(const BenchmarkModelProgress& progress, int k)
{
    // Live figures: only problems whose n samples are all judged count.
    const int n = progress.counts.empty() ? 0 : progress.total / static_cast<int>(progress.counts.size());
    std::vector<ProblemCounts> complete;
    for (const ProblemCounts& counts : progress.counts)
        if (n > 0 && counts.samples == n)
            complete.push_back(counts);
    if (complete.empty() || complete.front().samples < k)
        return {};
    const PassAtKReport report = computePassAtK(complete, {k});
    const PassAtKValue* value = report.find(k);
    return value ? QStringLiteral("%1%").arg(100.0 * value->mean, 0, 'f', 1) : QString();
}

std::vector<BenchmarkModelProgress> storedBenchmarkProgress(Workspace& workspace)
{
    std::vector<BenchmarkModelProgress> rows;
    std::map<std::string, std::size_t> problemCounts;
    for (const BenchmarkRunInfo& info : benchmarkRuns(workspace)) {
        BenchmarkModelProgress row;
        row.model = info.model;
        row.decoding = info.decoding;
        row.runId = info.run.id;
        row.problemSetPath = QString::fromStdString(info.run.problemSetPath);
        std::map<std::string, ProblemCounts> byTask;
        for (const StoredVerdict& stored : workspace.verdicts(info.run.id)) {
            ProblemCounts& counts = byTask[stored.taskId];
            counts.taskId = stored.taskId;
            ++counts.samples;
            ++row.done;
            if (stored.verdict.outcome == Outcome::Passed) {
                ++counts.correct;
                ++row.passed;
            }
        }
        const std::size_t problems = std::max(problemCount(info.run.problemSetPath, problemCounts), byTask.size());
        row.total = static_cast<int>(problems) * info.samplesPerProblem;
        for (auto& [task, counts] : byTask)
            row.counts.push_back(counts);
        while (row.counts.size() < problems)
            row.counts.push_back({});
        row.generation = workspace.generationStats(info.run.id).value_or(GenerationStats{});
        row.status = info.run.finished() ? tr("done") : tr("unfinished: start again to resume");
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<RunGroup> runGroups(Workspace& workspace)
{
    std::vector<RunGroup> groups;
    for (const BenchmarkRunInfo& info : benchmarkRuns(workspace)) {  // newest first
        const QString sha = QString::fromStdString(info.run.problemSetSha256);
        auto group = std::find_if(groups.begin(), groups.end(), [&](const RunGroup& g) {
            return g.sha256 == sha && g.decoding == info.decoding;
        });
        if (group == groups.end()) {
            RunGroup fresh;
            fresh.sha256 = sha;
            fresh.decoding = info.decoding;
            fresh.problemSetPath = QString::fromStdString(info.run.problemSetPath);
            fresh.samplesPerProblem = info.samplesPerProblem;
            groups.push_back(std::move(fresh));
            group = groups.end() - 1;
        }
        const QString model = info.model.isEmpty() ? tr("Run %1").arg(info.run.id) : info.model;
        if (group->models.contains(model))
            continue;  // an older run of the same model: the newest counts
        group->models << model;
        group->runs.push_back(info);
        group->samplesPerProblem = std::max(group->samplesPerProblem, info.samplesPerProblem);
    }
    for (RunGroup& group : groups)
        sortByModelName(group);
    return groups;
}

SolveMatrix groupSolveMatrix(Workspace& workspace, const RunGroup& group, int* sandboxErrors)
{
    std::vector<SolveRecord> records;
    std::vector<std::string> models;
    int skipped = 0;
    for (std::size_t i = 0; i < group.runs.size(); ++i) {
        const std::string model = group.models[int(i)].toStdString();
        models.push_back(model);
        for (const StoredVerdict& stored : workspace.verdicts(group.runs[i].run.id)) {
            if (stored.verdict.outcome == Outcome::SandboxError) {
                ++skipped;
                continue;
            }
            if (!stored.taskId.empty())
                records.push_back({model, stored.taskId, stored.verdict.outcome == Outcome::Passed});
        }
    }
    if (sandboxErrors)
        *sandboxErrors = skipped;
    return SolveMatrix(records, std::move(models));
}

}  // namespace rrtf
