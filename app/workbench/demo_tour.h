// The first start on the demo pack, run once. When the three demo models have
// loaded, the window opens the showcase problem, runs the three models on it side
// by side and judges their answers, then benchmarks them greedily on the whole demo
// set, so that the leaderboard, the case study and the failure inspector have real
// results to show. Each step starts from the signal that ends the one before it;
// nothing waits, and the user can stop any step as usual.
#pragma once

#include <QObject>
#include <QString>

namespace rrtf {

class MainWindow;
struct AnswerVerdict;

class DemoTour : public QObject {
    Q_OBJECT
public:
    DemoTour(MainWindow& window, const QString& showcaseTaskId);

    enum class Step { WaitingForModels, Answering, Judging, Benchmarking, Done };
    Step step() const { return m_step; }

    // Begins now when the models are loaded, else when they are.
    void start();

Q_SIGNALS:
    void stepChanged(rrtf::DemoTour::Step step);
    void finished();

private:
    bool modelsReady() const;
    void onModelState();
    void onAnswered();
    void onVerdict();
    void onBenchmarked();
    void advance(Step step);

    MainWindow& m_window;
    QString m_showcase;
    Step m_step = Step::WaitingForModels;
    int m_verdicts = 0;
};

}  // namespace rrtf
