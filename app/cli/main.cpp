// rrtf: the headless command line of RRTF Workbench.
#include "cli_support.h"
#include "runtime/error.h"
#include "runtime/version.h"

#include <c10/util/Exception.h>

#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    CLI::App app{"rrtf: run StarCoder-family code models (StarCoder, WizardCoder, PanGu-Coder2) from the command line"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "rrtf " + std::string(rrtf::projectVersion()));
    rrtf::cli::addTokenizeCommand(app);
    rrtf::cli::addLogitsCommand(app);
    rrtf::cli::addGenerateCommand(app);
    rrtf::cli::addInfoCommand(app);
    rrtf::cli::addDemoModelCommand(app);
    rrtf::cli::addDemoCommand(app);
    rrtf::cli::addEvalCommand(app);
    rrtf::cli::addCheckCommand(app);
    rrtf::cli::addContaminationCommand(app);
    rrtf::cli::addEvolveCommand(app);
    rrtf::cli::addSampleCommand(app);
    rrtf::cli::addRankCommand(app);
    rrtf::cli::addTrainCommand(app);
    rrtf::cli::addJobCommands(app);
    rrtf::cli::addQuantizeCommand(app);
    rrtf::cli::addDocsCommands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    } catch (const rrtf::Cancelled&) {
        std::cerr << "rrtf: cancelled\n";
        return 130;
    } catch (const rrtf::Error& error) {
        std::cerr << "rrtf: error: " << error.what() << '\n';
        return 1;
    } catch (const c10::Error& error) {
        // LibTorch's messages carry a backtrace after the first line.
        const std::string message = error.what_without_backtrace();
        std::cerr << "rrtf: error: " << message.substr(0, message.find('\n')) << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "rrtf: error: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
