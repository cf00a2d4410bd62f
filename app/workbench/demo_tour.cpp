#include "demo_tour.h"

#include "benchmark_runner.h"
#include "benchmark_view.h"
#include "compare_view.h"
#include "inspector_view.h"
#include "judge_service.h"
#include "main_window.h"
#include "model_list_model.h"

#include <QStatusBar>

namespace rrtf {

DemoTour::DemoTour(MainWindow& window, const QString& showcaseTaskId)
    : QObject(&window), m_window(window), m_showcase(showcaseTaskId)
{
    connect(&window.models(), &ModelListModel::stateChanged, this, &DemoTour::onModelState);
    connect(&window.compare(), &CompareView::runFinished, this, &DemoTour::onAnswered);
    connect(&window.compare(), &CompareView::verdictShown, this, &DemoTour::onVerdict);
    connect(&window.benchmarkRunner(), &BenchmarkRunner::finished, this, &DemoTour::onBenchmarked);
}

void DemoTour::start()
{
    onModelState();
}

bool DemoTour::modelsReady() const
{
    ModelListModel& models = m_window.models();
    for (int row = 0; row < models.rowCount(); ++row)
        if (models.stateAt(row) != ModelState::Loaded)
            return false;
    return models.rowCount() > 0;
}

void DemoTour::advance(Step step)
{
    m_step = step;
    Q_EMIT stepChanged(step);
    if (step == Step::Done)
        Q_EMIT finished();
}

void DemoTour::onModelState()
{
    if (m_step != Step::WaitingForModels)
        return;
    ModelListModel& models = m_window.models();
    for (int row = 0; row < models.rowCount(); ++row) {
        if (models.stateAt(row) == ModelState::Failed) {
            // Its row shows the engine's error; the tour has nothing to compare without it.
            m_window.statusBar()->showMessage(
                tr("Demo stopped: %1 did not load (see its row in Models)").arg(models.slotAt(row).name));
            advance(Step::Done);
            return;
        }
    }
    if (!modelsReady())
        return;
    if (!m_showcase.isEmpty())
        m_window.openProblem(m_showcase, {});
    advance(Step::Answering);
    m_window.statusBar()->showMessage(tr("Demo: the three models answer %1 side by side…").arg(m_showcase));
    m_window.runAll();
}

void DemoTour::onAnswered()
{
    if (m_step != Step::Answering)
        return;
    advance(Step::Judging);
    m_verdicts = 0;
    m_window.compare().testAll();
}

void DemoTour::onVerdict()
{
    if (m_step != Step::Judging || ++m_verdicts < m_window.compare().panes().size())
        return;
    advance(Step::Benchmarking);
    BenchmarkView& benchmark = m_window.benchmark();
    QVector<int> rows;
    for (int row = 0; row < m_window.models().rowCount(); ++row)
        rows << row;
    benchmark.setCheckedModels(rows);  // with the decoding the tab shows: greedy on a first start
    m_window.statusBar()->showMessage(
        tr("Demo: benchmarking the three models on the demo problems (Benchmark tab; under a minute)…"), 10000);
    benchmark.start();
    if (!m_window.benchmarkRunner().isRunning())  // it could not start
        onBenchmarked();
}

void DemoTour::onBenchmarked()
{
    if (m_step != Step::Benchmarking)
        return;
    // The inspector opens on the base model's failures (the first slot's), ready to label.
    m_window.inspector().reload();
    m_window.inspector().showModelAnswers(m_window.models().slotAt(0).name);
    m_window.statusBar()->showMessage(
        tr("Demo ready: see the leaderboard, the case study and the base model's failures in the inspector"), 15000);
    advance(Step::Done);
}

}  // namespace rrtf
