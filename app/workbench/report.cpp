#include "report.h"

#include "free_tr.h"

#include "benchmark_runs.h"
#include "compare_view.h"
#include "failure_label_text.h"
#include "run_summaries.h"

#include "evaluation/case_study.h"
#include "runtime/error.h"
#include "store/annotations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <map>

namespace rrtf {
namespace {

constexpr int kRegionTasksShown = 12;   // a region's problems listed before "…"
constexpr int kDisagreementsShown = 10;

QString percent(double fraction)
{
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 1);
}

QString problemSetName(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? tr("unknown problem set") : name;
}

void addLeaderboard(ReportDocument& report, Workspace& workspace)
{
    report.heading(2, tr("Leaderboard"));
    const std::vector<BenchmarkModelProgress> rows = storedBenchmarkProgress(workspace);
    if (rows.empty()) {
        report.paragraph(tr("No benchmark runs yet."));
        return;
    }
    QVector<QStringList> table;
    for (const BenchmarkModelProgress& row : rows) {
        const GenerationStats& speed = row.generation;
        table.push_back({row.model, problemSetName(row.problemSetPath), decodingText(row.decoding),
                         QStringLiteral("%1 / %2").arg(row.done).arg(row.total), QString::number(row.passed),
                         passAtKText(row, 1), passAtKText(row, 10), passAtKText(row, 100),
                         speed.newTokens > 0 ? QStringLiteral("%1").arg(speed.tokensPerSecond(), 0, 'f', 1) : QString(),
                         speed.weightBytes > 0 ? QLocale::c().formattedDataSize(speed.weightBytes) : QString(),
                         QString::fromStdString(speed.device), row.status});
    }
    report.table({tr("Model"), tr("Problem set"), tr("Decoding"), tr("Judged"), tr("Passed"), tr("pass@1"),
                  tr("pass@10"), tr("pass@100"), tr("tok/s"), tr("Weights"), tr("Device"), tr("Status")},
                 table);
    report.paragraph(tr("pass@k is the unbiased estimator of Chen et al. (2021) over the problems whose samples "
                        "are all judged; it is left empty when k exceeds the samples per problem."));
}

void addOutcomes(ReportDocument& report, Workspace& workspace)
{
    const Outcome shown[] = {Outcome::Passed, Outcome::Failed, Outcome::Error, Outcome::SyntaxError,
                             Outcome::Timeout};
    QStringList headers{tr("Model"), tr("Decoding")};
    for (Outcome outcome : shown)
        headers << QString::fromLatin1(outcomeName(outcome).data(), qsizetype(outcomeName(outcome).size()));
    headers << tr("other");
    QVector<QStringList> table;
    for (const BenchmarkRunInfo& info : answerRuns(workspace)) {
        std::map<Outcome, int> counts;
        int other = 0;
        for (const StoredVerdict& stored : workspace.verdicts(info.run.id)) {
            if (std::find(std::begin(shown), std::end(shown), stored.verdict.outcome) != std::end(shown))
                ++counts[stored.verdict.outcome];
            else
                ++other;
        }
        QStringList row{info.model, decodingText(info.decoding)};
        for (Outcome outcome : shown)
            row << QString::number(counts[outcome]);
        row << QString::number(other);
        table.push_back(row);
    }
    if (table.isEmpty())
        return;
    report.heading(2, tr("Outcomes"));
    report.table(headers, table);
}

QString regionName(const SolveRegions& regions, std::uint32_t mask)
{
    QStringList names;
    for (std::size_t bit = 0; bit < regions.models.size(); ++bit)
        if (mask & (1u << bit))
            names << QString::fromStdString(regions.models[bit]);
    return tr("only %1").arg(names.join(QStringLiteral(" + ")));
}

QString taskList(const std::vector<std::string>& tasks)
{
    QStringList shown;
    for (std::size_t i = 0; i < tasks.size() && i < std::size_t(kRegionTasksShown); ++i)
        shown << QString::fromStdString(tasks[i]);
    if (tasks.size() > std::size_t(kRegionTasksShown))
        shown << QStringLiteral("…");
    return shown.join(QStringLiteral(", "));
}

void addCaseStudy(ReportDocument& report, Workspace& workspace, const RunGroup& group)
{
    report.heading(2, tr("Case study: %1, %2").arg(problemSetName(group.problemSetPath), decodingText(group.decoding)));
    int sandboxErrors = 0;
    const SolveMatrix matrix = groupSolveMatrix(workspace, group, &sandboxErrors);
    const std::size_t shownModels = std::min(matrix.models().size(), SolveRegions::kMaxModels);
    const std::vector<std::string> models(matrix.models().begin(), matrix.models().begin() + std::ptrdiff_t(shownModels));
    const SolveRegions regions = solveRegions(matrix, models);
    QString rule = group.samplesPerProblem > 1 ? tr("A model solves a problem when at least one of its samples passes.")
                                               : tr("A model solves a problem when its greedy answer passes.");
    if (sandboxErrors > 0)
        rule += QLatin1Char(' ') + tr("%n sandbox error(s) were left out.", nullptr, sandboxErrors);
    report.paragraph(tr("%n problem(s) judged.", nullptr, int(matrix.taskIds().size())) + QLatin1Char(' ') + rule);

    QVector<QStringList> solved;
    for (const std::string& model : matrix.models())
        solved.push_back({QString::fromStdString(model), QString::number(matrix.solvedCount(model))});
    report.table({tr("Model"), tr("Solved")}, solved);

    report.heading(3, tr("Who solves what"));
    QVector<QStringList> regionRows;
    for (const SolveRegion& region : regions.regions)
        regionRows.push_back({regionName(regions, region.mask), QString::number(region.taskIds.size()),
                              taskList(region.taskIds)});
    regionRows.push_back({tr("none"), QString::number(regions.solvedByNone.size()), taskList(regions.solvedByNone)});
    report.table({tr("Solved by"), tr("Problems"), tr("Task ids")}, regionRows);

    if (matrix.models().size() >= 2) {
        report.heading(3, tr("McNemar's exact test"));
        QVector<QStringList> pairs;
        for (std::size_t a = 0; a < matrix.models().size(); ++a)
            for (std::size_t b = a + 1; b < matrix.models().size(); ++b) {
                const McNemarResult test = mcNemar(matrix, matrix.models()[a], matrix.models()[b]);
                pairs.push_back({QString::fromStdString(matrix.models()[a]), QString::fromStdString(matrix.models()[b]),
                                 QString::number(test.onlyA), QString::number(test.onlyB),
                                 QString::number(test.pValue, 'g', 3)});
            }
        report.table({tr("Model A"), tr("Model B"), tr("Only A"), tr("Only B"), tr("p-value")}, pairs);
    }

    QVector<QStringList> disagreements;
    for (const Disagreement& problem : rankByDisagreement(matrix)) {
        if (problem.score <= 0 || disagreements.size() >= kDisagreementsShown)
            break;
        QStringList row{QString::fromStdString(problem.taskId), QString::number(problem.score, 'f', 3)};
        for (const std::string& model : matrix.models())
            row << percent(matrix.cell(problem.taskId, model).fraction());
        disagreements.push_back(row);
    }
    if (!disagreements.isEmpty()) {
        report.heading(3, tr("Where the models disagree most"));
        QStringList headers{tr("Task"), tr("Disagreement")};
        for (const std::string& model : matrix.models())
            headers << QString::fromStdString(model);
        report.table(headers, disagreements);
    }
}

void addAnnotations(ReportDocument& report, Workspace& workspace)
{
    Annotations annotations(workspace);
    const std::vector<Annotation> all = annotations.all();
    if (all.empty())
        return;
    std::map<QString, QString> modelOfItem;
    QStringList models;
    for (const BenchmarkRunInfo& info : answerRuns(workspace)) {
        if (!models.contains(info.model))
            models << info.model;
        for (int index : workspace.recordedSampleIndexes(info.run.id))
            modelOfItem[annotationItemKey(info.run.id, index)] = info.model;
    }
    std::map<std::pair<QString, QString>, int> counts;  // (label, model)
    std::vector<LabelRecord> records;
    for (const Annotation& annotation : all) {
        if (annotation.label.empty())
            continue;
        const QString label = QString::fromStdString(annotation.label);
        ++counts[{label, modelOfItem[QString::fromStdString(annotation.itemKey)]}];
        records.push_back({annotation.annotator, annotation.itemKey, annotation.label});
    }
    report.heading(2, tr("Failure labels"));
    QVector<QStringList> rows;
    for (const FailureLabel& label : annotations.labels()) {
        const QString name = QString::fromStdString(label.name);
        QStringList row{failureLabelName(label.name)};
        int total = 0;
        for (const QString& model : models) {
            const int count = counts[{name, model}];
            row << QString::number(count);
            total += count;
        }
        if (total > 0)
            rows.push_back(row);
    }
    report.table(QStringList{tr("Label")} + models, rows);

    const std::vector<PairwiseKappa> kappas = pairwiseKappa(records);
    if (kappas.empty())
        return;
    report.heading(3, tr("Agreement between annotators"));
    QVector<QStringList> agreement;
    for (const PairwiseKappa& pair : kappas)
        agreement.push_back({QString::fromStdString(pair.annotatorA), QString::fromStdString(pair.annotatorB),
                             QString::number(pair.result.items),
                             pair.result.kappa ? QString::number(*pair.result.kappa, 'f', 3) : tr("n/a")});
    report.table({tr("Annotator A"), tr("Annotator B"), tr("Items both labelled"), tr("Cohen's κ")}, agreement);
}

}  // namespace

ReportDocument workspaceReport(Workspace& workspace)
{
    ReportDocument report;
    report.heading(1, tr("RRTF Workbench report"));
    report.list({tr("Workspace: %1").arg(QString::fromStdString(workspace.path().string())),
                 tr("Written: %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                 tr("Engine: %1").arg(engineVersion())});
    addLeaderboard(report, workspace);
    addOutcomes(report, workspace);
    for (const RunGroup& group : runGroups(workspace))
        addCaseStudy(report, workspace, group);
    addAnnotations(report, workspace);
    return report;
}

void exportReport(Workspace& workspace, const QString& path)
{
    const QString text = workspaceReport(workspace).render(reportFormatForPath(path), tr("RRTF Workbench report"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        throw Error("cannot write the report " + path.toStdString() + ": " + file.errorString().toStdString());
}

}  // namespace rrtf
