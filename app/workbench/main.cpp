// rrtf-workbench: the desktop program. Opens on the models and problem set of
// the last session, or on the demo workspace the first time.
#include "main_window.h"

#include "runtime/threads.h"

#include <QApplication>
#include <QCommandLineParser>
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
    QApplication::setOrganizationName(QStringLiteral("rrtf-workbench"));
    QApplication::setApplicationName(QStringLiteral("rrtf-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("RRTF Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(RRTF_VERSION));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Compare, judge and train code models"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption noLoad(QStringLiteral("no-load"), QApplication::translate("main", "Do not load the models at start"));
    parser.addOption(noLoad);
    parser.process(app);

    rrtf::configureComputeThreads(0);
    rrtf::MainWindowOptions options;
    options.demoFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    options.loadModelsOnStart = !parser.isSet(noLoad);
    rrtf::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    return app.exec();
}
