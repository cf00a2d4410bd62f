#include "screenshot_tour.h"

#include "demo_tour.h"
#include "main_window.h"
#include "training_run.h"
#include "training_view.h"

#include <QDir>
#include <QTabWidget>

#include <cstdio>

namespace rrtf {
namespace {

constexpr int kSettleMs = 800;  // a tab's charts and tables lay out and paint

QString fileName(int index, const QString& title)
{
    QString name = title.toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    name.remove(QLatin1Char('&'));
    return QStringLiteral("%1-%2.png").arg(index + 1, 2, 10, QLatin1Char('0')).arg(name);
}

}  // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, const QString& folder, bool withTraining)
    : QObject(&window), m_window(window), m_folder(folder), m_withTraining(withTraining)
{
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTour::pollTraining);
}

void ScreenshotTour::start()
{
    if (!QDir().mkpath(m_folder)) {
        std::fprintf(stderr, "screenshots: cannot make the folder %s\n", qPrintable(m_folder));
        // Queued: start() runs before the application's event loop, which exit() needs.
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(false); });
        return;
    }
    DemoTour* tour = m_window.demoTour();
    if (tour && tour->step() != DemoTour::Step::Done) {
        connect(tour, &DemoTour::stepChanged, this, [](DemoTour::Step step) {
            std::fprintf(stderr, "screenshots: demo step %d\n", int(step));
        });
        connect(tour, &DemoTour::finished, this, &ScreenshotTour::startTraining);
    } else
        startTraining();
}

void ScreenshotTour::startTraining()
{
    if (!m_withTraining) {
        shootNext();
        return;
    }
    QString error;
    m_jobs = m_window.training().startDemoJobs(&error);
    if (m_jobs.isEmpty()) {
        std::fprintf(stderr, "screenshots: cannot start the demo jobs: %s\n", qPrintable(error));
        shootNext();
        return;
    }
    m_poll.start();
}

void ScreenshotTour::pollTraining()
{
    for (const QString& folder : m_jobs) {
        const TrainingRun* run = m_window.training().run(folder);
        if (run && run->status().liveness == JobLiveness::Running)
            return;
    }
    m_poll.stop();
    shootNext();
}

void ScreenshotTour::shootNext()
{
    QTabWidget& tabs = m_window.tabs();
    if (m_tab > 0) {
        const QString path = QDir(m_folder).filePath(fileName(m_tab - 1, tabs.tabText(m_tab - 1)));
        if (!m_window.grab().save(path, "PNG")) {
            std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(path));
            Q_EMIT finished(false);
            return;
        }
        std::fprintf(stderr, "screenshots: wrote %s\n", qPrintable(path));
    }
    if (m_tab >= tabs.count()) {
        Q_EMIT finished(true);
        return;
    }
    tabs.setCurrentIndex(m_tab++);
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::shootNext);
}

}  // namespace rrtf
