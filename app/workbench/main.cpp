// rrtf-workbench: the desktop program. Opens on the models and problem set of
// the last session, or on the demo workspace the first time.
#include "compare_view.h"
#include "demo_pack.h"
#include "main_window.h"
#include "screenshot_tour.h"

#include "runtime/thread_guard.h"
#include "runtime/threads.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

namespace {

// The workbench's own strings, then Qt's (standard dialogs), for the system locale.
void installTranslations(QApplication& app)
{
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("rrtf_workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Torch, the sandbox and verdict writes refuse this thread: it only draws and routes.
    rrtf::markResponsiveThread();
    QApplication::setOrganizationName(QStringLiteral("rrtf-workbench"));
    QApplication::setApplicationName(QStringLiteral("rrtf-workbench"));
    QApplication::setApplicationVersion(rrtf::engineVersion());
    // The desktop entry (packaging/desktop): a desktop shows its name and icon for the window.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rrtf.Workbench"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.rrtf.Workbench")));
    installTranslations(app);
    // Translated like the window's title, which it follows in a title bar.
    QApplication::setApplicationDisplayName(QApplication::translate("rrtf::MainWindow", "RRTF Workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Compare, judge and train code models"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption noLoad(QStringLiteral("no-load"), QApplication::translate("main", "Do not load the models at start"));
    parser.addOption(noLoad);
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QApplication::translate("main", "After the first start's demo, save a PNG of "
                                                                   "each tab into DIR and quit"),
                                   QStringLiteral("DIR"));
    parser.addOption(screenshots);
    QCommandLineOption withTraining(QStringLiteral("screenshots-with-training"),
                                    QApplication::translate("main", "Before the screenshots, run the demo training "
                                                                    "jobs to their end"));
    parser.addOption(withTraining);
    parser.process(app);

    rrtf::configureComputeThreads(0);
    rrtf::MainWindowOptions options;
    options.demoFolder = rrtf::shippedDemoFolder();
    options.loadModelsOnStart = !parser.isSet(noLoad);
    rrtf::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    if (parser.isSet(screenshots)) {
        auto* tour = new rrtf::ScreenshotTour(window, parser.value(screenshots), parser.isSet(withTraining));
        QObject::connect(tour, &rrtf::ScreenshotTour::finished, &app, [](bool ok) { QApplication::exit(ok ? 0 : 1); });
        tour->start();
    }
    return app.exec();
}
