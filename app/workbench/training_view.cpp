#include "training_view.h"

#include "rankings_view.h"
#include "training_job_dialog.h"
#include "widgets/code_editor.h"
#include "widgets/series_colors.h"
#include "widgets/training_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

namespace rrtf {
namespace {

constexpr int kSmoothingSteps = 999;  // the slider's range: weight = value / 1000, at most 0.999

QString metricTitle(const QString& metric)
{
    if (metric == QLatin1String("loss")) return TrainingView::tr("Loss");
    if (metric == QLatin1String("rank_loss")) return TrainingView::tr("Rank loss");
    if (metric == QLatin1String("sft_loss")) return TrainingView::tr("SFT loss");
    if (metric == QLatin1String("lr")) return TrainingView::tr("Learning rate");
    if (metric == QLatin1String("tokens_per_second")) return TrainingView::tr("Tokens/s");
    return TrainingView::tr("pass@1 (held-out)");
}

QString stateText(const QString& state)
{
    if (state == QLatin1String("running")) return TrainingView::tr("running");
    if (state == QLatin1String("finished")) return TrainingView::tr("finished");
    if (state == QLatin1String("failed")) return TrainingView::tr("failed");
    if (state == QLatin1String("cancelled")) return TrainingView::tr("cancelled");
    return state;
}

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

}  // namespace

QStringList TrainingView::metrics()
{
    return {QStringLiteral("loss"), QStringLiteral("rank_loss"), QStringLiteral("sft_loss"),
            QStringLiteral("lr"), QStringLiteral("tokens_per_second"), QStringLiteral("pass_at_1")};
}

TrainingView::TrainingView(QWidget* parent)
    : QWidget(parent),
      m_runList(new QListWidget(this)),
      m_axis(new QComboBox(this)),
      m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_smoothingValue(new QLabel(this)),
      m_logX(new QCheckBox(tr("Log x"), this)),
      m_logY(new QCheckBox(tr("Log y"), this)),
      m_chartGrid(new QWidget(this)),
      m_status(new QLabel(this)),
      m_log(new QPlainTextEdit(this)),
      m_program(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("rrtf"))),
      m_demoButton(new QPushButton(tr("Demo: RRTF vs SFT"), this))
{
    setObjectName(QStringLiteral("trainingView"));
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_runList->setAccessibleName(tr("Training runs"));
    m_runList->setToolTip(tr("Checked runs are drawn; the selected run's status and log are shown below"));
    auto* newJob = new QPushButton(tr("New job…"), this);
    auto* open = new QPushButton(tr("Open run…"), this);
    auto* cancel = new QPushButton(tr("Cancel job"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setToolTip(tr("Stop following the selected run (its folder stays)"));
    auto* rankings = new QPushButton(tr("View rankings…"), this);
    rankings->setToolTip(tr("See what a job trains on: the ranked answers and pairs of a rankings file"));
    connect(rankings, &QPushButton::clicked, this, &TrainingView::viewRankings);
    connect(newJob, &QPushButton::clicked, this, &TrainingView::newJob);
    connect(open, &QPushButton::clicked, this, &TrainingView::openRun);
    connect(cancel, &QPushButton::clicked, this, &TrainingView::cancelSelected);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (TrainingRun* run = selectedRun())
            removeRun(run->folder());
    });
    auto* runButtons = new QGridLayout;
    runButtons->addWidget(newJob, 0, 0);
    runButtons->addWidget(open, 0, 1);
    runButtons->addWidget(cancel, 1, 0);
    runButtons->addWidget(remove, 1, 1);
    runButtons->addWidget(rankings, 2, 0, 1, 2);
    m_demoButton->setToolTip(tr("Fine-tune the demo base model twice on the demo task, with RRTF and with "
                                "supervised fine-tuning, and watch held-out pass@1 rise (a few minutes)"));
    m_demoButton->hide();
    connect(m_demoButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (startDemoJobs(&error).isEmpty())
            QMessageBox::warning(this, tr("Demo jobs"), error);
    });
    runButtons->addWidget(m_demoButton, 3, 0, 1, 2);
    auto* runPanel = new QWidget(this);
    auto* runLayout = new QVBoxLayout(runPanel);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_runList);
    runLayout->addLayout(runButtons);

    m_axis->addItem(tr("Step"), int(TrainingAxis::Step));
    m_axis->addItem(tr("Training time (s)"), int(TrainingAxis::RelativeTime));
    m_axis->addItem(tr("Wall clock (Unix s)"), int(TrainingAxis::WallTime));
    m_axis->addItem(tr("Tokens seen"), int(TrainingAxis::Tokens));
    m_smoothing->setRange(0, kSmoothingSteps);
    m_smoothing->setValue(600);
    m_smoothing->setAccessibleName(tr("Smoothing"));
    auto* csv = new QPushButton(tr("Export CSV…"), this);
    auto* png = new QPushButton(tr("Export PNG…"), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export curves"), QStringLiteral("curves.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            QMessageBox::warning(this, tr("Export curves"), tr("Cannot write %1.").arg(path));
    });
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export charts"), QStringLiteral("curves.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Export charts"), tr("Cannot write %1.").arg(path));
    });
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X axis:"), this));
    controls->addWidget(m_axis);
    controls->addWidget(new QLabel(tr("Smoothing:"), this));
    controls->addWidget(m_smoothing, 1);
    controls->addWidget(m_smoothingValue);
    controls->addWidget(m_logX);
    controls->addWidget(m_logY);
    controls->addWidget(csv);
    controls->addWidget(png);

    auto* grid = new QGridLayout(m_chartGrid);
    grid->setContentsMargins(0, 0, 0, 0);
    int index = 0;
    for (const QString& metric : metrics()) {
        auto* chart = new TrainingChart(metricTitle(metric), m_chartGrid);
        chart->setMinimumSize(240, 180);
        m_charts.insert(metric, chart);
        grid->addWidget(chart, index / 3, index % 3);
        ++index;
    }
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("Job log"));
    m_log->setFont(CodeEditor::codeFont());
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_status);
    bottomLayout->addWidget(m_log);
    auto* right = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(controls);
    topLayout->addWidget(m_chartGrid, 1);
    right->addWidget(top);
    right->addWidget(bottom);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(runPanel);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({220, 1200});  // the run list is narrow; the charts take the rest
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(100);  // at most ~10 redraws a second while a job writes
    connect(&m_redraw, &QTimer::timeout, this, &TrainingView::redraw);
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &TrainingView::refreshStatus);
    connect(m_axis, &QComboBox::currentIndexChanged, this, &TrainingView::scheduleRedraw);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) { setSmoothing(value / 1000.0); });
    connect(m_logX, &QCheckBox::toggled, this, &TrainingView::setLogX);
    connect(m_logY, &QCheckBox::toggled, this, &TrainingView::setLogY);
    connect(m_runList, &QListWidget::itemChanged, this, &TrainingView::scheduleRedraw);
    connect(m_runList, &QListWidget::currentRowChanged, this, &TrainingView::refreshStatus);
    setSmoothing(0.6);
}

TrainingRun* TrainingView::addRun(const QString& folder)
{
    const QString key = QDir::cleanPath(folder);
    if (TrainingRun* existing = m_runs.value(key))
        return existing;
    const QColor color = seriesColor(int(m_runs.size()), palette());
    auto* run = new TrainingRun(key, color, this);
    m_runs.insert(key, run);
    connect(run, &TrainingRun::changed, this, &TrainingView::scheduleRedraw);
    auto* item = new QListWidgetItem(swatch(color), run->name(), m_runList);
    item->setData(Qt::UserRole, key);
    item->setToolTip(key);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_runList->setCurrentItem(item);
    redraw();
    Q_EMIT runsChanged();
    return run;
}

void TrainingView::removeRun(const QString& folder)
{
    const QString key = QDir::cleanPath(folder);
    TrainingRun* run = m_runs.take(key);
    if (!run)
        return;
    for (int row = 0; row < m_runList->count(); ++row)
        if (m_runList->item(row)->data(Qt::UserRole).toString() == key)
            delete m_runList->takeItem(row);
    run->deleteLater();
    redraw();
    Q_EMIT runsChanged();
}

QStringList TrainingView::runFolders() const
{
    return m_runs.keys();
}

TrainingRun* TrainingView::run(const QString& folder) const
{
    return m_runs.value(QDir::cleanPath(folder));
}

void TrainingView::setAxis(TrainingAxis axis)
{
    const QSignalBlocker blocker(m_axis);  // one redraw, here, not another from the timer
    m_axis->setCurrentIndex(m_axis->findData(int(axis)));
    redraw();
}

void TrainingView::setSmoothing(double weight)
{
    const QSignalBlocker blocker(m_smoothing);
    m_smoothing->setValue(int(std::lround(weight * 1000)));
    m_smoothingValue->setText(QString::number(m_smoothing->value() / 1000.0, 'f', 3));
    for (TrainingChart* chart : m_charts)
        chart->setSmoothing(m_smoothing->value() / 1000.0);
}

void TrainingView::setLogX(bool on)
{
    const QSignalBlocker blocker(m_logX);
    m_logX->setChecked(on);
    for (TrainingChart* chart : m_charts)
        chart->setLogX(on);
}

void TrainingView::setLogY(bool on)
{
    const QSignalBlocker blocker(m_logY);
    m_logY->setChecked(on);
    for (TrainingChart* chart : m_charts)
        chart->setLogY(on);
}

QString TrainingView::xTitle() const
{
    return m_axis->currentText();
}

void TrainingView::scheduleRedraw()
{
    if (!m_redraw.isActive())
        m_redraw.start();
}

void TrainingView::redraw()
{
    const auto axis = TrainingAxis(m_axis->currentData().toInt());
    QMap<QString, bool> shown;
    for (int row = 0; row < m_runList->count(); ++row)
        shown.insert(m_runList->item(row)->data(Qt::UserRole).toString(),
                     m_runList->item(row)->checkState() == Qt::Checked);
    for (auto chart = m_charts.cbegin(); chart != m_charts.cend(); ++chart) {
        QVector<TrainingChart::CurveData> curves;
        for (TrainingRun* run : m_runs)
            if (shown.value(run->folder()))
                curves.push_back({run->name(), run->color(), run->curve(chart.key(), axis)});
        chart.value()->setXTitle(xTitle());
        chart.value()->setCurves(curves);
    }
}

void TrainingView::refreshStatus()
{
    TrainingRun* run = selectedRun();
    if (!run) {
        m_status->clear();
        m_log->clear();
        m_shownLog.clear();
        return;
    }
    const TrainingStatus status = run->status();
    QString text;
    switch (status.liveness) {
    case JobLiveness::NoStatus:
        text = tr("%1: no job status yet").arg(run->name());
        break;
    case JobLiveness::StoppedUnexpectedly:
        text = tr("%1: stopped unexpectedly at step %2 (start it again to resume)").arg(run->name()).arg(status.step);
        break;
    case JobLiveness::RunningElsewhere:
        text = tr("%1: running on %2, step %3 of %4").arg(run->name(), status.host).arg(status.step).arg(status.totalSteps);
        break;
    case JobLiveness::Running:
    case JobLiveness::Ended:
        text = tr("%1: %2, step %3 of %4").arg(run->name(), stateText(status.state)).arg(status.step).arg(status.totalSteps);
        break;
    }
    if (status.stopRequested && (status.liveness == JobLiveness::Running || status.liveness == JobLiveness::RunningElsewhere))
        text += tr(", stopping after this step");
    if (!status.error.isEmpty())
        text += QStringLiteral(" — ") + status.error;
    m_status->setText(text);
    const QString log = run->logTail();
    if (log != m_shownLog) {
        m_shownLog = log;
        m_log->setPlainText(log);
        m_log->moveCursor(QTextCursor::End);
    }
}

// The status and log are read only while the tab is on screen.
void TrainingView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshStatus();
    m_statusTimer.start();
}

void TrainingView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_statusTimer.stop();
}

TrainingRun* TrainingView::selectedRun() const
{
    const QListWidgetItem* item = m_runList->currentItem();
    return item ? m_runs.value(item->data(Qt::UserRole).toString()) : nullptr;
}

QString TrainingView::csv() const
{
    QString out = QStringLiteral("metric,run,x,value,smoothed\r\n");
    for (auto chart = m_charts.cbegin(); chart != m_charts.cend(); ++chart) {
        const QStringList lines = chart.value()->csv().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < lines.size(); ++i)  // each chart's own header is dropped
            out += chart.key() + QLatin1Char(',') + lines[i] + QStringLiteral("\r\n");
    }
    return out;
}

bool TrainingView::exportCsv(const QString& path)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(csv().toUtf8()) >= 0 && file.commit();
}

bool TrainingView::exportPng(const QString& path)
{
    return m_chartGrid->grab().save(path, "PNG");
}

void TrainingView::newJob()
{
    auto* dialog = new TrainingJobDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        if (!dialog->writeConfig(&error)) {
            QMessageBox::warning(this, tr("New training job"), error);
            return;
        }
        TrainingRun* run = addRun(dialog->runFolder());
        if (!run->launch(m_program, &error))
            QMessageBox::warning(this, tr("New training job"), error);
    });
    dialog->open();
}

void TrainingView::setDemoJobs(const QVector<TrainingJobSpec>& jobs, const QString& parentFolder)
{
    m_demoJobs = jobs;
    m_demoParent = parentFolder;
    m_demoButton->setVisible(!jobs.isEmpty());
}

QStringList TrainingView::startDemoJobs(QString* error)
{
    // demo-20261207-101500-rrtf: a new pair of runs each time, sorted by when they started.
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QStringList folders;
    for (const TrainingJobSpec& job : m_demoJobs) {
        const QString folder = QDir(m_demoParent).filePath(QStringLiteral("demo-%1-%2").arg(stamp, job.name));
        QSaveFile config(QDir(folder).filePath(QStringLiteral("config.json")));
        if (!QDir().mkpath(folder) || !config.open(QIODevice::WriteOnly) ||
            config.write(QJsonDocument(job.config).toJson()) < 0 || !config.commit()) {
            *error = tr("Cannot write %1.").arg(config.fileName());
            return {};
        }
        folders << folder;
    }
    for (const QString& folder : folders) {
        TrainingRun* run = addRun(folder);
        if (!run->launch(m_program, error, {QStringLiteral("--threads"), QStringLiteral("1")}))
            return {};
    }
    if (!folders.isEmpty())
        m_runList->setCurrentRow(m_runList->count() - 1);
    return folders;
}

void TrainingView::openRun()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a training run"));
    if (!folder.isEmpty())
        addRun(folder);
}

void TrainingView::cancelSelected()
{
    TrainingRun* run = selectedRun();
    if (!run)
        return;
    QString message;
    run->cancel(&message);
    refreshStatus();
    if (!message.isEmpty())
        QMessageBox::information(this, tr("Cancel job"), message);
}

// The rankings file named by the selected run's config.json (relative to the
// run folder, as `rrtf train` reads it); empty when there is none.
QString TrainingView::selectedRunRankings() const
{
    const TrainingRun* run = selectedRun();
    if (!run)
        return {};
    QFile file(QDir(run->folder()).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString rankings = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("rankings")).toString();
    return rankings.isEmpty() ? QString() : QDir(run->folder()).absoluteFilePath(rankings);
}

void TrainingView::viewRankings()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("View rankings"), selectedRunRankings(),
                                                      tr("Rankings (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        RankingsView::openWindow(window(), path);
}

}  // namespace rrtf
