// Writes the README's screenshots: once the demo tour has answered, judged and
// benchmarked (and, when asked, the Training tab's demo jobs have finished), each
// tab of the window is shown in turn and grabbed to DIR/NN-tab.png, then the
// program quits. scripts/screenshots.sh runs it under Xvfb on a fresh profile.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace rrtf {

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    // `withTraining`: start the demo jobs after the tour and wait for them.
    ScreenshotTour(MainWindow& window, const QString& folder, bool withTraining);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void startTraining();
    void pollTraining();
    void shootNext();

    MainWindow& m_window;
    QString m_folder;
    bool m_withTraining;
    QStringList m_jobs;
    QTimer m_poll;
    int m_tab = 0;
};

}  // namespace rrtf
