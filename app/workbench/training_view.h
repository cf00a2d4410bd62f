// The training dashboard (issue: RRTF jobs): launch a job from a form over its
// config, cancel it, read its log, and watch its curves live — total, rank and
// SFT loss, learning rate, tokens/s and held-out pass@1 — for several runs
// overlaid, with smoothing, log axes, x by step / time / tokens, and CSV and PNG
// export. Jobs are separate processes; the runs listed here are folders, kept
// in the settings, so a job started before the window opened is followed too.
#pragma once

#include "training_run.h"

#include <QJsonObject>
#include <QMap>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSlider;

namespace rrtf {

class TrainingChart;

// A ready job: the suffix of its run folder and its complete config.json.
struct TrainingJobSpec {
    QString name;
    QJsonObject config;
};

class TrainingView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingView(QWidget* parent = nullptr);

    // Follows the run in `folder` (once); returns it.
    TrainingRun* addRun(const QString& folder);
    void removeRun(const QString& folder);
    QStringList runFolders() const;
    TrainingRun* run(const QString& folder) const;

    // The metrics drawn, as metrics.jsonl names them, and their charts.
    static QStringList metrics();
    TrainingChart* chart(const QString& metric) const { return m_charts.value(metric); }

    void setAxis(TrainingAxis axis);
    void setSmoothing(double weight);
    void setLogX(bool on);
    void setLogY(bool on);
    // Every chart's points: metric, run, x, value, smoothed.
    QString csv() const;
    bool exportCsv(const QString& path);
    bool exportPng(const QString& path);  // the whole grid of charts

    // The demo pack's jobs (RRTF and SFT from the demo base model), offered as one
    // button; their run folders go under `parentFolder`. No jobs: no button.
    void setDemoJobs(const QVector<TrainingJobSpec>& jobs, const QString& parentFolder);
    // Writes each demo job's config into a new folder, starts them all (one compute
    // thread each: they share the machine) and follows them. Returns the folders;
    // on failure an empty list, with `error` set.
    QStringList startDemoJobs(QString* error);

public Q_SLOTS:
    void newJob();
    void openRun();
    void cancelSelected();
    // Asks for a rankings file (the selected run's by default) and shows it in the rankings viewer.
    void viewRankings();

Q_SIGNALS:
    void runsChanged();  // the list of followed folders changed (the window saves it)

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void scheduleRedraw();
    void redraw();
    void refreshStatus();
    TrainingRun* selectedRun() const;
    QString selectedRunRankings() const;
    QString xTitle() const;

    QMap<QString, TrainingRun*> m_runs;  // by folder
    QMap<QString, TrainingChart*> m_charts;
    QListWidget* m_runList;
    QComboBox* m_axis;
    QSlider* m_smoothing;
    QLabel* m_smoothingValue;
    QCheckBox* m_logX;
    QCheckBox* m_logY;
    QWidget* m_chartGrid;
    QLabel* m_status;
    QPlainTextEdit* m_log;
    QString m_shownLog;  // what m_log holds, to skip setting the same text every second
    QTimer m_redraw;  // batches bursts of new metrics into one redraw
    QTimer m_statusTimer;
    QString m_program;
    QVector<TrainingJobSpec> m_demoJobs;
    QString m_demoParent;
    QPushButton* m_demoButton;
};

}  // namespace rrtf
