// The training dashboard on run folders the test writes: curves follow a
// metrics file as it grows, runs overlay, the x axis switches between step,
// time and tokens, exports, a job's status (a crashed job is told apart from a
// running one), the job form writes config.json, and the followed runs come
// back after a restart.
#include "training/job_process.h"
#include "training/ranking.h"
#include "training/train_config.h"

#include "main_window.h"
#include "training_job_dialog.h"
#include "training_view.h"
#include "widgets/training_chart.h"

#include "support/sigterm_counter.h"

#include <QComboBox>
#include <QLabel>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QLineSeries>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace rrtf;
using rrtf::test::SigtermCounter;

namespace {

void append(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(text);
}

QByteArray stepLine(int step, double loss, double seconds, int tokens)
{
    return QStringLiteral("{\"step\":%1,\"epoch\":0.5,\"loss\":%2,\"rank_loss\":%3,\"sft_loss\":%4,\"lr\":0.0001,"
                          "\"tokens_per_second\":250,\"elapsed_seconds\":%5,\"tokens_seen\":%6}\n")
        .arg(step).arg(loss).arg(loss / 4).arg(loss * 3 / 4).arg(seconds).arg(tokens)
        .toUtf8();
}

// A status.json of a running job at step 7 of 20 whose process is `pid`, started
// at `startTime` (clock ticks after boot) on `host`.
void writeStatus(const QString& folder, qint64 pid, quint64 startTime, const QString& host)
{
    QFile status(folder + "/status.json");
    QVERIFY(status.open(QIODevice::WriteOnly | QIODevice::Truncate));
    status.write(QJsonDocument(QJsonObject{{"state", "running"}, {"pid", pid}, {"start_time", qint64(startTime)},
                                           {"host", host}, {"step", 7}, {"total_steps", 20}})
                     .toJson());
}

quint64 ownStartTime()
{
    return processStartTime(QCoreApplication::applicationPid()).value_or(0);
}

QString shownStatus(const TrainingView& view)
{
    const auto* label = view.findChild<QLabel*>("trainingStatus");
    return label ? label->text() : QString();
}

}  // namespace

class TestTrainingView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void curvesFollowAGrowingMetricsFile();
    void runsOverlayAndExport();
    void statusTellsACrashFromARun();
    void cancelWritesTheStopFileAndSignalsNothing();
    void reusedPidIsStoppedUnexpectedlyNeverSignalled();
    void jobOnAnotherHostIsShownThereNeverSignalled();
    void jobFormWritesTheConfig();
    void jobFormRefusesRrtfWithoutPairs();
    void jobFormRefusesRankingsWithoutTeachers();
    void followedRunsSurviveARestart();

private:
    QString runFolder(const QString& name);
    QTemporaryDir m_dir;
};

void TestTrainingView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("rrtf-workbench-test");
    QCoreApplication::setApplicationName("test_training_view");
    QVERIFY(m_dir.isValid());
    qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
    QSettings().clear();
}

QString TestTrainingView::runFolder(const QString& name)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    return folder;
}

void TestTrainingView::curvesFollowAGrowingMetricsFile()
{
    const QString folder = runFolder("run-a");
    const QString metrics = folder + "/metrics.jsonl";
    append(metrics, stepLine(1, 4.0, 1.5, 100));
    TrainingView view;
    view.resize(1200, 800);
    view.setSmoothing(0);
    view.addRun(folder);
    QCOMPARE(view.chart("loss")->drawnPoints("run-a").size(), 1);
    const QPointer<QAbstractSeries> lossLine = view.chart("loss")->chart()->series().value(0);
    QVERIFY(lossLine);
    // The job appends; the dashboard redraws by itself (watcher or poll).
    append(metrics, stepLine(2, 3.0, 3.0, 200) + stepLine(3, 2.0, 4.5, 300));
    QTRY_COMPARE_WITH_TIMEOUT(view.chart("loss")->drawnPoints("run-a").size(), 3, 5000);
    // The redraw put the new points into the same series (a QPointer: a deleted
    // series' address could come back for a new one).
    QVERIFY(lossLine);
    QCOMPARE(view.chart("loss")->chart()->series(), QList<QAbstractSeries*>({lossLine.data()}));
    QCOMPARE(qobject_cast<QLineSeries*>(lossLine.data())->count(), 3);
    QCOMPARE(view.chart("rank_loss")->drawnPoints("run-a").last(), QPointF(3, 0.5));
    QVERIFY(view.chart("pass_at_1")->drawnPoints("run-a").isEmpty());  // no evaluation yet
    append(metrics, "{\"step\":3,\"epoch\":0.75,\"elapsed_seconds\":5.0,\"tokens_seen\":300,\"pass_at_1\":0.25,"
                    "\"eval_problems\":4,\"eval_passed\":1}\n");
    QTRY_COMPARE_WITH_TIMEOUT(view.chart("pass_at_1")->drawnPoints("run-a").size(), 1, 5000);

    view.setAxis(TrainingAxis::Tokens);
    QCOMPARE(view.chart("loss")->drawnPoints("run-a").last(), QPointF(300, 2.0));
    view.setAxis(TrainingAxis::RelativeTime);
    QCOMPARE(view.chart("loss")->drawnPoints("run-a").first(), QPointF(1.5, 4.0));
    view.setLogY(true);
    QVERIFY(view.chart("loss")->chart()->axes(Qt::Vertical).first()->type() == QAbstractAxis::AxisTypeLogValue);
}

void TestTrainingView::runsOverlayAndExport()
{
    const QString a = runFolder("overlay-a");
    const QString b = runFolder("overlay-b");
    append(a + "/metrics.jsonl", stepLine(1, 2.0, 1, 10) + stepLine(2, 1.0, 2, 20));
    append(b + "/metrics.jsonl", stepLine(1, 3.0, 1, 10));
    TrainingView view;
    view.resize(1200, 800);
    view.addRun(a);
    view.addRun(b);
    QCOMPARE(view.chart("loss")->runs(), QStringList({"overlay-a", "overlay-b"}));
    QVERIFY(view.run(a)->color() != view.run(b)->color());
    const QStringList lines = view.csv().split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QString("metric,run,x,value,smoothed"));
    QVERIFY(lines.contains("loss,overlay-a,2,1,1.375"));  // smoothing 0.6: (0.6*0.8 + 0.4*1) / (1 - 0.36)
    QVERIFY(lines.contains("sft_loss,overlay-b,1,2.25,2.25"));
    QVERIFY(view.exportCsv(m_dir.filePath("curves.csv")));
    QVERIFY(view.exportPng(m_dir.filePath("curves.png")));
    QVERIFY(QImage(m_dir.filePath("curves.png")).width() > 0);
    view.removeRun(b);
    QCOMPARE(view.chart("loss")->runs(), QStringList({"overlay-a"}));
}

void TestTrainingView::statusTellsACrashFromARun()
{
    const QString folder = runFolder("status");
    TrainingView view;
    TrainingRun* run = view.addRun(folder);
    QVERIFY(run->status().state.isEmpty());
    // This process is alive: a running job. A pid that cannot exist: a job that died.
    writeStatus(folder, QCoreApplication::applicationPid(), ownStartTime(), QString::fromStdString(hostName()));
    QCOMPARE(run->status().liveness, JobLiveness::Running);
    QCOMPARE(run->status().step, 7);
    writeStatus(folder, 2147483000, 1, QString::fromStdString(hostName()));
    QCOMPARE(run->status().liveness, JobLiveness::StoppedUnexpectedly);
    QString error;
    QVERIFY(!run->cancel(&error));  // nothing to stop
    QVERIFY(error.contains("not running"));
    append(folder + "/train.log", "step 1/20 loss 2.5\nstep 2/20 loss 2.4\n");
    QCOMPARE(run->logTail(1), QString("step 2/20 loss 2.4"));
    QVERIFY(run->logTail().contains("step 2/20 loss 2.4"));
}

// Cancel asks a job running here through its stop file (the trainer stops
// after its step and checkpoints) and sends no signal at all.
void TestTrainingView::cancelWritesTheStopFileAndSignalsNothing()
{
    const QString folder = runFolder("cancel-here");
    TrainingView view;
    view.show();
    TrainingRun* run = view.addRun(folder);
    writeStatus(folder, QCoreApplication::applicationPid(), ownStartTime(), QString::fromStdString(hostName()));
    const SigtermCounter sigterm;
    QString message;
    QVERIFY2(run->cancel(&message), qPrintable(message));
    QVERIFY2(message.isEmpty(), qPrintable(message));
    QVERIFY(QFile::exists(folder + "/stop"));
    QCOMPARE(sigterm.count(), 0);
    QVERIFY(run->status().stopRequested);
    QTRY_VERIFY_WITH_TIMEOUT(shownStatus(view).contains("stopping after this step"), 5000);
}

// A status.json whose pid is alive but started at another time is another
// process that got the number (here: the test itself): the job is shown as
// stopped unexpectedly, and cancel neither signals nor writes a stop file.
void TestTrainingView::reusedPidIsStoppedUnexpectedlyNeverSignalled()
{
    const QString folder = runFolder("reused-pid");
    TrainingView view;
    view.show();
    TrainingRun* run = view.addRun(folder);
    writeStatus(folder, QCoreApplication::applicationPid(), ownStartTime() + 1, QString::fromStdString(hostName()));
    QCOMPARE(run->status().liveness, JobLiveness::StoppedUnexpectedly);
    QTRY_VERIFY_WITH_TIMEOUT(shownStatus(view).contains("stopped unexpectedly at step 7"), 5000);
    QVERIFY(!shownStatus(view).contains("running"));
    const SigtermCounter sigterm;
    QString message;
    QVERIFY(!run->cancel(&message));
    QVERIFY2(message.contains("stopped unexpectedly"), qPrintable(message));
    QCoreApplication::processEvents();
    QCOMPARE(sigterm.count(), 0);
    QVERIFY(!QFile::exists(folder + "/stop"));
}

// A job whose status names another host is shown as running there; cancel
// writes the stop file (which reaches it through a shared filesystem), says so,
// and signals nothing, whatever process has that pid here.
void TestTrainingView::jobOnAnotherHostIsShownThereNeverSignalled()
{
    const QString folder = runFolder("other-host");
    TrainingView view;
    view.show();
    TrainingRun* run = view.addRun(folder);
    const QString host = QString::fromStdString(hostName()) + "-elsewhere";
    writeStatus(folder, QCoreApplication::applicationPid(), ownStartTime(), host);
    QCOMPARE(run->status().liveness, JobLiveness::RunningElsewhere);
    QTRY_VERIFY_WITH_TIMEOUT(shownStatus(view).contains("running on " + host + ", step 7 of 20"), 5000);
    const SigtermCounter sigterm;
    QString message;
    QVERIFY2(run->cancel(&message), qPrintable(message));
    QVERIFY2(message.contains(host) && message.contains("shared filesystem"), qPrintable(message));
    QCoreApplication::processEvents();
    QCOMPARE(sigterm.count(), 0);
    QVERIFY(QFile::exists(folder + "/stop"));
}

void TestTrainingView::jobFormWritesTheConfig()
{
    const QString model = runFolder("model");
    const QString rankings = m_dir.filePath("rankings.jsonl");
    append(rankings, "{}\n");
    TrainingJobDialog dialog;
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problem().contains("folder"));
    dialog.setRunFolder(m_dir.filePath("jobs/first"));
    dialog.setModel(model);
    dialog.setRankings(rankings);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(ok->isEnabled());
    QString error;
    QVERIFY(dialog.writeConfig(&error));
    QFile file(m_dir.filePath("jobs/first/config.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(config.value("model").toString(), model);
    QCOMPARE(config.value("rankings").toString(), rankings);
    QCOMPARE(config.value("objective").toString(), QString("rrtf"));
    QCOMPARE(config.value("global_batch").toInt(), 64);
    QCOMPARE(config.value("lr").toDouble(), 2e-5);
    QVERIFY(!config.contains("lora"));  // rank 0: off
    QCOMPARE(loadTrainConfig(m_dir.filePath("jobs/first").toStdString()).globalBatch, 64);  // what rrtf train reads
    // A folder that already holds a run is refused (opening it continues that run instead).
    append(m_dir.filePath("jobs/first/metrics.jsonl"), stepLine(1, 1, 1, 1));
    QVERIFY(dialog.problem().contains("already"));
}

// Rankings whose items have a teacher but no pair: an "rrtf" job would train as
// plain SFT (and rrtf train refuses it), so the form says so before it starts.
void TestTrainingView::jobFormRefusesRrtfWithoutPairs()
{
    RankedItem item;
    item.taskId = "demo/0";
    item.instruction = "Write add(a, b).";
    RankedAnswer teacher;
    teacher.text = teacher.code = "def add(a, b):\n    return a + b\n";
    teacher.model = "data";
    teacher.outcome = Outcome::Passed;
    teacher.testsPassed = teacher.testsTotal = 2;
    teacher.answerClass = AnswerClass::AllPass;
    teacher.score = 3;
    item.teachers = {teacher};
    item.bestTeacher = 0;
    item.reason = "no student answers";
    const QString pairless = m_dir.filePath("pairless.jsonl");
    writeRankings(pairless.toStdString(), {item});
    RankedAnswer student = teacher;
    student.code = student.text = "def add(a, b):\n    return a\n";
    student.outcome = Outcome::Failed;
    student.answerClass = AnswerClass::RuntimeError;
    student.score = 1;
    item.students = {student};
    item.pairs = {{0, 3.0, 1.0}};
    item.reason.clear();
    const QString paired = m_dir.filePath("paired.jsonl");
    writeRankings(paired.toStdString(), {item});

    TrainingJobDialog dialog;
    QComboBox* objective = nullptr;
    for (QComboBox* box : dialog.findChildren<QComboBox*>())
        if (box->findData("sft") >= 0)
            objective = box;
    QVERIFY(objective);
    QCOMPARE(objective->currentData().toString(), QString("rrtf"));
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    dialog.setRunFolder(m_dir.filePath("jobs/pairless"));
    dialog.setModel(runFolder("pairless-model"));
    dialog.setRankings(pairless);
    QTRY_VERIFY(dialog.rankingsChecked());
    QVERIFY2(dialog.problem().contains("has no pairs"), qPrintable(dialog.problem()));
    QVERIFY(dialog.problem().contains("Supervised fine-tuning only"));
    QVERIFY(!ok->isEnabled());
    objective->setCurrentIndex(objective->findData("sft"));  // SFT on those answers is fine
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(ok->isEnabled());
    objective->setCurrentIndex(objective->findData("rrtf"));
    QVERIFY(!ok->isEnabled());
    dialog.setRankings(paired);
    QTRY_VERIFY(dialog.rankingsChecked());
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(ok->isEnabled());
}

// Rankings without a teacher answer give no job anything to train on: rrtf
// train refuses them whatever the objective, and so does the form (its check is
// the trainer's, trainingDataProblem).
void TestTrainingView::jobFormRefusesRankingsWithoutTeachers()
{
    RankedItem item;
    item.taskId = "demo/0";
    item.instruction = "Write add(a, b).";
    RankedAnswer student;
    student.text = student.code = "def add(a, b):\n    return a\n";
    student.model = "student";
    student.outcome = Outcome::Failed;
    student.answerClass = AnswerClass::RuntimeError;
    student.score = 1;
    item.students = {student};
    item.reason = "no teacher answer";
    const QString teacherless = m_dir.filePath("teacherless.jsonl");
    writeRankings(teacherless.toStdString(), {item});

    TrainingJobDialog dialog;
    QComboBox* objective = nullptr;
    for (QComboBox* box : dialog.findChildren<QComboBox*>())
        if (box->findData("sft") >= 0)
            objective = box;
    QVERIFY(objective);
    dialog.setRunFolder(m_dir.filePath("jobs/teacherless"));
    dialog.setModel(runFolder("teacherless-model"));
    dialog.setRankings(teacherless);
    QTRY_VERIFY(dialog.rankingsChecked());
    for (const char* chosen : {"rrtf", "sft"}) {
        objective->setCurrentIndex(objective->findData(chosen));
        QVERIFY2(dialog.problem().contains("nothing to train on"), qPrintable(dialog.problem()));
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    }
}

void TestTrainingView::followedRunsSurviveARestart()
{
    const QString folder = runFolder("kept");
    append(folder + "/metrics.jsonl", stepLine(1, 2.0, 1, 10));
    {
        MainWindow window({m_dir.filePath("demo"), false});
        window.training().addRun(folder);
        window.close();
    }
    MainWindow reopened({m_dir.filePath("demo"), false});
    QVERIFY(reopened.training().runFolders().contains(QDir::cleanPath(folder)));
    QCOMPARE(reopened.training().chart("loss")->runs(), QStringList({"kept"}));
}

QTEST_MAIN(TestTrainingView)
#include "test_training_view.moc"
