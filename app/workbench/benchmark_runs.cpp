#include "benchmark_runs.h"

#include "free_tr.h"

namespace rrtf {

QString BenchmarkDecoding::label() const
{
    if (greedy)
        return QStringLiteral("greedy");
    return QStringLiteral("T=%1 top-p=%2 n=%3").arg(temperature).arg(topP).arg(samplesPerProblem);
}

QString decodingText(const QString& label)
{
    if (label == QLatin1String("greedy"))
        return tr("greedy");
    if (label == QLatin1String("side by side"))
        return tr("side by side");
    return label;
}

bool readBenchmarkRun(const EvalRun& run, BenchmarkRunInfo& info, bool comparisons)
{
    const nlohmann::json& settings = run.settings;
    if (!settings.is_object())
        return false;
    const std::string kind = settings.value("kind", std::string());
    if (kind != "benchmark" && !(comparisons && kind == "comparison"))
        return false;
    info.run = run;
    info.model = QString::fromStdString(settings.value("model", std::string()));
    info.decoding = QString::fromStdString(settings.value("decoding", std::string()));
    info.samplesPerProblem = settings.value("n", 1);
    return true;
}

QVector<BenchmarkRunInfo> benchmarkRuns(Workspace& workspace)
{
    QVector<BenchmarkRunInfo> result;
    for (const EvalRun& run : workspace.runs()) {
        BenchmarkRunInfo info;
        if (readBenchmarkRun(run, info))
            result.push_back(info);
    }
    return result;
}

QVector<BenchmarkRunInfo> answerRuns(Workspace& workspace)
{
    QVector<BenchmarkRunInfo> result;
    for (const EvalRun& run : workspace.runs()) {
        BenchmarkRunInfo info;
        if (readBenchmarkRun(run, info, true))
            result.push_back(info);
    }
    return result;
}

QString annotationItemKey(std::int64_t runId, int sampleIndex)
{
    return QStringLiteral("run:%1:%2").arg(runId).arg(sampleIndex);
}

}  // namespace rrtf
